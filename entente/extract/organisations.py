"""Organisations: the ministries, international bodies, alliances, parties, agencies and companies an
article names, each with its canonical name, the spellings met, its country where it is national,
and every mention.

Two sources: the organisations gazetteer (entente/data/organisations.json: "ASEAN" and "the
Association of Southeast Asian Nations" are one body), and spaCy's ORG spans, kept only when they
end in an institution's head noun ("Ministry", "Council", "Corporation") and are neither an outlet,
a place, a person nor a bare fragment ("the Ministry"). A national body with a common name
("the Russian Foreign Ministry", "Vietnam's Ministry of Foreign Affairs") is named after its
country, and dropped when the text does not say which country it is.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc

from entente import gazetteer
from entente.extract.component import component
from entente.extract.doctext import doc_text
from entente.extract.lexicon import _alt
from entente.extract.lexicon import load as load_lexicon
from entente.fold import key

CONNECTORS = frozenset({"of", "for", "on", "against", "and", "the", "&", "in", "to"})
LEADING = re.compile(r"^(?:the|The)\s+")
POSSESSIVE = re.compile(r"(?:'s|’s)$")
ACRONYM_AFTER = re.compile(r"^\s*\((?P<acr>[A-Z][A-Za-z&]{1,9})\)")
OPEN_ACRONYM = re.compile(r"\s*\([A-Z][A-Za-z&]*\)?$")
OF_TAIL = re.compile(r"^\s+of\s+(?:the\s+)?")


@dataclass(frozen=True)
class KnownOrg:
    """One organisation of the gazetteer."""

    name: str
    country: str | None
    acronyms: tuple[str, ...]


@dataclass
class Organisation:
    """One organisation of the article with every mention of it."""

    name: str
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)


@dataclass(frozen=True)
class OrgLexicon:
    by_form: dict[str, KnownOrg]
    pattern: re.Pattern[str]
    heads: frozenset[str]
    generic: frozenset[str]
    ministry_subjects: dict[str, str]
    title_words: frozenset[str]
    single_heads: frozenset[str]


def _spellings(form: str) -> set[str]:
    """A form with both spellings of '-isation' ('Organisation' and 'Organization')."""
    return {form, re.sub(r"isation\b", "ization", form), re.sub(r"ization\b", "isation", form)}


@lru_cache(maxsize=1)
def load() -> OrgLexicon:
    """The organisations gazetteer and its pattern, built once per process."""
    data = json.loads(resources.files("entente.data").joinpath("organisations.json").read_text(encoding="utf-8"))
    by_form: dict[str, KnownOrg] = {}
    for row in data["organisations"]:
        org = KnownOrg(row["name"], row.get("country"), tuple(row.get("acronyms") or ()))
        for form in [row["name"], *org.acronyms, *(row.get("aliases") or [])]:
            for spelled in _spellings(form):
                by_form.setdefault(spelled, org)
    # case-sensitive: "WHO" is the organisation, "who" is not
    pattern = re.compile(rf"(?<![\w.-])(?:{_alt(list(by_form))})(?![\w]|\.\w)")
    lex_titles = gazetteer.load().titles
    titles = {key(t.rstrip(".")) for k in ("heads", "ranks", "honorifics") for t in lex_titles[k]}
    heads = frozenset(data["heads"])
    return OrgLexicon(by_form=by_form, pattern=pattern, heads=heads,
                      generic=frozenset(data["generic"]) | heads | load_lexicon().org_words,
                      ministry_subjects=data["ministry_subjects"], title_words=frozenset(titles - {key(h) for h in heads}),
                      single_heads=frozenset(data["single_heads"]))


def _in_capitals(text: str, start: int, end: int) -> bool:
    """Whether a match sits in a run of capitals (a headline), where 'WHO' may be a word."""
    before = re.search(r"([A-Za-z]+)\W*$", text[max(0, start - 20):start])
    after = re.match(r"\W*([A-Za-z]+)", text[end:end + 20])
    return any(m is not None and len(m.group(1)) > 1 and m.group(1).isupper() and m.group(1) not in load().by_form
               for m in (before, after))


def known_mentions(text: str) -> list[tuple[int, int, KnownOrg]]:
    """Every gazetteer organisation named in `text`, longest form first at each position."""
    lex = load()
    found = []
    for m in lex.pattern.finditer(text):
        form = m.group()
        org = lex.by_form[form]
        if form in org.acronyms and _in_capitals(text, m.start(), m.end()):
            continue
        found.append((m.start(), m.end(), org))
    return found


def _country_before(text: str, start: int) -> tuple[str | None, int]:
    """'Vietnam's ', 'Chinese ' just before a span: the country and where its words start."""
    gaz = gazetteer.load()
    m = re.search(r"((?:[A-Z][\w.-]*\s){0,1}[A-Z][\w.-]*)(?:'s|’s)?\s$", text[max(0, start - 40):start])
    if not m:
        return None, start
    words = m.group(1).split()
    for i in range(len(words)):
        iso = gaz.country_of(" ".join(words[i:]))
        if iso:
            return iso, start - len(m.group(0))
    return None, start


