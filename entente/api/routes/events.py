from __future__ import annotations

from fastapi import APIRouter

from entente.api.deps import EventFilterDep, Id, PagingDep, SortQ, StoreDep
from entente.api.routes import page_of
from entente.api.schemas import EventOut, PageOut
from entente.store import read

router = APIRouter(prefix="/events", tags=["events"])


@router.get("", summary="List events; every given filter must hold")
def list_events(store: StoreDep, f: EventFilterDep, paging: PagingDep, sort: SortQ = "newest") -> PageOut[EventOut]:
    page = read.list_events(store, f, sort=sort, limit=paging.page_size, offset=paging.offset)
    return page_of(EventOut, page)


@router.get("/{event_id}", summary="One event with its evidence")
def get_event(store: StoreDep, event_id: Id) -> EventOut:
    return EventOut.model_validate(read.get_event(store, event_id), from_attributes=True)
