"""A watcher built from the options `entente watch` and `entente serve --watch` share, and run in a
thread beside the API."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from entente.config import Settings
from entente.store import Store
from entente.watch.alerts import Announcer, JsonLinesSink, WebhookSink, rules_of
from entente.watch.run import PollReport, Watcher
from entente.watch.sources import feeds_of, is_url


@dataclass(frozen=True)
class WatchOptions:
    """What to watch and what to announce, as the command line gives it."""

    feeds: tuple[str, ...]
    every: float = 900.0
    alert: tuple[str, ...] = ()
    alert_type: tuple[str, ...] = ()
    alerts_to: Path | None = None
    webhook: str | None = None


def build(store: Store, options: WatchOptions, settings: Settings, *,
          on_alert: Callable[[dict[str, Any]], None] | None = None,
          on_line: Callable[[str, str], None] | None = None) -> Watcher:
    """The watcher `options` ask for; raises InvalidParameter or InputError naming a bad option or
    feed list before anything is fetched."""
    from entente.errors import InvalidParameter

    feeds = feeds_of(list(options.feeds))
    rules = rules_of(options.alert, options.alert_type)
    if options.webhook is not None and not is_url(options.webhook):
        raise InvalidParameter("--webhook", f"{options.webhook[:100]!r} is not an http(s) URL")
    sinks: list[Callable[[dict[str, Any]], None]] = []
    if on_alert:
        sinks.append(on_alert)
    if options.alerts_to:
        sinks.append(JsonLinesSink(options.alerts_to))
    if options.webhook:
        sinks.append(WebhookSink(options.webhook))
    announcer = Announcer(rules, sinks, on_error=lambda line: on_line("error", line) if on_line else None)
    return Watcher(store, feeds, settings, announcer=announcer, on_line=on_line)


class Background:
    """A watcher polling in a daemon thread until `stop` (the API's lifespan starts and stops it)."""

    def __init__(self, watcher: Watcher, every: float) -> None:
        self.watcher = watcher
        self.every = every
        self.stop_event = threading.Event()
        self.last: PollReport | None = None
        self.thread = threading.Thread(target=self._run, name="entente-watch", daemon=True)

    def _run(self) -> None:
        def keep(report: PollReport) -> None:
            self.last = report

        try:
            self.watcher.run(self.every, self.stop_event, keep)
        finally:
            self.watcher.close()

    def start(self) -> None:
        self.thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self.stop_event.set()
        self.thread.join(timeout)

