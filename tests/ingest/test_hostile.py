"""Hostile inputs fail alone (issue 20): a record or file that makes a reader or a library raise
anything at all is one failure line naming the file and record; the other records and files of
the batch are read; and each problem is reported the moment it is noted, not at the end."""

from __future__ import annotations

import io
import json
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from entente.config import get_settings
from entente.ingest import IngestFailure, read_paths
from entente.jobs import Summary, cleaned
from entente.records import RawArticle

from ..conftest import SAMPLES

STORY = (SAMPLES / "000_25cf438f34d7ad8b.txt").read_text(encoding="utf-8")


def _read(path: Path) -> tuple[list[RawArticle], list[IngestFailure]]:
    items = list(read_paths([str(path)], get_settings()))
    return ([i for i in items if isinstance(i, RawArticle)], [i for i in items if isinstance(i, IngestFailure)])


def test_a_json_line_nested_past_the_decoders_depth_fails_alone(tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "dump.jsonl"
    good = json.dumps({"id": "a", "text": STORY})
    path.write_text(good + "\n" + "[" * 100_000 + "]" * 100_000 + "\n" + good.replace('"a"', '"b"') + "\n",
                    encoding="utf-8")
    articles, failures = _read(path)
    assert [a.doc_id for a in articles] == ["dump_a", "dump_b"]
    assert len(failures) == 1 and failures[0].where == f"{path}:line 2"
    assert "RecursionError" in failures[0].problem


def _warc(path: Path, with_uri: list[bool]) -> None:
    html = f"<html><head><title>t</title></head><body><article><p>{STORY}</p></article></body></html>"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for n, uri in enumerate(with_uri):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            record = writer.create_warc_record(f"https://example.org/{n}" if uri else None, "response",
                                               payload=io.BytesIO(html.replace("<p>", f"<p>{n} ").encode()),
                                               http_headers=headers)
            if not uri:
                record.rec_headers.remove_header("WARC-Target-URI")
            writer.write_record(record)


def test_a_warc_response_without_its_target_uri_fails_alone(tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "crawl.warc.gz"
    _warc(path, [True, False, True])
    articles, failures = _read(path)
    assert len(articles) == 2
    assert len(failures) == 1 and failures[0].where.startswith(f"{path}:record 2")


def test_problems_are_reported_as_they_happen(tmp_path):  # type: ignore[no-untyped-def]
    (tmp_path / "a_empty.txt").write_text("", encoding="utf-8")
    for n in range(3):
        (tmp_path / f"b{n}.txt").write_text(STORY.replace("Russia", f"Russia{n}", 1), encoding="utf-8")
    said: list[tuple[str, str]] = []
    summary = Summary(on_line=lambda kind, line: said.append((kind, line)))
    stream = cleaned([str(tmp_path)], summary, get_settings())
    next(stream)  # the first good article: the empty file before it is already reported
    assert said and said[0][0] == "error" and "a_empty.txt" in said[0][1]
    assert summary.failed == 1 and summary.problems == [said[0][1]]
