"""Web archives (WARC, WARC.gz) with warcio: HTML response records only, each read as a page.
Origins read "file:record N" (counting every record in the file). A truncated or malformed record
is reported and ends the file, since nothing after it can be located; a response record with no
WARC-Target-URI is refused alone."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from entente.config import Settings
from entente.errors import InputError, Messages, first_line
from entente.ingest.base import IngestFailure, Item, article_cap, read_within
from entente.ingest.fields import stable_id
from entente.ingest.html import read_html_bytes
from entente.records import RawArticle

HTML_TYPES = ("text/html", "application/xhtml+xml")
# a record cut short shows up as any of these, depending on where the cut falls
BROKEN = (ArchiveLoadFailed, zlib.error, EOFError, ValueError, OSError)


def _tolerate_missing_uri(archive: ArchiveIterator) -> None:
    """warcio reads a response's HTTP headers by its WARC-Target-URI and raises AttributeError,
    ending the whole archive, on a record without one: give it an empty URI instead, so that record
    alone is refused (below) and the records after it are read."""
    load = archive.loader.load_http_headers

    def tolerant(rec_type: str, uri: str | None, stream: Any, length: int) -> Any:
        return load(rec_type, uri or "", stream, length)

    archive.loader.load_http_headers = tolerant


def _is_html_response(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    ctype = (record.http_headers.get_header("Content-Type") or "").lower()
    status = record.http_headers.get_statuscode() or ""
    return ctype.startswith(HTML_TYPES) and status.startswith("2")


def _page(record: Any, where: str, settings: Settings) -> RawArticle:
    data = read_within(record.content_stream(), where, article_cap(settings))
    missing = getattr(record.raw_stream, "limit", 0)
    if missing:
        # warcio returns what is there; the record's own length tells that bytes are missing
        raise EOFError(f"{missing:,} of its {record.length:,} bytes are missing")
    url = record.rec_headers.get_header("WARC-Target-URI")
    page = read_html_bytes(data, doc_id="", origin=where, settings=settings, url=url)
    page.url = page.url or url
    page.doc_id = stable_id("", None, url, page.text)
    return page


def read_warc(stream: BinaryIO, *, name: str, settings: Settings) -> Iterator[Item]:
    """The articles of the HTML responses in a WARC file, gzipped or not."""
    n = 0
    pages = 0
    archive = ArchiveIterator(stream, check_digests=False)
    _tolerate_missing_uri(archive)
    records = iter(archive)
    while True:
        where = f"{name}:record {n + 1}"
        try:
            record = next(records)
            n += 1
            if record.rec_type == "response" and not record.rec_headers.get_header("WARC-Target-URI"):
                raise InputError(where, Messages.NO_TARGET_URI)
            if not _is_html_response(record):
                continue
            pages += 1
            yield _page(record, where, settings)
        except StopIteration:
            break
        except InputError as exc:
            yield IngestFailure.of(exc)
        except BROKEN as exc:
            yield IngestFailure(where, Messages.TRUNCATED_WARC.format(error=f"{exc.__class__.__name__}: {exc}"))
            return
        except Exception as exc:  # a record warcio cannot describe (no WARC-Target-URI) fails alone
            yield IngestFailure(where, Messages.UNREADABLE.format(error=first_line(exc)))
    if pages == 0:
        yield IngestFailure(name, Messages.NO_HTML_RECORDS)
