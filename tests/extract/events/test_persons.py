"""The people taking part in an event: subjects, pronouns, descriptions, groups and speakers."""

from __future__ import annotations

import pytest

from entente.extract.events.persons import PersonIndex, group_of
from entente.extract.people import Person

from ...conftest import record_of

pytestmark = pytest.mark.slow


def _events(text, nlp, published="2024-03-05"):  # type: ignore[no-untyped-def]
    return record_of(text, nlp, published=published).events


def test_reported_request_names_who_asked_whom(nlp):  # type: ignore[no-untyped-def]
    (e,) = [e for e in _events("Kenyan President William Ruto asked Chinese Premier Li Qiang to "
                               "extend the railway loan, officials said.", nlp) if e.type == "REQUEST"]
    assert e.actors == ["William Ruto"] and e.targets == ["Li Qiang"]


def test_passive_reception_names_host_and_guest(nlp):  # type: ignore[no-untyped-def]
    (e,) = _events("Australian Prime Minister Anthony Albanese was received by Indonesian President Prabowo "
                   "Subianto at the Merdeka Palace on Thursday.", nlp, published="2024-11-08")
    assert (e.type, e.mode, e.date) == ("CONSULT", "meet", "2024-11-07")
    assert e.actors == ["Prabowo Subianto"] and e.targets == ["Anthony Albanese"]


def test_official_speaking_for_a_state_is_the_actor(nlp):  # type: ignore[no-untyped-def]
    (e,) = _events("Philippine Foreign Affairs Secretary Enrique Manalo said Manila had lodged a diplomatic "
                   "protest with Beijing.", nlp)
    assert (e.type, e.actors) == ("PROTEST", ["Enrique Manalo"])


def test_expected_talks_followed_by_a_trilateral_meeting_are_planned_with_the_subject(nlp):  # type: ignore[no-untyped-def]
    events = _events("Brazilian President Luiz Inacio Lula da Silva is expected to hold talks with Chinese President "
                     "Xi Jinping on Friday, followed by a trilateral meeting with Xi and South African President "
                     "Cyril Ramaphosa.", nlp, published="2024-11-12")
    trilateral = [e for e in events if e.mode == "multilateral"]
    assert trilateral, events
    (e,) = trilateral
    assert e.status == "planned" and e.date == "2024-11-15"
    assert {"Luiz Inacio Lula da Silva", "Xi Jinping", "Cyril Ramaphosa"} <= set(e.actors + e.targets)


def test_a_relative_clause_after_a_meeting_adds_neither_people_nor_date(nlp):  # type: ignore[no-untyped-def]
    events = _events("Austrian Foreign Minister Karl Wendt held talks with Slovak President Peter Kovac in "
                     "Bratislava. Wendt also met Prime Minister Robert Hlina, with whom he discussed the next "
                     "session of the joint council, which Austrian Chancellor Anna Gruber and Kovac will co-chair "
                     "in Vienna in the first half of next year.", nlp, published="2024-12-12")
    meetings = sorted((e.targets, e.date) for e in events if e.mode == "meet")
    assert meetings == [(["Peter Kovac"], "2024-12-12"), (["Robert Hlina"], "2024-12-12")]


def test_accepting_an_invitation_to_visit_is_a_planned_visit_by_the_guest(nlp):  # type: ignore[no-untyped-def]
    events = _events("Chilean President Gabriel Boric met Argentine President Javier Milei in Santiago. "
                     "Boric accepted an invitation to visit Buenos Aires later this year.", nlp, published="2025-03-02")
    (visit,) = [e for e in events if e.mode == "visit"]
    assert (visit.actors, visit.status) == (["Gabriel Boric"], "planned")


