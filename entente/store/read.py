"""Read-side queries over a Store for the API, exports and briefings.

Every function takes a `Store`, checks its arguments (raising `InvalidParameter` that names the
parameter) and builds SQL only through SQLAlchemy expressions, so values always travel as bound
parameters. Results are plain dataclasses; the API turns them into its own schemas.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Generic, Literal, TypeVar

from sqlalchemy import ColumnElement, Select, String, case, func, literal, select, union_all
from sqlalchemy.orm import Session, aliased

from entente import dates
from entente.errors import InvalidParameter, NotFound
from entente.fold import key
from entente.records import EVENT_TYPES, SECTORS, STATUSES, ArticleRecord, Evidence
from entente.store import Store
from entente.store import models as m
from entente.store.fts import article_ids_matching, first_articles_matching, id_of_article_matching
from entente.store.params import (
    MAX_PAGE_SIZE,
    check_choice,
    check_country,
    check_date,
    check_mode,
    check_page,
    check_text,
)

# totals are counted up to this many: counting every match of a busy filter costs more than the page
COUNT_LIMIT = 1000
# A filter matching at most this many events (articles, for words) is read as a list and its
# events sorted; one matching more is checked event by event while walking the events newest
# first, which finds a page long before the end (and sorting tens of thousands takes longer).
FEW_EVENTS = 2000
FEW_ARTICLES = 500
Sort = Literal["newest", "oldest", "id"]
Period = Literal["year", "month"]
T = TypeVar("T")


@dataclass(frozen=True)
class EventFilter:
    """Which events to read; every given condition must hold (all `countries` take part)."""

    countries: tuple[str, ...] = ()
    actor: str | None = None
    type: str | None = None
    mode: str | None = None
    status: str | None = None
    sector: str | None = None
    since: str | None = None
    until: str | None = None
    text: str | None = None
    words: str | None = None  # every word somewhere in the article: the full-text index

    def checked(self) -> EventFilter:
        """This filter with every value checked and in the form the store holds (codes in capitals,
        modes in lower case); raises `InvalidParameter` naming the first bad one."""
        if len(self.countries) > 10:
            raise InvalidParameter("country", "at most 10 countries")
        for name in ("actor", "text", "words"):
            check_text(getattr(self, name), name)
        return replace(self, countries=tuple(check_country(c) for c in self.countries),
                       type=check_choice(self.type, EVENT_TYPES, "type"), mode=check_mode(self.mode),
                       status=check_choice(self.status, STATUSES, "status"),
                       sector=check_choice(self.sector, SECTORS, "sector"),
                       since=check_date(self.since, "since"), until=check_date(self.until, "until"))


class Dated:
    """`date_start`, `date_end` and `precision` of a record's `date` (see `entente.dates.span`)."""

    date: str | None

    @property
    def date_start(self) -> str | None:
        return dates.span(self.date).start

    @property
    def date_end(self) -> str | None:
        return dates.span(self.date).end

    @property
    def precision(self) -> dates.Precision:
        return dates.span(self.date).precision


@dataclass
class EventOut(Dated):
    """One stored event (one report of a happening) with its evidence and its article, flattened;
    `group_id` names the event group of every report of the same happening."""

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
    sectors: list[str]
    evidence: Evidence
    group_id: int | None = None
    outlet: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    trigger: str | None = None  # the word that named the event in its sentence
    quad: str | None = None  # PLOVER's quad category
    intensity: float | None = None  # PLOVER's conflict/cooperation score, -10 to +10


@dataclass
class Page(Generic[T]):
    """One page of results and how many there are in all: `total` is exact when `exact`, else
    there are more than `total` (= COUNT_LIMIT) and nobody counted them."""

    items: list[T]
    total: int
    offset: int
    limit: int
    exact: bool = True

    @property
    def shown_total(self) -> str:
        """The total as people read it: "1,234", or "1,000+" when it was not counted to the end."""
        return f"{self.total:,}" + ("" if self.exact else "+")


@dataclass
class ArticleSummary:
    doc_id: str
    published: str | None
    source: str | None
    dateline: str | None
    title: str | None
    url: str | None
    events: int


