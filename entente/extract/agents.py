"""Actors that are not people: states ("Russia", "Moscow" as its government), organisations ("the
Ministry of Foreign Affairs of Russia") and groups of a country ("Pakistani forces", "Kenyan
police", "the Tajik side", "Iraqi protesters"), each with its country and a sector code.

The agent nouns and their sectors are data (entente/data/agents.json, generated from PETRARCH2's
agents dictionary by scripts/build_agents.py). A group counts only with its country, which the
phrase gives by a demonym, a country's name or a possessive ("Iraq's army").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Span, Token

from entente import gazetteer
from entente.extract.organisations import Organisation, _country_name, _normalise
from entente.fold import key

# sectors whose bodies are organisations of a state; the others are groups of people
ORG_SECTORS = frozenset({"GOV", "LEG", "JUD", "IGO"})
# nouns standing for the state itself: "the Tajik side", "the Iraqi government"
STATE_NOUNS = frozenset({"side", "government", "state", "authority", "authorities", "regime", "country", "nation"})
MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod"})
POSSESSIVE = re.compile(r"\s*(?:'s|’s|')$")
LEADING_THE = re.compile(r"^[Tt]he\s+")


@dataclass(frozen=True)
class Agent:
    """A state, organisation or group acting or acted upon."""

    name: str
    type: str  # GPE, ORG or GROUP
    country: str | None
    sector: str | None
    start: int
    end: int


@lru_cache(maxsize=1)
def lexicon() -> dict[str, str]:
    """Agent noun phrase (lower case) -> sector code."""
    data = json.loads(resources.files("entente.data").joinpath("agents.json").read_text(encoding="utf-8"))
    return dict(data["agents"])


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    return {key(c.capital): iso for iso, c in gazetteer.load().countries.items() if c.capital}


def state_of(tok: Token) -> str | None:
    """The state a single token names: a country's name or demonym, or its capital as a proper noun."""
    gaz = gazetteer.load()
    if tok.pos_ in ("PROPN", "ADJ", "NOUN") and (iso := gaz.country_of(tok.text)):
        return iso
    if tok.pos_ == "PROPN" and (iso := _capitals().get(key(tok.text))) is not None:
        return iso
    return None


def _entity_state(tok: Token) -> tuple[str, int, int] | None:
    """The state a multi-word GPE or NORP entity holding `tok` names ('New Zealand', 'the United States')."""
    if not tok.ent_type_:  # whatever its label: the tagger takes "Burkina Faso" for a person at times
        return None
    ent = entity_span(tok)
    name = POSSESSIVE.sub("", LEADING_THE.sub("", ent.text))  # "North Korea's", "the United States"
    # a capital of several words stands for its government too: "Buenos Aires sent a note"
    iso = gazetteer.load().country_of(name) or _capitals().get(key(name))
    return (iso, ent.start_char, ent.end_char) if iso else None


def entity_span(tok: Token) -> Span:
    """The named entity a token lies in, read from the tokens around it (not by scanning the
    article's entities, which a long article has thousands of)."""
    doc = tok.doc
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def _token_state(tok: Token) -> str | None:
    found = _entity_state(tok)
    return found[0] if found else state_of(tok)


def agent_sector(tok: Token) -> tuple[str, str] | None:
    """The agent phrase a noun heads, as written, and its sector: 'border guards' -> ('border
    guards', 'MIL'), 'foreign ministry' -> ('foreign ministry', 'GOV'); the longest phrase of its
    compounds first."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    lex = lexicon()
    lemma = tok.lemma_.lower()
    words = [c.lower_ for c in tok.children if c.dep_ == "compound" and c.i < tok.i and _token_state(c) is None]
    words += [c.lower_ for c in tok.children if c.dep_ == "amod" and c.i < tok.i and _token_state(c) is None
              and c.lower_ in ("foreign", "armed", "military", "naval", "security", "border", "interior")]
    for n in range(len(words), -1, -1):
        for form in (lemma, tok.lower_):
            phrase = " ".join([*words[len(words) - n:], form])
            if phrase in lex:
                return " ".join([*words[len(words) - n:], tok.lower_]), lex[phrase]
    return None


def org_sector(name: str) -> str | None:
    """An organisation's sector from the agent nouns of its name before any 'of': 'Ministry of
    Foreign Affairs of Russia' is GOV, 'Border Police of Afghanistan' POL."""
    words = name.lower().split(" of ")[0].split()
    lex = lexicon()
    for n in range(len(words), 0, -1):
        for i in range(len(words) - n + 1):
            if (sector := lex.get(" ".join(words[i:i + n]))) is not None:
                return sector
    return None


def _country_of_group(head: Token) -> str | None:
    """The country a group's head noun is said to be of: 'Pakistani forces', "Iraq's army",
    'the army of Iraq', 'forces from Rwanda'. 'Its ambassador from Bolivia' is of no country the
    phrase names."""
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in head.children):
        return None
    for c in head.children:
        if c.dep_ in MODIFIER_DEPS and (iso := _token_state(c)) is not None:
            return iso
        if c.dep_ == "prep" and c.lower_ in ("of", "from"):
            for g in c.children:
                if g.dep_ == "pobj" and (iso := _token_state(g)) is not None:
                    return iso
    return None


