from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Literal

from fastapi import APIRouter, Response

from entente.api.deps import EventFilterDep, StoreDep
from entente.api.routes.events import ByQ
from entente.export import export

router = APIRouter(prefix="/export", tags=["export"])
MEDIA = {"records": "application/x-ndjson", "jsonl": "application/x-ndjson", "csv": "text/csv",
         "parquet": "application/vnd.apache.parquet", "graphml": "application/graphml+xml"}
SUFFIX = {"records": "records.jsonl", "jsonl": "events.jsonl", "csv": "events.csv", "parquet": "events.parquet",
          "graphml": "actors.graphml"}
ExportFormat = Literal["records", "jsonl", "csv", "parquet", "graphml"]


@router.get("/{format}", summary="The matching events as a file for pandas, R, Excel or Gephi (as `entente export`)",
            response_class=Response,
            responses={200: {"content": {m: {} for m in MEDIA.values()}, "description": "The exported file"}})
def export_file(store: StoreDep, format: ExportFormat, f: EventFilterDep, by: ByQ = "report") -> Response:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / SUFFIX[format]
        export(store, format, path, f, by=by)
        body = path.read_bytes()
    return Response(body, media_type=MEDIA[format],
                    headers={"Content-Disposition": f'attachment; filename="{SUFFIX[format]}"'})
