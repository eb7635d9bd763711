"""Events read one row per happening: each event group (see `entente.store.groups`) with its
reports, their outlets, the first and last day they came out, and the evidence of each.

The same filters as `read.list_events` choose the groups: a group is listed when one of its
reports matches, and is shown with every report of it, so a pair's summit reported by two outlets
is one row citing both."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import Select, case, func, select

from entente.records import Evidence
from entente.store import Store
from entente.store import models as m
from entente.store.params import MAX_PAGE_SIZE, check_choice, check_page
from entente.store.read import (
    COUNT_LIMIT,
    Dated,
    EventFilter,
    EventOut,
    Page,
    Sort,
    _event_query,
    _events_out,
    _plan,
)

By = Literal["group", "report"]
BY: tuple[By, ...] = ("group", "report")
EVERY = EventFilter()


@dataclass
class Report:
    """One report of a happening: the event as one article gives it, and where it came out."""

    id: int
    doc_id: str
    outlet: str | None
    title: str | None
    url: str | None
    published: str | None
    date: str | None
    status: str
    evidence: Evidence
    trigger: str | None = None


@dataclass
class GroupOut(Dated):
    """One happening: what its reports say together (actors, targets, countries and sectors of
    all of them; the most precise date any gives), and each report with its evidence, in the order
    they came out."""

    group_id: int
    type: str
    mode: str | None
    status: str
    date: str | None
    location: str | None
    actors: list[str]
    targets: list[str]
    countries: list[str]
    sectors: list[str]
    reports: int
    outlets: list[str]
    first_report: str | None
    last_report: str | None
    evidence: list[Report] = field(default_factory=list)
    quad: str | None = None  # PLOVER's quad category, of the type and mode the group shares
    intensity: float | None = None  # PLOVER's conflict/cooperation score, -10 to +10

    @property
    def doc_ids(self) -> list[str]:
        return list(dict.fromkeys(r.doc_id for r in self.evidence))


def _union(lists: Sequence[list[str]]) -> list[str]:
    return list(dict.fromkeys(x for xs in lists for x in xs))


def _published_order(e: EventOut) -> tuple[int, str, int]:
    day = e.published or ""
    return (0 if day[:1].isdigit() else 1, day, e.id)


def group_of(group_id: int, date: str | None, reports: list[EventOut]) -> GroupOut:
    """A group from its reports (at least one), each an `EventOut`."""
    reports = sorted(reports, key=_published_order)
    first = reports[0]
    actors = _union([e.actors for e in reports])
    days = sorted(d for e in reports if (d := e.published) and d[:1].isdigit())
    outlets = _union([[e.outlet or e.doc_id] for e in reports])
    return GroupOut(
        group_id=group_id, type=first.type, mode=first.mode, status=first.status, date=date,
        location=next((e.location for e in reports if e.location), None), actors=actors,
        targets=[t for t in _union([e.targets for e in reports]) if t not in actors],
        countries=sorted(_union([e.countries for e in reports])), sectors=_union([e.sectors for e in reports]),
        reports=len(reports), outlets=outlets, first_report=days[0] if days else None,
        last_report=days[-1] if days else None,
        evidence=[Report(id=e.id, doc_id=e.doc_id, outlet=e.outlet, title=e.title, url=e.url, published=e.published,
                         date=e.date, status=e.status, evidence=e.evidence, trigger=e.trigger) for e in reports],
        quad=first.quad, intensity=first.intensity)


def _ordered(groups: Select[Any], sort: Sort) -> Select[Any]:
    """The group ids of `groups` in the order `sort` asks: dated first (newest or oldest first),
    then year unknown, then undated."""
    date = m.EventGroup.date
    lane = case((date.is_(None), 2), (date.startswith("-"), 1), else_=0)
    q = select(m.EventGroup.id).where(m.EventGroup.id.in_(groups))
    if sort == "id":
        return q.order_by(m.EventGroup.id)
    return q.order_by(lane, date.desc() if sort == "newest" else date.asc(), m.EventGroup.id)


def list_groups(store: Store, f: EventFilter = EVERY, *, sort: Sort = "newest", limit: int = 100,
                offset: int = 0) -> Page[GroupOut]:
    """One page of the event groups a report of which matches `f`, each with all its reports, and
    how many groups match (counted up to COUNT_LIMIT)."""
    check_page(limit, offset)
    check_choice(sort, ("newest", "oldest", "id"), "sort")
    f = f.checked()
    with store.session() as s:
        matching = _event_query(f, _plan(s, f))
        groups = select(m.Event.group_id).where(m.Event.id.in_(matching), m.Event.group_id.is_not(None)).distinct()
        ids = list(s.scalars(_ordered(groups, sort).limit(limit).offset(offset)))
        dates = {g: d for g, d in s.execute(select(m.EventGroup.id, m.EventGroup.date).where(m.EventGroup.id.in_(ids)))}
        members: dict[int, list[int]] = {}
        for event_id, group_id in s.execute(select(m.Event.id, m.Event.group_id).where(m.Event.group_id.in_(ids))):
            if group_id is not None:
                members.setdefault(group_id, []).append(event_id)
        events = {e.id: e for e in _events_out(s, sorted(i for ev in members.values() for i in ev))}
        items = [group_of(g, dates.get(g), [events[i] for i in members.get(g, []) if i in events]) for g in ids]
        items = [g for g in items if g.evidence]
        if 0 < len(ids) < limit or (offset == 0 and not ids):
            n = offset + len(ids)
        else:
            upto = groups.limit(COUNT_LIMIT + 1).subquery()
            n = s.scalar(select(func.count()).select_from(upto)) or 0
        return Page(items, min(n, COUNT_LIMIT), offset, limit, exact=n <= COUNT_LIMIT)


def iter_groups(store: Store, f: EventFilter = EVERY, *, sort: Sort = "oldest",
                batch: int = MAX_PAGE_SIZE) -> list[GroupOut]:
    """Every event group a report of which matches `f` (for exports and briefings)."""
    out: list[GroupOut] = []
    while True:
        page = list_groups(store, f, sort=sort, limit=batch, offset=len(out))
        out.extend(page.items)
        if len(page.items) < batch:
            return out
