from __future__ import annotations

import datetime

import pytest

from ..conftest import record_of

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("sentence,value,unit,qualifier", [
    ("Two-way trade reached US$4.4 billion in the first nine months of 2024.", 4.4e9, "USD", None),
    ("Trade grew by 8.3 per cent in 2023.", 8.3, "percent", None),
    ("Trade increased by more than 8% last year.", 8, "percent", "more than"),
    ("Russian universities have trained about 75,000 Vietnamese specialists.", 75000, "count", "about"),
    ("Every year, 1,000 Russian-funded scholarships are granted.", 1000, "count", None),
    ("Food exports are growing, exceeding US$1 billion in 2024.", 1e9, "USD", "more than"),
    ("Germany pledged €1.2 billion in aid to Ukraine.", 1.2e9, "EUR", None),
    ("Kenya borrowed 500 million dollars from China.", 5e8, "USD", None),
    ("New Zealand will provide $NZ20 million to the Fiji police.", 2e7, "NZD", None),
    ("The government will provide HUF 10 billion for the programme.", 1e10, "HUF", None),
    ("Trade between the two countries exceeded QR 1.1 billion in 2023.", 1.1e9, "QAR", "more than"),
    ("At least six soldiers were killed in the clash.", 6, "count", None),
])
def test_reads_quantities_with_unit_and_qualifier(nlp, sentence, value, unit, qualifier):  # type: ignore[no-untyped-def]
    facts = record_of(sentence, nlp).facts
    assert [(f.value, f.unit, f.qualifier) for f in facts] == [(value, unit, qualifier)]
    assert facts[0].evidence.text == sentence


def test_durations_dates_and_ordinals_are_not_facts(nlp):  # type: ignore[no-untyped-def]
    rec = record_of("Over the past 75 years, the two countries held the 24th session on January 14-15 "
                    "and marked 30 years of ties in 2024.", nlp)
    assert rec.facts == []


def test_period_comes_from_the_nearest_time_expression(nlp):  # type: ignore[no-untyped-def]
    rec = record_of("Two-way trade increased by 8.3 per cent in 2023, and 24 per cent in the first nine "
                    "months of 2024 to US$4.4 billion.", nlp, published="2025-01-13")
    assert [f.period for f in rec.facts] == ["2023", "2024-01/2024-09", "2024-01/2024-09"]


def test_every_currency_of_the_lexicon_is_iso_4217():  # type: ignore[no-untyped-def]
    import pycountry

    from entente.extract.quantities import units

    codes = set(units().data["currency_prefix"].values()) | set(units().data["currency_suffix"].values())
    codes |= set(units().data["dollar_homes"].values())
    assert {c for c in codes if pycountry.currencies.get(alpha_3=c) is None} == set()


def test_the_dollar_of_each_country_is_cldrs():  # type: ignore[no-untyped-def]
    pytest.importorskip("babel")
    from entente.extract.quantities import units
    from scripts.build_dollar_homes import dollar_homes

    assert units().data["dollar_homes"] == dollar_homes(datetime.date(2025, 1, 1))


@pytest.mark.parametrize("sentence,value,unit", [
    ("Kenya and China signed a Sh5.2 billion grant on Tuesday.", 5.2e9, "KES"),
    ("Bilateral trade reached 71.9 billion U.S. dollars in 2023.", 71.9e9, "USD"),
    ("More than 1.5 million Russian tourists visited the country.", 1.5e6, "count"),
])
def test_more_currencies_and_scaled_counts(nlp, sentence, value, unit):  # type: ignore[no-untyped-def]
    facts = record_of(sentence, nlp).facts
    assert [(f.value, f.unit) for f in facts] == [(value, unit)]


def test_an_ordinal_is_not_a_count(nlp):  # type: ignore[no-untyped-def]
    facts = record_of("The two leaders last met in June 2024 for the 11th Malaysia-Singapore Leaders' Retreat, "
                      "where they signed 3 agreements.", nlp, published="2025-01-07").facts
    assert [(f.value, f.unit) for f in facts] == [(3.0, "count")]


def test_a_bare_dollar_is_the_outlets_own(nlp):  # type: ignore[no-untyped-def]
    canadian = record_of("OTTAWA (CP) - Two-way trade between Canada and India was worth about $13.5 billion in "
                         "2023.", nlp, published="2024-10-14").facts
    american = record_of("WASHINGTON (AP) - Two-way trade between the United States and India was worth about "
                         "$190 billion in 2023.", nlp, published="2024-10-14").facts
    assert [f.unit for f in canadian] == ["CAD"] and [f.unit for f in american] == ["USD"]


