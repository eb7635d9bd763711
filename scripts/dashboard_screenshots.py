"""Take the README's dashboard screenshots: build a store from samples/, serve it on a free
localhost port and photograph each view in Debian's headless Chromium into docs/screenshots/.

    .venv/bin/python scripts/dashboard_screenshots.py
"""

from __future__ import annotations

import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run"]
DOC = "003_050b114383b8fb0f"
VIEWS = [("timeline", "#/timeline", "timeline"), ("network", "#/actor/5", "actor"), ("trends", "#/trends", "trends"),
         ("indicators", "#/indicators", "indicators"), ("article", f"#/article/{DOC}?event=17", "article"),
         ("search", "#/search?q=Medvedev", "search")]


def main() -> int:
    import uvicorn
    from playwright.sync_api import sync_playwright

    from entente.api import create_app
    from entente.config import Settings
    from entente.jobs import ingest_paths
    from entente.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "samples.db")
        store = Store(db)
        ingest_paths([str(ROOT / "samples")], store)
        store.close()
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = uvicorn.Server(uvicorn.Config(create_app(Settings(db=db)), host="127.0.0.1", port=port, log_level="warning"))
        threading.Thread(target=server.run, daemon=True).start()
        while not server.started:
            time.sleep(0.05)
        OUT.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = browser.new_page(viewport={"width": 1100, "height": 720})
            for name, fragment, ready in VIEWS:
                page.goto(f"http://127.0.0.1:{port}/{fragment}")
                page.wait_for_selector(f"body[data-ready='{ready}']", timeout=10_000)
                page.evaluate("document.activeElement && document.activeElement.blur()")
                page.screenshot(path=str(OUT / f"{name}.png"))
                print(OUT / f"{name}.png")
            browser.close()
        server.should_exit = True
    return 0


if __name__ == "__main__":
    sys.exit(main())
