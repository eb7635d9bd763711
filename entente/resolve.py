"""Resolve: decide when two names, in one article or several, are the same actor.

Pure functions over names and countries; the store applies them to what it already holds.
Two people match when their folded names are equal, or one's name is an alias of the other,
and their countries do not conflict. Surnames alone never merge two people.
"""

from __future__ import annotations

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
    if len(a.split()) < 2 or len(b.split()) < 2:
        return False
    full_a = {actor_key(x) for x in aliases if len(x.split()) >= 2} | {a}
    full_b = {actor_key(x) for x in other_aliases if len(x.split()) >= 2} | {b}
    if full_a & full_b:
        return True
    # spelling variants of one full name ("Dmitri Medvedev" / "Dmitry Medvedev")
    return a.split()[-1] == b.split()[-1] and fuzz.ratio(a, b) >= FUZZY_THRESHOLD
