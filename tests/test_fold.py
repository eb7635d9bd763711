from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from entente.fold import SHORT, _ascii_name, _key, ascii_name, fold_char, fold_preserving, key

DATA = Path(__file__).parent / "data"
ARTICLES = sorted((DATA / "articles").glob("*.txt")) + sorted((DATA / "heldout" / "articles").glob("*.txt"))


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_fold_preserving_folds_each_character_as_fold_char_does(path: Path) -> None:
    text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8")) + " Phạm Minh Chính – Đỗ “Łódź” ß"
    folded = fold_preserving(text)
    assert folded == "".join(fold_char(c) for c in text)
    assert len(folded) == len(text)


@pytest.mark.parametrize("text,expected", [
    ("Nguyễn Phú Trọng", "nguyen phu trong"),
    ("Đỗ, Việt-Nam!", "do viet nam"),
    ("  Recep  Tayyip Erdoğan's ", "recep tayyip erdogan s"),
    ("", ""),
    (None, ""),
])
def test_key_folds_case_accents_and_punctuation(text: str | None, expected: str) -> None:
    assert key(text) == expected
    assert key(text) == expected  # the second call is answered from the cache


@pytest.mark.parametrize("path", ARTICLES[:3], ids=lambda p: p.stem)
def test_remembered_keys_and_names_equal_computed_ones(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    words = text.split() + [" ".join(text.split()[i:i + 4]) for i in range(0, 200, 4)] + [text[:SHORT + 20], text]
    for w in words:
        assert key(w) == _key(w)
        assert ascii_name(w) == _ascii_name(w)
