"""RSS and Atom feeds (feedparser): one article per entry, from its full content when the feed
carries it, else its summary, with the HTML stripped. Origins read "file:entry N"."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import feedparser

from entente.config import Settings
from entente.errors import InputError, Messages
from entente.ingest.base import IngestFailure, Item, article_cap, too_large
from entente.ingest.fields import iso_date, stable_id
from entente.ingest.html import html_to_text
from entente.records import RawArticle


def _published(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            return time.strftime("%Y-%m-%d", parsed)
    return iso_date(entry.get("published") or entry.get("updated"))


def _body(entry: Any) -> str:
    contents = [c.get("value", "") for c in entry.get("content") or []]
    best = max(contents, key=len, default="")
    summary = entry.get("summary") or ""
    return html_to_text(best if len(best) >= len(summary) else summary)


def entry_article(entry: Any, *, stem: str, where: str, source: str | None, settings: Settings) -> RawArticle:
    """The raw article of one feed entry; raises InputError when it has too little text."""
    text = _body(entry)
    size = len(text.encode("utf-8"))
    if size > settings.max_article_bytes:
        raise too_large(where, size, article_cap(settings))
    if len(text) < settings.min_article_chars:
        raise InputError(where, Messages.EMPTY if not text else Messages.TOO_SHORT.format(n=len(text)))
    url = entry.get("link") or None
    guid = entry.get("id") or None
    return RawArticle(doc_id=stable_id(stem, None, guid or url, text), text=text, origin=where,
                      published=_published(entry), title=(entry.get("title") or "").strip() or None,
                      url=url, source=source)


def read_feed(data: bytes, *, name: str, stem: str, settings: Settings) -> Iterator[Item]:
    """The articles of an RSS or Atom feed; a feed that is not well-formed but readable warns."""
    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    if not parsed.entries:
        error = parsed.get("bozo_exception") or "no entries"
        yield IngestFailure(name, Messages.BAD_FEED.format(error=error))
        return
    warnings = [f"{name}: {Messages.FEED_WARNING.format(error=parsed.bozo_exception)}"] if parsed.bozo else []
    source = (parsed.feed.get("title") or "").strip() or None
    for i, entry in enumerate(parsed.entries, start=1):
        where = f"{name}:entry {i}"
        try:
            article = entry_article(entry, stem=stem, where=where, source=source, settings=settings)
        except InputError as exc:
            yield IngestFailure.of(exc)
            continue
        article.warnings[:0] = warnings
        warnings = []
        yield article
