"""Each export, read back with the tool an analyst would use, says what the store says."""

from __future__ import annotations

import io
import json
from pathlib import Path

import networkx as nx
import pandas as pd
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from entente.cli import app
from entente.errors import InvalidParameter
from entente.export import COLUMNS, export
from entente.records import ArticleRecord
from entente.store import Store
from entente.store.grouped import iter_groups
from entente.store.read import EventFilter, iter_events
from entente.table import GROUP_COLUMNS, REPORT_COLUMNS

pytestmark = pytest.mark.slow
PAIR = EventFilter(countries=("RUS", "VNM"))


@pytest.mark.parametrize("f", [EventFilter(), PAIR, EventFilter(type="AGREE", since="2023")])
def test_csv_reads_back_as_the_event_table(sample_store: Store, tmp_path: Path, f: EventFilter) -> None:
    path = tmp_path / "events.csv"
    n = export(sample_store, "csv", path, f)
    assert not path.read_bytes().startswith(b"\xef\xbb\xbf")  # no BOM
    df = pd.read_csv(path, keep_default_na=False)
    events = iter_events(sample_store, f)
    assert n == len(df) == len(events) > 0
    assert tuple(df.columns) == COLUMNS == REPORT_COLUMNS
    assert list(df["group_id"]) == [e.group_id for e in events]
    assert list(df["outlet"]) == [e.outlet or "" for e in events]
    assert list(df["id"]) == [e.id for e in events]
    assert list(df["type"]) == [e.type for e in events]
    assert list(df["evidence"]) == [e.evidence.text for e in events]
    assert list(df["actors"]) == ["; ".join(e.actors) for e in events]
    assert list(zip(df["quad"], df["intensity"], strict=True)) == [(e.quad, e.intensity) for e in events]
    assert set(df["quad"]) <= {"verbal cooperation", "material cooperation", "verbal conflict", "material conflict"}


