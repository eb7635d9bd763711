"""What `entente watch` has seen, kept beside the records (migration 0010): each feed's validators
and last poll, each article link fetched (and the text it gave) or given up on, and each alert
fired. Every change is one short transaction, so a watcher killed at any moment finds on restart
what it had finished and nothing else."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from hashlib import sha256
from typing import Any

from sqlalchemy import func, select, update

from entente.store import Store
from entente.store import models as m

# an item's states: pending (listed, not fetched yet), stored (its text is in the store), gone (never
# to be fetched again: 404, not a page, no article text), retry (a fault that may pass: 5xx,
# timeout), tried again at later polls up to `watch_max_attempts` times
STORED, GONE, RETRY, PENDING = "stored", "gone", "retry", "pending"


def url_key(url: str) -> str:
    return sha256(url.encode("utf-8")).hexdigest()


@dataclass
class FeedState:
    """A watched feed's validators for a conditional request."""

    url: str
    etag: str | None = None
    last_modified: str | None = None


@dataclass
class FeedStatus:
    """How a feed's polls went (`entente watch --status`, GET /watch/status)."""

    url: str
    last_poll: datetime | None
    last_result: str | None
    last_error: str | None
    polls: int
    errors: int
    items_seen: int


@dataclass
class ItemOutcome:
    """What became of one article link in a poll."""

    key: str
    url: str
    state: str
    content_hash: str | None = None
    error: str | None = None


@dataclass
class AlertRow:
    id: int
    key: str
    payload: dict[str, Any]


@dataclass
class ReportedEvent:
    """An event of a stored article as alerts weigh it: whether its group has an earlier report,
    and whether one came from this article's outlet."""

    index: int
    group: int | None
    type: str
    mode: str | None
    status: str
    date: str | None
    countries: list[str]
    actors: list[str]
    targets: list[str]
    evidence: str
    group_reports: int
    known: bool
    outlet_known: bool


def feed_states(store: Store, urls: Iterable[str]) -> dict[str, FeedState]:
    """The validators of `urls` (a feed never polled has none)."""
    wanted = {url_key(u): u for u in urls}
    found = {u: FeedState(u) for u in wanted.values()}
    with store.session() as s:
        keys = sorted(wanted)
        for i in range(0, len(keys), 500):
            for row in s.scalars(select(m.WatchFeed).where(m.WatchFeed.url_key.in_(keys[i:i + 500]))):
                found[row.url] = FeedState(row.url, row.etag, row.last_modified)
    return found


def _feed(s: Any, url: str) -> m.WatchFeed:
    row = s.scalar(select(m.WatchFeed).where(m.WatchFeed.url_key == url_key(url)))
    if row is None:
        row = m.WatchFeed(url=url, url_key=url_key(url), polls=0, errors=0, items_seen=0)
        s.add(row)
        s.flush()
    return row


def record_poll(store: Store, url: str, result: str, *, error: str | None = None, etag: str | None = None,
                last_modified: str | None = None, links: Sequence[tuple[str, str]] = (),
                when: datetime | None = None) -> int:
    """Note one poll of `url`: its result ('200', '304', '404', 'timeout' ...), the new validators
    when it answered, and the links (key, url) it listed, those never seen kept as pending, in the
    same transaction: validators that say "nothing new" are never stored without the links they
    stand for. How many links were new."""
    with store.session() as s, s.begin():
        row = _feed(s, url)
        keys = sorted({k for k, _ in links})
        known: set[str] = set()
        for i in range(0, len(keys), 500):
            known.update(s.scalars(select(m.WatchItem.item_key).where(m.WatchItem.item_key.in_(keys[i:i + 500]))))
        new = [(k, u) for k, u in dict(links).items() if k not in known]
        s.add_all(m.WatchItem(item_key=k, url=u, feed_id=row.id, state=PENDING, attempts=0, alerted=False)
                  for k, u in new)
        row.last_poll = when or datetime.utcnow()
        row.last_result = result[:200]
        row.last_error = error
        row.polls += 1
        row.errors += 1 if error else 0
        row.items_seen += len(new)
        if error is None and result != "304":
            row.etag, row.last_modified = etag, last_modified
        return len(new)


@dataclass
class PendingItem:
    """A link to fetch: never tried, or tried and failed by a fault that may pass."""

    key: str
    url: str
    feed_url: str


def pending(store: Store, max_attempts: int) -> list[PendingItem]:
    """The links to fetch, oldest first: pending, or to retry and tried fewer than `max_attempts` times."""
    with store.session() as s:
        q = (select(m.WatchItem.item_key, m.WatchItem.url, m.WatchFeed.url)
             .join(m.WatchFeed, m.WatchFeed.id == m.WatchItem.feed_id, isouter=True)
             .where((m.WatchItem.state == PENDING) | ((m.WatchItem.state == RETRY) & (m.WatchItem.attempts < max_attempts)))
             .order_by(m.WatchItem.id))
        return [PendingItem(k, u, f or "") for k, u, f in s.execute(q)]


def feed_status(store: Store) -> list[FeedStatus]:
    with store.session() as s:
        rows = s.scalars(select(m.WatchFeed).order_by(m.WatchFeed.id))
        return [FeedStatus(r.url, r.last_poll, r.last_result, r.last_error, r.polls, r.errors, r.items_seen)
                for r in rows]


def stored_hashes(store: Store, doc_ids: Sequence[str]) -> dict[str, str]:
    """The content hash of each of `doc_ids` that is stored."""
    found: dict[str, str] = {}
    with store.session() as s:
        for i in range(0, len(doc_ids), 500):
            q = select(m.Article.doc_id, m.Article.content_hash).where(m.Article.doc_id.in_(doc_ids[i:i + 500]))
            found.update({d: h for d, h in s.execute(q)})
    return found