def _named_before(tok: Token, orgs: list[Organisation]) -> Organisation | None:
    """The national organisation whose name holds a definite head noun ('the ministry', 'the
    army') and that the article mentioned last before it."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return None
    noun = tok.lemma_.lower()
    before = [(s, o) for o in orgs if o.country and noun in o.name.lower().split() for s, _e in o.mentions
              if s < tok.idx]
    return max(before, key=lambda so: so[0])[1] if before else None


def _org_at(tok: Token, orgs: list[Organisation]) -> Organisation | None:
    return next((o for o in orgs if any(s <= tok.idx < e for s, e in o.mentions)), None)


def _group_name(phrase: str, iso: str, sector: str) -> str:
    """'police of Kenya', 'Ministry of Foreign Affairs of Russia'."""
    if sector in ORG_SECTORS and phrase.endswith("ministry"):
        return f"{_normalise(phrase.title())} of {_country_name(iso)}"
    return f"{phrase} of {_country_name(iso)}"


def agents_in(tokens: list[Token], orgs: list[Organisation], qualifying: frozenset[int] = frozenset()) -> list[Agent]:
    """The states, organisations and groups a phrase names, in order. A state that only
    qualifies a group or organisation ('Pakistani forces', "Iraq's foreign ministry") is that
    body's country, not an actor of its own."""
    gaz = gazetteer.load()
    found: list[Agent] = []
    ids = {t.i for t in tokens}
    used: set[int] = set()
    for tok in tokens:
        if tok.i in used or tok.i in qualifying:
            continue
        if (org := _org_at(tok, orgs)) is not None:
            used |= {t.i for t in tokens if _org_at(t, [org]) is org}
            found.append(Agent(org.name, "ORG", org.country, org_sector(org.name), tok.idx, tok.idx + len(tok)))
            continue
        if tok.dep_ not in ("compound", "amod") and _entity_state(tok) is None and \
                (agent := agent_sector(tok)) is not None:  # "the United Kingdom" is no kingdom of its own
            phrase, sector = agent
            iso = _country_of_group(tok)
            if iso is None:
                # "the ministry said": the body of that name the article named last
                if (named := _named_before(tok, orgs)) is not None:
                    found.append(Agent(named.name, "ORG", named.country, org_sector(named.name), tok.idx,
                                       tok.idx + len(tok)))
                continue
            used |= {t.i for c in tok.children if c.dep_ in MODIFIER_DEPS for t in c.subtree}
            start = min([tok.idx, *(c.idx for c in tok.children if c.dep_ in MODIFIER_DEPS and c.i in ids)])
            if tok.lemma_.lower() in STATE_NOUNS:
                found.append(Agent(gaz.countries[iso].name, "GPE", iso, "GOV", start, tok.idx + len(tok)))
            else:
                kind = "ORG" if sector in ORG_SECTORS else "GROUP"
                found.append(Agent(_group_name(phrase, iso, sector), kind, iso, sector, start, tok.idx + len(tok)))
            continue
        if tok.pos_ == "PROPN" or tok.ent_type_:
            held = _entity_state(tok)
            iso = held[0] if held else state_of(tok)
            if iso is None or tok.pos_ not in ("PROPN", "NOUN"):
                continue
            if tok.dep_ in ("compound", "amod", "poss", "nmod") and agent_sector(tok.head) is not None:
                continue  # "Pakistan's foreign ministry": the ministry acts
            if held:
                used |= {t.i for t in tokens if held[1] <= t.idx < held[2]}
            found.append(Agent(gaz.countries[iso].name, "GPE", iso, "GOV", tok.idx, tok.idx + len(tok)))
    unique: list[Agent] = []
    for a in found:
        if all(a.name != b.name for b in unique):
            unique.append(a)
    return unique


def phrase_agents(tokens: list[Token], orgs: list[Organisation]) -> list[Agent]:
    """The agents a noun phrase (a subject) stands for: its head and the heads coordinated with it,
    with what qualifies them, never a state named inside a phrase about something else ('Direct
    flights between Russia and Georgia' are no state's act; 'Mali, Niger and Burkina Faso' are
    three states)."""
    ids = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in ids or t.head.i == t.i]
    heads += [c for h in heads for c in h.conjuncts if c.i in ids and c not in heads]
    keep: set[int] = set()
    qualifying: set[int] = set()  # "forces from Rwanda": the group's country, no actor of its own
    for h in heads:
        keep.add(h.i)
        for c in h.children:
            if c.dep_ in MODIFIER_DEPS:
                keep |= {t.i for t in c.subtree}
            elif c.dep_ == "prep" and c.lower_ in ("of", "from") and agent_sector(h) is not None:
                qualifying |= {t.i for t in c.subtree}
        # the rest of a name of several words: "Burkina Faso", "the United States"
        if h.ent_type_:
            keep |= {t.i for t in entity_span(h) if t.i in ids}
    return agents_in([t for t in tokens if t.i in keep | qualifying], orgs, frozenset(qualifying))


def stateless_agents(tokens: list[Token]) -> list[Agent]:
    """The groups and bodies a subject names with no state of theirs ('Police detained ...',
    'Gunmen opened fire', 'Thousands of workers went on strike'): each agent noun heading the
    phrase (or counted by it), with its sector and no country."""
    ids = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in ids or t.head.i == t.i]
    heads += [c for h in heads for c in h.conjuncts if c.i in ids and c not in heads]
    # "thousands of workers", "a group of ecologists": the group counted
    heads += [p for h in list(heads) if agent_sector(h) is None for c in h.children
              if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj" and p.i in ids]
    found: list[Agent] = []
    for h in heads:
        if (agent := agent_sector(h)) is not None and all(a.name != agent[0] for a in found):
            phrase, sector = agent
            found.append(Agent(phrase, "ORG" if sector in ORG_SECTORS else "GROUP", None, sector, h.idx, h.idx + len(h)))
    return found