@dataclass
class ArticleDetail:
    summary: ArticleSummary
    text: str
    record: ArticleRecord
    evidence: list[Evidence]


@dataclass
class ActorSummary:
    id: int
    name: str
    kind: str
    country: str | None
    events: int


@dataclass
class RoleHeld:
    role: str
    date: str | None
    doc_id: str


@dataclass
class ActorDetail:
    summary: ActorSummary
    aliases: list[str]
    roles: list[RoleHeld]
    events: list[EventOut]


@dataclass
class Count:
    key: str
    count: int


@dataclass
class PeriodCount:
    period: str
    type: str
    count: int


@dataclass
class Relations:
    """What the store holds about events between two countries."""

    countries: tuple[str, str]
    events: int
    first: str | None  # the first and last date naming a year
    last: str | None
    dated: int = 0  # events placed on the time axis, with a year; `by_period` counts them
    year_unknown: int = 0  # a day and month but no year ('--10-31')
    undated: int = 0  # no date at all
    by_type: list[Count] = field(default_factory=list)
    by_period: list[PeriodCount] = field(default_factory=list)
    undated_by_type: list[Count] = field(default_factory=list)  # by type, the events with no year (both lanes)
    sectors: list[Count] = field(default_factory=list)
    top_actors: list[Count] = field(default_factory=list)


@dataclass
class FactOut(Dated):
    value: float
    unit: str
    period: str | None
    about: str | None
    qualifier: str | None
    doc_id: str
    published: str | None
    evidence: Evidence
    outlet: str | None = None
    title: str | None = None
    url: str | None = None

    @property
    def date(self) -> str | None:  # type: ignore[override]
        return self.period


@dataclass
class SearchHit:
    doc_id: str
    title: str | None
    published: str | None
    snippet: str


def _taking_part(countries: Sequence[str]) -> Select[int]:
    """Ids of the events all `countries` take part in: one index-only join, not a list per country."""
    first = aliased(m.EventCountry)
    q = select(first.event_id).where(first.country == countries[0])
    for c in countries[1:]:
        other = aliased(m.EventCountry)
        q = q.join(other, (other.event_id == first.event_id) & (other.country == c))
    return q


@dataclass(frozen=True)
class _Plan:
    """How `_event_query` reads the filters that name a set of events: those in `walk` match many
    (checked per event, one index probe each), those in `ids` few (given as their event ids),
    others as a subquery; `articles` are the ids of the articles holding the words when they are few."""

    walk: frozenset[str] = frozenset()
    ids: dict[str, list[int]] = field(default_factory=dict)
    articles: tuple[int, ...] | None = None
    some_articles: tuple[int, ...] = ()  # when they are many: the first ones read
    some: dict[str, list[int]] = field(default_factory=dict)  # the first ids read of the sets in `walk`

    @property
    def bounded(self) -> bool:
        """True when every match is among a few ids already read (a set's events or the words' articles)."""
        return bool(self.ids) or self.articles is not None


def _sets(f: EventFilter) -> dict[str, Select[Any]]:
    """The ids of the events each set-like filter of `f` matches, by filter (the first two countries
    are not one: their pair drives the query)."""
    out: dict[str, Select[Any]] = {}
    distinct = sorted(set(f.countries))
    if countries := distinct[2:] if len(distinct) >= 2 else distinct:
        out["country"] = _taking_part(countries)
    if f.actor:
        out["actor"] = (select(m.EventArgument.event_id).join(m.Alias, m.Alias.entity_id == m.EventArgument.entity_id)
                        .where(m.Alias.key == key(f.actor)))
    if f.sector:
        out["sector"] = select(m.Sector.event_id).where(m.Sector.sector == f.sector)
    return out


def _plan(s: Session, f: EventFilter) -> _Plan:
    """Which filters of `f` match many events and the events of those matching few, reading
    each only up to FEW_EVENTS."""
    found = {name: list(s.scalars(ids.limit(FEW_EVENTS + 1))) for name, ids in _sets(f).items()}
    articles = first_articles_matching(s, f.words, FEW_ARTICLES + 1) if f.words else []
    few = bool(f.words) and len(articles) <= FEW_ARTICLES
    return _Plan(walk=frozenset(name for name, ids in found.items() if len(ids) > FEW_EVENTS),
                 ids={name: ids for name, ids in found.items() if len(ids) <= FEW_EVENTS},
                 articles=tuple(articles) if few else None, some_articles=() if few else tuple(articles),
                 some={name: ids for name, ids in found.items() if len(ids) > FEW_EVENTS})


