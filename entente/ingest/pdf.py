"""PDF documents: the text layer read with pypdf in the order the pages draw it, lines joined into
paragraphs by their spacing, and words hyphenated at a line's end joined again.

A PDF with no text layer (a scan), one that needs a password, and one too broken to read each fail
with a line naming the file; a damaged PDF whose text could still be read is kept with a warning."""

from __future__ import annotations

import logging
import re
import statistics
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from io import BytesIO
from typing import Any

from entente.config import Settings
from entente.errors import InputError, Messages
from entente.ingest.base import article_cap, document_cap, too_large
from entente.records import RawArticle

# a gap between lines this many times the usual one starts a new paragraph
PARAGRAPH_GAP = 1.2
LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                           "\ufb05": "st", "\ufb06": "st"})
SENTENCE_END = re.compile(r"[.!?:;][\"'”’)\]]*$")
HYPHENATED_END = re.compile(r"(\w+)[-\u00ad]$")
FIRST_WORD = re.compile(r"^(\w+)")
COMPOUND = re.compile(r"\w+(?:-\w+)+")


@dataclass
class Line:
    """One line of text as a page draws it: the height its first letters stand at, their size, its text."""

    page: int
    y: float
    size: float
    text: str


class _Collect(logging.Handler):
    """Keep what pypdf says while it reads, instead of letting it reach stderr."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _pypdf_messages() -> Iterator[list[str]]:
    """What pypdf warns of while the block runs, kept from stderr."""
    logger = logging.getLogger("pypdf")
    handler = _Collect()
    propagate = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def _matrix_product(m: list[float], n: list[float]) -> list[float]:
    """The product of two PDF matrices [a b c d e f] (text matrix times transformation matrix)."""
    a, b, c, d, e, f = m
    return [a * n[0] + b * n[2], a * n[1] + b * n[3], c * n[0] + d * n[2], c * n[1] + d * n[3],
            e * n[0] + f * n[2] + n[4], e * n[1] + f * n[3] + n[5]]


def page_lines(page: Any, number: int) -> list[Line]:
    """The lines of a pypdf page in drawing order, each placed by its first visible text."""
    lines: list[Line] = []
    parts: list[str] = []
    where: list[tuple[float, float]] = []

    def end_line() -> None:
        text = "".join(parts)
        if text.strip() and where:
            y, size = where[0]
            lines.append(Line(number, y, size, text))
        parts.clear()
        where.clear()

    def visit(text: str, cm: list[float], tm: list[float], _font: Any, font_size: float) -> None:
        for i, part in enumerate(text.split("\n")):
            if i:
                end_line()
            if part.strip() and not where:
                a, b, c, d, _x, y = _matrix_product(list(tm), list(cm))
                where.append((y, font_size * abs(a * d - b * c) ** 0.5))
            parts.append(part)

    page.extract_text(visitor_text=visit)
    end_line()
    return lines


def _leading(lines: list[Line]) -> dict[float, float]:
    """The usual distance between two lines of a paragraph, by font size: the lower quartile of the
    gaps between lines of that size that follow each other down a column."""
    gaps: dict[float, list[float]] = {}
    for a, b in zip(lines, lines[1:], strict=False):
        gap = a.y - b.y
        if a.page == b.page and round(a.size) == round(b.size) and 0.8 * a.size < gap < 3 * a.size:
            gaps.setdefault(round(a.size), []).append(gap)
    return {size: (statistics.quantiles(g, n=4)[0] if len(g) > 1 else g[0]) for size, g in gaps.items()}


def _new_paragraph(a: Line, b: Line, leading: dict[float, float], width: float) -> bool:
    """Whether line `b`, drawn after `a`, starts a paragraph; `width` is a full line's length."""
    if abs(a.size - b.size) > 0.5:
        return True
    gap = a.y - b.y
    if a.page != b.page or gap <= 0 or gap > 3 * a.size:
        # a new column or page: the paragraph goes on unless the last line ended a sentence or
        # stopped short of a full line (a heading)
        return bool(SENTENCE_END.search(a.text.rstrip())) or len(a.text.strip()) < 0.6 * width
    usual = leading.get(round(a.size), 1.2 * a.size)
    return gap > PARAGRAPH_GAP * min(usual, 1.3 * a.size)


