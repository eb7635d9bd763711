"""Exports of the stored record for analysts' tools, with the same filters as `entente events`.

- `records`: one article record per line, the format of ../shared/spec/records.md
- `jsonl`: one flat event per line
- `csv`, `parquet`: the flat event table for pandas, R and Excel (lists joined by "; " in CSV,
  list columns in Parquet)
- `graphml`: the actor network for Gephi: actors as nodes (with country), one edge per event
  from each actor to each target (between co-actors when there is no target), with its type,
  date and weight
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from itertools import combinations
from pathlib import Path
from typing import Any

import networkx as nx
import pyarrow as pa
import pyarrow.parquet as pq

from entente.errors import InvalidParameter
from entente.store import Store
from entente.store.read import EventFilter, EventOut, iter_events, list_actors, list_articles

FORMATS = ("records", "jsonl", "csv", "parquet", "graphml")
COLUMNS = ("id", "doc_id", "date", "type", "mode", "status", "location", "actors", "targets", "countries", "sectors",
           "evidence", "evidence_start", "evidence_end")
LIST_COLUMNS = ("actors", "targets", "countries", "sectors")
JOIN = "; "


def event_row(e: EventOut) -> dict[str, Any]:
    """One event as a flat row; list columns stay lists."""
    return {"id": e.id, "doc_id": e.doc_id, "date": e.date, "type": e.type, "mode": e.mode, "status": e.status,
            "location": e.location, "actors": e.actors, "targets": e.targets, "countries": e.countries,
            "sectors": e.sectors, "evidence": e.evidence.text, "evidence_start": e.evidence.start,
            "evidence_end": e.evidence.end}


def write_records(store: Store, events: list[EventOut], path: Path, everything: bool) -> int:
    """The stored records of the articles behind `events` (of every article when `everything`)."""
    if everything:
        doc_ids: list[str] = []
        while True:
            page = list_articles(store, limit=500, offset=len(doc_ids))
            doc_ids += [a.doc_id for a in page.items]
            if len(page.items) < 500:
                break
    else:
        doc_ids = list(dict.fromkeys(e.doc_id for e in events))
    with path.open("w", encoding="utf-8") as fh:
        for doc_id in doc_ids:
            record, _text = store.record(doc_id)
            fh.write(record.model_dump_json() + "\n")
    return len(doc_ids)


def write_jsonl(events: list[EventOut], path: Path) -> int:
    with path.open("w", encoding="utf-8") as fh:
        for e in events:
            fh.write(json.dumps(event_row(e), ensure_ascii=False) + "\n")
    return len(events)


def write_csv(events: list[EventOut], path: Path) -> int:
    # utf-8-sig so Excel reads the accents right
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        for e in events:
            row = event_row(e)
            writer.writerow({k: JOIN.join(v) if k in LIST_COLUMNS else v for k, v in row.items()})
    return len(events)


PARQUET_SCHEMA = pa.schema([
    ("id", pa.int64()), ("doc_id", pa.string()), ("date", pa.string()), ("type", pa.string()), ("mode", pa.string()),
    ("status", pa.string()), ("location", pa.string()), *((c, pa.list_(pa.string())) for c in LIST_COLUMNS),
    ("evidence", pa.string()), ("evidence_start", pa.int64()), ("evidence_end", pa.int64())])


def write_parquet(events: list[EventOut], path: Path) -> int:
    rows = [event_row(e) for e in events]
    table = pa.Table.from_pylist(rows, schema=PARQUET_SCHEMA)
    pq.write_table(table, path)
    return len(events)


def _edges(e: EventOut) -> Iterable[tuple[str, str]]:
    if e.targets:
        return ((a, t) for a in e.actors for t in e.targets if a != t)
    return combinations(e.actors, 2)


def actor_network(store: Store, events: list[EventOut]) -> nx.MultiDiGraph:
    """Actors as nodes (label, country, kind), one edge per event and pair with type, date and weight."""
    graph = nx.MultiDiGraph()
    names = {n for e in events for n in (*e.actors, *e.targets)}
    known: dict[str, tuple[str, str]] = {}
    offset = 0
    while True:
        page = list_actors(store, limit=500, offset=offset)
        known.update({a.name: (a.country or "", a.kind) for a in page.items if a.name in names})
        offset += len(page.items)
        if len(page.items) < 500:
            break
    for name in sorted(names):
        country, kind = known.get(name, ("", "PERSON"))
        graph.add_node(name, label=name, country=country, kind=kind)
    for e in events:
        for a, b in _edges(e):
            graph.add_edge(a, b, key=f"{e.id}:{a}:{b}", event_id=e.id, type=e.type, mode=e.mode or "",
                           status=e.status, date=e.date or "", doc_id=e.doc_id, weight=1.0)
    return graph


def write_graphml(store: Store, events: list[EventOut], path: Path) -> int:
    graph = actor_network(store, events)
    nx.write_graphml(graph, path)
    return graph.number_of_edges()


def export(store: Store, format: str, path: Path, f: EventFilter | None = None) -> int:
    """Write the events matching `f` (or their articles' records) to `path` in `format`; returns how
    many items (records, events or edges) were written."""
    f = f or EventFilter()
    if format not in FORMATS:
        raise InvalidParameter("format", f"{format[:40]!r} is not one of {', '.join(FORMATS)}")
    events = iter_events(store, f.checked())
    writers: dict[str, Callable[[], int]] = {
        "records": lambda: write_records(store, events, path, f == EventFilter()),
        "jsonl": lambda: write_jsonl(events, path),
        "csv": lambda: write_csv(events, path),
        "parquet": lambda: write_parquet(events, path),
        "graphml": lambda: write_graphml(store, events, path),
    }
    return writers[format]()
