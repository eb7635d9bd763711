"""`entente watch`: keep the store current from RSS/Atom feeds and news sitemaps, fetching politely
(`fetch`), remembering in the store what was seen (`entente.store.watch`), and announcing new events
that match the analyst's rules (`alerts`). Built on the ingest pipeline: pages are read as `ingest`
reads saved HTML, and stored through `entente.jobs`."""

from __future__ import annotations

from entente.watch.alerts import Announcer, JsonLinesSink, Rules, WebhookSink, rules_of, terminal_line
from entente.watch.fetch import USER_AGENT, Fetcher, FetchError
from entente.watch.run import PollReport, Watcher
from entente.watch.sources import feeds_of, interval

__all__ = ["USER_AGENT", "Announcer", "FetchError", "Fetcher", "JsonLinesSink", "PollReport", "Rules", "Watcher",
           "WebhookSink", "feeds_of", "interval", "rules_of", "terminal_line"]
