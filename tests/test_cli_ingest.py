"""The ingest and extract commands on archive formats: stdin, column flags, --quiet, --jobs."""

from __future__ import annotations

import csv
import json

import pytest
from typer.testing import CliRunner

from entente.cli import app

from .conftest import DATA

pytestmark = pytest.mark.slow
runner = CliRunner()
FORMATS = DATA / "formats"


@pytest.mark.parametrize("name,count", [("dump.jsonl", 4), ("wire.rss", 3), ("dump.jsonl.gz", 4)])
def test_extract_sniffs_stdin(name, count):  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["extract", "-"], input=(FORMATS / name).read_bytes())
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == count and records[0]["published"]


def test_column_flag_names_a_field_the_defaults_miss(tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "export.csv"
    text = (DATA / "articles" / "kor_usa_yonhap_01.txt").read_text(encoding="utf-8").split(" ", 3)[-1]
    with path.open("w", newline="") as fh:
        csv.writer(fh).writerows([["ref", "when", "copy"], ["k-1", "2024-11-12", text]])
    assert runner.invoke(app, ["extract", str(path)]).exit_code == 1  # no column known to hold text
    result = runner.invoke(app, ["extract", str(path), "--column", "text=copy", "--column", "date=when",
                                 "--column", "id=ref"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert (record["doc_id"], record["published"]) == ("export_k-1", "2024-11-12") and record["events"]


def test_bad_column_flag_is_refused():  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["extract", str(FORMATS / "dump.csv"), "--column", "body"])
    assert result.exit_code == 2 and "FIELD=NAME" in " ".join(result.output.split())


def test_quiet_ingest_with_a_pool_prints_only_problems(tmp_path):  # type: ignore[no-untyped-def]
    db = str(tmp_path / "t.db")
    result = runner.invoke(app, ["ingest", str(FORMATS / "dump.jsonl"), str(DATA / "bad" / "empty.txt"),
                                 "--db", db, "--quiet", "--jobs", "2"])
    assert result.exit_code == 1
    assert result.stderr.strip().startswith("error:") and "empty.txt: empty file" in result.stderr
    assert "ingested" not in result.stderr
    shown = runner.invoke(app, ["show", "dump_deu_pol_dpa_01", "--db", db])
    assert shown.exit_code == 0 and "Scholz" in shown.stdout
