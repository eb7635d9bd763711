"""Finding arguments: who acts and who is acted upon in one trigger's event, people first (the
subject, the trigger's phrase, the speaker, a group named before), then the states,
organisations and groups where no person is named; and whether the sentence tells an event at all."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from entente.extract.agents import Agent, stateless_agents
from entente.extract.doctext import doc_text
from entente.extract.events.context import ArticleContext, Memory, Sentence
from entente.extract.events.persons import (
    GROUP_REFS,
    REPORTING_VERBS,
    group_of,
    institutions,
    main_subject,
    persons_in,
    verb_objects,
    visitor_of,
)
from entente.extract.events.phrases import definite, setting_verb, subjects_of, token_at
from entente.extract.events.states import (
    acting_states,
    between_states,
    stands_for_state,
    state_iso,
    state_subject,
    states_named,
)
from entente.extract.events.triggers import Trigger

TEMPORAL_PREPS = {"after", "before", "during", "following", "at", "ahead"}
SETTING_PREPS = {"in", "at", "during"}
ANSWERING_TYPES = {"REJECT", "ACCUSE"}
# what one side says and the other answers: "rejected the proposal" answers whoever made it just before
STATEMENT_NOUNS = {"proposal", "claim", "claims", "remark", "remarks", "comment", "comments", "statement",
                   "accusation", "allegation", "characterization", "characterisation", "offer", "demand",
                   "request", "suggestion", "assertion", "charge"}
# what a state or its forces do to another left unnamed in the sentence ("closed the border",
# "downed a drone", "deployed jets"); meetings and words need their other side named
ACTING_ALONE = {"SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "RETREAT", "AID", "THREATEN", "REJECT", "ACCUSE", "REQUEST", "PROTEST"}
SENTENCE_END = re.compile(r"[.!?][\"”’')]*(?:\s|$)")


@dataclass
class Parties:
    """The people taking part in one trigger's event, as the sentence names them."""

    subj_tokens: list[Token]  # the trigger's subject (or, passive, its agent)
    passive: bool
    subj: list[int]  # the people the subject names
    everyone: list[int]  # the people the trigger's phrase names
    visitor: int | None = None  # "visiting Russian Minister X"
    setting_times: set[int] = field(default_factory=set)  # "in a phone call last week": the call's time
    actors: list[int] = field(default_factory=list)
    targets: list[int] = field(default_factory=list)


def named_parties(tok: Token, region: list[Token], s: Sentence, art: ArticleContext, mem: Memory) -> Parties:
    """The people the trigger's subject and its phrase name, a group ('both sides') included."""
    subj_tokens, passive = subjects_of(tok, frozenset(s.others(tok)))
    subj = persons_in(subj_tokens, art.index, mem.last_subject)
    if not subj and not state_subject(subj_tokens) and not GROUP_REFS.search(" ".join(
            t.lower_ for t in subj_tokens)) and (reporter := _coordinated_report(tok)) is not None:
        # "X said that the text was agreed, and urged Baku to sign": X urged, the parser
        # hung "urged" on the reported clause
        subj_tokens = [t for c in reporter.children if c.dep_ == "nsubj" for t in c.subtree]
        subj = persons_in(subj_tokens, art.index, mem.last_subject)
    group_words = " ".join(t.lower_ for t in subj_tokens)
    if not subj and GROUP_REFS.search(group_words) and not institutions(subj_tokens):
        subj = group_of(group_words, art.index, tok.idx, mem.last_group)
    return Parties(subj_tokens, passive, subj, persons_in(region, art.index, mem.last_subject))


def further_mention(tok: Token, p: Parties, region: list[Token], s: Sentence, doc: Doc) -> bool:
    """'the trip', 'the talks' naming no one: a further mention of an event already read (unless
    the sentence dates it: 'the 50th anniversary of the establishment of ties')."""
    dated_apart = any(t.kind == "anniversary" or token_at(doc, t.start) in {w.i for w in region} for t in s.times)
    return tok.pos_ == "NOUN" and not p.subj and not p.everyone and definite(tok) and not dated_apart


