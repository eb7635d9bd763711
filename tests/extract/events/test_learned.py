"""The learned type classifier in event reading: it orders a trigger's entries, and tells an event
the rules missed in a real dev article; switched off by the settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from entente.config import get_settings
from entente.extract.events.learned import prefer
from entente.extract.events.triggers import Trigger
from entente.extract.typemodel import TypeGuess

from ...conftest import record_of

REAL_DEV = Path(__file__).resolve().parents[2] / "data" / "real" / "dev" / "articles"


def _trigger(type_: str) -> Trigger:
    return Trigger("call", type_, None, None, (), 0, False)


def _guess(type_: str | None, score: float) -> TypeGuess:
    return TypeGuess(type_, score, {})


@pytest.mark.parametrize(("guess", "expected"), [
    (_guess("REQUEST", 0.95), ["REQUEST", "CONSULT", "SUPPORT"]),   # sure, and offered: first
    (_guess("REQUEST", 0.40), ["CONSULT", "REQUEST", "SUPPORT"]),   # not sure enough
    (_guess("ASSAULT", 0.99), ["CONSULT", "REQUEST", "SUPPORT"]),   # not among the entries
    (_guess(None, 0.99), ["CONSULT", "REQUEST", "SUPPORT"]),        # sure of no event: the rules decide
    (None, ["CONSULT", "REQUEST", "SUPPORT"]),                      # sentence not classified
])
def test_prefer_puts_a_sure_type_first_among_the_lexicon_entries(guess, expected) -> None:  # type: ignore[no-untyped-def]
    candidates = [_trigger("CONSULT"), _trigger("REQUEST"), _trigger("SUPPORT")]
    assert [c.type for c in prefer(candidates, guess)] == expected


@pytest.mark.slow
def test_classifier_tells_a_threat_the_rules_missed(nlp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    text = (REAL_DEV / "pak_irn_businesslive_01.txt").read_text(encoding="utf-8")
    said = "Pakistan reserves the right to respond"

    def threats() -> list[str]:
        return [e.trigger for e in record_of(text, nlp, published=None).events
                if e.type == "THREATEN" and said in e.evidence.text]

    assert threats() == ["reserves"]
    monkeypatch.setenv("ENTENTE_TYPE_MODEL", "0")
    get_settings.cache_clear()
    try:
        assert threats() == []
    finally:
        monkeypatch.delenv("ENTENTE_TYPE_MODEL")
        get_settings.cache_clear()
