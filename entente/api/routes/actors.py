from __future__ import annotations

from fastapi import APIRouter

from entente.api.deps import CountryQ, Id, PagingDep, StoreDep, Text
from entente.api.routes import page_of
from entente.api.schemas import ActorDetailOut, ActorOut, PageOut
from entente.store import read

router = APIRouter(prefix="/actors", tags=["actors"])


@router.get("", summary="List actors by name; `name` matches any alias")
def list_actors(store: StoreDep, paging: PagingDep, country: CountryQ = None, name: Text = None) -> PageOut[ActorOut]:
    page = read.list_actors(store, country=country, name=name, limit=paging.page_size, offset=paging.offset)
    return page_of(ActorOut, page)


@router.get("/{actor_id}", summary="One actor with aliases, roles over time and newest events")
def get_actor(store: StoreDep, actor_id: Id) -> ActorDetailOut:
    return ActorDetailOut.model_validate(read.get_actor(store, actor_id), from_attributes=True)
