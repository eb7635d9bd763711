"""Time expressions, resolved against the publication date.

Own rules cover what news about diplomacy writes ("on October 31", "January 14-15", "from May
21-23", "in September the same year", "the first nine months of 2024", "last year", "11 years
later", "the 30th anniversary of ..."); dateparser reads whatever else spaCy tags as a DATE.
A year the text cannot tell stays unknown (`--MM-DD`); nothing is invented.
"""

from __future__ import annotations

import calendar
import json
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from importlib import resources

import dateparser
from spacy.tokens import Doc

from entente import gazetteer
from entente.extract.component import component
from entente.extract.doctext import doc_text

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS |= {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
MONTHS["sept"] = 9
# month names and abbreviations grouped by first letter, longer forms first: Python's engine then
# rejects a word after one comparison instead of twenty-four (ignoring case, it cannot skip ahead)
MONTH = r"(?P<month>J(?:anuary|une|uly|an|un|ul)|F(?:ebruary|eb)|M(?:arch|ay|ar)|A(?:pril|ugust|pr|ug)|" \
        r"S(?:eptember|ept|ep)|O(?:ctober|ct)|N(?:ovember|ov)|D(?:ecember|ec))\.?"
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
DAY2 = r"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?P<year>(?:19|20)\d\d)"
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("range_md", re.compile(rf"\b{MONTH}\s+{DAY}\s*(?:-|to|and|until)\s*{DAY2}\b(?:,?\s+{YEAR})?", re.I)),
    ("range_dm", re.compile(rf"\b{DAY}\s*(?:-|to|and)\s*{DAY2}\s+{MONTH}(?:,?\s+{YEAR})?", re.I)),
    ("md", re.compile(rf"\b{MONTH}\s+{DAY}\b(?!\s*(?:-|%|per))(?:,?\s+{YEAR})?", re.I)),
    ("dm", re.compile(rf"\b{DAY}\s+{MONTH}(?:,?\s+{YEAR})?", re.I)),
    ("part_of_year", re.compile(
        rf"\b(?:the\s+)?(?P<part>first|last|past)\s+(?P<n>\w+)\s+months\s+of\s+(?:the\s+year\s+)?"
        rf"(?:{YEAR}|(?P<rel>this|last)\s+year)", re.I)),
    ("half", re.compile(rf"\b(?:the\s+)?(?P<half>first|second)\s+half\s+of\s+{YEAR}", re.I)),
    ("quarter", re.compile(rf"\b(?:the\s+)?(?P<q>first|second|third|fourth)\s+quarter\s+of\s+{YEAR}", re.I)),
    ("split_year", re.compile(r"\b(?:(?:FY|fiscal(?:\s+year)?)\s?)?(?P<year>(?:19|20)\d\d)\s?[-–/]\s?(?P<y2>\d\d)\b"
                              r"(?![-–/]\d)(?:\s+fiscal(?:\s+year)?)?", re.I)),
    ("year_to", re.compile(rf"\b(?:the\s+)?(?:year|twelve\s+months|12\s+months|four\s+quarters)\s+(?:to|ending|ended)"
                           rf"\s+(?:the\s+end\s+of\s+)?{MONTH}(?:\s+{YEAR})?", re.I)),
    ("my", re.compile(rf"\b{MONTH}\s+(?:of\s+)?{YEAR}", re.I)),
    ("month_relative_year", re.compile(rf"\b(?:in\s+)?{MONTH}\s+(?:of\s+)?(?P<rel>last|this|next)\s+year\b", re.I)),
    ("month_same_year", re.compile(rf"\b(?:in\s+)?{MONTH}\s+(?:of\s+)?the\s+same\s+year", re.I)),
    ("same_day", re.compile(r"\b(?:on\s+)?the\s+same\s+day\b", re.I)),
    ("in_month", re.compile(rf"\b(?:in|since|during|by|until|from|early|late|mid|mid-)\s+(?:early\s+|late\s+|mid-?)?{MONTH}(?!\s+\d)\b")),
    ("relative", re.compile(r"\b(?P<rel>last|this|next|the\s+previous|the\s+coming|the\s+past)\s+(?P<unit>year|month|week)\b", re.I)),
    ("deictic", re.compile(r"\b(?P<deictic>yesterday|today|tomorrow|tonight)\b", re.I)),
    ("weekday", re.compile(r"\b(?:on\s+|last\s+|next\s+|this\s+)?(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")),
    ("days_offset", re.compile(r"\b(?P<n>\d+|\w+)\s+(?P<unit>days?|weeks?)\s+(?P<dir>ago|earlier|after)\b", re.I)),
    ("years_later", re.compile(r"\b(?P<n>\d+|\w+)\s+years\s+(?P<dir>later|earlier|ago)\b", re.I)),
    ("past_years", re.compile(r"\b(?:over|in|during)\s+the\s+(?:past|last)\s+(?P<n>\d+|\w+)\s+years\b", re.I)),
    ("anniversary", re.compile(r"\b(?P<n>\d+)(?:st|nd|rd|th)\s+(?:founding\s+)?anniversary\b", re.I)),
    ("year", re.compile(rf"(?<![\d$€£,.])\b{YEAR}\b(?!\d|,\d|%|\.\d|\s*(?:per\s*cent|percent))")),
]


