"""Resolve: decide when two names, in one article or several, are the same actor.

Pure functions over names and countries; the store applies them to what it already holds.
Two people match when their folded names are equal, or one's name is an alias of the other,
and their countries do not conflict. Surnames alone never merge two people. An organisation
matches by its canonical name or acronym, never a person.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from rapidfuzz import fuzz

from entente.fold import key

FUZZY_THRESHOLD = 92


def actor_key(name: str) -> str:
    """The lookup key of a canonical name: folded, lower case, single spaces."""
    return key(name)


def countries_compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def same_person(name: str, country: str | None, aliases: list[str],
                other_name: str, other_country: str | None, other_aliases: list[str]) -> bool:
    """True when two person records name the same person."""
    if not countries_compatible(country, other_country):
        return False
    a, b = actor_key(name), actor_key(other_name)
    if a == b:
        return True
    # a bare surname ("Putin") is its full name's; the store accepts it only when one actor fits
    if len(a.split()) < 2 and not _full_keys(name, aliases):
        return short_name_of(name, other_name, other_aliases)
    if len(b.split()) < 2 and not _full_keys(other_name, other_aliases):
        return short_name_of(other_name, name, aliases)
    if len(a.split()) < 2 or len(b.split()) < 2:
        return False
    full_a = {actor_key(x) for x in aliases if len(x.split()) >= 2} | {a}
    full_b = {actor_key(x) for x in other_aliases if len(x.split()) >= 2} | {b}
    if full_a & full_b:
        return True
    # spelling variants of one full name ("Dmitri Medvedev" / "Dmitry Medvedev")
    return a.split()[-1] == b.split()[-1] and fuzz.ratio(a, b) >= FUZZY_THRESHOLD


def same_organisation(name: str, country: str | None, other_keys: set[str], other_country: str | None) -> bool:
    """True when an organisation record names a stored one: its canonical name (or acronym) is one
    of the other's spellings, and a national body's country does not conflict."""
    return actor_key(name) in other_keys and countries_compatible(country, other_country)


def _full_keys(name: str, aliases: Iterable[str]) -> set[str]:
    return {k for k in (actor_key(x) for x in (name, *aliases)) if len(k.split()) >= 2}


def short_name_of(short: str, name: str, aliases: Iterable[str]) -> bool:
    """True when the one-word `short` is the first or last word of one of the full names
    ("Putin" of "Vladimir Putin", "Kim" of "Kim Jong Un")."""
    k = actor_key(short)
    return len(k.split()) == 1 and any(k in (f.split()[0], f.split()[-1]) for f in _full_keys(name, aliases))


def canonical_name(names: Iterable[str]) -> str:
    """The name an actor is listed under: the one articles use most, then the fullest, so the
    choice does not depend on the order articles arrive in."""
    counts = Counter(names)
    return min(counts, key=lambda n: (-counts[n], -len(n.split()), -len(n), n))


# --- user corrections -------------------------------------------------------------------------


@dataclass(frozen=True)
class Override:
    """A stored correction: `merge` says name and other are one actor, `split` that other is not
    an alias of name. Both are matched by key."""

    action: str
    name_key: str
    other_key: str


def merge_partners(keys: set[str], overrides: Iterable[Override]) -> set[str]:
    """Keys the user said belong to the same actor as any of `keys`."""
    out: set[str] = set()
    for o in overrides:
        if o.action != "merge":
            continue
        if o.name_key in keys:
            out.add(o.other_key)
        if o.other_key in keys:
            out.add(o.name_key)
    return out - keys


def split_apart(keys: set[str], other_keys: set[str], overrides: Iterable[Override]) -> bool:
    """True when the user split an alias in one key set away from a name in the other."""
    for o in overrides:
        if o.action == "split" and ((o.name_key in keys and o.other_key in other_keys)
                                    or (o.name_key in other_keys and o.other_key in keys)):
            return True
    return False


def split_names(name: str, aliases: list[str], overrides: Iterable[Override]) -> list[tuple[str, list[str]]]:
    """One extracted actor cut into several where the user split an alias away from it:
    [(name, aliases without the split ones), (split alias, [split alias]), ...]."""
    own = {actor_key(name)} | {actor_key(a) for a in aliases}
    cut = {o.other_key for o in overrides if o.action == "split" and o.name_key in own and o.other_key != actor_key(name)}
    if not cut:
        return [(name, aliases)]
    pieces = [(name, [a for a in aliases if actor_key(a) not in cut])]
    for k in sorted(cut & own):
        spelled = [a for a in aliases if actor_key(a) == k]
        pieces.append((spelled[0], spelled))
    return pieces


# --- events across articles ---------------------------------------------------------------------

SAME_EVENT = 0.5


@dataclass(frozen=True)
class EventSketch:
    """What event matching looks at: one stored event reduced to comparable sets."""

    type: str
    mode: str | None
    status: str
    date: str | None
    actors: frozenset[int]
    countries: frozenset[str]
    location: str | None = None


def status_class(status: str) -> str:
    """Statuses that can describe one event: planned and proposed are both announcements."""
    return "planned" if status in ("planned", "proposed") else status


def _bounds(date: str) -> tuple[str, str]:
    lo, _, hi = date.partition("/")
    hi = hi or lo
    return lo, hi + "~"  # '~' sorts after digits: '2024-10' covers every day of October


def dates_compatible(a: str | None, b: str | None, slack_days: int = 1) -> bool:
    """True when two dates (YYYY[-MM[-DD]], --MM-DD, or intervals a/b) can be the same day or span;
    a missing date is compatible with any. One day of slack covers time zones and late reports."""
    if not a or not b:
        return True
    if a.startswith("--") or b.startswith("--"):
        a, b = a[-5:] if a.startswith("--") else a[5:10], b[-5:] if b.startswith("--") else b[5:10]
        if not a or not b:
            return True
    (alo, ahi), (blo, bhi) = _bounds(a), _bounds(b)
    if alo <= bhi and blo <= ahi:
        return True
    return _day_gap(a, b) <= slack_days


def _day_gap(a: str, b: str) -> int:
    try:
        da, db = date.fromisoformat(a[:10]), date.fromisoformat(b[:10])
    except ValueError:
        return 10**6
    return abs((da - db).days)


def _jaccard(a: frozenset[Any], b: frozenset[Any]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def event_match(a: EventSketch, b: EventSketch) -> float:
    """How likely two reports are one real-world event, 0..1: same type, mode and kind of status,
    shared actors and compatible dates are required; actors, countries, date and place weigh in."""
    if (a.type, a.mode, status_class(a.status)) != (b.type, b.mode, status_class(b.status)):
        return 0.0
    if not a.actors & b.actors or not dates_compatible(a.date, b.date):
        return 0.0
    date_score = 1.0 if a.date and b.date else 0.5
    place = 0.5 if not a.location or not b.location else float(key(a.location) == key(b.location))
    return round(0.5 * _jaccard(a.actors, b.actors) + 0.2 * date_score
                 + 0.2 * _jaccard(a.countries, b.countries) + 0.1 * place, 3)


def realises(plan: EventSketch, done: EventSketch) -> bool:
    """True when `done` is the later realisation of the announced `plan`."""
    return (status_class(plan.status) == "planned" and done.status == "done" and plan.type == done.type
            and plan.mode == done.mode and bool(plan.actors & done.actors) and dates_compatible(plan.date, done.date))
