from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from entente.api.deps import EventFilterDep, Id, PagingDep, SortQ, StoreDep
from entente.api.routes import page_of
from entente.api.schemas import EventOut, GroupOut, PageOut
from entente.store import grouped, read

ByQ = Annotated[grouped.By, Query(description=(
    "report (default): one item per report, each with its group_id; group: one item per happening "
    "(event group) with its reports, outlets and the evidence of each"))]

router = APIRouter(prefix="/events", tags=["events"])


@router.get("", summary="List events; every given filter must hold")
def list_events(store: StoreDep, f: EventFilterDep, paging: PagingDep, sort: SortQ = "newest",
                by: ByQ = "report") -> PageOut[EventOut] | PageOut[GroupOut]:
    if by == "group":
        return page_of(GroupOut, grouped.list_groups(store, f, sort=sort, limit=paging.page_size, offset=paging.offset))
    return page_of(EventOut, read.list_events(store, f, sort=sort, limit=paging.page_size, offset=paging.offset))


@router.get("/{event_id}", summary="One event with its evidence")
def get_event(store: StoreDep, event_id: Id) -> EventOut:
    return EventOut.model_validate(read.get_event(store, event_id), from_attributes=True)
