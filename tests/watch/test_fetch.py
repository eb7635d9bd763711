"""The fetcher's manners and limits against a scripted local server."""

from __future__ import annotations

import pytest

from entente.config import Settings
from entente.watch.fetch import USER_AGENT, Fetcher, FetchError

from .conftest import Reply

SETTINGS = Settings(watch_host_delay=0, watch_backoff=0.01, watch_timeout=1.5, watch_connect_timeout=1, watch_retries=2,
                    watch_max_bytes=100_000, watch_max_redirects=3)


@pytest.fixture()
def fetcher():  # type: ignore[no-untyped-def]
    f = Fetcher(SETTINGS)
    yield f
    f.close()


def test_a_conditional_request_gets_304_and_keeps_the_validators(server, fetcher) -> None:  # type: ignore[no-untyped-def]
    server.routes["/f"] = Reply(body=b"<rss/>", etag='"abc"')
    first = fetcher.fetch(server.url("/f"))
    assert (first.status, first.etag, first.body) == (200, '"abc"', b"<rss/>")
    again = fetcher.fetch(server.url("/f"), etag=first.etag)
    assert again.status == 304 and again.body == b""
    assert server.log[-1][1]["if-none-match"] == '"abc"' and server.log[-1][1]["user-agent"] == USER_AGENT


def test_robots_txt_is_obeyed(server, fetcher) -> None:  # type: ignore[no-untyped-def]
    server.routes["/robots.txt"] = Reply(body=b"User-agent: *\nDisallow: /private\n", type="text/plain")
    server.routes["/private/a"] = Reply(body=b"x")
    with pytest.raises(FetchError, match="robots.txt disallows"):
        fetcher.fetch(server.url("/private/a"))
    assert server.hits("/private/a") == 0 and server.hits("/robots.txt") == 1


@pytest.mark.parametrize(("status", "tries", "transient"), [(404, 1, False), (403, 1, False), (500, 3, True), (503, 3, True)])
def test_faults_that_may_pass_are_retried_others_not(server, fetcher, status, tries, transient) -> None:  # type: ignore[no-untyped-def]
    server.routes["/x"] = Reply(status, b"no", "text/plain")
    with pytest.raises(FetchError) as caught:
        fetcher.fetch(server.url("/x"))
    assert caught.value.transient is transient and caught.value.status == status
    assert server.hits("/x") == tries


def test_a_slow_answer_times_out(server) -> None:  # type: ignore[no-untyped-def]
    server.routes["/slow"] = Reply(body=b"late", delay=2.5)
    fetcher = Fetcher(SETTINGS.model_copy(update={"watch_retries": 0, "watch_timeout": 0.5}))
    with pytest.raises(FetchError, match="timed out") as caught:
        fetcher.fetch(server.url("/slow"))
    assert caught.value.transient
    fetcher.close()


def test_a_page_that_never_ends_is_abandoned(server, fetcher) -> None:  # type: ignore[no-untyped-def]
    server.routes["/endless"] = Reply(forever=True)
    with pytest.raises(FetchError, match="over the cap|abandoned"):
        fetcher.fetch(server.url("/endless"))


def test_a_huge_page_is_refused_by_its_declared_length(server, fetcher) -> None:  # type: ignore[no-untyped-def]
    server.routes["/huge"] = Reply(body=b"x" * 300_000)
    with pytest.raises(FetchError, match="over the cap of 100,000"):
        fetcher.fetch(server.url("/huge"))


def test_redirects_are_followed_to_a_limit(server, fetcher) -> None:  # type: ignore[no-untyped-def]
    server.routes.update({"/old": Reply(301, location="/new"), "/new": Reply(body=b"here"),
                          "/l1": Reply(302, location="/l2"), "/l2": Reply(302, location="/l1")})
    r = fetcher.fetch(server.url("/old"))
    assert (r.url, r.body) == (server.url("/new"), b"here")
    with pytest.raises(FetchError, match="redirect loop"):
        fetcher.fetch(server.url("/l1"))
    for i in range(6):
        server.routes[f"/c{i}"] = Reply(302, location=f"/c{i + 1}")
    with pytest.raises(FetchError, match="more than 3 redirects"):
        fetcher.fetch(server.url("/c0"))


def test_one_host_is_asked_no_more_often_than_the_delay(server) -> None:  # type: ignore[no-untyped-def]
    server.routes["/robots.txt"] = Reply(body=b"User-agent: *\nCrawl-delay: 7\n", type="text/plain")
    server.routes["/a"] = Reply(body=b"a")
    fetcher = Fetcher(SETTINGS.model_copy(update={"watch_host_delay": 2.0}))
    waits: list[float] = []
    fetcher.sleep = waits.append
    fetcher.fetch(server.url("/a"))
    fetcher.fetch(server.url("/a"))
    # robots.txt, then a page 2 s later (Crawl-delay not yet known), then one 7 s after that
    assert [round(w) for w in waits] == [2, 9]
    fetcher.close()
