"""PDFs (tests/data/README.md says how each was made): the text layer comes out as the
article it was printed from, paragraphs and words hyphenated at a line's end joined again; a scan,
a PDF that needs a password and a broken one each fail with one line naming the file."""

from __future__ import annotations

import gzip
import re

import pytest

from entente.config import get_settings
from entente.errors import InputError
from entente.ingest import IngestFailure, read_items, read_paths
from entente.ingest.pdf import Line, read_pdf_bytes, text_of
from entente.records import RawArticle

from ..conftest import DATA

FORMATS = DATA / "formats"
BAD = DATA / "bad"


def paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]


@pytest.mark.parametrize("pdf,article", [
    ("yonhap_columns.pdf", "kor_usa_yonhap_01.txt"),  # two justified columns over two pages, hyphenated
    ("dpa_restricted.pdf", "deu_pol_dpa_01.txt"),  # one ragged column, a permissions password only
])
def test_pdf_gives_the_text_it_was_printed_from(pdf, article):  # type: ignore[no-untyped-def]
    [raw] = list(read_items(FORMATS / pdf, get_settings()))
    assert isinstance(raw, RawArticle) and raw.doc_id == pdf.removesuffix(".pdf") and not raw.warnings
    assert paragraphs(raw.text) == paragraphs((DATA / "articles" / article).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name,problem", [
    ("encrypted.pdf", "encrypted PDF: it needs a password to open"),
    ("scanned.pdf", "PDF has no text layer (a scan?); entente does not read text in images"),
    ("truncated.pdf", "not a readable PDF (damaged or truncated?): "),
])
def test_unreadable_pdf_fails_with_one_line_naming_it(name, problem):  # type: ignore[no-untyped-def]
    [failure] = list(read_paths([str(BAD / name)]))
    assert isinstance(failure, IngestFailure) and failure.where == str(BAD / name)
    assert failure.problem.startswith(problem) and "\n" not in str(failure)


def test_a_bad_pdf_does_not_stop_the_batch():  # type: ignore[no-untyped-def]
    items = list(read_paths([str(BAD / "encrypted.pdf"), str(FORMATS / "yonhap_columns.pdf"), str(BAD / "scanned.pdf")]))
    assert [type(i).__name__ for i in items] == ["IngestFailure", "RawArticle", "IngestFailure"]


def test_damaged_pdf_is_read_with_a_warning():  # type: ignore[no-untyped-def]
    data = re.sub(rb"startxref\s+\d+", b"startxref\n1234", (FORMATS / "yonhap_columns.pdf").read_bytes())
    raw = read_pdf_bytes(data, doc_id="d", origin="damaged.pdf", settings=get_settings())
    assert "Cho Tae-yul" in raw.text
    assert raw.warnings == ["damaged.pdf: damaged PDF (incorrect startxref pointer(1)); read what was there"]


def test_pdf_is_known_by_its_bytes_not_its_name(tmp_path):  # type: ignore[no-untyped-def]
    data = (FORMATS / "yonhap_columns.pdf").read_bytes()
    (tmp_path / "story").write_bytes(data)
    (tmp_path / "story2.txt").write_bytes(data)
    (tmp_path / "story3.pdf.gz").write_bytes(gzip.compress(data))
    items = list(read_paths([str(tmp_path)]))
    assert [i.doc_id for i in items if isinstance(i, RawArticle)] == ["story", "story2", "story3"]
    assert len({i.text for i in items if isinstance(i, RawArticle)}) == 1


def test_pdf_over_the_size_limit_fails_before_it_is_parsed():  # type: ignore[no-untyped-def]
    settings = get_settings().model_copy(update={"max_document_bytes": 10_000})
    with pytest.raises(InputError, match=r"PDF is [\d,]+ bytes, over the limit of 10,000 bytes \(ENTENTE_MAX_DOCUMENT_BYTES\)"):
        read_pdf_bytes((FORMATS / "yonhap_columns.pdf").read_bytes(), doc_id="d", origin="big.pdf", settings=settings)


def _page(*lines: tuple[float, str], size: float = 10, page: int = 0) -> list[Line]:
    return [Line(page, y, size, text) for y, text in lines]


@pytest.mark.parametrize("first,second,joined", [
    ("talks at the Chan-", "cellery in Warsaw.", "talks at the Chancellery in Warsaw."),  # hyphenation
    ("near the Polish-", "German border.", "near the Polish-German border."),  # a capital after the hyphen
    ("in fiscal 2023-", "24, the ministry said.", "in fiscal 2023-24, the ministry said."),
    ("a new cost-", "sharing deal, with cost-sharing due.", "a new cost-sharing deal, with cost-sharing due."),
    ("the Kore\u00ad", "an Peninsula.", "the Korean Peninsula."),  # a soft hyphen
    ("the two sides -", "both of them.", "the two sides - both of them."),  # a dash between words
    ("ﬁrst oﬃcial", "visit.", "first official visit."),  # ligatures
])
def test_lines_of_a_paragraph_are_joined(first, second, joined):  # type: ignore[no-untyped-def]
    assert text_of(_page((700, first), (688, second))) == joined + "\n"


def test_a_wider_gap_or_another_size_starts_a_paragraph():  # type: ignore[no-untyped-def]
    lines = (_page((760, "Ministers meet"), size=16)
             + _page((740, "The two ministers met on"), (728, "Tuesday in Hanoi."), (712, "They signed"),
                     (700, "an agreement."), (688, "Trade rose.")))
    assert text_of(lines) == ("Ministers meet\n\nThe two ministers met on Tuesday in Hanoi.\n\n"
                              "They signed an agreement. Trade rose.\n")


@pytest.mark.parametrize("last,expected", [
    ("the talks went on for", "the talks went on for two hours.\n"),  # the sentence goes on in the next column
    ("the talks went on.", "the talks went on.\n\ntwo hours.\n"),
])
def test_a_new_column_goes_on_with_the_sentence(last, expected):  # type: ignore[no-untyped-def]
    lines = _page((100, last)) + _page((700, "two hours."))
    assert text_of(lines) == expected
