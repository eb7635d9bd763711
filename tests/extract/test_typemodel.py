"""The learned PLOVER type classifier: shipped in the package, right on real sentences, rebuilt the same."""

from __future__ import annotations

import fnmatch
import sys
import tomllib
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc, Span

from entente.extract.typemodel import MODEL_DIR, NONE, classify_texts, features, load_model

ROOT = Path(__file__).resolve().parents[2]


def test_model_files_are_package_data() -> None:
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["entente"]
    files = [p.relative_to(ROOT / "entente").as_posix() for p in MODEL_DIR.rglob("*") if p.is_file()]
    assert files, f"no model files under {MODEL_DIR}"
    unshipped = [f for f in files if not any(fnmatch.fnmatch(f, pat) and f.count("/") == pat.count("/") for pat in patterns)]
    assert unshipped == []


def test_model_loads_from_the_package_with_every_type() -> None:
    model = load_model()
    labels = set(model.types.get_pipe("types").labels)
    assert len(labels) == 17 and NONE in labels and {"ASSAULT", "RETREAT", "CONCEDE", "MOBILIZE"} <= labels
    assert load_model() is model  # loaded once per process


def test_features_mask_named_entities_and_drop_punctuation() -> None:
    nlp = spacy.blank("en")
    doc = Doc(nlp.vocab, words=["Russian", "troops", "shelled", "Kharkiv", "on", "Monday", "."],
              lemmas=["Russian", "troop", "shell", "Kharkiv", "on", "Monday", "."])
    doc.ents = [Span(doc, 0, 1, "NORP"), Span(doc, 3, 4, "GPE"), Span(doc, 5, 6, "DATE")]
    assert features(doc) == ["NORP", "troop", "shell", "GPE", "on", "DATE"]


# sentences of tests/data/real/dev articles (part of its training data) and the type of their gold event
REAL_DEV = [
    ("Mali accused Algeria of shooting down one of its drones over its territory last week.", "ACCUSE"),
    ("The French president began Thursday afternoon a three-day official visit to Algeria at the head of a delegation.",
     "CONSULT"),
    ("Baghdad had also recalled its charge d'affaires in Sweden.", "SANCTION"),
    ("Ankara has also threatened to launch a ground offensive in northern Iraq.", "THREATEN"),
    ("China has detained at least 17 Japanese nationals for alleged espionage since 2015, according to Kyodo News.",
     "COERCE"),
    ("Kenyan and Ethiopian troops have been deployed in Jubbaland to create a buffer as a buffer zone against militant "
     "group al-Shabab.", "MOBILIZE"),
    ("The war in Afghanistan is over for the armed forces of Canada, which will pull out all of its remaining personnel "
     "before the end of the year.", "RETREAT"),
]


@pytest.mark.slow
def test_real_dev_sentences_get_their_gold_type(nlp) -> None:  # type: ignore[no-untyped-def]
    guesses = classify_texts([text for text, _ in REAL_DEV], nlp)
    assert [g.type for g in guesses] == [type_ for _, type_ in REAL_DEV]
    assert all(g.score >= 0.6 for g in guesses)


@pytest.mark.slow
def test_training_on_a_tiny_subset_runs_and_reproduces(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import train_types
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    for out in ("a", "b"):
        train_types.main(["--limit", "120", "--epochs", "1", "--out", str(tmp_path / out)])
    for name in ("types/types/model", "modes/modes/model"):
        first, second = (tmp_path / "a" / name).read_bytes(), (tmp_path / "b" / name).read_bytes()
        assert first == second
    model = load_model(str(tmp_path / "a"))
    assert set(model.types.get_pipe("types").labels) >= {"ASSAULT", NONE}
