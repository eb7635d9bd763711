"""Article fields of a record in a dump (a JSON line, a CSV row, a feed entry): which field holds
the text, title, date, URL and source, dates as YYYY-MM-DD, and a stable doc_id."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from importlib import resources
from typing import Any

import dateparser

from entente.errors import Messages

FIELDS = ("id", "text", "html", "title", "date", "url", "source")
UNSAFE_ID = re.compile(r"[^\w.-]+")


@lru_cache(maxsize=1)
def column_names() -> dict[str, tuple[str, ...]]:
    """For each article field, the names a dump may give it (entente/data/columns.json)."""
    data = json.loads(resources.files("entente.data").joinpath("columns.json").read_text(encoding="utf-8"))
    return {f: tuple(data[f]) for f in FIELDS}


def find_columns(names: list[str], overrides: Mapping[str, str] | None = None) -> dict[str, str]:
    """Which of `names` holds each article field: an override first, else the first known name."""
    folded = {n.strip().lower(): n for n in names}
    found: dict[str, str] = {}
    for f, candidates in column_names().items():
        wanted = (overrides or {}).get(f)
        if wanted is not None:
            if wanted.lower() in folded:
                found[f] = folded[wanted.lower()]
            continue
        for c in candidates:
            if c in folded and folded[c] not in found.values():
                found[f] = folded[c]
                break
    return found


def iso_date(value: Any) -> str | None:
    """`value` (ISO 8601, an RFC 822 or written date, a Unix time) as YYYY-MM-DD, or None."""
    if value is None or value == "":
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return datetime.fromtimestamp(value / 1000 if value > 1e11 else value).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    text = str(value).strip()
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    parsed = dateparser.parse(text, settings={"STRICT_PARSING": True, "RETURN_AS_TIMEZONE_AWARE": False})
    return parsed.date().isoformat() if parsed else None


def short_hash(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()[:16]


def stable_id(stem: str, record_id: Any, url: str | None, text: str) -> str:
    """A doc_id that stays the same across runs: the record's id (within its file), else a hash of
    its URL, else a hash of its text."""
    if record_id not in (None, ""):
        return UNSAFE_ID.sub("_", f"{stem}_{record_id}")[:200]
    if url:
        return f"u{short_hash(url.strip())}"
    return f"t{short_hash(' '.join(text.split()))}"


@dataclass
class Fields:
    """The article fields of one record, as strings, with warnings about them."""

    text: str | None
    html: str | None
    title: str | None
    published: str | None
    url: str | None
    source: str | None
    record_id: Any
    warnings: list[str] = field(default_factory=list)


def _str(value: Any) -> str | None:
    if value is None:
        return None
    text = value if isinstance(value, str) else str(value)
    return text.strip() or None


def pick(record: Mapping[str, Any], columns: Mapping[str, str], where: str) -> Fields:
    """The article fields of `record`, using the column for each field found by `find_columns`."""
    def get(f: str) -> Any:
        return record.get(columns[f]) if f in columns else None

    raw_date = get("date")
    published = iso_date(raw_date)
    warnings = []
    if raw_date not in (None, "") and published is None:
        warnings.append(f"{where}: {Messages.UNREADABLE_DATE.format(value=raw_date)}")
    text = get("text")
    return Fields(text=text if isinstance(text, str) and text.strip() else _str(text),
                  html=_str(get("html")), title=_str(get("title")), published=published, url=_str(get("url")),
                  source=_str(get("source")), record_id=get("id"), warnings=warnings)
