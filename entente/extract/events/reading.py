"""Reading an article's events sentence by sentence, through the stages in order: triggers, their
arguments, their type, their attributes; then the mentions of one happening merged."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from entente.extract.events.arguments import Parties, States, further_mention, named_parties, settle_parties, states_involved
from entente.extract.events.attributes import place_of, place_the_days_news, visit_at_dateline, when
from entente.extract.events.classify import decide_type
from entente.extract.events.context import ArticleContext, Memory, Sentence, article_context, sentence_context
from entente.extract.events.found import Found
from entente.extract.events.learned import model_trigger, prefer, sentence_guesses
from entente.extract.events.merging import joins_earlier, lead_counterparts, merge, recalls, with_counterparts
from entente.extract.events.persons import hosts_of, main_subject, persons_in
from entente.extract.events.places import settle_places
from entente.extract.events.states import state_iso, voice
from entente.extract.events.triggers import Trigger, tells_no_event
from entente.extract.typemodel import TypeGuess


def find_events(doc: Doc) -> list[Found]:
    """Events sentence by sentence, then merged."""
    art = article_context(doc)
    mem = Memory()
    guesses = sentence_guesses(doc)
    for number, sent in enumerate(doc.sents):
        if sent.text.strip():
            _read_sentence(sentence_context(art, number, sent, mem.last_subject), art, mem, guesses.get(sent.start))
    # an article that tells of nothing between two sides (a one-sentence report, a domestic story)
    # reports its one-sided acts rather than none
    found = with_counterparts(mem.found, mem.alone) or sorted(mem.alone + mem.one_sided, key=lambda f: f.number)
    lead_counterparts(found, doc, art.index, art.published)
    place_the_days_news(found, art.article)
    merged = merge(found)
    settle_places(merged, doc, art.people)
    return merged


def _read_sentence(s: Sentence, art: ArticleContext, mem: Memory, guess: TypeGuess | None = None) -> None:
    if s.speaker is not None:
        voice(mem.unvoiced, s.speaker, art.people[s.speaker].country, s.number)
    subject_here = None
    before = len(mem.found) + len(mem.alone) + len(mem.one_sided)
    readings = [(tok, prefer(candidates, guess)) for tok, candidates in s.triggers]
    for tok, candidates in readings:
        subject = _take(tok, candidates, s, art, mem)
        subject_here = subject if subject is not None else subject_here
    if len(mem.found) + len(mem.alone) + len(mem.one_sided) == before and (learned := model_trigger(s, guess)) is not None:
        # the classifier is sure of an event the rules did not read: read it like their own
        subject = _take(learned[0], [learned[1]], s, art, mem)
        subject_here = subject if subject is not None else subject_here
    _follow_subject(s.sent, subject_here, art, mem)


def _take(tok: Token, candidates: list[Trigger], s: Sentence, art: ArticleContext, mem: Memory) -> int | None:
    """Read the event of one trigger into `mem`; the person who is its subject, if any."""
    read = _event(tok, candidates, s, art, mem)
    if read is None:
        return None
    f, parties, states = read
    if states.lone or states.one_sided:
        (mem.alone if states.lone else mem.one_sided).append(f)
        mem.last_agents = f.agent_actors or mem.last_agents
        return None
    visit_at_dateline(f, art.article, art.people)
    _remember(f, parties, s, mem)
    return parties.subj[0] if parties.subj else None


def _event(tok: Token, candidates: list[Trigger], s: Sentence, art: ArticleContext,
           mem: Memory) -> tuple[Found, Parties, States] | None:
    """The event one trigger tells, its parties, and the states it involves (whether one state acts
    alone in it, or it is one-sided); None when the trigger tells none, or one already read."""
    region = s.regions[tok.i]
    if tells_no_event(tok, candidates, s.near):
        return None
    parties = named_parties(tok, region, s, art, mem)
    if further_mention(tok, parties, region, s, art.doc) and joins_earlier(tok, candidates, s.sent, mem.found):
        return None
    settle_parties(parties, tok, candidates, s, art, mem)
    typed = decide_type(tok, candidates, parties.actors, parties.targets, art.index, region)
    if typed is None:
        return None
    trig, mode = typed
    if mode == "visit":
        parties.targets += [i for i in hosts_of(s.sent, art.index)
                            if i not in parties.actors and i not in parties.targets]
    at = when(tok, region, parties.setting_times, parties.visitor, s, art.doc, art.published)
    states = states_involved(tok, trig, mode, parties, region, art, mem)
    if states is None:
        return None
    f = Found(trig.type, mode, tok, parties.actors, parties.targets, at.status, at.date,
              place_of(region, trig.mode, tok), states.countries, [s.sent], at.defaulted, s.number, recalls(tok),
              states.agent_actors if not parties.actors else [], states.agent_targets if not parties.targets else [])
    return f, parties, states


def _remember(f: Found, parties: Parties, s: Sentence, mem: Memory) -> None:
    """Keep the event, and what later sentences may refer back to: its acting states ('it'), a
    state's act for its spokesperson to voice, the people who met ('both sides')."""
    mem.found.append(f)
    mem.last_agents = f.agent_actors or mem.last_agents
    if not f.actors and not parties.subj and (iso := state_iso(parties.subj_tokens)) is not None:
        mem.unvoiced.append((f, iso, s.number))
    if f.type == "CONSULT" and len(f.people) >= 2:
        mem.last_group = sorted(f.people)


def _follow_subject(sent: Span, subject_here: int | None, art: ArticleContext, mem: Memory) -> None:
    """Who a later 'he' or 'his' refers to: this sentence's subject, else its first person named;
    and whom its main clause is about."""
    index = art.index
    speakers = persons_in(main_subject(sent), index, mem.last_subject)
    mem.last_speaker = speakers[0] if speakers else mem.last_speaker
    if subject_here is not None:
        mem.last_subject = subject_here
    else:
        named = index.in_range(sent.start_char, sent.end_char)
        root_subj = [c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")]
        subj_people = persons_in([t for c in root_subj for t in c.subtree], index, mem.last_subject)
        if subj_people:
            mem.last_subject = subj_people[0]
        elif named:
            mem.last_subject = named[0]
