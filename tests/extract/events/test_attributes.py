"""An event's status, date and place."""

from __future__ import annotations

import pytest

from ...conftest import record_of

pytestmark = pytest.mark.slow


def _events(text, nlp, published="2024-03-05"):  # type: ignore[no-untyped-def]
    return record_of(text, nlp, published=published).events


def test_planned_visit_takes_the_future_date(nlp):  # type: ignore[no-untyped-def]
    (e,) = _events("German Chancellor Olaf Scholz will visit Poland on January 14-15.", nlp,
                   published="2024-12-30")
    assert (e.mode, e.status, e.date) == ("visit", "planned", "2025-01-14/2025-01-15")


def test_negated_meeting(nlp):  # type: ignore[no-untyped-def]
    events = _events("Greek Prime Minister Kyriakos Mitsotakis did not meet Turkish President "
                     "Recep Tayyip Erdogan in Ankara.", nlp)
    assert [e.status for e in events] == ["negated"]


def test_initials_do_not_end_the_sentence_that_dates_a_meeting(nlp):  # type: ignore[no-untyped-def]
    (e,) = _events("On May 6, Deputy Minister of Foreign Affairs of Kazakhstan A.Zh. Iskakov received "
                   "Ambassador of Mongolia Batbayar Tsend, the ministry said.", nlp, published="2024-05-07")
    assert (e.type, e.mode, e.date) == ("CONSULT", "meet", "2024-05-06")
    assert e.actors == ["A.Zh. Iskakov"] or e.actors[0].endswith("Iskakov")


def test_a_date_in_a_relative_clause_does_not_date_the_signing(nlp):  # type: ignore[no-untyped-def]
    events = _events("Later in the day, the two energy ministers Karl Berg and Anna Holm signed an agreement "
                     "on a gas pipeline, which is expected to be completed by 2029.", nlp, published="2024-05-07")
    signing = [e for e in events if e.type == "AGREE"]
    assert signing and signing[0].date == "2024-05-07"


def test_the_verb_of_a_noun_trigger_dates_it(nlp):  # type: ignore[no-untyped-def]
    events = _events("US President Donald Trump said on Monday that he would impose the tariffs on Canada on "
                     "his first day in office, January 20.", nlp, published="2024-11-26")
    (e,) = [e for e in events if e.type == "SANCTION"]
    assert (e.status, e.date) == ("planned", "2025-01-20")


def test_a_proposal_made_in_a_phone_call_leaves_the_call_done_between_both(nlp):  # type: ignore[no-untyped-def]
    events = _events("Ukraine's trade representative Taras Kachka spoke earlier. Hungarian Agriculture Minister "
                     "Istvan Nagy said he had proposed to his Ukrainian counterpart Mykola Solskyi in a phone call "
                     "last week that grain be allowed through only in sealed transit.", nlp, published="2023-09-20")
    (call,) = [e for e in events if e.mode == "call"]
    assert (call.status, call.actors, call.targets) == ("done", ["Istvan Nagy"], ["Mykola Solskyi"])


def test_proposing_that_ministries_meet_is_a_proposal_naming_no_one(nlp):  # type: ignore[no-untyped-def]
    events = _events("Romanian President Klaus Iohannis met Moldovan President Maia Sandu in Chisinau on Monday. "
                     "Romanian Foreign Minister Luminita Odobescu proposed that the two countries' agriculture "
                     "ministries meet this week.", nlp, published="2023-09-20")
    # the ministries' meeting is not another meeting of the two presidents named before
    assert [(e.trigger, e.status) for e in events if e.type == "CONSULT"] == [("met", "done")]


def test_a_visitor_received_on_a_day_visits_on_that_day(nlp):  # type: ignore[no-untyped-def]
    events = _events("Vietnamese Prime Minister Pham Minh Chinh on Tuesday received visiting Australian Foreign "
                     "Minister Penny Wong in Hanoi.", nlp, published="2025-03-05")
    assert sorted((e.mode, e.date) for e in events) == [("meet", "2025-03-04"), ("visit", "2025-03-04")]


def test_an_errand_takes_the_time_of_the_trip(nlp):  # type: ignore[no-untyped-def]
    events = _events("Thai Prime Minister Srettha Thavisin is expected to travel to Cambodia in February to meet "
                     "Cambodian Prime Minister Hun Manet.", nlp, published="2025-03-05")
    assert sorted((e.mode, e.status, e.date) for e in events) == [("meet", "planned", "2026-02"),
                                                                  ("visit", "planned", "2026-02")]


