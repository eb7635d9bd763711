"""Patterns compiled once from the gazetteers: titles, name tokens, places, organisation words.

They run over the accent-folded article text (ASCII where it matters, same offsets as the
original), so one pattern serves "Phạm Minh Chính" and "Pham Minh Chinh" alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from entente import gazetteer
from entente.fold import ascii_name

SP = r"[ \t]+"
PARTICLES = ("da", "de", "do", "dos", "das", "di", "du", "van", "von", "der", "den", "ter", "bin", "binti",
             "al", "el", "la", "le", "ibn", "y", "ben", "abu", "bint", "ould")
STOP_CAPS = ("The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "His", "Her", "Its", "Their",
             "Our", "This", "That", "These", "Those", "On", "In", "At", "For", "With", "By", "From",
             "Of", "And", "But", "Or", "As", "If", "When", "While", "After", "Before", "During", "Since",
             "Both", "Also", "Meanwhile", "However", "Mr", "Mrs", "Ms", "Dr", "Party", "State", "Government",
             "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
             "January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
             "Sept", "Oct", "Nov", "Dec", "According", "Following", "Speaking", "Addressing", "Earlier",
             "Minister")


def _alt(words: list[str] | set[str] | tuple[str, ...]) -> str:
    """A regex alternation of literal words, longest first so the longest wins.

    Words are grouped by their first letter ("A(?:fghan|lbanian)|B(?:...)"): Python's engine
    tries alternatives one by one, and with hundreds of names it is the grouping that lets a
    position fail after a couple of comparisons. Words that could both match at one position
    share a group and keep their order, so the grouped pattern matches exactly what the flat one
    does, under IGNORECASE too (groups go by lower-case letter; a group mixing cases stays flat).
    """
    uniq = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    if not all(w[0].isascii() and w[0].isalnum() for w in uniq):
        return "(?:" + "|".join(re.escape(w) for w in uniq) + ")"
    groups: dict[str, list[str]] = {}
    for w in uniq:
        groups.setdefault(w[0].lower(), []).append(w)
    parts = []
    for group in groups.values():
        if len(group) > 1 and len({w[0] for w in group}) == 1:
            parts.append(re.escape(group[0][0]) + "(?:" + "|".join(re.escape(w[1:]) for w in group) + ")")
        else:
            parts.append("|".join(re.escape(w) for w in group))
    return "(?:" + "|".join(parts) + ")"


def _data_lines(name: str) -> list[str]:
    text = resources.files("entente.data").joinpath(name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@dataclass(frozen=True)
class Lexicon:
    titles: dict
    anchor: re.Pattern[str]
    honorific_anchor: re.Pattern[str]
    appositive: re.Pattern[str]
    leading_junk: re.Pattern[str]
    head_split: re.Pattern[str]
    name_stop: frozenset[str]
    org_words: frozenset[str]
    geo_nouns: frozenset[str]
    surname_first: frozenset[str]
    coordinated: re.Pattern[str]
    common_words: frozenset[str]
    name_after_comma: re.Pattern[str]
    thing_nouns: frozenset[str]


@lru_cache(maxsize=1)
def load() -> Lexicon:
    """The compiled patterns; built once per process."""
    gaz = gazetteer.load()
    t = gaz.titles
    heads = list(t["heads"]) + list(t["abbreviations"])
    ranks = list(t["ranks"])
    honorifics = list(t["honorifics"])
    mods = list(t["modifiers"])
    org_words = _data_lines("org_words.txt")
    country_forms = {ascii_name(n) for c in gaz.countries.values() for n in (*c.names, *c.demonyms)}
    country_forms = {f for f in country_forms if f and f[0].isupper()}
    capitals = {c.capital for c in gaz.countries.values() if c.capital}
    places = country_forms | capitals
    plurals = {f + "s" for f in country_forms if not f.endswith("s")}  # "Hungarians", "Serbs"
    name_stop = (set(STOP_CAPS) | set(org_words) | country_forms | plurals
                 | {w for h in heads + ranks + honorifics for w in h.split()})
    name_stop -= {"Lee"}

    head = f"(?i:{_alt(heads)})"
    mod = f"(?i:{_alt(mods)})"
    adj = _alt(sorted(country_forms))
    acronym = r"[A-Z]{2,6}"
    common_words = frozenset(_data_lines("common_words.txt"))
    chain_word = rf"(?:the|of|and|for|on|in|to|&|{_alt(org_words)}|{_alt(places)}|{acronym})\b(?:'s)?"
    chain = rf"(?:{SP}(?:of|for|to|on|in|at){SP}(?:the{SP})?{chain_word}(?:{SP}{chain_word})*)?"
    one_title = rf"\b(?:{mod}{SP})*{head}(?:-elect|-designate)?s?\b{chain}"
    two_titles = rf"{one_title}(?:{SP}and{SP}{one_title})?"
    title = rf"(?P<title>{two_titles})"
    rank = f"(?i:{_alt(ranks)})"
    hon = _alt(honorifics)
    stop = _alt(sorted(name_stop))
    # Arabic names keep their article: "al-Burhan", "El-Sisi"
    # "McCully", "DeSantis": a second capital inside one name word
    # "Al -Sharaa" as some pages space it; a possessive "'s" ends the name ("Mugabe's Zanu-PF")
    name_tok = (rf"(?!{stop}\b)(?:[A-Z][a-z]+(?:[A-Z][a-z]+)?|(?:al|el|ad|ash|as|at|ar|an|az|ul|ud)-[A-Z][a-z]+"
                r"|(?:Al|El)[ ]-[A-Z][a-z]+)(?:-[A-Za-z]+|'(?!s\b)[A-Za-z]+)*")
    initials = r"(?:(?!(?:Dr|Mr|Ms|Mrs|St|Jr|Sr|Gen|Col|Lt|Mt|Rev|Sen|Gov|Rep|Amb)\.)[A-Z][a-z]?\.[ ]?){1,3}"
    particle = _alt(PARTICLES)
    regnal = r"(?:[ \t]+(?:II|III|IV|VI|VII|VIII|Jr\.?|Sr\.?)\b)?"
    # a middle initial may go without its full stop: "David J Francis"
    name = (rf"(?P<name>(?:{initials})?{name_tok}(?:(?:{SP}[A-Z]\.?(?={SP}[A-Z][a-z]))?(?:{SP}{particle}){{0,2}}"
            rf"{SP}{name_tok}){{0,4}}{regnal})")
    ref = r"(?i:counterpart|colleague|host|guest|leader|official|visitor|side)"
    # "Philippine Coast Guard spokesperson X", "Ukrainian foreign ministry spokesman X": up to three
    # words of an institution between; "Jamaica, whose foreign minister, X"; "the Iranian side by X"
    institution = rf"(?:[A-Z][\w'-]*|(?i:{_alt([w.lower() for w in org_words])})\b)"
    side = rf"{SP}side(?:{SP}(?:was|were){SP}represented)?{SP}by"
    adj_grp = rf"(?:(?P<adj>{adj})(?:'s|,{SP}whose|{side})?{SP}(?:{institution}{SP}){{0,3}}?)?"
    retired = r"(?:\((?:Rt'?d|Retd?|ret)\.?\)[ \t]+)?"
    # honorifics may pile up: "Dr. the Hon. Keith Rowley"; a title and its name share a line
    anchor = re.compile(
        rf"(?:\b(?P<poss>his|her|their|the){SP})?\b{adj_grp}(?:{title}|\b(?P<ref>{ref}))[ \t]*(?P<comma>,)?[ \t]*"
        rf"(?:(?P<rank>{rank}){SP}{retired})?(?:{hon}{SP}(?:the{SP})?){{0,3}}{name}\b"
    )
    honorific_anchor = re.compile(rf"\b(?:(?P<rank>{rank})|{hon}){SP}{name}\b")
    appositive = re.compile(
        rf"^,{SP}(?:(?:the|a|then|now|currently|former){SP})*(?:(?P<adj>{adj}){SP})?(?P<title>{two_titles})(?![\w-])"
    )
    # a nationality is junk only before a title: "Russian President X", but "Jordan Bardella"
    title_word = rf"(?:{hon}|{rank}|{mod}|{head})"
    leading_junk = re.compile(
        rf"^(?:(?:the|{title_word}|{adj}(?=[ \t]+{title_word}\b))(?:'s)?(?:[ \t,]+|$))+", re.I)
    head_split = re.compile(rf"{SP}and{SP}(?=(?:{mod}{SP})*{head}\b)")
    surname_first = frozenset(_data_lines("surname_first.txt"))
    geo_nouns = frozenset({"island", "islands", "province", "city", "district", "commune", "river", "lake",
                           "mountain", "bay", "region", "airport", "street", "square", "port", "county",
                           "state", "village", "town", "sea", "strait", "peninsula", "valley", "beach"})
    return Lexicon(titles=t, anchor=anchor, honorific_anchor=honorific_anchor, appositive=appositive,
                   leading_junk=leading_junk, head_split=head_split, name_stop=frozenset(name_stop),
                   org_words=frozenset(org_words), geo_nouns=geo_nouns, surname_first=surname_first,
                   common_words=common_words, thing_nouns=frozenset(_data_lines("thing_nouns.txt")),
                   name_after_comma=re.compile(rf"^[ \t]*,[ \t]*(?:{hon}{SP}(?:the{SP})?){{0,3}}{name}\b"),
                   coordinated=re.compile(rf"^(?:{SP}of{SP}[A-Z][\w'-]*(?:{SP}[A-Z][\w'-]*)?)?{SP}and{SP}{name}\b"))
