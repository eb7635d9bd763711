"""The watcher against a scripted local server: what it stores, what it never fetches twice, and
how one failing feed or page leaves the others alone. These extract articles (the spaCy model)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from entente.config import Settings
from entente.store import Store
from entente.store import models as m
from entente.store import watch as state
from entente.watch import Announcer, JsonLinesSink, PollReport, Rules, Watcher, rules_of

from .conftest import Reply, page, rss

pytestmark = pytest.mark.slow

SETTINGS = Settings(watch_host_delay=0, watch_backoff=0.01, watch_timeout=2, watch_connect_timeout=1,
                    watch_retries=1, watch_max_bytes=2_000_000, watch_fetchers=4)
ARTICLES = ["egy_sau_dne_01.txt", "kaz_uzb_kazinform_01.txt", "rou_grc_agerpres_01.txt", "jam_tto_jis_01.txt"]


def _watcher(store: Store, feeds: list[str], announcer: Announcer | None = None) -> Watcher:
    return Watcher(store, feeds, SETTINGS, announcer=announcer)


def _articles(store: Store) -> int:
    with store.session() as s:
        return s.scalar(select(func.count()).select_from(m.Article)) or 0


@pytest.fixture()
def store(tmp_path):  # type: ignore[no-untyped-def]
    s = Store(str(tmp_path / "w.db"))
    yield s
    s.close()


def test_a_feed_that_changes_is_followed_and_nothing_is_fetched_twice(server, store, nlp):  # type: ignore[no-untyped-def]
    for i, name in enumerate(ARTICLES):
        server.routes[f"/a{i}"] = Reply(body=page(name))
    server.routes["/feed"] = Reply(body=rss(server, ["/a0", "/a1"]), etag='"v1"')
    watcher = _watcher(store, [server.url("/feed")])
    first = watcher.poll()
    assert (first.stored, first.failed) == (2, 0)
    server.routes["/feed"] = Reply(body=rss(server, ["/a2", "/a0", "/a1"]), etag='"v2"')
    second = watcher.poll()
    assert (second.links, second.stored) == (1, 1)
    assert [server.hits(f"/a{i}") for i in range(3)] == [1, 1, 1]
    # the server says the feed has not changed: neither it nor any page is read again
    third = watcher.poll()
    assert third.not_modified == 1 and third.links == 0
    assert server.log[-1] == ("/feed", server.log[-1][1]) and server.log[-1][1]["if-none-match"] == '"v2"'
    assert [server.hits(f"/a{i}") for i in range(3)] == [1, 1, 1]
    assert _articles(store) == 3
    # a restart (a new watcher on the same store) neither fetches nor stores the pages again
    server.routes["/feed"] = Reply(body=rss(server, ["/a2", "/a0", "/a1"]), etag='"v3"')
    again = _watcher(store, [server.url("/feed")]).poll()
    assert again.links == 0 and [server.hits(f"/a{i}") for i in range(3)] == [1, 1, 1]
    assert "entente" in server.log[0][1]["user-agent"]


def test_links_a_feed_listed_are_fetched_even_when_it_says_304_after_a_stop(server, store, nlp):  # type: ignore[no-untyped-def]
    server.routes["/a0"] = Reply(body=page(ARTICLES[0]))
    server.routes["/feed"] = Reply(body=rss(server, ["/a0"]), etag='"v1"')
    watcher = _watcher(store, [server.url("/feed")])
    watcher.poll_feeds(watcher.feeds, PollReport())  # stopped after reading the feed, before its pages
    report = _watcher(store, [server.url("/feed")]).poll()
    assert report.not_modified == 1 and report.stored == 1 and server.hits("/a0") == 1


def test_one_failing_feed_or_page_never_stops_the_others(server, store, nlp):  # type: ignore[no-untyped-def]
    server.routes.update({
        "/good": Reply(body=page(ARTICLES[0])),
        "/missing": Reply(404, b"gone", "text/plain"),
        "/image": Reply(body=b"\x89PNG\r\n\x1a\n" + b"\x00" * 500, type="image/png"),
        "/endless": Reply(forever=True),
        "/slow": Reply(body=page(ARTICLES[1]), delay=3),
        "/huge": Reply(body=b"<html><body>" + b"<p>word </p>" * 300_000 + b"</body></html>"),
        "/loop1": Reply(302, location="/loop2"),
        "/loop2": Reply(302, location="/loop1"),
        "/feed": Reply(body=rss(server, ["/good", "/missing", "/image", "/endless", "/slow", "/huge", "/loop1"])),
        "/feed404": Reply(404, b"no feed", "text/plain"),
        "/feed500": Reply(500, b"oops", "text/plain"),
        "/broken": Reply(body=b"<rss><channel><item><title>unclosed", type="application/rss+xml"),
        "/bomb": Reply(body=b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
                            b"<rss><channel><title>&lol2;</title></channel></rss>", type="application/rss+xml"),
        "/feedloop": Reply(301, location="/feedloop"),
    })
    feeds = [server.url(p) for p in ("/feed404", "/feed500", "/broken", "/bomb", "/feedloop", "/feed")]
    report = _watcher(store, feeds).poll()
    assert report.feed_errors == 5 and report.stored == 1 and report.failed == 6
    assert server.hits("/feed500") == 2  # retried once, as the settings say
    status = {s.url.rsplit("/", 1)[1]: s for s in state.feed_status(store)}
    assert status["feed404"].last_result == "404" and status["feed500"].last_result == "500"
    assert "ENTITY" in (status["bomb"].last_error or "")
    assert "redirect" in (status["feedloop"].last_error or "")
    assert status["feed"].items_seen == 7 and status["feed"].errors == 0
    with store.session() as s:
        items = {i.url.rsplit("/", 1)[1]: i for i in s.scalars(select(m.WatchItem))}
    assert items["good"].state == "stored" and items["missing"].state == "gone"
    assert "HTML" in (items["image"].error or "") and items["slow"].state == "retry"
    assert items["endless"].state in ("gone", "retry") and items["huge"].state in ("gone", "retry")
    assert "redirect" in (items["loop1"].error or "")
    # a page whose fault may pass is tried again at the next poll, the others never
    server.routes["/slow"] = Reply(body=page(ARTICLES[1]))
    report = _watcher(store, feeds).poll()
    assert report.stored == 1 and server.hits("/missing") == 1 and server.hits("/image") == 1


def test_the_same_story_twice_is_stored_once_or_grouped(server, store, nlp):  # type: ignore[no-untyped-def]
    server.routes.update({
        "/a": Reply(body=page(ARTICLES[0])),
        "/a-copy": Reply(body=page(ARTICLES[0])),
        "/a-near": Reply(body=page(ARTICLES[0], site="Other Outlet", extra="The ministry published a statement.")),
        "/feed": Reply(body=rss(server, ["/a", "/a?utm_source=x#top", "/a", "/a-copy", "/a-near"])),
    })
    report = _watcher(store, [server.url("/feed")]).poll()
    assert server.hits("/a") == 1 and report.links == 3
    assert report.stored == 2 and report.duplicates == 1
    with store.session() as s:
        near = s.scalar(select(m.Article).where(m.Article.url == server.url("/a-near")))
        first = s.scalar(select(m.Article).where(m.Article.url == server.url("/a")))
        assert near is not None and first is not None and near.duplicate_of == first.doc_id


def test_each_alert_fires_once(server, store, nlp, tmp_path):  # type: ignore[no-untyped-def]
    server.routes.update({
        "/a": Reply(body=page(ARTICLES[0])),
        "/b": Reply(body=page(ARTICLES[1])),
        "/a-near": Reply(body=page(ARTICLES[0], site="Other Outlet", extra="The ministry published a statement.")),
        "/feed": Reply(body=rss(server, ["/a", "/b"])),
    })
    heard: list[dict] = []
    out = tmp_path / "alerts.jsonl"

    def announcer() -> Announcer:
        return Announcer(rules_of(["EGY,SAU"], []), [heard.append, JsonLinesSink(out)])

    first = _watcher(store, [server.url("/feed")], announcer()).poll()
    assert first.alerts >= 1 and all(set(a["countries"]) >= {"EGY", "SAU"} for a in heard)
    assert {a["why"] for a in heard} == {"new event"}
    count = len(heard)
    # the same story from another outlet is news: announced as such, once
    server.routes["/feed"] = Reply(body=rss(server, ["/a", "/b", "/a-near"]))
    _watcher(store, [server.url("/feed")], announcer()).poll()
    assert len(heard) > count and {a["why"] for a in heard[count:]} == {"new outlet"}
    total = len(heard)
    _watcher(store, [server.url("/feed")], announcer()).poll()
    assert len(heard) == total
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(lines) == total == len({a["key"] for a in lines})
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(m.WatchAlert)) == total


def test_rules_of_types_only_match_those_types() -> None:
    rules = Rules(types=frozenset({"SANCTION"}))
    assert rules.match(["RUS"], "SANCTION") and not rules.match(["RUS"], "CONSULT")
    assert not Rules().match(["RUS"], "SANCTION")
