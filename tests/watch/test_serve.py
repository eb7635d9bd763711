"""The watcher's API routes: feed status, and alerts as server-sent events (read from a real
server, as a browser's EventSource would); `serve --watch` runs the watcher beside the API."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest
import uvicorn

from entente.api import ApiOptions, create_app
from entente.config import Settings
from entente.store import Store
from entente.store import watch as state
from entente.watch.service import WatchOptions

from .conftest import Reply, page, rss


@contextmanager
def serving(settings: Settings, options: ApiOptions | None = None) -> Iterator[str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(settings, options), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


def _alerts(base: str, n: int, headers: dict[str, str] | None = None, timeout: float = 120) -> list[tuple[int, dict]]:
    """The first `n` alert events of the stream, with their ids."""
    got: list[tuple[int, dict]] = []
    with httpx.stream("GET", f"{base}/watch/alerts", headers=headers, timeout=timeout) as r:
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
        event: dict[str, str] = {}
        for line in r.iter_lines():
            if line == "" and event.get("event") == "alert":
                got.append((int(event["id"]), json.loads(event["data"])))
                if len(got) == n:
                    return got
            if line == "":
                event = {}
            elif not line.startswith(":"):
                k, _, v = line.partition(": ")
                event[k] = v
    return got


def _fire(store: Store, doc_id: str, n: int) -> None:
    state.fire(store, doc_id, [(f"{doc_id}#{i}", {"key": f"{doc_id}#{i}", "type": "CONSULT", "doc_id": doc_id})
                               for i in range(n)])


def test_alerts_stream_as_they_are_recorded_and_resume_after_the_last_seen(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "s.db")
    store = Store(db)
    _fire(store, "a", 2)
    with serving(Settings(db=db)) as base:
        assert [a["key"] for _, a in _alerts(base, 2)] == ["a#0", "a#1"]
        later = threading.Timer(0.5, _fire, (store, "b", 1))
        later.start()
        got = _alerts(base, 1, headers={"Last-Event-ID": "2"})
        assert [(i, a["key"]) for i, a in got] == [(3, "b#0")]
        status = httpx.get(f"{base}/watch/status").json()
        assert status == {"watching": False, "total": 0, "feeds": []}
    store.close()


@pytest.mark.slow
def test_serve_watch_polls_beside_the_api_and_the_dashboard_hears_the_alerts(server, tmp_path, nlp) -> None:  # type: ignore[no-untyped-def]
    server.routes["/a"] = Reply(body=page("egy_sau_dne_01.txt"))
    server.routes["/feed"] = Reply(body=rss(server, ["/a"]))
    settings = Settings(db=str(tmp_path / "s.db"), watch_host_delay=0)
    Store(settings.db).close()
    options = ApiOptions(watch=WatchOptions((server.url("/feed"),), every=3600, alert=("EGY,SAU",)))
    with serving(settings, options) as base:
        got = _alerts(base, 1)
        assert got[0][1]["why"] == "new event" and {"EGY", "SAU"} <= set(got[0][1]["countries"])
        status = httpx.get(f"{base}/watch/status").json()
        assert status["watching"] and status["feeds"][0]["url"] == server.url("/feed")
        assert status["feeds"][0]["items_seen"] == 1
        assert '<section id="alerts"' in httpx.get(f"{base}/").text
