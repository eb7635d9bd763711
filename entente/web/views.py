"""What the dashboard shows that the resource routes do not: the country pairs in the store, the
actor network of a set of events, event types and sectors by period, and an article's text with
the spans that support its record marked (people, dates, numbers, event triggers, evidence).

Every function only reads the store, through SQLAlchemy expressions with bound parameters."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from entente.errors import InvalidParameter, NotFound
from entente.extract.quantities import number_value, units
from entente.extract.time import find_times
from entente.store import Store
from entente.store import models as m
from entente.store.read import (
    MAX_PAGE_SIZE,
    EventFilter,
    EventOut,
    Period,
    check_choice,
    check_country,
    check_date,
    get_event,
    list_events,
    relations,
)

MAX_NETWORK_EVENTS = 2000
MAX_PAIRS = 50


@dataclass
class Pair:
    a: str
    b: str
    events: int


@dataclass
class Node:
    id: int
    name: str
    country: str | None
    events: int


@dataclass
class Edge:
    source: int
    target: int
    weight: int
    events: list[int]


@dataclass
class Network:
    """Actors as nodes sized by how many of the events they take part in; an edge joins two
    actors of one event (who met, called or signed with whom)."""

    nodes: list[Node]
    edges: list[Edge]
    events: int
    truncated: bool


@dataclass
class SectorPeriod:
    period: str
    sector: str
    count: int


@dataclass
class TypePeriod:
    period: str
    type: str
    count: int


@dataclass
class Trends:
    by_type: list[TypePeriod]
    by_sector: list[SectorPeriod]


@dataclass
class Mark:
    """A span of the article text that supports one record: `kind` is person, date, number or
    trigger; `target` (actor, event or fact) and `id` name the record it links to."""

    start: int
    end: int
    kind: str
    label: str
    target: str
    id: int


@dataclass
class Sentence:
    """An evidence sentence and the events and facts it supports."""

    start: int
    end: int
    events: list[int] = field(default_factory=list)
    facts: list[int] = field(default_factory=list)


@dataclass
class FactRef:
    id: int
    value: float
    unit: str
    period: str | None
    about: str | None
    qualifier: str | None


@dataclass
class ActorRef:
    id: int
    name: str
    country: str | None
    roles: list[str]


@dataclass
class ArticleView:
    """An article's text with its evidence sentences and marks, and the records they link to.
    Marks never overlap one another and never cross a sentence's edge."""

    doc_id: str
    title: str | None
    published: str | None
    source: str | None
    url: str | None
    text: str
    sentences: list[Sentence]
    marks: list[Mark]
    events: list[EventOut]
    facts: list[FactRef]
    actors: list[ActorRef]


def pairs(store: Store, *, limit: int = MAX_PAIRS) -> list[Pair]:
    """Country pairs by how many events involve both, most first."""
    if not 1 <= limit <= MAX_PAIRS:
        raise InvalidParameter("limit", f"must be between 1 and {MAX_PAIRS}")
    c1, c2 = aliased(m.EventCountry), aliased(m.EventCountry)
    n = func.count(func.distinct(c1.event_id))
    q = (select(c1.country, c2.country, n).join(c2, c2.event_id == c1.event_id).where(c1.country < c2.country)
         .group_by(c1.country, c2.country).order_by(n.desc(), c1.country, c2.country).limit(limit))
    with store.session() as s:
        return [Pair(a, b, k) for a, b, k in s.execute(q)]


