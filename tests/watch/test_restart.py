"""A watcher killed with SIGKILL mid-poll and started again loses nothing and stores and announces
nothing twice (the command itself, in a subprocess)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from sqlalchemy import create_engine, func, select, text

from entente.store import Store
from entente.store import models as m

from ..conftest import ROOT
from .conftest import REAL, Reply, page, rss

pytestmark = pytest.mark.slow
# the shortest real articles: quick to extract
NAMES = [name for _, name in sorted((p.stat().st_size, p.name) for p in REAL.glob("*.txt"))[:6]]


def _count(db: str, sql: str) -> int:
    engine = create_engine(f"sqlite:///{db}")
    try:
        with engine.connect() as conn:
            return conn.execute(text(sql)).scalar() or 0
    except Exception:  # the watcher has not made the store yet
        return 0
    finally:
        engine.dispose()


def _watch(db: str, feed: str, alerts: str, *more: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "ENTENTE_WATCH_HOST_DELAY": "0", "ENTENTE_WRITE_BATCH": "1",
           "ENTENTE_WATCH_TIMEOUT": "5"}
    return subprocess.Popen([sys.executable, "-m", "entente.cli", "watch", feed, "--db", db, "--alerts-to", alerts,
                             "--alert-type", ",".join(("CONSULT", "COOPERATE", "SUPPORT", "AGREE", "REQUEST")),
                             *more], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def test_a_kill_9_then_a_restart_loses_and_duplicates_nothing(server, tmp_path) -> None:  # type: ignore[no-untyped-def]
    for i, name in enumerate(NAMES):
        server.routes[f"/p{i}"] = Reply(body=page(name))
    # with an ETag: the restarted watcher hears 304, and must fetch what the killed one had listed
    server.routes["/feed"] = Reply(body=rss(server, [f"/p{i}" for i in range(len(NAMES))]), etag='"k"')
    db, alerts = str(tmp_path / "w.db"), str(tmp_path / "alerts.jsonl")
    proc = _watch(db, server.url("/feed"), alerts, "--every", "1h")
    deadline = time.monotonic() + 120
    while _count(db, "SELECT count(*) FROM articles") < 2 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    killed_at = _count(db, "SELECT count(*) FROM articles")
    assert 2 <= killed_at < len(NAMES)
    again = _watch(db, server.url("/feed"), alerts, "--once")
    assert again.wait(180) == 0
    store = Store(db)
    with store.session() as s:
        items = s.scalars(select(m.WatchItem)).all()
        assert sorted(i.url for i in items) == sorted(server.url(f"/p{i}") for i in range(len(NAMES)))
        assert {i.state for i in items} == {"stored"}
        assert s.scalar(select(func.count()).select_from(m.Article)) == len(NAMES)
        fired = s.scalars(select(m.WatchAlert.alert_key)).all()
        assert s.scalar(select(func.count()).select_from(m.WatchAlert).where(m.WatchAlert.delivered.is_(False))) == 0
    store.close()
    lines = [json.loads(line) for line in (tmp_path / "alerts.jsonl").read_text().splitlines()]
    assert fired and sorted(a["key"] for a in lines) == sorted(fired)
    # pages stored before the kill are not fetched again
    assert sum(server.hits(f"/p{i}") for i in range(len(NAMES))) <= 2 * len(NAMES) - killed_at
