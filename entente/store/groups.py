"""Event groups: the reports of one real-world event, across articles, as one group with a count
of independent sources; announced events linked to their later realisation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace

from sqlalchemy import Select, case, delete, func, select
from sqlalchemy.orm import Session, selectinload

from entente import resolve
from entente.store import models as m


def sketch(e: m.Event) -> resolve.EventSketch:
    """A stored event as the resolver compares it (arguments and countries must be loaded)."""
    return resolve.EventSketch(type=e.type, mode=e.mode, status=e.status, date=e.date,
                               actors=frozenset(a.entity_id for a in e.arguments),
                               countries=frozenset(c.country for c in e.countries), location=e.location)


def _same_kind(q: Select[m.Event], e: m.Event) -> Select[m.Event]:
    q = q.where(m.Event.type == e.type)
    return q.where(m.Event.mode.is_(None) if e.mode is None else m.Event.mode == e.mode)


WINDOW_DAYS = 30


def _when(e: m.Event) -> str | None:
    """The day an event is placed at for windowing: its own date, else its article's."""
    d = e.date if e.date and not e.date.startswith("-") else e.article.published
    return d if d and not d.startswith("-") else None


def _days(e: m.Event) -> tuple[dt.date, dt.date] | None:
    """The first and last day an event is placed at: its own date, else its article's; None when
    neither is known."""
    d = _when(e)
    if d is None:
        return None
    try:
        days = [dt.date.fromisoformat((p + "-01-01")[:10] if len(p) == 4 else (p + "-01")[:10]) for p in d.split("/")]
    except ValueError:
        return None
    return min(days), max(days)


def near(a: m.Event, b: m.Event) -> bool:
    """True when two events are placed within WINDOW_DAYS of each other: only those are compared,
    which keeps regrouping local and the groups independent of ingest order."""
    da, db = _days(a), _days(b)
    span = dt.timedelta(days=WINDOW_DAYS)
    return da is not None and db is not None and da[0] - span <= db[1] and db[0] - span <= da[1]


def _window(events: list[m.Event]) -> tuple[str, str] | None:
    """Days within WINDOW_DAYS of the placed events, or None when none is placed."""
    placed = [d for d in map(_days, events) if d is not None]
    if not placed:
        return None
    span = dt.timedelta(days=WINDOW_DAYS)
    return (min(d[0] for d in placed) - span).isoformat(), (max(d[1] for d in placed) + span).isoformat() + "~"


def _component(s: Session, seeds: list[m.Event]) -> list[m.Event]:
    """Every event of the seeds' kind linked to them through shared actors and dates within a
    month, with the other members of their groups: the set whose grouping a new or removed report
    can change. The month bounds the work for actors with thousands of events; an event with no
    date at all is only ever grouped alone."""
    found: dict[int, m.Event] = {e.id: e for e in seeds}
    placed = case((m.Event.date.is_(None) | m.Event.date.startswith("-"), m.Article.published), else_=m.Event.date)
    details = (selectinload(m.Event.arguments), selectinload(m.Event.countries), selectinload(m.Event.article),
               selectinload(m.Event.evidence))
    kind = resolve.status_class(seeds[0].status)
    while True:
        linked = [e for e in found.values() if _days(e) is not None]
        window = _window(linked)
        actors = sorted({a.entity_id for e in linked for a in e.arguments})
        if window is None or not actors:
            break
        sub = select(m.EventArgument.event_id).where(m.EventArgument.entity_id.in_(actors))
        q = (_same_kind(select(m.Event), seeds[0]).join(m.Article, m.Event.article_id == m.Article.id)
             .where(m.Event.id.in_(sub), m.Event.id.not_in(list(found)), placed.between(*window)))
        more = [e for e in s.scalars(q.options(*details)) if resolve.status_class(e.status) == kind]
        if not more:
            break
        found.update((e.id, e) for e in more)
    groups = {e.group_id for e in found.values() if e.group_id is not None}
    if groups:
        rest = select(m.Event).where(m.Event.group_id.in_(sorted(groups)), m.Event.id.not_in(list(found)))
        for e in s.scalars(rest.options(*details)):
            found[e.id] = e
    return list(found.values())


