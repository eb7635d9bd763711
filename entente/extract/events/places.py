"""Places: where each event happened, settled once the article's events are read and merged.

- A summons takes place at the summoning state's foreign ministry, in its capital ("was summoned
  to the Russian Foreign Ministry": Moscow), whatever post the envoy holds.
- An event placed nowhere by its own phrase happened at the first city or country its sentences
  put something 'in' or 'at'.
- An event told in the sentence that opens with the dateline happened there.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from entente import gazetteer

if TYPE_CHECKING:
    from entente.extract.events.found import Found
    from entente.extract.people import Person

PLACE = re.compile(r"\b(?P<prep>in|at)\s+(?:the\s+)?(?P<p>[A-Z][\w'’.-]+(?:\s+(?:de\s+|del\s+)?[A-Z][\w'’.-]+){0,2})")
SUMMONED_TO = re.compile(r"\bsummon\w*\s+(?:to|by)\s+(?:the\s+)?(?P<c>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)")


def _place_in(text: str) -> str | None:
    """The first city or country a sentence puts something 'in' or 'at'."""
    gaz = gazetteer.load()
    for m in PLACE.finditer(text):
        words = m.group("p").split()
        for n in range(len(words), 0, -1):
            cand = " ".join(words[:n]).rstrip(".,'’")
            if (c := gaz.city(cand)) is not None:
                return c.name
            if (iso := gaz.country_of(cand)) is not None:
                return gaz.countries[iso].name
    return None


def _summoner(f: Found, text: str, people: list[Person]) -> tuple[str | None, bool]:
    """The state that summoned, and whether the text says so ('summoned to the Russian Foreign
    Ministry'); else the one state of its actors."""
    gaz = gazetteer.load()
    if m := SUMMONED_TO.search(text):
        words = m.group("c").split()
        if iso := gaz.country_of(" ".join(words)) or gaz.country_of(words[0]):
            return iso, True
    states = {people[i].country for i in f.actors if people[i].country}
    states |= {a.country for a in f.agent_actors if a.country}
    return (states.pop() if len(states) == 1 else None), False


def settle_places(found: list[Found], doc: Doc, people: list[Person]) -> None:
    """Set the place of each event that its own phrase did not place, or placed at an envoy's post."""
    gaz = gazetteer.load()
    art = doc._.article
    for f in found:
        text = " ".join(s.text for s in f.sents)
        if re.search(r"\bsummon", text, re.I) and f.type in ("PROTEST", "ACCUSE", "CONSULT", "REQUEST"):
            iso, said = _summoner(f, text, people)
            placed = gaz.country_of_place(f.location) if f.location else None
            # a city the text gives stands, unless the summons is said to be another state's
            city = f.location is not None and gaz.city(f.location) is not None
            if iso and (cap := gaz.countries[iso].capital) and (not city or (said and placed != iso)):
                f.location = cap
                continue
        if f.location is None:
            f.location = _place_in(text)
        if f.location is None and art is not None and art.dateline and any(
                s.start_char <= art.text.find(art.dateline.upper()) < s.end_char for s in f.sents[:1]):
            f.location = art.dateline
