"""The dashboard served by uvicorn on a free localhost port, over the sample store plus one
hostile article, and one headless Chromium (Debian's package) driven by Playwright."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import DATA, ROOT, served

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
ARTIFACTS = ROOT / "tests" / "artifacts"
HOSTILE = DATA / "web" / "hostile_article.txt"
HOSTILE_ID = HOSTILE.stem


@pytest.fixture(scope="session")
def web_db(sample_db: str, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A copy of the sample store with the hostile article ingested too."""
    from entente.jobs import ingest_paths
    from entente.store import Store

    target = tmp_path_factory.mktemp("web") / "web.db"
    with sqlite3.connect(sample_db) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    store = Store(str(target))
    summary = ingest_paths([str(HOSTILE)], store)
    store.close()
    assert summary.ok and summary.ingested == 1, summary.problems
    return str(target)


@pytest.fixture(scope="session")
def server(web_db: str) -> Iterator[str]:
    """The base URL of the app, served by uvicorn in a thread for the session."""
    import httpx

    with served(web_db) as base:
        # warm the app (first connection, first queries) so a view's load time is the view's own
        for path in ("", "static/app.js", "dashboard/pairs", "events?country=RUS&country=VNM&page_size=500"):
            httpx.get(base + path, timeout=20).raise_for_status()
        yield base


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/install_chromium.sh (make test does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):  # type: ignore[no-untyped-def]
    """A fresh laptop-sized page that fails the test on any script error or failed request."""
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    pg = context.new_page()
    problems: list[str] = []
    pg.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    pg.on("console", lambda msg: problems.append(f"console: {msg.text}") if msg.type == "error" else None)
    pg.base = server
    pg.problems = problems
    yield pg
    context.close()
    assert not problems, problems
