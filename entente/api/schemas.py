"""The API's request and response shapes, kept apart from the database tables.

Responses are built from the dataclasses of `entente.store.read` (`from_attributes`), so a column
added to a table never leaks into the API by accident."""

from __future__ import annotations

from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from entente.dates import Precision
from entente.records import ArticleRecord, Evidence

T = TypeVar("T")
DOC_ID = r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}$"


class Out(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class ErrorOut(Out):
    status: int = Field(description="The HTTP status, repeated")
    message: str = Field(description="What was wrong, naming the parameter or resource")


class PageOut(Out, Generic[T]):
    items: list[T]
    total: int = Field(description="How many match in all, counted up to 1,000: with total_exact false there are more")
    total_exact: bool = Field(description="False when more than `total` match and counting stopped there")
    page: int
    page_size: int


DATE_START = Field(description="The first day the date covers (ISO); null when it names no year")
DATE_END = Field(description="The last day the date covers (ISO); null when it names no year")
PRECISION = Field(description="day, month, year, day-no-year ('--10-31') or none")
QUAD = Field(default=None, description="PLOVER's quad category: verbal or material, cooperation or conflict")
INTENSITY = Field(default=None, description="PLOVER's conflict/cooperation score of the type and mode, from -10 "
                                            "(conflict) to +10 (cooperation)")


class EventOut(Out):
    """One report of a happening: an event as one article gives it."""

    id: int
    group_id: int | None = Field(description="The event group: every report of the same happening shares it")
    doc_id: str
    type: str
    mode: str | None
    quad: str | None = QUAD
    intensity: float | None = INTENSITY
    status: str
    date: str | None = Field(description="As in the record: YYYY, YYYY-MM, YYYY-MM-DD, --MM-DD or A/B")
    date_start: str | None = DATE_START
    date_end: str | None = DATE_END
    precision: Precision = PRECISION
    location: str | None
    actors: list[str]
    targets: list[str]
    countries: list[str]
    sectors: list[str]
    evidence: Evidence
    outlet: str | None = Field(description="The outlet or agency of the article")
    title: str | None
    url: str | None
    published: str | None


class ReportOut(Out):
    """One report of a happening: the event as one article gives it, with its evidence."""

    id: int = Field(description="The event id of this report")
    doc_id: str
    outlet: str | None
    title: str | None
    url: str | None
    published: str | None
    date: str | None
    status: str
    evidence: Evidence


class GroupOut(Out):
    """One happening (an event group): what its reports say together, and each report."""

    group_id: int
    type: str
    mode: str | None
    quad: str | None = QUAD
    intensity: float | None = INTENSITY
    status: str
    date: str | None = Field(description="The most precise date any report gives")
    date_start: str | None = DATE_START
    date_end: str | None = DATE_END
    precision: Precision = PRECISION
    location: str | None
    actors: list[str]
    targets: list[str]
    countries: list[str]
    sectors: list[str]
    reports: int = Field(description="How many reports (events in articles) the group holds")
    outlets: list[str] = Field(description="The outlets that report it (an article's doc_id when its outlet is unknown)")
    first_report: str | None = Field(description="The day the first report came out")
    last_report: str | None = Field(description="The day the last report came out")
    evidence: list[ReportOut] = Field(description="Every report, in the order they came out")


class ArticleOut(Out):
    doc_id: str
    published: str | None
    source: str | None
    dateline: str | None
    title: str | None
    url: str | None
    events: int = Field(description="How many events the article reports")


class ArticleDetailOut(Out):
    summary: ArticleOut
    text: str = Field(description="The cleaned text every evidence offset points into")
    record: ArticleRecord
    evidence: list[Evidence]


class ActorOut(Out):
    id: int
    name: str
    kind: str
    country: str | None
    events: int


class RoleOut(Out):
    role: str
    date: str | None
    doc_id: str


class ActorDetailOut(Out):
    summary: ActorOut
    aliases: list[str]
    roles: list[RoleOut]
    events: list[EventOut]


class CountOut(Out):
    key: str
    count: int


class PeriodCountOut(Out):
    period: str
    type: str
    count: int


class RelationsOut(Out):
    countries: tuple[str, str]
    events: int
    first: str | None = Field(description="The first date naming a year")
    last: str | None = Field(description="The last date naming a year")
    dated: int = Field(description="Events with a year: `by_period` counts them")
    year_unknown: int = Field(description="Events with a day and month but no year ('--10-31')")
    undated: int = Field(description="Events with no date")
    by_type: list[CountOut]
    by_period: list[PeriodCountOut]
    undated_by_type: list[CountOut] = Field(description="By type, the events with no year (year unknown or undated)")
    sectors: list[CountOut]
    top_actors: list[CountOut]


class FactOut(Out):
    value: float
    unit: str
    period: str | None
    date_start: str | None = DATE_START
    date_end: str | None = DATE_END
    precision: Precision = PRECISION
    about: str | None
    qualifier: str | None
    doc_id: str
    published: str | None
    evidence: Evidence
    outlet: str | None
    title: str | None
    url: str | None


class SearchHitOut(Out):
    doc_id: str
    title: str | None
    published: str | None
    snippet: str


class ArticleIn(BaseModel):
    """One article to ingest: its text and what is known about it."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=1_000_000)
    doc_id: str | None = Field(default=None, pattern=DOC_ID, description="Default: a hash of the text")
    published: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    title: str | None = Field(default=None, max_length=1000)
    source: str | None = Field(default=None, max_length=200)
    url: str | None = Field(default=None, max_length=2000)


class IngestIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    articles: list[ArticleIn] = Field(min_length=1, max_length=100)


class IngestOut(Out):
    ingested: int
    updated: int
    unchanged: int
    failed: int
    problems: list[str]
    warnings: list[str]
