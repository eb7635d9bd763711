"""Quantities: the numbers an article states about a relationship (money, percentages, counts),
each with its unit, qualifier, period and what it is about."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Span

from entente import gazetteer
from entente.extract.component import component
from entente.extract.doctext import doc_text
from entente.extract.time import TimeExpr
from entente.records import Evidence, Fact

NUM = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"


@dataclass(frozen=True)
class Units:
    data: dict
    money_prefix: re.Pattern[str]
    money_suffix: re.Pattern[str]
    percent: re.Pattern[str]
    count: re.Pattern[str]
    qualifier: re.Pattern[str]


def _alt(words: list[str]) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


@lru_cache(maxsize=1)
def units() -> Units:
    data = json.loads(resources.files("entente.data").joinpath("units.json").read_text(encoding="utf-8"))
    scale = rf"(?:\s?(?P<scale>{_alt(list(data['scales']))})\b)?"
    prefix = _alt(list(data["currency_prefix"]))
    suffix = _alt(list(data["currency_suffix"]))
    return Units(
        data=data,
        money_prefix=re.compile(rf"(?P<cur>{prefix})\s?{NUM}{scale}"),
        money_suffix=re.compile(rf"(?<![\w$€£¥.]){NUM}{scale}\s(?:of\s)?(?P<cur>{suffix})\b"),
        percent=re.compile(rf"(?<![\w.]){NUM}\s?(?:%|per\s?cent\b|percent\b|pct\b)"),
        count=re.compile(rf"(?<![\w$€£¥.,/-]){NUM}(?:\s(?P<scale>million|billion|thousand)\b)?(?![\d%A-Za-z]|\.\d|,\d|-\d)"),
        qualifier=re.compile(rf"\b(?P<q>{_alt(list(data['qualifiers']))})\s+(?:US\s?)?$", re.I),
    )


def _value(num: str, scale: str | None) -> float:
    v = float(num.replace(",", ""))
    if scale:
        v *= units().data["scales"].get(scale.lower(), 1)
    return v


def _qualifier(doc_text: str, start: int) -> str | None:
    m = units().qualifier.search(doc_text[max(0, start - 25):start])
    return units().data["qualifiers"][m.group("q").lower()] if m else None


def _sentence(doc: Doc, start: int) -> Span | None:
    tok = doc.char_span(start, start + 1, alignment_mode="expand")
    return tok.sent if tok is not None else None


def evidence(doc: Doc, sent: Span) -> Evidence:
    """The sentence as it stands in the original text, trimmed of surrounding space."""
    original = doc._.article.text if doc._.article is not None else doc_text(doc)
    s, e = sent.start_char, sent.end_char
    # a sentence never runs into an excluded block (teaser, credits): blanked for NLP, not here
    for a, _b in (doc._.article.excluded if doc._.article is not None else []):
        if s <= a < e:
            e = a
    while s < e and original[s].isspace():
        s += 1
    while e > s and original[e - 1].isspace():
        e -= 1
    return Evidence(text=original[s:e], start=s, end=e)


def _about(doc: Doc, start: int, end: int, unit: str) -> str | None:
    """What the number measures: its noun for counts, the clause subject for money and rates."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    if unit == "count":
        nxt = doc[span.end:span.end + 6]
        words = []
        for t in nxt:
            if t.pos_ in ("NOUN", "PROPN", "ADJ") or t.text == "-" or t.tag_ == "HYPH":
                words.append(t.text_with_ws)
            else:
                break
        return "".join(words).strip() or None
    tok = span.root
    for anc in [tok, *tok.ancestors]:
        if anc.pos_ in ("VERB", "AUX"):
            subj = [c for c in anc.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subj:
                st = subj[0]
                sub = doc[st.left_edge.i:st.i + 1]
                if st.pos_ != "PRON":
                    return sub.text
    return None


def _period(times: list[TimeExpr], sent: Span, start: int, end: int) -> str | None:
    """The time a number refers to: the nearest expression after it in its sentence, else before."""
    inside = [t for t in times if sent.start_char <= t.start < sent.end_char and t.value]
    after = [t for t in inside if t.start >= end and t.start - end < 60]
    if after:
        return min(after, key=lambda t: t.start).value
    before = [t for t in inside if t.end <= start]
    if before:
        return max(before, key=lambda t: t.end).value
    return None


def _stated_now(sent: Span, start: int, published: str | None) -> str | None:
    """The publication year for a count stated in the present tense with no time of its own:
    'some 184,000 ethnic Hungarians live in Vojvodina', 'more than 20,000 are currently studying'."""
    if not published or not re.match(r"\d{4}", published):
        return None
    tok = next((t for t in sent if t.idx >= start), None)
    verb = tok
    while verb is not None and verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    tenses = {verb.tag_} | {c.tag_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    present = bool(tenses & {"VBP", "VBZ"}) and not tenses & {"VBD", "MD"}
    return published[:4] if present else None


def find_facts(doc: Doc) -> list[Fact]:
    """The article's facts: money, percentages and counts of things or people."""
    u = units()
    text = doc_text(doc)
    times: list[TimeExpr] = doc._.times or []
    time_spans = [(t.start, t.end) for t in times]
    found: list[tuple[int, int, float, str]] = []

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b, *_ in found) and not any(a < e and s < b for a, b in time_spans)

    article = doc._.article
    home = gazetteer.load().home_of(article.source) if article is not None else None
    published = article.published if article is not None else None
    for rx in (u.money_prefix, u.money_suffix):
        for m in rx.finditer(text):
            cur = m.group("cur")
            code = u.data["currency_prefix"].get(cur) or u.data["currency_suffix"].get(cur)
            if cur == "$":  # a bare dollar is the outlet's own: "$13.5 billion" in a Canadian Press story
                code = u.data.get("dollar_homes", {}).get(home, code)
            if code and free(m.start(), m.end()):
                found.append((m.start(), m.end(), _value(m.group("num"), m.group("scale")), code))
    for m in u.percent.finditer(text):
        if free(m.start(), m.end()):
            found.append((m.start(), m.end(), _value(m.group("num"), None), "percent"))
    for m in u.count.finditer(text):
        if free(m.start(), m.end()) and _is_count(doc, m):
            found.append((m.start(), m.end(), _value(m.group("num"), m.group("scale")), "count"))
    facts = []
    for start, end, value, unit in sorted(found):
        sent = _sentence(doc, start)
        if sent is None:
            continue
        facts.append(Fact(value=value, unit=unit, period=_period(times, sent, start, end) or (
                          _stated_now(sent, start, published) if unit == "count" else None),
                          about=_about(doc, start, end, unit), qualifier=_qualifier(text, start),
                          evidence=evidence(doc, sent)))
    return facts


def _is_count(doc: Doc, m: re.Match[str]) -> bool:
    """A number of people or things: followed by a plural noun or people's name, not a unit of
    time or measure, not a year, not part of a date."""
    num = m.group("num")
    if not m.group("scale") and re.fullmatch(r"(?:1[89]|20)\d\d", num):
        return False
    if _value(num, m.group("scale")) < 2:
        return False
    span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return False
    not_counts = set(units().data["not_counts"])
    for t in doc[span.end:span.end + 4]:
        if t.lower_ in not_counts or t.is_punct and t.text not in "-":
            return False
        if t.tag_ in ("NNS", "NNPS") or (t.pos_ == "PROPN" and t.ent_type_ == "NORP"):
            return True
        if t.pos_ not in ("ADJ", "NOUN", "PROPN", "PUNCT") and t.tag_ != "HYPH":
            return False
    return False


@component("entente_quantities")
def quantities_component(doc: Doc) -> Doc:
    """Set doc._.facts: the numbers of the article with unit, qualifier, period and evidence."""
    doc._.facts = find_facts(doc)
    return doc
