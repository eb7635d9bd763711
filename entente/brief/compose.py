"""Briefings on the relations between two countries, written from templates over the stored record.

Every sentence is built from the fields of event groups and facts, never generated, and ends with
numbered citations; each citation is an article (outlet, title, day, URL) and the evidence sentence
behind the claim, so a reader can check every line. A claim with no evidence is not written.

A happening reported by several articles is one sentence citing each of them. Headlines are the
happenings that weigh most: reported by the most articles and outlets, of the types that change
a relationship, the most recent; a reference to earlier acts ("the agreements reached at the
highest level") is never among them. Every section lists at most MAX_ITEMS and says how many more
there are and the command that lists them all.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from entente.brief.model import (
    STATUS_WORDS,
    UNIT_WORDS,
    VERBS,
    Briefing,
    Citations,
    Section,
    Sentence,
    country_name,
    names,
    when,
)
from entente.dates import span
from entente.errors import InvalidParameter
from entente.store import Store
from entente.store.grouped import GroupOut, iter_groups
from entente.store.read import EventFilter, FactOut, check_country, facts

REPORTED = ("done", "planned", "proposed")  # negated, hypothetical and historical events are no developments
MAX_ITEMS = 8
HEADLINES = 5
# headline weight of a type after the number of reports and outlets: acts that change a
# relationship (meetings, agreements, aid, pressure and force) first, words about it next
TYPE_TIERS = {"AGREE": 0, "CONSULT": 0, "AID": 0, "SANCTION": 0, "THREATEN": 0, "ASSAULT": 0, "COERCE": 0,
              "MOBILIZE": 0, "ACCUSE": 1, "REJECT": 1, "REQUEST": 1, "PROTEST": 1, "CONCEDE": 1, "RETREAT": 1}
CONFLICT = ("ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
SUPPORT = ("SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT")


@lru_cache(maxsize=1)
def _cues() -> frozenset[str]:
    data = json.loads(resources.files("entente.data").joinpath("background.json").read_text(encoding="utf-8"))
    return frozenset(data["after_trigger"])


def _word_after(text: str, trigger: str) -> str:
    """The word after `trigger` in `text` ('' when none or not found)."""
    found = re.search(rf"\b{re.escape(trigger)}\b\W*(\w+)", text, flags=re.I)
    return found[1].lower() if found else ""


def background(g: GroupOut) -> bool:
    """True when every report names the happening only as earlier acts referred to ('the
    agreements reached at the highest level'), not as news."""
    return all(r.status == "historical" or (r.trigger and _word_after(r.evidence.text, r.trigger) in _cues())
               for r in g.evidence)


@dataclass
class Item:
    """One line of a briefing: a happening, with the meetings held on it when it is a visit."""

    group: GroupOut
    met: list[GroupOut] = field(default_factory=list)

    @property
    def groups(self) -> list[GroupOut]:
        return [self.group, *self.met]

    @property
    def articles(self) -> int:
        return len({r.doc_id for g in self.groups for r in g.evidence})

    @property
    def outlets(self) -> list[str]:
        return list(dict.fromkeys(o for g in self.groups for o in g.outlets))


def _weight(item: Item) -> tuple[int, int, int]:
    return -item.articles, -len(item.outlets), TYPE_TIERS.get(item.group.type, 2)


def _recency(item: Item) -> str:
    """Where an item sits in time for ranking: its last day, else its last report's ('' when no year)."""
    return span(item.group.date).end or item.group.last_report or ""


def ranked(items: list[Item]) -> list[Item]:
    """Items by weight (articles, outlets, type), the most recent first among equals."""
    return sorted(sorted(items, key=_recency, reverse=True), key=_weight)


def _on_visit(meeting: GroupOut, visit: GroupOut) -> bool:
    """True when a meeting is one the visitor held during the visit: a visitor takes part and its
    days lie within the visit's."""
    if not set(visit.actors) & {*meeting.actors, *meeting.targets} or meeting.status != visit.status:
        return False
    if not meeting.date:  # an undated meeting reported beside the visit, in the same articles
        return {r.doc_id for r in meeting.evidence} <= {r.doc_id for r in visit.evidence}
    if meeting.date == visit.date:
        return True
    m, v = span(meeting.date), span(visit.date)
    return bool(m.start and v.start and m.end and v.end and v.start <= m.start and m.end <= v.end)


def items_of(groups: list[GroupOut]) -> list[Item]:
    """The lines a briefing writes: each group, and a visit together with the meetings held on it."""
    visits = [Item(g) for g in groups if g.type == "CONSULT" and g.mode == "visit"]
    out: list[Item] = []
    for g in groups:
        if g.type == "CONSULT" and g.mode == "meet":
            host = next((v for v in visits if _on_visit(g, v.group)), None)
            if host is not None:
                host.met.append(g)
                continue
        out.append(next((v for v in visits if v.group is g), None) or Item(g))
    return out


def item_sentence(item: Item) -> str | None:
    """The happening as one plain sentence (without its citations), or None when it names no actor."""
    g = item.group
    if not g.actors:
        return None
    with_targets, alone = VERBS.get((g.type, g.mode)) or VERBS.get((g.type, None)) or ("{actors} acted", "{actors} acted")
    place = g.location or " and ".join(country_name(c) for c in g.countries)
    text = (with_targets if g.targets else alone).format(actors=names(g.actors), targets=names(g.targets), place=place)
    met = list(dict.fromkeys(p for m in item.met for p in (*m.actors, *m.targets) if p not in g.actors))
    if met:
        text += f" and met {names(met)}"
    if w := when(g.date):
        text += f" {w}"
    sectors = list(dict.fromkeys(s for x in item.groups for s in x.sectors))
    if sectors:
        text += " (" + ", ".join(s.replace("_", " and ") for s in sectors) + ")"
    if g.status in STATUS_WORDS:
        text += f"; this {STATUS_WORDS[g.status]}"
    if len(item.outlets) >= 2:
        text += f"; reported by {names(item.outlets)}"
    return text + "."


def _sentences(items: list[Item], cites: Citations) -> list[Sentence]:
    """One sentence per distinct wording, citing every report of every item worded so."""
    worded: dict[str, list[Item]] = {}
    for item in items:
        if (text := item_sentence(item)) is not None:
            worded.setdefault(text, []).append(item)
    return [Sentence(text, sorted({cites.report(r) for item in its for g in item.groups for r in g.evidence}))
            for text, its in worded.items()]


def _section(title: str, items: list[Item], cites: Citations, hint: str) -> Section:
    """A section of the weightiest items, saying how many more there are and where they are listed."""
    every = ranked(items)
    shown = _sentences(every[:MAX_ITEMS], cites)
    rest = len({t for item in every if (t := item_sentence(item)) is not None} - {s.text for s in shown})
    return Section(title, shown, more=rest, hint=hint if rest else "")


def _lanes(groups: list[GroupOut]) -> str:
    counts = Counter("dated" if span(g.date).start else "year unknown" if span(g.date).precision == "day-no-year"
                     else "undated" for g in groups)
    return ", ".join(f"{counts[k]} {k}" for k in ("dated", "year unknown", "undated") if counts[k])


def _overview(a: str, b: str, groups: list[GroupOut], top: list[Item], cites: Citations) -> Sentence:
    kinds = Counter(g.type for g in groups)
    kind, n_kind = kinds.most_common(1)[0]
    reports = [r for g in groups for r in g.evidence]
    outlets = {g for x in groups for g in x.outlets}
    text = (f"The record holds {len(groups)} happenings between {country_name(a)} and {country_name(b)} "
            f"({_lanes(groups)}), reported {len(reports)} times in {len({r.doc_id for r in reports})} articles "
            f"by {len(outlets)} outlet{'s' if len(outlets) != 1 else ''}, most often of type {kind} ({n_kind}); "
            "those reported most widely follow.")
    return Sentence(text, sorted({cites.report(item.group.evidence[0]) for item in top[:3]}))


def _sectors(items: list[Item], cites: Citations, hint: str) -> Section:
    by_sector: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        for s in dict.fromkeys(s for g in item.groups for s in g.sectors):
            by_sector[s].append(item)
    ordered = sorted(by_sector.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    out = []
    for sector, its in ordered[:MAX_ITEMS]:
        ns = sorted({cites.report(item.group.evidence[0]) for item in ranked(its)[:3]})
        label = sector.replace("_", " and ")
        n = len(its)
        out.append(Sentence(f"{label.capitalize()} came up in {n} happening{'s' if n != 1 else ''}.", ns))
    rest = max(0, len(ordered) - MAX_ITEMS)
    return Section("Sectors", out, more=rest, hint=hint if rest else "")


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



def _numbers(items: list[FactOut], cites: Citations, hint: str) -> Section:
    """A sentence per quantity; where the record has it for several periods, the change between them."""
    series: dict[tuple[str, str], list[FactOut]] = defaultdict(list)
    for f in items:
        about = (f.about or "").strip()
        if about and about[-1].isalnum():  # a cut-off subject ("Russian-") says nothing
            series[(f.unit, about)].append(f)
    ordered = sorted(series.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    out = []
    for (_unit, about), fs in ordered[:MAX_ITEMS]:
        text = _series_sentence(about[0].upper() + about[1:], fs)
        ns = {cites.cite(f.doc_id, f.published, f.evidence.text, outlet=f.outlet, title=f.title, url=f.url) for f in fs}
        out.append(Sentence(text, sorted(ns)))
    rest = max(0, len(ordered) - MAX_ITEMS)
    return Section("The numbers", out, more=rest, hint=hint if rest else "")


def build(store: Store, a: str, b: str, since: str | None = None, until: str | None = None) -> Briefing:
    """The briefing on `a` and `b` over the period; sections with nothing to say are left out."""
    a, b = check_country(a, "a"), check_country(b, "b")
    if a == b:
        raise InvalidParameter("between", "needs two different countries")
    groups = [g for g in iter_groups(store, EventFilter(countries=(a, b), since=since, until=until))
              if g.status in REPORTED]
    if not groups:
        raise InvalidParameter("between", f"no reported events between {a} and {b} in the period")
    items = items_of(groups)
    cites = Citations()
    top = [i for i in ranked(items) if not background(i.group) and item_sentence(i)][:HEADLINES]
    period = "".join(f" --{k} {v}" for k, v in (("since", since), ("until", until)) if v)
    listing = f"entente events --between {a} {b}{period}"

    def of(types: tuple[str, ...]) -> list[Item]:
        return [i for i in items if i.group.type in types]

    def typed(t: str) -> str:
        return f"{listing} --type {t}"

    sections = [
        Section("Headline developments", [_overview(a, b, groups, top, cites), *_sentences(top, cites)]),
        _section("Meetings and visits", of(("CONSULT",)), cites, typed("CONSULT")),
        _section("Agreements", of(("AGREE",)), cites, typed("AGREE")),
        _section("Requests", of(("REQUEST",)), cites, typed("REQUEST")),
        _section("Disputes and pressure", of(CONFLICT), cites, listing),
        _section("Support and cooperation", of(SUPPORT), cites, listing),
        _sectors(items, cites, listing),
        _numbers(_facts(store, a, b, since, until), cites, f"entente relations {a} {b}{period}"),
    ]
    return Briefing(a, b, since, until, [s for s in sections if s.sentences],
                    sorted(cites.sources.values(), key=lambda s: s.n))


def _facts(store: Store, a: str, b: str, since: str | None, until: str | None) -> list[FactOut]:
    items: list[FactOut] = []
    while True:
        page = facts(store, a, b, since=since, until=until, limit=500, offset=len(items))
        items += page.items
        if len(page.items) < 500:
            return items


