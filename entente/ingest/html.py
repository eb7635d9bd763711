"""HTML pages: the article's main text, title, date, URL and outlet with trafilatura; menus,
boilerplate and related-stories boxes are left behind."""

from __future__ import annotations

import re
from typing import Any

import lxml.html
import trafilatura
from lxml import etree

from entente.config import Settings
from entente.errors import InputError, Messages
from entente.ingest.base import article_cap, too_large
from entente.ingest.fields import iso_date
from entente.ingest.text import decode
from entente.records import RawArticle

BLOCKS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr",
                    "section", "article", "header", "footer", "ul", "ol", "table", "figure", "hr"})
SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
# lines that pages put around the story and trafilatura keeps: a time stamp above, a copyright below
STAMP = re.compile(r"\b\d{1,2}:\d{2}\b|\b(?:19|20)\d\d\b")
COPYRIGHT = re.compile(r"^\((?:c|©)\)|^©|\bcopyright\b|\ball rights reserved\b", re.I)
SENTENCE_END = re.compile(r"[.!?\"”]$")


def paragraphs_of(text: str) -> str:
    """Lines squeezed of spaces and joined as paragraphs separated by a blank line."""
    lines = (SPACES.sub(" ", line).strip() for line in text.splitlines())
    return "\n\n".join(line for line in lines if line)


def _is_label(line: str) -> bool:
    """Short and without sentence-final punctuation: a label, not a sentence of the story."""
    return len(line.split()) <= 12 and not SENTENCE_END.search(line)


def trim_page_lines(text: str) -> str:
    """The story without a leading time-stamp line or a trailing copyright line."""
    paras = text.split("\n\n")
    while len(paras) > 1 and _is_label(paras[0]) and STAMP.search(paras[0]):
        paras.pop(0)
    while len(paras) > 1 and _is_label(paras[-1]) and COPYRIGHT.search(paras[-1]):
        paras.pop()
    return "\n\n".join(paras)


def html_to_text(fragment: str) -> str:
    """The text of a small HTML fragment (a feed entry's content), one paragraph per block."""
    if "<" not in fragment:
        return paragraphs_of(fragment)
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return paragraphs_of(re.sub(r"<[^>]*>", " ", fragment))
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in BLOCKS:
            el.tail = "\n" + (el.tail or "")
    return paragraphs_of(root.text_content())


def _extract(html: str, url: str | None, where: str) -> Any:
    try:
        return trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                           include_tables=False, favor_precision=True,
                                           date_extraction_params={"extensive_search": False, "original_date": True})
    except Exception as exc:  # trafilatura and lxml raise many types on hostile markup
        raise InputError(where, Messages.BAD_HTML.format(error=f"{exc.__class__.__name__}: {exc}")) from exc


def read_html(html: str, *, doc_id: str, origin: str, settings: Settings, url: str | None = None,
              warnings: list[str] | None = None) -> RawArticle:
    """A raw article from a page's HTML; raises InputError when the page has no article text."""
    doc = _extract(html, url, origin)
    body = paragraphs_of(doc.text or "") if doc is not None else ""
    title = (doc.title or "").strip() or None if doc is not None else None
    if title and body.startswith(title):
        # trafilatura keeps the page's <h1>; the title is metadata, not article text
        body = body[len(title):].lstrip()
    body = trim_page_lines(body)
    if len(body) < settings.min_article_chars:
        raise InputError(origin, Messages.NO_MAIN_TEXT)
    published = iso_date(doc.date) if doc.date else None
    return RawArticle(doc_id=doc_id, text=body, origin=origin, published=published, title=title,
                      url=doc.url or url, source=doc.sitename or doc.hostname or None,
                      warnings=list(warnings or []))


def read_html_bytes(data: bytes, *, doc_id: str, origin: str, settings: Settings,
                    url: str | None = None) -> RawArticle:
    """A raw article from the bytes of an HTML page, whatever their encoding."""
    if len(data) > settings.max_article_bytes:
        raise too_large(origin, len(data), article_cap(settings))
    html, warnings = decode(data, origin)
    if not html.strip():
        raise InputError(origin, Messages.EMPTY)
    lowered = html.lower()
    if "<html" in lowered[:4096] and "</html" not in lowered[-4096:]:
        warnings.append(f"{origin}: {Messages.TRUNCATED_HTML}")
    return read_html(html, doc_id=doc_id, origin=origin, settings=settings, url=url, warnings=warnings)
