"""The learned PLOVER type classifier (issue 19, item 3): a bag-of-ngrams spaCy text classifier that
reads one sentence and gives a probability to each of the sixteen PLOVER types and NONE (no
event), and to their modes. It is trained by scripts/train_types.py on sentences written per type and mode
(training/types/) and real sentences, and shipped in entente/data/models/types; nothing is
downloaded. It reads a sentence the parser has already seen: lower-cased lemmas, with named
entities, numbers and dates replaced by their label, so "Russian troops shelled Kharkiv" and
"Israeli forces shell Gaza" look alike to it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from entente.errors import EntenteError

MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "models" / "types"
TYPES_PIPE = "types"
MODES_PIPE = "modes"
NONE = "NONE"
NO_MODE = "mode:-"
# the share of the probability above which the extractor trusts a guess: on held-out real sentences
# about three in four of the guesses this sure are right (scripts/train_types.py reports it)
CONFIDENT = 0.6
# entity labels the classifier sees in place of the words: the actor's name says nothing of the type
MASKED = {"GPE", "PERSON", "NORP", "ORG", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY",
          "ORDINAL", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART", "LANGUAGE"}


@dataclass(frozen=True)
class TypeGuess:
    """The classifier's reading of one sentence: the best type (None: no event) and its probability,
    every type's probability, and the likeliest mode of that type with its probability."""

    type: str | None
    score: float
    scores: dict[str, float]
    mode: str | None = None
    mode_score: float = 0.0


def features(tokens: Iterable[object]) -> list[str]:
    """The words the classifier reads for parsed tokens: lower-cased lemmas, entity labels for
    named entities (one per entity), punctuation dropped."""
    words: list[str] = []
    for tok in tokens:
        ent = getattr(tok, "ent_type_", "")
        if ent in MASKED:
            if getattr(tok, "ent_iob_", "") != "I" or not words or words[-1] != ent:
                words.append(ent)
            continue
        if getattr(tok, "is_punct", False) or getattr(tok, "is_space", False):
            continue
        lemma = getattr(tok, "lemma_", "") or getattr(tok, "text", "")
        words.append(lemma.lower())
    return words or ["<empty>"]


@dataclass(frozen=True)
class TypeModel:
    """The two classifiers: `types` (the sixteen types and NONE) and `modes` ("mode:TYPE:mode")."""

    types: Language
    modes: Language


def _load(path: Path) -> Language:
    try:
        return spacy.load(path)
    except OSError as exc:
        raise EntenteError(f"no type classifier at {path}: run `make train` to build it") from exc


@lru_cache(maxsize=2)
def load_model(path: str = str(MODEL_DIR)) -> TypeModel:
    """The classifiers saved under `path` (the packaged ones by default), loaded once per process."""
    return TypeModel(_load(Path(path) / TYPES_PIPE), _load(Path(path) / MODES_PIPE))


def guess(types: Doc, modes: Doc | None = None) -> TypeGuess:
    """The type (None for no event) and mode that the classifiers' scores point to."""
    scores = {label: float(score) for label, score in types.cats.items()}
    best = max(scores, key=scores.__getitem__) if scores else NONE
    mode, mode_score = None, 0.0
    prefix = f"mode:{best}:"
    options = {label[len(prefix):]: float(s) for label, s in (modes.cats if modes else {}).items() if label.startswith(prefix)}
    if options:
        mode = max(options, key=options.__getitem__)
        mode_score = options[mode]
    return TypeGuess(None if best == NONE else best, scores.get(best, 0.0), scores, mode, mode_score)


def classify_words(words: Sequence[list[str]], model: TypeModel | None = None, batch_size: int = 256,
                   modes: bool = True) -> list[TypeGuess]:
    """One guess per sentence given as the words `features` made of it; without `modes` the
    guesses have no mode (half the work)."""
    model = model or load_model()
    types = model.types.pipe((Doc(model.types.vocab, words=w) for w in words), batch_size=batch_size)
    if not modes:
        return [guess(t) for t in types]
    moded = model.modes.pipe((Doc(model.modes.vocab, words=w) for w in words), batch_size=batch_size)
    return [guess(t, m) for t, m in zip(types, moded, strict=True)]


def classify_spans(spans: Sequence[Span], model: TypeModel | None = None, modes: bool = True) -> list[TypeGuess]:
    """One guess per parsed sentence (spans of a Doc that went through the tagger, lemmatizer and NER)."""
    return classify_words([features(span) for span in spans], model, modes=modes)


def classify_texts(texts: Sequence[str], parser: Language, model: TypeModel | None = None) -> list[TypeGuess]:
    """One guess per text, each read as one sentence: `parser` (spaCy's English model) lemmatises it."""
    parsed = parser.pipe(texts, disable=[p for p in parser.pipe_names if p not in {"tok2vec", "tagger", "attribute_ruler",
                                                                                   "lemmatizer", "ner"}])
    return classify_spans([doc[:] for doc in parsed], model)
