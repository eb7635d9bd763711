"""docs/records.md is the record format users read; it stays equal to the contract it copies."""

from __future__ import annotations

import json

import pytest

from entente.records import MODES

from .conftest import ROOT, SHARED


def test_the_record_format_in_the_repo_equals_the_contract():
    contract = SHARED / "spec" / "records.md"
    if not contract.exists():
        pytest.skip("../shared/spec/records.md is not beside this checkout")
    assert (ROOT / "docs" / "records.md").read_text(encoding="utf-8") == contract.read_text(encoding="utf-8")


def test_readme_and_help_point_to_the_record_format_in_the_repo():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/records.md" in readme and "../shared/spec" not in readme


def test_every_mode_the_trigger_lexicon_gives_can_be_asked_for():
    lexicon = json.loads((ROOT / "entente" / "data" / "triggers.json").read_text(encoding="utf-8"))
    given = {t["mode"] for t in lexicon["triggers"] if t.get("mode")}
    given |= set(lexicon["consult_mode_modifiers"].values()) | set(lexicon["aid_modes"])
    assert given <= set(MODES)
