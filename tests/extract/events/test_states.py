"""The states, organisations and groups acting where no person is named."""

from __future__ import annotations

import pytest

from ...conftest import record_of

pytestmark = pytest.mark.slow


def _events(text, nlp, published="2024-03-05"):  # type: ignore[no-untyped-def]
    return record_of(text, nlp, published=published).events


def test_a_state_act_reported_by_a_trailing_speaker_is_credited_to_the_speaker(nlp):  # type: ignore[no-untyped-def]
    events = _events("Norway has expelled Russia's defence attache Igor Volkov and two other diplomats, "
                     "Foreign Minister Espen Barth Eide said on Monday.", nlp, published="2025-03-05")
    (e,) = [e for e in events if e.type == "SANCTION"]
    assert (e.mode, e.actors, e.targets) == ("expel", ["Espen Barth Eide"], ["Igor Volkov"])


def test_a_state_act_is_credited_to_its_spokesperson_quoted_next(nlp):  # type: ignore[no-untyped-def]
    events = _events("Japan on Wednesday protested to China over an incursion near the Senkaku Islands.\n\n"
                     "Japanese Chief Cabinet Secretary Yoshimasa Hayashi told a regular press conference that two "
                     "Chinese coast guard ships had entered Japanese waters on Monday.", nlp, published="2024-10-09")
    (e,) = [e for e in events if e.type == "PROTEST"]
    assert e.actors == ["Yoshimasa Hayashi"] and e.date == "2024-10-09"


def test_a_state_act_is_not_credited_to_another_states_speaker(nlp):  # type: ignore[no-untyped-def]
    events = _events("Japan on Wednesday protested to China over an incursion near the Senkaku Islands.\n\n"
                     "Chinese Foreign Ministry spokesperson Lin Jian told a regular press conference that the "
                     "ships were patrolling Chinese waters.", nlp, published="2024-10-09")
    (e,) = [e for e in events if e.type == "PROTEST"]
    assert e.actors == ["Japan"]  # the state, not China's spokesperson


@pytest.mark.parametrize("text,type_,countries", [
    ("Chinese Foreign Ministry spokesperson Mao Ning urged Manila to immediately stop its provocations.",
     "REQUEST", ["CHN", "PHL"]),
    ("New Zealand suspended defence ties with Fiji after the 2006 coup.", "SANCTION", ["FJI", "NZL"]),
    ("Viet Nam and Laos established diplomatic ties on September 5, 1962.", "COOPERATE", ["LAO", "VNM"]),
])
def test_states_named_by_names_of_several_words_or_by_their_capitals(text, type_, countries, nlp):  # type: ignore[no-untyped-def]
    (e,) = [e for e in _events(text, nlp) if e.type == type_]
    assert e.countries == countries


@pytest.mark.parametrize("text,expected", [
    ("Chile recalled its ambassador from Bolivia on Monday.",
     ("SANCTION", ["Chile"], ["BOL", "CHL"], "2024-03-04")),
    ("Norway announced the expulsion of 15 Russian diplomats.",
     ("SANCTION", ["Norway"], ["NOR", "RUS"], "2024-03-05")),
    ("Peru closed its border with Bolivia on Tuesday.", ("SANCTION", ["Peru"], ["BOL", "PER"], "2024-03-05")),
    ("Kenyan police detained 40 Ugandan traders at the border on Sunday.",
     ("COERCE", ["police of Kenya"], ["KEN", "UGA"], "2024-03-03")),
    ("Indian troops clashed with Chinese soldiers in the Galwan valley on Monday.",
     ("ASSAULT", ["troops of India"], ["CHN", "IND"], "2024-03-04")),
    ("Turkish warplanes struck Kurdish militant positions in northern Syria on Sunday.",
     ("ASSAULT", ["warplanes of Turkey"], ["SYR", "TUR"], "2024-03-03")),
    ("Brazil sent 20 tonnes of humanitarian aid to Bolivia on Friday.",
     ("AID", ["Brazil"], ["BOL", "BRA"], "2024-03-01")),
])
def test_states_and_groups_act_where_no_person_is_named(text, expected, nlp):  # type: ignore[no-untyped-def]
    (e,) = _events(text, nlp)
    assert (e.type, e.actors, e.countries, e.date) == expected


def test_state_and_group_actors_are_listed_as_entities_with_country_and_sector(nlp):  # type: ignore[no-untyped-def]
    rec = record_of("Kenyan police detained 40 Ugandan traders at the border on Sunday.", nlp,
                    published="2024-03-05")
    assert ("police of Kenya", "GROUP", "KEN", "POL") in [(e.name, e.type, e.country, e.sector) for e in rec.entities]


def test_a_state_said_to_act_by_it_is_the_state_the_sentence_is_about(nlp):  # type: ignore[no-untyped-def]
    events = _events("Algeria recalled its ambassador to Mali on Monday. On April 1, Algeria said it had "
                     "downed a Malian drone.", nlp)
    assert [(e.type, e.actors, e.countries) for e in events if e.type == "ASSAULT"] == [
        ("ASSAULT", ["Algeria"], ["DZA", "MLI"])]


def test_a_ban_in_a_row_over_it_names_no_actor(nlp):  # type: ignore[no-untyped-def]
    events = _events("The row over Poland's ban on Ukrainian grain deepened on Tuesday.", nlp)
    assert all(e.actors == [] for e in events)


def _doc(text, nlp, published="2024-03-05"):  # type: ignore[no-untyped-def]
    """The article's Doc after every component, as the events component reads it."""
    from entente.clean import clean
    from entente.extract.pipeline import make_doc
    from entente.records import RawArticle

    return nlp(make_doc(nlp, clean(RawArticle(doc_id="t", text=f" date {published} {text}", origin="<test>"))))


def test_states_named_by_name_capital_and_several_words(nlp):  # type: ignore[no-untyped-def]
    from entente.extract.events.states import state_iso, states_named

    doc = _doc("Manila urged Kyiv and the United States to act.", nlp)
    assert states_named(list(doc)) == {"PHL", "UKR", "USA"}
    assert state_iso(list(doc)) == "PHL"
