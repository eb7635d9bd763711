"""Feed lists, feeds and sitemaps as the watcher reads them, hostile XML included."""

from __future__ import annotations

import pytest

from entente.errors import InputError, InvalidParameter
from entente.watch.sources import feeds_of, interval, link_key, normal_url, read_feed_list, read_listing

BOMB = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + b"".join(b'<!ENTITY lol%d "%s">' % (i, b"&lol%d;" % (i - 1) * 10 if i > 1 else b"&lol;" * 10) for i in range(1, 10))
        + b']><rss version="2.0"><channel><title>&lol9;</title></channel></rss>')
EXTERNAL = (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
            b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>&xxe;</loc></url></urlset>')


@pytest.mark.parametrize("data", [BOMB, EXTERNAL])
def test_xml_that_declares_entities_is_refused_before_parsing(data: bytes) -> None:
    with pytest.raises(InputError, match="ENTITY"):
        read_listing(data, "http://x/feed")


def test_a_news_sitemap_lists_its_articles_with_title_and_day() -> None:
    data = (b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            b'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>https://n.example/a</loc>'
            b"<news:news><news:publication_date>2024-03-01T10:00:00Z</news:publication_date>"
            b"<news:title>Talks</news:title></news:news></url><url><loc>https://n.example/a#x</loc></url></urlset>")
    listing = read_listing(data, "s")
    assert [(x.url, x.title, x.published) for x in listing.links] == [("https://n.example/a", "Talks", "2024-03-01")]


def test_a_sitemap_index_names_its_sitemaps() -> None:
    data = (b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://n.example/s1.xml'
            b"</loc></sitemap></sitemapindex>")
    assert read_listing(data, "s").sitemaps == ["https://n.example/s1.xml"]


def test_a_feed_listing_one_story_twice_gives_it_once() -> None:
    data = (b'<rss version="2.0"><channel><title>t</title>'
            b"<item><link>https://n.example/a?utm_source=rss</link></item><item><link>https://N.example/a</link></item>"
            b"<item><link>https://n.example/b</link></item></channel></rss>")
    assert [x.url for x in read_listing(data, "f").links] == ["https://n.example/a?utm_source=rss", "https://n.example/b"]


@pytest.mark.parametrize("data", [b"<rss><channel><item><title>cut", b"\x00\x01binary", b"<html><body>a page</body></html>"])
def test_what_is_no_feed_is_an_error_naming_it(data: bytes) -> None:
    with pytest.raises(InputError, match="^f: "):
        read_listing(data, "f")


def test_feed_lists_are_read_from_lines_and_opml(tmp_path) -> None:  # type: ignore[no-untyped-def]
    lines = tmp_path / "feeds.txt"
    lines.write_text("# news\nhttps://a.example/rss\n\nhttps://b.example/sitemap.xml\n")
    opml = tmp_path / "feeds.opml"
    opml.write_text('<?xml version="1.0"?><opml version="2.0"><body><outline text="x">'
                    '<outline type="rss" xmlUrl="https://c.example/feed"/></outline></body></opml>')
    assert feeds_of([str(lines), str(opml), "https://a.example/rss"]) == [
        "https://a.example/rss", "https://b.example/sitemap.xml", "https://c.example/feed"]


def test_a_feed_list_with_a_bad_line_names_the_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "feeds.txt"
    bad.write_text("https://a.example/rss\nftp://b.example/x\n")
    with pytest.raises(InputError, match="feeds.txt: 'ftp://b.example/x' is not an http"):
        read_feed_list(str(bad))
    with pytest.raises(InputError, match="no such file"):
        read_feed_list(str(tmp_path / "missing.txt"))


@pytest.mark.parametrize(("value", "seconds"), [("15m", 900), ("90s", 90), ("1h", 3600), ("30", 30), ("1.5m", 90)])
def test_intervals(value: str, seconds: float) -> None:
    assert interval(value) == seconds


@pytest.mark.parametrize("value", ["15x", "", "0s", "-1m", "soon"])
def test_bad_intervals_name_the_option(value: str) -> None:
    with pytest.raises(InvalidParameter, match="--every"):
        interval(value)


def test_links_are_remembered_without_fragment_or_tracking() -> None:
    assert normal_url("HTTPS://News.Example/a?id=3&utm_medium=x#c") == "https://news.example/a?id=3"
    assert link_key("https://n.example/a#top", None) == link_key("https://n.example/a?fbclid=1", "other")
