"""What `entente watch` polls and what it finds there: feed lists (URLs one a line, or OPML),
RSS/Atom feeds (feedparser) and sitemaps (news sitemaps and sitemap indexes, lxml). XML that
declares entities is refused before any parser sees it, so a feed cannot expand a few bytes into
gigabytes (the 'billion laughs') or read a local file through an external entity."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from hashlib import sha256
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import feedparser
from lxml import etree

from entente.errors import InputError, InvalidParameter

ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.I)
SITEMAP_ROOT = re.compile(rb"<(?:[\w.-]+:)?(urlset|sitemapindex)\b")
TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid)$", re.I)
INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.I)
UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass
class Link:
    """An article link a feed or sitemap lists."""

    url: str
    key: str
    title: str | None = None
    published: str | None = None


@dataclass
class Listing:
    """What a feed or sitemap holds: article links, and the sitemaps an index names."""

    links: list[Link]
    sitemaps: list[str]
    title: str | None = None


def interval(value: str, name: str = "--every") -> float:
    """Seconds from '15m', '90s', '1h', '2d' or a bare number of seconds; at least one second."""
    match = INTERVAL.match(value)
    if not match or float(match.group(1)) * UNITS[match.group(2).lower()] < 1:
        raise InvalidParameter(name, f"{value[:40]!r} is not a duration such as 15m, 90s or 1h")
    return float(match.group(1)) * UNITS[match.group(2).lower()]


def normal_url(url: str) -> str:
    """A link as it is remembered: no fragment, no tracking parameters, the host in lower case."""
    parts = urlsplit(url.strip())
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not TRACKING.match(k)])
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", query, ""))


def link_key(url: str | None, guid: str | None) -> str:
    """An item's key: its normalised URL, else its id."""
    basis = normal_url(url) if url else f"guid:{guid}"
    return sha256(basis.encode("utf-8")).hexdigest()


def is_url(value: str) -> bool:
    return urlsplit(value).scheme in ("http", "https") and bool(urlsplit(value).netloc)


def refuse_entities(data: bytes, where: str) -> None:
    """Raise InputError when XML declares entities (the only way to expansion and external reads)."""
    if ENTITY_DECLARATION.search(data):
        raise InputError(where, "declares XML entities (<!ENTITY); refused, as entity expansion can exhaust memory")


def _xml(data: bytes, where: str) -> Any:
    refuse_entities(data, where)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False, recover=False)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(where, f"malformed XML: {exc}") from exc


def read_feed_list(path: str) -> list[str]:
    """The feed URLs of a feed list file: OPML (every xmlUrl) or one URL a line ('#' comments)."""
    file = Path(path)
    try:
        data = file.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(path, "no such file: neither an http(s) URL nor a feed list file") from exc
    except OSError as exc:
        raise InputError(path, exc.strerror or str(exc)) from exc
    if data.lstrip().startswith(b"<"):
        root = _xml(data, path)
        urls = [o.get("xmlUrl") for o in root.iter("outline") if o.get("xmlUrl")]
    else:
        urls = [line.strip() for line in data.decode("utf-8", "replace").splitlines()
                if line.strip() and not line.lstrip().startswith("#")]
    bad = [u for u in urls if not is_url(u)]
    if bad:
        raise InputError(path, f"{bad[0][:100]!r} is not an http(s) URL")
    if not urls:
        raise InputError(path, "no feed URLs in the file")
    return urls


def feeds_of(args: list[str]) -> list[str]:
    """The feeds named on the command line: URLs as they are, files read as feed lists; each once."""
    urls: list[str] = []
    for arg in args:
        urls.extend([arg] if is_url(arg) else read_feed_list(arg))
    return list(dict.fromkeys(urls))


def _local(tag: Any) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _sitemap(root: Any) -> Listing:
    links: list[Link] = []
    sitemaps: list[str] = []
    for el in root:
        loc = next((c.text.strip() for c in el if _local(c.tag) == "loc" and c.text), None)
        if not loc or not is_url(loc):
            continue
        if _local(root.tag) == "sitemapindex":
            sitemaps.append(loc)
            continue
        title = next((c.text for c in el.iter() if _local(c.tag) == "title" and c.text), None)
        day = next((c.text for c in el.iter() if _local(c.tag) in ("publication_date", "lastmod") and c.text), None)
        links.append(Link(loc, link_key(loc, None), title, day[:10] if day else None))
    return Listing(links, sitemaps)


def _feed(data: bytes, where: str) -> Listing:
    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    links = []
    for entry in parsed.entries:
        url, guid = entry.get("link"), entry.get("id")
        if not url or not is_url(url):
            continue
        day = entry.get("published_parsed") or entry.get("updated_parsed")
        links.append(Link(url, link_key(url, guid), (entry.get("title") or "").strip() or None,
                          time.strftime("%Y-%m-%d", day) if day else None))
    # a feed not well-formed is read for what it holds, if anything; an empty feed is no error
    if not links and (parsed.bozo or not parsed.version):
        why = parsed.get("bozo_exception") or "no feed or sitemap elements"
        raise InputError(where, f"not a readable RSS or Atom feed, nor a sitemap: {why}")
    return Listing(links, [], (parsed.feed.get("title") or "").strip() or None)


def read_listing(data: bytes, where: str) -> Listing:
    """The article links of a feed or sitemap, each listed once; raises InputError naming `where`."""
    refuse_entities(data, where)
    head = data[:4096].lstrip()
    listing = _sitemap(_xml(data, where)) if SITEMAP_ROOT.search(head) else _feed(data, where)
    unique = {link.key: link for link in reversed(listing.links)}
    listing.links = [link for link in listing.links if unique.pop(link.key, None) is not None]
    return listing
