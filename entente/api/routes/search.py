from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from entente.api.deps import PagingDep, StoreDep
from entente.api.routes import page_of
from entente.api.schemas import PageOut, SearchHitOut
from entente.store import read
from entente.store.params import MAX_TEXT

router = APIRouter(prefix="/search", tags=["search"])


@router.get("", summary="Articles whose title or text contains the words, newest first")
def search(store: StoreDep, paging: PagingDep,
           q: Annotated[str, Query(min_length=1, max_length=MAX_TEXT, pattern=r"\S")]) -> PageOut[SearchHitOut]:
    return page_of(SearchHitOut, read.search(store, q, limit=paging.page_size, offset=paging.offset))
