"""Typing a trigger: which of its lexicon entries the participants found suit (its PLOVER type)
and the mode its words refine. `decide_type` is the one place the type is decided."""

from __future__ import annotations

from spacy.tokens import Token

from entente.extract.events.persons import PersonIndex
from entente.extract.events.triggers import Trigger, lexicon

PHONE_WORDS = {"phone", "telephone", "video", "videoconference", "virtual", "virtually", "online", "videolink"}


def decide_type(tok: Token, candidates: list[Trigger], actors: list[int], targets: list[int],
                index: PersonIndex, region: list[Token]) -> tuple[Trigger, str | None] | None:
    """The entry the trigger realises and the event's mode, or None when no entry fits: the first
    entry (in lexicon order) whose participants fit, its mode refined for meetings and aid."""
    trig = next((c for c in candidates if _fits(c, tok, actors, targets, index)), None)
    if trig is None:
        return None
    mode = _consult_mode(tok, trig, index) if trig.type == "CONSULT" else \
        _aid_mode(region) if trig.type == "AID" and trig.mode is None else trig.mode
    return trig, mode


def _fits(trig: Trigger, tok: Token, actors: list[int], targets: list[int], index: PersonIndex) -> bool:
    """Whether the participants found suit the entry: 'called on PM Modi' is a meeting,
    'called on Tokyo to act' a request, 'welcomed Albanese' a greeting rather than support."""
    if trig.needs_person_object and not targets:
        return False
    if trig.no_person_object and any(c.dep_ in ("dobj", "nsubjpass") and index.at(c) is not None
                                     for c in tok.children):
        return False
    if trig.needs_no_infinitive and any(c.dep_ in ("xcomp", "ccomp") for c in tok.children):
        return False
    return len(actors) + len(targets) >= trig.needs_person


def _consult_mode(tok: Token, trig: Trigger, index: PersonIndex) -> str | None:
    """A meeting's mode, refined by its words: 'a phone call' is a call, 'a trilateral meeting'
    multilateral, 'a summit with X' or 'a bilateral summit' a meeting of two."""
    if trig.mode == "meet" and _by_phone(tok):
        return "call"
    modifiers = lexicon().consult_modes
    said = [modifiers[c.lower_] for c in tok.children if c.dep_ in ("amod", "compound") and c.lower_ in modifiers]
    if said and trig.mode in ("meet", "multilateral", "call"):  # "a courtesy call on X" is a meeting
        return said[0]
    if trig.mode == "multilateral" and tok.pos_ == "NOUN" and any(
            c.dep_ == "prep" and c.lower_ == "with" and any(index.at(w) is not None for w in c.subtree)
            for c in tok.children):
        return "meet"
    return trig.mode


def _aid_mode(region: list[Token]) -> str | None:
    """What kind of aid: the first of humanitarian, military, economic whose words the phrase has."""
    words = {t.lemma_.lower() for t in region} | {t.lower_ for t in region}
    return next((mode for mode, cues in lexicon().aid_modes.items() if words & set(cues)), None)


def _by_phone(tok: Token) -> bool:
    """'phone talks', 'spoke by telephone', 'held a video call': a call, not a meeting."""
    window = tok.doc[max(tok.sent.start, tok.i - 3):min(tok.sent.end, tok.i + 5)]
    return any(t.lower_ in PHONE_WORDS for t in [*tok.children, *window])
