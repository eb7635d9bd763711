"""What a briefing is made of, and the words it is written in: sections of sentences, each citing
numbered sources (an article and its evidence sentence), dates and names as people read them."""

from __future__ import annotations

from dataclasses import dataclass, field

from entente.gazetteer import load as gazetteer
from entente.store.grouped import Report

# (type, mode) -> (with targets, without); mode None is the type's default
VERBS: dict[tuple[str, str | None], tuple[str, str]] = {
    ("CONSULT", "visit"): ("{actors} visited {place}, hosted by {targets}", "{actors} visited {place}"),
    ("CONSULT", "call"): ("{actors} spoke by phone with {targets}", "{actors} held a phone call"),
    ("CONSULT", "multilateral"): ("{actors} met {targets} at a multilateral meeting", "{actors} met at a multilateral meeting"),
    ("CONSULT", None): ("{actors} met {targets}", "{actors} held talks"),
    ("AGREE", "sign"): ("{actors} signed an agreement with {targets}", "{actors} signed an agreement"),
    ("AGREE", "joint statement"): ("{actors} issued a joint statement with {targets}", "{actors} issued a joint statement"),
    ("AGREE", None): ("{actors} reached an agreement with {targets}", "{actors} reached an agreement"),
    ("REQUEST", None): ("{actors} made a request to {targets}", "{actors} made a request"),
    ("SUPPORT", None): ("{actors} expressed support for {targets}", "{actors} expressed support"),
    ("COOPERATE", None): ("{actors} cooperated with {targets}", "{actors} pledged cooperation"),
    ("AID", None): ("{actors} gave aid to {targets}", "{actors} gave aid"),
    ("CONCEDE", None): ("{actors} made a concession to {targets}", "{actors} made a concession"),
    ("RETREAT", None): ("{actors} stepped back towards {targets}", "{actors} stepped back"),
    ("ACCUSE", None): ("{actors} criticised {targets}", "{actors} voiced criticism"),
    ("REJECT", None): ("{actors} rejected a proposal of {targets}", "{actors} rejected a proposal"),
    ("THREATEN", None): ("{actors} threatened {targets}", "{actors} issued a threat"),
    ("PROTEST", None): ("{actors} protested against {targets}", "{actors} protested"),
    ("SANCTION", None): ("{actors} imposed sanctions on {targets}", "{actors} imposed sanctions"),
    ("MOBILIZE", None): ("{actors} mobilised against {targets}", "{actors} mobilised forces"),
    ("COERCE", None): ("{actors} coerced {targets}", "{actors} used coercion"),
    ("ASSAULT", None): ("{actors} attacked {targets}", "{actors} used force"),
}
STATUS_WORDS = {"planned": "is planned", "proposed": "was proposed"}
UNIT_WORDS = {"percent": "%", "count": ""}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


@dataclass(frozen=True)
class Source:
    """One numbered citation: an article (outlet, title, day, URL) and the sentence in it that
    supports the claim."""

    n: int
    doc_id: str
    outlet: str | None
    title: str | None
    url: str | None
    published: str | None
    evidence: str


@dataclass
class Sentence:
    text: str
    cites: list[int]


@dataclass
class Section:
    """A titled list of sentences; `more` were left out past the limit, and `hint` is the command
    that lists every one of them."""

    title: str
    sentences: list[Sentence] = field(default_factory=list)
    more: int = 0
    hint: str = ""


@dataclass
class Briefing:
    a: str
    b: str
    since: str | None
    until: str | None
    sections: list[Section]
    sources: list[Source]


class Citations:
    """Numbers sources in order of first use; the same article and sentence keep one number."""

    def __init__(self) -> None:
        self.sources: dict[tuple[str, str], Source] = {}

    def cite(self, doc_id: str, published: str | None, evidence: str, *, outlet: str | None = None,
             title: str | None = None, url: str | None = None) -> int:
        k = (doc_id, evidence)
        if k not in self.sources:
            self.sources[k] = Source(len(self.sources) + 1, doc_id, outlet, title, url, published, evidence)
        return self.sources[k].n

    def report(self, r: Report) -> int:
        return self.cite(r.doc_id, r.published, r.evidence.text, outlet=r.outlet, title=r.title, url=r.url)


def country_name(iso3: str) -> str:
    c = gazetteer().countries.get(iso3)
    return c.name if c else iso3


def _one_date(d: str) -> str:
    parts = d.lstrip("-").split("-")
    if d.startswith("--") and len(parts) == 2:
        return f"{int(parts[1])} {MONTHS[int(parts[0]) - 1]}"
    if len(parts) == 3:
        return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return parts[0]


def when(d: str | None) -> str:
    """'on 20 June 2024', 'in June 2024', 'from 14 January 2025 to 15 January 2025', 'on 31 October
    (year unknown)', or ''."""
    if not d:
        return ""
    try:
        yearless = " (year unknown)" if d.startswith("--") else ""
        if "/" in d:
            start, end = d.split("/", 1)
            return f"from {_one_date(start)} to {_one_date(end)}{yearless}"
        word = "on" if len(d.lstrip("-").split("-")) >= 2 and (d.startswith("--") or d.count("-") == 2) else "in"
        return f"{word} {_one_date(d)}{yearless}"
    except (ValueError, IndexError):
        return ""


def names(people: list[str]) -> str:
    if len(people) <= 2:
        return " and ".join(people)
    return ", ".join(people[:-1]) + " and " + people[-1]
