"""PLOVER's conflict/cooperation scale: every type has its quad and every type and mode a score
within -10..+10, as the PLOVER manual's tables give them."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from entente.plover import intensity_of, quad_of, table

TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
QUADS = {"verbal cooperation", "material cooperation", "verbal conflict", "material conflict"}


def _lexicon_pairs() -> set[tuple[str, str | None]]:
    """Every (type, mode) the trigger lexicons can give an event."""
    pairs = set()
    for name in ("triggers.json", "triggers_cameo.json"):
        data = json.loads(resources.files("entente.data").joinpath(name).read_text(encoding="utf-8"))
        pairs |= {(t["type"], t.get("mode")) for t in data["triggers"]}
        pairs |= {("AID", mode) for mode in data.get("aid_modes", {})}
        pairs |= {("CONSULT", mode) for mode in data.get("consult_mode_modifiers", {}).values()}
    return pairs


def test_every_type_has_one_of_the_four_quads() -> None:
    assert sorted(table()) == sorted(TYPES)
    assert {t: quad_of(t) for t in TYPES if quad_of(t) not in QUADS} == {}
    assert {quad_of(t) for t in TYPES} == QUADS


@pytest.mark.parametrize("type_,quad", [("CONSULT", "verbal cooperation"), ("AID", "material cooperation"),
                                        ("ACCUSE", "verbal conflict"), ("SANCTION", "material conflict"),
                                        ("ASSAULT", "material conflict")])
def test_the_quad_is_the_one_the_plover_manual_gives_the_type(type_: str, quad: str) -> None:
    assert quad_of(type_) == quad


def test_every_type_and_mode_the_lexicons_give_scores_within_bounds() -> None:
    scores = {(t, m): intensity_of(t, m) for t, m in _lexicon_pairs() | {(t, None) for t in TYPES}}
    assert {k: s for k, s in scores.items() if s is None or not -10 <= s <= 10} == {}


def test_cooperation_scores_above_conflict() -> None:
    cooperative = [intensity_of(t, None) for t in TYPES if "cooperation" in (quad_of(t) or "")]
    conflictual = [intensity_of(t, None) for t in TYPES if quad_of(t) == "material conflict"]
    assert min(s for s in cooperative if s is not None) > max(s for s in conflictual if s is not None)


def test_a_mode_scored_apart_has_its_own_score_and_others_the_types() -> None:
    assert (intensity_of("CONSULT", "call"), intensity_of("CONSULT", "visit"), intensity_of("CONSULT", "meet")) == \
        (1.5, 4.0, 2.5)
    assert (intensity_of("ASSAULT", "aerial"), intensity_of("ASSAULT", None)) == (-9.5, -9.0)
    assert intensity_of("ACCUSE", None) == -3.0  # the manual prints +3 (erratum: every ACCUSE mode is -2 to -3.5)
    assert quad_of("DISAPPROVE") is None and intensity_of("DISAPPROVE", None) is None


def test_an_event_read_without_quad_or_intensity_is_given_them_and_given_ones_are_kept() -> None:
    from entente.records import Event

    evidence = {"text": "Troops shelled the town.", "start": 0, "end": 24}
    older = Event.model_validate({"type": "ASSAULT", "mode": "aerial", "evidence": evidence})
    assert (older.quad, older.intensity) == ("material conflict", -9.5)
    given = Event.model_validate({"type": "ASSAULT", "quad": "verbal conflict", "intensity": -1, "evidence": evidence})
    assert (given.quad, given.intensity) == ("verbal conflict", -1)
    assert Event.model_validate({"type": "UNKNOWN", "evidence": evidence}).quad is None
