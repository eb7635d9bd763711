"""The mentions of one happening merged into one event."""

from __future__ import annotations

import pytest
import spacy

from entente.extract.events.found import Found
from entente.extract.events.merging import merge

from ...conftest import record_of

pytestmark = pytest.mark.slow


def _events(text, nlp, published="2024-03-05"):  # type: ignore[no-untyped-def]
    return record_of(text, nlp, published=published).events


def test_mentions_of_one_meeting_are_one_event(sample_records):  # type: ignore[no-untyped-def]
    rec = sample_records["001_d3def13e952facb4"]
    talks = [e for e in rec.events if e.type == "CONSULT" and e.mode == "meet"
             and set(e.actors + e.targets) >= {"Nguyen Phu Trong", "Dmitry Medvedev"}]
    assert len(talks) == 1


def test_a_meeting_told_in_the_past_stays_apart_from_the_next_one_agreed(nlp):  # type: ignore[no-untyped-def]
    events = _events("Colombian President Gustavo Petro and his Ecuadorian counterpart Daniel Noboa agreed on "
                     "Thursday to hold the next binational cabinet meeting in Quito in 2025. The two leaders met "
                     "for nearly an hour at the presidential palace in Bogota on the sidelines of a regional "
                     "forum, which Colombia is hosting this week.", nlp, published="2024-11-14")
    meetings = sorted((e.status, e.date) for e in events if e.type == "CONSULT")
    assert meetings == [("done", "2024-11-14"), ("planned", "2025")]


def test_the_agreement_signed_by_ministers_is_the_one_the_leaders_witnessed(nlp):  # type: ignore[no-untyped-def]
    events = _events("Thai Prime Minister Paetongtarn Shinawatra and her Cambodian counterpart Hun Manet today "
                     "witnessed the signing of an agreement on a special economic zone.\n\nThe agreement was signed "
                     "by Thai Commerce Minister Pichai Naripthaphan and Cambodian Commerce Minister Cham Nimul at "
                     "Government House.", nlp, published="2025-01-07")
    (e,) = [e for e in events if e.type == "AGREE"]
    assert {"Paetongtarn Shinawatra", "Hun Manet", "Pichai Naripthaphan", "Cham Nimul"} == set(e.actors + e.targets)
    assert len(e.more_evidence) == 1


def test_an_act_on_no_one_named_is_aimed_at_the_state_the_article_pairs_with_it(nlp):  # type: ignore[no-untyped-def]
    events = _events("Kyrgyzstan accused Tajikistan of shelling its villages on Monday. "
                     "Kyrgyzstan closed the border on Saturday.", nlp)
    assert [(e.type, e.countries) for e in events if e.type == "SANCTION"] == [("SANCTION", ["KGZ", "TJK"])]


def test_a_headline_and_the_body_naming_the_envoy_are_one_recall(nlp):  # type: ignore[no-untyped-def]
    events = _events("Somalia recalls ambassador to Kenya\n\nSomalia recalled its ambassador to Kenya, "
                     "Mohamed Nur, the foreign ministry said.", nlp)
    assert len([e for e in events if e.type == "SANCTION"]) == 1


DOC = spacy.blank("en")("Putin met Trong . They met again .")


def _mention(mode: str, people: list[int], date: str, defaulted: bool, number: int) -> Found:
    return Found("CONSULT", mode, DOC[1], actors=people[:1], targets=people[1:], date=date, date_defaulted=defaulted,
                 number=number, sents=[DOC[0:4] if number == 0 else DOC[4:8]])


def test_mentions_of_nested_people_merge_and_the_dated_one_dates_the_event() -> None:
    (event,) = merge([_mention("meet", [0, 1], "2024-06-20", True, 0), _mention("meet", [1], "2024-06-19", False, 1)])
    assert (event.actors, event.targets, event.date, event.date_defaulted) == ([0], [1], "2024-06-19", False)
    assert [s.text for s in event.sents] == ["Putin met Trong .", "They met again ."]


def test_mentions_of_another_mode_or_other_people_stay_apart() -> None:
    assert len(merge([_mention("meet", [0, 1], "2024-06-20", False, 0),
                      _mention("call", [0, 1], "2024-06-20", False, 1)])) == 2
    assert len(merge([_mention("meet", [0, 1], "2024-06-20", False, 0),
                      _mention("meet", [2, 3], "2024-06-20", False, 1)])) == 2
