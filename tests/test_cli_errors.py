"""Every user-facing error of the `entente` command is one line naming the file or parameter, with
a non-zero exit; nothing is created by a read command pointed at a database that is not there."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from entente.cli import app

from .conftest import SAMPLES

runner = CliRunner()
pytestmark = pytest.mark.slow

# each subcommand with the options it needs to run, the database being {db}
COMMANDS = {
    "events": ["events", "--db", "{db}"],
    "export": ["export", "--db", "{db}", "-o", "{out}"],
    "relations": ["relations", "RUS", "VNM", "--db", "{db}"],
    "brief": ["brief", "--between", "RUS", "VNM", "--db", "{db}"],
    "actors": ["actors", "--db", "{db}"],
    "actor": ["actor", "Putin", "--db", "{db}"],
    "show": ["show", "000_25cf438f34d7ad8b", "--db", "{db}"],
}


def _args(words: list[str], db: str, out: str = "x.csv") -> list[str]:
    return [w.format(db=db, out=out) for w in words]


def _one_line_error(result, *names: str) -> str:  # type: ignore[no-untyped-def]
    assert result.exit_code not in (0, None), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.output
    for n in names:
        assert n in lines[0], lines[0]
    return lines[0]


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_missing_database_is_refused_and_not_created(command, tmp_path):  # type: ignore[no-untyped-def]
    db = tmp_path / "nosuch.db"
    result = runner.invoke(app, _args(COMMANDS[command], str(db), str(tmp_path / "x.csv")))
    _one_line_error(result, str(db), "no such database")
    assert not db.exists() and list(tmp_path.iterdir()) == []


def test_serve_refuses_a_missing_database_unless_it_may_ingest(tmp_path):  # type: ignore[no-untyped-def]
    db = tmp_path / "typo.db"
    _one_line_error(runner.invoke(app, ["serve", "--db", str(db)]), "typo.db")
    assert not db.exists()


@pytest.mark.parametrize("args,named", [
    (["extract", str(SAMPLES / "000_25cf438f34d7ad8b.txt"), "-o", "{missing}/r.jsonl"], "-o"),
    (["export", "--db", "{db}", "-o", "{missing}/e.csv"], "-o"),
    (["brief", "--between", "RUS", "VNM", "--db", "{db}", "-o", "{missing}/b.md"], "-o"),
    (["export", "--db", "{db}", "-o", "{folder}"], "is a folder"),
])
def test_an_output_that_cannot_be_written_is_one_line(args, named, sample_db, tmp_path):  # type: ignore[no-untyped-def]
    words = [a.format(db=sample_db, missing=tmp_path / "no" / "such", folder=tmp_path) for a in args]
    _one_line_error(runner.invoke(app, words), named)


@pytest.mark.parametrize("args,message", [
    (["events", "--country", "RUZ"], "RUZ is not a country code; did you mean RUS"),
    (["events", "--between", "RUS", "VTN"], "did you mean VEN or VUT or VNM"),
    (["events", "--type", "CONSULTT"], "did you mean CONSULT"),
    (["events", "--mode", "vist"], "did you mean visit"),
    (["events", "--status", "don"], "did you mean done"),
    (["events", "--sector", "defense"], "did you mean defence"),
    (["events", "--since", "2024-13"], "since"),
    (["events", "--until", "yesterday"], "until"),
    (["export", "-o", "{tmp}/e.csv", "--country", "XYZ"], "XYZ is not a country code"),
    (["export", "-o", "{tmp}/e.csv", "--since", "3000-02-30"], "not a calendar date"),
    (["relations", "RUS", "XYZ"], "XYZ is not a country code"),
    (["relations", "RUS", "VNM", "--since", "2024-1"], "--since"),
    (["brief", "--between", "RUS", "VNZ"], "VNZ is not a country code; did you mean VNM"),
    (["brief", "--between", "RUS", "VNM", "--until", "june"], "--until"),
    (["actors", "--country", "RUZ"], "did you mean RUS"),
    (["events", "--format", "xml"], "--format"),
    (["events", "--limit", "501"], "--limit 501"),
])
def test_a_bad_code_or_date_is_one_line_with_a_suggestion(args, message, sample_db, tmp_path):  # type: ignore[no-untyped-def]
    words = [a.format(tmp=tmp_path) for a in args] + ["--db", sample_db]
    _one_line_error(runner.invoke(app, words), message)
    assert not (tmp_path / "e.csv").exists()


@pytest.mark.parametrize("args,expect", [
    (["--country", "rus", "--type", "consult", "--mode", "VISIT"], "CONSULT"),
    (["--country", "Vietnam", "--status", "Done"], "VNM"),
])
def test_codes_and_choices_are_read_in_any_case(args, expect, sample_db):  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["events", "--db", sample_db, "--format", "csv", *args])
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) >= 2 and expect in result.stdout


def test_csv_and_jsonl_write_every_match_and_limit_cuts_them(sample_db):  # type: ignore[no-untyped-def]
    table = runner.invoke(app, ["events", "--db", sample_db, "--by", "report", "--limit", "5"])
    total = int(table.stdout.split(" events, page")[0].split()[-1])
    assert total > 5 and "--page 2" in table.stderr
    every = runner.invoke(app, ["events", "--db", sample_db, "--format", "jsonl"])
    rows = [json.loads(ln) for ln in every.stdout.splitlines()]
    assert len(rows) == total and len({r["id"] for r in rows}) == total
    happenings = runner.invoke(app, ["events", "--db", sample_db, "--limit", "5"]).stdout
    assert int(happenings.split(" happenings, page")[0].split()[-1]) == len({r["group_id"] for r in rows})
    csv_rows = runner.invoke(app, ["events", "--db", sample_db, "--format", "csv", "--limit", "3"]).stdout
    assert len(csv_rows.splitlines()) == 4


def test_extract_and_brief_write_into_an_existing_folder(sample_db, tmp_path):  # type: ignore[no-untyped-def]
    out = Path(tmp_path) / "brief.md"
    result = runner.invoke(app, ["brief", "--between", "rus", "vnm", "--db", sample_db, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("# Russia and Vietnam")


def test_a_read_command_leaves_another_programs_database_untouched(tmp_path):  # type: ignore[no-untyped-def]
    import sqlite3

    path = tmp_path / "other.db"
    with sqlite3.connect(path) as c:
        c.execute("create table notes (body text)")
    _one_line_error(runner.invoke(app, ["events", "--db", str(path)]), "no entente store")
    with sqlite3.connect(path) as c:
        assert c.execute("select name from sqlite_master").fetchall() == [("notes",)]
        assert c.execute("pragma journal_mode").fetchone() == ("delete",)
