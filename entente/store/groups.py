"""Event groups: the reports of one real-world event, across articles, as one group with a count
of independent sources; announced events linked to their later realisation."""

from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Iterable
from dataclasses import replace

from sqlalchemy import and_, delete, func, or_, select
from sqlalchemy.orm import Session, selectinload

from entente import resolve
from entente.store import models as m


def sketch(e: m.Event) -> resolve.EventSketch:
    """A stored event as the resolver compares it (arguments and countries must be loaded)."""
    return resolve.EventSketch(type=e.type, mode=e.mode, status=e.status, date=e.date,
                               actors=frozenset(a.entity_id for a in e.arguments),
                               countries=frozenset(c.country for c in e.countries), location=e.location)


WINDOW_DAYS = 30
# two reports that both give a day of their own are one event only when the days meet, with
# `resolve.dates_compatible`'s day of slack; the month either side is for the others (a report
# placed by its article's date, a month or year placed at its first day, a span)
SLACK_DAYS = 1


def _precise(e: m.Event) -> bool:
    """True when an event gives its own day ('2024-03-12'), so that it can only match a report
    giving a day when the two days meet."""
    return e.date is not None and len(e.date) == 10 and not e.date.startswith("-")


def placing(date: str | None, published: str | None) -> str | None:
    """Where an event (or a group) is placed in time: its own date when it names a year, else its
    (first) article's day; None when neither is known. Stored as `placed` (migration 0009 computes
    the same in SQL)."""
    d = date if date and not date.startswith("-") else published
    return d if d and not d.startswith("-") else None


def _when(e: m.Event) -> str | None:
    """The day an event is placed at for windowing: its own date, else its article's."""
    return placing(e.date, e.article.published)


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


Key = tuple[int, bool, str, str, int, str, int]


def _order(e: m.Event) -> Key:
    # fullest reports first, so a partial one ("X met his counterpart") joins the group they form;
    # then publication order, never the order articles were stored in; the row id last only
    # separates the reports of one sentence, which an article always stores in record order
    return (-len(e.arguments), e.date is None, e.article.published or "", e.article.doc_id, e.evidence.start,
            e.trigger or "", e.id)


def _months(first: dt.date, last: dt.date) -> range:
    return range(first.year * 12 + first.month - 1, last.year * 12 + last.month)


class _Pool:
    """Events of one kind, indexed by actor and month: an event is compared only with the events
    it can match (a shared actor; days that meet when both give a day, else placed within
    WINDOW_DAYS), never with all the others."""

    def __init__(self) -> None:
        self.events: dict[int, m.Event] = {}
        self.sketches: dict[int, resolve.EventSketch] = {}
        self.keys: dict[int, Key] = {}
        self.days: dict[int, tuple[dt.date, dt.date] | None] = {}
        self.precise: dict[int, bool] = {}
        self.index: dict[tuple[int, int], list[int]] = {}
        self.by_group: dict[int, list[int]] = {}
        self._matches: dict[int, list[tuple[int, float]]] = {}

    def add(self, events: Iterable[m.Event]) -> list[m.Event]:
        """Add events not held yet; those added."""
        added = []
        for e in events:
            if e.id in self.events:
                continue
            added.append(e)
            self.events[e.id], self.sketches[e.id], self.keys[e.id] = e, sketch(e), _order(e)
            self.days[e.id] = days = _days(e)
            self.precise[e.id] = _precise(e)
            if e.group_id is not None:
                self.by_group.setdefault(e.group_id, []).append(e.id)
            for month in _months(*days) if days else ():
                for actor in self.sketches[e.id].actors:
                    self.index.setdefault((actor, month), []).append(e.id)
        return added

    def matches(self, i: int) -> list[tuple[int, float]]:
        """The held events that event `i` could be a report of the same event as, with their scores.
        Complete once every event it can match is held (see `_cover`); kept from then on."""
        if i in self._matches:
            return self._matches[i]
        days, mine = self.days[i], self.sketches[i]
        if days is None:
            return []
        span, slack = dt.timedelta(days=WINDOW_DAYS), dt.timedelta(days=SLACK_DAYS)
        lo, hi = days[0] - span, days[1] + span
        near = (days[0] - slack, days[1] + slack) if self.precise[i] else (lo, hi)
        seen, found = {i}, []
        for actor in sorted(mine.actors):
            for month in _months(lo, hi):
                for o in self.index.get((actor, month), ()):
                    if o in seen:
                        continue
                    seen.add(o)
                    theirs = self.days[o]
                    a, b = near if self.precise[o] else (lo, hi)
                    if theirs and a <= theirs[1] and theirs[0] <= b:
                        score = resolve.event_match(mine, self.sketches[o])
                        if score >= resolve.SAME_EVENT:
                            found.append((o, score))
        return found

    def keep(self, i: int) -> None:
        self._matches[i] = self.matches(i)


