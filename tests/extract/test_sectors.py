from __future__ import annotations

import re
from pathlib import Path

import pytest

from entente.extract.sectors import any_sector, patterns, sectors_of
from entente.records import SECTORS

DATA = Path(__file__).parent.parent / "data"
ARTICLES = sorted((DATA / "articles").glob("*.txt")) + sorted((DATA / "heldout" / "articles").glob("*.txt"))


def _lines(path: Path) -> list[str]:
    return [ln for ln in re.split(r"(?<=[.!?])\s+|\n", path.read_text(encoding="utf-8")) if ln.strip()]


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_a_text_the_combined_pattern_passes_over_names_no_sector(path: Path) -> None:
    for line in _lines(path):
        low = line.lower()
        if any_sector().search(low) is None:
            assert not any(rx.search(low) for rx in patterns().values()), line


@pytest.mark.parametrize("text,expected", [
    ("The two sides agreed to expand trade and investment in energy.", ["trade", "investment", "energy"]),
    ("They discussed the war in Ukraine at the Security Council.", []),
    ("Public security was not on the agenda; the ministers talked.", []),
    ("Nothing here at all.", []),
])
def test_sectors_of_names_the_sectors_in_the_specs_order(text: str, expected: list[str]) -> None:
    assert sectors_of(text) == [s for s in SECTORS if s in expected]
