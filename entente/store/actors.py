"""Actors as the store knows them: listing, one actor's profile, and the user's corrections.

People (and organisations, when extraction names them) are canonical entities; countries are
actors through the events they take part in, named by the gazetteer."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from entente.errors import NotFound, StoreError
from entente.fold import key
from entente.gazetteer import load as gazetteer
from entente.store import models as m
from entente.store.write import replay


@dataclass
class ActorRow:
    """One canonical actor with how much the record holds about it (`id` None for a country,
    which is no entity row: its `country` is its ISO3 code and `aliases` the names it goes by)."""

    id: int | None
    name: str
    kind: str
    country: str | None
    aliases: int
    articles: int
    events: int


@dataclass
class ActorProfile:
    """One actor: every spelling, each title with the date of the article stating it, its events."""

    id: int
    name: str
    kind: str
    country: str | None
    aliases: list[str]
    roles: list[tuple[str, str | None, str]]
    events: list[int] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)


@dataclass
class CountryProfile:
    """A country as an actor: the names it goes by and the events it takes part in."""

    iso3: str
    name: str
    names: list[str]
    events: list[int] = field(default_factory=list)


def _country_names(iso3: str) -> tuple[str, list[str]]:
    found = gazetteer().countries.get(iso3)
    return (found.name, sorted(set(found.names) | {found.name})) if found else (iso3, [])


def list_countries(s: Session, country: str | None = None, limit: int = 1000) -> list[ActorRow]:
    """The countries events take part in, most reported first."""
    events = func.count(func.distinct(m.EventCountry.event_id))
    q = (select(m.EventCountry.country, func.count(func.distinct(m.Event.article_id)), events)
         .join(m.Event, m.Event.id == m.EventCountry.event_id).group_by(m.EventCountry.country))
    if country:
        q = q.where(m.EventCountry.country == country.upper())
    rows = []
    for iso3, n_art, n_ev in s.execute(q.order_by(events.desc(), m.EventCountry.country).limit(limit)):
        name, names = _country_names(iso3)
        rows.append(ActorRow(None, name, "COUNTRY", iso3, len(names), n_art, n_ev))
    return rows


def country_profile(s: Session, name: str) -> CountryProfile:
    """The country `name` (an ISO3 code, or any name or demonym the gazetteer knows) with its events."""
    iso3 = name.upper() if name.upper() in gazetteer().countries else gazetteer().country_of(name)
    if iso3 is None:
        raise NotFound(f"no actor or country called {name!r}")
    events = s.scalars(select(m.EventCountry.event_id).where(m.EventCountry.country == iso3).distinct()).all()
    full, names = _country_names(iso3)
    return CountryProfile(iso3=iso3, name=full, names=names, events=sorted(events))


def list_actors(s: Session, country: str | None = None, kind: str | None = None, limit: int = 1000) -> list[ActorRow]:
    """Canonical actors, most reported first; with `kind` "country", the countries of events."""
    if kind and kind.lower() == "country":
        return list_countries(s, country, limit)
    aliases = select(func.count(m.Alias.id)).where(m.Alias.entity_id == m.Entity.id).scalar_subquery()
    articles = (select(func.count(func.distinct(m.ArticleActor.article_id)))
                .where(m.ArticleActor.entity_id == m.Entity.id).scalar_subquery())
    events = (select(func.count(func.distinct(m.EventArgument.event_id)))
              .where(m.EventArgument.entity_id == m.Entity.id).scalar_subquery())
    q = select(m.Entity, aliases, articles, events)
    if country:
        q = q.where(m.Entity.country == country.upper())
    if kind:
        q = q.where(m.Entity.kind == kind.upper())
    q = q.order_by(events.desc(), articles.desc(), m.Entity.name).limit(limit)
    rows = [ActorRow(e.id, e.name, e.kind, e.country, n_alias, n_art, n_ev) for e, n_alias, n_art, n_ev in s.execute(q)]
    orgs = {r.id: r for r in rows if r.kind == "ORG" and r.id is not None}
    if orgs:
        for eid, found in _events_mentioning(s, list(orgs)).items():
            orgs[eid].events = max(orgs[eid].events, len(found))
        if kind:
            rows.sort(key=lambda r: (-r.events, -r.articles, r.name))
    return rows


def find(s: Session, name: str) -> m.Entity:
    """The one actor called `name` (canonical name or alias, accents and case ignored)."""
    k = key(name)
    found = s.scalars(select(m.Entity).where(or_(m.Entity.key == k, m.Entity.id.in_(
        select(m.Alias.entity_id).where(m.Alias.key == k)))).order_by(m.Entity.id)).all()
    exact = [e for e in found if e.key == k]
    if len(exact) == 1 or len(found) == 1:
        return (exact or found)[0]
    if not found:
        raise NotFound(f"no actor called {name!r}")
    raise StoreError(f"{name!r} names {len(found)} actors ({', '.join(e.name for e in found)}): give a fuller name")


def profile(s: Session, name: str) -> ActorProfile:
    e = find(s, name)
    roles = s.execute(select(m.Role.role, m.Role.date, m.Article.doc_id).join(m.Article)
                      .where(m.Role.entity_id == e.id).order_by(m.Role.date.nulls_last(), m.Role.role)).all()
    events = set(s.scalars(select(m.EventArgument.event_id).where(m.EventArgument.entity_id == e.id)))
    if e.kind == "ORG":
        events |= _events_mentioning(s, [e.id]).get(e.id, set())
    articles = s.scalars(select(m.Article.doc_id).join(m.ArticleActor, m.ArticleActor.article_id == m.Article.id)
                         .where(m.ArticleActor.entity_id == e.id).distinct().order_by(m.Article.doc_id)).all()
    return ActorProfile(id=e.id, name=e.name, kind=e.kind, country=e.country,
                        aliases=sorted(a.alias for a in e.aliases),
                        roles=[(r, d, doc) for r, d, doc in roles], events=sorted(events), articles=list(articles))


def _events_mentioning(s: Session, entity_ids: list[int]) -> dict[int, set[int]]:
    """The events whose evidence sentence names each of `entity_ids`: where an organisation appears,
    also when extraction did not make it one of the event's actors or targets."""
    span = m.EvidenceSpan
    q = (select(m.Mention.entity_id, m.Event.id).join(span, m.Event.evidence_id == span.id)
         .join(m.Mention, and_(m.Mention.article_id == m.Event.article_id, m.Mention.start >= span.start,
                               m.Mention.end <= span.end))
         .where(m.Mention.entity_id.in_(entity_ids)).distinct())
    found: dict[int, set[int]] = {}
    for eid, ev in s.execute(q):
        found.setdefault(eid, set()).add(ev)
    return found


def _articles_of(s: Session, *entities: m.Entity) -> set[int]:
    return set(s.scalars(select(m.ArticleActor.article_id).where(
        m.ArticleActor.entity_id.in_([e.id for e in entities]))))


def merge(s: Session, name: str, other: str) -> None:
    """Record that `name` and `other` are one actor, and re-resolve the articles naming them."""
    a, b = find(s, name), find(s, other)
    if a.id == b.id:
        return
    s.add(m.ActorOverride(action="merge", name=a.name, name_key=key(a.name), other=b.name, other_key=key(b.name)))
    s.flush()
    replay(s, _articles_of(s, a, b))


def split(s: Session, name: str, alias: str) -> None:
    """Record that `alias` is not `name`, and re-resolve the articles naming that actor."""
    e = find(s, name)
    if key(alias) not in {a.key for a in e.aliases} or key(alias) == e.key:
        raise StoreError(f"{alias!r} is not a split-off alias of {e.name!r} (aliases: {', '.join(a.alias for a in e.aliases)})")
    s.add(m.ActorOverride(action="split", name=e.name, name_key=e.key, other=alias, other_key=key(alias)))
    s.flush()
    replay(s, _articles_of(s, e))
