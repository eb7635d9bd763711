"""The trigger lexicon covers every PLOVER type in the words news uses (issue 19): releases and
pull-backs are RETREAT, lifted bans CONCEDE, charges and jailings COERCE, troops sent MOBILIZE,
joint patrols COOPERATE, pledged sums AID, a spurned proposal REJECT."""

from __future__ import annotations

import pytest

from ...conftest import record_of

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text,type_,mode", [
    ("Burundi freed 12 Rwandan prisoners on Tuesday.", "RETREAT", "release"),
    ("Panama's president pardoned four Cuban exiles on Thursday.", "RETREAT", "release"),
    ("Indian and Chinese troops pulled back from the disputed border area on Friday.", "RETREAT", "withdraw"),
    ("Poland will reduce its troops in Iraq next year, Polish Defence Minister Jerzy Szmajdzinski said.",
     "RETREAT", "withdraw"),
    ("Tanzania lifted a ban on Kenyan newspapers on Thursday.", "CONCEDE", None),
    ("Britain charged two Pakistani men with plotting attacks on Monday.", "COERCE", "arrest"),
    ("The United States sent 3,000 troops to Poland on Monday.", "MOBILIZE", "troops"),
    ("Kenya and Uganda began joint patrols along their border on Monday.", "COOPERATE", None),
    ("Japan pledged $50 million in aid to Sudan on Monday.", "AID", None),
    ("Hungary's prime minister slammed Ukraine's language law on Monday.", "ACCUSE", "disapprove"),
])
def test_the_words_news_uses_give_their_plover_type(text, type_, mode, nlp):  # type: ignore[no-untyped-def]
    events = [e for e in record_of(text, nlp).events if e.type == type_]
    assert events and events[0].mode == mode


def test_a_spurned_proposal_is_rejected_not_an_accusation(nlp):  # type: ignore[no-untyped-def]
    types = {e.type for e in record_of("Sri Lanka's Tamil rebels spurned India's proposal on Sunday.", nlp).events}
    assert "REJECT" in types and "ACCUSE" not in types


def test_an_accepted_invitation_is_the_visit_to_come_not_an_agreement(nlp):  # type: ignore[no-untyped-def]
    events = record_of("Japanese Prime Minister Shinzo Abe accepted an invitation to visit Russia.", nlp).events
    assert [e.type for e in events] == ["CONSULT"]
