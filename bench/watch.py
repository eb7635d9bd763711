"""`entente watch` against a local server of many feeds and pages: feeds polled per minute, articles
stored per minute, and the watcher's resident memory over a soak.

A server in another process (127.0.0.1, nothing else reached) serves F feeds (default 1,000), each
an RSS feed with an ETag listing P/F of P pages (default 10,000): synthetic wire stories from
bench/corpus.py, each in a simple HTML page with its date. The watcher, in this process, with the
host delay off (one local host stands for many outlets):

  1. polls every feed once (200s, each feed's body parsed): feeds polled per minute;
  2. polls every feed again (304s, nothing parsed): feeds polled per minute, conditional;
  3. runs as `entente watch --every` would for `--soak` seconds (default 60; `--soak 600` for the
     ten-minute soak), fetching, extracting and storing the pages: articles stored per minute,
     and the resident memory sampled every few seconds (first, last, peak, and its low and high in
     each quarter of the soak: flat lows mean no growth).

    .venv/bin/python bench/watch.py                        # short
    .venv/bin/python bench/watch.py --soak 600             # the ten-minute soak
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]


def _page(text: str) -> bytes:
    import html

    day, body = text[6:16], text[17:]
    lines = [line.strip() for line in body.splitlines() if line.strip()]
    paras = "".join(f"<p>{html.escape(p)}</p>" for p in lines)
    return (f'<!DOCTYPE html><html><head><title>{html.escape(lines[0][:80])}</title>'
            f'<meta property="article:published_time" content="{day}"><meta property="og:site_name" content="Bench Wire">'
            f"</head><body><article>{paras}</article></body></html>").encode()


def _serve(port: mp.Value, feeds: int, pages: int) -> None:  # type: ignore[valid-type]
    from corpus import generate

    bodies = {f"/p/{i}": _page(text) for i, (_, text) in enumerate(generate(pages, seed=11))}
    per = max(1, pages // feeds)
    base: list[str] = []

    def feed(i: int) -> bytes:
        items = "".join(f"<item><title>story {j}</title><link>{base[0]}/p/{j}</link></item>"
                        for j in range(i * per, min(pages, (i + 1) * per)))
        return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>feed {i}</title><link>{base[0]}</link>'
                f"<description>bench</description>{items}</channel></rss>").encode()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802
            etag = None
            if self.path.startswith("/feed/"):
                etag = f'"{self.path}"'
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                body, kind = feed(int(self.path.rsplit("/", 1)[1])), "application/rss+xml"
            elif self.path in bodies:
                body, kind = bodies[self.path], "text/html; charset=utf-8"
            else:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            if etag:
                self.send_header("ETag", etag)
            self.end_headers()
            self.wfile.write(body)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    base.append(f"http://127.0.0.1:{httpd.server_address[1]}")
    port.value = httpd.server_address[1]
    httpd.serve_forever()


def rss_mb() -> float:
    """This process's resident memory now, in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--feeds", type=int, default=1000)
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--soak", type=float, default=60.0, help="seconds the watcher runs storing pages")
    parser.add_argument("--every", type=float, default=60.0, help="seconds between polls during the soak")
    parser.add_argument("--sample", type=float, default=5.0, help="seconds between memory samples")
    parser.add_argument("--fetchers", type=int, default=8)
    args = parser.parse_args()

    ctx = mp.get_context("spawn")
    port = ctx.Value("i", 0)
    server = ctx.Process(target=_serve, args=(port, args.feeds, args.pages), daemon=True)
    server.start()
    while port.value == 0:
        time.sleep(0.1)
    base = f"http://127.0.0.1:{port.value}"

    from sqlalchemy import func, select

    from entente.config import Settings
    from entente.extract.pipeline import shared_nlp
    from entente.store import Store
    from entente.store import models as m
    from entente.watch import Watcher
    from entente.watch.run import PollReport

    settings = Settings(watch_host_delay=0, watch_fetchers=args.fetchers)
    shared_nlp(settings.spacy_model)  # loaded before timing, as a running watcher has it
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(str(Path(tmp) / "watch.db"))
        feeds = [f"{base}/feed/{i}" for i in range(args.feeds)]
        problems: list[str] = []
        watcher = Watcher(store, feeds, settings, on_line=lambda _kind, line: problems.append(line))
        print(f"load average {os.getloadavg()[0]:.1f}; {args.feeds} feeds, {args.pages} pages; RSS {rss_mb():.0f} MB")
        for label in ("first poll (200, parsed)", "second poll (304)"):
            started = time.monotonic()
            report = PollReport()
            watcher.poll_feeds(feeds, report)
            took = time.monotonic() - started
            print(f"{label}: {report.feeds} feeds in {took:.1f} s = {report.feeds / took * 60:,.0f} feeds/min, "
                  f"{report.not_modified} unchanged, {report.feed_errors} failed, {report.links} new links noted")

        def stored() -> int:
            with store.session() as s:
                return s.scalar(select(func.count()).select_from(m.Article)) or 0

        stop = threading.Event()
        polls: list[PollReport] = []
        runner = threading.Thread(target=watcher.run, args=(args.every, stop, polls.append), daemon=True)
        samples: list[tuple[float, float, int]] = []
        start = time.monotonic()
        runner.start()
        while time.monotonic() - start < args.soak:
            samples.append((time.monotonic() - start, rss_mb(), stored()))
            time.sleep(args.sample)
        stop.set()
        runner.join()  # the step in hand is finished and counted
        samples.append((time.monotonic() - start, rss_mb(), stored()))
        elapsed = time.monotonic() - start
        n = samples[-1][2]
        print(f"soak: {elapsed:.0f} s, {n} articles stored = {n / elapsed * 60:,.0f} articles/min "
              f"({watcher.fetcher.requests if watcher.fetcher else 0} requests in all); load average {os.getloadavg()[0]:.1f}")
        # resident memory swings with each step's documents: its low and high in each quarter of the
        # soak tell growth from swing
        quarters = [[r for t, r, _ in samples if q * elapsed / 4 <= t < (q + 1) * elapsed / 4 + 1e-9] for q in range(4)]
        print(f"RSS: first {samples[0][1]:.0f} MB, last {samples[-1][1]:.0f} MB, peak {max(s[1] for s in samples):.0f} MB; "
              "low-high by quarter of the soak: " + " | ".join(f"{min(q):.0f}-{max(q):.0f}" for q in quarters if q) + " MB")
        print(f"{len(problems)} problems" + (f", the first: {problems[0]}" if problems else ""))
        print("samples (s, MB, articles):", " ".join(f"{t:.0f}/{r:.0f}/{a}" for t, r, a in samples))
        watcher.close()
        store.close()
    server.terminate()


if __name__ == "__main__":
    main()