def _event_query(f: EventFilter, plan: _Plan = _Plan()) -> Select[Any]:
    """The ids of the events matching `f`, read as `plan` says (by default every set as a list).
    For a country pair they come from the pair's rows, which carry the event's date, so `_order`
    pages them straight from their index; the events are joined only for their other columns."""
    countries = sorted(set(f.countries))
    pair = len(countries) >= 2
    ident: ColumnElement[Any] = m.EventPair.event_id.expression if pair else m.Event.id.expression
    date: ColumnElement[Any] = m.EventPair.date.expression if pair else m.Event.date.expression
    q = select(ident)
    if pair:
        q = q.where(m.EventPair.a == countries[0], m.EventPair.b == countries[1])
        if f.mode or f.text or f.words:
            q = q.join(m.Event, m.Event.id == ident)
    for name, ids in _sets(f).items():
        event_id = ids.selected_columns[0]
        if name in plan.walk:
            q = q.where(ids.where(event_id == ident).exists())
        else:
            q = q.where(ident.in_(plan.ids.get(name, ids)))
    # a pair's rows carry the type and status too, each with its own newest-first index (0008)
    for column, value in ((m.EventPair.type if pair else m.Event.type, f.type), (m.Event.mode, f.mode),
                          (m.EventPair.status if pair else m.Event.status, f.status)):
        if value:
            q = q.where(column == value)
    if f.since:
        q = q.where(date >= f.since)
    if f.until:
        # "~" sorts after every digit and "/", so an interval starting on the last day is kept
        q = q.where(date <= f.until + "~", ~date.startswith("-"))
    if f.text:
        q = q.where(m.Event.evidence_id.in_(
            select(m.EvidenceSpan.id).where(m.EvidenceSpan.text.icontains(f.text, autoescape=True))))
    if f.words and plan.articles is not None:
        q = q.where(m.Event.article_id.in_(plan.articles))
    elif f.words:
        # "+ 0" keeps the planner off the article index: walking events newest first and checking
        # each against the (many) matching articles stops after a page, sorting all of them does not
        q = q.where(id_of_article_matching(m.Event.article_id + 0, f.words))
    return q


def _sorts_few(f: EventFilter, plan: _Plan) -> bool:
    """True when a filter of `f` is read as a short list (and no pair drives the query)."""
    if len(set(f.countries)) >= 2:
        return False
    return plan.articles is not None or bool(plan.ids)


def _order(q: Select[Any], sort: Sort, f: EventFilter | None = None, plan: _Plan = _Plan()) -> Select[Any]:
    """`q` in the order `sort` asks; for a country pair by the pair's copies of date and id (the
    same values), which its index holds in that order."""
    date: ColumnElement[Any] = m.Event.date.expression
    ident: ColumnElement[Any] = m.Event.id.expression
    if f and len(set(f.countries)) >= 2:
        date, ident = m.EventPair.date.expression, m.EventPair.event_id.expression
    elif f and _sorts_few(f, plan):
        # the same values as expressions no index holds: the planner then sorts the few matches
        # rather than walking every event newest first to find them (PostgreSQL would, in parallel)
        date, ident = m.Event.date + "", m.Event.id + 0
    if sort == "newest":
        return q.order_by(date.desc().nulls_last(), ident)
    if sort == "oldest":
        # year unknown ('--10-31') after every dated event, not before it as the string sorts
        return q.order_by(case((date.is_(None), 2), (date.startswith("-"), 1), else_=0), date.asc(), ident)
    return q.order_by(ident)


