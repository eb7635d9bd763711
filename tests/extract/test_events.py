from __future__ import annotations

import pytest

from ..conftest import record_of

pytestmark = pytest.mark.slow


def _events(text, nlp, published="2024-03-05"):  # type: ignore[no-untyped-def]
    return record_of(text, nlp, published=published).events


def test_meeting_with_date_place_and_both_people(nlp):  # type: ignore[no-untyped-def]
    (e,) = _events("Indian Prime Minister Narendra Modi met Japanese Prime Minister Fumio Kishida "
                   "in Tokyo on March 4.", nlp)
    assert (e.type, e.mode, e.date, e.location, e.status) == ("CONSULT", "meet", "2024-03-04", "Tokyo", "done")
    assert e.actors == ["Narendra Modi"] and e.targets == ["Fumio Kishida"]
    assert e.countries == ["IND", "JPN"]


def test_phone_call_is_a_call_not_a_meeting(nlp):  # type: ignore[no-untyped-def]
    events = _events("French President Emmanuel Macron held a phone call with Ukrainian President "
                     "Volodymyr Zelensky on Monday.", nlp)
    assert [(e.type, e.mode) for e in events] == [("CONSULT", "call")]


def test_planned_visit_takes_the_future_date(nlp):  # type: ignore[no-untyped-def]
    (e,) = _events("German Chancellor Olaf Scholz will visit Poland on January 14-15.", nlp,
                   published="2024-12-30")
    assert (e.mode, e.status, e.date) == ("visit", "planned", "2025-01-14/2025-01-15")


def test_negated_meeting(nlp):  # type: ignore[no-untyped-def]
    events = _events("Greek Prime Minister Kyriakos Mitsotakis did not meet Turkish President "
                     "Recep Tayyip Erdogan in Ankara.", nlp)
    assert [e.status for e in events] == ["negated"]


def test_reported_request_names_who_asked_whom(nlp):  # type: ignore[no-untyped-def]
    (e,) = [e for e in _events("Kenyan President William Ruto asked Chinese Premier Li Qiang to "
                               "extend the railway loan, officials said.", nlp) if e.type == "REQUEST"]
    assert e.actors == ["William Ruto"] and e.targets == ["Li Qiang"]


def test_mentions_of_one_meeting_are_one_event(sample_records):  # type: ignore[no-untyped-def]
    rec = sample_records["001_d3def13e952facb4"]
    talks = [e for e in rec.events if e.type == "CONSULT" and e.mode == "meet"
             and set(e.actors + e.targets) >= {"Nguyen Phu Trong", "Dmitry Medvedev"}]
    assert len(talks) == 1


def test_evidence_is_verbatim_with_offsets(sample_records):  # type: ignore[no-untyped-def]
    from entente.clean import split_header

    from ..conftest import SAMPLES

    for doc_id, rec in sample_records.items():
        _, body = split_header((SAMPLES / f"{doc_id}.txt").read_text(encoding="utf-8"))
        import unicodedata

        body = unicodedata.normalize("NFC", body)
        for item in [*rec.events, *rec.facts]:
            assert body[item.evidence.start:item.evidence.end] == item.evidence.text


def test_teaser_block_never_reaches_the_record(sample_records):  # type: ignore[no-untyped-def]
    rec = sample_records["002_a03111350bd76b81"]
    blob = rec.model_dump_json()
    for word in ("Ha Nam", "Hung Yen", "Quang Ninh", "buffalo"):
        assert word not in blob


def test_passive_reception_names_host_and_guest(nlp):  # type: ignore[no-untyped-def]
    (e,) = _events("Australian Prime Minister Anthony Albanese was received by Indonesian President Prabowo "
                   "Subianto at the Merdeka Palace on Thursday.", nlp, published="2024-11-08")
    assert (e.type, e.mode, e.date) == ("CONSULT", "meet", "2024-11-07")
    assert e.actors == ["Prabowo Subianto"] and e.targets == ["Anthony Albanese"]


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


def test_accusation_and_rejection_are_negative_types(nlp):  # type: ignore[no-untyped-def]
    (acc,) = _events("Chinese Foreign Ministry spokesperson Mao Ning on Wednesday accused the Philippines of "
                     "deliberate provocation in the South China Sea.", nlp, published="2024-10-09")
    assert (acc.type, acc.mode, acc.actors, acc.date) == ("ACCUSE", "disapprove", ["Mao Ning"], "2024-10-09")
    (rej,) = _events("Turkish Foreign Minister Hakan Fidan rejected Greek plans to establish marine parks.", nlp)
    assert (rej.type, rej.status) == ("REJECT", "done")


