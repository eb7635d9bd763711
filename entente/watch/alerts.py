"""Alerts: which newly stored events to announce, and where. An event is announced when it
matches a rule (its countries include all of a rule's, its type is one asked for) and either no
article stored before reports its event group (a new event) or none of this article's outlet does
(a new outlet reporting a known one). Each alert is recorded in the store under a key before it is
delivered, so it fires once, and one recorded but not delivered (the watcher was killed between)
is delivered on restart; the JSON Lines file skips alerts it already holds."""

from __future__ import annotations

import json
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from entente.errors import InvalidParameter
from entente.records import EVENT_TYPES
from entente.store import Store
from entente.store import watch as state
from entente.store.params import check_choice, check_country
from entente.watch.fetch import USER_AGENT


@dataclass(frozen=True)
class Rules:
    """What to announce: events whose countries include all of any one of `pairs` (any event when
    there are none), of one of `types` (any type when there are none). Without either, nothing."""

    pairs: tuple[frozenset[str], ...] = ()
    types: frozenset[str] = frozenset()

    @property
    def active(self) -> bool:
        return bool(self.pairs or self.types)

    def match(self, countries: Sequence[str], type: str) -> bool:
        if not self.active:
            return False
        if self.types and type not in self.types:
            return False
        return not self.pairs or any(p <= set(countries) for p in self.pairs)


def rules_of(alert: Sequence[str], alert_type: Sequence[str]) -> Rules:
    """Rules from `--alert RUS,VNM` and `--alert-type SANCTION` options (each repeatable), checked:
    a wrong country code or type raises InvalidParameter naming the option, with a suggestion."""
    pairs = []
    for value in alert:
        codes = [c for c in value.split(",") if c.strip()]
        if not codes:
            raise InvalidParameter("--alert", "give ISO3 country codes separated by commas, e.g. RUS,VNM")
        pairs.append(frozenset(check_country(c, "--alert") for c in codes))
    types = set()
    for value in alert_type:
        for t in value.split(","):
            types.add(str(check_choice(t, EVENT_TYPES, "--alert-type")))
    return Rules(tuple(pairs), frozenset(types))


def alerts_of(doc_id: str, article: dict[str, Any], events: Sequence[state.ReportedEvent],
              rules: Rules) -> list[tuple[str, dict[str, Any]]]:
    """The alerts a stored article raises, each (key, payload): one per event group it is the
    first report of, or the first report from its outlet."""
    found = []
    groups: set[int] = set()
    for e in events:
        # the article's other mentions of a group it already announces are the same news
        if not rules.match(e.countries, e.type) or e.outlet_known or (e.group is not None and e.group in groups):
            continue
        if e.group is not None:
            groups.add(e.group)
        key = f"{doc_id}#{e.index}"
        found.append((key, {"key": key, "why": "new outlet" if e.known else "new event", "doc_id": doc_id,
                            **article, "type": e.type, "mode": e.mode, "status": e.status, "date": e.date,
                            "countries": e.countries, "actors": e.actors, "targets": e.targets,
                            "reports": e.group_reports, "evidence": e.evidence}))
    return found


Sink = Callable[[dict[str, Any]], None]


class JsonLinesSink:
    """Alerts appended to a file, one JSON object a line, each key once even across restarts."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.keys: set[str] = set()
        if path.exists():
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                try:
                    self.keys.add(json.loads(line)["key"])
                except (ValueError, KeyError, TypeError):
                    continue  # a line cut short by a kill: its alert is delivered again whole
        self.lock = threading.Lock()

    def __call__(self, alert: dict[str, Any]) -> None:
        with self.lock:
            if alert["key"] in self.keys:
                return
            with self.path.open("a", encoding="utf-8") as fh:
                fh.write(json.dumps(alert, ensure_ascii=False) + "\n")
                fh.flush()
            self.keys.add(alert["key"])


class WebhookSink:
    """Alerts POSTed as JSON to a URL, with the alert's key in `Idempotency-Key` (a receiver that
    heard one before a restart can tell)."""

    def __init__(self, url: str, timeout: float = 10.0) -> None:
        self.url = url
        self.client = httpx.Client(timeout=timeout, headers={"User-Agent": USER_AGENT})

    def __call__(self, alert: dict[str, Any]) -> None:
        r = self.client.post(self.url, json=alert, headers={"Idempotency-Key": alert["key"]})
        r.raise_for_status()


def terminal_line(alert: dict[str, Any]) -> str:
    """An alert as one line for a person."""
    who = ", ".join(alert["actors"]) or "-"
    whom = ", ".join(alert["targets"])
    return (f"{alert['type']} {'/'.join(alert['countries'])} {alert.get('date') or ''} {who}"
            f"{' -> ' + whom if whom else ''} ({alert['why']}; {alert.get('source') or alert['doc_id']}): "
            f"{' '.join(alert['evidence'].split())[:160]}")


@dataclass
class Announcer:
    """Weighs newly stored articles for alerts and delivers them to every sink."""

    rules: Rules
    sinks: list[Sink] = field(default_factory=list)
    on_error: Callable[[str], None] = field(default=lambda line: print(line, file=sys.stderr))

    def deliver(self, store: Store, alerts: Sequence[state.AlertRow]) -> int:
        """Deliver recorded alerts; those every sink took are marked delivered. How many were."""
        done = []
        for a in alerts:
            ok = True
            for sink in self.sinks:
                try:
                    sink(a.payload)
                except Exception as exc:  # a sink's failure (webhook down, disk full) is reported, the rest go on
                    ok = False
                    self.on_error(f"alert {a.key}: {getattr(sink, 'url', getattr(sink, 'path', 'sink'))}: "
                                  f"{exc.__class__.__name__}: {exc}"[:300])
            if ok:
                done.append(a.id)
        state.delivered(store, done)
        return len(done)

    def run(self, store: Store) -> int:
        """Weigh every stored article the watcher brought and no alert pass has weighed, record
        its alerts, and deliver them with any left undelivered; how many alerts fired."""
        fired = 0
        pending = state.undelivered(store)
        for doc_id in state.unalerted(store):
            article = _article(store, doc_id)
            events = state.reported_events(store, doc_id) if self.rules.active else []
            rows = state.fire(store, doc_id, alerts_of(doc_id, article, events, self.rules))
            pending.extend(rows)
        fired += self.deliver(store, pending)
        return fired


def _article(store: Store, doc_id: str) -> dict[str, Any]:
    record, _text = store.record(doc_id)
    return {"title": record.title, "url": record.url, "source": record.source, "published": record.published}
