"""Folding text to ASCII, either length-preserving (for NLP on offsets) or for keys and names."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters that Unicode does not decompose into base + accent.
_EXTRA = {"đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "ı": "i", "ß": "s",
          "æ": "a", "Æ": "A", "œ": "o", "Œ": "O", "’": "'", "‘": "'", "“": '"', "”": '"',
          "–": "-", "—": "-", "\u00a0": " "}


@lru_cache(maxsize=4096)
def fold_char(ch: str) -> str:
    """One character folded to one ASCII character where possible, else itself."""
    if ch.isascii():
        return ch
    if ch in _EXTRA:
        return _EXTRA[ch]
    base = unicodedata.normalize("NFKD", ch)[:1]
    return base if base.isascii() and base else ch


def fold_preserving(text: str) -> str:
    """`text` with accents folded character for character: same length, same offsets."""
    return "".join(fold_char(c) for c in text)


def ascii_name(text: str) -> str:
    """A name in plain ASCII: 'Nguyễn Phú Trọng' -> 'Nguyen Phu Trong', 'Đỗ' -> 'Do'."""
    folded = fold_preserving(unicodedata.normalize("NFC", text))
    folded = "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))
    return " ".join(folded.split())


def key(text: str | None) -> str:
    """A matching key: ASCII, lower case, punctuation dropped, spaces collapsed."""
    if not text:
        return ""
    s = ascii_name(text).lower()
    s = re.sub(r"[^\w\s]", " ", s)
    return " ".join(s.split())
