"""An article that tells of nothing between two sides (a one-sentence report, a domestic story)
reports the acts of the one side it names, a state, body or group with or without a state of its
own, instead of no event (issue 19); an article that pairs states keeps only its pairs."""

from __future__ import annotations

import pytest

from ...conftest import record_of

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text,type_,actor,countries", [
    ("Police detained 40 protesters in Nairobi on Monday.", "COERCE", "police", ["KEN"]),
    ("Thousands of workers went on strike in Seoul on Friday.", "PROTEST", "workers", ["KOR"]),
    ("Israeli helicopters attacked a Hamas training camp in Gaza on Tuesday.", "ASSAULT", "helicopters of Israel",
     ["ISR", "PSE"]),
])
def test_a_lone_report_keeps_the_act_of_its_one_side(text, type_, actor, countries, nlp):  # type: ignore[no-untyped-def]
    events = record_of(text, nlp).events
    assert [(e.type, e.actors, e.countries) for e in events] == [(type_, [actor], countries)]


def test_an_article_that_pairs_states_leaves_a_one_sided_act_out(nlp):  # type: ignore[no-untyped-def]
    events = record_of("China accused Japan of provoking tensions on Monday. "
                       "Police detained 40 protesters in Nairobi on Monday.", nlp).events
    assert [e.type for e in events] == ["ACCUSE"]
