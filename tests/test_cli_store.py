from __future__ import annotations

import csv
import io
import json
import re
import sqlite3

import pytest
from typer.testing import CliRunner

from entente.cli import app

from .conftest import DATA, SAMPLES

pytestmark = pytest.mark.slow
runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory, nlp):  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("cli") / "t.db"
    result = runner.invoke(app, ["ingest", str(SAMPLES), str(DATA / "actors"), "--db", str(path), "-q"])
    assert result.exit_code == 0, result.output
    return str(path)


def test_actors_lists_canonical_actors_of_a_country(db):  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["actors", "--db", db, "--country", "RUS"])
    assert result.exit_code == 0, result.output
    assert "Vladimir Putin" in result.stdout and "Pham Minh Chinh" not in result.stdout


def test_actors_lists_countries_and_actor_shows_one_with_its_events(db):  # type: ignore[no-untyped-def]
    listed = runner.invoke(app, ["actors", "--db", db, "--kind", "country"])
    assert listed.exit_code == 0, listed.output
    assert "Russia" in listed.stdout and "COUNTRY" in listed.stdout and "Vladimir Putin" not in listed.stdout
    shown = runner.invoke(app, ["actor", "Vietnam", "--db", db])
    assert shown.exit_code == 0, shown.output
    assert "COUNTRY  VNM" in shown.stdout and re.search(r"\b[1-9]\d* events", shown.stdout)
    unknown = runner.invoke(app, ["actor", "Atlantis", "--db", db])
    assert unknown.exit_code == 1 and "Atlantis" in unknown.stderr


def test_actor_shows_aliases_and_dated_roles(db):  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["actor", "Putin", "--db", db])
    assert result.exit_code == 0, result.output
    assert "Vladimir Vladimirovich Putin" in result.stdout and "2024-06-20  President" in result.stdout


def test_actor_names_an_ambiguous_surname_as_an_error(db):  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["actor", "Singh", "--db", db])
    assert result.exit_code == 1 and "names 2 actors" in result.stderr


def test_actor_merge_and_split_are_corrections(tmp_path, db):  # type: ignore[no-untyped-def]
    copy = tmp_path / "c.db"
    with sqlite3.connect(db) as src, sqlite3.connect(copy) as dst:
        src.backup(dst)
    merged = runner.invoke(app, ["actor", "merge", "Vladimir Kolokoltsev", "Vladimir Kolokoltsov", "--db", str(copy)])
    assert merged.exit_code == 0, merged.output
    split = runner.invoke(app, ["actor", "split", "Vladimir Putin", "--alias", "Putin", "--db", str(copy)])
    assert split.exit_code == 0, split.output
    wrong = runner.invoke(app, ["actor", "merge", "Vladimir Putin", "--db", str(copy)])
    assert wrong.exit_code == 2


@pytest.mark.parametrize("args, check", [
    (["--between", "RUS", "VNM", "--mode", "meet"], lambda r: {"RUS", "VNM"} <= set(r["countries"]) and r["mode"] == "meet"),
    (["--actor", "Putin"], lambda r: "Vladimir Putin" in r["actors"] + r["targets"]),
    (["--status", "planned"], lambda r: r["status"] == "planned"),
    (["--sector", "defence"], lambda r: "defence" in r["sectors"]),
    (["--text", "Kazan BRICS"], lambda r: r["doc_id"] == "003_050b114383b8fb0f"),
])
def test_events_filters(db, args, check):  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["events", "--db", db, "--format", "jsonl", *args])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all(check(r) for r in rows)


def test_events_pages_and_csv(db):  # type: ignore[no-untyped-def]
    pages = [runner.invoke(app, ["events", "--db", db, "--format", "csv", "--limit", "3", "--page", str(p)]).stdout
             for p in (1, 2)]
    first, second = (list(csv.DictReader(io.StringIO(p))) for p in pages)
    assert len(first) == 3 and len(second) == 3
    assert not {r["id"] for r in first} & {r["id"] for r in second}
    assert set(first[0]) >= {"id", "doc_id", "date", "type", "actors", "evidence"}


def test_events_reject_a_bad_filter_by_name(db):  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["events", "--db", db, "--status", "someday"])
    assert result.exit_code == 2 and "status" in result.stderr


def test_relations_summarises_a_pair(db):  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["relations", "RUS", "VNM", "--db", db])
    assert result.exit_code == 0, result.output
    assert "RUS–VNM" in result.stdout and "CONSULT" in result.stdout and "top actors" in result.stdout
    assert "two-way trade" in result.stdout
    lanes = re.search(r"(\d+) events: (\d+) dated, (\d+) year unknown, (\d+) undated", result.stdout)
    assert lanes and int(lanes[1]) == sum(int(n) for n in lanes.groups()[1:])
    header = next(line for line in result.stdout.splitlines() if "type" in line and "all" in line)
    assert "undated" in header
    # every row's year and undated columns add up to its "all"
    for line in result.stdout.splitlines():
        cells = [c.strip() for c in line.strip("│┃ ").split("│")]
        if len(cells) > 2 and cells[0].isupper() and cells[-1].isdigit():
            assert sum(int(c) for c in cells[1:-1] if c) == int(cells[-1]), line


def test_events_table_shows_a_happening_once_and_dates_in_words(db):  # type: ignore[no-untyped-def]
    grouped = runner.invoke(app, ["events", "--db", db, "--between", "RUS", "VNM", "--limit", "200"])
    assert grouped.exit_code == 0, grouped.output
    assert "happenings" in grouped.stdout and grouped.stdout.count("TASS, VNS") == 1
    assert "31 Oct (year" in grouped.stdout and "--10-31" not in grouped.stdout and "20 Jun 2024" in grouped.stdout
    reports = runner.invoke(app, ["events", "--db", db, "--between", "RUS", "VNM", "--by", "report", "--limit", "200"])
    assert reports.exit_code == 0 and " events, page" in reports.stdout
    assert runner.invoke(app, ["events", "--db", db, "--by", "story"]).exit_code == 2


def test_events_csv_has_group_article_and_date_columns(db):  # type: ignore[no-untyped-def]
    from entente.table import REPORT_COLUMNS

    result = runner.invoke(app, ["events", "--db", db, "--between", "RUS", "VNM", "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and tuple(rows[0]) == REPORT_COLUMNS
    assert all(r["group_id"] for r in rows) and {r["outlet"] for r in rows} >= {"TASS", "VNS"}
    assert [r["precision"] for r in rows if r["date"] == "--10-31"][0] == "day-no-year"


def test_organisations_are_listed_and_shown_as_actors(tmp_path, nlp):  # type: ignore[no-untyped-def]
    db = str(tmp_path / "orgs.db")
    assert runner.invoke(app, ["ingest", str(DATA / "orgs"), "--db", db, "-q"]).exit_code == 0
    listed = runner.invoke(app, ["actors", "--db", db, "--kind", "org"])
    assert listed.exit_code == 0, listed.output
    assert "Association of Southeast Asian Nations" in listed.stdout and "Retno Marsudi" not in listed.stdout
    shown = runner.invoke(app, ["actor", "ASEAN", "--db", db])
    assert shown.exit_code == 0, shown.output
    assert "Association of Southeast Asian Nations  ORG  ?" in shown.stdout
    assert "articles: idn_kor_antara_01, kor_idn_yonhap_01" in shown.stdout
    show = runner.invoke(app, ["show", "idn_kor_antara_01", "--db", db])
    assert "org Pertamina (IDN)" in show.stdout and "person Retno Marsudi (IDN)" in show.stdout
