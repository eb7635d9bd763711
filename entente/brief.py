"""Briefings on the relations between two countries, written from templates over the stored record.

Every sentence is built from the fields of events and facts, never generated, and ends with
numbered citations; each citation is an article and the evidence sentence behind the claim, so a
reader can check every line. A claim with no evidence is not written.
"""

from __future__ import annotations

import html
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date as Date

from entente.errors import InvalidParameter
from entente.gazetteer import load as gazetteer
from entente.store import Store
from entente.store.read import EventFilter, EventOut, FactOut, check_country, facts, iter_events

HEADLINE_TYPES = ("AGREE", "CONSULT", "AID", "SANCTION", "THREATEN", "ACCUSE", "REJECT", "REQUEST")
REPORTED = ("done", "planned", "proposed")  # negated, hypothetical and historical events are no developments
MAX_ITEMS = 8
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
    """One numbered citation: an article and the sentence in it that supports the claim."""

    n: int
    doc_id: str
    published: str | None
    evidence: str


@dataclass
class Sentence:
    text: str
    cites: list[int]


@dataclass
class Section:
    title: str
    sentences: list[Sentence] = field(default_factory=list)


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

    def cite(self, doc_id: str, published: str | None, evidence: str) -> int:
        k = (doc_id, evidence)
        if k not in self.sources:
            self.sources[k] = Source(len(self.sources) + 1, doc_id, published, evidence)
        return self.sources[k].n


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
    """'on 20 June 2024', 'in June 2024', 'from 14 January 2025 to 15 January 2025', or ''."""
    if not d:
        return ""
    try:
        if "/" in d:
            start, end = d.split("/", 1)
            return f"from {_one_date(start)} to {_one_date(end)}"
        word = "on" if len(d.lstrip("-").split("-")) >= 2 and (d.startswith("--") or d.count("-") == 2) else "in"
        return f"{word} {_one_date(d)}"
    except (ValueError, IndexError):
        return ""


def names(people: list[str]) -> str:
    if len(people) <= 2:
        return " and ".join(people)
    return ", ".join(people[:-1]) + " and " + people[-1]


def event_sentence(e: EventOut) -> str | None:
    """The event as one plain sentence (without its citation), or None when it names no actor."""
    if not e.actors:
        return None
    with_targets, alone = VERBS.get((e.type, e.mode)) or VERBS.get((e.type, None)) or ("{actors} acted", "{actors} acted")
    place = e.location or " and ".join(country_name(c) for c in e.countries)
    text = (with_targets if e.targets else alone).format(actors=names(e.actors), targets=names(e.targets), place=place)
    w = when(e.date)
    if w:
        text += f" {w}"
    if e.sectors:
        text += " (" + ", ".join(s.replace("_", " and ") for s in e.sectors) + ")"
    if e.status in STATUS_WORDS:
        text += f"; this {STATUS_WORDS[e.status]}"
    return text + "."


def _event_sentences(events: Iterable[EventOut], cites: Citations, published: dict[str, str | None]) -> list[Sentence]:
    """One sentence per distinct wording; reports of the same happening share it and all their citations."""
    grouped: dict[str, list[EventOut]] = {}
    for e in events:
        text = event_sentence(e)
        if text is not None:
            grouped.setdefault(text, []).append(e)
    # sources are numbered only for the sentences kept, so every numbered source is cited
    kept = list(grouped.items())[:MAX_ITEMS]
    return [Sentence(t, sorted({cites.cite(e.doc_id, published.get(e.doc_id), e.evidence.text) for e in evs}))
            for t, evs in kept]


def _headlines(events: list[EventOut], n: int = 5) -> list[EventOut]:
    """The newest events of the weightiest types first."""
    newest = sorted(events, key=lambda e: e.date or "", reverse=True)
    return sorted(newest, key=lambda e: HEADLINE_TYPES.index(e.type) if e.type in HEADLINE_TYPES else 99)[:n]


def _overview(a: str, b: str, events: list[EventOut], cites: Citations, published: dict[str, str | None]) -> Sentence:
    types = Counter(e.type for e in events)
    top, n_top = types.most_common(1)[0]
    newest = sorted(events, key=lambda e: e.date or "", reverse=True)[:3]
    ns = sorted({cites.cite(e.doc_id, published.get(e.doc_id), e.evidence.text) for e in newest})
    articles = len({e.doc_id for e in events})
    text = (f"The record holds {len(events)} reported events between {country_name(a)} and {country_name(b)} "
            f"in {articles} articles, most often of type {top} ({n_top}); the latest are cited here.")
    return Sentence(text, ns)


def _sectors(events: list[EventOut], cites: Citations, published: dict[str, str | None]) -> list[Sentence]:
    by_sector: dict[str, list[EventOut]] = defaultdict(list)
    for e in events:
        for s in e.sectors:
            by_sector[s].append(e)
    out = []
    for sector, evs in sorted(by_sector.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:MAX_ITEMS]:
        ns = sorted({cites.cite(e.doc_id, published.get(e.doc_id), e.evidence.text) for e in evs[:3]})
        label = sector.replace("_", " and ") if sector == "science_technology" else sector
        out.append(Sentence(f"{label.capitalize()} came up in {len(evs)} event{'s' if len(evs) != 1 else ''}.", ns))
    return out


def _amount(f: FactOut) -> str:
    value = f"{f.value:,.10g}"
    for word, scale in (("billion", 1e9), ("million", 1e6)):
        if f.unit not in ("percent",) and abs(f.value) >= scale:
            value = f"{f.value / scale:,.10g} {word}"
            break
    unit = UNIT_WORDS.get(f.unit, f.unit)
    q = f"{f.qualifier} " if f.qualifier else ""
    return f"{q}{value}{unit}" if unit == "%" else f"{q}{unit} {value}".strip() if unit else f"{q}{value}"