def _decide(pool: _Pool, i: int, label: dict[int, int]) -> tuple[int, float]:
    """The group event `i` joins, named by the group's first report, and its score: the group of
    the earlier reports (in `_order`) it matches best, the first formed on a tie; itself and 1.0
    when it matches none. This is what the greedy clustering of all reports in `_order` decides,
    and it depends only on the groups of those earlier matches."""
    mine = pool.keys[i]
    best: dict[int, float] = {}
    for o, score in pool.matches(i):
        if pool.keys[o] < mine:
            g = label.get(o, o)
            best[g] = max(score, best.get(g, 0.0))
    if not best:
        return i, 1.0
    g = min(best, key=lambda g: (-best[g], pool.keys[g]))
    return g, best[g]


def cluster(events: list[m.Event]) -> list[list[tuple[m.Event, float]]]:
    """Group reports, fullest first: each joins the group of its best match among the reports
    before it, or starts one. Compares only reports that share an actor and whose days meet when
    both give a day, or that are placed within WINDOW_DAYS otherwise (others cannot match). The
    grouping of every stored event that `regroup` keeps."""
    pool = _Pool()
    pool.add(events)
    label: dict[int, int] = {}
    clusters: dict[int, list[tuple[m.Event, float]]] = {}
    for i in sorted(pool.events, key=pool.keys.__getitem__):
        label[i], score = _decide(pool, i, label)
        clusters.setdefault(label[i], []).append((pool.events[i], score))
    return list(clusters.values())


DETAILS = (selectinload(m.Event.arguments), selectinload(m.Event.countries), selectinload(m.Event.article),
           selectinload(m.Event.evidence))
# how far before its window an event's stored date may start and still reach into it (dates
# spanning weeks, months written "2024-03"); `_Pool.matches` then decides exactly
LEAD_DAYS = 62

Ranges = list[tuple[str, str]]


def _union(ranges: Ranges) -> Ranges:
    """Ranges of strings merged where they meet or overlap."""
    out: list[list[str]] = []
    for lo, hi in sorted(ranges):
        if out and lo <= out[-1][1]:
            out[-1][1] = max(out[-1][1], hi)
        else:
            out.append([lo, hi])
    return [(lo, hi) for lo, hi in out]


def _merged(ranges: list[tuple[dt.date, dt.date]], lead: dt.timedelta = dt.timedelta(0)) -> Ranges:
    return _union([((lo - lead).isoformat(), hi.isoformat() + "~") for lo, hi in ranges])


def _spans(pool: _Pool, ids: Iterable[int]) -> dict[int, tuple[Ranges, Ranges]]:
    """For each actor of the events, the merged ranges of stored dates a report of that actor
    can match one of them under: first for any report by where it is placed (its date, else its
    article's), from LEAD_DAYS earlier; then for reports giving a day, by that day."""
    span, slack, lead = dt.timedelta(days=WINDOW_DAYS), dt.timedelta(days=SLACK_DAYS), dt.timedelta(days=LEAD_DAYS)
    raw: dict[int, tuple[list[tuple[dt.date, dt.date]], list[tuple[dt.date, dt.date]]]] = {}
    for i in ids:
        days = pool.days[i]
        if days is None:
            continue
        wide = (days[0] - span, days[1] + span)
        near = (days[0] - slack, days[1] + slack) if pool.precise[i] else wide
        for actor in pool.sketches[i].actors:
            anywhere, days_only = raw.setdefault(actor, ([], []))
            anywhere.append(wide)
            days_only.append(near)
    return {actor: (_merged(anywhere, lead), _merged(days_only)) for actor, (anywhere, days_only) in raw.items()}


Kind = tuple[str, str | None, str]


def _kind(e: m.Event) -> Kind:
    """What two reports must share to be compared: type, mode and kind of status."""
    return e.type, e.mode, resolve.status_class(e.status)


UNCACHED = {"compiled_cache": None}


