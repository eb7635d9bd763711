"""The watcher: each poll reads every feed (conditionally), fetches the pages of links not seen
before, extracts and stores them through the ingest pipeline (`entente.jobs`), notes what became of
each link, and announces the new events that match the alert rules. One feed's or one page's
failure is noted and never stops the others.

What is noted happens after what it describes: a link is marked stored only once its article is
committed, an article weighed for alerts in the transaction that records them. A watcher killed at
any moment therefore finds on restart only what it had finished, fetches the rest again, and the
store's content hash keeps a text fetched twice from being stored twice."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from entente.clean import clean
from entente.config import Settings
from entente.errors import EntenteError, first_line
from entente.ingest.html import read_html_bytes
from entente.ingest.sniff import HEAD_BYTES, sniff
from entente.jobs import Summary, ingest_articles
from entente.records import CleanArticle, RawArticle
from entente.store import Store
from entente.store import watch as state
from entente.watch.alerts import Announcer
from entente.watch.fetch import Fetcher, FetchError
from entente.watch.sources import Link, read_listing

HTML_TYPES = ("text/html", "application/xhtml+xml")
# pages fetched, then extracted and stored together, per step of a poll; always fewer than
# `pool_min_articles`, so they are extracted in the watcher, which keeps the model loaded, rather than
# in a pool started anew for each step
CHUNK = 24


@dataclass
class PollReport:
    """What one poll did."""

    feeds: int = 0
    not_modified: int = 0
    feed_errors: int = 0
    links: int = 0
    stored: int = 0
    duplicates: int = 0
    failed: int = 0
    alerts: int = 0

    def line(self) -> str:
        return (f"{self.feeds} feeds polled ({self.not_modified} unchanged, {self.feed_errors} failed), "
                f"{self.links} new links; {self.stored} stored, {self.duplicates} already stored, "
                f"{self.failed} failed; {self.alerts} alerts")


def doc_id_of(key: str) -> str:
    """The doc_id of the article a link's page gives: the same for the same link, run after run."""
    return f"web_{key[:20]}"


