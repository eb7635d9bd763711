"""Record dates as analysts use them: first and last day, precision, words, and where they sort."""

from __future__ import annotations

import pytest

from entente.dates import human, lane, sort_key, span


@pytest.mark.parametrize("d, start, end, precision", [
    ("2024-06-20", "2024-06-20", "2024-06-20", "day"),
    ("2024-06", "2024-06-01", "2024-06-30", "month"),
    ("2024-02", "2024-02-01", "2024-02-29", "month"),
    ("2024", "2024-01-01", "2024-12-31", "year"),
    ("2024-01/2024-09", "2024-01-01", "2024-09-30", "month"),
    ("2025-01-14/2025-01-15", "2025-01-14", "2025-01-15", "day"),
    ("2024-06/2024-06-20", "2024-06-01", "2024-06-20", "month"),
    ("2023/2024", "2023-01-01", "2024-12-31", "year"),
    ("--10-31", None, None, "day-no-year"),
    ("--02-29", None, None, "day-no-year"),
    ("--10-31/--11-02", None, None, "day-no-year"),
    (None, None, None, "none"),
    ("", None, None, "none"),
    ("2024-02-30", None, None, "none"),
    ("soon", None, None, "none"),
])
def test_a_date_spans_its_days_with_its_precision(d: str | None, start: str | None, end: str | None,
                                                  precision: str) -> None:
    s = span(d)
    assert (s.start, s.end, s.precision) == (start, end, precision)


@pytest.mark.parametrize("d, words", [
    ("2024-06-20", "20 Jun 2024"), ("2024-06", "Jun 2024"), ("2024", "2024"), ("--10-31", "31 Oct (year unknown)"),
    ("2025-01-14/2025-01-15", "14–15 Jan 2025"), ("2024-01/2024-09", "Jan–Sep 2024"),
    ("2023-12-30/2024-01-02", "30 Dec 2023–2 Jan 2024"), (None, "undated"),
])
def test_dates_read_as_people_write_them(d: str | None, words: str) -> None:
    assert human(d) == words


def test_year_unknown_and_undated_sort_last_both_ways() -> None:
    ds = [None, "--01-02", "2024", "2023-05-22", "2024-06", "2025-01-13"]
    assert sorted(ds, key=sort_key) == ["2023-05-22", "2024", "2024-06", "2025-01-13", "--01-02", None]
    assert sorted(ds, key=lambda d: sort_key(d, newest=True)) == ["2025-01-13", "2024-06", "2024", "2023-05-22",
                                                                 "--01-02", None]
    assert [lane(d) for d in ("2024", "--10-31", None)] == ["dated", "year unknown", "undated"]