def test_rejecting_that_claim_answers_the_previous_speaker(nlp):  # type: ignore[no-untyped-def]
    events = _events("Indian Prime Minister Narendra Modi said Pakistani Prime Minister Shehbaz Sharif had agreed "
                     "to a ceasefire. "
                     "Pakistani Foreign Minister Ishaq Dar rejected that claim hours later.", nlp,
                     published="2025-05-11")
    (e,) = [e for e in events if e.type == "REJECT"]
    assert e.actors == ["Ishaq Dar"] and e.targets == ["Narendra Modi"]


def test_a_signing_by_two_people_listed_with_their_titles(nlp):  # type: ignore[no-untyped-def]
    events = _events("Fijian Prime Minister Sitiveni Rabuka met New Zealand Prime Minister Christopher Luxon on Monday. "
                     "The Maritime Cooperation Agreement, signed in Wellington in March last year by Rabuka, then "
                     "Fiji's Defence Minister, and New Zealand Deputy Prime Minister and Defence Minister Judith "
                     "Collins, was a \"milestone\" that would allow the two navies to train together more often, "
                     "Luxon said.", nlp, published="2025-03-02")
    (e,) = [e for e in events if e.type == "AGREE"]
    assert {"Sitiveni Rabuka", "Judith Collins"} <= set(e.actors + e.targets)


def test_his_office_said_keeps_him_in_the_event(nlp):  # type: ignore[no-untyped-def]
    events = _events("Argentine President Javier Milei spoke with Italian Prime Minister Giorgia Meloni by phone "
                     "on Sunday, and the two agreed to meet soon, his office said.", nlp, published="2025-03-05")
    (call,) = [e for e in events if e.mode == "call"]
    assert {"Javier Milei", "Giorgia Meloni"} == set(call.actors + call.targets)


def test_a_paragraph_opening_with_a_name_and_a_comma_keeps_its_subject(nlp):  # type: ignore[no-untyped-def]
    events = _events("Egyptian Foreign Minister Badr Abdelatty held talks with Ethiopian Foreign Minister Gedion "
                     "Timothewos in Cairo on Friday.\n\nDifferences remain\n\nAbdelatty, however, rejected Addis "
                     "Ababa's plans to fill the dam, saying such steps were unilateral.", nlp, published="2024-11-08")
    (e,) = [e for e in events if e.type == "REJECT"]
    assert e.actors == ["Badr Abdelatty"]


def test_telling_a_visiting_minister_is_a_meeting(nlp):  # type: ignore[no-untyped-def]
    events = _events("Chinese President Xi Jinping told visiting US Secretary of State Antony Blinken that the two "
                     "countries should be partners, not rivals.", nlp, published="2025-03-05")
    (meet,) = [e for e in events if e.mode == "meet"]
    assert (meet.actors, meet.targets) == (["Xi Jinping"], ["Antony Blinken"])


def test_the_accusation_rejected_is_not_the_rejecters(nlp):  # type: ignore[no-untyped-def]
    events = _events("Ethiopia rejected Egypt's accusations over the Grand Ethiopian Renaissance Dam, Ethiopian "
                     "Foreign Ministry spokesman Nebiat Getachew said on Thursday.", nlp, published="2025-03-05")
    by_type = {e.type: e for e in events}
    assert by_type["REJECT"].actors == ["Nebiat Getachew"]
    assert "ACCUSE" not in by_type or by_type["ACCUSE"].actors == ["Egypt"]  # Egypt's, not Ethiopia's


def test_said_that_and_urged_is_the_speakers_request(nlp):  # type: ignore[no-untyped-def]
    events = _events("Kosovo Prime Minister Albin Kurti said on Thursday that the text of the agreement was 80% "
                     "agreed, and urged Belgrade to sign the parts that had been settled.", nlp, published="2024-08-30")
    (e,) = [e for e in events if e.type == "REQUEST"]
    assert e.actors == ["Albin Kurti"] and e.date == "2024-08-29"