def _events_out(s: Session, ids: Sequence[int]) -> list[EventOut]:
    """The events `ids` with their details, in the order of `ids`: two queries whatever the page size,
    one for what each event has one of, one for its lists (no ORM objects: hydrating them cost more
    than the queries)."""
    if not ids:
        return []
    head = (select(m.Event.id, m.Event.type, m.Event.mode, m.Event.quad, m.Event.intensity, m.Event.status,
                   m.Event.date, m.Event.location, m.Event.group_id, m.Event.trigger, m.Article.doc_id, m.Article.source,
                   m.Article.title, m.Article.url, m.Article.published, m.EvidenceSpan.text, m.EvidenceSpan.start, m.EvidenceSpan.end)
            .join(m.Article, m.Article.id == m.Event.article_id)
            .join(m.EvidenceSpan, m.EvidenceSpan.id == m.Event.evidence_id).where(m.Event.id.in_(ids)))
    lists: dict[tuple[int, str], list[str]] = {}
    for event_id, kind, value in s.execute(_event_lists(ids)):
        lists.setdefault((event_id, kind), []).append(value)
    rows = {r.id: r for r in s.execute(head)}
    return [EventOut(
        id=i, doc_id=r.doc_id, type=r.type, mode=r.mode, status=r.status, date=r.date, location=r.location,
        actors=lists.get((i, "actor"), []), targets=lists.get((i, "target"), []),
        countries=sorted(lists.get((i, "country"), [])), sectors=lists.get((i, "sector"), []),
        evidence=Evidence(text=r.text, start=r.start, end=r.end), group_id=r.group_id, outlet=r.source,
        title=r.title, url=r.url, published=r.published, trigger=r.trigger, quad=r.quad, intensity=r.intensity)
        for i in ids if (r := rows.get(i)) is not None]


def _event_lists(ids: Sequence[int]) -> Select[Any]:
    """(event id, "actor" | "target" | "country" | "sector", value) for the events `ids`, each list in
    the order it was stored."""
    parts = union_all(
        select(m.EventArgument.event_id, m.EventArgument.role.label("kind"), m.Entity.name.label("value"),
               m.EventArgument.id.label("n"))
        .join(m.Entity, m.Entity.id == m.EventArgument.entity_id).where(m.EventArgument.event_id.in_(ids)),
        select(m.EventCountry.event_id, literal("country", String), m.EventCountry.country, m.EventCountry.id)
        .where(m.EventCountry.event_id.in_(ids)),
        select(m.Sector.event_id, literal("sector", String), m.Sector.sector, m.Sector.id)
        .where(m.Sector.event_id.in_(ids))).subquery()
    return select(parts.c.event_id, parts.c.kind, parts.c.value).order_by(parts.c.kind, parts.c.n)


def _known_total(offset: int, limit: int, shown: int) -> int | None:
    """The number of matches a page of `shown` rows tells without counting them, if it does: all
    of them when the page is not full, more than COUNT_LIMIT when the page ends past it."""
    if 0 < shown < limit or shown == offset == 0 or offset + shown > COUNT_LIMIT:
        return offset + shown
    return None


def _paged(s: Session, items: list[T], q: Select[m.Event] | Select[m.Article] | Select[m.Entity] | Select[m.Fact],
           offset: int, limit: int) -> Page[T]:
    """A page of `items` with how many rows `q` gives before paging, counted up to COUNT_LIMIT."""
    n = _known_total(offset, limit, len(items))
    if n is None:
        upto = q.with_only_columns(literal(1), maintain_column_froms=True).limit(COUNT_LIMIT + 1).subquery()
        n = s.scalar(select(func.count()).select_from(upto)) or 0
    return Page(items, min(n, COUNT_LIMIT), offset, limit, exact=n <= COUNT_LIMIT)


def list_events(store: Store, f: EventFilter = EventFilter(), *, sort: Sort = "newest", limit: int = 100,
                offset: int = 0) -> Page[EventOut]:
    """One page of the events matching `f`, in the order `sort` asks, with the total count."""
    check_page(limit, offset)
    check_choice(sort, ("newest", "oldest", "id"), "sort")
    f = f.checked()
    with store.session() as s:
        plan = _plan(s, f)
        q = _event_query(f, plan)
        ordered = _order(q, sort, f, plan)
        if plan.bounded:  # the matches are few: reading them all counts them, a second query would not
            ids = list(s.scalars(ordered))
            return Page(_events_out(s, ids[offset:offset + limit]), min(len(ids), COUNT_LIMIT), offset, limit,
                        exact=len(ids) <= COUNT_LIMIT)
        items = _events_out(s, list(s.scalars(ordered.limit(limit).offset(offset))))
        if _known_total(offset, limit, len(items)) is None and _more_than_counted(s, f, plan):
            return Page(items, COUNT_LIMIT, offset, limit, exact=False)
        return _paged(s, items, q, offset, limit)


