"""Shared route dependencies as `Annotated` aliases: the store, paging, and bounded, typed
parameters. Patterns appear in the OpenAPI spec; `entente.store.read` checks values again."""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Header, Path, Query, Request
from pydantic import StringConstraints

from entente.api.hosts import LOOPBACK_NAMES
from entente.config import Settings
from entente.errors import Forbidden
from entente.records import EVENT_TYPES, SECTORS, STATUSES
from entente.store import Store
from entente.store.params import MAX_PAGE_SIZE, MAX_TEXT
from entente.store.read import EventFilter, Sort
from entente.watch.service import WatchOptions

DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
ISO3 = r"^[A-Z]{3}$"
MAX_PAGE = 100_000
MAX_ID = 2**31 - 1
# a file name's stem is at most 255 bytes on common file systems; a record's id at most 200 characters
MAX_DOC_ID = 255


def _one_of(choices: tuple[str, ...]) -> str:
    return "^(" + "|".join(choices) + ")$"


@dataclass(frozen=True)
class ApiOptions:
    """How the app was started: ingest on or off, whether ingest needs the token, which hosts it serves."""

    allow_ingest: bool = False
    require_token: bool = False
    # the names the Host header may give (the server's own addresses and names); others get 400
    allowed_hosts: tuple[str, ...] = LOOPBACK_NAMES
    # feeds to watch beside the API (`serve --watch`), and what to announce
    watch: WatchOptions | None = None


@dataclass(frozen=True)
class Paging:
    page: int
    page_size: int

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size


def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def get_settings_of(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


StoreDep = Annotated[Store, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings_of)]

Text = Annotated[str | None, Query(min_length=1, max_length=MAX_TEXT)]
DateQ = Annotated[str | None, Query(pattern=DATE, max_length=10, description="YYYY, YYYY-MM or YYYY-MM-DD")]
Country = Annotated[str, Path(pattern=ISO3, min_length=3, max_length=3, description="ISO 3166-1 alpha-3, e.g. RUS")]
CountryQ = Annotated[str | None, Query(pattern=ISO3, min_length=3, max_length=3, description="ISO 3166-1 alpha-3")]
# any doc_id the store holds: a file's stem may have spaces, accents, '#', '%' or '?', sent URL-encoded
DocId = Annotated[str, Path(min_length=1, max_length=MAX_DOC_ID,
                            description="An article's doc_id as stored (a file's stem may hold any character but '/'), URL-encoded")]
Id = Annotated[int, Path(ge=1, le=MAX_ID)]
SortQ = Annotated[Sort, Query(description="newest or oldest date first, or id order")]
Iso3Item = Annotated[str, StringConstraints(pattern=ISO3, min_length=3, max_length=3)]


def paging(page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1,
           page_size: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 50) -> Paging:
    return Paging(page, page_size)


PagingDep = Annotated[Paging, Depends(paging)]


def event_filter(
    country: Annotated[list[Iso3Item] | None, Query(max_length=10, description="ISO3; repeat for a pair")] = None,
    actor: Annotated[str | None, Query(min_length=1, max_length=MAX_TEXT, description="Any alias of an actor")] = None,
    type: Annotated[str | None, Query(pattern=_one_of(EVENT_TYPES), description="PLOVER event type")] = None,
    mode: Annotated[str | None, Query(min_length=1, max_length=40)] = None,
    status: Annotated[str | None, Query(pattern=_one_of(STATUSES))] = None,
    sector: Annotated[str | None, Query(pattern=_one_of(SECTORS))] = None,
    since: DateQ = None,
    until: DateQ = None,
    text: Annotated[str | None, Query(min_length=1, max_length=MAX_TEXT, description="Words in the evidence")] = None,
) -> EventFilter:
    return EventFilter(countries=tuple(country or ()), actor=actor, type=type, mode=mode, status=status,
                       sector=sector, since=since, until=until, text=text)


EventFilterDep = Annotated[EventFilter, Depends(event_filter)]


def ingest_allowed(request: Request, authorization: Annotated[str | None, Header(max_length=500)] = None) -> None:
    """Refuse unless the app was started with ingest on and, unless server and client are both on
    this machine's loopback, the request carries `Authorization: Bearer <ENTENTE_API_TOKEN>`."""
    options: ApiOptions = request.app.state.options
    if not options.allow_ingest:
        raise Forbidden("ingest is off; start the server with --allow-ingest")
    client = request.client.host if request.client else ""
    if not options.require_token and client in LOOPBACK_NAMES:
        return  # loopback to loopback: this machine's own user
    token: str | None = request.app.state.settings.api_token
    given = (authorization or "").removeprefix("Bearer ").strip()
    if not token or not hmac.compare_digest(given.encode(), token.encode()):
        raise Forbidden("ingest needs the header 'Authorization: Bearer <ENTENTE_API_TOKEN>'")


IngestAllowed = Depends(ingest_allowed)