def test_rejecting_the_proposal_answers_its_author(nlp):  # type: ignore[no-untyped-def]
    events = _events("Kosovo Prime Minister Albin Kurti proposed a new round of talks in Brussels. Serbian President "
                     "Aleksandar Vucic rejected the proposal on Friday.", nlp, published="2024-08-30")
    (e,) = [e for e in events if e.type == "REJECT"]
    assert (e.actors, e.targets) == (["Aleksandar Vucic"], ["Albin Kurti"])


def test_urging_both_sides_targets_the_two_who_met(nlp):  # type: ignore[no-untyped-def]
    events = _events("Foreign ministers Jeyhun Bayramov of Azerbaijan and Ararat Mirzoyan of Armenia met in "
                     "Washington in July. U.S. Secretary of State Antony Blinken urged both sides to conclude an "
                     "agreement by the end of the year.", nlp, published="2024-08-30")
    (e,) = [e for e in events if e.type == "REQUEST"]
    assert e.actors == ["Antony Blinken"] and set(e.targets) == {"Jeyhun Bayramov", "Ararat Mirzoyan"}


def test_the_one_invited_to_visit_is_the_visitor(nlp):  # type: ignore[no-untyped-def]
    events = _events("French President Emmanuel Macron invited Moroccan King Mohammed VI to visit Paris next year.",
                     nlp, published="2025-03-05")
    (visit,) = [e for e in events if e.mode == "visit"]
    (request,) = [e for e in events if e.type == "REQUEST"]
    assert (visit.actors, visit.status) == (["Mohammed VI"], "proposed")
    assert (request.actors, request.targets, request.status) == (["Emmanuel Macron"], ["Mohammed VI"], "done")


@pytest.mark.parametrize("text,expected", [
    ('"We will meet again in Hanoi," I said after Prime Minister Pham Minh Chinh met President Vladimir Putin.',
     [("CONSULT", ["Pham Minh Chinh"], ["Vladimir Putin"])]),
    ("I said that President Vladimir Putin would visit Vietnam next year.", [("CONSULT", ["Vladimir Putin"], [])]),
])
def test_reported_speech_in_the_first_person_is_read_not_looped_on(text, expected, nlp):  # type: ignore[no-untyped-def]
    """Issue 18: 'I said' sent the search for a quote's speaker round through 'I' forever."""
    assert [(e.type, e.actors, e.targets) for e in _events(text, nlp)] == expected


def test_a_name_the_tagger_reads_as_said_is_no_speaker(nlp):  # type: ignore[no-untyped-def]
    events = _events("Chilean foreign ministry summoned Bolivia's ambassador to Chile, Sayed Ibrar Hussain, on "
                     "Thursday.", nlp)
    assert [(e.type, "Sayed Ibrar Hussain" in e.targets) for e in events] == [("PROTEST", True)]


def test_the_ministry_is_the_ministry_named_before(nlp):  # type: ignore[no-untyped-def]
    events = _events("Chile's Ministry of Foreign Affairs issued a statement on Monday. The ministry summoned "
                     "the Bolivian ambassador on Tuesday.", nlp)
    assert [(e.type, e.actors) for e in events if e.type == "PROTEST"] == [
        ("PROTEST", ["Ministry of Foreign Affairs of Chile"])]


def test_the_two_ministers_are_the_latest_two_of_different_countries() -> None:
    people = [Person(name="A", parts=["A"], roles=["Foreign Minister"], country="JPN", mentions=[(0, 1)]),
              Person(name="B", parts=["B"], roles=["Foreign Minister"], country="JPN", mentions=[(10, 11)]),
              Person(name="C", parts=["C"], roles=["Foreign Minister"], country="VNM", mentions=[(20, 21)]),
              Person(name="D", parts=["D"], roles=["President"], country="USA", mentions=[(30, 31)])]
    index = PersonIndex(people)
    assert group_of("the two foreign ministers", index, 100, []) == [2, 1]
    assert group_of("they", index, 100, [0, 3]) == [0, 3]  # no role named: who met last
