"""The type and mode an event is given, on real sentences."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from entente.extract.events.classify import decide_type
from entente.extract.events.persons import PersonIndex
from entente.extract.events.triggers import Trigger

from ...conftest import record_of

pytestmark = pytest.mark.slow


def _events(text, nlp, published="2024-03-05"):  # type: ignore[no-untyped-def]
    return record_of(text, nlp, published=published).events


def test_phone_call_is_a_call_not_a_meeting(nlp):  # type: ignore[no-untyped-def]
    events = _events("French President Emmanuel Macron held a phone call with Ukrainian President "
                     "Volodymyr Zelensky on Monday.", nlp)
    assert [(e.type, e.mode) for e in events] == [("CONSULT", "call")]


def test_accusation_and_rejection_are_negative_types(nlp):  # type: ignore[no-untyped-def]
    (acc,) = _events("Chinese Foreign Ministry spokesperson Mao Ning on Wednesday accused the Philippines of "
                     "deliberate provocation in the South China Sea.", nlp, published="2024-10-09")
    assert (acc.type, acc.mode, acc.actors, acc.date) == ("ACCUSE", "disapprove", ["Mao Ning"], "2024-10-09")
    (rej,) = _events("Turkish Foreign Minister Hakan Fidan rejected Greek plans to establish marine parks.", nlp)
    assert (rej.type, rej.status) == ("REJECT", "done")


def test_a_summit_with_one_leader_is_a_meeting(nlp):  # type: ignore[no-untyped-def]
    events = _events("Kenyan President William Ruto held a summit with Ethiopian Prime Minister Abiy Ahmed "
                     "in Nairobi on Monday.", nlp, published="2024-11-12")
    assert [(e.type, e.mode) for e in events] == [("CONSULT", "meet")]


def test_dispatching_food_trucks_is_humanitarian_aid_credited_to_the_speaker(nlp):  # type: ignore[no-untyped-def]
    (e,) = _events("Jordan will dispatch 40 trucks of food and medical supplies to Syria next week, "
                   "Foreign Minister Ayman Safadi said.", nlp, published="2025-03-05")
    assert (e.type, e.mode, e.status, e.actors) == ("AID", "humanitarian", "planned", ["Ayman Safadi"])


def test_aid_words_anywhere_in_the_phrase(nlp):  # type: ignore[no-untyped-def]
    events = _events("South Korea also pledged to provide the Polish army with additional coastal radar systems "
                     "worth about $20 million under its security assistance programme.", nlp, published="2025-03-05")
    assert [(e.type, e.mode, e.status) for e in events] == [("AID", "military", "planned")]


def test_welcoming_a_visitor_is_a_greeting_not_support(nlp):  # type: ignore[no-untyped-def]
    events = _events("Nepali Prime Minister K.P. Sharma Oli welcomed Indian Foreign Minister Subrahmanyam Jaishankar "
                     "at his office on Monday. Oli welcomed India's decision to open a new border crossing.", nlp,
                     published="2025-03-05")
    support = [e for e in events if e.type == "SUPPORT"]
    assert [e.trigger for e in support] == ["welcomed"] and "decision" in support[0].evidence.text


def test_an_audience_and_a_courtesy_call_are_meetings(nlp):  # type: ignore[no-untyped-def]
    events = _events("Australian Foreign Minister Penny Wong paid a courtesy call on Vietnamese President Luong Cuong "
                     "in Hanoi on Monday. She will have an audience with Vietnamese Party chief To Lam on Tuesday.",
                     nlp, published="2025-03-03")
    assert sorted((e.mode, e.status) for e in events if e.type == "CONSULT") == [("meet", "done"), ("meet", "planned")]


def test_a_phone_call_the_parser_hangs_on_a_noun_is_still_a_call(nlp):  # type: ignore[no-untyped-def]
    events = _events("Serbian President Aleksandar Vucic congratulated Donald Trump on his election victory in a "
                     "phone call on Wednesday. Italian Prime Minister Giorgia Meloni thanked Albanian Prime Minister "
                     "Edi Rama for his support.", nlp, published="2025-03-05")
    assert sorted((e.type, e.mode, e.actors[0]) for e in events) == [
        ("CONSULT", "call", "Aleksandar Vucic"), ("SUPPORT", None, "Aleksandar Vucic"),
        ("SUPPORT", None, "Giorgia Meloni")]


def test_a_judgement_is_an_accusation_by_whoever_says_it(nlp):  # type: ignore[no-untyped-def]
    events = _events("Chilean Foreign Minister Alberto van Klaveren said the remarks by Bolivian President "
                     "Luis Arce were unacceptable.", nlp)
    assert [(e.type, e.actors, e.targets) for e in events] == [("ACCUSE", ["Alberto van Klaveren"], ["Luis Arce"])]


def test_a_breach_of_sovereignty_is_an_accusation(nlp):  # type: ignore[no-untyped-def]
    events = _events("Peru recalled its ambassador from Bolivia on Monday. Peru's foreign ministry said the "
                     "incursion was a blatant breach of its sovereignty.", nlp)
    assert "ACCUSE" in [e.type for e in events]


def test_the_first_entry_whose_participants_fit_decides_type_and_mode() -> None:
    doc = Doc(spacy.blank("en").vocab, words=["Modi", "called", "on", "Tokyo"], sent_starts=[True, False, False, False])
    meeting = Trigger("call", "CONSULT", "meet", None, ("on",), 0, needs_person_object=True)
    request = Trigger("call", "REQUEST", None, None, ("on",), 0, needs_person_object=False)
    index = PersonIndex([])
    assert decide_type(doc[1], [meeting, request], [0], [], index, list(doc)) == (request, None)
    assert decide_type(doc[1], [meeting, request], [0], [1], index, list(doc)) == (meeting, "meet")
    two = Trigger("meet", "CONSULT", "meet", None, (), 2, needs_person_object=False)
    assert decide_type(doc[1], [two], [0], [], index, list(doc)) is None