def _doc_ids(s: Any, hashes: Iterable[str]) -> dict[str, str]:
    wanted = sorted({h for h in hashes if h})
    q = select(m.Article.content_hash, m.Article.doc_id).where(m.Article.content_hash.in_(wanted))
    return {h: d for h, d in s.execute(q)} if wanted else {}


def record_items(store: Store, outcomes: Sequence[ItemOutcome]) -> None:
    """Note what became of article links, in one transaction; a stored one names the article that
    holds its text (itself, or the article stored earlier with the same text)."""
    if not outcomes:
        return
    with store.session() as s, s.begin():
        docs = _doc_ids(s, (o.content_hash or "" for o in outcomes))
        rows = {r.item_key: r for r in s.scalars(select(m.WatchItem).where(
            m.WatchItem.item_key.in_(sorted({o.key for o in outcomes}))))}
        for o in outcomes:
            row = rows.get(o.key)
            if row is None:
                row = rows[o.key] = m.WatchItem(item_key=o.key, url=o.url, attempts=0,
                                                alerted=False)
                s.add(row)
            row.state, row.error, row.attempts = o.state, o.error, (row.attempts or 0) + 1
            row.content_hash = o.content_hash
            row.doc_id = docs.get(o.content_hash or "")


def unalerted(store: Store) -> list[str]:
    """The stored articles the watcher brought whose events were not yet weighed for alerts, in
    the order they were stored."""
    with store.session() as s:
        q = (select(m.WatchItem.doc_id).where(m.WatchItem.state == STORED, m.WatchItem.alerted.is_(False),
                                              m.WatchItem.doc_id.is_not(None)).order_by(m.WatchItem.id))
        return list(dict.fromkeys(d for d in s.scalars(q) if d))


def reported_events(store: Store, doc_id: str) -> list[ReportedEvent]:
    """The events of a stored article, each with what its group knew before this article: whether
    an earlier-stored article reports it, and whether one of this article's outlet does."""
    with store.session() as s:
        article = s.scalar(select(m.Article).where(m.Article.doc_id == doc_id))
        if article is None:
            return []
        outlet = (article.source or "").lower()
        found = []
        for i, e in enumerate(sorted(article.events, key=lambda e: e.id)):
            earlier: list[tuple[str | None, str]] = []
            if e.group_id is not None:
                q = (select(m.Article.source, m.Article.doc_id).join(m.Event, m.Event.article_id == m.Article.id)
                     .where(m.Event.group_id == e.group_id, m.Article.id < article.id))
                earlier = [(src, d) for src, d in s.execute(q)]
            reports = s.scalar(select(m.EventGroup.reports).where(m.EventGroup.id == e.group_id)) if e.group_id else 1
            found.append(ReportedEvent(
                index=i, group=e.group_id, type=e.type, mode=e.mode, status=e.status, date=e.date,
                countries=sorted(c.country for c in e.countries),
                actors=[a.entity.name for a in e.arguments if a.role == "actor"],
                targets=[a.entity.name for a in e.arguments if a.role == "target"], evidence=e.evidence.text,
                group_reports=reports or 1, known=bool(earlier),
                outlet_known=any((src or "").lower() == outlet for src, _ in earlier)))
        return found


def fire(store: Store, doc_id: str, alerts: Sequence[tuple[str, dict[str, Any]]]) -> list[AlertRow]:
    """Record the alerts of an article and mark it weighed, in one transaction; those whose key was
    fired before are left out. The new ones, to deliver."""
    new: list[m.WatchAlert] = []
    with store.session() as s, s.begin():
        keys = [k for k, _ in alerts]
        old = set(s.scalars(select(m.WatchAlert.alert_key).where(m.WatchAlert.alert_key.in_(keys)))) if keys else set()
        for k, payload in alerts:
            if k in old:
                continue
            old.add(k)
            row = m.WatchAlert(alert_key=k, doc_id=doc_id, payload=json.dumps(payload, ensure_ascii=False),
                               delivered=False)
            s.add(row)
            new.append(row)
        s.execute(update(m.WatchItem).where(m.WatchItem.doc_id == doc_id).values(alerted=True))
    return [AlertRow(r.id, r.alert_key, json.loads(r.payload)) for r in new]


def undelivered(store: Store) -> list[AlertRow]:
    """Alerts recorded but not yet delivered to every sink (the watcher stopped between the two)."""
    with store.session() as s:
        q = select(m.WatchAlert).where(m.WatchAlert.delivered.is_(False)).order_by(m.WatchAlert.id)
        return [AlertRow(r.id, r.alert_key, json.loads(r.payload)) for r in s.scalars(q)]


def delivered(store: Store, ids: Sequence[int]) -> None:
    if ids:
        with store.session() as s, s.begin():
            s.execute(update(m.WatchAlert).where(m.WatchAlert.id.in_(list(ids))).values(delivered=True))


def alerts_after(store: Store, after: int, limit: int = 100) -> list[AlertRow]:
    """Alerts recorded after the one of id `after`, oldest first (the dashboard's stream)."""
    with store.session() as s:
        q = select(m.WatchAlert).where(m.WatchAlert.id > after).order_by(m.WatchAlert.id).limit(limit)
        return [AlertRow(r.id, r.alert_key, json.loads(r.payload)) for r in s.scalars(q)]


def last_alert_id(store: Store) -> int:
    with store.session() as s:
        return s.scalar(select(func.max(m.WatchAlert.id))) or 0

