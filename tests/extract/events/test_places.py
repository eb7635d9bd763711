"""Where events happened, settled once merged (entente/extract/events/places.py): real dev articles."""

from __future__ import annotations

import pytest

from entente.clean import clean
from entente.config import get_settings
from entente.extract.pipeline import extract
from entente.ingest import read_one

from ...conftest import DATA

pytestmark = pytest.mark.slow
DEV = DATA / "real" / "dev" / "articles"


def _places(doc_id: str, nlp) -> dict[str, set[str | None]]:  # type: ignore[no-untyped-def]
    """The places of the article's events, by type."""
    rec = extract(clean(read_one(DEV / f"{doc_id}.txt", get_settings())), nlp)
    places: dict[str, set[str | None]] = {}
    for e in rec.events:
        places.setdefault(e.type, set()).add(e.location)
    return places


def test_a_summons_takes_place_in_the_summoning_states_capital(nlp):  # type: ignore[no-untyped-def]
    # "the ambassador of the Republic of Moldova to Russia ... was summoned to the Russian Foreign
    # Ministry": Moscow, not the embassy's Chisinau nor the envoy's post
    assert "Moscow" in _places("rus_mda_tass_01", nlp)["PROTEST"]
    # "India summoned ... a day after Dhaka summoned ...": each summons in its own capital
    assert {"New Delhi", "Dhaka"} <= _places("ind_bgd_prothomalo_01", nlp)["PROTEST"]


def test_an_event_of_the_dateline_sentence_happened_at_the_dateline(nlp):  # type: ignore[no-untyped-def]
    # "ALGIERS – Thursday, 25 August 2022 (APS) – President of the Republic, Abdelmadjid Tebboune, held ..."
    assert "Algiers" in _places("dza_fra_aps_01", nlp)["CONSULT"]


def test_a_place_its_sentence_gives_outside_the_triggers_phrase(nlp):  # type: ignore[no-untyped-def]
    # "will hold a bilateral summit meeting on Saturday in La Paz"
    assert "La Paz" in _places("bol_per_telesur_01", nlp)["CONSULT"]

