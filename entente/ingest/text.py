"""Plain-text articles: bytes to text, whatever the encoding, with clear failures."""

from __future__ import annotations

from charset_normalizer import from_bytes

from entente.config import Settings
from entente.errors import InputError, Messages
from entente.records import RawArticle


def decode(data: bytes, where: str) -> tuple[str, list[str]]:
    """Text of `data` and any warnings; UTF-8 first, then the best guess of charset-normalizer."""
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(where, Messages.BINARY)
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise InputError(where, Messages.UNDECODABLE)
    return str(best), [f"{where}: {Messages.DECODED_AS.format(encoding=best.encoding)}"]


def read_text_bytes(data: bytes, *, doc_id: str, origin: str, settings: Settings) -> RawArticle:
    """A raw article from the bytes of a text file; raises InputError on empty or binary input."""
    if len(data) > settings.max_article_bytes:
        raise InputError(origin, Messages.TOO_LARGE.format(size=len(data), limit=settings.max_article_bytes))
    text, warnings = decode(data, origin)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    stripped = text.strip()
    if not stripped:
        raise InputError(origin, Messages.EMPTY)
    if len(stripped) < settings.min_article_chars:
        raise InputError(origin, Messages.TOO_SHORT.format(n=len(stripped)))
    return RawArticle(doc_id=doc_id, text=text, origin=origin, warnings=warnings)