def settle_parties(p: Parties, tok: Token, candidates: list[Trigger], s: Sentence, art: ArticleContext,
                   mem: Memory) -> None:
    """Set the actors and targets, from the sentence around the trigger where its phrase does not tell."""
    _from_the_clause(p, tok, s, art, mem)
    _without_the_speaker(p, tok, candidates, s, art)
    p.actors = list(dict.fromkeys(p.subj or []))
    p.targets = [i for i in dict.fromkeys(p.everyone) if i not in p.actors]
    if not p.targets and any(c.dep_ in ("dobj", "dative") and GROUP_REFS.search(
            " ".join(t.lower_ for t in c.subtree)) for c in tok.children):
        # "urged both sides to conclude an agreement": the two last seen together
        p.targets = [i for i in mem.last_group if i not in p.actors]
    if not p.targets and mem.last_speaker is not None and mem.last_speaker not in p.actors and \
            _refers_back(tok, candidates[0].type):
        # "Sheinbaum rejected that characterization": the previous sentence's speaker made it
        p.targets = [mem.last_speaker]
    if p.passive and not p.subj:
        p.actors, p.targets = p.targets[:1], p.targets[1:]


def _from_the_clause(p: Parties, tok: Token, s: Sentence, art: ArticleContext, mem: Memory) -> None:
    """People a noun trigger's clause names: the subject of 'signed a plan after talks', a visitor,
    the others at 'told Y in a meeting'."""
    sent = s.sent
    if tok.pos_ == "NOUN" and not p.subj and not p.everyone and tok.dep_ == "pobj" and \
            tok.head.lower_ in TEMPORAL_PREPS and sent.root.lemma_.lower() not in REPORTING_VERBS:
        # "signed a plan after talks at the Chancellery": the clause's subject held the talks
        p.subj = persons_in(main_subject(sent), art.index, mem.last_subject)
    p.visitor = visitor_of(tok, art.index)
    if p.visitor is not None:
        # "visiting Russian Minister X": X is the visitor, whoever the clause's subject is
        p.subj, p.everyone = [p.visitor], []
    elif tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ in SETTING_PREPS:
        # "X told Y in a meeting": the verb's other participants were at the meeting too
        setting = setting_verb(tok)
        p.everyone += persons_in(verb_objects(setting), art.index, mem.last_subject)
        p.setting_times = {t.i for c in setting.children if c.dep_ == "npadvmod" for t in c.subtree}


def _without_the_speaker(p: Parties, tok: Token, candidates: list[Trigger], s: Sentence, art: ArticleContext) -> None:
    """The person reporting takes no part, unless speaking for the state that acts or judging."""
    speaker, people = s.speaker, art.people
    if speaker is not None and speaker not in p.subj and tok.lemma_.lower() not in REPORTING_VERBS:
        # "Y met Z, X said": the one reporting takes no part, however the parser hangs X
        p.everyone = [i for i in p.everyone if i != speaker]
        state = state_iso(p.subj_tokens)
        if not p.subj and not _in_relative_clause(tok) and (state is None or people[speaker].country in (None, state)) and \
                any(t.ent_type_ == "NORP" or stands_for_state(t) for t in p.subj_tokens):
            # "Canada has expelled ..., Foreign Minister X said": the official speaks for the state
            p.subj = [speaker]
    if tok.pos_ == "ADJ" or (tok.dep_ == "attr" and candidates[0].type == "ACCUSE"):
        # "X said the remarks by Y were unacceptable", "... was a breach of its sovereignty":
        # a judgement is its speaker's, made of
        # what its clause is about; without a person speaking, of the state or body that says it
        p.everyone = [i for i in dict.fromkeys(p.subj + p.everyone) if i != speaker]
        p.subj = [speaker] if speaker is not None else []
        p.subj_tokens = [] if p.subj else main_subject(s.sent)


@dataclass
class States:
    """The states an event involves, and the states, organisations and groups acting and acted upon."""

    countries: set[str]
    agent_actors: list[Agent]
    agent_targets: list[Agent]
    lone: bool  # a state or group acting on no one the sentence names ("Kyrgyzstan closed the border")
    # told by no rule that pairs two sides (a state, body or group acting alone, a meeting of states
    # with no person named): an event of the article only when it tells of nothing between two sides
    one_sided: bool = False


