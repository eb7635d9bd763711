"""The data files generated from the event-data field's dictionaries are what their scripts make
of ../shared/reference today: run, not pasted, and never edited by hand."""

from __future__ import annotations

import json

import pytest

from .conftest import ROOT, SHARED

REFERENCE = SHARED / "reference"
DATA = ROOT / "entente" / "data"

pytestmark = pytest.mark.skipif(not REFERENCE.exists(), reason="../shared/reference is not beside this checkout")


def test_agents_json_is_what_build_agents_makes():  # type: ignore[no-untyped-def]
    from scripts import build_agents

    made = build_agents.parse(build_agents.SOURCE.read_text(encoding="utf-8"))
    made.update(json.loads((DATA / "agents_extra.json").read_text(encoding="utf-8"))["agents"])
    assert json.loads((DATA / "agents.json").read_text(encoding="utf-8"))["agents"] == dict(sorted(made.items()))


def test_plover_quad_json_is_what_build_quad_makes():  # type: ignore[no-untyped-def]
    from scripts import build_quad

    made = build_quad.build(build_quad.SOURCE.read_text(encoding="utf-8"))
    assert json.loads((DATA / "plover_quad.json").read_text(encoding="utf-8")) == made


def test_triggers_cameo_json_is_what_build_triggers_makes():  # type: ignore[no-untyped-def]
    from scripts import build_triggers

    made = build_triggers.prune(build_triggers.build())
    made.sort(key=lambda e: (e["lemma"], "with" not in e))
    assert json.loads((DATA / "triggers_cameo.json").read_text(encoding="utf-8"))["triggers"] == made


@pytest.mark.parametrize("lemma,words,type_", [
    ("recall", ["ambassador"], "SANCTION"),   # "- * AMBASSADOR [161] # RECALL"
    ("shell", None, "ASSAULT"),
    ("deport", None, "COERCE"),
    ("mobilize", None, "MOBILIZE"),
])
def test_cameo_verbs_come_with_their_plover_type(lemma, words, type_):  # type: ignore[no-untyped-def]
    entries = json.loads((DATA / "triggers_cameo.json").read_text(encoding="utf-8"))["triggers"]
    hand = json.loads((DATA / "triggers.json").read_text(encoding="utf-8"))["triggers"]
    assert any(e["lemma"] == lemma and e["type"] == type_ and (words is None or set(words) <= set(e.get("with", ())))
               for e in entries + hand)


def test_verbs_whose_usual_sense_is_no_event_are_left_bare_of_a_type():  # type: ignore[no-untyped-def]
    entries = json.loads((DATA / "triggers_cameo.json").read_text(encoding="utf-8"))["triggers"]
    bare = {e["lemma"] for e in entries if "with" not in e}
    assert not bare & {"hit", "take", "express", "hold", "release", "match"}


def test_every_mode_a_generated_trigger_gives_can_be_asked_for():  # type: ignore[no-untyped-def]
    from entente.records import MODES

    entries = json.loads((DATA / "triggers_cameo.json").read_text(encoding="utf-8"))["triggers"]
    assert {e["mode"] for e in entries if e["mode"]} <= set(MODES)