def _series_sentence(subject: str, fs: list[FactOut]) -> str:
    dated = sorted((f for f in fs if f.period), key=lambda f: f.period or "")
    first, last = (dated[0], dated[-1]) if len(dated) >= 2 else (fs[0], fs[0])
    if first.unit == "percent" or first is last or first.period == last.period:
        # percentages in news are mostly rates of change: list them rather than call a trend
        shown = dated or fs[:1]
        return f"{subject}: " + ", ".join(f"{_amount(f)}" + (f" ({f.period})" if f.period else "") for f in shown) + "."
    trend = "rose" if last.value > first.value else "fell" if last.value < first.value else "held"
    return f"{subject} {trend} from {_amount(first)} ({first.period}) to {_amount(last)} ({last.period})."


def _numbers(items: list[FactOut], cites: Citations) -> list[Sentence]:
    """A sentence per quantity; where the record has it for several periods, the change between them."""
    series: dict[tuple[str, str], list[FactOut]] = defaultdict(list)
    for f in items:
        about = (f.about or "").strip()
        if about and about[-1].isalnum():  # a cut-off subject ("Russian-") says nothing
            series[(f.unit, about)].append(f)
    out = []
    for (_unit, about), fs in sorted(series.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:MAX_ITEMS]:
        text = _series_sentence(about[0].upper() + about[1:], fs)
        out.append(Sentence(text, sorted({cites.cite(f.doc_id, f.published, f.evidence.text) for f in fs})))
    return out


def build(store: Store, a: str, b: str, since: str | None = None, until: str | None = None) -> Briefing:
    """The briefing on `a` and `b` over the period; sections with nothing to say are left out."""
    a, b = check_country(a, "a"), check_country(b, "b")
    if a == b:
        raise InvalidParameter("between", "needs two different countries")
    events = [e for e in iter_events(store, EventFilter(countries=(a, b), since=since, until=until))
              if e.status in REPORTED]
    if not events:
        raise InvalidParameter("between", f"no reported events between {a} and {b} in the period")
    published = _published(store, {e.doc_id for e in events})
    cites = Citations()
    sections = [
        Section("Headline developments",
                [_overview(a, b, events, cites, published), *_event_sentences(_headlines(events), cites, published)]),
        Section("Meetings and visits", _event_sentences([e for e in events if e.type == "CONSULT"], cites, published)),
        Section("Agreements", _event_sentences([e for e in events if e.type == "AGREE"], cites, published)),
        Section("Requests", _event_sentences([e for e in events if e.type == "REQUEST"], cites, published)),
        Section("Sectors", _sectors(events, cites, published)),
        Section("The numbers", _numbers(_facts(store, a, b, since, until), cites)),
    ]
    return Briefing(a, b, since, until, [s for s in sections if s.sentences],
                    sorted(cites.sources.values(), key=lambda s: s.n))


def _published(store: Store, doc_ids: set[str]) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for doc_id in doc_ids:
        record, _text = store.record(doc_id)
        out[doc_id] = record.published
    return out


def _facts(store: Store, a: str, b: str, since: str | None, until: str | None) -> list[FactOut]:
    items: list[FactOut] = []
    while True:
        page = facts(store, a, b, since=since, until=until, limit=500, offset=len(items))
        items += page.items
        if len(page.items) < 500:
            return items


def _period(b: Briefing) -> str:
    if b.since and b.until:
        return f"{b.since} to {b.until}"
    if b.since:
        return f"since {b.since}"
    if b.until:
        return f"until {b.until}"
    return "all dates in the record"


def to_markdown(b: Briefing) -> str:
    lines = [f"# {country_name(b.a)} and {country_name(b.b)}: briefing", "",
             f"Period: {_period(b)}. Written on {Date.today().isoformat()} from the entente record.", ""]
    for section in b.sections:
        lines += [f"## {section.title}", ""]
        lines += [f"- {s.text} {''.join(f'[{n}]' for n in s.cites)}" for s in section.sentences]
        lines.append("")
    lines += ["## Sources", ""]
    lines += [f"{s.n}. `{s.doc_id}` ({s.published or 'undated'}): \u201c{s.evidence}\u201d" for s in b.sources]
    return "\n".join(lines) + "\n"


def to_html(b: Briefing) -> str:
    e = html.escape
    title = f"{e(country_name(b.a))} and {e(country_name(b.b))}: briefing"
    parts = [f"<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title></head><body>",
             f"<h1>{title}</h1>", f"<p>Period: {e(_period(b))}.</p>"]
    for section in b.sections:
        parts.append(f"<h2>{e(section.title)}</h2><ul>")
        for s in section.sentences:
            refs = "".join(f'<a href="#s{n}">[{n}]</a>' for n in s.cites)
            parts.append(f"<li>{e(s.text)} {refs}</li>")
        parts.append("</ul>")
    parts.append("<h2>Sources</h2><ol>")
    for src in b.sources:
        parts.append(f'<li id="s{src.n}"><code>{e(src.doc_id)}</code> ({e(src.published or "undated")}): '
                     f"<q>{e(src.evidence)}</q></li>")
    parts.append("</ol></body></html>")
    return "\n".join(parts) + "\n"


def render(b: Briefing, format: str = "md") -> str:
    """The briefing as Markdown (`md`) or a standalone HTML page (`html`)."""
    if format not in ("md", "html"):
        raise InvalidParameter("format", f"{format[:40]!r} is not md or html")
    return to_markdown(b) if format == "md" else to_html(b)
