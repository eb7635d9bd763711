"""Sectors: the fields of cooperation an article and each of its events are about, from the
sector lexicon (entente/data/sectors.json) applied to the sentences that carry the relationship."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc

from entente.extract.component import component
from entente.records import SECTORS


@lru_cache(maxsize=1)
def _words() -> dict[str, list[str]]:
    data = json.loads(resources.files("entente.data").joinpath("sectors.json").read_text(encoding="utf-8"))
    for sector in data["sectors"]:
        if sector not in SECTORS:
            raise ValueError(f"sectors.json: {sector!r} is not a sector of the spec")
    return dict(data["sectors"])


@lru_cache(maxsize=1)
def patterns() -> dict[str, re.Pattern[str]]:
    return {sector: re.compile(r"\b(?:" + "|".join(words) + r")\b") for sector, words in _words().items()}


@lru_cache(maxsize=1)
def any_sector() -> re.Pattern[str]:
    """All sectors' words in one pattern: wherever one sector's pattern matches, this one does
    too, so a text it finds nothing in names no sector (and costs one scan instead of 21)."""
    return re.compile(r"\b(?:" + "|".join(w for words in _words().values() for w in words) + r")\b")


def sectors_of(text: str) -> list[str]:
    """Sectors named in `text`, in the spec's order. Capitalised uses (names of bodies such as
    'Security Council') are not counted."""
    low = text.lower()
    if any_sector().search(low) is None:
        return []
    found = []
    for sector, rx in patterns().items():
        for m in rx.finditer(low):
            if text[m.start()].isupper() and m.start() > 0 and text[m.start() - 2:m.start()].strip() not in ("", ".", "\n"):
                continue
            found.append(sector)
            break
    return [s for s in SECTORS if s in found]


@component("entente_sectors")
def sectors_component(doc: Doc) -> Doc:
    """Set doc._.sectors for the article and fill each event's sectors from its evidence."""
    found: set[str] = set()
    for sent in doc.sents:
        found |= set(sectors_of(sent.text))
    doc._.sectors = [s for s in SECTORS if s in found]
    for ev in doc._.events or []:
        text = " ".join([ev.evidence.text] + [e.text for e in ev.more_evidence])
        ev.sectors = sectors_of(text)
    return doc
