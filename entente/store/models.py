"""The database tables, SQLAlchemy 2 declarative models. API schemas live elsewhere."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint, event
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


# unique columns keep their values whole: cutting one could make two rows one
UNCUT = ("doc_id", "content_hash", "duplicate_of")


@event.listens_for(Base, "before_insert", propagate=True)
@event.listens_for(Base, "before_update", propagate=True)
def _fit(mapper: Any, _connection: Any, target: Any) -> None:
    """Every string as both backends store it: a value longer than its column (PostgreSQL refuses
    it, SQLite would keep it) is cut to the column's length, and a NUL (PostgreSQL refuses it in
    text) becomes a space."""
    for prop in mapper.column_attrs:
        value = getattr(target, prop.key, None)
        if not isinstance(value, str):
            continue
        fitted = value.replace("\x00", " ")
        length = getattr(prop.columns[0].type, "length", None)
        if length and len(fitted) > length and prop.key not in UNCUT:
            fitted = fitted[:length]
        if fitted != value:
            setattr(target, prop.key, fitted)


class Article(Base):
    __tablename__ = "articles"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    doc_id: Mapped[str] = mapped_column(String(200), unique=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    origin: Mapped[str] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(10), index=True)
    source: Mapped[str | None] = mapped_column(String(200))
    dateline: Mapped[str | None] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    record: Mapped[str] = mapped_column(Text)
    # the first stored article of this one's near-duplicate group (the same story republished)
    duplicate_of: Mapped[str | None] = mapped_column(String(200), index=True)
    ingested_at: Mapped[datetime] = mapped_column(default=datetime.utcnow)
    events: Mapped[list[Event]] = relationship(back_populates="article", cascade="all, delete-orphan")


class Entity(Base):
    """A canonical actor: one person, organisation or country across articles."""

    __tablename__ = "entities"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(300))
    key: Mapped[str] = mapped_column(String(300), index=True)
    country: Mapped[str | None] = mapped_column(String(3), index=True)
    aliases: Mapped[list[Alias]] = relationship(back_populates="entity", cascade="all, delete-orphan")


class Alias(Base):
    __tablename__ = "aliases"
    __table_args__ = (UniqueConstraint("entity_id", "alias"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(300))
    key: Mapped[str] = mapped_column(String(300), index=True)
    entity: Mapped[Entity] = relationship(back_populates="aliases")


class Mention(Base):
    __tablename__ = "mentions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)


class Role(Base):
    """A title an actor holds according to one article, dated by that article."""

    __tablename__ = "roles"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(300))
    date: Mapped[str | None] = mapped_column(String(10))


class EvidenceSpan(Base):
    __tablename__ = "evidence_spans"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class Event(Base):
    __tablename__ = "events"
    __table_args__ = (Index("ix_events_type_date", "type", "date"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    type: Mapped[str] = mapped_column(String(20))
    mode: Mapped[str | None] = mapped_column(String(40))
    # PLOVER's quad category and conflict/cooperation score (-10 to +10), by type and mode
    quad: Mapped[str | None] = mapped_column(String(30))
    intensity: Mapped[float | None] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(20))
    date: Mapped[str | None] = mapped_column(String(30), index=True)
    # where grouping places the event in time: its date, else its article's (see groups.placing);
    # indexed so that what a report can match is read by time, not through its actors' history
    placed: Mapped[str | None] = mapped_column(String(30), index=True)
    location: Mapped[str | None] = mapped_column(String(200))
    trigger: Mapped[str | None] = mapped_column(String(100))
    evidence_id: Mapped[int] = mapped_column(ForeignKey("evidence_spans.id"))
    group_id: Mapped[int | None] = mapped_column(ForeignKey("event_groups.id", ondelete="SET NULL"), index=True)
    group_score: Mapped[float | None] = mapped_column(Float)
    article: Mapped[Article] = relationship(back_populates="events")
    evidence: Mapped[EvidenceSpan] = relationship()
    arguments: Mapped[list[EventArgument]] = relationship(cascade="all, delete-orphan")
    countries: Mapped[list[EventCountry]] = relationship(cascade="all, delete-orphan")
    pairs: Mapped[list[EventPair]] = relationship(cascade="all, delete-orphan")


class EventArgument(Base):
    __tablename__ = "event_arguments"
    __table_args__ = (Index("ix_event_arguments_entity_event", "entity_id", "event_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(10))
    entity: Mapped[Entity] = relationship()


class EventCountry(Base):
    __tablename__ = "event_countries"
    # covering indexes: country filters and pair joins never touch the table itself
    __table_args__ = (Index("ix_event_countries_country_event", "country", "event_id"),
                      Index("ix_event_countries_event_country", "event_id", "country"))
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    country: Mapped[str] = mapped_column(String(3))


class EventPair(Base):
    """Two countries taking part in one event (`a` < `b`), with the event's date, type and status
    copied: `--between A B` (and with `--type` or `--status`) reads a page of a pair's events in date
    order straight from an index (made in migrations 0006 and 0008, by hand because PostgreSQL needs
    NULLS LAST in it and SQLite refuses the words)."""

    __tablename__ = "event_pairs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    a: Mapped[str] = mapped_column(String(3))
    b: Mapped[str] = mapped_column(String(3))
    date: Mapped[str | None] = mapped_column(String(30))
    type: Mapped[str | None] = mapped_column(String(20))
    status: Mapped[str | None] = mapped_column(String(20))


class Fact(Base):
    __tablename__ = "facts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    value: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(20))
    period: Mapped[str | None] = mapped_column(String(30))
    about: Mapped[str | None] = mapped_column(Text)
    qualifier: Mapped[str | None] = mapped_column(String(20))
    evidence_id: Mapped[int] = mapped_column(ForeignKey("evidence_spans.id"))
    evidence: Mapped[EvidenceSpan] = relationship()


class Sector(Base):
    __tablename__ = "sectors"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    sector: Mapped[str] = mapped_column(String(30))
    __table_args__ = (Index("ix_sectors_sector_event", "sector", "event_id"),)


class ArticleActor(Base):
    """One actor as one article names it: the basis of canonical names, counts and replays."""

    __tablename__ = "article_actors"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(300))


class ActorOverride(Base):
    """A user's correction of actor resolution, consulted on every later ingest.

    `merge`: `name` and `other` are one actor. `split`: `other` is not an alias of `name`."""

    __tablename__ = "actor_overrides"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    action: Mapped[str] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(300))
    name_key: Mapped[str] = mapped_column(String(300), index=True)
    other: Mapped[str] = mapped_column(String(300))
    other_key: Mapped[str] = mapped_column(String(300), index=True)
    created_at: Mapped[datetime] = mapped_column(default=datetime.utcnow)


class EventGroup(Base):
    """One real-world event reported by one or more articles; `score` is the weakest match that
    joined it (1.0 for a single report), kept for review."""

    __tablename__ = "event_groups"
    __table_args__ = (Index("ix_event_groups_type_status_placed", "type", "status", "placed"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    type: Mapped[str] = mapped_column(String(20))
    mode: Mapped[str | None] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(20))
    date: Mapped[str | None] = mapped_column(String(30))
    # its date, else its first article's day: where plans and realisations are looked for
    placed: Mapped[str | None] = mapped_column(String(30))
    reports: Mapped[int] = mapped_column(Integer, default=1)
    sources: Mapped[int] = mapped_column(Integer, default=1)
    score: Mapped[float] = mapped_column(Float, default=1.0)
    realised_by: Mapped[int | None] = mapped_column(ForeignKey("event_groups.id", ondelete="SET NULL"), index=True)


class WatchFeed(Base):
    """A feed or sitemap `entente watch` polls: its validators for conditional requests and how its
    last poll went (`entente watch --status`)."""

    __tablename__ = "watch_feeds"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(Text)
    url_key: Mapped[str] = mapped_column(String(64), unique=True)
    etag: Mapped[str | None] = mapped_column(String(500))
    last_modified: Mapped[str | None] = mapped_column(String(100))
    last_poll: Mapped[datetime | None] = mapped_column()
    last_result: Mapped[str | None] = mapped_column(String(200))
    last_error: Mapped[str | None] = mapped_column(Text)
    polls: Mapped[int] = mapped_column(Integer, default=0)
    errors: Mapped[int] = mapped_column(Integer, default=0)
    items_seen: Mapped[int] = mapped_column(Integer, default=0)


class WatchItem(Base):
    """An article link a watched feed listed, by its normalised URL (or id): fetched and stored,
    or given up on, once; `content_hash` names the stored text, `alerted` that its events were
    weighed for alerts."""

    __tablename__ = "watch_items"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_key: Mapped[str] = mapped_column(String(64), unique=True)
    url: Mapped[str] = mapped_column(Text)
    feed_id: Mapped[int | None] = mapped_column(ForeignKey("watch_feeds.id", ondelete="SET NULL"), index=True)
    state: Mapped[str] = mapped_column(String(20))
    doc_id: Mapped[str | None] = mapped_column(String(200), index=True)
    content_hash: Mapped[str | None] = mapped_column(String(64))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(Text)
    alerted: Mapped[bool] = mapped_column(default=False)
    seen_at: Mapped[datetime] = mapped_column(default=datetime.utcnow)


class WatchAlert(Base):
    """An alert fired: one per article and event group it reports first for its outlet, under a key
    that makes it fire once; `delivered` once every sink had it."""

    __tablename__ = "watch_alerts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    alert_key: Mapped[str] = mapped_column(String(300), unique=True)
    doc_id: Mapped[str] = mapped_column(String(200), index=True)
    payload: Mapped[str] = mapped_column(Text)
    delivered: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=datetime.utcnow)