YEARS_LATER = dict(PATTERNS)["years_later"]
# Words without which a pattern cannot match (one of them, in the case-folded text): a scan of
# the article for a word is far cheaper than one for a pattern. None holds an "i", which
# IGNORECASE also matches to "ı" and "İ" that case-folding does not turn into an "i".
REQUIRED_WORDS: dict[str, tuple[str, ...]] = {
    "part_of_year": ("month",), "half": ("half",), "quarter": ("quarter",), "month_relative_year": ("year",),
    "month_same_year": ("same",), "same_day": ("same",), "relative": ("year", "month", "week"), "days_offset": ("day", "week"),
    "years_later": ("year",), "past_years": ("year",), "anniversary": ("versary",),
    "year_to": ("year", "month", "quarter"),
}


@dataclass
class TimeExpr:
    """A time expression with its value in the spec's date forms, or None when unknowable."""

    start: int
    end: int
    text: str
    value: str | None
    kind: str
    future_value: str | None = None
    explicit_year: bool = False


@dataclass
class Anchor:
    """What a relative expression is resolved against."""

    year: int | None
    month: int | None
    day: int | None
    fiscal_start: int = 4  # the month the outlet's country starts its fiscal year in

    @classmethod
    def parse(cls, published: str | None, fiscal_start: int = 4) -> Anchor:
        if not published:
            return cls(None, None, None, fiscal_start)
        m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", published)
        if m:
            return cls(int(m[1]), int(m[2]), int(m[3]), fiscal_start)
        m = re.fullmatch(r"--(\d\d)-(\d\d)", published)
        if m:
            return cls(None, int(m[1]), int(m[2]), fiscal_start)
        return cls(None, None, None, fiscal_start)

    def as_date(self) -> date | None:
        if self.year and self.month and self.day:
            return date(self.year, self.month, self.day)
        return None


@lru_cache(maxsize=1)
def _number_words() -> dict[str, int]:
    # the same list of number words that facts read (units.json), so "thirty years ago" is a date too
    text = resources.files("entente.data").joinpath("units.json").read_text(encoding="utf-8")
    words: dict[str, int] = json.loads(text)["number_words"]
    return words


def _num(word: str) -> int | None:
    return int(word) if word.isdigit() else _number_words().get(word.lower())


def _md(year: int | None, month: int, day: int) -> str:
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"


def _year_for(anchor: Anchor, month: int, day: int | None, future: bool) -> int | None:
    """The year of a month (and day) given without one: the latest not after publication, or
    the earliest not before it for things still to come."""
    if anchor.year is None or anchor.month is None:
        return None
    later = (month, day or 1) > (anchor.month, anchor.day or 1)
    earlier = (month, day or 31) < (anchor.month, anchor.day or 1)
    if future:
        return anchor.year + 1 if earlier else anchor.year
    return anchor.year - 1 if later else anchor.year


def _valid(year: int | None, month: int, day: int) -> bool:
    try:
        date(year or 2000, month, day)
    except ValueError:
        return False
    return True


