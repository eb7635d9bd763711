"""The learned type classifier in event reading (issue 19, item 3): the rules find the arguments;
the classifier (entente/extract/typemodel.py), when sure of a sentence's type, picks that type
among a trigger's lexicon entries, and tells an event where the rules found none in a sentence
whose participants they can name. Switched by the settings `type_model`, `type_model_pick` and
`type_model_add` (entente/config.py)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from entente.config import get_settings
from entente.extract.events.context import Sentence
from entente.extract.events.persons import REPORTING_VERBS
from entente.extract.events.phrases import region_of, token_at
from entente.extract.events.triggers import Trigger, lexicon
from entente.extract.typemodel import TypeGuess, classify_spans
from entente.records import MODES

# the classifier reads only sentences that name someone who can act: the rules find no event elsewhere
ACTOR_LABELS = {"GPE", "NORP", "PERSON", "ORG"}


def sentence_guesses(doc: Doc) -> dict[int, TypeGuess]:
    """The classifier's type guess (without mode) for each sentence that names a state, people,
    person or organisation and holds a word of the trigger lexicon, by the sentence's first token;
    none when the setting `type_model` is off. One batch per article."""
    if not get_settings().type_model:
        return {}
    every = list(doc.sents)
    starts = [s.start for s in every]
    named = sorted({bisect_right(starts, e.start) - 1 for e in doc.ents if e.label_ in ACTOR_LABELS})
    lex = lexicon().triggers
    sents = [every[i] for i in named
             if any(t.pos_ in ("VERB", "NOUN") and (t.lemma_.lower() in lex or t.lower_ in lex) for t in every[i])]
    return {s.start: g for s, g in zip(sents, classify_spans(sents, modes=False), strict=True)} if sents else {}


def prefer(candidates: list[Trigger], guess: TypeGuess | None) -> list[Trigger]:
    """The trigger's lexicon entries with the classifier's type first when it is sure of it and the
    lexicon offers it ('called on X' a meeting or a request); otherwise as they are."""
    if guess is None or guess.type is None or guess.score < get_settings().type_model_pick:
        return candidates
    if candidates[0].type == guess.type or all(c.type != guess.type for c in candidates):
        return candidates
    return [c for c in candidates if c.type == guess.type] + [c for c in candidates if c.type != guess.type]


def model_trigger(s: Sentence, guess: TypeGuess | None) -> tuple[Token, Trigger] | None:
    """A trigger for the event the classifier is sure the sentence tells where the rules read none:
    a word the lexicon gives that type (whose conditions the rules found unmet), else, with the
    setting `type_model_main_verb`, the sentence's main verb (past a verb of saying); its region and
    times registered in the sentence. None when the classifier is not sure or no word fits."""
    settings = get_settings()
    if guess is None or guess.type is None or guess.score < settings.type_model_add:
        return None
    tok = _lexicon_word(s.sent, guess.type) or (_main_verb(s.sent) if settings.type_model_main_verb else None)
    if tok is None:
        return None
    entry = next((t for t in lexicon().triggers.get(tok.lemma_.lower(), ()) if t.type == guess.type), None)
    mode = entry.mode if entry is not None else _learned_mode(s.sent, guess.type)
    trig = Trigger(tok.lemma_.lower(), guess.type, mode, None, (), 0, False)
    s.regions[tok.i] = region_of(tok, s.others(tok))
    s.claimed[tok.i] = {t.start for t in s.times if token_at(s.sent.doc, t.start) in {w.i for w in s.regions[tok.i]}}
    return tok, trig


def _learned_mode(sent: Span, type_: str) -> str | None:
    """The classifier's mode for the sentence when it is the mode of `type_` it is surest of."""
    (moded,) = classify_spans([sent])
    return moded.mode if moded.type == type_ and moded.mode in MODES and moded.mode_score >= 0.5 else None


def _lexicon_word(sent: Span, type_: str) -> Token | None:
    lex = lexicon().triggers
    return next((t for t in sent if t.pos_ in ("VERB", "NOUN")
                 and any(e.type == type_ for e in (*lex.get(t.lemma_.lower(), ()), *lex.get(t.lower_, ())))), None)


def _main_verb(sent: Span) -> Token | None:
    """The sentence's root verb, or for 'X said Y did' the verb of what was said."""
    root = sent.root
    if root.lemma_.lower() in REPORTING_VERBS:
        said = _first(c for c in root.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX"))
        return said
    return root if root.pos_ in ("VERB", "NOUN") else None


def _first(tokens: Iterable[Token]) -> Token | None:
    return next(iter(tokens), None)
