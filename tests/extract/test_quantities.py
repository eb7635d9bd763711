from __future__ import annotations

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


def test_a_count_stated_in_the_present_is_of_the_year_of_publication(nlp):  # type: ignore[no-untyped-def]
    facts = record_of("Some 184,000 ethnic Hungarians live in Vojvodina. In 2019, 12,000 students studied abroad.",
                      nlp, published="2024-12-12").facts
    assert [(f.value, f.period) for f in facts] == [(184000, "2024"), (12000, "2019")]