def _more_than_counted(s: Session, f: EventFilter, plan: _Plan) -> bool:
    """True when the matches number more than COUNT_LIMIT by what was read already: the first ids of
    a set matching many when it is the only condition, or the events of the first articles read for
    the words (meeting every other condition). Then nobody walks the matches to count them."""
    alone = len(set(f.countries)) < 2 and replace(f, countries=(), actor=None, sector=None) == EventFilter()
    if alone and len(plan.some) == 1 and len(_sets(f)) == 1:
        return len(set(next(iter(plan.some.values())))) > COUNT_LIMIT
    if not plan.some_articles:
        return False
    some = _event_query(f, replace(plan, articles=plan.some_articles))
    upto = some.with_only_columns(literal(1), maintain_column_froms=True).limit(COUNT_LIMIT + 1).subquery()
    return (s.scalar(select(func.count()).select_from(upto)) or 0) > COUNT_LIMIT


def iter_events(store: Store, f: EventFilter = EventFilter(), *, sort: Sort = "oldest",
                batch: int = MAX_PAGE_SIZE) -> list[EventOut]:
    """Every event matching `f` (for exports), read a page at a time."""
    out: list[EventOut] = []
    while True:
        page = list_events(store, f, sort=sort, limit=batch, offset=len(out))
        out.extend(page.items)
        if len(page.items) < batch:
            return out


def get_event(store: Store, event_id: int) -> EventOut:
    with store.session() as s:
        found = _events_out(s, [event_id])
        if not found:
            raise NotFound(f"no event {event_id}")
        return found[0]


def _article_summary(a: m.Article, events: int) -> ArticleSummary:
    return ArticleSummary(doc_id=a.doc_id, published=a.published, source=a.source, dateline=a.dateline,
                          title=a.title, url=a.url, events=events)


def list_articles(store: Store, *, since: str | None = None, until: str | None = None, source: str | None = None,
                  limit: int = 100, offset: int = 0) -> Page[ArticleSummary]:
    """Stored articles, newest publication first."""
    check_page(limit, offset)
    check_date(since, "since")
    check_date(until, "until")
    check_text(source, "source")
    q = select(m.Article)
    if since:
        q = q.where(m.Article.published >= since)
    if until:
        q = q.where(m.Article.published <= until + "~")
    if source:
        q = q.where(m.Article.source == source)
    n_events = (select(func.count(m.Event.id)).where(m.Event.article_id == m.Article.id)
                .correlate(m.Article).scalar_subquery())
    page = (select(m.Article, n_events).where(m.Article.id.in_(q.with_only_columns(m.Article.id)))
            .order_by(m.Article.published.desc().nulls_last(), m.Article.doc_id).limit(limit).offset(offset))
    with store.session() as s:
        items = [_article_summary(a, n) for a, n in s.execute(page)]
        return _paged(s, items, q, offset, limit)


def get_article(store: Store, doc_id: str) -> ArticleDetail:
    """One article with its text, its record and every evidence span stored for it."""
    with store.session() as s:
        a = s.scalar(select(m.Article).where(m.Article.doc_id == doc_id))
        if a is None:
            raise NotFound(f"no article {doc_id[:200]!r}")
        spans = s.scalars(select(m.EvidenceSpan).where(m.EvidenceSpan.article_id == a.id)
                          .order_by(m.EvidenceSpan.start, m.EvidenceSpan.id)).all()
        n = s.scalar(select(func.count()).where(m.Event.article_id == a.id)) or 0
        return ArticleDetail(summary=_article_summary(a, n), text=a.text,
                             record=ArticleRecord.model_validate_json(a.record),
                             evidence=[Evidence(text=e.text, start=e.start, end=e.end) for e in spans])


