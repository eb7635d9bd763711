"""Routes the dashboard reads beyond the resource routes: country pairs, the actor network, trends
by period, and an article with the spans behind its record marked (`entente.web.views`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from entente.api.deps import Country, DateQ, DocId, EventFilterDep, StoreDep
from entente.api.schemas import EventOut, Out
from entente.store import read
from entente.web import views

router = APIRouter(prefix="/dashboard", tags=["dashboard"])


class PairOut(Out):
    a: str
    b: str
    events: int


class NodeOut(Out):
    id: int
    name: str
    country: str | None
    events: int


class EdgeOut(Out):
    source: int
    target: int
    weight: int
    events: list[int]


class NetworkOut(Out):
    nodes: list[NodeOut]
    edges: list[EdgeOut]
    events: int
    truncated: bool


class TypePeriodOut(Out):
    period: str
    type: str
    count: int


class SectorPeriodOut(Out):
    period: str
    sector: str
    count: int


class TrendsOut(Out):
    by_type: list[TypePeriodOut]
    by_sector: list[SectorPeriodOut]


class MarkOut(Out):
    start: int
    end: int
    kind: str
    label: str
    target: str
    id: int


class SentenceOut(Out):
    start: int
    end: int
    events: list[int]
    facts: list[int]


class FactRefOut(Out):
    id: int
    value: float
    unit: str
    period: str | None
    about: str | None
    qualifier: str | None


class ActorRefOut(Out):
    id: int
    name: str
    country: str | None
    roles: list[str]


class ArticleViewOut(Out):
    doc_id: str
    title: str | None
    published: str | None
    source: str | None
    url: str | None
    text: str
    sentences: list[SentenceOut]
    marks: list[MarkOut]
    events: list[EventOut]
    facts: list[FactRefOut]
    actors: list[ActorRefOut]


@router.get("/pairs", summary="Country pairs by how many events involve both")
def pairs(store: StoreDep, limit: Annotated[int, Query(ge=1, le=views.MAX_PAIRS)] = views.MAX_PAIRS) -> list[PairOut]:
    return [PairOut.model_validate(p, from_attributes=True) for p in views.pairs(store, limit=limit)]


@router.get("/network", summary="Who took part in events with whom, for the events the filters select")
def network(store: StoreDep, f: EventFilterDep) -> NetworkOut:
    return NetworkOut.model_validate(views.network(store, f), from_attributes=True)


@router.get("/trends/{a}/{b}", summary="Events between two countries by period and type, and by period and sector")
def trends(store: StoreDep, a: Country, b: Country, since: DateQ = None, until: DateQ = None,
           period: read.Period = "year") -> TrendsOut:
    return TrendsOut.model_validate(views.trends(store, a, b, since=since, until=until, period=period),
                                    from_attributes=True)


@router.get("/articles/{doc_id}", summary="An article's text with the spans behind its people, events and facts")
def article(store: StoreDep, doc_id: DocId) -> ArticleViewOut:
    return ArticleViewOut.model_validate(views.article_view(store, doc_id), from_attributes=True)
