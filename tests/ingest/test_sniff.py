from __future__ import annotations

import pytest

from entente.ingest import discover, stem_of
from entente.ingest.sniff import gunzip_head, sniff

from ..conftest import DATA

FORMATS = DATA / "formats"


@pytest.mark.parametrize("name,kind", [
    ("yonhap_page.html", "html"),
    ("yonhap_page.html.gz", "gzip"),
    ("dump.jsonl", "jsonl"),
    ("dump.csv", "csv"),
    ("wire.rss", "feed"),
    ("asia.atom", "feed"),
    ("pages.warc.gz", "gzip"),
])
def test_kind_comes_from_the_first_bytes(name, kind):  # type: ignore[no-untyped-def]
    head = (FORMATS / name).read_bytes()[:65536]
    assert sniff(head) == kind  # no file name given: content alone decides


@pytest.mark.parametrize("head,kind", [
    (b" date 2024-11-12 SEOUL, Nov. 12 (Yonhap) -- Foreign Minister", "text"),
    (b"[Photo] SEOUL, Nov. 12 (Yonhap) -- Foreign Minister", "text"),
    (b'[{"text": "an article"}]', "json"),
    (b"\xef\xbb\xbf  <!DOCTYPE html><html><body><p>x</p>", "html"),
    (b"WARC/1.1\r\nWARC-Type: warcinfo\r\n", "warc"),
    (b"title;date;body\nA;2024-01-01;text", "csv"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
])
def test_kind_of_written_heads(head, kind):  # type: ignore[no-untyped-def]
    assert sniff(head) == kind


def test_gzip_is_sniffed_by_what_it_holds():  # type: ignore[no-untyped-def]
    assert sniff(gunzip_head((FORMATS / "pages.warc.gz").read_bytes()[:65536])) == "warc"
    assert sniff(gunzip_head((FORMATS / "yonhap_page.html.gz").read_bytes())) == "html"


def test_discover_finds_every_format_and_skips_other_binaries(tmp_path):  # type: ignore[no-untyped-def]
    (tmp_path / "page.bin").write_bytes((FORMATS / "yonhap_page.html").read_bytes())
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    (tmp_path / ".hidden.txt").write_text("x")
    assert [p.name for p in discover([str(tmp_path)])] == ["page.bin"]  # type: ignore[union-attr]
    assert {p.name for p in discover([str(FORMATS)])} >= {  # type: ignore[union-attr]
        "yonhap_page.html", "dump.jsonl", "dump.csv", "wire.rss", "asia.atom", "pages.warc.gz", "dump.jsonl.gz"}


@pytest.mark.parametrize("name,stem", [("dump.jsonl.gz", "dump"), ("a.b.html", "a.b"), ("x.warc.gz", "x"), ("003_05", "003_05")])
def test_stem_drops_suffixes_of_kind(name, stem):  # type: ignore[no-untyped-def]
    assert stem_of(name) == stem
