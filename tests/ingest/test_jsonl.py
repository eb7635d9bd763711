from __future__ import annotations

import json

import pytest

from entente.config import get_settings
from entente.ingest import IngestFailure, read_items
from entente.records import RawArticle

from ..conftest import DATA

DUMP = DATA / "formats" / "dump.jsonl"


def test_each_line_is_an_article_with_its_metadata():  # type: ignore[no-untyped-def]
    items = list(read_items(DUMP, get_settings()))
    assert all(isinstance(i, RawArticle) for i in items) and len(items) == 4
    first = items[0]
    assert isinstance(first, RawArticle)
    assert first.doc_id == "dump_yna-20241112-0041"
    assert first.origin == f"{DUMP}:line 1"
    assert (first.published, first.source) == ("2024-11-12", "Yonhap News Agency")
    assert first.url == "https://en.yna.co.kr/view/AEN20241112004100315"
    assert first.title and first.title.startswith("FM Cho, Blinken")
    assert first.text.startswith("SEOUL, Nov. 12 (Yonhap) --")


def test_bad_lines_are_named_and_the_others_read():  # type: ignore[no-untyped-def]
    bad = DATA / "bad" / "malformed.jsonl"
    items = list(read_items(bad, get_settings()))
    assert [type(i).__name__ for i in items] == ["RawArticle", "IngestFailure", "IngestFailure", "RawArticle"]
    assert str(items[1]).startswith(f"{bad}:line 2: malformed JSON: ")
    assert str(items[2]) == f"{bad}:line 3: a JSON record must be an object, not list"


@pytest.mark.parametrize("record,doc_id", [
    ({"id": 7, "text": "x" * 50}, "d_7"),
    ({"link": "https://a.example/1", "content": "x" * 50}, "u9b54ba2a2c1ef3cc"),
    ({"article": "x" * 50}, "t" + __import__("hashlib").sha256(("x" * 50).encode()).hexdigest()[:16]),
])
def test_doc_id_from_id_else_url_else_text(tmp_path, record, doc_id):  # type: ignore[no-untyped-def]
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps(record) + "\n")
    [raw] = list(read_items(path, get_settings()))
    assert isinstance(raw, RawArticle)
    if doc_id.startswith("u"):
        assert raw.doc_id.startswith("u") and len(raw.doc_id) == 17
    else:
        assert raw.doc_id == doc_id


def test_stable_doc_ids_across_runs():  # type: ignore[no-untyped-def]
    def ids() -> list[str]:
        return [i.doc_id for i in read_items(DATA / "formats" / "wire.rss", get_settings()) if isinstance(i, RawArticle)]
    assert ids() == ids()


@pytest.mark.parametrize("record,problem", [
    ({"title": "No body here", "date": "2024-01-01"}, "no article text in any of the fields text, body"),
    ({"text": "  "}, "no article text in any of the fields"),
    ({"text": "Short."}, "too little text"),
])
def test_records_without_text_fail(tmp_path, record, problem):  # type: ignore[no-untyped-def]
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps(record) + "\n")
    [failure] = list(read_items(path, get_settings()))
    assert isinstance(failure, IngestFailure) and failure.where == f"{path}:line 1" and problem in failure.problem


def test_html_in_a_text_field_is_read_as_a_page(tmp_path):  # type: ignore[no-untyped-def]
    page = (DATA / "formats" / "yonhap_page.html").read_text()
    path = tmp_path / "pages.jsonl"
    path.write_text(json.dumps({"html": page, "source": "Yonhap"}) + "\n" + json.dumps({"text": page}) + "\n")
    a, b = list(read_items(path, get_settings()))
    assert isinstance(a, RawArticle) and isinstance(b, RawArticle)
    assert a.source == "Yonhap" and a.title and a.published == "2024-11-12" and "Sports" not in a.text
    assert b.source == "Yonhap News Agency" and "<p>" not in b.text


def test_pretty_printed_json_array_is_read(tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "dump.json"
    path.write_text(json.dumps([{"body": "A" * 60}, {"body": "B" * 60}, 3], indent=2))
    items = list(read_items(path, get_settings()))
    assert [type(i).__name__ for i in items] == ["RawArticle", "RawArticle", "IngestFailure"]
    assert str(items[2]) == f"{path}:record 3: a JSON record must be an object, not int"


@pytest.mark.parametrize("value,iso", [
    ("2024-11-12T15:41:00+09:00", "2024-11-12"), ("Tue, 12 Nov 2024 06:41:00 GMT", "2024-11-12"),
    ("November 12, 2024", "2024-11-12"), (1731393660, "2024-11-12"), ("3000-01-01", "3000-01-01"),
])
def test_dates_become_iso(value, iso):  # type: ignore[no-untyped-def]
    from entente.ingest.fields import iso_date

    assert iso_date(value) == iso


def test_unreadable_date_warns(tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"text": "x" * 50, "date": "the other day"}) + "\n")
    [raw] = list(read_items(path, get_settings()))
    assert raw.warnings == [f"{path}:line 1: date 'the other day' not understood; ignored"]  # type: ignore[union-attr]
