"""The watcher's feeds and alerts: `GET /watch/status` lists each watched feed with its last poll,
and `GET /watch/alerts` streams alerts as server-sent events as the store records them, whether the
watcher runs in this server (`serve --watch`) or in an `entente watch` beside it."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Header, Query, Request
from fastapi.responses import StreamingResponse
from starlette.concurrency import run_in_threadpool

from entente.api.deps import MAX_ID, PagingDep, StoreDep
from entente.api.schemas import Out
from entente.store import Store
from entente.store import watch as state

router = APIRouter(prefix="/watch", tags=["watch"])

# how often the stream looks for new alerts, and sends a comment to keep proxies from closing it
POLL_SECONDS = 1.0
KEEPALIVE_SECONDS = 15.0
# alerts a new listener is sent first, the newest of those recorded
RECENT = 20


class FeedOut(Out):
    url: str
    last_poll: datetime | None
    last_result: str | None
    last_error: str | None
    polls: int
    errors: int
    items_seen: int


class WatchStatusOut(Out):
    watching: bool = False  # a watcher runs in this server
    total: int  # feeds watched, of which `feeds` is a page
    feeds: list[FeedOut]


@router.get("/status", summary="Each watched feed with its last poll, result, items seen and errors")
def watch_status(request: Request, store: StoreDep, paging: PagingDep) -> WatchStatusOut:
    feeds = state.feed_status(store)
    return WatchStatusOut(watching=getattr(request.app.state, "watcher", None) is not None, total=len(feeds),
                          feeds=[FeedOut.model_validate(f, from_attributes=True)
                                 for f in feeds[paging.offset:paging.offset + paging.page_size]])


def _event(alert: state.AlertRow) -> str:
    return f"id: {alert.id}\nevent: alert\ndata: {json.dumps(alert.payload, ensure_ascii=False)}\n\n"


async def _stream(request: Request, store: Store, after: int) -> AsyncIterator[str]:
    yield "retry: 5000\n\n"
    quiet = 0.0
    while not await request.is_disconnected():
        alerts = await run_in_threadpool(state.alerts_after, store, after)
        for alert in alerts:
            yield _event(alert)
            after = alert.id
        if alerts:
            quiet = 0.0
            continue
        await asyncio.sleep(POLL_SECONDS)
        quiet += POLL_SECONDS
        if quiet >= KEEPALIVE_SECONDS:
            quiet = 0.0
            yield ": keep-alive\n\n"


# kept out of the OpenAPI spec: a stream that never ends is no operation a spec-driven client can test
@router.get("/alerts", summary="Alerts as server-sent events, as they are recorded", include_in_schema=False)
def watch_alerts(request: Request, store: StoreDep,
                 after: Annotated[int | None, Query(ge=0, le=MAX_ID, description="Send the alerts after this id")] = None,
                 last_event_id: Annotated[str | None, Header(max_length=20)] = None) -> StreamingResponse:
    """A reconnecting client (its `Last-Event-ID`) gets what it missed; a new one the newest few first."""
    if after is None and last_event_id and last_event_id.isdigit():
        after = int(last_event_id)
    if after is None:
        after = max(0, state.last_alert_id(store) - RECENT)
    return StreamingResponse(_stream(request, store, after), media_type="text/event-stream",
                             headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})
