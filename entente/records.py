"""The records that cross stage boundaries, defined once.

`RawArticle` leaves ingest, `CleanArticle` leaves clean, `ArticleRecord` (the contract of
../shared/spec/records.md) leaves extract and is what store keeps and serve returns.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, Field, model_validator

from entente.plover import intensity_of, quad_of

EVENT_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
               "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
STATUSES = ("done", "planned", "proposed", "negated", "hypothetical", "historical")
SECTORS = ("politics", "economy", "trade", "investment", "finance", "defence", "security", "energy",
           "transport", "industry", "agriculture", "science_technology", "digital", "education",
           "culture", "tourism", "health", "humanitarian", "legal", "environment", "migration")

# the modes the record format names, then PLOVER's own (its CAMEO-to-PLOVER table), then the
# contexts the trigger lexicon gives as modes; tests/test_records_doc.py keeps the lexicon inside it
MODES = ("meet", "visit", "call", "multilateral", "sign", "joint statement", "treaty",
         "phone", "third-party", "assist", "change", "yield", "allege", "disapprove", "investigate",
         "ban", "expel", "political", "relations", "restrict", "territory", "violence", "arrest", "curfew",
         "deport", "martial-law", "seize", "police", "troops", "abduct", "assassinate", "beat", "cleansing",
         "explosives", "firearms", "heavy-weapons", "massacre", "sexual", "suicide-attack", "torture",
         "unconventional", "access", "ceasefire", "disarm", "ease", "release", "return", "withdraw",
         "discontinue", "boycott", "demo", "hunger", "obstruct", "riot",
         "aerial", "diplomatic", "economic", "military", "humanitarian")

Status = Literal["done", "planned", "proposed", "negated", "hypothetical", "historical"]
Quad = Literal["verbal cooperation", "material cooperation", "verbal conflict", "material conflict"]


@dataclass
class RawArticle:
    """An article as read from its container, before any cleaning."""

    doc_id: str
    text: str
    origin: str
    published: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass
class CleanArticle:
    """Normalised article text with what the cleaner found around it.

    `text` is the NFC text with any ` date YYYY-MM-DD` header removed: every offset in the record
    points into it. `excluded` lists (start, end) ranges, such as teaser blocks, that extraction
    must ignore; they stay in `text` so offsets never shift.
    """

    doc_id: str
    text: str
    origin: str
    published: str | None
    source: str | None
    dateline: str | None
    dateline_country: str | None = None
    title: str | None = None
    url: str | None = None
    excluded: list[tuple[int, int]] = field(default_factory=list)
    content_hash: str = ""
    warnings: list[str] = field(default_factory=list)
    duplicate_of: str | None = None  # the canonical article of its near-duplicate group, set at ingest


class Evidence(BaseModel):
    """A sentence copied verbatim from the article, with its offsets in `CleanArticle.text`."""

    text: str
    start: int
    end: int


class Entity(BaseModel):
    name: str
    type: Literal["PERSON", "ORG", "GPE", "GROUP"] = "PERSON"
    country: str | None = None
    sector: str | None = None  # POLECAT/ICEWS-style: GOV, MIL, POL, JUD, LEG, REB, OPP, CVL, ...
    roles: list[str] = Field(default_factory=list)
    aliases: list[str] = Field(default_factory=list)
    mentions: list[tuple[int, int]] = Field(default_factory=list)


class Event(BaseModel):
    """One happening. `quad` and `intensity` place it on PLOVER's conflict/cooperation scale; they
    follow from its type and mode (entente/plover.py) unless given."""

    type: str
    mode: str | None = None
    quad: Quad | None = None
    intensity: float | None = Field(default=None, ge=-10, le=10)
    date: str | None = None
    actors: list[str] = Field(default_factory=list)
    targets: list[str] = Field(default_factory=list)
    countries: list[str] = Field(default_factory=list)
    location: str | None = None
    status: Status = "done"
    sectors: list[str] = Field(default_factory=list)
    trigger: str | None = None
    evidence: Evidence
    more_evidence: list[Evidence] = Field(default_factory=list)

    @model_validator(mode="after")
    def _on_the_plover_scale(self) -> Event:
        if self.quad is None:
            self.quad = quad_of(self.type)  # type: ignore[assignment]
        if self.intensity is None:
            self.intensity = intensity_of(self.type, self.mode)
        return self


class Fact(BaseModel):
    value: float
    unit: str
    period: str | None = None
    about: str | None = None
    qualifier: str | None = None
    evidence: Evidence


class ArticleRecord(BaseModel):
    """One article's record: the output contract of `entente extract`."""

    doc_id: str
    published: str | None = None
    source: str | None = None
    dateline: str | None = None
    title: str | None = None
    url: str | None = None
    entities: list[Entity] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    facts: list[Fact] = Field(default_factory=list)
    sectors: list[str] = Field(default_factory=list)
    # what extraction could not do on this article (a step that failed); reported to whoever ran
    # it, never written out nor stored
    warnings: list[str] = Field(default_factory=list, exclude=True)
