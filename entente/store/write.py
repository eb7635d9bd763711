"""Writing articles' records: canonical actors (with the user's corrections), events in their
groups, facts, sectors and evidence. Also removing and replaying an article, for updates and
corrections, so every path resolves through the same code.

Writing is batched: a `Batch` holds what every article of a batch needs (the user's corrections,
the actors their names may refer to, the names each actor goes by) so it is read once, rows are
inserted table by table in few flushes, and event groups are worked out once, after the batch,
over its new events."""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import combinations

from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session, selectinload

from entente import resolve
from entente.fold import key
from entente.records import ArticleRecord, CleanArticle, Evidence
from entente.store import groups
from entente.store import models as m
from entente.store.migrate import MIGRATION_LOCK
from entente.store.near import NearIndex


def overrides(s: Session) -> list[resolve.Override]:
    """The user's corrections, oldest first."""
    rows = s.scalars(select(m.ActorOverride).order_by(m.ActorOverride.id))
    return [resolve.Override(o.action, o.name_key, o.other_key) for o in rows]


class Batch:
    """What the articles written in one transaction share: the user's corrections (read once), an
    index of the stored actors by alias key (each key read once, kept current as the batch adds
    actors and aliases), the names articles give each actor, and the events waiting for grouping."""

    def __init__(self, s: Session) -> None:
        self.s = s
        self.fixes = overrides(s)
        self.by_key: dict[str, dict[int, m.Entity]] = {}
        self.names: dict[int, Counter[str]] = {}
        self.events: list[m.Event] = []

    def load(self, keys: Iterable[str]) -> None:
        """Read the stored actors having any of `keys` as an alias key, with their aliases."""
        missing = sorted(set(keys) - self.by_key.keys())
        for k in missing:
            self.by_key[k] = {}
        for i in range(0, len(missing), 500):
            q = (select(m.Entity).join(m.Alias).where(m.Alias.key.in_(missing[i:i + 500])).distinct()
                 .options(selectinload(m.Entity.aliases)))
            for e in self.s.scalars(q):
                self._index(e)

    def _index(self, e: m.Entity) -> None:
        for a in e.aliases:
            if a.key in self.by_key:
                self.by_key[a.key][e.id] = e

    def candidates(self, kind: str, keys: set[str]) -> list[m.Entity]:
        """Stored actors of `kind` having an alias key in `keys`, oldest first."""
        self.load(keys)
        found = {e.id: e for k in keys for e in self.by_key[k].values() if e.kind == kind}
        return [found[i] for i in sorted(found)]

    def learn(self, e: m.Entity) -> None:
        """Index an actor the batch created or gave new aliases."""
        for a in e.aliases:
            self.by_key.setdefault(a.key, {})[e.id] = e

    def rename(self, added: dict[int, list[str]]) -> None:
        """Give the actors an article named the name their articles use most (independent of
        ingest order); `added` holds the names this article gave them."""
        known = [eid for eid in added if eid in self.names]
        for eid in known:
            self.names[eid].update(added[eid])
        missing = sorted(set(added) - set(known))
        if missing:
            for eid in missing:
                self.names[eid] = Counter()
            # counted in the database: a much-reported actor is named in thousands of articles
            rows = self.s.execute(select(m.ArticleActor.entity_id, m.ArticleActor.name, func.count())
                                  .where(m.ArticleActor.entity_id.in_(missing))
                                  .group_by(m.ArticleActor.entity_id, m.ArticleActor.name))
            for eid, name, n in rows:
                self.names[eid][name] += n
        for eid in added:
            entity = self.s.get(m.Entity, eid)
            if entity is not None and self.names[eid]:
                entity.name = resolve.canonical_name(self.names[eid])  # Counter(counter) keeps the counts
                entity.key = resolve.actor_key(entity.name)

    def finish(self) -> None:
        """Group the batch's new events with each other and with the stored ones."""
        self.s.flush()
        if self.events:
            groups.regroup(self.s, self.events)
        self.events = []


def _alias_keys(e: m.Entity) -> set[str]:
    return {a.key for a in e.aliases}


def _match(name: str, country: str | None, aliases: list[str], kind: str, c: m.Entity) -> bool:
    if kind != "PERSON":
        return resolve.same_organisation(name, country, _alias_keys(c), c.country)
    return resolve.same_person(name, country, aliases, c.name, c.country, [a.alias for a in c.aliases])


def find_actor(batch: Batch, kind: str, name: str, country: str | None, aliases: list[str]) -> m.Entity | None:
    """The stored actor `name` refers to, or None. User merges win; user splits forbid; a bare
    surname only resolves when exactly one stored actor fits it."""
    fixes = batch.fixes
    keys = {key(a) for a in aliases} | {key(name)}
    partners = resolve.merge_partners(keys, fixes)
    candidates = batch.candidates(kind, keys | partners)
    forced = [c for c in candidates if _alias_keys(c) & partners]
    if forced:
        return forced[0]
    fits = [c for c in candidates
            if not resolve.split_apart(keys, _alias_keys(c), fixes) and _match(name, country, aliases, kind, c)]
    bare = all(len(k.split()) < 2 for k in keys)
    if len(fits) > 1 and bare:
        return None
    # several fit a full name: the one sharing most spellings
    return max(fits, key=lambda c: (len(_alias_keys(c) & keys), -c.id), default=None)


