"""Affiliation: the country a person acts for, read from the body or the company the text binds
them to, for people the title phrase and the office-holder lists left without one.

- A body named right before the title is the person's: a national one gives its country
  ("Pentagon spokesman X", "External Affairs Ministry spokesperson X"); an international one
  makes the person its official, of no country ("African Union Commission Chairperson, X").
- A diplomat in a sentence that names one country's embassy serves that country ("The Israeli
  embassy confirmed the charge d'affaires, X, had been summoned").
- A member of a travelling party is of its head's country ("X left for Japan with Trade and
  Industry Secretary Y").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from entente import gazetteer
from entente.extract.doctext import doc_text
from entente.extract.lexicon import load as load_lexicon
from entente.extract.organisations import known_mentions
from entente.fold import key

if TYPE_CHECKING:
    from entente.extract.people import Person

DIPLOMAT = re.compile(r"ambassador|charg[eé]|envoy|consul|attach[eé]|diplomat|counsell?or|high commissioner"
                      r"|(?:first|second|third) secretary", re.I)
MISSION = r"(?:embassy|mission|consulate|high commission|legation)"
TRAVEL = re.compile(r"\b(?:left|leaves|leaving|arrived|arrives|arriving|travel+(?:ed|s|ing)?|flew|flies|went|"
                    r"visit(?:ed|s|ing)?|headed|heads|led|leads|leading)\b", re.I)
COMPANY = re.compile(r"\b(?:with|accompanied\s+by|along\s+with|together\s+with)\s+(?:(?:his|her|the)\s+)?"
                     r"(?P<title>(?:[A-Za-z'-]+\s+){1,6})$")
# between the journey and the party: a meeting there, whose other side is the host, not a companion
MEETING = re.compile(r"\b(?:met|meet|meets|meeting|talks?|held|holds?|signed|discuss\w*|spoke|call(?:ed|s)?|hosted"
                     r"|received|welcomed|joined)\b", re.I)


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    """Folded words of titles, ranks and honorifics, and of the bodies that hold them."""
    lex = load_lexicon()
    words = {key(w) for k in ("heads", "ranks", "honorifics", "modifiers") for t in lex.titles[k] for w in t.split()}
    return frozenset(words | {key(w) for w in lex.org_words} | {"official", "officer", "chief", "head"})


def _offices(text: str) -> list[tuple[int, int, str | None]]:
    """Every known body named in the text: start, end and country (None: international)."""
    return [(s, e, org.country) for s, e, org in known_mentions(text)]


def _title_gap(gap: str) -> bool:
    """Whether what lies between a body's name and a person's is only a title ('spokesman, Col.')."""
    words = [w.strip(",") for w in gap.split()]
    title_words = _title_words()
    gaz = gazetteer.load()
    return 0 < len(words) <= 6 and all(key(w) in title_words or gaz.country_of(w) for w in words if w)


def bodies(people: list[Person], text: str) -> None:
    """A person whose title follows a known body's name acts for it: its country, or none and
    no guess after (`international`) when the body is an international one."""
    offices = _offices(text)
    for p in people:
        if p.country:
            continue
        for s, _e in p.mentions:
            before = [(os, oe, c) for os, oe, c in offices if oe <= s and s - oe <= 60 and _title_gap(text[oe:s])]
            if before:
                country = max(before)[2]
                if country:
                    p.country = country
                else:
                    p.international = True
                break


def embassy_staff(people: list[Person], doc: Doc) -> None:
    """A diplomat named in a sentence about one country's embassy is that country's."""
    gaz = gazetteer.load()
    for p in people:
        if p.country or not any(DIPLOMAT.search(r) for r in p.roles):
            continue
        for s, e in p.mentions:
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is None:
                continue
            sent = span.sent.text
            found = {iso for m in re.finditer(rf"\b(?P<c>[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)?)(?:'s|’s)?\s+{MISSION}\b", sent)
                     if (iso := gaz.country_of(m.group("c")))}
            if len(found) == 1:
                p.country = found.pop()
                break


def companions(people: list[Person], doc: Doc) -> None:
    """'X left for Japan with Trade and Industry Secretary Y': an office holder travelling in a
    party is of the country of the person who leads it, the last one named before the verb."""
    text = doc_text(doc)
    starts = sorted((s, q) for q in people for s, _e in q.mentions)
    for p in people:
        if p.country or not p.roles:
            continue
        for s, e in p.mentions:
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is None:
                continue
            head = text[span.sent.start_char:s]
            company = COMPANY.search(head)
            travel = TRAVEL.search(head[:company.start()]) if company else None
            if company is None or travel is None or MEETING.search(head[travel.end():company.start()]):
                continue
            leader = [q for qs, q in starts if span.sent.start_char <= qs < span.sent.start_char + travel.start()
                      and q is not p and q.country]
            if leader:
                p.country = leader[-1].country
                break
