"""Each export, read back with the tool an analyst would use, says what the store says."""

from __future__ import annotations

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
from entente.store.read import EventFilter, iter_events

pytestmark = pytest.mark.slow
PAIR = EventFilter(countries=("RUS", "VNM"))


@pytest.mark.parametrize("f", [EventFilter(), PAIR, EventFilter(type="AGREE", since="2023")])
def test_csv_reads_back_as_the_event_table(sample_store: Store, tmp_path: Path, f: EventFilter) -> None:
    path = tmp_path / "events.csv"
    n = export(sample_store, "csv", path, f)
    df = pd.read_csv(path, encoding="utf-8-sig", keep_default_na=False)
    events = iter_events(sample_store, f)
    assert n == len(df) == len(events) > 0
    assert tuple(df.columns) == COLUMNS
    assert list(df["id"]) == [e.id for e in events]
    assert list(df["type"]) == [e.type for e in events]
    assert list(df["evidence"]) == [e.evidence.text for e in events]
    assert list(df["actors"]) == ["; ".join(e.actors) for e in events]


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


def test_graphml_is_the_actor_network(sample_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "actors.graphml"
    n = export(sample_store, "graphml", path, PAIR)
    graph = nx.read_graphml(path, force_multigraph=True)
    events = iter_events(sample_store, PAIR)
    assert graph.number_of_edges() == n > 0
    assert set(graph.nodes) == {name for e in events for name in (*e.actors, *e.targets)}
    assert graph.nodes["Pham Minh Chinh"]["country"] == "VNM"
    assert graph.nodes["Vladimir Putin"]["country"] == "RUS"
    by_id = {e.id: e for e in events}
    for a, b, data in graph.edges(data=True):
        e = by_id[int(data["event_id"])]
        assert data["type"] == e.type and data["date"] == (e.date or "") and float(data["weight"]) == 1.0
        assert a in e.actors and (b in e.targets or (not e.targets and b in e.actors))


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
    df = pd.read_csv(out, encoding="utf-8-sig")
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