def test_could_visit_is_hypothetical(nlp):  # type: ignore[no-untyped-def]
    (e,) = _events("Chinese President Xi Jinping could visit Russia next year if the situation allows, Kremlin "
                   "spokesman Dmitry Peskov said.", nlp, published="2025-03-05")
    assert (e.mode, e.status, e.actors) == ("visit", "hypothetical", ["Xi Jinping"])


def test_relations_established_and_upgraded_are_two_historical_events(nlp):  # type: ignore[no-untyped-def]
    events = _events("Diplomatic relations between South Korea and Vietnam were established in 1992 and upgraded "
                     "to a comprehensive strategic partnership in 2022.", nlp, published="2025-03-05")
    assert sorted((e.type, e.status, e.date) for e in events) == [("COOPERATE", "historical", "1992"),
                                                                 ("COOPERATE", "historical", "2022")]


def test_the_days_news_happened_at_the_dateline_unless_placed(nlp):  # type: ignore[no-untyped-def]
    events = _events("AMMAN, Jan. 14 (Petra) - Jordanian Foreign Minister Ayman Safadi on Tuesday condemned "
                     "Israeli settlement expansion and signed an agreement with Iraqi Foreign Minister Fuad Hussein "
                     "in Baghdad last week.", nlp, published="2025-01-14")
    where = {e.type: e.location for e in events}
    assert where["ACCUSE"] == "Amman" and where.get("AGREE") != "Amman"


def test_the_days_events_share_the_place_of_the_one_placed(nlp):  # type: ignore[no-untyped-def]
    events = _events("KUALA LUMPUR, March 12 (Bernama) - Prime Minister Anwar Ibrahim met Thai Prime Minister "
                     "Srettha Thavisin in Bangkok on Tuesday. The two leaders agreed to speed up work on a new "
                     "border crossing.", nlp, published="2024-03-12")
    assert {e.type: e.location for e in events} == {"CONSULT": "Bangkok", "AGREE": "Bangkok"}


def test_elevation_and_anniversary_of_relations(nlp):  # type: ignore[no-untyped-def]
    events = _events("Chinese President Xi Jinping held talks with Brazilian President Luiz Inacio Lula da Silva on "
                     "Wednesday, and the two heads of state announced the elevation of bilateral relations.\n\n"
                     "This year marks the 50th anniversary of the establishment of diplomatic ties between China "
                     "and Brazil.", nlp, published="2024-11-20")
    cooperate = sorted((e.status, e.date, len(e.more_evidence)) for e in events if e.type == "COOPERATE")
    assert cooperate == [("done", "2024-11-20", 0), ("historical", "1974", 0)]


def test_aid_asked_for_is_proposed(nlp):  # type: ignore[no-untyped-def]
    events = _events("Vietnamese Prime Minister Pham Minh Chinh asked Japanese Foreign Minister Iwaya Takeshi to "
                     "continue providing official development assistance loans for infrastructure.", nlp,
                     published="2024-11-04")
    (aid,) = [e for e in events if e.type == "AID"]
    assert aid.status == "proposed"


def _doc(text, nlp, published="2024-03-05"):  # type: ignore[no-untyped-def]
    """The article's Doc after every component, as the events component reads it."""
    from entente.clean import clean
    from entente.extract.pipeline import make_doc
    from entente.records import RawArticle

    return nlp(make_doc(nlp, clean(RawArticle(doc_id="t", text=f" date {published} {text}", origin="<test>"))))


def test_a_visit_to_come_is_planned_and_dated_by_its_own_time(nlp):  # type: ignore[no-untyped-def]
    from entente.extract.events.attributes import When, when
    from entente.extract.events.context import article_context, sentence_context

    doc = _doc("Putin will visit Hanoi next week, the Kremlin said.", nlp)
    art = article_context(doc)
    s = sentence_context(art, 0, next(doc.sents), None)
    ((tok, _),) = s.triggers
    assert when(tok, s.regions[tok.i], set(), None, s, doc, art.published) == \
        When("planned", "2024-03-11/2024-03-17", defaulted=False)


def test_a_visit_placed_nowhere_is_at_the_dateline_when_the_visitor_is_foreign_there() -> None:
    import spacy

    from entente import gazetteer
    from entente.extract.events.attributes import visit_at_dateline
    from entente.extract.events.found import Found
    from entente.extract.people import Person
    from entente.records import CleanArticle

    tok = spacy.blank("en")("visited")[0]
    article = CleanArticle(doc_id="t", text="", origin="<test>", published="2024-06-20", source=None,
                           dateline="Hanoi", dateline_country="VNM")
    for country, place in [("RUS", gazetteer.load().countries["VNM"].name), ("VNM", None)]:
        visit = Found("CONSULT", "visit", tok, actors=[0])
        visit_at_dateline(visit, article, [Person(name="X", parts=["X"], country=country)])
        assert visit.location == place
