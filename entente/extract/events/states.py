"""Finding arguments, states: the states a phrase names (by name, demonym or capital), and the
states, organisations and groups acting or acted upon where no person is named."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from entente import gazetteer
from entente.extract.agents import Agent, agents_in, phrase_agents, state_of
from entente.extract.events.found import Found
from entente.extract.events.persons import main_subject
from entente.extract.organisations import Organisation
from entente.fold import key

# "voted against the US embargo", "amid Turkish strikes", "the row over Warsaw's ban": a stance,
# a setting or a cause, no act told here
OPPOSING_PREPS = {"against", "amid", "despite", "over"}
STATE_PRONOUNS = {"it", "they"}


def acting_states(tok: Token, subj: list[int], subj_tokens: list[Token], region: list[Token],
            orgs: list[Organisation], last: list[Agent]) -> tuple[list[Agent], list[Agent]]:
    """The states, organisations and groups acting (the subject's, or a noun trigger's own
    qualifier: 'Turkish air strikes', "Iraq's expulsion of") and acted upon (the rest of the
    trigger's phrase) when no person is the subject. A state named in the phrase that is the
    actors' own ('summoned Pakistan's ambassador to Afghanistan') is no target. `last` are the
    latest actors of this kind, which 'it' and 'they' stand for."""
    if subj:
        return [], []
    if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ in OPPOSING_PREPS:
        # only an actor the phrase names outright counts: "over the firing by Pakistani forces"
        subj_tokens = [t for c in tok.children if c.dep_ == "prep" and c.lower_ == "by"
                       for p in c.children if p.dep_ == "pobj" for t in p.subtree]
        if not subj_tokens:
            return [], []
    if subj_tokens and all(t.tag_ in ("WDT", "WP") for t in subj_tokens):
        # "jets, which the command said had destroyed a brigade": the noun the clause describes
        clause = next((a for a in tok.ancestors if a.dep_ == "relcl"), None)
        if clause is not None:
            subj_tokens = [t for c in [clause.head] for t in c.subtree if t.i < clause.i and t.i >= c.left_edge.i
                           and t.text != ","]
    actors = phrase_agents(subj_tokens, orgs)
    if not actors and tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.dep_ == "dobj":
        # "sent a note of protest", "lodged a letter of complaint": the verb's subject
        verb = tok.head.head.head
        actors = phrase_agents([t for c in verb.children if c.dep_ == "nsubj" for t in c.subtree], orgs)
    if not actors and tok.pos_ == "NOUN":
        # "attacks carried out by Tehran", "strikes launched by Turkish jets"
        acting = [a for c in tok.children if c.dep_ == "acl" for a in c.children if a.dep_ == "agent"]
        actors = phrase_agents([t for a in acting for p in a.children if p.dep_ == "pobj" for t in p.subtree], orgs)
    if not actors and subj_tokens and all(t.lower_ in STATE_PRONOUNS for t in subj_tokens):
        # "Algeria said it had downed a drone": the state the sentence is about
        main = [t for t in main_subject(tok.sent) if t.i not in {s.i for s in subj_tokens}]
        actors = phrase_agents(main, orgs) or list(last)
    owner: list[Token] = []
    if not actors and tok.dep_ == "acl" and tok.head.pos_ == "NOUN":
        # "Algeria's decision to recall its ambassadors": whose decision, theirs the act
        owner = [t for c in tok.head.children if c.dep_ == "poss" for t in c.subtree]
        actors = agents_in(owner, orgs)
    if not actors and tok.pos_ == "NOUN":
        owner = [t for c in tok.children if c.dep_ in ("amod", "compound", "poss") and c.i < tok.i for t in c.subtree]
        actors = agents_in(owner, orgs) or [
            Agent(gazetteer.load().countries[iso].name, "GPE", iso, "GOV", t.idx, t.idx + len(t))
            for t in owner if t.pos_ == "ADJ" and (iso := state_of(t)) is not None][:1]
    taken = {t.i for t in subj_tokens} | {t.i for t in owner}
    own = {a.country for a in actors}
    targets = [a for a in agents_in([t for t in region if t.i not in taken], orgs)
               if a.country not in own and a.name not in {b.name for b in actors}]
    return actors, targets


@lru_cache(maxsize=1)
def _capitals() -> frozenset[str]:
    return frozenset(key(c.capital) for c in gazetteer.load().countries.values() if c.capital)


def stands_for_state(t: Token) -> bool:
    """A country, its capital ('Moscow said') or an organisation naming a government."""
    return t.ent_type_ in ("GPE", "ORG") or (t.pos_ == "PROPN" and (
        gazetteer.load().country_of(t.text) is not None or key(t.text) in _capitals()))


def states_named(tokens: list[Token]) -> set[str]:
    """The states some tokens name: by a country's name or demonym ('Japan', 'Ukrainian', 'New
    Zealand', 'the United States'), or by its capital standing for its government ('urged Manila
    to stop', 'if Kyiv escalated')."""
    gaz = gazetteer.load()
    found: set[str] = set()
    for t in tokens:
        if t.pos_ in ("PROPN", "ADJ") and (iso := gaz.country_of(t.text)):
            found.add(iso)
        elif t.pos_ == "PROPN" and key(t.text) in _capitals() and (city := gaz.city(t.text)) is not None:
            found.add(city.country)
    # names of more than one word are one entity to spaCy: read from its first token on
    ids = {t.i for t in tokens}
    for t in tokens:
        if t.ent_iob_ == "B" and t.ent_type_ in ("GPE", "NORP"):
            end = t.i + 1
            while end < len(t.doc) and t.doc[end].ent_iob_ == "I":
                end += 1
            if end - t.i > 1 and all(i in ids for i in range(t.i, end)) and (
                    iso := gaz.country_of(t.doc[t.i:end].text)):
                found.add(iso)
    return found


def state_iso(tokens: list[Token]) -> str | None:
    """The country a subject names: 'China', 'Beijing', 'the Chinese side'."""
    gaz = gazetteer.load()
    for t in tokens:
        if t.pos_ in ("PROPN", "ADJ") and (iso := gaz.country_of(t.text)):
            return iso
        if t.pos_ == "PROPN" and key(t.text) in _capitals() and (city := gaz.city(t.text)) is not None:
            return city.country
    return None


def between_states(region: list[Token]) -> bool:
    """'the establishment of diplomatic ties between China and Brazil': the phrase names both states."""
    return any(t.lower_ == "between" and t.dep_ == "prep" and
               sum(stands_for_state(w) for w in t.subtree) >= 2 for t in region)


def state_subject(tokens: list[Token]) -> bool:
    return any(stands_for_state(t) for t in tokens)


def voice(unvoiced: list[tuple[Found, str, int]], speaker: int, country: str | None, number: int) -> None:
    """Credit a state's recent unvoiced acts to its official who speaks within two sentences."""
    for item in list(unvoiced):
        f, iso, at = item
        if number - at > 2:
            unvoiced.remove(item)
        elif country == iso and number > at:
            f.actors, f.agent_actors = [speaker], []  # the official speaks for the state
            f.targets = [i for i in f.targets if i != speaker]
            unvoiced.remove(item)