def test_official_speaking_for_a_state_is_the_actor(nlp):  # type: ignore[no-untyped-def]
    (e,) = _events("Philippine Foreign Affairs Secretary Enrique Manalo said Manila had lodged a diplomatic "
                   "protest with Beijing.", nlp)
    assert (e.type, e.actors) == ("PROTEST", ["Enrique Manalo"])


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


def test_expected_talks_followed_by_a_trilateral_meeting_are_planned_with_the_subject(nlp):  # type: ignore[no-untyped-def]
    events = _events("Brazilian President Luiz Inacio Lula da Silva is expected to hold talks with Chinese President "
                     "Xi Jinping on Friday, followed by a trilateral meeting with Xi and South African President "
                     "Cyril Ramaphosa.", nlp, published="2024-11-12")
    trilateral = [e for e in events if e.mode == "multilateral"]
    assert trilateral, events
    (e,) = trilateral
    assert e.status == "planned" and e.date == "2024-11-15"
    assert {"Luiz Inacio Lula da Silva", "Xi Jinping", "Cyril Ramaphosa"} <= set(e.actors + e.targets)


def test_a_summit_with_one_leader_is_a_meeting(nlp):  # type: ignore[no-untyped-def]
    events = _events("Kenyan President William Ruto held a summit with Ethiopian Prime Minister Abiy Ahmed "
                     "in Nairobi on Monday.", nlp, published="2024-11-12")
    assert [(e.type, e.mode) for e in events] == [("CONSULT", "meet")]


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


def test_a_state_act_reported_by_a_trailing_speaker_is_credited_to_the_speaker(nlp):  # type: ignore[no-untyped-def]
    events = _events("Norway has expelled Russia's defence attache Igor Volkov and two other diplomats, "
                     "Foreign Minister Espen Barth Eide said on Monday.", nlp, published="2025-03-05")
    (e,) = [e for e in events if e.type == "SANCTION"]
    assert (e.mode, e.actors, e.targets) == ("expel", ["Espen Barth Eide"], ["Igor Volkov"])


def test_his_office_said_keeps_him_in_the_event(nlp):  # type: ignore[no-untyped-def]
    events = _events("Argentine President Javier Milei spoke with Italian Prime Minister Giorgia Meloni by phone "
                     "on Sunday, and the two agreed to meet soon, his office said.", nlp, published="2025-03-05")
    (call,) = [e for e in events if e.mode == "call"]
    assert {"Javier Milei", "Giorgia Meloni"} == set(call.actors + call.targets)


def test_a_pledge_to_provide_equipment_is_planned_military_aid(nlp):  # type: ignore[no-untyped-def]
    events = _events("South Korea also pledged to provide the Polish army with additional tanks worth about "
                     "$2 billion.", nlp, published="2025-03-05")
    assert [(e.type, e.mode, e.status) for e in events] == [("AID", "military", "planned")]


def test_dispatching_food_trucks_is_humanitarian_aid_credited_to_the_speaker(nlp):  # type: ignore[no-untyped-def]
    (e,) = _events("Jordan will dispatch 40 trucks of food and medical supplies to Syria next week, "
                   "Foreign Minister Ayman Safadi said.", nlp, published="2025-03-05")
    assert (e.type, e.mode, e.status, e.actors) == ("AID", "humanitarian", "planned", ["Ayman Safadi"])


def test_a_threat_to_impose_tariffs_is_a_threat_not_a_sanction(nlp):  # type: ignore[no-untyped-def]
    events = _events("Chinese Commerce Minister Wang Wentao threatened to impose tariffs on Australian wine "
                     "on Monday.", nlp, published="2025-03-05")
    assert [e.type for e in events] == ["THREATEN"]


def test_the_verb_of_a_noun_trigger_dates_it(nlp):  # type: ignore[no-untyped-def]
    events = _events("US President Donald Trump said on Monday that he would impose the tariffs on Canada on "
                     "his first day in office, January 20.", nlp, published="2024-11-26")
    (e,) = [e for e in events if e.type == "SANCTION"]
    assert (e.status, e.date) == ("planned", "2025-01-20")


