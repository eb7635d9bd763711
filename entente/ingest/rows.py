"""Dumps of many articles: JSON Lines (or a JSON array) and CSV. Each record becomes an article
whose origin names the file and its line ("file:line N") or row ("file:row N", counting data rows
from 1); a bad record is a failure for that record only."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator, Mapping
from typing import Any, BinaryIO

from entente.config import Settings
from entente.errors import InputError, Messages, first_line
from entente.ingest.base import (
    Cap,
    IngestFailure,
    Item,
    Joined,
    article_cap,
    bounded_lines,
    buffered,
    document_cap,
    read_within,
    too_large,
)
from entente.ingest.fields import Fields, column_names, find_columns, pick, stable_id
from entente.ingest.html import read_html
from entente.ingest.text import decode
from entente.records import RawArticle

DELIMITERS = (",", "\t", ";", "|")
# what a first line that is no JSON value stands for: the start of a pretty-printed JSON document
DOCUMENT = object()


def article_of(fields: Fields, *, stem: str, where: str, settings: Settings) -> RawArticle:
    """The raw article of one record; the record's own metadata wins over what its HTML says."""
    text = fields.text
    if text is None and fields.html is None:
        names = ", ".join(column_names()["text"] + column_names()["html"])
        raise InputError(where, Messages.NO_TEXT_FIELD.format(names=names))
    size = len((text or fields.html or "").encode("utf-8"))
    if size > settings.max_article_bytes:
        raise too_large(where, size, article_cap(settings))
    warnings = list(fields.warnings)
    html = fields.html if text is None else (text if text.lstrip().startswith("<") else None)
    meta: dict[str, str | None] = {}
    if html is not None:
        page = read_html(html, doc_id="", origin=where, settings=settings, url=fields.url)
        text = page.text
        meta = {"published": page.published, "title": page.title, "url": page.url, "source": page.source}
    assert text is not None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if len(text.strip()) < settings.min_article_chars:
        raise InputError(where, Messages.EMPTY if not text.strip() else Messages.TOO_SHORT.format(n=len(text.strip())))
    url = fields.url or meta.get("url")
    return RawArticle(doc_id=stable_id(stem, fields.record_id, url, text), text=text, origin=where,
                      published=fields.published or meta.get("published"), title=fields.title or meta.get("title"),
                      url=url, source=fields.source or meta.get("source"), warnings=warnings)


def _record(obj: Any, *, stem: str, where: str, settings: Settings,
            overrides: Mapping[str, str] | None) -> RawArticle:
    if not isinstance(obj, dict):
        raise InputError(where, Messages.NOT_AN_OBJECT.format(kind=type(obj).__name__))
    fields = pick(obj, find_columns(list(obj), overrides), where)
    return article_of(fields, stem=stem, where=where, settings=settings)


def _json_records(data: bytes, name: str, stem: str, settings: Settings,
                  overrides: Mapping[str, str] | None) -> Iterator[Item]:
    try:
        doc = json.loads(decode(data, name)[0])
    except json.JSONDecodeError as exc:
        yield IngestFailure(name, Messages.BAD_JSON.format(error=exc))
        return
    for i, obj in enumerate(doc if isinstance(doc, list) else [doc], start=1):
        where = f"{name}:record {i}"
        try:
            yield _record(obj, stem=stem, where=where, settings=settings, overrides=overrides)
        except InputError as exc:
            yield IngestFailure.of(exc)


def read_json(stream: BinaryIO, *, name: str, stem: str, settings: Settings,
              overrides: Mapping[str, str] | None = None, inflated: bool = False) -> Iterator[Item]:
    """The articles of a JSON document: an array of records, or one record (`inflated`: read
    through gzip)."""
    try:
        data = read_within(stream, name, document_cap(settings), what="JSON document", inflated=inflated)
    except InputError as exc:
        yield IngestFailure.of(exc)
        return
    yield from _json_records(data, name, stem, settings, overrides)


