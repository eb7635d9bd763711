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


class _Folds(dict[int, str]):
    """A `str.translate` table that folds each code point on first sight and remembers it."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = fold_char(chr(code))
        return folded


_FOLDS = _Folds()
# Names, titles and words recur across articles and are worth remembering; whole texts are not.
SHORT = 80
PUNCTUATION = re.compile(r"[^\w\s]")


def fold_preserving(text: str) -> str:
    """`text` with accents folded character for character: same length, same offsets."""
    return text if text.isascii() else text.translate(_FOLDS)


def ascii_name(text: str) -> str:
    """A name in plain ASCII: 'Nguyễn Phú Trọng' -> 'Nguyen Phu Trong', 'Đỗ' -> 'Do'."""
    return _short_ascii_name(text) if len(text) <= SHORT else _ascii_name(text)


def key(text: str | None) -> str:
    """A matching key: ASCII, lower case, punctuation dropped, spaces collapsed."""
    if not text:
        return ""
    return _short_key(text) if len(text) <= SHORT else _key(text)


def _ascii_name(text: str) -> str:
    folded = fold_preserving(unicodedata.normalize("NFC", text))
    folded = "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))
    return " ".join(folded.split())


def _key(text: str) -> str:
    s = ascii_name(text).lower()
    s = PUNCTUATION.sub(" ", s)
    return " ".join(s.split())


_short_ascii_name = lru_cache(maxsize=1 << 16)(_ascii_name)
_short_key = lru_cache(maxsize=1 << 16)(_key)
