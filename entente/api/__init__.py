"""entente's HTTP API: `create_app(settings)` builds the FastAPI application the `serve` command
runs. Nothing touches a database at import time; the store opens when the app is built."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI

from entente import __version__
from entente.api import errors
from entente.api.deps import ApiOptions
from entente.api.hosts import LOOPBACK_NAMES, HostAllow, host_name
from entente.api.limits import BodyLimit
from entente.api.query import reject_unknown_query
from entente.api.routes import actors, articles, dashboard, events, exports, facts, ingest, relations, search, watch
from entente.config import Settings
from entente.errors import InvalidParameter
from entente.store import Store
from entente.watch.alerts import terminal_line
from entente.watch.service import Background, build
from entente.web import install as install_dashboard

__all__ = ["ApiOptions", "allowed_hosts", "create_app", "needs_token"]


def needs_token(host: str) -> bool:
    """Whether a server bound to `host` can be reached from other machines."""
    return host not in LOOPBACK_NAMES


def allowed_hosts(bound: str, more: list[str]) -> tuple[str, ...]:
    """The Host names a server bound to `bound` answers: loopback, the bound address unless it is a
    wildcard, and `more` (the names clients use for this machine)."""
    names = [*LOOPBACK_NAMES, *([] if bound in ("0.0.0.0", "::", "") else [host_name(bound)]), *more]
    return tuple(dict.fromkeys(n.lower() for n in names))


def _watcher(store: Store, settings: Settings, options: ApiOptions) -> Background | None:
    """The watcher `serve --watch` runs beside the API, built (its options checked) before serving."""
    if options.watch is None:
        return None
    def say(kind: str, line: str) -> None:
        print(f"watch {kind}: {line}", file=sys.stderr, flush=True)

    watcher = build(store, options.watch, settings, on_line=say, on_alert=lambda a: say("alert", terminal_line(a)))
    return Background(watcher, options.watch.every)


def create_app(settings: Settings, options: ApiOptions | None = None) -> FastAPI:
    """The API over the store `settings.db`; ingest only as `options` allow."""
    options = options or ApiOptions()
    if options.allow_ingest and options.require_token and not settings.api_token:
        raise InvalidParameter("ENTENTE_API_TOKEN", "must be set to allow ingest on a host other than localhost")
    store = Store(settings.db)
    background = _watcher(store, settings, options)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if background:
            background.start()
        yield
        if background:
            background.stop()
        store.close()

    app = FastAPI(title="entente", version=__version__, lifespan=lifespan, responses=errors.ERROR_RESPONSES,
                  dependencies=[Depends(reject_unknown_query)], docs_url=None, redoc_url=None,
                  description="Events between countries from news articles, each linked to its evidence.")
    app.state.store = store
    app.state.settings = settings
    app.state.options = options
    app.state.watcher = background
    errors.install(app)
    for module in (articles, actors, events, relations, facts, search, ingest, exports, dashboard, watch):
        app.include_router(module.router)
    install_dashboard(app)
    app.add_middleware(BodyLimit, max_bytes=settings.api_max_body_bytes)
    app.add_middleware(HostAllow, allowed=options.allowed_hosts)  # added last: runs first
    return app
