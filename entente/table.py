"""The flat rows of events, one per report or one per event group, and their columns: defined
once, for `entente events --format csv/jsonl` and for `entente export` alike."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

from entente.store.grouped import GroupOut
from entente.store.read import EventOut

# one row per report: the event as one article gives it, with its article and its group
REPORT_COLUMNS = ("id", "group_id", "doc_id", "date", "date_start", "date_end", "precision", "type", "mode", "quad",
                  "intensity", "status", "actors", "targets", "countries", "sectors", "location", "outlet", "title",
                  "url", "published", "evidence", "evidence_start", "evidence_end")
# one row per happening: what its reports say together, then each report's article and evidence, aligned
GROUP_COLUMNS = ("group_id", "date", "date_start", "date_end", "precision", "type", "mode", "quad", "intensity",
                 "status", "actors", "targets", "countries", "sectors", "location", "reports", "outlets", "first_report",
                 "last_report", "event_ids", "doc_ids", "titles", "urls", "evidence")
LIST_COLUMNS = ("actors", "targets", "countries", "sectors", "outlets", "event_ids", "doc_ids", "titles", "urls",
                "evidence")
JOIN = "; "
# evidence sentences hold semicolons of their own
EVIDENCE_JOIN = " | "


def report_row(e: EventOut) -> dict[str, Any]:
    """One report as a flat row in REPORT_COLUMNS order; list columns stay lists."""
    return {"id": e.id, "group_id": e.group_id, "doc_id": e.doc_id, "date": e.date, "date_start": e.date_start,
            "date_end": e.date_end, "precision": e.precision, "type": e.type, "mode": e.mode, "quad": e.quad,
            "intensity": e.intensity, "status": e.status,
            "actors": e.actors, "targets": e.targets, "countries": e.countries, "sectors": e.sectors,
            "location": e.location, "outlet": e.outlet, "title": e.title, "url": e.url, "published": e.published,
            "evidence": e.evidence.text, "evidence_start": e.evidence.start, "evidence_end": e.evidence.end}


def group_row(g: GroupOut) -> dict[str, Any]:
    """One event group as a flat row in GROUP_COLUMNS order; `event_ids`, `doc_ids`, `titles`, `urls`
    and `evidence` hold one entry per report, in the order they came out."""
    return {"group_id": g.group_id, "date": g.date, "date_start": g.date_start, "date_end": g.date_end,
            "precision": g.precision, "type": g.type, "mode": g.mode, "quad": g.quad, "intensity": g.intensity,
            "status": g.status, "actors": g.actors,
            "targets": g.targets, "countries": g.countries, "sectors": g.sectors, "location": g.location,
            "reports": g.reports, "outlets": g.outlets, "first_report": g.first_report, "last_report": g.last_report,
            "event_ids": [r.id for r in g.evidence], "doc_ids": [r.doc_id for r in g.evidence],
            "titles": [r.title or "" for r in g.evidence], "urls": [r.url or "" for r in g.evidence],
            "evidence": [r.evidence.text for r in g.evidence]}


def csv_cell(column: str, value: Any) -> Any:
    """A value as one CSV cell: lists joined ("; ", evidence by " | ")."""
    if isinstance(value, list):
        return (EVIDENCE_JOIN if column == "evidence" else JOIN).join(str(v) for v in value)
    return value


def write_csv(rows: Iterable[dict[str, Any]], columns: tuple[str, ...], fh: TextIO) -> int:
    """Rows as CSV with a header, UTF-8 without a BOM (pandas, R and Excel's import read it)."""
    writer = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow({k: csv_cell(k, v) for k, v in row.items()})
        n += 1
    return n


def write_jsonl(rows: Iterable[dict[str, Any]], fh: TextIO) -> int:
    n = 0
    for row in rows:
        fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        n += 1
    return n