def network(store: Store, f: EventFilter, *, max_events: int = MAX_NETWORK_EVENTS) -> Network:
    """The actors of the newest `max_events` events matching `f`, and who took part with whom."""
    ids: list[int] = []
    more = False
    while len(ids) < max_events:
        page = list_events(store, f, sort="newest", limit=min(MAX_PAGE_SIZE, max_events - len(ids)), offset=len(ids))
        # the total counts matches up to COUNT_LIMIT from the first: past that there may be more
        more = not page.exact or page.total > page.offset + len(page.items)
        ids.extend(e.id for e in page.items)
        if len(page.items) < page.limit:
            break
    people: dict[int, set[int]] = {}
    nodes: dict[int, Node] = {}
    q = (select(m.EventArgument.event_id, m.Entity.id, m.Entity.name, m.Entity.country)
         .join(m.Entity, m.Entity.id == m.EventArgument.entity_id).where(m.EventArgument.event_id.in_(ids)))
    with store.session() as s:
        for start in range(0, len(ids), 500):  # bound the IN list
            for event_id, entity_id, name, country in s.execute(q.where(m.EventArgument.event_id.in_(ids[start:start + 500]))):
                people.setdefault(event_id, set()).add(entity_id)
                nodes.setdefault(entity_id, Node(entity_id, name, country, 0))
    activity: Counter[int] = Counter()
    edges: dict[tuple[int, int], Edge] = {}
    for event_id, who in sorted(people.items()):
        activity.update(who)
        for a, b in combinations(sorted(who), 2):
            edge = edges.setdefault((a, b), Edge(a, b, 0, []))
            edge.weight += 1
            if len(edge.events) < 20:
                edge.events.append(event_id)
    for node in nodes.values():
        node.events = activity[node.id]
    return Network(nodes=sorted(nodes.values(), key=lambda n: (-n.events, n.name)),
                   edges=sorted(edges.values(), key=lambda e: (-e.weight, e.source, e.target)),
                   events=len(ids), truncated=more)


def trends(store: Store, a: str, b: str, *, since: str | None = None, until: str | None = None,
           period: Period = "year") -> Trends:
    """Events between `a` and `b` counted by period and type, and by period and sector."""
    a, b = check_country(a, "a"), check_country(b, "b")
    check_date(since, "since")
    check_date(until, "until")
    check_choice(period, ("year", "month"), "period")
    summary = relations(store, a, b, since=since, until=until, period=period)
    p = func.substr(m.Event.date, 1, 4 if period == "year" else 7)
    q = (select(p, m.Sector.sector, func.count()).join(m.Event, m.Event.id == m.Sector.event_id)
         .where(m.Event.date.is_not(None), ~m.Event.date.startswith("-")))
    for c in (a, b):
        q = q.where(m.Event.id.in_(select(m.EventCountry.event_id).where(m.EventCountry.country == c)))
    if since:
        q = q.where(m.Event.date >= since)
    if until:
        q = q.where(m.Event.date <= until + "~")
    with store.session() as s:
        sectors = s.execute(q.group_by(p, m.Sector.sector).order_by(p, m.Sector.sector)).all()
    return Trends(by_type=[TypePeriod(x.period, x.type, x.count) for x in summary.by_period],
                  by_sector=[SectorPeriod(pr, sec, n) for pr, sec, n in sectors])


def _numbers(text: str) -> list[tuple[int, int, float, str]]:
    """Money, percentages and plain numbers in `text` as (start, end, value, unit)."""
    u = units()
    found: list[tuple[int, int, float, str]] = []
    for rx in (u.money_prefix, u.money_suffix):
        for hit in rx.finditer(text):
            code = u.data["currency_prefix"].get(hit["cur"]) or u.data["currency_suffix"].get(hit["cur"])
            if code:
                found.append((hit.start(), hit.end(), number_value(hit["num"], hit["scale"]), code))
    for hit in u.percent.finditer(text):
        found.append((hit.start(), hit.end(), number_value(hit["num"]), "percent"))
    for hit in u.count.finditer(text):
        found.append((hit.start(), hit.end(), number_value(hit["num"], hit["scale"]), "count"))
    return found


def _same(x: float, y: float) -> bool:
    return abs(x - y) <= 1e-9 * max(abs(x), abs(y), 1.0)


