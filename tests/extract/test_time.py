from __future__ import annotations

from datetime import date

import pytest

from entente.extract.time import PATTERNS, REQUIRED_WORDS, find_times, parse_date


def _values(text: str, published: str | None) -> list[str | None]:
    return [t.value for t in find_times(text, published)]


@pytest.mark.parametrize("text,published,expected", [
    ("It increased by more than 8% last year.", "2024-06-20", ["2023"]),
    ("a working visit from May 21-23 under", "2023-05-22", ["2023-05-21/2023-05-23"]),
    ("in a meeting on October 31 in Hanoi", "--10-31", ["--10-31"]),
    ("in a meeting on October 31 in Hanoi", None, ["--10-31"]),
    ("24 per cent in the first nine months of 2024", "2025-01-13", ["2024-01/2024-09"]),
    ("the meeting in October", "2025-01-13", ["2024-10"]),
    ("talks on December 28", "2024-01-10", ["2023-12-28"]),
    ("visit in June 2024 and in September the same year", "2025-01-13", ["2024-06", "2024-09"]),
    ("Since 2001, ties grew and were upgraded 11 years later.", "2025-01-13", ["2001", "2012"]),
    ("the 30th anniversary of the treaty", "2024-06-20", ["1994"]),
    ("They met on Monday.", "2024-01-10", ["2024-01-08"]),
    ("on Oct. 9, 2023 and on 9 October 2023", "2024-01-10", ["2023-10-09", "2023-10-09"]),
    ("two days after he threatened tariffs", "2024-11-27", ["2024-11-25"]),
    ("signed a week ago", "2024-11-27", ["2024-11-20"]),
    ("signed in February last year", "2025-02-25", ["2024-02"]),
    ("Thirty years ago the border was closed.", "2024-06-20", ["1994"]),
    ("It was signed fifteen days ago.", "2024-06-20", ["2024-06-05"]),
])
def test_resolves_against_publication_date(text, published, expected):  # type: ignore[no-untyped-def]
    assert _values(text, published) == expected


def test_planned_date_across_a_year_boundary_has_a_future_reading():  # type: ignore[no-untyped-def]
    (t,) = find_times("will visit on January 14-15", "2024-12-30")
    assert t.value == "2024-01-14/2024-01-15"
    assert t.future_value == "2025-01-14/2025-01-15"


def test_numbers_are_not_years():  # type: ignore[no-untyped-def]
    assert _values("trade of US$2025 million and 2,024 students, 2024%", "2024-06-20") == []


def test_weekday_without_a_known_year_stays_unknown():  # type: ignore[no-untyped-def]
    (t,) = find_times("They met in Prague on Wednesday.", "--04-17")
    assert t.kind == "weekday" and t.value is None


def test_remembered_dateparser_readings_equal_fresh_ones() -> None:
    for text in ("05.03.2024", "in 2 weeks", "2 months ago", "the 5th of March", "March 5th 2024"):
        for base in (date(2024, 6, 20), date(2023, 1, 10)):
            assert parse_date(text, base) == parse_date.__wrapped__(text, base)


def test_relative_dates_read_by_dateparser_follow_each_articles_publication_date() -> None:
    text = "The deal was signed on 05.03.2024 and takes effect in 2 weeks."
    dates = [(23, 33), (51, 61)]
    assert text[23:33] == "05.03.2024" and text[51:61] == "in 2 weeks"
    first = [(t.value, t.kind) for t in find_times(text, "2024-06-20", dates)]
    second = [(t.value, t.kind) for t in find_times(text, "2023-01-10", dates)]
    again = [(t.value, t.kind) for t in find_times(text, "2024-06-20", dates)]
    assert first == [("2024-05-03", "dateparser"), ("2024-07-04", "dateparser")]
    assert second == [("2024-05-03", "dateparser"), ("2023-01-24", "dateparser")]
    assert again == first


@pytest.mark.parametrize("kind", sorted(REQUIRED_WORDS))
def test_a_pattern_matches_only_where_one_of_its_required_words_is(kind: str) -> None:
    rx = dict(PATTERNS)[kind]
    samples = ["the first nine months of 2024", "the second half of 2023", "the third quarter of 2022",
               "in March last year", "in September the same year", "next week", "two days ago", "a week earlier",
               "11 years later", "over the past 10 years", "the 30th anniversary", "THE FIRST HALF OF 2023",
               "the ſecond half of 2023, the ſame year", "Two Weeks Ago", "the 75TH ANNIVERSARY",
               "the year to March", "THE FOUR QUARTERS TO THE END OF SEPTEMBER 2024", "earlier the same day"]
    for text in samples:
        if rx.search(text):
            assert any(w in text.casefold() for w in REQUIRED_WORDS[kind]), text
    assert any(rx.search(text) for text in samples)


@pytest.mark.parametrize("text,fiscal_start,value", [
    ("Bilateral trade stood at USD 22.85 billion in 2023-24.", 4, "2023-04/2024-03"),
    ("Exports rose in FY2023-24.", 4, "2023-04/2024-03"),
    ("Two-way trade reached A$30 billion in 2023-24.", 7, "2023-07/2024-06"),
    ("Trade was worth about $NZ1.1 billion in the year to March.", 7, "2024-04/2025-03"),
    ("Trade stood at £7.2 billion in the four quarters to the end of September 2024.", 4, "2023-10/2024-09"),
])
def test_fiscal_and_trailing_years(text, fiscal_start, value):  # type: ignore[no-untyped-def]
    from entente.extract.time import find_times

    assert [e.value for e in find_times(text, "2025-06-11", fiscal_start=fiscal_start)][-1] == value


def test_two_years_apart_are_not_a_fiscal_year():  # type: ignore[no-untyped-def]
    from entente.extract.time import find_times

    assert [e.value for e in find_times("between 2023-25 and 2019-2020", "2025-06-11")] == [
        "2023", "2019", "2020"]


def test_fiscal_year_start_by_outlet_country():  # type: ignore[no-untyped-def]
    from entente.extract.time import fiscal_start

    assert (fiscal_start("IND"), fiscal_start("AUS"), fiscal_start("USA"), fiscal_start(None)) == (4, 7, 10, 4)


def test_the_same_day_is_the_day_last_named():  # type: ignore[no-untyped-def]
    from entente.extract.time import find_times

    text = "The prime minister received him on November 4. Earlier the same day, he held talks."
    assert [e.value for e in find_times(text, "2024-11-05")] == ["2024-11-04", "2024-11-04"]
    assert [e.value for e in find_times("Earlier the same day, he held talks.", "2024-11-05")] == []