def _country_after_of(text: str, end: int) -> tuple[str | None, int]:
    """'... of Russia', '... of the Philippines' right after `end`: the country and the new end."""
    gaz = gazetteer.load()
    of = OF_TAIL.match(text[end:end + 12])
    if not of:
        return None, end
    rest = text[end + of.end():end + of.end() + 60]
    words = re.match(r"(?:[A-Z][\w.'-]*\s?){1,4}", rest)
    if not words:
        return None, end
    parts = words.group().split()
    for n in range(len(parts), 0, -1):
        name = POSSESSIVE.sub("", " ".join(parts[:n]))
        if gaz.country_of(name):
            return gaz.country_of(name), end + of.end() + len(name)
    return None, end


def _head_ok(words: list[str]) -> bool:
    """An institution's name ends in a head noun, or has one before its 'of'/'for' phrase."""
    heads = load().heads
    cut = next((i for i, w in enumerate(words) if w in CONNECTORS and i > 0 and w != "and"), len(words))
    head = words[cut - 1] if cut else ""
    return POSSESSIVE.sub("", head) in heads or POSSESSIVE.sub("", words[-1]) in heads


def _generic(words: list[str]) -> bool:
    """Whether the name is one many countries' bodies share ('Ministry of Foreign Affairs')."""
    generic = load().generic
    return all(POSSESSIVE.sub("", w.strip(",")) in generic or w in CONNECTORS for w in words)


def _normalise(core: str) -> str:
    """'Foreign Ministry' -> 'Ministry of Foreign Affairs'; other names unchanged."""
    m = re.fullmatch(r"(?P<subject>.+?)\s+Ministry", core)
    if m:
        subject = m.group("subject")
        return f"Ministry of {load().ministry_subjects.get(subject, subject)}"
    return core


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """A spaCy ORG span without its article, possessive, open '(ACR' and trailing titles."""
    lex = load()
    while True:
        span = text[start:end]
        if stripped := len(span) - len(span.rstrip(" \t\n,;:-")):
            end -= stripped
            continue
        if lead := LEADING.match(span):
            start += lead.end()
            continue
        if tail := OPEN_ACRONYM.search(span):
            end = start + tail.start()
            continue
        if tail := re.search(r"\s*(?:'s|’s)$", span):
            end = start + tail.start()
            continue
        if tail := re.search(r"\s+(?:and|of|for|the|&)$", span):
            end = start + tail.start()
            continue
        for n in (3, 2, 1):
            last = re.search(rf"\s+((?:\S+\s+){{{n - 1}}}\S+)$", span)
            if last and key(last.group(1).rstrip(".")) in lex.title_words:
                end = start + last.start()
                break
        else:
            return start, end


def _country_name(iso3: str) -> str:
    """A country's name as it follows 'of': 'the Philippines', 'the United States', 'Russia'."""
    name = gazetteer.load().countries[iso3].name
    plural = name.endswith("s") or name.startswith("United ") or name.endswith("Republic")
    return f"the {name}" if plural else name


def _leading_country(span: str) -> tuple[str | None, str]:
    """'Russian Foreign Ministry', "Vietnam's Ministry of ...": the country and the body's own
    name. A country's noun that begins a name is part of it ('Korea International Trade
    Association', 'Qatar Airways'): the country, and the name whole."""
    gaz = gazetteer.load()
    words = span.split()
    for n in (2, 1):
        lead = " ".join(words[:n])
        bare = POSSESSIVE.sub("", lead)
        if len(words) <= n or not (iso := gaz.country_of(bare)):
            continue
        qualifier = bare != lead or key(bare) not in gaz.country_by_name
        return iso, " ".join(words[n:]) if qualifier else span
    return None, span


