from __future__ import annotations

import pytest

from entente.dedup import NearDuplicates, shingles

from .conftest import DATA

ARTICLES = DATA / "articles"


def _body(name: str) -> str:
    return (ARTICLES / f"{name}.txt").read_text(encoding="utf-8").split(" ", 3)[-1]


YONHAP = _body("kor_usa_yonhap_01")


@pytest.mark.parametrize("variant", [
    YONHAP + "\n\nSeoul and Washington will hold their next strategic dialogue in the spring, officials added.",
    YONHAP.replace("(Yonhap)", "(Korea Herald)").replace("(END)", ""),
    "\n\n".join(YONHAP.split("\n\n")[:-2]),  # the closing paragraphs cut
    YONHAP.replace("25-minute call", "half-hour call").replace("Thursday", "Wednesday"),
])
def test_republished_wire_story_joins_the_group(variant):  # type: ignore[no-untyped-def]
    groups = NearDuplicates()
    assert groups.canonical_of("original", YONHAP) is None
    assert groups.canonical_of("copy", variant) == "original"


@pytest.mark.parametrize("other", ["ind_jpn_ani_01", "chn_phl_xinhua_01", "usa_mex_reuters_01", "tur_grc_aa_01"])
def test_different_stories_stay_apart(other):  # type: ignore[no-untyped-def]
    groups = NearDuplicates()
    groups.canonical_of("yonhap", YONHAP)
    assert groups.canonical_of(other, _body(other)) is None


def test_the_first_of_a_group_stays_canonical():  # type: ignore[no-untyped-def]
    groups = NearDuplicates()
    groups.load([("stored", YONHAP, None)])
    assert groups.canonical_of("b", YONHAP + "\n\nA trailing paragraph about something else entirely.") == "stored"
    assert groups.canonical_of("c", YONHAP.replace("Tuesday", "Monday")) == "stored"
    assert len(groups) == 3


def test_shingles_ignore_case_and_accents():  # type: ignore[no-untyped-def]
    assert shingles("Erdoğan met Mitsotakis in Athens on Monday") == shingles("ERDOGAN met mitsotakis in Athens on monday")
