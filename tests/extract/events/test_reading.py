"""An article read end to end into events."""

from __future__ import annotations

import pytest

from ...conftest import record_of

pytestmark = pytest.mark.slow


def _events(text, nlp, published="2024-03-05"):  # type: ignore[no-untyped-def]
    return record_of(text, nlp, published=published).events


def test_meeting_with_date_place_and_both_people(nlp):  # type: ignore[no-untyped-def]
    (e,) = _events("Indian Prime Minister Narendra Modi met Japanese Prime Minister Fumio Kishida "
                   "in Tokyo on March 4.", nlp)
    assert (e.type, e.mode, e.date, e.location, e.status) == ("CONSULT", "meet", "2024-03-04", "Tokyo", "done")
    assert e.actors == ["Narendra Modi"] and e.targets == ["Fumio Kishida"]
    assert e.countries == ["IND", "JPN"]


def test_he_is_the_subject_of_the_sentence_before(nlp):  # type: ignore[no-untyped-def]
    events = _events("Russian President Vladimir Putin arrived in Hanoi on Wednesday. He met Vietnamese leader "
                     "To Lam on Thursday.", nlp, published="2024-06-21")
    assert [(e.type, e.mode, e.actors, e.targets) for e in events if e.mode == "meet"] == [
        ("CONSULT", "meet", ["Vladimir Putin"], ["To Lam"])]
