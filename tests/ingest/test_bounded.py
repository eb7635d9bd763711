"""Memory is bounded by the size caps whatever the input: gzip is decompressed as it is read and a
bomb refused from its real size, counted a chunk at a time; stdin is read as it comes, record by
record; each message gives the real size and the setting's name and value. The streams are wrapped
to see what the readers take from them (no memory is measured here: see bench/memory.py)."""

from __future__ import annotations

import gzip
import io
import json
import sys
from typing import Any

import pytest

from entente.config import Settings, get_settings
from entente.ingest import IngestFailure, read_items
from entente.jobs import ingest_paths
from entente.records import RawArticle
from entente.store import Store

from ..conftest import DATA, SAMPLES

ARTICLE = SAMPLES / "003_050b114383b8fb0f.txt"


def capped(**caps: int) -> Settings:
    return get_settings().model_copy(update=caps)


def bomb(size: int) -> bytes:
    """`size` bytes of a real article over and over, gzipped: a small file that inflates far."""
    text = ARTICLE.read_bytes()
    return gzip.compress((text * (size // len(text) + 1))[:size], compresslevel=9)


class Recording(io.RawIOBase):
    """A stream of `data` that notes how much its reader has taken and its largest single read."""

    def __init__(self, data: bytes) -> None:
        super().__init__()
        self.inner = io.BytesIO(data)
        self.taken = 0
        self.largest = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        n = self.inner.readinto(buffer)
        self.taken += n
        self.largest = max(self.largest, n)
        return n


class RecordingGzip(gzip.GzipFile):
    """GzipFile noting the largest piece of decompressed data any one read gave."""

    largest = 0
    taken = 0

    def _note(self, n: int) -> int:
        RecordingGzip.largest = max(RecordingGzip.largest, n)
        RecordingGzip.taken += n
        return n

    def read(self, size: int | None = -1) -> bytes:
        data = super().read(size)
        self._note(len(data))
        return data

    def read1(self, size: int = -1) -> bytes:
        data = super().read1(size)
        self._note(len(data))
        return data

    def readline(self, size: int | None = -1) -> bytes:
        data = super().readline(size)
        self._note(len(data))
        return data


@pytest.fixture
def recording_gzip(monkeypatch: pytest.MonkeyPatch) -> type[RecordingGzip]:
    RecordingGzip.largest = RecordingGzip.taken = 0
    monkeypatch.setattr(gzip, "GzipFile", RecordingGzip)
    return RecordingGzip


@pytest.fixture
def stdin(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Sets stdin to the bytes given, and returns the recording stream behind it."""
    def feed(data: bytes) -> Recording:
        raw = Recording(data)
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(raw)))
        return raw
    return feed


def test_gzip_bomb_is_refused_from_its_real_size_a_chunk_at_a_time(tmp_path, recording_gzip):  # type: ignore[no-untyped-def]
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(bomb(5_000_000))
    [failure] = list(read_items(path, capped(max_article_bytes=10_000)))
    assert str(failure) == (f"{path}: article is 5,000,000 bytes once decompressed, "
                            "over the limit of 10,000 bytes (ENTENTE_MAX_ARTICLE_BYTES)")
    # every byte was counted, none kept: no read gave more than a buffer's worth
    assert recording_gzip.taken == 5_000_000 and recording_gzip.largest <= 1 << 16


def test_bomb_past_the_count_is_more_than_what_was_counted(tmp_path, recording_gzip):  # type: ignore[no-untyped-def]
    path = tmp_path / "bomb.html.gz"
    path.write_bytes(bomb(12_000_000))
    [failure] = list(read_items(path, capped(max_article_bytes=10_000)))
    assert failure.problem == ("article is more than 10,000,000 bytes once decompressed (counting stopped there), "
                               "over the limit of 10,000 bytes (ENTENTE_MAX_ARTICLE_BYTES)")
    assert recording_gzip.taken < 12_000_000 and recording_gzip.largest <= 1 << 16


def test_gzipped_dump_is_read_record_by_record(tmp_path, recording_gzip):  # type: ignore[no-untyped-def]
    text = ARTICLE.read_text(encoding="utf-8")
    lines = [json.dumps({"id": i, "text": f"{i} {text}"}) for i in range(300)]
    path = tmp_path / "dump.jsonl.gz"
    path.write_bytes(gzip.compress("\n".join(lines).encode("utf-8")))
    items = read_items(path, capped(max_article_bytes=10_000))
    first = next(items)
    assert isinstance(first, RawArticle) and recording_gzip.taken < 300_000 < len("\n".join(lines))
    assert sum(isinstance(i, RawArticle) for i in items) == 299


def test_a_bomb_fails_alone_and_the_batch_goes_on(tmp_path, nlp):  # type: ignore[no-untyped-def]
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "bomb.txt.gz").write_bytes(bomb(3_000_000))
    (tmp_path / "in" / ARTICLE.name).write_bytes(ARTICLE.read_bytes())
    store = Store(str(tmp_path / "s.db"))
    summary = ingest_paths([str(tmp_path / "in")], store, capped(max_article_bytes=100_000))
    assert summary.ingested == 1 and summary.failed == 1
    assert summary.problems == [f"{tmp_path / 'in' / 'bomb.txt.gz'}: article is 3,000,000 bytes once decompressed, "
                                "over the limit of 100,000 bytes (ENTENTE_MAX_ARTICLE_BYTES)"]
    assert store.record(ARTICLE.stem)[1]
    store.close()


def test_stdin_is_read_as_it_comes_record_by_record(stdin):  # type: ignore[no-untyped-def]
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    lines = [json.dumps({"id": i, "text": texts[i % 5]}) for i in range(5)]
    lines.append(json.dumps({"id": "big", "text": " ".join(texts) * 20}))
    lines += [json.dumps({"id": i, "text": texts[i % 5]}) for i in range(6, 400)]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    raw = stdin(data)
    items = read_items("-", capped(max_article_bytes=50_000))
    assert isinstance(next(items), RawArticle)
    assert raw.taken < 200_000 < len(data)  # the first record came before the rest was read
    rest = list(items)
    [failure] = [i for i in rest if isinstance(i, IngestFailure)]
    assert str(failure) == (f"<stdin>:line 6: article is {len(lines[5]) + 1:,} bytes, "
                            "over the limit of 50,000 bytes (ENTENTE_MAX_ARTICLE_BYTES)")
    assert len(rest) == 399 and raw.taken == len(data)


def test_text_on_stdin_over_the_cap_gives_its_real_size(stdin):  # type: ignore[no-untyped-def]
    text = ARTICLE.read_bytes()
    stdin((text * 200)[:1_000_000])
    [failure] = list(read_items("-", capped(max_article_bytes=10_000)))
    assert str(failure) == "<stdin>: article is 1,000,000 bytes, over the limit of 10,000 bytes (ENTENTE_MAX_ARTICLE_BYTES)"


def test_gzip_on_stdin_is_decompressed_as_it_comes(stdin):  # type: ignore[no-untyped-def]
    stdin(bomb(2_000_000))
    [failure] = list(read_items("-", capped(max_article_bytes=10_000)))
    assert failure.problem.startswith("article is 2,000,000 bytes once decompressed, over the limit of 10,000 bytes")


def test_endless_line_is_refused_at_the_count_and_ends_the_file(tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "dump.jsonl"
    path.write_bytes(b'{"text": "' + b"x" * 1_500_000 + b'"}\n{"text": "' + b"y" * 100 + b'"}\n')
    [failure] = list(read_items(path, capped(max_article_bytes=1000)))
    assert str(failure) == (f"{path}:line 1: article is more than 1,000,000 bytes (counting stopped there), "
                            "over the limit of 1,000 bytes (ENTENTE_MAX_ARTICLE_BYTES)")


def test_warc_record_over_the_cap_gives_its_real_size():  # type: ignore[no-untyped-def]
    from warcio.archiveiterator import ArchiveIterator

    path = DATA / "formats" / "pages.warc.gz"
    with path.open("rb") as fh:
        sizes = {n: len(r.content_stream().read()) for n, r in enumerate(ArchiveIterator(fh), start=1)
                 if r.rec_type == "response"}
    items = list(read_items(path, capped(max_article_bytes=5_000)))
    failures = [str(i) for i in items if isinstance(i, IngestFailure)]
    assert [f"{path}:record {n}: article is {sizes[n]:,} bytes, over the limit of 5,000 bytes (ENTENTE_MAX_ARTICLE_BYTES)"
            for n in (2, 8)] == failures


@pytest.mark.parametrize("name,what", [("wire.rss", "feed"), ("pretty.json", "JSON document"),
                                       ("pretty.json.gz", "JSON document")])
def test_file_parsed_whole_over_its_cap_names_that_setting(tmp_path, name, what):  # type: ignore[no-untyped-def]
    if name.startswith("pretty"):
        # a pretty-printed JSON object: its first line is no JSON value, so it is read as a document
        doc = json.dumps({"title": "Putin in Hanoi", "text": ARTICLE.read_text(encoding="utf-8")}, indent=2).encode()
        size = len(doc)
        path = tmp_path / name
        path.write_bytes(gzip.compress(doc) if name.endswith(".gz") else doc)
    else:
        path = DATA / "formats" / name
        size = path.stat().st_size
    inflated = " once decompressed" if name.endswith(".gz") else ""
    [failure] = list(read_items(path, capped(max_document_bytes=1000)))
    assert str(failure) == (f"{path}: {what} is {size:,} bytes{inflated}, "
                            "over the limit of 1,000 bytes (ENTENTE_MAX_DOCUMENT_BYTES)")