def _order(e: m.Event) -> tuple[int, bool, str, str, int, str]:
    # fullest reports first, so a partial one ("X met his counterpart") joins the group they form;
    # then publication order: never the order articles were stored in
    return (-len(e.arguments), e.date is None, e.article.published or "", e.article.doc_id, e.evidence.start,
            e.trigger or "")


def cluster(events: list[m.Event]) -> list[list[tuple[m.Event, float]]]:
    """Group reports, fullest first: each joins the group with its best match, or starts one."""
    clusters: list[list[tuple[m.Event, float]]] = []
    sketches = {e.id: sketch(e) for e in events}
    for e in sorted(events, key=_order):
        best: tuple[float, int] | None = None
        for i, members in enumerate(clusters):
            score = max(resolve.event_match(sketches[e.id], sketches[o.id]) if near(e, o) else 0.0 for o, _ in members)
            if score >= resolve.SAME_EVENT and (best is None or score > best[0]):
                best = (score, i)
        if best is None:
            clusters.append([(e, 1.0)])
        else:
            clusters[best[1]].append((e, best[0]))
    return clusters


def _by_time(seeds: list[m.Event]) -> list[list[m.Event]]:
    """Seeds cut where more than two windows separate them, so the events of a batch spread over
    years are each compared with their own month, not with everything in between; undated seeds
    go together (they are only ever grouped alone)."""
    placed = sorted((d, e.id, e) for e in seeds if (d := _days(e)) is not None)
    parts: list[list[m.Event]] = [[e for e in seeds if _days(e) is None]]
    end: dt.date | None = None
    for (first, last), _id, e in placed:
        if end is None or first - end > 2 * dt.timedelta(days=WINDOW_DAYS):
            parts.append([])
        parts[-1].append(e)
        end = last if end is None else max(end, last)
    return [p for p in parts if p]


def regroup(s: Session, seeds: list[m.Event]) -> None:
    """Recompute the groups of every event connected to `seeds`, the same whatever order the
    articles came in and however they were batched."""
    by_kind: dict[tuple[str, str | None, str], list[m.Event]] = {}
    for e in seeds:
        by_kind.setdefault((e.type, e.mode, resolve.status_class(e.status)), []).append(e)
    old: set[int | None] = set()
    assigned: list[tuple[m.EventGroup, list[tuple[m.Event, float]]]] = []
    for kind_seeds in by_kind.values():
        events: dict[int, m.Event] = {}
        for part in _by_time(kind_seeds) if any(e.arguments for e in kind_seeds) else [kind_seeds]:
            if any(e.id not in events for e in part):
                found = _component(s, part) if any(e.arguments for e in part) else part
                events.update((e.id, e) for e in found)
        old |= {e.group_id for e in events.values()}
        for members in cluster(list(events.values())):
            first = members[0][0]
            assigned.append((m.EventGroup(type=first.type, mode=first.mode, status=resolve.status_class(first.status)),
                             members))
    s.add_all(group for group, _ in assigned)
    s.flush()
    for group, members in assigned:
        for e, score in members:
            e.group_id, e.group_score = group.id, score
    s.flush()
    refresh(s, old | {group.id for group, _ in assigned})


def assign(s: Session, e: m.Event) -> None:
    """Put a newly written event into the group of the same real-world event."""
    regroup(s, [e])


def refresh(s: Session, group_ids: Iterable[int | None]) -> None:
    """Recount reports and sources of groups, drop empty ones, relink plans and realisations."""
    ids = sorted({g for g in group_ids if g is not None})
    if not ids:
        return
    rows = s.execute(select(m.Event.group_id, m.Event.date, m.Event.group_score, m.Article.source, m.Article.doc_id)
                     .join(m.Article, m.Event.article_id == m.Article.id).where(m.Event.group_id.in_(ids))).all()
    members: dict[int, list[tuple[str | None, float | None, str]]] = {}
    for gid, date, score, source, doc_id in rows:
        if gid is None:
            continue
        members.setdefault(gid, []).append((date, score, (source or doc_id).lower()))
    empty = [g for g in ids if g not in members]
    if empty:
        s.execute(delete(m.EventGroup).where(m.EventGroup.id.in_(empty)))
    live = {g.id: g for g in s.scalars(select(m.EventGroup).where(m.EventGroup.id.in_(sorted(members))))}
    sketches = _group_sketches(s, list(live.values()))
    for gid, mem in members.items():
        group = live.get(gid)
        if group is None:
            continue
        group.reports = len(mem)
        group.sources = len({src for _, _, src in mem})
        group.score = min((sc for _, sc, _ in mem if sc is not None), default=1.0)
        # the most precise date any report gives
        group.date = max((d for d, _, _ in mem if d), key=lambda d: (not d.startswith("--"), len(d), d), default=None)
        link(s, group, replace(sketches[gid], date=group.date))
    s.flush()