def test_a_meeting_told_in_the_past_stays_apart_from_the_next_one_agreed(nlp):  # type: ignore[no-untyped-def]
    events = _events("Colombian President Gustavo Petro and his Ecuadorian counterpart Daniel Noboa agreed on "
                     "Thursday to hold the next binational cabinet meeting in Quito in 2025. The two leaders met "
                     "for nearly an hour at the presidential palace in Bogota on the sidelines of a regional "
                     "forum, which Colombia is hosting this week.", nlp, published="2024-11-14")
    meetings = sorted((e.status, e.date) for e in events if e.type == "CONSULT")
    assert meetings == [("done", "2024-11-14"), ("planned", "2025")]


def test_a_paragraph_opening_with_a_name_and_a_comma_keeps_its_subject(nlp):  # type: ignore[no-untyped-def]
    events = _events("Egyptian Foreign Minister Badr Abdelatty held talks with Ethiopian Foreign Minister Gedion "
                     "Timothewos in Cairo on Friday.\n\nDifferences remain\n\nAbdelatty, however, rejected Addis "
                     "Ababa's plans to fill the dam, saying such steps were unilateral.", nlp, published="2024-11-08")
    (e,) = [e for e in events if e.type == "REJECT"]
    assert e.actors == ["Badr Abdelatty"]


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


def test_aid_words_anywhere_in_the_phrase(nlp):  # type: ignore[no-untyped-def]
    events = _events("South Korea also pledged to provide the Polish army with additional coastal radar systems "
                     "worth about $20 million under its security assistance programme.", nlp, published="2025-03-05")
    assert [(e.type, e.mode, e.status) for e in events] == [("AID", "military", "planned")]


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


def test_welcoming_a_visitor_is_a_greeting_not_support(nlp):  # type: ignore[no-untyped-def]
    events = _events("Nepali Prime Minister K.P. Sharma Oli welcomed Indian Foreign Minister Subrahmanyam Jaishankar "
                     "at his office on Monday. Oli welcomed India's decision to open a new border crossing.", nlp,
                     published="2025-03-05")
    support = [e for e in events if e.type == "SUPPORT"]
    assert [e.trigger for e in support] == ["welcomed"] and "decision" in support[0].evidence.text


def test_a_visitor_received_on_a_day_visits_on_that_day(nlp):  # type: ignore[no-untyped-def]
    events = _events("Vietnamese Prime Minister Pham Minh Chinh on Tuesday received visiting Australian Foreign "
                     "Minister Penny Wong in Hanoi.", nlp, published="2025-03-05")
    assert sorted((e.mode, e.date) for e in events) == [("meet", "2025-03-04"), ("visit", "2025-03-04")]


def test_signing_a_joint_declaration_is_one_agreement(nlp):  # type: ignore[no-untyped-def]
    events = _events("Polish President Andrzej Duda and Lithuanian President Gitanas Nauseda signed a joint "
                     "declaration on defence cooperation in Vilnius on Wednesday.", nlp, published="2025-03-05")
    assert [(e.type, e.mode) for e in events] == [("AGREE", "joint statement")]


def test_telling_a_visiting_minister_is_a_meeting(nlp):  # type: ignore[no-untyped-def]
    events = _events("Chinese President Xi Jinping told visiting US Secretary of State Antony Blinken that the two "
                     "countries should be partners, not rivals.", nlp, published="2025-03-05")
    (meet,) = [e for e in events if e.mode == "meet"]
    assert (meet.actors, meet.targets) == (["Xi Jinping"], ["Antony Blinken"])


def test_an_errand_takes_the_time_of_the_trip(nlp):  # type: ignore[no-untyped-def]
    events = _events("Thai Prime Minister Srettha Thavisin is expected to travel to Cambodia in February to meet "
                     "Cambodian Prime Minister Hun Manet.", nlp, published="2025-03-05")
    assert sorted((e.mode, e.status, e.date) for e in events) == [("meet", "planned", "2026-02"),
                                                                  ("visit", "planned", "2026-02")]


def test_the_accusation_rejected_is_not_the_rejecters(nlp):  # type: ignore[no-untyped-def]
    events = _events("Ethiopia rejected Egypt's accusations over the Grand Ethiopian Renaissance Dam, Ethiopian "
                     "Foreign Ministry spokesman Nebiat Getachew said on Thursday.", nlp, published="2025-03-05")
    by_type = {e.type: e for e in events}
    assert by_type["REJECT"].actors == ["Nebiat Getachew"]
    assert "ACCUSE" not in by_type or by_type["ACCUSE"].actors == ["Egypt"]  # Egypt's, not Ethiopia's


