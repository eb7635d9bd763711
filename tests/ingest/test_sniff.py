from __future__ import annotations

import pytest

from entente.ingest import Skipped, discover, stem_of, walk
from entente.ingest.sniff import binary_kind, gunzip_head, sniff

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
    ("yonhap_columns.pdf", "pdf"),
    ("dpa_restricted.pdf", "pdf"),
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
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>", "pdf"),
    (b"\r\n\r\n%PDF-1.4\n1 0 obj", "pdf"),  # readers allow bytes before the header
    (b"Files starting %PDF-1.5 are PDFs, the report said.", "text"),  # a text that quotes a header
    (b"{\\rtf1\\ansi\\deff0 {\\fonttbl}", "binary"),
    (b"The new WAVE of talks began on Monday.", "text"),  # magic bytes are not matched out of place
    (b"ID3 talks", "text"),
])
def test_kind_of_written_heads(head, kind):  # type: ignore[no-untyped-def]
    assert sniff(head) == kind


@pytest.mark.parametrize("head,kind", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "JPEG image"),
    (b"GIF89a\x01\x00", "GIF image"),
    (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "WebP image"),
    (b"PK\x03\x04\x14\x00\x06\x00\x08\x00[Content_Types].xml...PK\x03\x04word/document.xml", "Word document (DOCX)"),
    (b"PK\x03\x04\x14\x00\x00\x00\x00\x00mimetypeapplication/vnd.oasis.opendocument.text", "OpenDocument text (ODT)"),
    (b"PK\x03\x04\x14\x00\x00\x00\x00\x00mimetypeapplication/epub+zip", "EPUB book"),
    (b"PK\x03\x04\x14\x00\x00\x00\x08\x00photos/1.jpg", "ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "legacy Office document (DOC, XLS or PPT)"),
    (b"{\\rtf1\\ansi", "RTF document"),
    (b"SQLite format 3\x00\x10\x00", "SQLite database"),
    (b"\x00\x00\x00\x18ftypmp42", "MP4 or QuickTime video"),
    (b"BZh91AY&SY\x00", "bzip2 archive"),
    (b"Plain text about talks.", None),
])
def test_binary_formats_are_named_by_their_magic_bytes(head, kind):  # type: ignore[no-untyped-def]
    assert binary_kind(head) == kind


def test_gzip_is_sniffed_by_what_it_holds():  # type: ignore[no-untyped-def]
    assert sniff(gunzip_head((FORMATS / "pages.warc.gz").read_bytes()[:65536])) == "warc"
    assert sniff(gunzip_head((FORMATS / "yonhap_page.html.gz").read_bytes())) == "html"


def test_discover_finds_every_format_and_skips_other_binaries(tmp_path):  # type: ignore[no-untyped-def]
    (tmp_path / "page.bin").write_bytes((FORMATS / "yonhap_page.html").read_bytes())
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    (tmp_path / ".hidden.txt").write_text("x")
    (tmp_path / "report").write_bytes((FORMATS / "yonhap_columns.pdf").read_bytes())
    assert [p.name for p in discover([str(tmp_path)])] == ["page.bin", "report"]  # type: ignore[union-attr]
    assert {p.name for p in discover([str(FORMATS)])} >= {  # type: ignore[union-attr]
        "yonhap_page.html", "dump.jsonl", "dump.csv", "wire.rss", "asia.atom", "pages.warc.gz", "dump.jsonl.gz"}


def test_walk_says_what_each_skipped_file_is(tmp_path):  # type: ignore[no-untyped-def]
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "brief.docx").write_bytes(b"PK\x03\x04\x14\x00\x06\x00[Content_Types].xml word/document.xml")
    (tmp_path / "sub" / "blob.bin").write_bytes(b"\x01\x02\x00\x03")
    (tmp_path / "story.txt").write_text("Ministers met.")
    assert [(f.where.removeprefix(str(tmp_path)), f.kind) if isinstance(f, Skipped) else f.name  # type: ignore[union-attr]
            for f in walk([str(tmp_path)])] == [
        ("/photo.jpg", "JPEG image"), "story.txt", ("/sub/blob.bin", "binary file"), ("/sub/brief.docx", "Word document (DOCX)")]


def test_a_file_named_on_its_own_is_never_skipped(tmp_path):  # type: ignore[no-untyped-def]
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    assert list(walk([str(photo)])) == [photo]


@pytest.mark.parametrize("name,stem", [("dump.jsonl.gz", "dump"), ("a.b.html", "a.b"), ("x.warc.gz", "x"), ("003_05", "003_05"),
                                       ("report.pdf.gz", "report")])
def test_stem_drops_suffixes_of_kind(name, stem):  # type: ignore[no-untyped-def]
    assert stem_of(name) == stem