def _load(s: Session, pool: _Pool, ids: list[int], kinds: set[Kind] | None = None) -> list[m.Event]:
    """The stored events of `kinds` (by default the kind of `ids`) that could match one of `ids`,
    with every other report of their groups: what a new or removed report can regroup, found
    without following chains of months."""
    kinds = kinds or {_kind(pool.events[ids[0]])}
    placed = m.Event.placed
    day = and_(m.Event.date.is_not(None), func.length(m.Event.date) == 10, ~m.Event.date.startswith("-"))
    spans = sorted(_spans(pool, ids).items())
    terms = [and_(m.EventArgument.entity_id == actor,
                  or_(and_(day, or_(*(placed.between(lo, hi) for lo, hi in days_only))),
                      and_(~day, or_(*(placed.between(lo, hi) for lo, hi in anywhere)))))
             for actor, (anywhere, days_only) in spans]
    found: list[m.Event] = []
    for n in range(0, len(terms), 100):
        # the weeks every actor's terms lie in, said once so the database reads them by the index
        # on `placed` (events of those weeks), not every event of the actors
        weeks = _union([r for _, (anywhere, _) in spans[n:n + 100] for r in anywhere])
        sub = (select(m.EventArgument.event_id).join(m.Event, m.Event.id == m.EventArgument.event_id)
               .where(or_(*(placed.between(lo, hi) for lo, hi in weeks)), or_(*terms[n:n + 100])))
        q = select(m.Event).where(m.Event.type.in_(sorted({t for t, _, _ in kinds})), m.Event.id.in_(sub))
        # its shape (how many actors, how many ranges each) is new nearly every time: kept in
        # SQLAlchemy's compiled cache it is never reused and held ~1 MB a batch, up to 500 entries
        found += [e for e in s.scalars(q.options(*DETAILS), execution_options=UNCACHED) if _kind(e) in kinds]
    groups = sorted({e.group_id for e in found if e.group_id is not None and e.group_id not in pool.by_group})
    for n in range(0, len(groups), 500):
        q = select(m.Event).where(m.Event.group_id.in_(groups[n:n + 500]))
        found += list(s.scalars(q.options(*DETAILS)))
    return found


def _placed(pool: _Pool, ids: Iterable[int]) -> list[int]:
    """Those of `ids` that can match anything: placed in time, with an actor."""
    return [i for i in ids if pool.days[i] is not None and pool.sketches[i].actors]


def _cover(s: Session, pool: _Pool, ids: list[int], label: dict[int, int], loaded: list[m.Event] | None = None) -> None:
    """Make `pool.matches` complete for `ids`: load what they could match (or take `loaded`, read
    for them already); name the groups of stored events newly held by their first report."""
    placed = _placed(pool, ids)
    added = pool.add(loaded if loaded is not None else _load(s, pool, placed) if placed else [])
    for g in {e.group_id for e in added if e.group_id is not None}:
        members = pool.by_group[g]
        first = min(members, key=pool.keys.__getitem__)
        for i in members:
            label.setdefault(i, first)
    for i in ids:
        pool.keep(i)


def _relabel(s: Session, seeds: list[m.Event], loaded: list[m.Event]) -> tuple[_Pool, dict[int, int], dict[int, float]]:
    """Decide again, in `_order`, the seeds (new reports, or the rest of a removed report's group)
    and every report whose decision can change because an earlier match changed group; the others
    keep theirs. `loaded` holds what the seeds could match (see `_load`). Returns the pool, every
    held event's group (by first report), and the scores of those decided again: the same grouping
    as clustering every stored report anew."""
    pool = _Pool()
    pool.add(seeds)
    firsts = {e.id for e in seeds}
    label: dict[int, int] = {}
    scores: dict[int, float] = {}
    covered: set[int] = set()
    heap = [(pool.keys[i], i) for i in firsts]
    heapq.heapify(heap)
    while heap:
        _, i = heapq.heappop(heap)
        if i in scores:
            continue
        if i not in covered:
            todo = sorted({i} | {j for _, j in heap if j not in covered and j not in scores})
            # the first time round `todo` is the seeds, whose matches were read with the others'
            _cover(s, pool, todo, label, None if covered else loaded)
            covered.update(todo)
        g, scores[i] = _decide(pool, i, label)
        if i in firsts or label.get(i) != g:
            for o, _ in pool.matches(i):
                if pool.keys[o] > pool.keys[i] and o not in scores:
                    heapq.heappush(heap, (pool.keys[o], o))
        label[i] = g
    return pool, label, scores