def _join(left: str, right: str, compounds: set[str]) -> str:
    """Two lines of one paragraph as one. A word hyphenated at the line's end is joined again: with
    its hyphen when the next part is not in lower case ("Polish-German", "2023-24") or the document
    writes the word with one where it is not broken ("cost-sharing"), else without (a justified
    column's hyphenation, the commoner case)."""
    end = HYPHENATED_END.search(left)
    start = FIRST_WORD.match(right)
    if end is None or start is None:
        return f"{left} {right}"
    head, tail = end.group(1), start.group(1)
    keep = left.endswith("-") and (not tail[0].islower() or f"{head}-{tail}".lower() in compounds)
    return left[:-1] + ("-" if keep else "") + right


def _compounds(lines: list[str]) -> set[str]:
    """The hyphenated words of the document that are not broken at a line's end, in lower case."""
    return {w.lower() for text in lines for w in COMPOUND.findall(text)}


def text_of(lines: list[Line]) -> str:
    """The text of `lines`: paragraphs separated by a blank line, the lines of each joined."""
    cleaned = [" ".join(line.text.translate(LIGATURES).split()) for line in lines]
    compounds = _compounds(cleaned)
    leading = _leading(lines)
    width = statistics.median(len(t) for t in cleaned)
    paragraphs: list[str] = []
    for i, (line, text) in enumerate(zip(lines, cleaned, strict=True)):
        if i and not _new_paragraph(lines[i - 1], line, leading, width):
            paragraphs[-1] = _join(paragraphs[-1], text, compounds)
        else:
            paragraphs.append(text)
    return "\n\n".join(p.replace("\u00ad", "") for p in paragraphs) + "\n"


def _unreadable(text: str) -> bool:
    """Text mostly of private-use or replacement characters: fonts without a character map."""
    letters = [c for c in text if not c.isspace()]
    odd = sum(1 for c in letters if c == "\ufffd" or unicodedata.category(c) in ("Co", "Cc", "Cn"))
    return bool(letters) and odd > 0.3 * len(letters)


def read_pdf_bytes(data: bytes, *, doc_id: str, origin: str, settings: Settings) -> RawArticle:
    """A raw article from the text layer of a PDF; raises InputError naming `origin` when the PDF
    has no text (a scan), needs a password, or cannot be read."""
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PyPdfError

    if len(data) > settings.max_document_bytes:
        raise too_large(origin, len(data), document_cap(settings), what="PDF")
    with _pypdf_messages() as messages:
        try:
            reader = PdfReader(BytesIO(data))
            # a PDF with only a permissions password opens with the empty one, as in any viewer
            locked = reader.is_encrypted and not reader.decrypt("")
            lines = [] if locked else [line for n, page in enumerate(reader.pages) for line in page_lines(page, n)]
        except FileNotDecryptedError as exc:
            raise InputError(origin, Messages.PDF_ENCRYPTED) from exc
        # pypdf meets a malformed file with many kinds of exception; any of them fails this file only
        except Exception as exc:
            error = str(exc) if isinstance(exc, PyPdfError) else f"{exc.__class__.__name__}: {exc}"
            raise InputError(origin, Messages.BAD_PDF.format(error=error)) from exc
    if locked:
        raise InputError(origin, Messages.PDF_ENCRYPTED)
    text = text_of(lines) if lines else ""
    stripped = text.strip()
    if not stripped:
        raise InputError(origin, Messages.PDF_NO_TEXT)
    if _unreadable(stripped):
        raise InputError(origin, Messages.PDF_UNREADABLE)
    size = len(text.encode("utf-8"))
    if size > settings.max_article_bytes:
        raise too_large(origin, size, article_cap(settings), what="its text")
    if len(stripped) < settings.min_article_chars:
        raise InputError(origin, Messages.TOO_SHORT.format(n=len(stripped)))
    warnings = [f"{origin}: {Messages.PDF_DAMAGED.format(error=messages[0])}"] if messages else []
    return RawArticle(doc_id=doc_id, text=text, origin=origin, warnings=warnings)