def _actor(batch: Batch, kind: str, name: str, country: str | None, aliases: list[str]) -> m.Entity:
    entity = find_actor(batch, kind, name, country, aliases)
    if entity is None:
        entity = m.Entity(kind=kind, name=name, key=resolve.actor_key(name), country=country)
        batch.s.add(entity)
        # the id orders candidates and keys the article's rows
        batch.s.flush()
        batch.names[entity.id] = Counter()
    entity.country = entity.country or country
    have = {a.alias for a in entity.aliases}
    for alias in sorted({name, *aliases} - have):
        entity.aliases.append(m.Alias(alias=alias, key=key(alias)))
    batch.learn(entity)
    return entity


def _span(a: m.Article, ev: Evidence) -> m.EvidenceSpan:
    return m.EvidenceSpan(article_id=a.id, start=ev.start, end=ev.end, text=ev.text)


def _actors(batch: Batch, a: m.Article, record: ArticleRecord) -> dict[str, m.Entity]:
    """Resolve and link the article's actors; the canonical actor of each extracted name."""
    s = batch.s
    by_name: dict[str, m.Entity] = {}
    added: dict[int, list[str]] = {}
    for ent in record.entities:
        pieces = resolve.split_names(ent.name, ent.aliases, batch.fixes)
        piece_keys = [({key(n)} | {key(x) for x in al}, _actor(batch, ent.type, n, ent.country, al), n)
                      for n, al in pieces]
        for _keys, actor, n in piece_keys:
            s.add(m.ArticleActor(article_id=a.id, entity_id=actor.id, name=n))
            added.setdefault(actor.id, []).append(n)
        main = piece_keys[0][1]
        by_name[ent.name] = main
        for start, end in ent.mentions:
            said = key(a.text[start:end])
            owner = next((actor for keys, actor, _ in piece_keys[1:] if said in keys), main)
            s.add(m.Mention(article_id=a.id, entity_id=owner.id, start=start, end=end))
        for role in ent.roles:
            s.add(m.Role(entity_id=main.id, article_id=a.id, role=role, date=record.published))
    batch.rename(added)
    return by_name


def write_article(s: Session, a: m.Article, record: ArticleRecord, batch: Batch | None = None) -> None:
    """Write the rows derived from one article's record; `a` is stored already. Within a `batch`
    its events are grouped when the batch finishes; alone, before this returns."""
    alone = batch is None
    batch = batch or Batch(s)
    by_name = _actors(batch, a, record)
    rows: list[tuple[m.Event, list[str]]] = []
    for ev in record.events:
        row = m.Event(article_id=a.id, type=ev.type, mode=ev.mode, quad=ev.quad, intensity=ev.intensity,
                      status=ev.status, date=ev.date,
                      placed=groups.placing(ev.date, a.published), location=ev.location, trigger=ev.trigger, evidence=_span(a, ev.evidence))
        s.add(row)
        s.add_all(_span(a, more) for more in ev.more_evidence)
        seen: set[tuple[str, int]] = set()
        for role, names in (("actor", ev.actors), ("target", ev.targets)):
            for n in names:
                if n in by_name and (role, by_name[n].id) not in seen:
                    seen.add((role, by_name[n].id))
                    row.arguments.append(m.EventArgument(entity_id=by_name[n].id, role=role))
        for c in sorted(set(ev.countries)):
            row.countries.append(m.EventCountry(country=c))
        for one, other in combinations(sorted(set(ev.countries)), 2):
            row.pairs.append(m.EventPair(a=one, b=other, date=ev.date, type=ev.type, status=ev.status))
        rows.append((row, ev.sectors))
    for f in record.facts:
        s.add(m.Fact(article_id=a.id, value=f.value, unit=f.unit, period=f.period, about=f.about,
                     qualifier=f.qualifier, evidence=_span(a, f.evidence)))
    s.flush()
    for row, sectors in rows:
        s.add_all(m.Sector(article_id=a.id, event_id=row.id, sector=sector) for sector in sectors)
    s.add_all(m.Sector(article_id=a.id, sector=sector) for sector in record.sectors)
    batch.events.extend(row for row, _ in rows)
    if alone:
        batch.finish()


def _keys(records: Iterable[ArticleRecord], fixes: list[resolve.Override]) -> set[str]:
    """Every alias key the records' actors may resolve through, the user's merges included."""
    keys = {key(n) for r in records for ent in r.entities for n in (ent.name, *ent.aliases)}
    return keys | resolve.merge_partners(keys, fixes)


