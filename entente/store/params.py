"""Query parameters, checked: every value a user can give a read command or an API route is either
turned into the form the store holds (codes in capitals, modes in lower case) or refused with an
`InvalidParameter` that names it and suggests what was probably meant."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from datetime import date
from functools import lru_cache

from entente.errors import InvalidParameter
from entente.fold import key
from entente.gazetteer import load as gazetteer
from entente.records import MODES

DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
MAX_TEXT = 200
MAX_PAGE_SIZE = 500


def suggest(value: str, choices: Sequence[str], n: int = 3) -> str:
    """'; did you mean X?' for the closest of `choices` to `value` (case folded), or ''. Codes of
    the same length rank first by the letters they share in place (RUZ: RUS before UZB)."""
    folded = {c.casefold(): c for c in choices}
    v = value.casefold()
    close = difflib.get_close_matches(v, list(folded), n=10, cutoff=0.6)
    close.sort(key=lambda c: -sum(a == b for a, b in zip(c, v, strict=False)) if len(c) == len(v) else 0)
    if not close:
        return ""
    return "; did you mean " + " or ".join(folded[c] for c in close[:n]) + "?"


@lru_cache(maxsize=1)
def _country_codes() -> tuple[str, ...]:
    return tuple(sorted(gazetteer().countries))


def check_country(value: str, name: str = "country") -> str:
    """An ISO 3166-1 alpha-3 code in capitals, from a code in any case or a country's name."""
    codes = _country_codes()
    code = value.strip().upper()
    if code in codes:
        return code
    named = gazetteer().country_by_name.get(key(value))
    if named:
        return named
    if len(code) == 3 and code.isalpha():
        raise InvalidParameter(name, f"{value[:40]} is not a country code{suggest(code, codes)}")
    raise InvalidParameter(name, f"{value[:40]!r} is not an ISO 3166-1 alpha-3 country code such as RUS")


def check_choice(value: str | None, choices: Sequence[str], name: str) -> str | None:
    """`value` as spelled in `choices` (matched without regard to case), or None."""
    if value is None:
        return None
    for c in choices:
        if c.casefold() == value.strip().casefold():
            return c
    hint = suggest(value, choices) or f"; one of {', '.join(choices)}"
    raise InvalidParameter(name, f"{value[:40]!r} is not a {name}{hint}")


def check_mode(value: str | None, name: str = "mode") -> str | None:
    """An event mode entente records (meet, visit, call, sign, ... and PLOVER's own), or None."""
    return check_choice(value, MODES, name)


def check_date(value: str | None, name: str) -> str | None:
    """`value` if it is a real date written YYYY, YYYY-MM or YYYY-MM-DD (or None)."""
    if value is None:
        return None
    match = DATE.match(value)
    if not match:
        raise InvalidParameter(name, f"{value[:40]!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
    y, mo, d = (int(g) if g else 1 for g in match.groups())
    try:
        date(y, mo, d)
    except ValueError as exc:
        raise InvalidParameter(name, f"{value!r} is not a calendar date") from exc
    return value


def check_text(value: str | None, name: str) -> str | None:
    if value is not None and not 1 <= len(value) <= MAX_TEXT:
        raise InvalidParameter(name, f"must be 1 to {MAX_TEXT} characters")
    return value


def check_page(limit: int, offset: int) -> None:
    if not 1 <= limit <= MAX_PAGE_SIZE:
        raise InvalidParameter("page_size", f"must be between 1 and {MAX_PAGE_SIZE}")
    if offset < 0:
        raise InvalidParameter("page", "must be 1 or more")
