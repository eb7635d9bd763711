"""Which words tell an event, and which tell none of their own beside another trigger, on real sentences."""

from __future__ import annotations

import pytest

from ...conftest import record_of

pytestmark = pytest.mark.slow


def _events(text, nlp, published="2024-03-05"):  # type: ignore[no-untyped-def]
    return record_of(text, nlp, published=published).events


def test_a_list_of_agreements_signed_is_one_signing(nlp):  # type: ignore[no-untyped-def]
    events = _events("Kenyan Treasury Cabinet Secretary John Mbadi and Chinese Ambassador Guo Haiyan on Tuesday "
                     "signed five agreements, including a grant for a water project, a memorandum on digital "
                     "cooperation and a deal on avocado exports.", nlp, published="2024-11-08")
    assert [(e.type, e.mode, e.date) for e in events] == [("AGREE", "sign", "2024-11-05")]
    assert set(events[0].actors + events[0].targets) == {"John Mbadi", "Guo Haiyan"}


def test_two_meetings_in_one_sentence_are_two_events(nlp):  # type: ignore[no-untyped-def]
    events = _events("Foreign Ministers Radoslaw Sikorski and Annalena Baerbock met at the Polish Foreign Ministry, "
                     "while Defence Ministers Wladyslaw Kosiniak-Kamysz and Boris Pistorius held separate talks "
                     "on air defence.", nlp)
    assert [set(e.actors + e.targets) for e in events] == [
        {"Radoslaw Sikorski", "Annalena Baerbock"}, {"Wladyslaw Kosiniak-Kamysz", "Boris Pistorius"}]


def test_wider_lexicon_of_relations(nlp):  # type: ignore[no-untyped-def]
    cases = {
        "Moldovan Foreign Minister Ana Lupu said Chisinau was ready to restore diplomatic relations with Minsk.":
            "COOPERATE",
        "Estonian Foreign Minister Eva Kask expressed serious concern over Russia's military drills.": "ACCUSE",
        "Chinese Foreign Ministry spokesman Li Wen said Beijing had lodged stern representations with Tokyo.":
            "PROTEST",
        "Portuguese Foreign Minister Rui Costa will travel to Luanda in August.": "CONSULT",
    }
    for text, wanted in cases.items():
        assert wanted in {e.type for e in _events(text, nlp, published="2025-03-02")}, text


def test_a_pledge_to_provide_equipment_is_planned_military_aid(nlp):  # type: ignore[no-untyped-def]
    events = _events("South Korea also pledged to provide the Polish army with additional tanks worth about "
                     "$2 billion.", nlp, published="2025-03-05")
    assert [(e.type, e.mode, e.status) for e in events] == [("AID", "military", "planned")]


def test_a_threat_to_impose_tariffs_is_a_threat_not_a_sanction(nlp):  # type: ignore[no-untyped-def]
    events = _events("Chinese Commerce Minister Wang Wentao threatened to impose tariffs on Australian wine "
                     "on Monday.", nlp, published="2025-03-05")
    assert [e.type for e in events] == ["THREATEN"]


def test_signing_a_joint_declaration_is_one_agreement(nlp):  # type: ignore[no-untyped-def]
    events = _events("Polish President Andrzej Duda and Lithuanian President Gitanas Nauseda signed a joint "
                     "declaration on defence cooperation in Vilnius on Wednesday.", nlp, published="2025-03-05")
    assert [(e.type, e.mode) for e in events] == [("AGREE", "joint statement")]


def test_summoning_an_envoy_to_protest_is_one_protest(nlp):  # type: ignore[no-untyped-def]
    events = _events("Chile summoned the Bolivian ambassador on Monday to protest over the border incident.", nlp)
    assert [e.type for e in events] == ["PROTEST"]


def test_recalling_envoys_in_protest_is_a_recall_only(nlp):  # type: ignore[no-untyped-def]
    events = _events("Peru and Ecuador recalled their ambassadors from Chile in protest of the incident.", nlp)
    assert [e.type for e in events] == ["SANCTION"]


def test_stopping_trade_is_a_sanction(nlp):  # type: ignore[no-untyped-def]
    events = _events("Turkey stopped all exports and imports to and from Israel on Thursday.", nlp)
    assert [(e.type, e.actors, e.countries) for e in events] == [("SANCTION", ["Turkey"], ["ISR", "TUR"])]


def _doc(text, nlp, published="2024-03-05"):  # type: ignore[no-untyped-def]
    """The article's Doc after every component, as the events component reads it."""
    from entente.clean import clean
    from entente.extract.pipeline import make_doc
    from entente.records import RawArticle

    return nlp(make_doc(nlp, clean(RawArticle(doc_id="t", text=f" date {published} {text}", origin="<test>"))))


def test_an_entry_wanting_words_near_it_comes_before_the_bare_one(nlp):  # type: ignore[no-untyped-def]
    from entente.extract.events.triggers import match_triggers

    doc = _doc("Algeria withdrew its ambassador from Paris on Tuesday.", nlp)
    withdrew = next(t for t in doc if t.text == "withdrew")
    assert [t.type for t in match_triggers(withdrew)][:2] == ["SANCTION", "RETREAT"]


def test_a_sanction_threatened_tells_no_event_of_its_own(nlp):  # type: ignore[no-untyped-def]
    from entente.extract.events.triggers import neighbours, sentence_triggers, tells_no_event

    triggers = sentence_triggers(next(_doc("Trump threatened to impose tariffs on Mexico.", nlp).sents))
    near = neighbours(triggers)
    assert [(t.text, c[0].type, tells_no_event(t, c, near)) for t, c in triggers] == [
        ("threatened", "THREATEN", False), ("tariffs", "SANCTION", True)]
