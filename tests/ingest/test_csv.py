from __future__ import annotations

import pytest

from entente.config import get_settings
from entente.ingest import IngestFailure, read_items
from entente.records import RawArticle

from ..conftest import DATA


def test_each_row_is_an_article_with_columns_found_by_name():  # type: ignore[no-untyped-def]
    path = DATA / "formats" / "dump.csv"
    items = list(read_items(path, get_settings()))
    assert len(items) == 4 and all(isinstance(i, RawArticle) for i in items)
    first = items[0]
    assert isinstance(first, RawArticle)
    assert (first.doc_id, first.origin) == ("dump_yna-20241112-0041", f"{path}:row 1")
    assert (first.published, first.source, first.url) == ("2024-11-12", "Yonhap News Agency",
                                                          "https://en.yna.co.kr/view/AEN20241112004100315")
    assert "\n\nCost-sharing deal\n\n" in first.text  # newlines inside a quoted field survive


def test_malformed_row_is_named_and_the_others_read():  # type: ignore[no-untyped-def]
    bad = DATA / "bad" / "malformed.csv"
    items = list(read_items(bad, get_settings()))
    assert [type(i).__name__ for i in items] == ["RawArticle", "IngestFailure", "RawArticle"]
    assert str(items[1]) == f"{bad}:row 2: malformed CSV row: 2 fields where the header has 3"
    assert items[2].published == "1850-03-01"  # type: ignore[union-attr]  # clean() drops it with a warning


@pytest.mark.parametrize("content,delimiter", [("headline\tbody\n", "\t"), ("headline;story\n", ";")])
def test_other_delimiters(tmp_path, content, delimiter):  # type: ignore[no-untyped-def]
    path = tmp_path / "export.tsv"
    path.write_text(content + delimiter.join(["A title", "Body " * 20]) + "\n")
    [raw] = list(read_items(path, get_settings()))
    assert isinstance(raw, RawArticle) and raw.title == "A title"


def test_csv_without_a_text_column_fails_once(tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "export.csv"
    path.write_text("name,age\nAnn,3\nBob,4\n")
    [failure] = list(read_items(path, get_settings()))
    assert isinstance(failure, IngestFailure) and failure.where == str(path)
    assert failure.problem.startswith("no text column in the header; looked for text, body, content, article")


def test_column_overrides(tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "export.csv"
    path.write_text("text,lede\nnot this one but long enough to be an article for sure,"
                    "The lede that we want to read instead of the text column\n")
    [raw] = list(read_items(path, get_settings(), columns={"text": "lede"}))
    assert isinstance(raw, RawArticle) and raw.text.startswith("The lede")
