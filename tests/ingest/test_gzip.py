from __future__ import annotations

import gzip

import pytest

from entente.config import get_settings
from entente.ingest import IngestFailure, read_items
from entente.records import RawArticle

from ..conftest import DATA, SAMPLES


@pytest.mark.parametrize("plain,zipped", [("yonhap_page.html", "yonhap_page.html.gz"), ("dump.jsonl", "dump.jsonl.gz")])
def test_gzip_holds_the_same_articles(plain, zipped):  # type: ignore[no-untyped-def]
    def texts(name: str) -> list[tuple[str, str]]:
        return [(i.doc_id, i.text) for i in read_items(DATA / "formats" / name, get_settings()) if isinstance(i, RawArticle)]
    assert texts(plain) == texts(zipped) and texts(plain)


def test_gzipped_text_without_suffix(tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "article"
    path.write_bytes(gzip.compress((SAMPLES / "000_25cf438f34d7ad8b.txt").read_bytes()))
    [raw] = list(read_items(path, get_settings()))
    assert isinstance(raw, RawArticle) and raw.doc_id == "article"


def test_truncated_gzip_fails(tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "a.txt.gz"
    data = gzip.compress((SAMPLES / "000_25cf438f34d7ad8b.txt").read_bytes())
    path.write_bytes(data[: len(data) // 2])
    [failure] = list(read_items(path, get_settings()))
    assert isinstance(failure, IngestFailure) and failure.where == str(path)
    assert failure.problem.startswith("corrupt or truncated gzip data")
