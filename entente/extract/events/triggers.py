"""Finding triggers: the words of a sentence that may tell an event, read from the trigger lexicon
(entente/data/triggers.json, then the triggers generated from the field's verb dictionary), and
the triggers that tell no event of their own beside another one in the sentence."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from spacy.tokens import Span, Token

GENERIC_NOUNS = {"meeting", "visit", "discussion", "call", "summit", "trip", "exchange", "contact"}


@dataclass(frozen=True)
class Trigger:
    lemma: str
    type: str
    mode: str | None
    pos: str | None
    with_: tuple[str, ...]
    needs_person: int
    needs_person_object: bool
    needs_no_infinitive: bool = False
    with_in_phrase: bool = False
    no_person_object: bool = False
    with_in_object: bool = False


@dataclass(frozen=True)
class Lexicon:
    triggers: dict[str, tuple[Trigger, ...]]
    light_verbs: frozenset[str]
    planned: tuple[str, ...]
    proposed: tuple[str, ...]
    negation: tuple[str, ...]
    consult_modes: dict[str, str] = field(default_factory=dict)
    aid_modes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    hypothetical: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = json.loads(resources.files("entente.data").joinpath("triggers.json").read_text(encoding="utf-8"))
    # the triggers generated from the field's verb dictionary come after the hand-kept ones
    generated = json.loads(resources.files("entente.data").joinpath("triggers_cameo.json").read_text(encoding="utf-8"))
    by_lemma: dict[str, list[tuple[bool, Trigger]]] = {}  # (generated, entry)
    hand = len(data["triggers"])
    for n, t in enumerate(data["triggers"] + generated["triggers"]):
        trig = Trigger(t["lemma"], t["type"], t.get("mode"), t.get("pos"), tuple(t.get("with", ())),
                       int(t.get("needs_person", 0)), bool(t.get("needs_person_object", False)),
                       bool(t.get("needs_no_infinitive", False)), bool(t.get("with_in_phrase", False)),
                       bool(t.get("no_person_object", False)), bool(t.get("with_in_object", False)))
        by_lemma.setdefault(t["lemma"], []).append((n >= hand, trig))
    # the hand-kept entries first, and in each file an entry that wants words near it before a bare
    # one: "withdrew its ambassador" is a sanction before "withdrew" is a retreat (a stable sort
    # keeps each file's order among equals)
    ordered = {k: [t for _g, t in sorted(v, key=lambda gt: (gt[0], not gt[1].with_))] for k, v in by_lemma.items()}
    return Lexicon({k: tuple(v) for k, v in ordered.items()}, frozenset(data["light_verbs"]),
                   tuple(data["planned_cues"]), tuple(data["proposed_cues"]), tuple(data["negation_cues"]),
                   dict(data.get("consult_mode_modifiers", {})),
                   {mode: tuple(words) for mode, words in data.get("aid_modes", {}).items()},
                   tuple(data.get("hypothetical_cues", ())))


def match_triggers(tok: Token) -> list[Trigger]:
    """The lexicon entries `tok` may realise, in lexicon order, checking part of speech and
    required neighbours; the first whose participants fit is used."""
    lex = lexicon()
    lemma = tok.lemma_.lower()
    found: list[Trigger] = []
    if lemma == "ask" and tok.tag_ == "VBN" and not any(c.dep_.startswith("nsubj") for c in tok.children):
        return found  # "Asked whether ...": a journalist's question, not a request
    for cand in lex.triggers.get(lemma, ()) + lex.triggers.get(tok.lower_, ()):
        if cand.pos and tok.pos_ != cand.pos and not (cand.pos == "VERB" and tok.pos_ == "AUX"):
            continue
        if cand.with_ and cand.with_in_object:
            # "recalled its ambassador", "closed the border to": a word of the verb's objects
            if not {t.lemma_.lower() for t in _objects(tok)} & set(cand.with_):
                continue
        elif cand.with_:
            near = {t.lemma_.lower() for t in tok.children} | {t.lower_ for t in tok.children}
            near |= {g.lemma_.lower() for c in tok.children if c.dep_ in ("prep", "agent") for g in c.children}
            near |= {tok.head.lemma_.lower()} | {t.lower_ for t in tok.doc[max(0, tok.i - 3):tok.i + 4]}
            near |= {t.lemma_.lower() for t in tok.head.children}
            if cand.with_in_phrase:  # "provide the navy with coastal radar systems"
                near |= {t.lemma_.lower() for t in tok.subtree if t.i - tok.i <= 12}
            if not near & set(cand.with_):
                continue
        found.append(cand)
    return found


def _objects(tok: Token) -> list[Token]:
    """The words of a verb's objects and prepositional phrases, up to 12 tokens after it."""
    return [t for c in tok.children if c.dep_ in ("dobj", "dative", "prep", "xcomp", "prt", "attr", "oprd")
            and c.i > tok.i for t in c.subtree if t.i - tok.i <= 12]


