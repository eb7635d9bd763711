"""Store: articles, actors, events, facts and their evidence in SQLite or PostgreSQL through one
SQLAlchemy code path. One transaction per article, so a failure never leaves half an article."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, selectinload, sessionmaker

from entente import resolve
from entente.config import database_url
from entente.errors import NotFound, StoreError
from entente.fold import key
from entente.records import ArticleRecord, CleanArticle, Evidence
from entente.store import models as m
from entente.store.migrate import upgrade


@dataclass
class EventRow:
    """One stored event, flattened for listing."""

    id: int
    doc_id: str
    type: str
    mode: str | None
    status: str
    date: str | None
    location: str | None
    actors: list[str]
    targets: list[str]
    countries: list[str]
    evidence: str


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


class Store:
    """A database of records; `db` is a SQLite path or a SQLAlchemy URL."""

    def __init__(self, db: str) -> None:
        self.url = database_url(db)
        try:
            self.engine: Engine = create_engine(self.url)
            if self.engine.dialect.name == "sqlite":
                event.listen(self.engine, "connect", _sqlite_pragmas)
            upgrade(self.engine)
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot open database {db!r}: {exc.__class__.__name__}: {exc}") from exc
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self._sessions() as s:
            yield s

    def close(self) -> None:
        self.engine.dispose()

    def known_hash(self, content_hash: str) -> bool:
        with self.session() as s:
            return s.scalar(select(m.Article.id).where(m.Article.content_hash == content_hash)) is not None

    def save(self, article: CleanArticle, record: ArticleRecord) -> str:
        """Store one article's record in one transaction; returns 'ingested', 'updated' or
        'unchanged' (the same text was stored before, under any name)."""
        try:
            with self.session() as s, s.begin():
                if s.scalar(select(m.Article.id).where(m.Article.content_hash == article.content_hash)):
                    return "unchanged"
                old = s.scalar(select(m.Article).where(m.Article.doc_id == record.doc_id))
                status = "ingested"
                if old is not None:
                    s.delete(old)
                    s.flush()
                    status = "updated"
                _write(s, article, record)
                return status
        except SQLAlchemyError as exc:
            raise StoreError(f"{article.origin}: could not be stored: {exc.__class__.__name__}: {exc}") from exc

    def events(self, countries: Sequence[str] = (), type: str | None = None, since: str | None = None,
               until: str | None = None, limit: int = 100, offset: int = 0) -> list[EventRow]:
        """Stored events, newest first, filtered by country (all given must take part), type and date."""
        q = select(m.Event).options(
            selectinload(m.Event.arguments).selectinload(m.EventArgument.entity),
            selectinload(m.Event.countries), selectinload(m.Event.evidence), selectinload(m.Event.article))
        for c in countries:
            sub = select(m.EventCountry.event_id).where(m.EventCountry.country == c.upper())
            q = q.where(m.Event.id.in_(sub))
        if type:
            q = q.where(m.Event.type == type.upper())
        if since:
            q = q.where(m.Event.date >= since)
        if until:
            q = q.where(m.Event.date <= until + "~")
        q = q.order_by(m.Event.date.desc().nulls_last(), m.Event.id).limit(limit).offset(offset)
        with self.session() as s:
            return [_row(e) for e in s.scalars(q)]

    def record(self, doc_id: str) -> tuple[ArticleRecord, str]:
        """The stored record of an article and its text."""
        with self.session() as s:
            a = s.scalar(select(m.Article).where(m.Article.doc_id == doc_id))
            if a is None:
                raise NotFound(f"no article {doc_id!r} in {self.url}")
            return ArticleRecord.model_validate_json(a.record), a.text

    def counts(self) -> dict[str, int]:
        from sqlalchemy import func

        with self.session() as s:
            return {name: s.scalar(select(func.count()).select_from(table)) or 0
                    for name, table in (("articles", m.Article), ("actors", m.Entity), ("events", m.Event),
                                        ("facts", m.Fact))}


def _row(e: m.Event) -> EventRow:
    return EventRow(
        id=e.id, doc_id=e.article.doc_id, type=e.type, mode=e.mode, status=e.status, date=e.date,
        location=e.location, actors=[a.entity.name for a in e.arguments if a.role == "actor"],
        targets=[a.entity.name for a in e.arguments if a.role == "target"],
        countries=sorted(c.country for c in e.countries), evidence=e.evidence.text)


def _evidence(s: Session, article_id: int, ev: Evidence) -> m.EvidenceSpan:
    span = m.EvidenceSpan(article_id=article_id, start=ev.start, end=ev.end, text=ev.text)
    s.add(span)
    s.flush()
    return span


def _actor(s: Session, name: str, country: str | None, aliases: list[str]) -> m.Entity:
    """The canonical person for a name, found among stored actors or created."""
    keys = {key(a) for a in aliases} | {key(name)}
    candidates = s.scalars(
        select(m.Entity).join(m.Alias).where(m.Entity.kind == "PERSON", m.Alias.key.in_(keys)).distinct()
    ).all()
    for c in candidates:
        if resolve.same_person(name, country, aliases, c.name, c.country, [a.alias for a in c.aliases]):
            entity = c
            break
    else:
        entity = m.Entity(kind="PERSON", name=name, key=resolve.actor_key(name), country=country)
        s.add(entity)
        s.flush()
    entity.country = entity.country or country
    have = {a.alias for a in entity.aliases}
    for alias in {name, *aliases} - have:
        entity.aliases.append(m.Alias(alias=alias, key=key(alias)))
    return entity


def _write(s: Session, article: CleanArticle, record: ArticleRecord) -> None:
    a = m.Article(doc_id=record.doc_id, content_hash=article.content_hash, origin=article.origin, url=article.url,
                  title=article.title, published=record.published, source=record.source,
                  dateline=record.dateline, text=article.text, record=record.model_dump_json())
    s.add(a)
    s.flush()
    by_name: dict[str, m.Entity] = {}
    for ent in record.entities:
        actor = _actor(s, ent.name, ent.country, ent.aliases)
        by_name[ent.name] = actor
        for start, end in ent.mentions:
            s.add(m.Mention(article_id=a.id, entity_id=actor.id, start=start, end=end))
        for role in ent.roles:
            s.add(m.Role(entity_id=actor.id, article_id=a.id, role=role, date=record.published))
    for ev in record.events:
        span = _evidence(s, a.id, ev.evidence)
        row = m.Event(article_id=a.id, type=ev.type, mode=ev.mode, status=ev.status, date=ev.date,
                      location=ev.location, trigger=ev.trigger, evidence_id=span.id)
        s.add(row)
        s.flush()
        for more in ev.more_evidence:
            _evidence(s, a.id, more)
        for role, names in (("actor", ev.actors), ("target", ev.targets)):
            for n in names:
                if n in by_name:
                    s.add(m.EventArgument(event_id=row.id, entity_id=by_name[n].id, role=role))
        for c in ev.countries:
            s.add(m.EventCountry(event_id=row.id, country=c))
        for sector in ev.sectors:
            s.add(m.Sector(article_id=a.id, event_id=row.id, sector=sector))
    for f in record.facts:
        span = _evidence(s, a.id, f.evidence)
        s.add(m.Fact(article_id=a.id, value=f.value, unit=f.unit, period=f.period, about=f.about,
                     qualifier=f.qualifier, evidence_id=span.id))
    for sector in record.sectors:
        s.add(m.Sector(article_id=a.id, sector=sector))
