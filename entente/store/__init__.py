"""Store: articles, actors, events, facts and their evidence in SQLite or PostgreSQL through one
SQLAlchemy code path. One transaction per article, so a failure never leaves half an article."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, selectinload, sessionmaker

from entente.config import database_url
from entente.errors import NotFound, StoreError, first_line
from entente.records import ArticleRecord, CleanArticle
from entente.store import actors as actor_store
from entente.store import models as m
from entente.store.actors import ActorProfile, ActorRow, CountryProfile
from entente.store.engine import open_engine, sqlite_path
from entente.store.migrate import upgrade
from entente.store.near import NearIndex
from entente.store.write import lock_writes, remove_article, write_batch


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


def _check_exists(db: str, url: str) -> None:
    """Refuse a SQLite file that is not there, before SQLAlchemy would create it."""
    path = sqlite_path(url)
    if path is not None and not path.is_file():
        raise StoreError(f"{db}: no such database (run `entente ingest ... --db {db}` to make one)")


class Store:
    """A database of records; `db` is a SQLite path or a SQLAlchemy URL. With `create` false (the
    read commands) a database that does not exist or holds no store is refused, never made. A
    damaged file, or another application's database, is refused with one line (StoreError)."""

    def __init__(self, db: str, *, create: bool = True) -> None:
        self.url = database_url(db)
        if not create:
            _check_exists(db, self.url)
        try:
            # read_only: a SQLite store this process cannot write (a read-only medium), opened for reading
            self.engine, self.read_only = open_engine(db, self.url, create)
            upgrade(self.engine)
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot open database {db!r}: {first_line(getattr(exc, 'orig', None) or exc)}") from exc
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._near = NearIndex()

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
        return self._save([(article, record)], article.origin)[0]

    def save_many(self, pairs: Sequence[tuple[CleanArticle, ArticleRecord]]) -> list[str | Exception]:
        """Store a batch of articles in one transaction, in order; for each its outcome as `save`
        returns it, or the error that kept it out. When the batch fails, each article is stored
        in its own transaction, so one bad article is named and the others are kept."""
        if len(pairs) > 1:
            try:
                return list(self._save(pairs, f"a batch of {len(pairs)} articles"))
            except Exception:  # retried article by article below, which names the culprit
                pass
        outcomes: list[str | Exception] = []
        for article, record in pairs:
            try:
                outcomes.append(self.save(article, record))
            except Exception as exc:  # one article's failure must not stop the others
                outcomes.append(exc)
        return outcomes

    @contextmanager
    def _writing(self) -> Iterator[Session]:
        """A session whose transaction is the store's only writer (see `write.lock_writes`)."""
        with self.session() as s, s.begin():
            lock_writes(s)
            yield s

    def _save(self, pairs: Sequence[tuple[CleanArticle, ArticleRecord]], what: str) -> list[str]:
        try:
            with self._writing() as s:
                return write_batch(s, pairs, self._near)
        except BaseException as exc:
            self._near.rolled_back()
            if isinstance(exc, SQLAlchemyError):
                raise StoreError(f"{what}: could not be stored: {exc.__class__.__name__}: {exc}") from exc
            raise

    def near_duplicates(self, doc_id: str) -> tuple[str, list[str]]:
        """The canonical article of `doc_id`'s near-duplicate group and the group's other members."""
        with self.session() as s:
            canonical = s.scalar(select(m.Article.duplicate_of).where(m.Article.doc_id == doc_id)) or doc_id
            q = select(m.Article.doc_id).where(m.Article.duplicate_of == canonical).order_by(m.Article.id)
            return canonical, list(s.scalars(q))

    def events(self, countries: Sequence[str] = (), type: str | None = None, since: str | None = None,
               until: str | None = None, limit: int = 100, offset: int = 0,
               event_ids: Sequence[int] | None = None) -> list[EventRow]:
        """Stored events, newest first, filtered by country (all given must take part), type, date and id."""
        q = select(m.Event).options(
            selectinload(m.Event.arguments).selectinload(m.EventArgument.entity),
            selectinload(m.Event.countries), selectinload(m.Event.evidence), selectinload(m.Event.article))
        for c in countries:
            sub = select(m.EventCountry.event_id).where(m.EventCountry.country == c.upper())
            q = q.where(m.Event.id.in_(sub))
        if type:
            q = q.where(m.Event.type == type.upper())
        if event_ids is not None:
            q = q.where(m.Event.id.in_(list(event_ids)))
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

    def delete(self, doc_id: str) -> None:
        """Remove an article and everything derived from it."""
        with self._writing() as s:
            a = s.scalar(select(m.Article).where(m.Article.doc_id == doc_id))
            if a is None:
                raise NotFound(f"no article {doc_id!r} in {self.url}")
            remove_article(s, a)

    def actors(self, country: str | None = None, kind: str | None = None, limit: int = 1000) -> list[ActorRow]:
        """Canonical actors with alias, article and event counts, most reported first."""
        with self.session() as s:
            return actor_store.list_actors(s, country, kind, limit)

    def actor(self, name: str) -> ActorProfile:
        """One actor's aliases, roles over time and events; NotFound or StoreError if `name` fits none or several."""
        with self.session() as s:
            return actor_store.profile(s, name)

    def country(self, name: str) -> CountryProfile:
        """A country as an actor (ISO3 code, name or demonym): its names and events; NotFound if none."""
        with self.session() as s:
            return actor_store.country_profile(s, name)

    def merge_actors(self, name: str, other: str) -> None:
        """Correct resolution: `name` and `other` are one actor, now and on every later ingest."""
        with self._writing() as s:
            actor_store.merge(s, name, other)

    def split_actor(self, name: str, alias: str) -> None:
        """Correct resolution: `alias` is a different actor from `name`, now and on every later ingest."""
        with self._writing() as s:
            actor_store.split(s, name, alias)

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
