"""What reading an article's events keeps: the article's people, times and organisations, the
sentence being read with its triggers, and what the sentences read so far leave for later ones."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from entente.extract.agents import Agent
from entente.extract.doctext import doc_text
from entente.extract.events.found import Found
from entente.extract.events.persons import PersonIndex, speaker_of
from entente.extract.events.phrases import region_of, token_at
from entente.extract.events.triggers import Neighbours, Trigger, neighbours, sentence_triggers
from entente.extract.organisations import Organisation
from entente.extract.people import Person
from entente.extract.time import TimeExpr
from entente.records import CleanArticle


@dataclass
class ArticleContext:
    """The article whose events are read, with what the components before found in it."""

    doc: Doc
    article: CleanArticle | None
    published: str | None
    people: list[Person]
    index: PersonIndex
    times: list[TimeExpr]
    orgs: list[Organisation]
    text: str
    title_end: int  # where the article's own headline ends


def article_context(doc: Doc) -> ArticleContext:
    article = doc._.article
    people: list[Person] = doc._.people or []
    text = doc_text(doc)
    lead = len(text) - len(text.lstrip())
    title_end = text.find("\n", lead) if "\n" in text[lead:] else len(text)
    return ArticleContext(doc, article, article.published if article is not None else None, people,
                          PersonIndex(people), doc._.times or [], doc._.organisations or [], text, title_end)


@dataclass
class Memory:
    """What the sentences read so far leave for the next ones."""

    found: list[Found] = field(default_factory=list)
    alone: list[Found] = field(default_factory=list)  # acts of one state on no one named, placed once the article is read
    one_sided: list[Found] = field(default_factory=list)  # acts no pairing admits: kept when the article pairs no one
    last_agents: list[Agent] = field(default_factory=list)  # the states or groups that last acted: who a later "it" is
    last_subject: int | None = None  # who a later "he" or "his" is
    last_speaker: int | None = None  # who the last sentence's main clause is about, or quotes
    last_group: list[int] = field(default_factory=list)  # who met last: "both sides"
    # events a state did with no one named yet, by the state and the sentence: the spokesperson
    # quoted next ("China accused Manila ... | Spokesperson Mao Ning told a briefing ...") did them
    unvoiced: list[tuple[Found, str, int]] = field(default_factory=list)


@dataclass
class Sentence:
    """One sentence with its triggers, the part of it each trigger owns and the times it holds."""

    sent: Span
    number: int  # the sentence's number in the article
    triggers: list[tuple[Token, list[Trigger]]]
    trigger_ids: set[int]
    times: list[TimeExpr]
    speaker: int | None  # the person the sentence reports
    regions: dict[int, list[Token]]  # by trigger
    claimed: dict[int, set[int]]  # by trigger, the starts of the times its region holds
    near: Neighbours

    def others(self, tok: Token) -> set[int]:
        """The sentence's triggers but `tok`."""
        return self.trigger_ids - {tok.i}


def sentence_context(art: ArticleContext, number: int, sent: Span, last_subject: int | None) -> Sentence:
    triggers = sentence_triggers(sent)
    # a noun trigger inside another trigger's phrase ("visit ... talks") stays its own event
    trigger_ids = {t.i for t, _ in triggers}
    # a date in brackets glosses a name ("the 75th anniversary (January 30, 1950 - 2025)")
    times = [t for t in art.times if sent.start_char <= t.start < sent.end_char
             and not _in_brackets(art.text, sent.start_char, t.start)]
    regions = {tok.i: region_of(tok, trigger_ids - {tok.i}) for tok, _ in triggers}
    claimed = {tok_i: {t.start for t in times if token_at(art.doc, t.start) in {w.i for w in reg}}
               for tok_i, reg in regions.items()}
    return Sentence(sent, number, triggers, trigger_ids, times, speaker_of(sent, art.index, last_subject),
                    regions, claimed, neighbours(triggers))


def _in_brackets(text: str, start: int, offset: int) -> bool:
    before = text[start:offset]
    return before.count("(") > before.count(")")
