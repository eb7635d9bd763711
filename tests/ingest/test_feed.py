from __future__ import annotations

import pytest

from entente.config import get_settings
from entente.ingest import IngestFailure, read_items
from entente.records import RawArticle

from ..conftest import DATA


@pytest.mark.parametrize("name,source,count", [("wire.rss", "World news wire", 3), ("asia.atom", "Asia desk", 3)])
def test_each_entry_is_an_article(name, source, count):  # type: ignore[no-untyped-def]
    path = DATA / "formats" / name
    items = list(read_items(path, get_settings()))
    assert len(items) == count and all(isinstance(i, RawArticle) for i in items)
    assert [i.origin for i in items] == [f"{path}:entry {n}" for n in range(1, count + 1)]
    assert all(i.source == source and i.url and i.published for i in items)  # type: ignore[union-attr]


def test_entry_content_wins_over_summary_and_html_is_stripped():  # type: ignore[no-untyped-def]
    first = next(read_items(DATA / "formats" / "wire.rss", get_settings()))
    assert isinstance(first, RawArticle)
    assert first.published == "2024-11-12" and "(END)" in first.text  # the full content, not the one-line summary
    assert "<p>" not in first.text and "\n\nCost-sharing deal\n\n" in first.text


@pytest.mark.parametrize("data,where,problem", [
    (b"<rss version='2.0'><channel><title>t</title></channel></rss>", "", "not a readable RSS or Atom feed"),
    (b"<?xml version='1.0'?><rss><channel><item><title>x", ":entry 1", "empty file: no article text"),
])
def test_feed_without_entries_fails(tmp_path, data, where, problem):  # type: ignore[no-untyped-def]
    path = tmp_path / "f.rss"
    path.write_bytes(data)
    [failure] = list(read_items(path, get_settings()))
    assert isinstance(failure, IngestFailure) and failure.where == f"{path}{where}" and problem in failure.problem


def test_short_entry_fails_alone(tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "f.rss"
    path.write_text("<rss version='2.0'><channel><title>t</title>"
                    "<item><title>a</title><description>Too short.</description></item>"
                    f"<item><title>b</title><description>{'Long enough text. ' * 5}</description></item>"
                    "</channel></rss>")
    items = list(read_items(path, get_settings()))
    assert str(items[0]) == f"{path}:entry 1: too little text to be an article (10 characters)"
    assert isinstance(items[1], RawArticle)
