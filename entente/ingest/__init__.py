"""Ingest: find article files under the given paths and read each into `RawArticle`s.

A file's kind comes from its first bytes (see `sniff`), so a page saved as .txt or a feed saved
without a suffix is still read as what it is. Containers (JSON Lines, CSV, feeds, WARC) give many
articles; gzip files are read as whatever they hold; PDFs give their text layer. Problems with one
file or record never stop the batch: they come out as `IngestFailure` items in the same stream, each
naming the file (and line, row, entry or record) and the problem. Files in a searched folder that
are in no format entente reads (images, archives, office documents) come out as `Skipped` items.
"""

from __future__ import annotations

import gzip
import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import BinaryIO

from entente.config import Settings, get_settings
from entente.errors import InputError, Messages, first_line
from entente.ingest.base import IngestFailure, Item, Joined, Skipped, article_cap, buffered, document_cap, read_within
from entente.ingest.feed import read_feed
from entente.ingest.html import read_html_bytes
from entente.ingest.pdf import read_pdf_bytes
from entente.ingest.rows import read_csv, read_json, read_jsonl
from entente.ingest.sniff import HEAD_BYTES, Kind, binary_kind, gunzip_head, sniff
from entente.ingest.text import read_text_bytes
from entente.ingest.warc import read_warc
from entente.records import RawArticle

__all__ = ["IngestFailure", "Item", "Skipped", "discover", "read_items", "read_one", "read_paths", "walk"]

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
KNOWN_SUFFIXES = TEXT_SUFFIXES | {".html", ".htm", ".xhtml", ".shtml", ".xml", ".rss", ".atom", ".json", ".jsonl",
                                  ".ndjson", ".csv", ".tsv", ".warc", ".gz", ".arc", ".pdf"}


def _head(path: Path) -> bytes:
    with path.open("rb") as fh:
        return fh.read(HEAD_BYTES)


def _not_read(path: Path) -> str | None:
    """What a file found in a folder is when entente does not read it (a suffix it does not know
    and first bytes of a format it does not read: "PNG image"); None for a file to read."""
    if path.suffix.lower() in KNOWN_SUFFIXES:
        return None
    try:
        head = _head(path)
    except OSError:
        return None
    if sniff(head, path.name) != "binary":
        return None
    return binary_kind(head) or "binary file"


def walk(paths: Sequence[str]) -> Iterator[Path | str | Skipped]:
    """Files under `paths` (folders recursively, in sorted order, hidden ones left out), each to
    read or skipped as not an article; '-' stands for stdin. A file named in `paths` is never
    skipped: reading it says what is wrong with it."""
    for p in paths:
        if p == "-":
            yield "-"
            continue
        path = Path(p)
        if not path.is_dir():
            yield path
            continue
        for f in sorted(path.rglob("*")):
            if any(part.startswith(".") for part in f.relative_to(path).parts) or not f.is_file():
                continue
            kind = _not_read(f)
            yield f if kind is None else Skipped(str(f), kind)


def discover(paths: Sequence[str]) -> Iterator[Path | str]:
    """The files under `paths` that are read (see `walk`)."""
    return (f for f in walk(paths) if not isinstance(f, Skipped))


def stem_of(name: str) -> str:
    """The file name without its suffixes of kind (.jsonl.gz, .warc.gz, .html)."""
    stem = Path(name).name
    while Path(stem).suffix.lower() in KNOWN_SUFFIXES - {""}:
        stem = Path(stem).stem
    return stem


def read_one(item: Path | str, settings: Settings) -> RawArticle:
    """One single-article file (or stdin) as a raw article; raises InputError naming the file."""
    for result in read_items(item, settings):
        if not isinstance(result, RawArticle):
            raise InputError(result.where, result.problem)
        return result
    raise InputError(str(item), Messages.EMPTY)


def _stdin() -> tuple[BinaryIO, bytes]:
    """stdin as a stream read as it comes (never whole), and its first bytes."""
    head = sys.stdin.buffer.read(HEAD_BYTES)
    return buffered(Joined(sys.stdin.buffer, head)), head


