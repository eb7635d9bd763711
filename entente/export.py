"""Exports of the stored record for analysts' tools, with the same filters as `entente events`.

- `records`: one article record per line, the format of ../shared/spec/records.md
- `jsonl`: one flat event per line
- `csv`, `parquet`: the flat event table for pandas, R and Excel (lists joined by "; " in CSV,
  list columns in Parquet), in the columns of `entente events --format csv` (`entente.table`)
- `graphml`: the actor network for Gephi: actors (and the states visited) as nodes, one edge per
  event and pair of its participants, marked `directed` (actor to target), `joint` (co-actors of
  an event with no target) or `single` (one actor alone: a visit runs to the visited state)

Rows are one per report (`by="report"`, each with its `group_id`) or one per happening
(`by="group"`); dates carry `date_start`, `date_end` (ISO) and `precision` beside `date`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import combinations
from pathlib import Path
from typing import Any, Protocol

import networkx as nx
import pyarrow as pa
import pyarrow.parquet as pq

from entente.errors import InvalidParameter
from entente.gazetteer import load as gazetteer
from entente.store import Store
from entente.store.grouped import BY, By, GroupOut, iter_groups
from entente.store.read import EventFilter, EventOut, iter_events, list_actors, list_articles
from entente.table import GROUP_COLUMNS, LIST_COLUMNS, REPORT_COLUMNS, group_row, report_row, write_csv, write_jsonl

FORMATS = ("records", "jsonl", "csv", "parquet", "graphml")
COLUMNS = REPORT_COLUMNS
INT_COLUMNS = ("id", "group_id", "reports", "evidence_start", "evidence_end")
FLOAT_COLUMNS = ("intensity",)


class Happening(Protocol):
    """What the network needs of a report or a group."""

    type: str
    mode: str | None
    quad: str | None
    intensity: float | None
    status: str
    date: str | None
    actors: list[str]
    targets: list[str]
    countries: list[str]


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


def _column_type(name: str) -> pa.DataType:
    if name == "event_ids":
        return pa.list_(pa.int64())
    if name in LIST_COLUMNS:
        return pa.list_(pa.string())
    if name in FLOAT_COLUMNS:
        return pa.float64()
    return pa.int64() if name in INT_COLUMNS else pa.string()


def parquet_schema(columns: tuple[str, ...]) -> pa.Schema:
    """Typed columns: ids and offsets as integers, intensity as a float, lists as list columns, the
    rest as strings (dates too, as in the record; `date_start` and `date_end` parse with pandas)."""
    return pa.schema([(c, _column_type(c)) for c in columns])


PARQUET_SCHEMA = parquet_schema(REPORT_COLUMNS)


def write_table(rows: list[dict[str, Any]], columns: tuple[str, ...], format: str, path: Path) -> int:
    if format == "parquet":
        pq.write_table(pa.Table.from_pylist(rows, schema=parquet_schema(columns)), path)
    else:
        with path.open("w", encoding="utf-8", newline="") as fh:
            (write_jsonl(rows, fh) if format == "jsonl" else write_csv(rows, columns, fh))
    return len(rows)


def _country_name(iso3: str) -> str:
    c = gazetteer().countries.get(iso3)
    return c.name if c else iso3


def _edges(e: Happening, home: dict[str, str]) -> Iterable[tuple[str, str, str]]:
    """(from, to, kind) for one event: each actor to each target (`directed`); else between its
    co-actors (`joint`); else one actor to each state of the event that is not its own (`single`,
    a visit runs to the visited state), or to itself when there is none."""
    if e.targets:
        return [(a, t, "directed") for a in e.actors for t in e.targets if a != t]
    if len(e.actors) >= 2:
        return [(a, b, "joint") for a, b in combinations(e.actors, 2)]
    out = []
    for a in e.actors:
        away = [_country_name(c) for c in e.countries if c != home.get(a)]
        out += [(a, place, "single") for place in away if place != a] or [(a, a, "single")]
    return out


def _actors(store: Store, names: set[str]) -> dict[str, tuple[str, str]]:
    """Country and kind of the actors named."""
    known: dict[str, tuple[str, str]] = {}
    offset = 0
    while True:
        page = list_actors(store, limit=500, offset=offset)
        known.update({a.name: (a.country or "", a.kind) for a in page.items if a.name in names})
        offset += len(page.items)
        if len(page.items) < 500:
            return known


def actor_network(store: Store, items: list[EventOut] | list[GroupOut]) -> nx.MultiDiGraph:
    """Actors (and the states one-actor events run to) as nodes (label, country, kind), one edge per
    event (or group) and pair of its participants with type, mode, PLOVER quad and intensity, status,
    date, kind (`directed`, `joint` or `single`), its event and group ids and weight (1, or the
    group's reports)."""
    graph = nx.MultiDiGraph()
    known = _actors(store, {n for e in items for n in (*e.actors, *e.targets)})
    home = {name: country for name, (country, _) in known.items()}
    for e in items:
        if isinstance(e, EventOut):
            ids, group, weight, doc_ids = [e.id], e.group_id or 0, 1.0, e.doc_id
        else:
            ids, group, weight, doc_ids = [r.id for r in e.evidence], e.group_id, float(e.reports), "; ".join(e.doc_ids)
        places = {_country_name(c): c for c in e.countries}
        for a, b, kind in _edges(e, home):
            for name in (a, b):
                if name not in graph:
                    country, node_kind = known.get(name) or ((places[name], "GPE") if name in places else ("", "PERSON"))
                    graph.add_node(name, label=name, country=country, kind=node_kind)
            # GraphML keeps no null: an event of a type PLOVER does not score has no intensity
            scale = {"intensity": e.intensity} if e.intensity is not None else {}
            graph.add_edge(a, b, key=f"{group if isinstance(e, GroupOut) else ids[0]}:{a}:{b}", event_id=ids[0],
                           event_ids="; ".join(map(str, ids)), group_id=group, type=e.type, mode=e.mode or "",
                           quad=e.quad or "", status=e.status, date=e.date or "", kind=kind,
                           directed=kind == "directed", doc_id=doc_ids, weight=weight, **scale)
    return graph


def write_graphml(store: Store, items: list[EventOut] | list[GroupOut], path: Path) -> int:
    graph = actor_network(store, items)
    nx.write_graphml(graph, path)
    return graph.number_of_edges()


def export(store: Store, format: str, path: Path, f: EventFilter | None = None, by: By = "report") -> int:
    """Write the events matching `f` (or their articles' records) to `path` in `format`, one row
    (or edge set) per report or per event group (`by`); returns how many items (records, events,
    groups or edges) were written."""
    f = f or EventFilter()
    if format not in FORMATS:
        raise InvalidParameter("format", f"{format[:40]!r} is not one of {', '.join(FORMATS)}")
    if by not in BY:
        raise InvalidParameter("by", f"{str(by)[:40]!r} is not one of {', '.join(BY)}")
    f = f.checked()
    if by == "group" and format != "records":
        groups = iter_groups(store, f)
        if format == "graphml":
            return write_graphml(store, groups, path)
        return write_table([group_row(g) for g in groups], GROUP_COLUMNS, format, path)
    events = iter_events(store, f)
    writers: dict[str, Callable[[], int]] = {
        "records": lambda: write_records(store, events, path, f == EventFilter()),
        "graphml": lambda: write_graphml(store, events, path),
    }
    if format in writers:
        return writers[format]()
    return write_table([report_row(e) for e in events], REPORT_COLUMNS, format, path)