def test_a_count_stated_in_the_present_is_of_the_day_of_publication(nlp):  # type: ignore[no-untyped-def]
    facts = record_of("Some 184,000 ethnic Hungarians live in Vojvodina. In 2019, 12,000 students studied abroad.",
                      nlp, published="2024-12-12").facts
    assert [(f.value, f.period) for f in facts] == [(184000, "2024-12-12"), (12000, "2019")]


@pytest.mark.parametrize("sentence,value,about", [
    ("The army said it had killed eight militants from the rebel group in air strikes.", 8, "militants killed"),
    ("The clash on Sunday left five Kyrgyz and three Tajik border guards injured.", 5, "Kyrgyz border guards"),
    ("Police detained two Chinese nationals near the base on Monday.", 2, "Chinese nationals detained"),
    ("The ministry declared four employees of the Polish embassy persona non grata.", 4,
     "employees of the Polish embassy declared"),
    ("The convoy carried nine thousand 600 bottles of water to the border.", 9600, "bottles of water in the convoy"),
    ("The aid flight carried four thousand blankets and a hundred tents.", 4000, "blankets in the aid flight"),
    ("Two Indian intruders have been killed by security forces, the ministry said.", 2, "Indian intruders killed"),
    ("The shelling killed 12 and wounded dozens, officials said.", 12, "people killed"),
])
def test_counts_written_in_words_or_without_a_noun(nlp, sentence, value, about):  # type: ignore[no-untyped-def]
    facts = [f for f in record_of(sentence, nlp).facts if f.unit == "count"]
    assert (facts[0].value, facts[0].about) == (value, about)


@pytest.mark.parametrize("sentence", [
    "The two countries agreed to hold talks in three areas.",
    "Both sides said the two-way relationship had grown over three decades.",
    "One of the four ministers said their two brotherly peoples share a history.",
    "Two Turkish officials said the visit would last five days.",
    "The two won seats in the assembly of the two countries.",
    "Leaders of the 27 member states and more than 50 countries met in Brussels.",
])
def test_numbers_in_words_that_are_not_facts(nlp, sentence):  # type: ignore[no-untyped-def]
    assert record_of(sentence, nlp).facts == []


def test_page_furniture_is_not_a_count(nlp):  # type: ignore[no-untyped-def]
    rec = record_of("The two ministers met in Paris on Monday.\n\nShare This Article\n\n2 Comments", nlp)
    assert rec.facts == []


@pytest.mark.parametrize("sentence,value,unit,about", [
    ("The two countries had a trade volume of $6.8-billion in 2023.", 6.8e9, "USD", "trade volume"),
    ("Japan extended a 100.9-billion-yen loan package to Manila.", 100.9e9, "JPY", "loan package"),
    ("The new loan carries an interest rate of three percent.", 3, "percent", "interest rate"),
    ("Exports to Azerbaijan rose 12.5 percent in January.", 12.5, "percent", "growth of Exports to Azerbaijan"),
    ("Bilateral trade fell by 4 percent in 2023.", 4, "percent", "fall in Bilateral trade"),
    ("Two-way trade rose by $2 billion in 2023.", 2e9, "USD", "increase in Two-way trade"),
    ("Two-way trade rose to $12 billion in 2023.", 12e9, "USD", "Two-way trade"),
    ("Ghana imported goods worth $480 million from Togo in 2023.", 480e6, "USD", "goods"),
    ("Czech companies have invested more than EUR 1.2 billion in Slovakia.", 1.2e9, "EUR", "invested in Slovakia"),
    ("Austria pledged €1.2 billion in aid to Moldova.", 1.2e9, "EUR", "aid"),
])
def test_about_names_the_quantity_not_who_acts(nlp, sentence, value, unit, about):  # type: ignore[no-untyped-def]
    facts = record_of(sentence, nlp).facts
    assert [(f.value, f.unit, f.about) for f in facts] == [(value, unit, about)]


def test_a_bare_dollar_is_that_of_the_state_that_spends_it(nlp):  # type: ignore[no-untyped-def]
    facts = record_of("KABUL (AP) - The Canadian government says it spent $11.3 billion on its mission since 2001.",
                      nlp, published="2011-07-08").facts
    assert [(f.value, f.unit) for f in facts] == [(11.3e9, "CAD")]
    facts = record_of("The Fijian government said it will spend $20 million on new roads.", nlp).facts
    assert [f.unit for f in facts] == ["FJD"]
    facts = record_of("Foreign Minister Winston Peters said New Zealand will give $5 million to Tonga. Ottawa will "
                      "provide $50 million in aid to Haiti. Australian Prime Minister Anthony Albanese announced $100 "
                      "million in aid for Papua New Guinea.", nlp).facts
    assert [f.unit for f in facts] == ["NZD", "CAD", "AUD"]


