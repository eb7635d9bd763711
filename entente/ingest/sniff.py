"""What kind of file this is, from its first bytes rather than its name: gzip and WARC by magic
bytes, HTML, feeds and JSON by their first characters, CSV by a header naming a text column."""

from __future__ import annotations

import csv
import re
import zlib
from typing import Literal

from entente.ingest.fields import column_names

Kind = Literal["gzip", "warc", "html", "feed", "jsonl", "json", "csv", "text", "binary"]

HEAD_BYTES = 65536
CSV_SUFFIXES = (".csv", ".tsv")
FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:rdf)[\s>]")
JSON_ARRAY = re.compile(r"\[\s*[{\]]")
HTML_START = re.compile(r"<(?:!doctype\s+html|html|head|body|meta|title|article|div|p|section|main|!--)[\s>/]")


def gunzip_head(head: bytes) -> bytes:
    """As much of the start of a gzip stream as `head` holds, decompressed (empty if corrupt)."""
    try:
        return zlib.decompressobj(wbits=47).decompress(head, HEAD_BYTES)
    except zlib.error:
        return b""


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
    if _is_binary(head):
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