def _group_sketches(s: Session, groups: list[m.EventGroup]) -> dict[int, resolve.EventSketch]:
    """Each group as the resolver compares it: its events' actors and countries together."""
    ids = [g.id for g in groups]
    actors: dict[int, set[int]] = {i: set() for i in ids}
    countries: dict[int, set[str]] = {i: set() for i in ids}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        for gid, entity in s.execute(select(m.Event.group_id, m.EventArgument.entity_id).join(m.Event)
                                     .where(m.Event.group_id.in_(chunk))):
            if gid is not None:
                actors[gid].add(entity)
        for gid, country in s.execute(select(m.Event.group_id, m.EventCountry.country).join(m.Event)
                                      .where(m.Event.group_id.in_(chunk))):
            if gid is not None:
                countries[gid].add(country)
    return {g.id: resolve.EventSketch(type=g.type, mode=g.mode, status=g.status, date=g.date,
                                      actors=frozenset(actors[g.id]), countries=frozenset(countries[g.id]))
            for g in groups}


def _years(date: str | None) -> tuple[str, str] | None:
    """Bounds, by year, of the dates a group dated `date` could be compatible with: from two years
    before it starts (no report spans longer) to the end of the year after it ends; None when
    `date` names no year."""
    lo, _, hi = (date or "").partition("/")
    hi = hi or lo
    if not (lo[:4].isdigit() and hi[:4].isdigit()):
        return None
    return str(int(lo[:4]) - 2), str(int(hi[:4]) + 1) + "~"


def link(s: Session, group: m.EventGroup, mine: resolve.EventSketch) -> None:
    """Link an announced group (`mine` is its sketch) to the group of its realisation, in
    whichever order they came."""
    if not mine.actors:
        return
    want = "done" if group.status == "planned" else "planned" if group.status == "done" else None
    if want is None:
        return
    sub = select(m.Event.group_id).join(m.EventArgument).where(m.EventArgument.entity_id.in_(list(mine.actors)))
    q = select(m.EventGroup).where(m.EventGroup.status == want, m.EventGroup.type == group.type,
                                   m.EventGroup.id.in_(sub), m.EventGroup.id != group.id)
    q = q.where(m.EventGroup.mode.is_(None) if group.mode is None else m.EventGroup.mode == group.mode)
    years = _years(mine.date)
    if years is not None:
        # a realisation years apart cannot match (resolve.dates_compatible); undated ones might
        q = q.where(m.EventGroup.date.is_(None) | m.EventGroup.date.startswith("--") | m.EventGroup.date.between(*years))
    others = s.scalars(q.order_by(m.EventGroup.id)).all()
    theirs_all = _group_sketches(s, list(others))
    for other in others:
        theirs = theirs_all[other.id]
        plan, done = (group, other) if want == "done" else (other, group)
        pair = (mine, theirs) if want == "done" else (theirs, mine)
        if resolve.realises(*pair) and plan.realised_by is None:
            plan.realised_by = done.id
            if want == "done":
                return


def prune(s: Session) -> None:
    """Delete groups no event belongs to any more."""
    used = select(m.Event.group_id).where(m.Event.group_id.is_not(None))
    s.execute(delete(m.EventGroup).where(m.EventGroup.id.not_in(used)))


def count(s: Session) -> int:
    return s.scalar(select(func.count()).select_from(m.EventGroup)) or 0