def _read_stream(stream: BinaryIO, kind: Kind, *, name: str, stem: str, settings: Settings,
                 columns: Mapping[str, str] | None, inflated: bool = False) -> Iterator[Item]:
    """The articles of an open file of a known kind (`inflated`: read through gzip)."""
    if kind == "warc":
        yield from read_warc(stream, name=name, settings=settings)
    elif kind == "jsonl":
        yield from read_jsonl(stream, name=name, stem=stem, settings=settings, overrides=columns, inflated=inflated)
    elif kind == "json":
        yield from read_json(stream, name=name, stem=stem, settings=settings, overrides=columns, inflated=inflated)
    elif kind == "csv":
        yield from read_csv(stream, name=name, stem=stem, settings=settings, overrides=columns, inflated=inflated)
    elif kind == "feed":
        data = read_within(stream, name, document_cap(settings), what="feed", inflated=inflated)
        yield from read_feed(data, name=name, stem=stem, settings=settings)
    elif kind == "pdf":
        data = read_within(stream, name, document_cap(settings), what="PDF", inflated=inflated)
        yield read_pdf_bytes(data, doc_id=stem, origin=name, settings=settings)
    elif kind == "binary":
        head = stream.read(HEAD_BYTES)
        kind_name = binary_kind(head)
        raise InputError(name, Messages.NOT_READ.format(kind=kind_name) if kind_name else Messages.BINARY)
    else:
        data = read_within(stream, name, article_cap(settings), inflated=inflated)
        reader = read_html_bytes if kind == "html" else read_text_bytes
        yield reader(data, doc_id=stem, origin=name, settings=settings)


def _read_bytes_or_gzip(stream: BinaryIO, head: bytes, *, name: str, stem: str, settings: Settings,
                        columns: Mapping[str, str] | None) -> Iterator[Item]:
    kind = sniff(head, name)
    if kind != "gzip":
        yield from _read_stream(stream, kind, name=name, stem=stem, settings=settings, columns=columns)
        return
    inner = sniff(gunzip_head(head), name.removesuffix(".gz"))
    if inner == "warc":
        # warcio reads gzip members itself, and reports a cut-off member as a truncated record
        yield from read_warc(stream, name=name, settings=settings)
        return
    if inner == "gzip":
        raise InputError(name, Messages.BINARY)
    # decompressed as it is read: a dump's records one by one, an article up to its cap and then
    # only counted, so a small file that inflates to gigabytes never sits in memory
    with gzip.GzipFile(fileobj=stream) as gz:
        unzipped = buffered(Joined(gz, problem=(name, Messages.BAD_GZIP)))  # type: ignore[arg-type]
        yield from _read_stream(unzipped, inner, name=name, stem=stem, settings=settings, columns=columns,
                                inflated=True)


def read_items(item: Path | str, settings: Settings, columns: Mapping[str, str] | None = None) -> Iterator[Item]:
    """Every article in one file (or stdin), or failures naming the file and record at fault.
    `columns` maps article fields (text, title, date, url, source, id) to the column names of a dump.
    Files and stdin are read as streams: memory stays within the size caps of `settings`."""
    try:
        if item == "-":
            stream, head = _stdin()
            yield from _read_bytes_or_gzip(stream, head, name="<stdin>", stem="stdin", settings=settings,
                                           columns=columns)
            return
        path = Path(item)
        if not path.exists():
            raise InputError(str(path), Messages.NOT_FOUND)
        with path.open("rb") as fh:
            head = fh.read(HEAD_BYTES)
            fh.seek(0)
            yield from _read_bytes_or_gzip(fh, head, name=str(path), stem=stem_of(path.name), settings=settings,
                                           columns=columns)
    except InputError as exc:
        yield IngestFailure.of(exc)
    except OSError as exc:
        yield IngestFailure(str(item), exc.strerror or str(exc))
    except Exception as exc:  # a reader's or a library's failure on a hostile file stops that file only
        yield IngestFailure(str(item), Messages.UNREADABLE.format(error=first_line(exc)))


def read_paths(paths: Sequence[str], settings: Settings | None = None,
               columns: Mapping[str, str] | None = None) -> Iterator[Item]:
    """Every article found under `paths`, a failure naming each input that gave none, and the
    files of searched folders skipped as not articles."""
    settings = settings or get_settings()
    for item in walk(paths):
        if isinstance(item, Skipped):
            yield item
        else:
            yield from read_items(item, settings, columns)