@dataclass
class Watcher:
    """Polls `feeds` into `store`; `on_line(kind, line)` hears of each problem as it happens."""

    store: Store
    feeds: list[str]
    settings: Settings
    announcer: Announcer | None = None
    on_line: Callable[[str, str], None] | None = None
    fetcher: Fetcher | None = None

    def __post_init__(self) -> None:
        self.fetcher = self.fetcher or Fetcher(self.settings)

    def _say(self, kind: str, line: str) -> None:
        if self.on_line:
            self.on_line(kind, line)

    def close(self) -> None:
        if self.fetcher:
            self.fetcher.close()

    def _poll_feed(self, feed: state.FeedState) -> tuple[str, list[Link], list[str], str, str | None, state.FeedState]:
        """(feed, links, sitemaps it names, result, error, new validators) of one conditional GET."""
        assert self.fetcher is not None
        try:
            r = self.fetcher.fetch(feed.url, etag=feed.etag, last_modified=feed.last_modified)
            if r.status == 304:
                return feed.url, [], [], "304", None, feed
            listing = read_listing(r.body, feed.url)
            return feed.url, listing.links, listing.sitemaps, "200", None, state.FeedState(feed.url, r.etag, r.last_modified)
        except FetchError as exc:
            return feed.url, [], [], str(exc.status or "failed"), exc.problem, feed
        except EntenteError as exc:
            return feed.url, [], [], "unreadable", str(exc).removeprefix(f"{feed.url}: "), feed
        except Exception as exc:  # a hostile feed's failure in a parser stops that feed only
            return feed.url, [], [], "unreadable", first_line(exc), feed

    def poll_feeds(self, urls: Sequence[str], report: PollReport, depth: int = 0) -> dict[str, Link]:
        """Poll `urls` at once (conditionally) and note each poll with the links it listed (those
        never seen kept as pending); a sitemap index's sitemaps are polled in the same round. The
        links listed, by key, for what the feeds say of them (title, day)."""
        states = state.feed_states(self.store, urls)
        with ThreadPoolExecutor(self.settings.watch_fetchers) as pool:
            results = list(pool.map(self._poll_feed, [states[u] for u in urls]))
        children: list[str] = []
        listed: dict[str, Link] = {}
        for url, links, sitemaps, result, error, validators in results:
            report.feeds += 1
            report.not_modified += result == "304"
            report.feed_errors += error is not None
            if error:
                self._say("error", f"{url}: {error}")
            report.links += state.record_poll(self.store, url, result, error=error, etag=validators.etag,
                                              last_modified=validators.last_modified,
                                              links=[(link.key, link.url) for link in links])
            listed.update((link.key, link) for link in links)
            children.extend(sitemaps)
        if children and depth == 0:  # a sitemap index's sitemaps, polled in the same round
            listed.update(self.poll_feeds(list(dict.fromkeys(children)), report, depth + 1))
        return listed

    def _page(self, item: state.PendingItem) -> RawArticle | state.ItemOutcome:
        """The raw article of a link's page, or the outcome of a page that gave none."""
        assert self.fetcher is not None
        gone = state.ItemOutcome(item.key, item.url, state.GONE)
        try:
            r = self.fetcher.fetch(item.url, max_bytes=min(self.settings.watch_max_bytes, self.settings.max_article_bytes))
            kind = r.content_type.split(";")[0].strip().lower()
            if kind not in HTML_TYPES and sniff(r.body[:HEAD_BYTES], item.url) != "html":
                gone.error = f"not an HTML page ({kind or 'no content type'})"
                return gone
            raw = read_html_bytes(r.body, doc_id=doc_id_of(item.key), origin=item.url, settings=self.settings,
                                  url=r.url)
        except FetchError as exc:
            return state.ItemOutcome(item.key, item.url, state.RETRY if exc.transient else state.GONE, error=exc.problem)
        except EntenteError as exc:
            gone.error = str(exc).removeprefix(f"{item.url}: ")
            return gone
        except Exception as exc:  # a hostile page's failure in a parser stops that page only
            gone.error = first_line(exc)
            return gone
        return raw

    def _ingest(self, chunk: list[state.PendingItem], listed: dict[str, Link], report: PollReport) -> None:
        """Fetch, extract and store one chunk of links, then note each link's outcome."""
        # a link whose article is stored but not noted (the watcher was killed between) is not fetched again
        stored = state.stored_hashes(self.store, [doc_id_of(i.key) for i in chunk])
        outcomes = [state.ItemOutcome(i.key, i.url, state.STORED, stored[doc_id_of(i.key)])
                    for i in chunk if doc_id_of(i.key) in stored]
        chunk = [i for i in chunk if doc_id_of(i.key) not in stored]
        with ThreadPoolExecutor(self.settings.watch_fetchers) as pool:
            pages = list(pool.map(self._page, chunk))
        articles: list[tuple[state.PendingItem, CleanArticle]] = []
        for item, page in zip(chunk, pages, strict=True):
            if isinstance(page, state.ItemOutcome):
                outcomes.append(page)
                continue
            link = listed.get(item.key)
            if link is not None:  # what the feed says of the story, where the page says nothing
                page.published = page.published or link.published
                page.title = page.title or link.title
            articles.append((item, clean(page)))
        summary = Summary()
        ingest_articles([a for _, a in articles], self.store, summary, self.settings)
        report.duplicates += summary.unchanged + summary.duplicates
        report.stored += summary.ingested + summary.updated
        for item, article in articles:
            if self.store.known_hash(article.content_hash):
                outcomes.append(state.ItemOutcome(item.key, item.url, state.STORED, article.content_hash))
                continue
            problem = next((p for p in summary.problems if p.startswith(article.origin)), "not stored")
            outcomes.append(state.ItemOutcome(item.key, item.url, state.RETRY,
                                              error=problem.removeprefix(f"{article.origin}: ")))
        for o in outcomes:
            if o.state != state.STORED:
                report.failed += 1
                self._say("error", f"{o.url}: {o.error}")
        state.record_items(self.store, outcomes)

    def poll(self, stop: threading.Event | None = None) -> PollReport:
        """Poll every feed once, then fetch and store every link pending (listed now or before and
        not yet fetched, or to retry), announcing what is new; returns what it did."""
        report = PollReport()
        listed = self.poll_feeds(self.feeds, report)
        todo = state.pending(self.store, self.settings.watch_max_attempts)
        size = max(1, min(CHUNK, self.settings.pool_min_articles - 1))
        for i in range(0, len(todo), size):
            if stop is not None and stop.is_set():
                break
            self._ingest(todo[i:i + size], listed, report)
            if self.announcer:
                report.alerts += self.announcer.run(self.store)
        if self.announcer:
            report.alerts += self.announcer.run(self.store)
        return report

    def run(self, every: float, stop: threading.Event, on_poll: Callable[[PollReport], None] | None = None) -> None:
        """Poll every `every` seconds (from the start of one poll to the next) until `stop` is set."""
        while not stop.is_set():
            started = time.monotonic()
            report = self.poll(stop)
            if on_poll:
                on_poll(report)
            stop.wait(max(0.0, every - (time.monotonic() - started)))
