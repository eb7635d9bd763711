"""Writing one article's record: canonical actors (with the user's corrections), events in their
groups, facts, sectors and evidence. Also removing and replaying an article, for updates and
corrections, so every path resolves through the same code."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from entente import resolve
from entente.fold import key
from entente.records import ArticleRecord, Evidence
from entente.store import groups
from entente.store import models as m


def overrides(s: Session) -> list[resolve.Override]:
    """The user's corrections, oldest first."""
    rows = s.scalars(select(m.ActorOverride).order_by(m.ActorOverride.id))
    return [resolve.Override(o.action, o.name_key, o.other_key) for o in rows]


def _evidence(s: Session, article_id: int, ev: Evidence) -> m.EvidenceSpan:
    span = m.EvidenceSpan(article_id=article_id, start=ev.start, end=ev.end, text=ev.text)
    s.add(span)
    s.flush()
    return span


def _alias_keys(e: m.Entity) -> set[str]:
    return {a.key for a in e.aliases}


def _match(name: str, country: str | None, aliases: list[str], kind: str, c: m.Entity) -> bool:
    if kind != "PERSON":
        return key(name) in _alias_keys(c)
    return resolve.same_person(name, country, aliases, c.name, c.country, [a.alias for a in c.aliases])


def find_actor(s: Session, kind: str, name: str, country: str | None, aliases: list[str],
               fixes: list[resolve.Override]) -> m.Entity | None:
    """The stored actor `name` refers to, or None. User merges win; user splits forbid; a bare
    surname only resolves when exactly one stored actor fits it."""
    keys = {key(a) for a in aliases} | {key(name)}
    partners = resolve.merge_partners(keys, fixes)
    candidates = s.scalars(select(m.Entity).join(m.Alias).where(m.Entity.kind == kind, m.Alias.key.in_(keys | partners))
                           .distinct().order_by(m.Entity.id)).all()
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


def _actor(s: Session, kind: str, name: str, country: str | None, aliases: list[str],
           fixes: list[resolve.Override]) -> m.Entity:
    entity = find_actor(s, kind, name, country, aliases, fixes)
    if entity is None:
        entity = m.Entity(kind=kind, name=name, key=resolve.actor_key(name), country=country)
        s.add(entity)
        s.flush()
    entity.country = entity.country or country
    have = {a.alias for a in entity.aliases}
    for alias in sorted({name, *aliases} - have):
        entity.aliases.append(m.Alias(alias=alias, key=key(alias)))
    s.flush()
    return entity


def rename(s: Session, entity_ids: Iterable[int]) -> None:
    """Give actors the name their articles use most (independent of ingest order)."""
    for eid in set(entity_ids):
        entity = s.get(m.Entity, eid)
        names = s.scalars(select(m.ArticleActor.name).where(m.ArticleActor.entity_id == eid)).all()
        if entity is not None and names:
            entity.name = resolve.canonical_name(names)
            entity.key = resolve.actor_key(entity.name)


def write_article(s: Session, a: m.Article, record: ArticleRecord) -> None:
    """Write the rows derived from one article's record; `a` is stored already."""
    fixes = overrides(s)
    by_name: dict[str, m.Entity] = {}
    touched: set[int] = set()
    for ent in record.entities:
        pieces = resolve.split_names(ent.name, ent.aliases, fixes)
        piece_keys = [({key(n)} | {key(x) for x in al}, _actor(s, ent.type, n, ent.country, al, fixes), n)
                      for n, al in pieces]
        for _keys, actor, n in piece_keys:
            s.add(m.ArticleActor(article_id=a.id, entity_id=actor.id, name=n))
            touched.add(actor.id)
        main = piece_keys[0][1]
        by_name[ent.name] = main
        for start, end in ent.mentions:
            said = key(a.text[start:end])
            owner = next((actor for keys, actor, _ in piece_keys[1:] if said in keys), main)
            s.add(m.Mention(article_id=a.id, entity_id=owner.id, start=start, end=end))
        for role in ent.roles:
            s.add(m.Role(entity_id=main.id, article_id=a.id, role=role, date=record.published))
    s.flush()
    rename(s, touched)
    for ev in record.events:
        span = _evidence(s, a.id, ev.evidence)
        row = m.Event(article_id=a.id, type=ev.type, mode=ev.mode, status=ev.status, date=ev.date,
                      location=ev.location, trigger=ev.trigger, evidence_id=span.id)
        s.add(row)
        s.flush()
        for more in ev.more_evidence:
            _evidence(s, a.id, more)
        seen: set[tuple[str, int]] = set()
        for role, names in (("actor", ev.actors), ("target", ev.targets)):
            for n in names:
                if n in by_name and (role, by_name[n].id) not in seen:
                    seen.add((role, by_name[n].id))
                    row.arguments.append(m.EventArgument(entity_id=by_name[n].id, role=role))
        for c in sorted(set(ev.countries)):
            row.countries.append(m.EventCountry(country=c))
        for sector in ev.sectors:
            s.add(m.Sector(article_id=a.id, event_id=row.id, sector=sector))
        s.flush()
        groups.assign(s, row)
    for f in record.facts:
        span = _evidence(s, a.id, f.evidence)
        s.add(m.Fact(article_id=a.id, value=f.value, unit=f.unit, period=f.period, about=f.about,
                     qualifier=f.qualifier, evidence_id=span.id))
    for sector in record.sectors:
        s.add(m.Sector(article_id=a.id, sector=sector))
    s.flush()


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