def test_parquet_keeps_types_and_lists(sample_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    export(sample_store, "parquet", path, PAIR)
    table = pq.read_table(path)
    events = iter_events(sample_store, PAIR)
    assert table.num_rows == len(events)
    assert str(table.schema.field("actors").type) == "list<element: string>"
    rows = table.to_pylist()
    assert [r["id"] for r in rows] == [e.id for e in events]
    assert [r["countries"] for r in rows] == [e.countries for e in events]
    assert [(r["evidence_start"], r["evidence_end"]) for r in rows] == [(e.evidence.start, e.evidence.end) for e in events]
    assert pd.read_parquet(path)["date"].tolist() == [e.date for e in events]
    assert str(table.schema.field("intensity").type) == "double"
    assert [(r["quad"], r["intensity"]) for r in rows] == [(e.quad, e.intensity) for e in events]


def test_graphml_is_the_actor_network_with_every_event(sample_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "actors.graphml"
    n = export(sample_store, "graphml", path, PAIR)
    graph = nx.read_graphml(path, force_multigraph=True)
    events = iter_events(sample_store, PAIR)
    assert graph.number_of_edges() == n > 0
    assert {name for e in events for name in (*e.actors, *e.targets)} <= set(graph.nodes)
    assert graph.nodes["Pham Minh Chinh"]["country"] == "VNM"
    assert graph.nodes["Vladimir Putin"]["country"] == "RUS"
    by_id = {e.id: e for e in events}
    # every event is an edge, one-actor events (visits) too
    assert {int(d["event_id"]) for _, _, d in graph.edges(data=True)} == set(by_id)
    for a, b, data in graph.edges(data=True):
        e = by_id[int(data["event_id"])]
        assert data["type"] == e.type and data["date"] == (e.date or "") and float(data["weight"]) == 1.0
        assert (data["quad"], float(data["intensity"])) == (e.quad, e.intensity)
        assert int(data["group_id"]) == e.group_id
        assert a in e.actors
        if data["kind"] == "directed":
            assert b in e.targets and data["directed"] is True
        elif data["kind"] == "joint":
            assert not e.targets and b in e.actors and data["directed"] is False
        else:
            assert data["kind"] == "single" and not e.targets and len(e.actors) == 1
    # Putin's visit runs to the visited state, a node of its own
    visits = [(a, b) for a, b, d in graph.edges(data=True) if d["kind"] == "single" and d["mode"] == "visit"]
    assert ("Vladimir Putin", "Vietnam") in visits
    assert graph.nodes["Vietnam"]["country"] == "VNM"


def test_graphml_by_group_has_one_edge_set_per_happening(sample_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "groups.graphml"
    export(sample_store, "graphml", path, PAIR, by="group")
    graph = nx.read_graphml(path, force_multigraph=True)
    visit = [d for a, b, d in graph.edges(data=True) if (a, b) == ("Vladimir Putin", "Vietnam") and d["mode"] == "visit"
             and d["date"] == "2024-06-20"]
    assert len(visit) == 1 and float(visit[0]["weight"]) == 2.0
    groups = {e.group_id for e in iter_events(sample_store, PAIR)}
    assert {int(d["group_id"]) for _, _, d in graph.edges(data=True)} == groups


def test_records_are_the_stored_records(sample_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    assert export(sample_store, "records", path) == 5
    for line in path.read_text(encoding="utf-8").splitlines():
        record = ArticleRecord.model_validate_json(line)
        assert record == sample_store.record(record.doc_id)[0]


def test_jsonl_has_one_event_a_line(sample_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    export(sample_store, "jsonl", path, PAIR)
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == [e.id for e in iter_events(sample_store, PAIR)]


def test_unknown_format_and_bad_filters_are_named(sample_store: Store, tmp_path: Path) -> None:
    with pytest.raises(InvalidParameter, match="format"):
        export(sample_store, "xlsx", tmp_path / "x", EventFilter())
    with pytest.raises(InvalidParameter, match="since"):
        export(sample_store, "csv", tmp_path / "x", EventFilter(since="last week"))


def test_cli_export_takes_the_events_filters(sample_db: str, tmp_path: Path) -> None:
    out = tmp_path / "e.csv"
    result = CliRunner().invoke(app, ["export", "--db", sample_db, "-f", "csv", "-o", str(out), "-c", "rus", "-c",
                                      "vnm", "--type", "agree"])
    assert result.exit_code == 0, result.output
    df = pd.read_csv(out)
    assert len(df) > 0 and set(df["type"]) == {"AGREE"}
    bad = CliRunner().invoke(app, ["export", "--db", sample_db, "-f", "csv", "-o", str(out), "--since", "soon"])
    assert bad.exit_code == 2 and "since" in bad.output


@pytest.mark.parametrize("args", [
    ["--between", "RUS", "VNM", "--mode", "meet"],
    ["--status", "planned"],
    ["--sector", "economy", "--since", "2024"],
    ["--text", "Kazan BRICS"],
])
def test_cli_export_writes_what_events_lists(sample_db: str, tmp_path: Path, args: list[str]) -> None:
    out = tmp_path / "e.jsonl"
    exported = CliRunner().invoke(app, ["export", "--db", sample_db, "-f", "jsonl", "-o", str(out), *args])
    assert exported.exit_code == 0, exported.output
    listed = CliRunner().invoke(app, ["events", "--db", sample_db, "-f", "jsonl", "--limit", "500", *args])
    assert listed.exit_code == 0, listed.output
    ids = sorted(json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines())
    assert ids and ids == sorted(json.loads(line)["id"] for line in listed.stdout.splitlines())


@pytest.mark.parametrize("by", ["report", "group"])
def test_dates_parse_with_pandas(sample_store: Store, tmp_path: Path, by: str) -> None:
    path = tmp_path / "events.csv"
    export(sample_store, "csv", path, EventFilter(), by=by)  # type: ignore[arg-type]
    df = pd.read_csv(path, keep_default_na=False)
    # every value of date_start and date_end parses; those with no year are empty, never '--10-31'
    starts = pd.to_datetime(df["date_start"].replace("", None), format="ISO8601")
    ends = pd.to_datetime(df["date_end"].replace("", None), format="ISO8601")
    assert (starts.isna() == (ends.isna())).all() and (starts.dropna() <= ends.dropna()).all()
    assert set(df["precision"]) <= {"day", "month", "year", "day-no-year", "none"}
    yearless = df[df["date"].astype(str).str.startswith("--")]
    assert len(yearless) and set(yearless["precision"]) == {"day-no-year"} and set(yearless["date_start"]) == {""}
    month = df[df["date"] == "2024-09"]
    assert list(month["date_start"].unique()) == ["2024-09-01"] and list(month["date_end"].unique()) == ["2024-09-30"]
    assert pd.read_csv(path, parse_dates=["date_start", "date_end"])["date_start"].dtype.kind == "M"


def test_events_csv_and_export_csv_are_one_table(sample_db: str, tmp_path: Path) -> None:
    out = tmp_path / "e.csv"
    for by in ("report", "group"):
        assert CliRunner().invoke(app, ["export", "--db", sample_db, "-o", str(out), "--between", "RUS", "VNM",
                                        "--by", by]).exit_code == 0
        listed = CliRunner().invoke(app, ["events", "--db", sample_db, "-f", "csv", "--between", "RUS", "VNM",
                                          "--by", by])
        assert listed.exit_code == 0, listed.output
        exported = pd.read_csv(out, keep_default_na=False)
        assert tuple(exported.columns) == (REPORT_COLUMNS if by == "report" else GROUP_COLUMNS)
        assert sorted(map(tuple, exported.astype(str).values)) == sorted(
            map(tuple, pd.read_csv(io.StringIO(listed.stdout), keep_default_na=False).astype(str).values))


def test_csv_by_group_lists_a_happening_once_with_its_outlets(sample_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "groups.csv"
    n = export(sample_store, "csv", path, PAIR, by="group")
    df = pd.read_csv(path, keep_default_na=False)
    assert n == len(df) == len(iter_groups(sample_store, PAIR)) == len({e.group_id for e in iter_events(sample_store, PAIR)})
    visit = df[(df["type"] == "CONSULT") & (df["mode"] == "visit") & (df["actors"] == "Vladimir Putin")
               & (df["date"] == "2024-06-20")]
    assert len(visit) == 1
    row = visit.iloc[0]
    assert row["reports"] == 2 and row["outlets"] == "TASS; VNS" and row["date"] == "2024-06-20"
    assert (row["first_report"], row["last_report"]) == ("2024-06-20", "2025-01-13")
    assert len(row["evidence"].split(" | ")) == 2 and len(row["doc_ids"].split("; ")) == 2
    table = pq.read_table(_parquet(sample_store, tmp_path))
    assert str(table.schema.field("event_ids").type) == "list<element: int64>"


def _parquet(store: Store, tmp_path: Path) -> Path:
    path = tmp_path / "groups.parquet"
    export(store, "parquet", path, PAIR, by="group")
    return path
