"""Every state an event involves (entente/extract/events/output.py): the other side of a two-state story."""

from __future__ import annotations

import pytest

from entente.clean import clean
from entente.config import get_settings
from entente.extract.pipeline import extract
from entente.ingest import read_one

from ...conftest import DATA

pytestmark = pytest.mark.slow
DEV = DATA / "real" / "dev" / "articles"


def _countries(doc_id: str, needle: str, nlp) -> list[str]:  # type: ignore[no-untyped-def]
    rec = extract(clean(read_one(DEV / f"{doc_id}.txt", get_settings())), nlp)
    return next(e.countries for e in rec.events if needle in e.evidence.text)


@pytest.mark.parametrize("doc_id,needle,countries", [
    # the summoned envoy is Israel's; who summoned goes unsaid in the sentence: Egypt, the story's other state
    ("egy_isr_defenceweb_01", "The Israeli embassy confirmed", {"EGY", "ISR"}),
    # Fiji took a New Zealand journalist into custody: her side of the act has no country of its own
    ("fji_nzl_rnz_01", "taken into custody", {"FJI", "NZL"}),
])
def test_the_missing_side_of_an_event_is_the_storys_other_state(doc_id, needle, countries, nlp):  # type: ignore[no-untyped-def]
    assert set(_countries(doc_id, needle, nlp)) == countries
