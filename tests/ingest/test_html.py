from __future__ import annotations

import pytest

from entente.config import get_settings
from entente.errors import InputError
from entente.ingest import read_items, read_one
from entente.ingest.html import html_to_text, read_html_bytes

from ..conftest import DATA

PAGE = DATA / "formats" / "yonhap_page.html"


def test_page_gives_main_text_and_metadata():  # type: ignore[no-untyped-def]
    raw = read_one(PAGE, get_settings())
    assert raw.doc_id == "yonhap_page"
    assert raw.title == "FM Cho, Blinken condemn N. Korean troop deployment to Russia in phone talks"
    assert raw.published == "2024-11-12"
    assert raw.url == "https://en.yna.co.kr/view/AEN20241112004100315"
    assert raw.source == "Yonhap News Agency"
    assert "SEOUL, Nov. 12 (Yonhap) -- Foreign Minister Cho Tae-yul held phone talks" in raw.text
    assert "\n\nCost-sharing deal\n\n" in raw.text


@pytest.mark.parametrize("boilerplate", [
    "Hegseth", "Ishiba to visit Peru", "short-range ballistic", "Related stories",  # related-stories box
    "Sports", "Opinion",  # menu
    "cookies", "Newsletter", "inbox", "Terms of use", "window.dataLayer",
])
def test_boilerplate_is_left_behind(boilerplate):  # type: ignore[no-untyped-def]
    assert boilerplate not in read_one(PAGE, get_settings()).text


def test_page_saved_as_txt_is_read_as_html(tmp_path):  # type: ignore[no-untyped-def]
    saved = tmp_path / "saved.txt"
    saved.write_bytes(PAGE.read_bytes())
    raw = read_one(saved, get_settings())
    assert raw.title and "<p>" not in raw.text and "Sports" not in raw.text


def test_truncated_page_is_read_with_a_warning():  # type: ignore[no-untyped-def]
    raw = read_one(DATA / "bad" / "truncated.html", get_settings())
    assert raw.text.startswith("All News") or "SEOUL" in raw.text
    assert raw.warnings == [f"{DATA / 'bad' / 'truncated.html'}: HTML ends before </html> (truncated?); read what was there"]


@pytest.mark.parametrize("data", [
    (DATA / "bad" / "zero_text.html").read_bytes(),
    b"<html><body><nav><a href=/>Home</a></nav></body></html>",
    b"<html><body><p>Too short.</p>",
    b"<<<>>><html><<p>>",
])
def test_page_without_article_text_fails_naming_the_page(data):  # type: ignore[no-untyped-def]
    with pytest.raises(InputError) as exc:
        read_html_bytes(data, doc_id="p", origin="site/page.html", settings=get_settings())
    assert str(exc.value) == "site/page.html: no article text found in the page"


def test_binary_with_html_suffix_fails(tmp_path):  # type: ignore[no-untyped-def]
    bad = tmp_path / "logo.html"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    [failure] = list(read_items(bad, get_settings()))
    assert str(failure).startswith(f"{bad}: PNG image, not a format entente reads")


@pytest.mark.parametrize("fragment,text", [
    ("<p>One.</p><p>Two &amp; three.</p>", "One.\n\nTwo & three."),
    ("Plain <b>bold</b> words<br>next line", "Plain bold words\n\nnext line"),
    ("<div><script>x()</script>Kept</div>", "Kept"),
    ("no markup at all", "no markup at all"),
])
def test_html_fragments_become_paragraphs(fragment, text):  # type: ignore[no-untyped-def]
    assert html_to_text(fragment) == text