def test_a_number_told_twice_is_one_fact_but_tit_for_tat_expulsions_are_two(nlp):  # type: ignore[no-untyped-def]
    rec = record_of("Lithuania expelled three Belarusian embassy staff members on Monday. The decision to declare "
                    "three employees of the Belarusian embassy persona non grata was taken on Friday. In response, "
                    "Minsk declared three employees of the Lithuanian embassy persona non grata.", nlp)
    assert [f.value for f in rec.facts] == [3, 3]
    rec = record_of("Two soldiers were killed on Monday. The army said it shot down two drones.", nlp)
    assert [f.value for f in rec.facts] == [2, 2]


def test_the_time_of_a_comparison_is_not_the_period(nlp):  # type: ignore[no-untyped-def]
    facts = record_of("In March 2024, exports rose by 8 percent compared to March 2023.", nlp,
                      published="2024-04-20").facts
    assert [f.period for f in facts] == ["2024-03"]


def test_a_count_told_again_without_its_noun(nlp):  # type: ignore[no-untyped-def]
    facts = record_of("North Korea sent 260 balloons across the border, and around a hundred of them fell in "
                      "the capital. Over 3,000 Nepalis worked in Korea last year, up from about 2,100 in 2022.",
                      nlp, published="2024-06-20").facts
    assert [(f.value, f.about) for f in facts][:2] == [(260, "balloons"), (100, "balloons fell")]
    assert (2100, "count") in [(f.value, f.unit) for f in facts]


def test_since_a_year_runs_to_the_publication(nlp):  # type: ignore[no-untyped-def]
    facts = record_of("Ottawa says it has spent C$2 billion on the mission since 2015.", nlp,
                      published="2021-03-02").facts
    assert [(f.unit, f.period) for f in facts] == [("CAD", "2015/2021")]


def test_a_fact_told_twice_takes_the_date_of_the_telling_that_dates_it(nlp):  # type: ignore[no-untyped-def]
    facts = record_of("Estonia has expelled two Russian diplomats. The decision on March 3 to expel two "
                      "diplomats of the Russian embassy drew a protest.", nlp, published="2025-03-10").facts
    assert [(f.value, f.period) for f in facts] == [(2, "2025-03-03")]


@pytest.mark.parametrize("sentence", [
    "Three committee members of the two parliaments met in Riga.",
    "The airline will operate five flights a week between the two capitals.",
])
def test_general_nouns_counted_in_words_are_not_facts(nlp, sentence):  # type: ignore[no-untyped-def]
    assert record_of(sentence, nlp).facts == []


def test_a_conversion_and_a_change_name_what_they_measure(nlp):  # type: ignore[no-untyped-def]
    facts = record_of("Trade between Kenya and Uganda reached 420 billion shillings (about $3.2 billion) in 2023, up "
                      "12 percent from a year earlier, and the two countries aim to raise it to $5 billion.", nlp,
                      published="2024-06-20").facts
    assert [(f.unit, f.about) for f in facts] == [
        ("KES", "Trade between Kenya and Uganda"), ("USD", "Trade between Kenya and Uganda"),
        ("percent", "growth of Trade between Kenya and Uganda"), ("USD", "Trade between Kenya and Uganda")]


def test_a_figure_in_the_headline_is_told_by_the_body(nlp):  # type: ignore[no-untyped-def]
    facts = record_of("Laos gets $2.1b loan from Korea\n\nVIENTIANE (AFP): The two governments signed notes on "
                      "Monday for a 2.9-trillion-won (US$2.1 billion) loan package.", nlp, published="2024-06-20").facts
    usd = [f for f in facts if f.unit == "USD"]
    assert len(usd) == 1 and usd[0].evidence.text.startswith("VIENTIANE") and usd[0].about == "loan package"
    assert [f.unit for f in facts] == ["USD", "KRW"] or [f.unit for f in facts] == ["KRW", "USD"]


def test_that_month_is_the_month_named_before(nlp):  # type: ignore[no-untyped-def]
    facts = record_of("In March 2024, exports to Serbia rose by 45 percent, compared to March 2023. In that month, "
                      "imports from Serbia dropped by 8.6 percent, compared to March 2023.", nlp,
                      published="2024-04-20").facts
    assert [(f.value, f.period) for f in facts] == [(45, "2024-03"), (8.6, "2024-03")]


def test_people_harmed_are_counted_on_the_day_last_named(nlp):  # type: ignore[no-untyped-def]
    facts = record_of("Laos and Vietnam exchanged fire on Thursday near the border.\n\nAt least four Lao soldiers were "
                      "injured when shells hit a village, the army said.", nlp, published="2025-07-25").facts
    assert [(f.value, f.period) for f in facts] == [(4, "2025-07-24")]
