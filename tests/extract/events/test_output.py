"""The record's events: evidence and every country involved."""

from __future__ import annotations

import pytest
import spacy

from entente.extract.agents import Agent
from entente.extract.events.found import Found
from entente.extract.events.output import acting_agents, event_countries

from ...conftest import record_of

pytestmark = pytest.mark.slow


def _events(text, nlp, published="2024-03-05"):  # type: ignore[no-untyped-def]
    return record_of(text, nlp, published=published).events


def test_evidence_is_verbatim_with_offsets(sample_records):  # type: ignore[no-untyped-def]
    from entente.clean import split_header

    from ...conftest import SAMPLES

    for doc_id, rec in sample_records.items():
        _, body = split_header((SAMPLES / f"{doc_id}.txt").read_text(encoding="utf-8"))
        import unicodedata

        body = unicodedata.normalize("NFC", body)
        for item in [*rec.events, *rec.facts]:
            assert body[item.evidence.start:item.evidence.end] == item.evidence.text


def test_every_event_lists_the_countries_of_its_people_and_of_its_place(sample_records):  # type: ignore[no-untyped-def]
    """Issue 18: the Putin-Trong summit in Hanoi is a RUS-VNM event, and so is Putin's June visit
    to Vietnam that another article recalls."""
    (summit,) = [e for e in sample_records["000_25cf438f34d7ad8b"].events if e.mode == "meet"]
    assert summit.targets == ["Nguyen Phu Trong"] and summit.countries == ["RUS", "VNM"]
    (visit,) = [e for e in sample_records["003_050b114383b8fb0f"].events if e.mode == "visit" and e.date == "2024-06"]
    assert visit.location == "Vietnam" and visit.countries == ["RUS", "VNM"]


@pytest.mark.parametrize("text,location,countries", [
    ("Indian Prime Minister Narendra Modi met Japanese Prime Minister Fumio Kishida in Hanoi on March 4.",
     "Hanoi", ["IND", "JPN", "VNM"]),
    ("New Zealand Prime Minister Christopher Luxon accepted an invitation to visit Suva later this year.",
     "Suva", ["FJI", "NZL"]),
])
def test_the_place_of_an_event_adds_its_country(text, location, countries, nlp):  # type: ignore[no-untyped-def]
    (e,) = [e for e in _events(text, nlp) if e.type == "CONSULT"]
    assert (e.location, e.countries) == (location, countries)


TOKEN = spacy.blank("en")("expelled")[0]


def test_acting_agents_are_listed_once_in_order_of_first_mention() -> None:
    police = Agent("Kenyan police", "GROUP", "KEN", "POL", 40, 53)
    uganda = Agent("Uganda", "GPE", "UGA", "GOV", 10, 16)
    found = [Found("COERCE", None, TOKEN, agent_actors=[police], agent_targets=[uganda]),
             Found("PROTEST", None, TOKEN, agent_actors=[uganda], agent_targets=[police])]
    assert acting_agents(found) == [uganda, police]


def test_an_events_place_adds_the_state_it_lies_in() -> None:
    event = Found("CONSULT", "meet", TOKEN, countries={"RUS"}, location="Hanoi")
    assert event_countries(event, [], []) == {"RUS", "VNM"}


# real news sentences of tests/data/sentences/dev.jsonl, one per quad
@pytest.mark.parametrize("text,type_,quad,intensity", [
    ("A high-ranking Palestinian Liberation Organization delegation led by Chairman Mahmoud Abbas held landmark "
     "talks with the Syrian leaders in Damascus Monday.", "CONSULT", "verbal cooperation", 2.5),
    ("Indian and Chinese soldiers have pulled back from another area along their disputed border as part of moves to "
     "lower tensions amid a 15-month standoff that has sometimes led to deadly clashes, India’s army said on Friday.",
     "RETREAT", "material cooperation", 8.0),
    ("Critics of the Iraq war have slammed the prime minister following a decision to allow British troops to move "
     "into dangerous territory around Baghdad under US military command.", "ACCUSE", "verbal conflict", -2.0),
    ("A lieutenant of Iraq's most feared insurgent leader, Abu Musab Zarqawi, was captured this week, the country's "
     "national security minister said Thursday.", "COERCE", "material conflict", -7.0),
])
def test_real_sentences_events_carry_their_quad_and_intensity(text, type_, quad, intensity, nlp):  # type: ignore[no-untyped-def]
    events = _events(text, nlp, published="2024-06-20")
    assert [(e.type, e.quad, e.intensity) for e in events] == [(type_, quad, intensity)]
