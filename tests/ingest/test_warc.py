from __future__ import annotations

from entente.config import get_settings
from entente.ingest import IngestFailure, read_items
from entente.records import RawArticle

from ..conftest import DATA


def test_only_html_responses_are_read():  # type: ignore[no-untyped-def]
    path = DATA / "formats" / "pages.warc.gz"
    items = list(read_items(path, get_settings()))
    assert all(isinstance(i, RawArticle) for i in items)
    assert [(i.origin, i.url) for i in items] == [  # type: ignore[union-attr]
        (f"{path}:record 2", "https://en.yna.co.kr/view/AEN20241112004100315"),
        (f"{path}:record 8", "https://www.aa.com.tr/en/turkiye-greece")]
    assert items[1].source == "Anadolu Agency" and "Sports" not in items[0].text  # type: ignore[union-attr]


def test_truncated_record_is_named_after_the_good_ones():  # type: ignore[no-untyped-def]
    path = DATA / "bad" / "truncated.warc.gz"
    items = list(read_items(path, get_settings()))
    assert [type(i).__name__ for i in items] == ["RawArticle", "IngestFailure"]
    assert isinstance(items[1], IngestFailure) and items[1].where == f"{path}:record 8"
    assert items[1].problem.startswith("truncated or malformed WARC record: ")


def test_uncompressed_warc(tmp_path):  # type: ignore[no-untyped-def]
    import gzip

    path = tmp_path / "pages.warc"
    with gzip.open(DATA / "formats" / "pages.warc.gz") as gz:
        path.write_bytes(gz.read())
    assert len([i for i in read_items(path, get_settings()) if isinstance(i, RawArticle)]) == 2


def test_warc_without_pages(tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "empty.warc"
    path.write_bytes(b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 0\r\n\r\n\r\n\r\n")
    [failure] = list(read_items(path, get_settings()))
    assert str(failure) == f"{path}: no HTML response records in the WARC file"