def test_the_agreement_signed_by_ministers_is_the_one_the_leaders_witnessed(nlp):  # type: ignore[no-untyped-def]
    events = _events("Thai Prime Minister Paetongtarn Shinawatra and her Cambodian counterpart Hun Manet today "
                     "witnessed the signing of an agreement on a special economic zone.\n\nThe agreement was signed "
                     "by Thai Commerce Minister Pichai Naripthaphan and Cambodian Commerce Minister Cham Nimul at "
                     "Government House.", nlp, published="2025-01-07")
    (e,) = [e for e in events if e.type == "AGREE"]
    assert {"Paetongtarn Shinawatra", "Hun Manet", "Pichai Naripthaphan", "Cham Nimul"} == set(e.actors + e.targets)
    assert len(e.more_evidence) == 1


def test_an_audience_and_a_courtesy_call_are_meetings(nlp):  # type: ignore[no-untyped-def]
    events = _events("Australian Foreign Minister Penny Wong paid a courtesy call on Vietnamese President Luong Cuong "
                     "in Hanoi on Monday. She will have an audience with Vietnamese Party chief To Lam on Tuesday.",
                     nlp, published="2025-03-03")
    assert sorted((e.mode, e.status) for e in events if e.type == "CONSULT") == [("meet", "done"), ("meet", "planned")]


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


def test_could_visit_is_hypothetical(nlp):  # type: ignore[no-untyped-def]
    (e,) = _events("Chinese President Xi Jinping could visit Russia next year if the situation allows, Kremlin "
                   "spokesman Dmitry Peskov said.", nlp, published="2025-03-05")
    assert (e.mode, e.status, e.actors) == ("visit", "hypothetical", ["Xi Jinping"])


def test_the_one_invited_to_visit_is_the_visitor(nlp):  # type: ignore[no-untyped-def]
    events = _events("French President Emmanuel Macron invited Moroccan King Mohammed VI to visit Paris next year.",
                     nlp, published="2025-03-05")
    (visit,) = [e for e in events if e.mode == "visit"]
    (request,) = [e for e in events if e.type == "REQUEST"]
    assert (visit.actors, visit.status) == (["Mohammed VI"], "proposed")
    assert (request.actors, request.targets, request.status) == (["Emmanuel Macron"], ["Mohammed VI"], "done")


def test_relations_established_and_upgraded_are_two_historical_events(nlp):  # type: ignore[no-untyped-def]
    events = _events("Diplomatic relations between South Korea and Vietnam were established in 1992 and upgraded "
                     "to a comprehensive strategic partnership in 2022.", nlp, published="2025-03-05")
    assert sorted((e.type, e.status, e.date) for e in events) == [("COOPERATE", "historical", "1992"),
                                                                 ("COOPERATE", "historical", "2022")]


def test_a_phone_call_the_parser_hangs_on_a_noun_is_still_a_call(nlp):  # type: ignore[no-untyped-def]
    events = _events("Serbian President Aleksandar Vucic congratulated Donald Trump on his election victory in a "
                     "phone call on Wednesday. Italian Prime Minister Giorgia Meloni thanked Albanian Prime Minister "
                     "Edi Rama for his support.", nlp, published="2025-03-05")
    assert sorted((e.type, e.mode, e.actors[0]) for e in events) == [
        ("CONSULT", "call", "Aleksandar Vucic"), ("SUPPORT", None, "Aleksandar Vucic"),
        ("SUPPORT", None, "Giorgia Meloni")]


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


@pytest.mark.parametrize("text,expected", [
    ('"We will meet again in Hanoi," I said after Prime Minister Pham Minh Chinh met President Vladimir Putin.',
     [("CONSULT", ["Pham Minh Chinh"], ["Vladimir Putin"])]),
    ("I said that President Vladimir Putin would visit Vietnam next year.", [("CONSULT", ["Vladimir Putin"], [])]),
])
def test_reported_speech_in_the_first_person_is_read_not_looped_on(text, expected, nlp):  # type: ignore[no-untyped-def]
    """Issue 18: 'I said' sent the search for a quote's speaker round through 'I' forever."""
    assert [(e.type, e.actors, e.targets) for e in _events(text, nlp)] == expected


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


def test_an_act_on_no_one_named_is_aimed_at_the_state_the_article_pairs_with_it(nlp):  # type: ignore[no-untyped-def]
    events = _events("Kyrgyzstan accused Tajikistan of shelling its villages on Monday. "
                     "Kyrgyzstan closed the border on Saturday.", nlp)
    assert [(e.type, e.countries) for e in events if e.type == "SANCTION"] == [("SANCTION", ["KGZ", "TJK"])]


