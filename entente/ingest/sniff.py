"""What kind of file this is, from its first bytes rather than its name: gzip, WARC, PDF and the
binary formats entente does not read (images, archives, office documents) by magic bytes; HTML,
feeds and JSON by their first characters, CSV by a header naming a text column."""

from __future__ import annotations

import csv
import re
import zlib
from typing import Literal

from entente.ingest.fields import column_names

Kind = Literal["gzip", "warc", "pdf", "html", "feed", "jsonl", "json", "csv", "text", "binary"]

HEAD_BYTES = 65536
CSV_SUFFIXES = (".csv", ".tsv")
FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:rdf)[\s>]")
JSON_ARRAY = re.compile(r"\[\s*[{\]]")
HTML_START = re.compile(r"<(?:!doctype\s+html|html|head|body|meta|title|article|div|p|section|main|!--)[\s>/]")
# readers accept a PDF header anywhere in the first 1024 bytes; an object right after tells it from
# a text that quotes one
PDF_HEADER = re.compile(rb"%PDF-\d\.\d")
PDF_OBJECT = re.compile(rb"\d+\s+\d+\s+obj\b")
# what a file entente refuses by name rather than read as text is, by the pattern of its first bytes
MAGIC: tuple[tuple[re.Pattern[bytes], str], ...] = tuple((re.compile(pattern, re.DOTALL), kind) for pattern, kind in (
    (rb"\x89PNG\r\n\x1a\n", "PNG image"), (rb"\xff\xd8\xff", "JPEG image"), (rb"GIF8[79]a", "GIF image"),
    (rb"II\*\x00|MM\x00\*", "TIFF image"), (rb"RIFF....WEBP", "WebP image"), (rb"RIFF....WAVE", "WAV audio"),
    (rb"RIFF....AVI ", "AVI video"), (rb"\x00...ftyp", "MP4 or QuickTime video"), (rb"\x1aE\xdf\xa3", "Matroska or WebM video"),
    (rb"OggS\x00", "Ogg audio"), (rb"fLaC", "FLAC audio"), (rb"ID3[\x02-\x04]", "MP3 audio"),
    (rb"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office document (DOC, XLS or PPT)"), (rb"\{\\rtf", "RTF document"),
    (rb"7z\xbc\xaf'\x1c", "7z archive"), (rb"Rar!\x1a\x07", "RAR archive"), (rb"\xfd7zXZ\x00", "xz archive"),
    (rb"\(\xb5/\xfd", "Zstandard archive"), (rb"BZh[1-9]1AY&SY", "bzip2 archive"), (rb"\x7fELF", "executable"),
    (rb"SQLite format 3\x00", "SQLite database"), (rb"PAR1", "Parquet file"),
    (rb"wOF[F2]", "web font"),
))
# what a ZIP file is, from the names of the first members it holds
ZIP_KINDS = ((b"mimetypeapplication/epub+zip", "EPUB book"),
             (b"mimetypeapplication/vnd.oasis.opendocument.text", "OpenDocument text (ODT)"),
             (b"mimetypeapplication/vnd.oasis.opendocument", "OpenDocument file"), (b"word/", "Word document (DOCX)"),
             (b"xl/", "Excel workbook (XLSX)"), (b"ppt/", "PowerPoint presentation (PPTX)"))


def gunzip_head(head: bytes) -> bytes:
    """As much of the start of a gzip stream as `head` holds, decompressed (empty if corrupt)."""
    try:
        return zlib.decompressobj(wbits=47).decompress(head, HEAD_BYTES)
    except zlib.error:
        return b""


def is_pdf(head: bytes) -> bool:
    """Whether `head` is the start of a PDF file."""
    m = PDF_HEADER.search(head[:1024])
    return m is not None and (m.start() == 0 or PDF_OBJECT.search(head) is not None)


def binary_kind(head: bytes) -> str | None:
    """What a file entente does not read is ("PNG image", "Word document (DOCX)"), from its magic
    bytes; None when they are not known."""
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return next((kind for names, kind in ZIP_KINDS if names in head[:4096]), "ZIP archive")
    return next((kind for pattern, kind in MAGIC if pattern.match(head)), None)


def _is_binary(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    return b"\x00" in head[:4096]


def _csv_header(first_line: str) -> bool:
    """A first line that is a CSV header with a column known to hold article text."""
    delimiter = max(",\t;|", key=first_line.count)
    header = {c.strip().lower() for c in next(csv.reader([first_line], delimiter=delimiter), [])}
    names = column_names()
    return len(header) >= 2 and bool(header & set(names["text"] + names["html"]))


def sniff(head: bytes, name: str = "") -> Kind:
    """The kind of a file starting with `head`; `name` only breaks ties (a .csv with an odd header)."""
    if head.startswith(b"\x1f\x8b"):
        return "gzip"
    if head.startswith(b"WARC/"):
        return "warc"
    if is_pdf(head):
        return "pdf"
    if binary_kind(head) is not None or _is_binary(head):
        return "binary"
    text = head[:HEAD_BYTES].decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    lowered = text[:4096].lower()
    if lowered.startswith("<"):
        if FEED_ROOT.search(lowered[:2048]) and "<html" not in lowered[:2048]:
            return "feed"
        if lowered.startswith("<?xml") and not HTML_START.search(lowered):
            return "feed"
        return "html"
    if lowered.startswith("{"):
        return "jsonl"
    if JSON_ARRAY.match(lowered):
        return "json"
    first_line = text.split("\n", 1)[0].strip()
    if _csv_header(first_line) or (name.lower().endswith(CSV_SUFFIXES) and "\n" in text):
        return "csv"
    return "text"
