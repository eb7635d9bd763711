"""Plain-text articles: bytes to text, whatever the encoding, with clear failures."""

from __future__ import annotations

from charset_normalizer import from_bytes

from entente.config import Settings
from entente.errors import InputError, Messages
from entente.ingest.base import article_cap, too_large
from entente.records import RawArticle


def decode_mixed(data: bytes, where: str) -> tuple[str, list[str]] | None:
    """Text that is mostly UTF-8 with some lines in a legacy encoding (a file pasted together from
    two sources), decoded line by line; None when most lines are not UTF-8."""
    lines = data.splitlines(keepends=True)
    bad = set()
    for i, line in enumerate(lines):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            bad.add(i)
    if len(bad) * 2 >= len(lines):
        return None
    guesses = from_bytes(b"".join(lines[i] for i in sorted(bad)))
    best = guesses.best()
    # a line or two is too little to tell Western from Central European: prefer the commoner one
    tied = {m.encoding for m in guesses if best is not None and m.chaos <= best.chaos}
    encoding = "cp1252" if best is None or "cp1252" in tied else best.encoding
    text = "".join(line.decode(encoding, errors="replace") if i in bad else line.decode("utf-8-sig")
                   for i, line in enumerate(lines))
    return text, [f"{where}: {Messages.MIXED_ENCODING.format(n=len(bad), encoding=encoding)}"]


def decode(data: bytes, where: str) -> tuple[str, list[str]]:
    """Text of `data` and any warnings; UTF-8 first, then the best guess of charset-normalizer."""
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(where, Messages.BINARY)
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    mixed = decode_mixed(data, where)
    if mixed is not None:
        return mixed
    best = from_bytes(data).best()
    if best is None:
        raise InputError(where, Messages.UNDECODABLE)
    return str(best), [f"{where}: {Messages.DECODED_AS.format(encoding=best.encoding)}"]


def read_text_bytes(data: bytes, *, doc_id: str, origin: str, settings: Settings) -> RawArticle:
    """A raw article from the bytes of a text file; raises InputError on empty or binary input."""
    if len(data) > settings.max_article_bytes:
        raise too_large(origin, len(data), article_cap(settings))
    text, warnings = decode(data, origin)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    stripped = text.strip()
    if not stripped:
        raise InputError(origin, Messages.EMPTY)
    if len(stripped) < settings.min_article_chars:
        raise InputError(origin, Messages.TOO_SHORT.format(n=len(stripped)))
    return RawArticle(doc_id=doc_id, text=text, origin=origin, warnings=warnings)
