"""What each stage of event extraction fills in: an event as read from one sentence."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from entente.extract.agents import Agent


@dataclass
class Found:
    """An event as first read from one sentence, before merging."""

    type: str
    mode: str | None
    trigger: Token
    actors: list[int] = field(default_factory=list)
    targets: list[int] = field(default_factory=list)
    status: str = "done"
    date: str | None = None
    location: str | None = None
    countries: set[str] = field(default_factory=set)
    sents: list[Span] = field(default_factory=list)
    date_defaulted: bool = False
    number: int = 0  # the sentence's number in the article
    recalls: bool = False  # told of as one already mentioned: "The agreement was signed by ..."
    # states, organisations and groups acting or acted upon where no person is named
    agent_actors: list[Agent] = field(default_factory=list)
    agent_targets: list[Agent] = field(default_factory=list)

    @property
    def people(self) -> set[int]:
        return set(self.actors) | set(self.targets)
