from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from entente.api.deps import Country, DateQ, PagingDep, StoreDep, Text
from entente.api.routes import page_of
from entente.api.schemas import FactOut, PageOut
from entente.store import read

router = APIRouter(prefix="/facts", tags=["facts"])
Unit = Annotated[str | None, Query(pattern=r"^[A-Za-z]{1,20}$", description="percent, count or a currency code")]


@router.get("/{a}/{b}", summary="Figures stated about two countries, by period: a time series per unit and subject")
def facts(store: StoreDep, a: Country, b: Country, paging: PagingDep, unit: Unit = None, about: Text = None,
          since: DateQ = None, until: DateQ = None) -> PageOut[FactOut]:
    page = read.facts(store, a, b, unit=unit, about=about, since=since, until=until, limit=paging.page_size,
                      offset=paging.offset)
    return page_of(FactOut, page)