def _actor_counts(q: Select[m.Entity]) -> Select[m.Entity, int]:
    n = (select(func.count(func.distinct(m.EventArgument.event_id))).where(m.EventArgument.entity_id == m.Entity.id)
         .correlate(m.Entity).scalar_subquery())
    return select(m.Entity, n).where(m.Entity.id.in_(q.with_only_columns(m.Entity.id)))


def list_actors(store: Store, *, country: str | None = None, name: str | None = None, limit: int = 100,
                offset: int = 0) -> Page[ActorSummary]:
    """Canonical actors, by name; `name` matches any alias, ignoring case and accents."""
    check_page(limit, offset)
    if country is not None:
        country = check_country(country)
    check_text(name, "name")
    q = select(m.Entity)
    if country:
        q = q.where(m.Entity.country == country)
    if name:
        q = q.where(m.Entity.id.in_(select(m.Alias.entity_id).where(m.Alias.key.contains(key(name), autoescape=True))))
    with store.session() as s:
        rows = s.execute(_actor_counts(q).order_by(m.Entity.name, m.Entity.id).limit(limit).offset(offset)).all()
        items = [ActorSummary(id=e.id, name=e.name, kind=e.kind, country=e.country, events=n) for e, n in rows]
        return _paged(s, items, q, offset, limit)


def get_actor(store: Store, actor_id: int, *, event_limit: int = 100) -> ActorDetail:
    """One actor with aliases, the roles articles give it over time, and its newest events."""
    with store.session() as s:
        row = s.execute(_actor_counts(select(m.Entity).where(m.Entity.id == actor_id))).first()
        if row is None:
            raise NotFound(f"no actor {actor_id}")
        e, n = row
        roles = s.execute(select(m.Role.role, m.Role.date, m.Article.doc_id).join(m.Article)
                          .where(m.Role.entity_id == e.id).order_by(m.Role.date.nulls_last(), m.Role.id)).all()
        mine = select(m.EventArgument.event_id).where(m.EventArgument.entity_id == e.id)
        events = s.scalars(_order(select(m.Event.id).where(m.Event.id.in_(mine)), "newest").limit(event_limit)).all()
        return ActorDetail(summary=ActorSummary(id=e.id, name=e.name, kind=e.kind, country=e.country, events=n),
                           aliases=sorted(a.alias for a in e.aliases),
                           roles=[RoleHeld(role=r, date=d, doc_id=doc) for r, d, doc in roles],
                           events=_events_out(s, events))


def relations(store: Store, a: str, b: str, *, since: str | None = None, until: str | None = None,
              period: Period = "year", top: int = 10) -> Relations:
    """Counts of the events between two countries: by type, by type and period, by sector, by actor."""
    a, b = check_country(a, "a"), check_country(b, "b")
    check_choice(period, ("year", "month"), "period")
    ids = _event_query(EventFilter(countries=(a, b), since=since, until=until).checked())
    length = 4 if period == "year" else 7
    with store.session() as s:
        yearless = m.Event.date.startswith("-")
        total, first, last = s.execute(select(func.count(), func.min(m.Event.date), func.max(m.Event.date))
                                       .where(m.Event.id.in_(ids), ~yearless)).one()
        lane = case((m.Event.date.is_(None), "undated"), (yearless, "year unknown"), else_="dated")
        lanes: dict[str, int] = {k: n for k, n in s.execute(select(lane, func.count()).where(m.Event.id.in_(ids))
                                                             .group_by(lane))}
        total = sum(lanes.values())
        undated = s.execute(select(m.Event.type, func.count()).where(m.Event.id.in_(ids), m.Event.date.is_(None) | yearless)
                            .group_by(m.Event.type).order_by(m.Event.type)).all()
        by_type = s.execute(select(m.Event.type, func.count()).where(m.Event.id.in_(ids))
                            .group_by(m.Event.type).order_by(func.count().desc(), m.Event.type)).all()
        p = func.substr(m.Event.date, 1, length)
        by_period = s.execute(select(p, m.Event.type, func.count())
                              .where(m.Event.id.in_(ids), m.Event.date.is_not(None), ~m.Event.date.startswith("-"))
                              .group_by(p, m.Event.type).order_by(p, m.Event.type)).all()
        sectors = s.execute(select(m.Sector.sector, func.count()).where(m.Sector.event_id.in_(ids))
                            .group_by(m.Sector.sector).order_by(func.count().desc(), m.Sector.sector)).all()
        actors = s.execute(select(m.Entity.name, func.count(func.distinct(m.EventArgument.event_id)))
                           .join(m.EventArgument, m.EventArgument.entity_id == m.Entity.id)
                           .where(m.EventArgument.event_id.in_(ids)).group_by(m.Entity.id, m.Entity.name)
                           .order_by(func.count(func.distinct(m.EventArgument.event_id)).desc(), m.Entity.name)
                           .limit(top)).all()
    return Relations(countries=(a, b), events=total, first=first, last=last, dated=lanes.get("dated", 0),
                     year_unknown=lanes.get("year unknown", 0), undated=lanes.get("undated", 0),
                     by_type=[Count(t, n) for t, n in by_type], undated_by_type=[Count(t, n) for t, n in undated],
                     by_period=[PeriodCount(pr, t, n) for pr, t, n in by_period],
                     sectors=[Count(k, n) for k, n in sectors], top_actors=[Count(k, n) for k, n in actors])


