"""Polite HTTP fetching for `entente watch`: a User-Agent naming entente, robots.txt obeyed, a
least interval between two requests to one host, conditional requests (ETag, Last-Modified), a
deadline and a size cap on every response (read as a stream, abandoned past either), redirects
followed by hand (each hop checked against robots.txt and the rate limit) up to a limit, and
faults that may pass (5xx, 429, timeouts, refused connections) retried with a doubling backoff."""

from __future__ import annotations

import threading
import time
import urllib.robotparser
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx

from entente import __version__
from entente.config import Settings

USER_AGENT = f"entente/{__version__} (news watcher; +https://pypi.org/project/entente/)"
ROBOTS_TTL = 3600.0
ROBOTS_MAX_BYTES = 500_000
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_RETRY_AFTER = 60.0


class FetchError(Exception):
    """A request that brought no usable answer; `transient` when trying again later may help."""

    def __init__(self, url: str, problem: str, *, transient: bool, status: int | None = None) -> None:
        super().__init__(f"{url}: {problem}")
        self.url = url
        self.problem = problem
        self.transient = transient
        self.status = status


@dataclass
class Response:
    """A whole answer: 200 with its body, or 304 (not modified) without."""

    url: str
    status: int
    body: bytes = b""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None


@dataclass
class _Host:
    lock: threading.Lock = field(default_factory=threading.Lock)
    next_at: float = 0.0
    robots: urllib.robotparser.RobotFileParser | None = None
    robots_at: float = 0.0


class Fetcher:
    """One HTTP client shared by the watcher's threads, with each host's robots.txt and rate limit."""

    def __init__(self, settings: Settings, transport: httpx.BaseTransport | None = None) -> None:
        self.settings = settings
        timeout = httpx.Timeout(settings.watch_timeout, connect=settings.watch_connect_timeout)
        self.client = httpx.Client(headers={"User-Agent": USER_AGENT}, timeout=timeout, follow_redirects=False,
                                   transport=transport, limits=httpx.Limits(max_connections=max(4, settings.watch_fetchers * 2)))
        self._hosts: dict[str, _Host] = {}
        self._lock = threading.Lock()
        self.requests = 0
        self.sleep = time.sleep  # how waits are taken (a test records them instead)

    def close(self) -> None:
        self.client.close()

    def _host(self, url: str) -> _Host:
        netloc = urlsplit(url).netloc.lower()
        with self._lock:
            return self._hosts.setdefault(netloc, _Host())

    def _wait_turn(self, url: str, delay: float) -> None:
        """Sleep until this host may be asked again, and book the next turn."""
        host = self._host(url)
        with host.lock:
            now = time.monotonic()
            start = max(now, host.next_at)
            host.next_at = start + delay
        if start > now:
            self.sleep(start - now)

    def _robots(self, url: str) -> urllib.robotparser.RobotFileParser:
        host = self._host(url)
        if host.robots is not None and time.monotonic() - host.robots_at < ROBOTS_TTL:
            return host.robots
        parts = urlsplit(url)
        robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
        parser = urllib.robotparser.RobotFileParser(robots_url)
        try:
            answer = self._get(robots_url, {}, ROBOTS_MAX_BYTES, self.settings.watch_host_delay)
            parser.parse(answer.body.decode("utf-8", "replace").splitlines() if answer.status == 200 else [])
        except FetchError as exc:
            # robots.txt's own rules: 401/403 forbid the site, another 4xx allows it; a site that
            # cannot answer is not crawled until it can
            if exc.status in (401, 403):
                parser.parse(["User-agent: *", "Disallow: /"])
            elif exc.status is not None and 400 <= exc.status < 500:
                parser.parse([])
            else:
                raise FetchError(url, f"robots.txt unreachable ({exc.problem})", transient=True) from exc
        host.robots, host.robots_at = parser, time.monotonic()
        return parser

    def _delay(self, url: str) -> float:
        robots = self._host(url).robots
        crawl = robots.crawl_delay(USER_AGENT) if robots is not None else None
        return max(self.settings.watch_host_delay, float(crawl or 0))

    def _get(self, url: str, headers: dict[str, str], max_bytes: int, delay: float) -> Response:
        """One request, read as a stream within the deadline and size cap; no redirects followed."""
        self._wait_turn(url, delay)
        deadline = time.monotonic() + self.settings.watch_timeout
        self.requests += 1
        try:
            with self.client.stream("GET", url, headers=headers) as r:
                if r.status_code in (301, 302, 303, 307, 308):
                    location = r.headers.get("location")
                    if not location:
                        raise FetchError(url, f"HTTP {r.status_code} without a Location", transient=False, status=r.status_code)
                    return Response(urljoin(url, location), r.status_code)
                if r.status_code == 304:
                    return Response(url, 304, etag=r.headers.get("etag"), last_modified=r.headers.get("last-modified"))
                if r.status_code != 200:
                    raise FetchError(url, f"HTTP {r.status_code}", transient=r.status_code in RETRY_STATUSES,
                                     status=r.status_code)
                declared = r.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > max_bytes:
                    raise FetchError(url, f"{int(declared):,} bytes, over the cap of {max_bytes:,}", transient=False)
                chunks, size = [], 0
                for chunk in r.iter_bytes():
                    size += len(chunk)
                    if size > max_bytes:
                        raise FetchError(url, f"over the cap of {max_bytes:,} bytes; abandoned", transient=False)
                    if time.monotonic() > deadline:
                        raise FetchError(url, f"not done in {self.settings.watch_timeout:g} s; abandoned", transient=True)
                    chunks.append(chunk)
                return Response(url, 200, b"".join(chunks), r.headers.get("content-type", ""), r.headers.get("etag"),
                                r.headers.get("last-modified"))
        except httpx.TimeoutException as exc:
            raise FetchError(url, f"timed out ({exc.__class__.__name__})", transient=True) from exc
        except httpx.HTTPError as exc:
            raise FetchError(url, f"{exc.__class__.__name__}: {exc}"[:300], transient=True) from exc


    def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
              max_bytes: int | None = None) -> Response:
        """GET `url` politely, following redirects; a 304 when the validators still hold. Raises
        FetchError naming the URL when robots.txt forbids it or no answer could be had."""
        max_bytes = max_bytes or self.settings.watch_max_bytes
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        seen = [url]
        current = url
        while True:
            if urlsplit(current).scheme not in ("http", "https"):
                raise FetchError(url, f"redirected to {current[:200]!r}, not http(s)", transient=False)
            if not self._robots(current).can_fetch(USER_AGENT, current):
                raise FetchError(current, "robots.txt disallows it", transient=False)
            answer = self._with_retries(current, headers, max_bytes)
            if answer.status not in (301, 302, 303, 307, 308):
                return answer
            current = answer.url
            if current in seen:
                raise FetchError(url, f"redirect loop after {len(seen)} hops", transient=False)
            seen.append(current)
            if len(seen) > self.settings.watch_max_redirects + 1:
                raise FetchError(url, f"more than {self.settings.watch_max_redirects} redirects", transient=False)

    def _with_retries(self, url: str, headers: dict[str, str], max_bytes: int) -> Response:
        attempt = 0
        while True:
            try:
                return self._get(url, headers, max_bytes, self._delay(url))
            except FetchError as exc:
                if not exc.transient or attempt >= self.settings.watch_retries:
                    raise
                self.sleep(min(self.settings.watch_backoff * 2 ** attempt, MAX_RETRY_AFTER))
                attempt += 1