def _free(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return not any(a < end and start < b for a, b in taken)


def article_view(store: Store, doc_id: str) -> ArticleView:
    """The article `doc_id` with every span that supports its events, facts and people marked."""
    with store.session() as s:
        art = s.scalar(select(m.Article).where(m.Article.doc_id == doc_id))
        if art is None:
            raise NotFound(f"no article {doc_id[:200]!r}")
        ev_rows = s.execute(select(m.Event.id, m.Event.trigger, m.Event.date, m.EvidenceSpan.start, m.EvidenceSpan.end)
                            .join(m.EvidenceSpan, m.EvidenceSpan.id == m.Event.evidence_id)
                            .where(m.Event.article_id == art.id).order_by(m.EvidenceSpan.start, m.Event.id)).all()
        fact_rows = s.execute(select(m.Fact, m.EvidenceSpan.start, m.EvidenceSpan.end)
                              .join(m.EvidenceSpan, m.EvidenceSpan.id == m.Fact.evidence_id)
                              .where(m.Fact.article_id == art.id).order_by(m.EvidenceSpan.start, m.Fact.id)).all()
        mentions = s.execute(select(m.Mention.start, m.Mention.end, m.Entity.id, m.Entity.name, m.Entity.country)
                             .join(m.Entity, m.Entity.id == m.Mention.entity_id)
                             .where(m.Mention.article_id == art.id).order_by(m.Mention.start)).all()
        roles = s.execute(select(m.Role.entity_id, m.Role.role).where(m.Role.article_id == art.id)
                          .order_by(m.Role.id)).all()
        text, published = art.text, art.published
        view = ArticleView(doc_id=art.doc_id, title=art.title, published=art.published, source=art.source, url=art.url,
                           text=text, sentences=[], marks=[], events=[], facts=[], actors=[])

    sentences: dict[tuple[int, int], Sentence] = {}
    for event_id, _trigger, _date, start, end in ev_rows:
        sentences.setdefault((start, end), Sentence(start, end)).events.append(event_id)
    for fact, start, end in fact_rows:
        sentences.setdefault((start, end), Sentence(start, end)).facts.append(fact.id)
    kept: list[Sentence] = []
    for sent in sorted(sentences.values(), key=lambda x: (x.start, -x.end)):
        if kept and sent.start < kept[-1].end:  # overlapping evidence: fold into the earlier sentence
            kept[-1].events += sent.events
            kept[-1].facts += sent.facts
        else:
            kept.append(sent)

    marks: list[Mark] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, kind: str, target: str, ident: int) -> None:
        crosses = any(x.start < end and start < x.end and not (x.start <= start and end <= x.end) for x in kept)
        if 0 <= start < end <= len(text) and not crosses and _free(taken, start, end):
            taken.append((start, end))
            marks.append(Mark(start, end, kind, text[start:end], target, ident))

    actors: dict[int, ActorRef] = {}
    for start, end, entity_id, name, country in mentions:
        actors.setdefault(entity_id, ActorRef(entity_id, name, country, []))
        add(start, end, "person", "actor", entity_id)
    for entity_id, role in roles:
        if entity_id in actors and role not in actors[entity_id].roles:
            actors[entity_id].roles.append(role)
    for event_id, trigger, _date, start, end in ev_rows:
        if trigger:
            hit = re.search(rf"(?<!\w){re.escape(trigger)}(?!\w)", text[start:end], re.I)
            if hit:
                add(start + hit.start(), start + hit.end(), "trigger", "event", event_id)
    for fact, start, end in fact_rows:
        for a, b, value, unit in _numbers(text[start:end]):
            if unit == fact.unit and _same(value, fact.value) and _free(taken, start + a, start + b):
                add(start + a, start + b, "number", "fact", fact.id)
                break
    times = find_times(text, published)
    for event_id, _trigger, date, start, end in ev_rows:
        for t in times:
            if date and t.value == date and start <= t.start and t.end <= end:
                add(t.start, t.end, "date", "event", event_id)
    for fact, start, end in fact_rows:
        for t in times:
            if fact.period and t.value == fact.period and start <= t.start and t.end <= end:
                add(t.start, t.end, "date", "fact", fact.id)
    marks.sort(key=lambda x: x.start)
    events = [get_event(store, event_id) for event_id in dict.fromkeys(r[0] for r in ev_rows)]
    facts = [FactRef(f.id, f.value, f.unit, f.period, f.about, f.qualifier) for f, _s, _e in fact_rows]
    view.sentences, view.marks, view.events, view.facts = kept, marks, events, facts
    view.actors = sorted(actors.values(), key=lambda x: x.name)
    return view