# the key of the PostgreSQL advisory lock every write transaction takes (the migrations' key, plus one)
WRITE_LOCK = MIGRATION_LOCK + 1


def lock_writes(s: Session) -> None:
    """Make the session's transaction the store's only writer until it ends, before it reads what
    its writes depend on (stored texts, actors, event groups): two processes writing at once then
    store what they would one after the other. PostgreSQL: a transaction-level advisory lock.
    SQLite: its write lock, taken at BEGIN (a deferred transaction takes it at the first write,
    after the reads it acted on)."""
    conn = s.connection()
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK})
    elif conn.dialect.name == "sqlite":
        raw = conn.connection.driver_connection
        if isinstance(raw, sqlite3.Connection) and not raw.in_transaction:
            conn.exec_driver_sql("BEGIN IMMEDIATE")


def write_batch(s: Session, pairs: Sequence[tuple[CleanArticle, ArticleRecord]], near: NearIndex | None = None) -> list[str]:
    """Store articles in input order within the session's transaction; for each 'ingested',
    'updated' (its doc_id held another text, now replaced) or 'unchanged' (the same text is stored,
    under any name). Event groups are worked out once, over the batch's new events. With `near`,
    each new article's `duplicate_of` is set here from every article stored before it."""
    if near is not None:
        near.refresh(s)
    hashes = sorted({a.content_hash for a, _ in pairs})
    stored = set(s.scalars(select(m.Article.content_hash).where(m.Article.content_hash.in_(hashes))))
    olds = {a.doc_id: a for a in s.scalars(select(m.Article).where(m.Article.doc_id.in_(sorted({r.doc_id for _, r in pairs}))))}
    outcomes: list[str] = []
    new: list[tuple[m.Article, ArticleRecord]] = []
    for article, record in pairs:
        if article.content_hash in stored:
            outcomes.append("unchanged")
            continue
        stored.add(article.content_hash)
        old = olds.get(record.doc_id)
        if old is not None:
            remove_article(s, old)
        outcomes.append("ingested" if old is None else "updated")
        if near is not None:
            article.duplicate_of = near.canonical_of(record.doc_id, article.text)
        new.append((m.Article(doc_id=record.doc_id, content_hash=article.content_hash, origin=article.origin,
                              url=article.url, title=article.title, published=record.published, source=record.source,
                              dateline=record.dateline, text=article.text, record=record.model_dump_json(),
                              duplicate_of=article.duplicate_of), record))
    s.add_all(row for row, _ in new)
    s.flush()
    batch = Batch(s)
    batch.load(_keys((r for _, r in new), batch.fixes))
    for row, record in new:
        write_article(s, row, record, batch)
    batch.finish()
    return outcomes


def rename(s: Session, entity_ids: Iterable[int]) -> None:
    """Give actors the name their articles use most (independent of ingest order)."""
    for eid in set(entity_ids):
        entity = s.get(m.Entity, eid)
        names = s.scalars(select(m.ArticleActor.name).where(m.ArticleActor.entity_id == eid)).all()
        if entity is not None and names:
            entity.name = resolve.canonical_name(names)
            entity.key = resolve.actor_key(entity.name)


def remove_article(s: Session, a: m.Article) -> None:
    """Delete an article with everything derived from it; actors no article names any more go
    too, event groups are recounted."""
    group_ids = set(s.scalars(select(m.Event.group_id).where(m.Event.article_id == a.id)))
    entity_ids = set(s.scalars(select(m.ArticleActor.entity_id).where(m.ArticleActor.article_id == a.id)))
    s.delete(a)
    s.flush()
    named = select(m.ArticleActor.entity_id)
    s.execute(delete(m.Entity).where(m.Entity.id.in_(entity_ids), m.Entity.id.not_in(named)))
    s.expire_all()
    rename(s, entity_ids)
    left = s.scalars(select(m.Event).where(m.Event.group_id.in_([g for g in group_ids if g is not None]))).all()
    groups.regroup(s, list(left))
    groups.prune(s)


ARTICLE_FIELDS = ("doc_id", "content_hash", "origin", "url", "title", "published", "source", "dateline", "text",
                  "record", "ingested_at", "duplicate_of")


def replay(s: Session, article_ids: Iterable[int]) -> None:
    """Resolve articles again from their stored records, oldest first (after a correction)."""
    articles = s.scalars(select(m.Article).where(m.Article.id.in_(list(article_ids)))).all()
    saved = sorted(({f: getattr(a, f) for f in ARTICLE_FIELDS} for a in articles),
                   key=lambda d: (d["published"] or "", d["doc_id"]))
    for a in articles:
        remove_article(s, a)
    for fields in saved:
        row = m.Article(**fields)
        s.add(row)
        s.flush()
        write_article(s, row, ArticleRecord.model_validate_json(fields["record"]))
