from __future__ import annotations

import re
from pathlib import Path

import pytest

from entente.extract import lexicon
from entente.extract.lexicon import _alt, load
from entente.fold import fold_preserving

DATA = Path(__file__).parent.parent / "data"
WORDS = ["A", "An", "Afghan", "Albanian", "al", "Act", "act", "ACT", "I", "In", "Its", "It", "Minister",
         "minister", "Ministers", "Min.", "Sept", "Sep", "September", "O'Neill", "&", "3rd"]
TEXTS = ["An Albanian Act of the Ministers, act now: ACT. It Its In I al-Sisi Sept. Sep 3rd & O'Neill",
         "the minister and the MINISTER met; Min. X spoke to Afghans in September"]


def _flat(words: list[str]) -> str:
    uniq = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w) for w in uniq) + ")"


@pytest.mark.parametrize("words", [WORDS, [w for w in WORDS if w[0].isalnum()], ["Minister", "Ministers", "Min"]])
@pytest.mark.parametrize("flags", [0, re.I])
@pytest.mark.parametrize("template", [r"\b{}\b", r"{}(?:[ ]of)?\b", r"(?:the[ ])?{}s?[ ][A-Z]\w+"])
def test_grouped_alternation_matches_what_the_flat_one_does(words: list[str], flags: int, template: str) -> None:
    grouped = re.compile(template.format(_alt(words)), flags)
    flat = re.compile(template.format(_flat(words)), flags)
    for text in TEXTS:
        assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in flat.finditer(text)]


def test_patterns_built_grouped_find_what_flat_ones_find_in_the_test_articles(
        monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [fold_preserving(p.read_text(encoding="utf-8")) for p in sorted((DATA / "articles").glob("*.txt"))]
    grouped = load()
    monkeypatch.setattr(lexicon, "_alt", _flat)
    load.cache_clear()
    try:
        flat = load()
    finally:
        load.cache_clear()
    for name in ("anchor", "honorific_anchor", "head_split"):
        for text in texts:
            assert [(m.span(), m.groupdict()) for m in getattr(grouped, name).finditer(text)] == \
                   [(m.span(), m.groupdict()) for m in getattr(flat, name).finditer(text)], name
    for text in texts:
        for start in range(0, len(text), 11):
            window = text[start:start + 200]
            for name in ("appositive", "leading_junk", "coordinated"):
                a, b = getattr(grouped, name).match(window), getattr(flat, name).match(window)
                assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict())), name