def facts(store: Store, a: str, b: str, *, unit: str | None = None, about: str | None = None,
          since: str | None = None, until: str | None = None, limit: int = 100, offset: int = 0) -> Page[FactOut]:
    """Figures stated in articles that report events between `a` and `b`, ordered by period:
    a time series when `unit` and `about` narrow it to one quantity."""
    a, b = check_country(a, "a"), check_country(b, "b")
    check_page(limit, offset)
    check_text(unit, "unit")
    check_text(about, "about")
    check_date(since, "since")
    check_date(until, "until")
    articles = select(m.Event.article_id).where(m.Event.id.in_(_event_query(EventFilter(countries=(a, b)))))
    q = select(m.Fact).where(m.Fact.article_id.in_(articles))
    if unit:
        q = q.where(m.Fact.unit == unit)
    if about:
        q = q.where(m.Fact.about.icontains(about, autoescape=True))
    if since:
        q = q.where(m.Fact.period >= since)
    if until:
        q = q.where(m.Fact.period <= until + "~")
    page = (select(m.Fact, m.Article, m.EvidenceSpan).join(m.Article, m.Article.id == m.Fact.article_id)
            .join(m.EvidenceSpan, m.EvidenceSpan.id == m.Fact.evidence_id).where(m.Fact.id.in_(q.with_only_columns(m.Fact.id)))
            .order_by(case((m.Fact.period.is_(None), 2), (m.Fact.period.startswith("-"), 1), else_=0), m.Fact.period,
                      m.Article.published, m.Fact.id).limit(limit).offset(offset))
    with store.session() as s:
        items = [FactOut(value=f.value, unit=f.unit, period=f.period, about=f.about, qualifier=f.qualifier,
                         doc_id=art.doc_id, published=art.published,
                         evidence=Evidence(text=ev.text, start=ev.start, end=ev.end), outlet=art.source,
                         title=art.title, url=art.url)
                 for f, art, ev in s.execute(page)]
        return _paged(s, items, q, offset, limit)


def _snippet(text: str, q: str, width: int = 240) -> str:
    at = text.casefold().find(q.casefold())
    start = max(0, at - width // 2) if at >= 0 else 0
    return " ".join(text[start:start + width].split())


def search(store: Store, q: str, *, limit: int = 20, offset: int = 0) -> Page[SearchHit]:
    """Articles whose title or text holds every word of `q` (full-text index), newest first, each with a snippet."""
    check_page(limit, offset)
    if check_text(q, "q") is None or not q.strip():
        raise InvalidParameter("q", "must not be empty")
    match = select(m.Article).where(m.Article.id.in_(article_ids_matching(q)))
    with store.session() as s:
        rows = s.scalars(match.order_by(m.Article.published.desc().nulls_last(), m.Article.doc_id)
                         .limit(limit).offset(offset)).all()
        items = [SearchHit(doc_id=a.doc_id, title=a.title, published=a.published, snippet=_snippet(a.text, q))
                 for a in rows]
        return _paged(s, items, match, offset, limit)