def read_jsonl(stream: BinaryIO, *, name: str, stem: str, settings: Settings,
               overrides: Mapping[str, str] | None = None, inflated: bool = False) -> Iterator[Item]:
    """The articles of a JSON Lines file, one per line, read one at a time; blank lines are skipped."""
    cap = article_cap(settings)
    for n, line, size, whole in bounded_lines(stream, cap):
        where = f"{name}:line {n}"
        if line is None:
            yield IngestFailure.of(too_large(where, size, cap, whole=whole, inflated=inflated))
            continue
        if not line.strip():
            continue
        try:
            text, warnings = decode(line, where)
            try:
                obj = json.loads(text)
            except json.JSONDecodeError as exc:
                if n > 1:
                    raise InputError(where, Messages.BAD_JSON.format(error=exc)) from exc
                obj = DOCUMENT
        except InputError as exc:
            yield IngestFailure.of(exc)
            continue
        except Exception as exc:  # a hostile line (JSON nested past the decoder's depth) fails alone
            yield IngestFailure(where, Messages.UNREADABLE.format(error=first_line(exc)))
            continue
        if obj is DOCUMENT:
            # not JSON Lines after all: a pretty-printed JSON document, read whole within its cap
            yield from read_json(buffered(Joined(stream, line)), name=name, stem=stem, settings=settings,
                                 overrides=overrides, inflated=inflated)
            return
        try:
            article = _record(obj, stem=stem, where=where, settings=settings, overrides=overrides)
            article.warnings[:0] = warnings
            yield article
        except InputError as exc:
            yield IngestFailure.of(exc)
        except Exception as exc:  # a hostile line (JSON nested past the decoder's depth) fails alone
            yield IngestFailure(where, Messages.UNREADABLE.format(error=first_line(exc)))


def _text_lines(stream: BinaryIO, name: str, cap: Cap, failures: list[IngestFailure],
                inflated: bool) -> Iterator[str]:
    """Decoded lines for the csv module; an overlong line becomes a failure and an empty line."""
    for n, line, size, whole in bounded_lines(stream, cap):
        if line is None:
            failures.append(IngestFailure.of(too_large(f"{name}:line {n}", size, cap, whole=whole, inflated=inflated)))
            yield "\n"
            continue
        try:
            yield line.decode("utf-8-sig") if n == 1 else line.decode("utf-8")
        except UnicodeDecodeError:
            yield decode(line, f"{name}:line {n}")[0]


def read_csv(stream: BinaryIO, *, name: str, stem: str, settings: Settings,
             overrides: Mapping[str, str] | None = None, inflated: bool = False) -> Iterator[Item]:
    """The articles of a CSV (or TSV) file with a header row, one per data row."""
    cap = article_cap(settings)
    csv.field_size_limit(min(cap.limit + 1, 2**31 - 1))
    failures: list[IngestFailure] = []
    lines = _text_lines(stream, name, cap, failures, inflated)
    first = next(lines, "")
    delimiter = max(DELIMITERS, key=first.count)
    header = [c.strip() for c in next(csv.reader([first], delimiter=delimiter), [])]
    columns = find_columns(header, overrides)
    if "text" not in columns and "html" not in columns:
        names = ", ".join(column_names()["text"] + column_names()["html"])
        yield IngestFailure(name, Messages.NO_TEXT_COLUMN.format(names=names))
        return
    reader = csv.reader(lines, delimiter=delimiter)
    n = 0
    while True:
        error: csv.Error | None = None
        try:
            row: list[str] | None = next(reader)
        except StopIteration:
            row = None
        except csv.Error as exc:
            row, error = [], exc
        while failures:
            yield failures.pop(0)
        if row is None:
            return
        if error is None and not any(cell.strip() for cell in row):
            continue
        n += 1
        where = f"{name}:row {n}"
        if error is not None:
            yield IngestFailure(where, Messages.BAD_CSV.format(error=error))
        elif len(row) != len(header):
            yield IngestFailure(where, Messages.BAD_CSV_ROW.format(n=len(row), m=len(header)))
        else:
            try:
                fields = pick(dict(zip(header, row, strict=True)), columns, where)
                yield article_of(fields, stem=stem, where=where, settings=settings)
            except InputError as exc:
                yield IngestFailure.of(exc)