def test_a_headline_and_the_body_naming_the_envoy_are_one_recall(nlp):  # type: ignore[no-untyped-def]
    events = _events("Somalia recalls ambassador to Kenya\n\nSomalia recalled its ambassador to Kenya, "
                     "Mohamed Nur, the foreign ministry said.", nlp)
    assert len([e for e in events if e.type == "SANCTION"]) == 1


def test_a_ban_in_a_row_over_it_names_no_actor(nlp):  # type: ignore[no-untyped-def]
    events = _events("The row over Poland's ban on Ukrainian grain deepened on Tuesday.", nlp)
    assert all(e.actors == [] for e in events)


def test_summoning_an_envoy_to_protest_is_one_protest(nlp):  # type: ignore[no-untyped-def]
    events = _events("Chile summoned the Bolivian ambassador on Monday to protest over the border incident.", nlp)
    assert [e.type for e in events] == ["PROTEST"]


def test_recalling_envoys_in_protest_is_a_recall_only(nlp):  # type: ignore[no-untyped-def]
    events = _events("Peru and Ecuador recalled their ambassadors from Chile in protest of the incident.", nlp)
    assert [e.type for e in events] == ["SANCTION"]


def test_a_name_the_tagger_reads_as_said_is_no_speaker(nlp):  # type: ignore[no-untyped-def]
    events = _events("Chilean foreign ministry summoned Bolivia's ambassador to Chile, Sayed Ibrar Hussain, on "
                     "Thursday.", nlp)
    assert [(e.type, "Sayed Ibrar Hussain" in e.targets) for e in events] == [("PROTEST", True)]


def test_a_judgement_is_an_accusation_by_whoever_says_it(nlp):  # type: ignore[no-untyped-def]
    events = _events("Chilean Foreign Minister Alberto van Klaveren said the remarks by Bolivian President "
                     "Luis Arce were unacceptable.", nlp)
    assert [(e.type, e.actors, e.targets) for e in events] == [("ACCUSE", ["Alberto van Klaveren"], ["Luis Arce"])]


def test_a_breach_of_sovereignty_is_an_accusation(nlp):  # type: ignore[no-untyped-def]
    events = _events("Peru recalled its ambassador from Bolivia on Monday. Peru's foreign ministry said the "
                     "incursion was a blatant breach of its sovereignty.", nlp)
    assert "ACCUSE" in [e.type for e in events]


def test_the_ministry_is_the_ministry_named_before(nlp):  # type: ignore[no-untyped-def]
    events = _events("Chile's Ministry of Foreign Affairs issued a statement on Monday. The ministry summoned "
                     "the Bolivian ambassador on Tuesday.", nlp)
    assert [(e.type, e.actors) for e in events if e.type == "PROTEST"] == [
        ("PROTEST", ["Ministry of Foreign Affairs of Chile"])]


def test_stopping_trade_is_a_sanction(nlp):  # type: ignore[no-untyped-def]
    events = _events("Turkey stopped all exports and imports to and from Israel on Thursday.", nlp)
    assert [(e.type, e.actors, e.countries) for e in events] == [("SANCTION", ["Turkey"], ["ISR", "TUR"])]


def test_a_related_storys_headline_tells_no_event_of_this_one(nlp):  # type: ignore[no-untyped-def]
    events = _events("Chile and Bolivia sign trade deal\n\nChile and Bolivia signed a trade agreement in La Paz on "
                     "Monday.\n\nRead more\n\nPeru expels Ecuadorian diplomats over border row\n", nlp)
    assert "SANCTION" not in [e.type for e in events]


@pytest.mark.parametrize("text,word,stray", [
    ("Talks end\n\nAfter talks on Monday, the working groups\nagreed on a section of the border.\n", "agreed", False),
    ("Talks end\n\nThe groups agreed on the border.\n\nPeru expels Ecuadorian envoy\n", "expels", True),
    ("Talks end\n\nThey signed the treaty on July 18, 1977. – VNA\n", "signed", False),
    ("Peru expels Ecuadorian envoy\n\nPeru expelled the envoy.\n", "expels", False),
])
def test_a_headline_line_after_the_title_is_told_apart_from_prose(nlp, text, word, stray):  # type: ignore[no-untyped-def]
    from entente.extract.events import _stray_headline

    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    assert _stray_headline(tok, text.index("\n")) is stray