def _from_ner(text: str, start: int, end: int, source: str | None) -> tuple[str, str | None, int, int] | None:
    """The canonical name and country of a spaCy ORG span, with its trimmed extent; None when it
    is no organisation of ours (an outlet, a place, a fragment, a title, a common name without
    its country)."""
    gaz = gazetteer.load()
    start, end = _trim(text, start, end)
    span = text[start:end]
    if len(span) < 2 or gaz.agency(span) or key(span) in {key(p) for p in (source or "").split("/")} \
            or gaz.country_of(span):
        return None
    core, country = span, None
    if (suffix := re.search(r"\s+of\s+(?:the\s+)?([A-Z][\w .'-]*)$", span)) and gaz.country_of(suffix.group(1)):
        core, country = span[:suffix.start()], gaz.country_of(suffix.group(1))
    elif (after := _country_after_of(text, end))[0]:
        country, end = after
    else:
        country, core = _leading_country(span)
    words = core.split()
    if not words or not all(w[:1].isupper() or w in CONNECTORS for w in words) or not _head_ok(words):
        return None
    country = country or _country_before(text, start)[0]
    if not _generic(words):
        return text[start:end], country, start, end
    if country is None or country not in gaz.countries:
        return None
    if len(words) == 1 and words[0] not in load().single_heads:
        return None  # "the Vietnamese Party": a reference to a body named elsewhere
    return f"{_normalise(core)} of {_country_name(country)}", country, start, end


def _absorb(orgs: dict[str, Organisation], name: str, country: str | None, alias: str, span: tuple[int, int]) -> Organisation:
    org = orgs.setdefault(key(name), Organisation(name=name, country=country))
    org.country = org.country or country
    if span not in org.mentions:
        org.mentions.append(span)
    for a in (name, alias):
        a = POSSESSIVE.sub("", LEADING.sub("", a.strip()))
        if a and a not in org.aliases:
            org.aliases.append(a)
    return org


def _acronym_mentions(org: Organisation, acronym: str, text: str, taken: list[tuple[int, int]]) -> None:
    for m in re.finditer(rf"(?<![\w-]){re.escape(acronym)}(?!\w)", text):
        if not any(s <= m.start() < e for s, e in taken):
            org.mentions.append(m.span())


def _add_known(orgs: dict[str, Organisation], text: str, original: str, people: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The gazetteer's organisations named in the text; the spans they take."""
    taken: list[tuple[int, int]] = []
    for s, e, known in known_mentions(text):
        if any(ps < e and s < pe for ps, pe in people):
            continue
        org = _absorb(orgs, known.name, known.country, original[s:e], (s, e))
        org.aliases.extend(a for a in known.acronyms if a not in org.aliases)
        taken.append((s, e))
    return taken


def _add_ner(orgs: dict[str, Organisation], doc: Doc, original: str, people: list[tuple[int, int]],
             taken: list[tuple[int, int]]) -> None:
    """spaCy's ORG spans that the gazetteer did not cover and that name an organisation."""
    text = doc_text(doc)
    source = doc._.article.source if doc._.article is not None else None
    for ent in doc.ents:
        if ent.label_ != "ORG":
            continue
        s, e = ent.start_char, ent.end_char
        if any(ks < e and s < ke for ks, ke in taken):
            continue
        inside = [ps for ps, pe in people if ps < e and s < pe]
        if inside:
            e = min(inside)  # "the National Assembly Tran Thanh Man": the name is a person's
        made = _from_ner(text, s, e, source)
        if made is None:
            continue
        name, country, s, e = made
        org = _absorb(orgs, name, country, original[s:e], (s, e))
        taken.append((s, e))
        if acr := ACRONYM_AFTER.match(text[e:e + 14]):
            acronym = acr.group("acr")
            if acronym not in org.aliases:
                org.aliases.append(acronym)
            _acronym_mentions(org, acronym, text, taken)


def find_organisations(doc: Doc) -> list[Organisation]:
    """The organisations of the article, in order of first mention."""
    text = doc_text(doc)
    original = doc._.article.text if doc._.article is not None else text
    people = sorted(span for p in doc._.people or [] for span in p.mentions)
    orgs: dict[str, Organisation] = {}
    taken = _add_known(orgs, text, original, people)
    _add_ner(orgs, doc, original, people, taken)
    for org in orgs.values():
        org.mentions.sort()
        org.aliases.sort(key=lambda a: (-len(a), a))
    return sorted(orgs.values(), key=lambda o: o.mentions[0])


@component("entente_organisations")
def organisations_component(doc: Doc) -> Doc:
    """Set doc._.organisations: the organisations of the article with aliases, country and mentions."""
    doc._.organisations = find_organisations(doc)
    return doc
