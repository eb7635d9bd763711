"""Record dates as analysts use them: the ISO first and last day a date string covers and how
precise it is, a human reading of it, and a sort key that puts year-unknown and undated last.

Record dates are `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `--MM-DD` or an interval `A/B` of two of those
(../shared/spec/records.md); everything here is computed from that string alone."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from typing import Literal

Precision = Literal["day", "month", "year", "day-no-year", "none"]
PRECISIONS: tuple[Precision, ...] = ("day", "month", "year", "day-no-year", "none")
# coarser last: an interval is as precise as its coarser end
_RANK = {"day": 0, "day-no-year": 1, "month": 2, "year": 3, "none": 4}
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class Span:
    """What a record date covers: `start` and `end` are ISO days (None when it names no year)."""

    start: str | None
    end: str | None
    precision: Precision


NONE = Span(None, None, "none")


def _part(d: str) -> tuple[date, date, Precision] | tuple[None, None, Precision]:
    """The first and last day one date (no interval) covers, and its precision; raises ValueError
    on a string that is no record date."""
    if d.startswith("--"):
        month, day = (int(x) for x in d[2:].split("-"))
        date(2000, month, day)  # a leap year: 29 February is a real day without a year
        return None, None, "day-no-year"
    parts = [int(x) for x in d.split("-")]
    if len(parts) == 1 and len(d) == 4:
        return date(parts[0], 1, 1), date(parts[0], 12, 31), "year"
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return date(parts[0], parts[1], 1), date(parts[0], parts[1], last), "month"
    if len(parts) == 3:
        one = date(*parts)
        return one, one, "day"
    raise ValueError(d)


def span(d: str | None) -> Span:
    """`date_start`, `date_end` and `precision` of a record date: '2024-06' is 2024-06-01 to
    2024-06-30, month; '2024-01/2024-09' 2024-01-01 to 2024-09-30, month; '--10-31' no days,
    day-no-year; None, or a string that is no date, no days and none."""
    if not d:
        return NONE
    try:
        first, _, second = d.partition("/")
        lo = _part(first)
        hi = _part(second) if second else lo
    except (ValueError, TypeError):
        return NONE
    precision = max(lo[2], hi[2], key=_RANK.__getitem__)
    if lo[0] is None or hi[1] is None:
        return Span(None, None, "day-no-year" if precision != "none" else "none")
    return Span(lo[0].isoformat(), hi[1].isoformat(), precision)


def _words(d: str) -> str:
    """One date (no interval) as people write it: '20 Jun 2024', 'Jun 2024', '2024', '31 Oct'."""
    if d.startswith("--"):
        month, day = (int(x) for x in d[2:].split("-"))
        return f"{day} {MONTHS[month - 1]}"
    parts = [int(x) for x in d.split("-")]
    if len(parts) == 3:
        return f"{parts[2]} {MONTHS[parts[1] - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{MONTHS[parts[1] - 1]} {parts[0]}"
    return str(parts[0])


def human(d: str | None) -> str:
    """A record date for people: '20 Jun 2024', '14–15 Jan 2025', 'Jan–Sep 2024', '31 Oct (year
    unknown)', 'undated'; a string that is no date is given back as it is."""
    if not d:
        return "undated"
    s = span(d)
    if s.precision == "none":
        return d
    first, _, second = d.partition("/")
    text = _words(first) if not second else _interval(first, second)
    return text + " (year unknown)" if s.precision == "day-no-year" else text


def _interval(first: str, second: str) -> str:
    a, b = _words(first), _words(second)
    a_parts, b_parts = a.split(" "), b.split(" ")
    # '14 Jan 2025–15 Jan 2025' reads '14–15 Jan 2025'; 'Jan 2024–Sep 2024' reads 'Jan–Sep 2024'
    if len(a_parts) == len(b_parts) and len(a_parts) >= 2 and a_parts[-1] == b_parts[-1]:
        if len(a_parts) == 3 and a_parts[1] == b_parts[1]:
            return f"{a_parts[0]}–{b}"
        return f"{' '.join(a_parts[:-1])}–{b}"
    return f"{a}–{b}"


def lane(d: str | None) -> Literal["dated", "year unknown", "undated"]:
    """Where a date is shown: on the time axis, in the year-unknown lane, or the undated one."""
    s = span(d)
    return "dated" if s.start else "year unknown" if s.precision == "day-no-year" else "undated"


def sort_key(d: str | None, newest: bool = False) -> tuple[int, str]:
    """A key that sorts dated first (oldest first, or newest first with `newest`), then year
    unknown, then undated; the date string is compared as stored."""
    where = {"dated": 0, "year unknown": 1, "undated": 2}[lane(d)]
    text = d or ""
    if newest and where == 0:
        # reversed character by character: newest first under an ascending sort
        text = "".join(chr(0x10FFFF - ord(c)) for c in text) + "\U0010ffff"
    return where, text