def states_involved(tok: Token, trig: Trigger, mode: str | None, p: Parties, region: list[Token],
                    art: ArticleContext, mem: Memory) -> States | None:
    """The states of the event's people and phrase and its acting states; None when, without
    people, no state acts as subject and the sentence tells no event."""
    actors, targets, subj, subj_tokens = p.actors, p.targets, p.subj, p.subj_tokens
    countries = {c for i in actors + targets if (c := art.people[i].country)}
    # the states acting ("Japan pledged to provide ...") and those in the trigger's phrase
    countries |= states_named([*region, *(t for t in subj_tokens if not subj)])
    agent_actors, agent_targets = acting_states(tok, subj, subj_tokens, region, art.orgs, mem.last_agents)
    countries |= {a.country for a in agent_actors + agent_targets if a.country}
    # "relations between Seoul and Hanoi were established in 1992": the states undergo it
    undergoing = [t for c in tok.children if c.dep_ == "nsubjpass" for t in c.subtree] if p.passive else []
    lone = not actors and not targets and len(countries) == 1 and trig.type in ACTING_ALONE and \
        any(a.country for a in agent_actors)
    if not actors and not targets and not lone and (len(countries) < 2 or not (
            state_subject(subj_tokens or undergoing) or agent_actors or between_states(region))
                                       or (trig.type == "CONSULT" and mode != "multilateral")):
        # without people, only a state acting as subject makes an event ("China accused
        # Manila"); tourists visiting or an embargo in passing do not, nor a meeting of no one.
        # A state, body or group acting as subject still tells its own act, kept aside for an
        # article that pairs no one ("Police detained 40 protesters", "The World Bank approved a loan")
        acting = agent_actors or ([] if p.passive and not subj_tokens else stateless_agents(subj_tokens))
        if not (acting or state_subject(subj_tokens or undergoing)) or _stray_headline(tok, art.title_end):
            return None
        return States(countries, acting, agent_targets, False, one_sided=True)
    if not actors and not targets and _stray_headline(tok, art.title_end):
        # a headline other than the article's own ("Read more: X expels Y envoy") tells
        # another story; only people named there would tie it to this one
        return None
    return States(countries, agent_actors, agent_targets, lone)


def _refers_back(tok: Token, type_: str) -> bool:
    """A rejection or accusation aimed at 'that claim', 'these remarks': something said just before."""
    if type_ not in ANSWERING_TYPES:
        return False
    objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(d.dep_ == "det" and (d.lower_ in ("that", "this", "these", "those", "such") or (
        d.lower_ == "the" and o.lemma_.lower() in STATEMENT_NOUNS)) for o in objects for d in o.children)


def _coordinated_report(tok: Token) -> Token | None:
    """The reporting verb whose clause a coordinated verb was wrongly hung on: 'said that ... was
    agreed, and urged ...' parsed as 'was ... and urged'."""
    head = tok.head
    if tok.dep_ == "conj" and tok.pos_ == "VERB" and head.dep_ == "ccomp" and \
            head.head.lemma_.lower() in REPORTING_VERBS:
        return head.head
    return None


def _in_relative_clause(tok: Token) -> bool:
    """'Poland, which has supported Ukraine': a description of the state, not its act."""
    return any(t.dep_ == "relcl" for t in [tok, *tok.ancestors])


def _stray_headline(tok: Token, title_end: int) -> bool:
    """Whether the trigger stands on a line shaped as a headline (no closing punctuation) after the
    article's title: a teaser, a related story's link or a caption rather than the story's prose."""
    text = doc_text(tok.doc)
    start = text.rfind("\n", 0, tok.idx) + 1
    end = text.find("\n", tok.idx)
    line = text[start:end if end >= 0 else len(text)].strip()
    following = text[end + 1:end + 40].lstrip(" \t") if end >= 0 else ""
    # prose ends a sentence somewhere on its line ("... on July 18, 1977. – VNA"), or goes on from
    # a line a page wrapped (it or the next line starts in lower case); a headline does neither
    return start >= title_end and bool(line) and SENTENCE_END.search(line) is None \
        and not line[0].islower() and not following[:1].islower()