def resolve(kind: str, m: re.Match[str], anchor: Anchor, context_year: int | None) -> TimeExpr | None:
    """One matched expression resolved; None when it is not a date after all."""
    g = m.groupdict()
    text = m.group(0)
    year = int(g["year"]) if g.get("year") else None
    month = MONTHS.get((g.get("month") or "").lower().rstrip("."))
    e = TimeExpr(m.start(), m.end(), text, None, kind, explicit_year=year is not None)
    if kind in ("range_md", "range_dm", "md", "dm"):
        day = int(g["day"])
        day2 = int(g["day2"]) if g.get("day2") else None
        if month is None or not _valid(year, month, day) or (day2 and (not _valid(year, month, day2) or day2 <= day)):
            return None
        past = year or _year_for(anchor, month, day, future=False)
        fut = year or _year_for(anchor, month, day, future=True)
        if day2:
            e.value = f"{_md(past, month, day)}/{_md(past, month, day2)}"
            e.future_value = f"{_md(fut, month, day)}/{_md(fut, month, day2)}"
        else:
            e.value, e.future_value = _md(past, month, day), _md(fut, month, day)
        return e
    if kind == "part_of_year":
        n = _num(g["n"])
        if year is None and g.get("rel") and anchor.year:
            year = anchor.year - (g["rel"].lower() == "last")
        if not n or not 1 <= n <= 12 or year is None:
            return None
        e.value = f"{year}-01/{year}-{n:02d}" if g["part"].lower() == "first" else f"{year}-{13 - n:02d}/{year}-12"
        return e
    if kind == "half":
        e.value = f"{year}-01/{year}-06" if g["half"].lower() == "first" else f"{year}-07/{year}-12"
        return e
    if kind == "quarter":
        q = ["first", "second", "third", "fourth"].index(g["q"].lower())
        e.value = f"{year}-{3 * q + 1:02d}/{year}-{3 * q + 3:02d}"
        return e
    if kind == "split_year":
        # "2023-24": a fiscal year, from the month the outlet's country starts it in
        if year is None or (year + 1) % 100 != int(g["y2"]):
            return None  # "2019-2020" is two years, "2023-25" no fiscal year
        start = anchor.fiscal_start
        e.value = f"{year}-01/{year}-12" if start == 1 else f"{year}-{start:02d}/{year + 1}-{start - 1:02d}"
        return e
    if kind == "year_to" and month:
        # "the year to March", "the four quarters to the end of September 2024": the 12 months ending then
        end_year = year or _year_for(anchor, month, None, future=False)
        if end_year is None:
            return None
        first = month % 12 + 1
        e.value = f"{end_year - (first != 1)}-{first:02d}/{end_year}-{month:02d}"
        return e
    if kind == "my" and month:
        e.value = f"{year}-{month:02d}"
        return e
    if kind == "month_relative_year" and month:
        shift = {"last": -1, "this": 0, "next": 1}[g["rel"].lower()]
        e.value = f"{anchor.year + shift}-{month:02d}" if anchor.year else None
        e.explicit_year = anchor.year is not None
        return e
    if kind == "month_same_year" and month:
        e.value = f"{context_year}-{month:02d}" if context_year else None
        e.explicit_year = context_year is not None
        return e
    if kind == "same_day":
        return e  # resolved below against the day named before it
    if kind == "in_month" and month:
        past = _year_for(anchor, month, None, future=False)
        fut = _year_for(anchor, month, None, future=True)
        e.value = f"{past}-{month:02d}" if past else None
        e.future_value = f"{fut}-{month:02d}" if fut else None
        return e
    if kind == "relative":
        return _relative(e, g["rel"].lower(), g["unit"].lower(), anchor)
    if kind == "deictic":
        d = anchor.as_date()
        if d is None:
            return e if anchor.month is None else _with(e, _md(None, anchor.month, anchor.day or 1))
        shift = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[g["deictic"].lower()]
        e.value = (d + timedelta(days=shift)).isoformat()
        return e
    if kind == "weekday":
        d = anchor.as_date()
        if d is None:
            return e  # a day of the week with no full publication date: known to be unknown
        wd = WEEKDAYS[g["weekday"].lower()]
        back = (d.weekday() - wd) % 7
        fwd = (wd - d.weekday()) % 7
        e.value = (d - timedelta(days=back)).isoformat()
        e.future_value = (d + timedelta(days=fwd)).isoformat()
        return e
    if kind == "days_offset":
        # "two days ago", "a week earlier", "... two days after he threatened": N days before publication
        n = _num(g["n"]) if g["n"].lower() not in ("a", "one") else 1
        d = anchor.as_date()
        if n is None or d is None:
            return None
        e.value = (d - timedelta(days=n * (7 if g["unit"].lower().startswith("week") else 1))).isoformat()
        return e
    if kind == "years_later":
        n = _num(g["n"])
        if n is None:
            return None
        base = anchor.year if g["dir"].lower() == "ago" else context_year
        if base is None:
            return e  # resolved later against the year named before it
        e.value = str(base - n if g["dir"].lower() in ("ago", "earlier") else base + n)
        return e
    if kind == "past_years":
        n = _num(g["n"])
        if n is None or anchor.year is None:
            return None
        e.value = f"{anchor.year - n}/{anchor.year}"
        return e
    if kind == "anniversary":
        n = int(g["n"])
        e.value = str(anchor.year - n) if anchor.year else None
        return e
    if kind == "year" and year:
        e.value = str(year)
        return e
    return None


def _with(e: TimeExpr, value: str) -> TimeExpr:
    e.value = value
    return e


def _relative(e: TimeExpr, rel: str, unit: str, anchor: Anchor) -> TimeExpr:
    shift = {"last": -1, "the previous": -1, "the past": -1, "this": 0, "next": 1, "the coming": 1}.get(
        " ".join(rel.split()), 0)
    if unit == "year":
        e.value = str(anchor.year + shift) if anchor.year else None
    elif unit == "month" and anchor.month:
        m = anchor.month + shift
        y = anchor.year
        if m == 0:
            m, y = 12, (y - 1 if y else None)
        elif m == 13:
            m, y = 1, (y + 1 if y else None)
        e.value = f"{y}-{m:02d}" if y else None
    elif unit == "week":
        d = anchor.as_date()
        if d:
            monday = d - timedelta(days=d.weekday()) + timedelta(weeks=shift)
            e.value = f"{monday.isoformat()}/{(monday + timedelta(days=6)).isoformat()}"
    return e