def regroup(s: Session, seeds: list[m.Event]) -> None:
    """Regroup after `seeds` were written (or the other reports of their groups removed): the
    same groups whatever order the articles came in and however they were batched, with work
    bounded by the reports near the seeds, not by the actors' whole history."""
    by_kind: dict[Kind, list[m.Event]] = {}
    for e in seeds:
        by_kind.setdefault(_kind(e), []).append(e)
    # what the seeds of every kind could match, read at once (a batch's seeds are of dozens of kinds)
    everything = _Pool()
    everything.add(seeds)
    placed = _placed(everything, everything.events)
    loaded: dict[Kind, list[m.Event]] = {}
    for e in _load(s, everything, placed, set(by_kind)) if placed else []:
        loaded.setdefault(_kind(e), []).append(e)
    old: set[int | None] = set()
    assigned: list[tuple[m.EventGroup, list[tuple[m.Event, float | None]]]] = []
    for kind, kind_seeds in by_kind.items():
        pool, label, scores = _relabel(s, kind_seeds, loaded.get(kind, []))
        touched = {label[i] for i in scores}
        members: dict[int, list[tuple[m.Event, float | None]]] = {}
        for i in sorted(pool.events, key=pool.keys.__getitem__):
            if label.get(i) in touched:
                e = pool.events[i]
                members.setdefault(label[i], []).append((e, scores.get(i, e.group_score)))
                old.add(e.group_id)
        for g, mem in members.items():
            first = pool.events[g]
            assigned.append((m.EventGroup(type=first.type, mode=first.mode, status=resolve.status_class(first.status)),
                             mem))
    s.add_all(group for group, _ in assigned)
    s.flush()
    for group, mem in assigned:
        for e, score in mem:
            e.group_id, e.group_score = group.id, score
    s.flush()
    refresh(s, old | {group.id for group, _ in assigned})


def refresh(s: Session, group_ids: Iterable[int | None]) -> None:
    """Recount reports and sources of groups, drop empty ones, relink plans and realisations."""
    ids = sorted({g for g in group_ids if g is not None})
    if not ids:
        return
    rows = s.execute(select(m.Event.group_id, m.Event.date, m.Event.group_score, m.Article.source, m.Article.doc_id,
                            m.Article.published)
                     .join(m.Article, m.Event.article_id == m.Article.id).where(m.Event.group_id.in_(ids))).all()
    members: dict[int, list[tuple[str | None, float | None, str]]] = {}
    published: dict[int, str] = {}
    for gid, date, score, source, doc_id, day in rows:
        if gid is None:
            continue
        members.setdefault(gid, []).append((date, score, (source or doc_id).lower()))
        if day and not day.startswith("-"):
            published[gid] = min(day, published.get(gid, day))
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
        group.placed = placing(group.date, published.get(gid))
    # all placed before any is linked: a group refreshed later must not be looked for where it was
    for gid, group in sorted(live.items()):
        link(s, group, replace(sketches[gid], date=group.date), published.get(gid))
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


def _near(year: str) -> tuple[str, str]:
    """Bounds of the dates within a year of `year`."""
    return str(int(year) - 1), str(int(year) + 1) + "~"


def link(s: Session, group: m.EventGroup, mine: resolve.EventSketch, published: str | None = None) -> None:
    """Link an announced group (`mine` is its sketch, `published` the day its first article came
    out) to the group of its realisation, in whichever order they came. A group giving no year is
    placed by its first article: an undated plan is not linked to a realisation years apart.
    Candidates are read by kind and placement (`placed`, indexed), then by shared actor: the
    work is bounded by the groups of those years, not by the actors' history."""
    if not mine.actors:
        return
    want = "done" if group.status == "planned" else "planned" if group.status == "done" else None
    if want is None:
        return
    shares = (select(m.Event.id).join(m.EventArgument)
              .where(m.Event.group_id == m.EventGroup.id, m.EventArgument.entity_id.in_(sorted(mine.actors))))
    q = select(m.EventGroup).where(m.EventGroup.status == want, m.EventGroup.type == group.type,
                                   m.EventGroup.id != group.id, shares.exists())
    q = q.where(m.EventGroup.mode.is_(None) if group.mode is None else m.EventGroup.mode == group.mode)
    # a realisation years apart cannot match (resolve.dates_compatible); a group without a year
    # of its own is placed by its first article, within a year of the other's year
    undated = m.EventGroup.date.is_(None) | m.EventGroup.date.startswith("-")
    years = _years(mine.date)
    year = (mine.date or "")[:4] if years else (published or "")[:4]
    if year.isdigit():
        near = _near(year)
        dated = m.EventGroup.date.between(*years) if years else m.EventGroup.date.between(*near)
        bounds = (min(near[0], years[0]), max(near[1], years[1])) if years else near
        q = q.where(m.EventGroup.placed.between(*bounds), (~undated & dated) | (undated & m.EventGroup.placed.between(*near)))
    # else nowhere in time (no date, no publication day): every group of the actors is a candidate
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
