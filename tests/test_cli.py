from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from entente.cli import app

from .conftest import DATA, SAMPLES

pytestmark = pytest.mark.slow
runner = CliRunner()


def test_extract_writes_one_record_per_article(tmp_path):  # type: ignore[no-untyped-def]
    out = tmp_path / "r.jsonl"
    result = runner.invoke(app, ["extract", str(SAMPLES), "-o", str(out)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(records) == 5
    assert {"doc_id", "published", "source", "dateline", "entities", "events", "facts", "sectors"} <= set(records[0])


def test_extract_reads_stdin():  # type: ignore[no-untyped-def]
    text = (SAMPLES / "000_25cf438f34d7ad8b.txt").read_text(encoding="utf-8")
    result = runner.invoke(app, ["extract", "-"], input=text)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["source"] == "TASS"


def test_bad_files_are_named_and_the_batch_goes_on(tmp_path):  # type: ignore[no-untyped-def]
    db = tmp_path / "t.db"
    result = runner.invoke(app, ["ingest", str(DATA / "bad"), str(SAMPLES / "000_25cf438f34d7ad8b.txt"),
                                 "--db", str(db)])
    assert result.exit_code == 1
    assert "empty.txt: empty file" in result.stderr
    assert "binary.txt: ZIP archive, not a format entente reads" in " ".join(result.stderr.split())
    assert "latin1.txt: not UTF-8" in result.stderr
    said = " ".join(result.stderr.split())  # the console wraps long lines
    assert "zero_text.html: no article text found in the page" in said
    assert "malformed.jsonl:line 2: malformed JSON" in said
    assert "scanned.pdf: PDF has no text layer" in said and "encrypted.pdf: encrypted PDF" in said
    assert "9 ingested, 0 updated, 0 unchanged, 2 duplicates, 10 failed" in said
    shown = runner.invoke(app, ["show", "000_25cf438f34d7ad8b", "--db", str(db)])
    assert shown.exit_code == 0 and "Vladimir Putin" in shown.stdout


def test_events_lists_stored_events(tmp_path):  # type: ignore[no-untyped-def]
    db = str(tmp_path / "t.db")
    assert runner.invoke(app, ["ingest", str(SAMPLES), "--db", db, "-q"]).exit_code == 0
    result = runner.invoke(app, ["events", "--db", db, "--country", "RUS", "--format", "jsonl"])
    rows = [json.loads(x) for x in result.stdout.splitlines()]
    assert rows and all("RUS" in r["countries"] for r in rows)
    assert all(r["quad"] and -10 <= r["intensity"] <= 10 for r in rows)
    table = runner.invoke(app, ["events", "--db", db, "--country", "RUS", "--format", "csv"]).stdout.splitlines()
    assert ",type,mode,quad,intensity,status," in table[0]


def test_files_in_no_format_entente_reads_are_listed_and_counted_as_skipped(tmp_path):  # type: ignore[no-untyped-def]
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    (folder / "story.txt").write_text((SAMPLES / "000_25cf438f34d7ad8b.txt").read_text(encoding="utf-8"),
                                      encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "t.db")])
    said = " ".join(result.stderr.split())
    assert result.exit_code == 0, said
    assert "skipped: " in said and "photo.png: PNG image" in said
    assert "1 ingested" in said and "0 failed, 1 skipped" in said


def test_a_format_is_read_in_any_case():  # type: ignore[no-untyped-def]
    text = (SAMPLES / "000_25cf438f34d7ad8b.txt").read_text(encoding="utf-8")
    result = runner.invoke(app, ["extract", "-", "--format", "JSONL"], input=text)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["source"] == "TASS"