def find_times(text: str, published: str | None, dates: list[tuple[int, int]] | None = None,
               fiscal_start: int = 4) -> list[TimeExpr]:
    """Every time expression in `text`, left to right, resolved against `published`.

    `dates` are spans spaCy tagged DATE; those no rule covers are tried with dateparser.
    `fiscal_start` is the month fiscal years start in where the article was written.
    """
    anchor = Anchor.parse(published, fiscal_start)
    folded = text.casefold()
    matches: list[tuple[int, int, str, re.Match[str]]] = []
    for kind, rx in PATTERNS:
        if (words := REQUIRED_WORDS.get(kind)) and not any(w in folded for w in words):
            continue
        for m in rx.finditer(text):
            matches.append((m.start(), -m.end(), kind, m))
    matches.sort()
    found: list[TimeExpr] = []
    taken: list[tuple[int, int]] = []
    context_year: int | None = None
    for start, neg_end, kind, m in matches:
        end = -neg_end
        if any(a < end and start < b for a, b in taken):
            continue
        e = resolve(kind, m, anchor, context_year)
        if e is None:
            continue
        found.append(e)
        taken.append((start, end))
    found.sort(key=lambda t: t.start)
    # "the same year" and "N years later" refer to the year most recently named before them
    context_year = None
    context_day: str | None = None
    for e in found:
        if e.kind == "same_day":
            e.value = context_day  # "earlier the same day": the day last named
        elif e.kind == "month_same_year":
            mm = re.search(MONTH, e.text, re.I)
            month = MONTHS[mm["month"].lower().rstrip(".")] if mm else 1
            e.value = f"{context_year}-{month:02d}" if context_year else None
        elif e.kind == "years_later" and "ago" not in e.text.lower():
            later = YEARS_LATER.match(e.text)
            n = _num(later["n"]) if later else None
            if n is not None and context_year:
                sign = -1 if "earlier" in e.text.lower() else 1
                e.value = str(context_year + sign * n)
        if e.explicit_year and e.value:
            context_year = int(e.value[:4])
        if e.value and re.fullmatch(r"(?:\d{4}|-)-\d\d-\d\d", e.value):
            context_day = e.value
    found = [e for e in found if e.value is not None or e.kind in ("md", "in_month", "weekday")]
    for s, t in dates or []:
        if any(a < t and s < b for a, b in taken):
            continue
        parsed = _dateparser(text[s:t], anchor)
        if parsed:
            found.append(TimeExpr(s, t, text[s:t], parsed, "dateparser"))
    found.sort(key=lambda t: t.start)
    return found


def _dateparser(text: str, anchor: Anchor) -> str | None:
    """A spaCy DATE that no rule covered, read by dateparser; a date only when it names a day."""
    base = anchor.as_date()
    if base is None or not re.search(r"\d", text):
        return None
    return parse_date(text, base)


@lru_cache(maxsize=4096)
def parse_date(text: str, base: date) -> str | None:
    """`text` read by dateparser relative to `base` (remembered: dateparser takes milliseconds
    a call, and wire copy repeats its date phrases), as an ISO day, or None."""
    settings = {"RELATIVE_BASE": datetime(base.year, base.month, base.day), "PREFER_DATES_FROM": "past",
                "REQUIRE_PARTS": ["day", "month", "year"], "STRICT_PARSING": True}
    try:
        got = dateparser.parse(text, languages=["en"], settings=settings)
    except (ValueError, OverflowError):
        return None
    if got is None or not 1900 <= got.year <= base.year + 5:
        return None
    return got.date().isoformat()


@component("entente_time")
def time_component(doc: Doc) -> Doc:
    """Set doc._.times: the article's time expressions, resolved against its publication date."""
    article = doc._.article
    published = article.published if article is not None else None
    dates = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "DATE"]
    home = gazetteer.load().home_of(article.source) if article is not None else None
    doc._.times = find_times(doc_text(doc), published, dates, fiscal_start(home))
    return doc


@lru_cache(maxsize=1)
def _fiscal_years() -> dict:
    return json.loads(resources.files("entente.data").joinpath("fiscal_years.json").read_text(encoding="utf-8"))


def fiscal_start(country: str | None) -> int:
    """The month a fiscal year starts in, in `country` (fiscal_years.json)."""
    data = _fiscal_years()
    return int(data["starts"].get(country or "", data["default"]))
