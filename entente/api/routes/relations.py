from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from entente.api.deps import Country, DateQ, StoreDep
from entente.api.schemas import RelationsOut
from entente.store import read

router = APIRouter(prefix="/relations", tags=["relations"])


@router.get("/{a}/{b}", summary="Events between two countries counted by type, period, sector and actor")
def relations(store: StoreDep, a: Country, b: Country, since: DateQ = None, until: DateQ = None,
              period: read.Period = "year", top: Annotated[int, Query(ge=1, le=100)] = 10) -> RelationsOut:
    summary = read.relations(store, a, b, since=since, until=until, period=period, top=top)
    return RelationsOut.model_validate(summary, from_attributes=True)
