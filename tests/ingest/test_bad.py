"""The bad-input corpus (tests/data/bad/): each input gets one line naming the file, and the record
within it, and the problem; the batch goes on; nothing already stored changes."""

from __future__ import annotations

import sqlite3

import pytest

from entente.config import get_settings
from entente.ingest import IngestFailure, read_paths
from entente.jobs import Summary, cleaned, ingest_paths
from entente.store import Store

from ..conftest import DATA

BAD = DATA / "bad"
FAILING = ["empty.txt", "binary.txt", "zero_text.html", "malformed.jsonl", "malformed.csv", "truncated.warc.gz"]


@pytest.fixture
def huge_article(tmp_path):  # type: ignore[no-untyped-def]
    """A 50 MB article, written for the test rather than kept in the repository."""
    path = tmp_path / "huge.txt"
    para = (BAD / "old_date.txt").read_bytes()[18:]
    with path.open("wb") as fh:
        while fh.tell() < 50_000_000:
            fh.write(para)
    return path


def test_huge_article_fails_without_being_read(huge_article):  # type: ignore[no-untyped-def]
    [failure] = list(read_paths([str(huge_article)]))
    assert isinstance(failure, IngestFailure) and failure.where == str(huge_article)
    assert failure.problem.startswith(f"article is {huge_article.stat().st_size:,} bytes, over the limit of 10,000,000")


def test_huge_record_in_a_dump_fails_alone(tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "dump.jsonl"
    settings = get_settings().model_copy(update={"max_article_bytes": 1000})
    path.write_text('{"text": "' + "x" * 2000 + '"}\n{"text": "' + "y" * 100 + '"}\n')
    items = list(read_paths([str(path)], settings))
    assert str(items[0]).startswith(f"{path}:line 1: article is 2,013 bytes, over the limit of 1,000")
    assert items[1].text == "y" * 100  # type: ignore[union-attr]


@pytest.mark.parametrize("name,message", [
    ("empty.txt", "empty.txt: empty file: no article text"),
    ("binary.txt", "binary.txt: ZIP archive, not a format entente reads"),
    ("zero_text.html", "zero_text.html: no article text found in the page"),
    ("malformed.jsonl", "malformed.jsonl:line 2: malformed JSON: "),
    ("malformed.jsonl", "malformed.jsonl:line 3: a JSON record must be an object, not list"),
    ("malformed.csv", "malformed.csv:row 2: malformed CSV row: 2 fields where the header has 3"),
    ("truncated.warc.gz", "truncated.warc.gz:record 8: truncated or malformed WARC record: "),
])
def test_failures_name_file_record_and_problem(name, message):  # type: ignore[no-untyped-def]
    summary = Summary()
    list(cleaned([str(BAD / name)], summary, get_settings()))
    assert any(p.startswith(f"{BAD}/{message}") for p in summary.problems), summary.problems


@pytest.mark.parametrize("name,message", [
    ("latin1.txt", "latin1.txt: not UTF-8; decoded as "),
    ("mixed_encoding.txt", "mixed_encoding.txt: mixed encodings: 1 line(s) not UTF-8, decoded as cp1252"),
    ("future_date.txt", "future_date.txt: publication date '3000-01-01' is not plausible"),
    ("old_date.txt", "old_date.txt: publication date '1899-12-31' is not plausible"),
    ("malformed.csv", "malformed.csv:row 3: publication date '1850-03-01' is not plausible"),
    ("truncated.html", "truncated.html: HTML ends before </html> (truncated?)"),
])
def test_warnings_name_file_and_problem(name, message):  # type: ignore[no-untyped-def]
    summary = Summary()
    articles = list(cleaned([str(BAD / name)], summary, get_settings()))
    assert articles and any(w.startswith(f"{BAD}/{message}") for w in summary.warnings), summary.warnings


def test_files_in_no_format_entente_reads_are_skipped_and_counted(tmp_path):  # type: ignore[no-untyped-def]
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "brief.docx").write_bytes(b"PK\x03\x04\x14\x00\x06\x00[Content_Types].xml word/document.xml")
    (tmp_path / "story.pdf").write_bytes((DATA / "formats" / "yonhap_columns.pdf").read_bytes())
    summary = Summary()
    articles = list(cleaned([str(tmp_path)], summary, get_settings()))
    assert [a.doc_id for a in articles] == ["story"] and summary.ok
    assert summary.skipped == 2 and summary.skipped_files == [
        f"{tmp_path}/brief.docx: Word document (DOCX), not a format entente reads (text, HTML, PDF, JSON, CSV, RSS/Atom, WARC)",
        f"{tmp_path}/photo.png: PNG image, not a format entente reads (text, HTML, PDF, JSON, CSV, RSS/Atom, WARC)"]


def test_a_binary_file_named_on_its_own_fails_naming_what_it_is(tmp_path):  # type: ignore[no-untyped-def]
    photo = tmp_path / "photo.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    summary = Summary()
    assert not list(cleaned([str(photo)], summary, get_settings()))
    assert (summary.failed, summary.skipped) == (1, 0) and summary.problems[0].startswith(f"{photo}: PNG image, not a format")


def _dump(db: str) -> list[str]:
    with sqlite3.connect(db) as conn:
        return list(conn.iterdump())


@pytest.mark.slow
def test_a_failing_batch_leaves_the_store_untouched(tmp_path, huge_article, nlp):  # type: ignore[no-untyped-def]
    db = str(tmp_path / "t.db")
    store = Store(db)
    first = ingest_paths([str(DATA / "formats" / "dump.jsonl"), str(DATA / "formats" / "pages.warc.gz")], store)
    assert first.ok and (first.ingested, first.duplicates) == (5, 1)
    store.close()
    before = _dump(db)
    store = Store(db)
    summary = ingest_paths([str(BAD / n) for n in FAILING] + [str(huge_article)], store)
    store.close()
    assert summary.failed == 8 and summary.ingested == 0
    assert len(summary.problems) == 8 and all(p.startswith(str(BAD)) or p.startswith(str(huge_article))
                                              for p in summary.problems)
    assert _dump(db) == before
