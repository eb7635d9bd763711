"""A scripted HTTP server on 127.0.0.1 for the watcher's tests: each path answers what the test
set (a status, a body, validators, a delay, a body that never ends), and every request is logged."""

from __future__ import annotations

import html
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from ..conftest import DATA

REAL = DATA / "real" / "dev" / "articles"


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    type: str = "text/html; charset=utf-8"
    etag: str | None = None
    location: str | None = None
    delay: float = 0.0  # seconds before answering
    forever: bool = False  # a body that never ends


@dataclass
class Server:
    base: str = ""
    routes: dict[str, Reply] = field(default_factory=dict)
    log: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str) -> int:
        with self.lock:
            return sum(1 for p, _ in self.log if p == path)


def _handler(server: Server) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802
            with server.lock:
                server.log.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
            reply = server.routes.get(self.path, Reply(404, b"not here", "text/plain"))
            if reply.delay:
                time.sleep(reply.delay)
            if reply.etag and self.headers.get("If-None-Match") == reply.etag:
                self.send_response(304)
                self.send_header("ETag", reply.etag)
                self.end_headers()
                return
            self.send_response(reply.status)
            self.send_header("Content-Type", reply.type)
            if reply.etag:
                self.send_header("ETag", reply.etag)
            if reply.location:
                self.send_header("Location", reply.location)
            if not reply.forever:
                self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            try:
                if reply.forever:
                    chunk = b"<p>" + b"and more " * 1000 + b"</p>\n"
                    while True:
                        self.wfile.write(chunk)
                        time.sleep(0.001)
                self.wfile.write(reply.body)
            except (BrokenPipeError, ConnectionResetError):
                pass

    return Handler


@pytest.fixture()
def server():  # type: ignore[no-untyped-def]
    state = Server()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    httpd.daemon_threads = True
    state.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield state
    httpd.shutdown()
    httpd.server_close()


def page(name: str, site: str = "Test Outlet", extra: str = "", published: str = "2016-01-12") -> bytes:
    """A real article of tests/data/real/dev wrapped in a simple page: its first line the title; the
    outlet and publication day in the page's metadata."""
    lines = [line.strip() for line in (REAL / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    paras = "".join(f"<p>{html.escape(p)}</p>\n" for p in [*lines[1:], *([extra] if extra else [])])
    return (f"<!DOCTYPE html><html><head><title>{html.escape(lines[0])}</title>"
            f'<meta property="og:site_name" content="{html.escape(site)}">'
            f'<meta property="article:published_time" content="{published}"></head>'
            f"<body><nav><a href='/'>Home</a></nav><article><h1>{html.escape(lines[0])}</h1>\n{paras}</article>"
            f"<footer>Contact us</footer></body></html>").encode()


def rss(server: Server, paths: list[str], title: str = "Test feed") -> bytes:
    items = "".join(f"<item><title>item {i}</title><link>{server.url(p)}</link><guid>{server.url(p)}</guid></item>"
                    for i, p in enumerate(paths))
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
            f"<link>{server.base}</link><description>d</description>{items}</channel></rss>").encode()


def real(name: str) -> Path:
    return REAL / name