def sentence_triggers(sent: Span) -> list[tuple[Token, list[Trigger]]]:
    """Every token of the sentence that realises a lexicon entry, with the entries it may realise."""
    return [(t, m) for t in sent if (m := match_triggers(t))]


@dataclass(frozen=True)
class Neighbours:
    """The sentence's triggers of the kinds that absorb another: an aid pledged, a threat, an
    agreement named by its text, a summons."""

    aid: set[int] = field(default_factory=set)
    threat: set[int] = field(default_factory=set)
    agreement: set[int] = field(default_factory=set)
    summons: set[int] = field(default_factory=set)


def neighbours(triggers: list[tuple[Token, list[Trigger]]]) -> Neighbours:
    return Neighbours({t.i for t, m in triggers if m[0].type == "AID"},
                      {t.i for t, m in triggers if m[0].type == "THREATEN"},
                      {t.i for t, m in triggers if m[0].type == "AGREE" and t.pos_ == "NOUN"},
                      {t.i for t, m in triggers if m[0].type == "PROTEST" and m[0].mode == "diplomatic"})


def tells_no_event(tok: Token, candidates: list[Trigger], near: Neighbours) -> bool:
    """Whether the trigger is part of another trigger's event, or speaks of no one happening."""
    return _generic_plural(tok) or _pledging_aid(tok, candidates, near.aid) or _threatened(tok, near.threat) \
        or _signing_named_text(tok, candidates, near.agreement) or _purpose_of_summons(tok, near.summons) \
        or _in_protest(tok)


def _generic_plural(tok: Token) -> bool:
    """'meetings and discussions between the leaders' speaks of no one happening."""
    return tok.tag_ == "NNS" and tok.lemma_.lower() in GENERIC_NOUNS


def _pledging_aid(tok: Token, candidates: list[Trigger], aid_ids: set[int]) -> bool:
    """'Japan pledged to provide radars': the pledge is the aid, not an agreement of its own."""
    return candidates[0].type == "AGREE" and any(c.dep_ == "xcomp" and c.i in aid_ids for c in tok.children)


def _threatened(tok: Token, threat_ids: set[int]) -> bool:
    """'threatened to impose tariffs': the sanction is what is threatened, not an event of its own."""
    verb = tok.head if tok.pos_ == "NOUN" and tok.dep_ == "dobj" else tok
    return verb.dep_ == "xcomp" and verb.head.i in threat_ids


def _purpose_of_summons(tok: Token, summons_ids: set[int]) -> bool:
    """'summoned the envoy to protest', '... to lodge a complaint': the summons is the protest."""
    return tok.dep_ in ("advcl", "xcomp") and tok.head.i in summons_ids and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _in_protest(tok: Token) -> bool:
    """'recalled their ambassadors in protest of the incident': why they acted, no protest of its own."""
    return tok.lemma_.lower() == "protest" and tok.dep_ == "pobj" and tok.head.lower_ == "in"


def _signing_named_text(tok: Token, candidates: list[Trigger], agreement_ids: set[int]) -> bool:
    """'signed a joint declaration': one agreement, told by its text ('declaration', 'treaty'),
    not a second one for the verb."""
    return candidates[0].type == "AGREE" and tok.pos_ == "VERB" and any(
        c.dep_ == "dobj" and c.i in agreement_ids for c in tok.children)
