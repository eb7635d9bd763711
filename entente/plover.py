"""PLOVER's conflict/cooperation scale: each event type's quad category (verbal or material,
cooperation or conflict) and its score from -10 (most conflictual) to +10 (most cooperative), by
type and mode. The table is data (entente/data/plover_quad.json, built by scripts/build_quad.py
from the PLOVER manual, CC BY-SA 4.0)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=1)
def table() -> dict[str, Any]:
    """By PLOVER type: its `quad`, its `intensity` and the `modes` scored apart."""
    text = resources.files("entente.data").joinpath("plover_quad.json").read_text(encoding="utf-8")
    types: dict[str, Any] = json.loads(text)["types"]
    return types


def quad_of(type_: str) -> str | None:
    """The type's quad category ('verbal cooperation', ...), None for a type PLOVER does not know."""
    entry = table().get(type_)
    return entry["quad"] if entry else None


def intensity_of(type_: str, mode: str | None) -> float | None:
    """The score of the type in this mode, else of the type; None for a type PLOVER does not know."""
    entry = table().get(type_)
    if entry is None:
        return None
    score: float = entry["modes"].get(mode or "", entry["intensity"])
    return score
