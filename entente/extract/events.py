"""Events: what happened between the countries, typed in PLOVER, with actors, targets, status,
date, place and evidence, read from the dependency parse around each trigger.

The trigger lexicon is data (entente/data/triggers.json). For each trigger the component finds
its participants in the trigger's own part of the sentence (its subtree, its subject, the agent
of a passive, the subject of a light verb as in "held talks"), resolves pronouns and
descriptions ("the Russian leader") to people named earlier, then merges the mentions of one
happening into one event with several evidence sentences.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from entente import gazetteer
from entente.extract.agents import Agent, agents_in, phrase_agents, state_of
from entente.extract.component import component
from entente.extract.doctext import doc_text
from entente.extract.organisations import Organisation
from entente.extract.people import Person
from entente.extract.quantities import evidence
from entente.extract.time import TimeExpr
from entente.fold import ascii_name, key
from entente.records import CleanArticle, Event

PRONOUNS = {"he", "she", "him", "her", "his"}
MODAL_DEPS = {"aux", "auxpass", "neg", "advmod", "amod", "det", "prt", "mark", "npadvmod"}
TEMPORAL_PREPS = {"after", "before", "during", "following", "at", "ahead"}
REPORTING_VERBS = {"say", "stress", "note", "tell", "add", "emphasise", "emphasize", "highlight", "value", "affirm",
                   "state", "believe", "express", "mention", "point", "underline", "underscore", "recall", "insist"}
GENERIC_NOUNS = {"meeting", "visit", "discussion", "call", "summit", "trip", "exchange", "contact"}
HELD_VERBS = {"hold", "convene", "organise", "organize", "take", "co-chair", "chair", "host", "conduct", "open"}
SEQUENCE_VERBS = {"follow", "precede"}
ACCEPTING_VERBS = {"accept", "receive"}
ANSWERING_TYPES = {"REJECT", "ACCUSE"}
SETTING_PREPS = {"in", "at", "during"}
# "voted against the US embargo", "amid Turkish strikes", "the row over Warsaw's ban": a stance,
# a setting or a cause, no act told here
OPPOSING_PREPS = {"against", "amid", "despite", "over"}
STATE_PRONOUNS = {"it", "they"}
SENTENCE_END = re.compile(r"[.!?][\"”’')]*(?:\s|$)")
# what a state or its forces do to another left unnamed in the sentence ("closed the border",
# "downed a drone", "deployed jets"); meetings and words need their other side named
ACTING_ALONE = {"SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "RETREAT", "AID", "THREATEN", "REJECT", "ACCUSE", "REQUEST", "PROTEST"}
# bodies that "the two ..." may name without meaning the two people last named ("the two countries"
# stands for their leaders, "the two countries' ministries" does not)
# what one side says and the other answers: "rejected the proposal" answers whoever made it just before
STATEMENT_NOUNS = {"proposal", "claim", "claims", "remark", "remarks", "comment", "comments", "statement",
                   "accusation", "allegation", "characterization", "characterisation", "offer", "demand",
                   "request", "suggestion", "assertion", "charge"}
RECALLED_NOUNS = {"agreement", "deal", "pact", "accord", "memorandum", "treaty", "declaration", "document",
                  "contract", "protocol", "mou", "roadmap", "plan", "partnership"}
INSTITUTION_NOUNS = {"ministry", "parliament", "army", "company", "agency", "institution", "economy", "firm"}
PLEDGING_VERBS = {"pledge", "promise", "vow", "offer", "undertake"}
PHONE_WORDS = {"phone", "telephone", "video", "videoconference", "virtual", "virtually", "online", "videolink"}
# links along which a governing word's tense or modality carries down to the trigger
GOVERNING_DEPS = {"xcomp", "dobj", "pobj", "prep", "attr", "acomp", "nsubj", "nsubjpass", "compound", "amod", "conj",
                  "acl", "agent", "advcl"}
GROUP_REFS = re.compile(r"\b(?:they|both sides|the two|both|host and guest|the leaders|the ministers)\b", re.I)
# what "the two ministers", "both presidents" can refer to, by the roles the people hold
GROUP_ROLES = {"foreign ministers": ("foreign", "external affairs"), "defence ministers": ("defence", "defense"),
               "prime ministers": ("prime minister", "premier"), "ministers": ("minister",),
               "presidents": ("president",), "leaders": ("president", "prime minister", "secretary", "chancellor",
                                                          "king", "emir", "prince", "premier", "chairman")}


@dataclass(frozen=True)
class Trigger:
    lemma: str
    type: str
    mode: str | None
    pos: str | None
    with_: tuple[str, ...]
    needs_person: int
    needs_person_object: bool
    needs_no_infinitive: bool = False
    with_in_phrase: bool = False
    no_person_object: bool = False
    with_in_object: bool = False


@dataclass(frozen=True)
class Lexicon:
    triggers: dict[str, tuple[Trigger, ...]]
    light_verbs: frozenset[str]
    planned: tuple[str, ...]
    proposed: tuple[str, ...]
    negation: tuple[str, ...]
    consult_modes: dict[str, str] = field(default_factory=dict)
    aid_modes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    hypothetical: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = json.loads(resources.files("entente.data").joinpath("triggers.json").read_text(encoding="utf-8"))
    # the triggers generated from the field's verb dictionary come after the hand-kept ones
    generated = json.loads(resources.files("entente.data").joinpath("triggers_cameo.json").read_text(encoding="utf-8"))
    by_lemma: dict[str, list[tuple[bool, Trigger]]] = {}  # (generated, entry)
    hand = len(data["triggers"])
    for n, t in enumerate(data["triggers"] + generated["triggers"]):
        trig = Trigger(t["lemma"], t["type"], t.get("mode"), t.get("pos"), tuple(t.get("with", ())),
                       int(t.get("needs_person", 0)), bool(t.get("needs_person_object", False)),
                       bool(t.get("needs_no_infinitive", False)), bool(t.get("with_in_phrase", False)),
                       bool(t.get("no_person_object", False)), bool(t.get("with_in_object", False)))
        by_lemma.setdefault(t["lemma"], []).append((n >= hand, trig))
    # the hand-kept entries first, and in each file an entry that wants words near it before a bare
    # one: "withdrew its ambassador" is a sanction before "withdrew" is a retreat (a stable sort
    # keeps each file's order among equals)
    ordered = {k: [t for _g, t in sorted(v, key=lambda gt: (gt[0], not gt[1].with_))] for k, v in by_lemma.items()}
    return Lexicon({k: tuple(v) for k, v in ordered.items()}, frozenset(data["light_verbs"]),
                   tuple(data["planned_cues"]), tuple(data["proposed_cues"]), tuple(data["negation_cues"]),
                   dict(data.get("consult_mode_modifiers", {})),
                   {mode: tuple(words) for mode, words in data.get("aid_modes", {}).items()},
                   tuple(data.get("hypothetical_cues", ())))


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


def match_triggers(tok: Token) -> list[Trigger]:
    """The lexicon entries `tok` may realise, in lexicon order, checking part of speech and
    required neighbours; the first whose participants fit is used."""
    lex = lexicon()
    lemma = tok.lemma_.lower()
    found: list[Trigger] = []
    if lemma == "ask" and tok.tag_ == "VBN" and not any(c.dep_.startswith("nsubj") for c in tok.children):
        return found  # "Asked whether ...": a journalist's question, not a request
    for cand in lex.triggers.get(lemma, ()) + lex.triggers.get(tok.lower_, ()):
        if cand.pos and tok.pos_ != cand.pos and not (cand.pos == "VERB" and tok.pos_ == "AUX"):
            continue
        if cand.with_ and cand.with_in_object:
            # "recalled its ambassador", "closed the border to": a word of the verb's objects
            if not {t.lemma_.lower() for t in _objects(tok)} & set(cand.with_):
                continue
        elif cand.with_:
            near = {t.lemma_.lower() for t in tok.children} | {t.lower_ for t in tok.children}
            near |= {g.lemma_.lower() for c in tok.children if c.dep_ in ("prep", "agent") for g in c.children}
            near |= {tok.head.lemma_.lower()} | {t.lower_ for t in tok.doc[max(0, tok.i - 3):tok.i + 4]}
            near |= {t.lemma_.lower() for t in tok.head.children}
            if cand.with_in_phrase:  # "provide the navy with coastal radar systems"
                near |= {t.lemma_.lower() for t in tok.subtree if t.i - tok.i <= 12}
            if not near & set(cand.with_):
                continue
        found.append(cand)
    return found


def _objects(tok: Token) -> list[Token]:
    """The words of a verb's objects and prepositional phrases, up to 12 tokens after it."""
    return [t for c in tok.children if c.dep_ in ("dobj", "dative", "prep", "xcomp", "prt", "attr", "oprd")
            and c.i > tok.i for t in c.subtree if t.i - tok.i <= 12]


def _consult_mode(tok: Token, trig: Trigger, index: PersonIndex) -> str | None:
    """A meeting's mode, refined by its words: 'a phone call' is a call, 'a trilateral meeting'
    multilateral, 'a summit with X' or 'a bilateral summit' a meeting of two."""
    if trig.mode == "meet" and _by_phone(tok):
        return "call"
    modifiers = lexicon().consult_modes
    said = [modifiers[c.lower_] for c in tok.children if c.dep_ in ("amod", "compound") and c.lower_ in modifiers]
    if said and trig.mode in ("meet", "multilateral", "call"):  # "a courtesy call on X" is a meeting
        return said[0]
    if trig.mode == "multilateral" and tok.pos_ == "NOUN" and any(
            c.dep_ == "prep" and c.lower_ == "with" and any(index.at(w) is not None for w in c.subtree)
            for c in tok.children):
        return "meet"
    return trig.mode


def _aid_mode(region: list[Token]) -> str | None:
    """What kind of aid: the first of humanitarian, military, economic whose words the phrase has."""
    words = {t.lemma_.lower() for t in region} | {t.lower_ for t in region}
    return next((mode for mode, cues in lexicon().aid_modes.items() if words & set(cues)), None)


def _pledging_aid(tok: Token, candidates: list[Trigger], aid_ids: set[int]) -> bool:
    """'Japan pledged to provide radars': the pledge is the aid, not an agreement of its own."""
    return candidates[0].type == "AGREE" and any(c.dep_ == "xcomp" and c.i in aid_ids for c in tok.children)


def _threatened(tok: Token, threat_ids: set[int]) -> bool:
    """'threatened to impose tariffs': the sanction is what is threatened, not an event of its own."""
    verb = tok.head if tok.pos_ == "NOUN" and tok.dep_ == "dobj" else tok
    return verb.dep_ == "xcomp" and verb.head.i in threat_ids


def _purpose_of_summons(tok: Token, summons_ids: set[int]) -> bool:
    """'summoned the envoy to protest', '... to lodge a complaint': the summons is the protest."""
    return tok.dep_ in ("advcl", "xcomp") and tok.head.i in summons_ids and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _in_protest(tok: Token) -> bool:
    """'recalled their ambassadors in protest of the incident': why they acted, no protest of its own."""
    return tok.lemma_.lower() == "protest" and tok.dep_ == "pobj" and tok.head.lower_ == "in"


def _signing_named_text(tok: Token, candidates: list[Trigger], agreement_ids: set[int]) -> bool:
    """'signed a joint declaration': one agreement, told by its text ('declaration', 'treaty'),
    not a second one for the verb."""
    return candidates[0].type == "AGREE" and tok.pos_ == "VERB" and any(
        c.dep_ == "dobj" and c.i in agreement_ids for c in tok.children)


def _fits(trig: Trigger, tok: Token, actors: list[int], targets: list[int], index: PersonIndex) -> bool:
    """Whether the participants found suit the entry: 'called on PM Modi' is a meeting,
    'called on Tokyo to act' a request, 'welcomed Albanese' a greeting rather than support."""
    if trig.needs_person_object and not targets:
        return False
    if trig.no_person_object and any(c.dep_ in ("dobj", "nsubjpass") and index.at(c) is not None
                                     for c in tok.children):
        return False
    if trig.needs_no_infinitive and any(c.dep_ in ("xcomp", "ccomp") for c in tok.children):
        return False
    return len(actors) + len(targets) >= trig.needs_person


def _by_phone(tok: Token) -> bool:
    """'phone talks', 'spoke by telephone', 'held a video call': a call, not a meeting."""
    window = tok.doc[max(tok.sent.start, tok.i - 3):min(tok.sent.end, tok.i + 5)]
    return any(t.lower_ in PHONE_WORDS for t in [*tok.children, *window])


class PersonIndex:
    """Which person a character offset belongs to, and who was named most recently. Lookups bisect
    the mentions sorted by offset, so a long article costs no more per lookup than a short one."""

    def __init__(self, people: list[Person]) -> None:
        self.people = people
        self.spans = sorted((s, e, i) for i, p in enumerate(people) for s, e in p.mentions)
        self._starts = [s for s, _e, _i in self.spans]
        self._longest = max((e - s for s, e, _i in self.spans), default=0)
        self._at: dict[int, int | None] = {}  # asked for the same tokens many times per sentence

    def at(self, tok: Token) -> int | None:
        """The person of the first mention (by offset) that holds the token's first character."""
        idx = tok.idx
        if idx not in self._at:
            # only a mention starting less than the longest mention's length before can hold it
            lo = bisect_left(self._starts, idx - self._longest + 1)
            hi = bisect_right(self._starts, idx)
            self._at[idx] = next((i for s, e, i in self.spans[lo:hi] if s <= idx < e), None)
        return self._at[idx]

    def in_range(self, start: int, end: int) -> list[int]:
        """The people of the mentions starting in [start, end), in order of offset."""
        return [i for _s, _e, i in self.spans[bisect_left(self._starts, start):bisect_left(self._starts, end)]]

    def last_before(self, offset: int, pred: Callable[[int], bool] = lambda i: True) -> int | None:
        """The person of the latest mention starting before `offset` for whom `pred` holds."""
        for _s, _e, i in reversed(self.spans[:bisect_left(self._starts, offset)]):
            if pred(i):
                return i
        return None


def _descriptor_person(tok: Token, index: PersonIndex) -> int | None:
    """'the Russian leader', 'the diplomat', 'the Vietnamese Government leader' -> a person."""
    gaz = gazetteer.load()
    descriptors = gaz.titles["descriptors"]
    if tok.pos_ not in ("NOUN", "PROPN") or not any(c.lower_ in ("the", "his", "her") for c in tok.children):
        return None
    if any(index.at(t) is not None for t in tok.subtree) or any(index.at(t) is not None for t in tok.head.subtree
                                                               if tok.dep_ in ("compound", "appos")):
        return None  # "his counterpart Mykola Solskyi" names its person
    country = None
    for t in tok.subtree:
        if t.i < tok.i:
            country = country or gaz.country_of(t.text)
    compound = " ".join([c.lower_ for c in tok.children if c.dep_ == "compound" and c.i < tok.i] + [tok.lower_])
    by_lower = {k.lower(): k for k in descriptors}
    head = next((by_lower[k] for k in (compound, tok.lower_) if k in by_lower), None)
    if head is None:
        return None
    roles = descriptors[head]

    def fits(i: int) -> bool:
        p = index.people[i]
        if country and p.country != country:
            return False
        if roles and not any(_role_is(pr, r) for r in roles for pr in p.roles):
            return False
        return bool(roles) or country is not None

    return index.last_before(tok.idx, fits)


def _role_is(held: str, wanted: str) -> bool:
    """'Prime Minister of Japan' is a Prime Minister; 'Deputy Prime Minister' is not."""
    h, w = key(held), key(wanted)
    return h == w or h.startswith(w + " of ") or h.startswith(w + " for ") or (
        w == "minister" and h.endswith(" minister") and not h.startswith(("deputy", "vice")))


def _antecedent(pron: Token, index: PersonIndex, last_subject: int | None) -> int | None:
    """Who 'his' means: the subject of its clause when that is a person; else the nearest person
    named or described before it in its sentence; else the subject of the sentences before."""
    verb = next((a for a in pron.ancestors if a.pos_ in ("VERB", "AUX")), None)
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < pron.i), None) \
        if verb is not None else None
    for t in reversed(pron.doc[pron.sent.start:pron.i]):
        if subject is not None and t.i == subject.i:
            if t.lower_ in ("he", "she"):
                return last_subject
            if (i := index.at(t)) is not None:
                return i
        i = index.at(t)
        if i is None:
            i = _descriptor_person(t, index)
        if i is None:
            continue
        # the verb's own object ("He informed PM X about his talks") does not own the pronoun
        if verb is not None and _object_of(t, verb):
            continue
        return i
    return last_subject


def _object_of(tok: Token, verb: Token) -> bool:
    head = tok
    while head.dep_ in ("compound", "flat", "appos", "amod") and head.head.i != head.i:
        head = head.head
    if head.dep_ in ("dobj", "dative") and head.head.i == verb.i:
        return True
    return head.dep_ == "pobj" and head.head.head.i == verb.i


def _names_its_own(pron: Token, index: PersonIndex) -> bool:
    """'his counterpart Mykola Solskyi': the possessor of a named person takes no part through him."""
    named = [t for c in pron.head.children if c.dep_ in ("appos", "compound") for t in c.subtree]
    return pron.dep_ == "poss" and any(index.at(t) is not None for t in [pron.head, *named])


def _persons_in(tokens: list[Token], index: PersonIndex, last_subject: int | None,
                quoting: frozenset[int] = frozenset()) -> list[int]:
    """The people `tokens` name, by mention, pronoun or description, in order of first mention.
    `quoting` holds the sentences (by first token) whose speaker is being looked up: a first
    person met there again ('I said', 'my colleague and I noted') cannot tell who speaks."""
    found: list[int] = []
    for t in tokens:
        i = index.at(t)
        # "HE Prime Minister ...": His Excellency, not a pronoun
        if i is None and t.lower_ in PRONOUNS and t.pos_ == "PRON" and not t.text.isupper() and \
                not _names_its_own(t, index):
            i = _antecedent(t, index, last_subject)
        if i is None and t.lower_ in ("i", "me", "my") and t.pos_ == "PRON":
            # a quote's first person is its speaker: '"... my visit ...," Putin pointed out'
            sent = t.sent
            speakers = _persons_in(_main_subject(sent), index, last_subject, quoting | {sent.start}) \
                if sent.root.lemma_.lower() in REPORTING_VERBS and sent.start not in quoting else []
            i = speakers[0] if speakers else last_subject
        if i is None:
            i = _descriptor_person(t, index)
        if i is not None and i not in found:
            found.append(i)
    return found


def _relative_start(trigger: Token) -> int:
    """Where a non-restrictive relative clause after the trigger begins (', which ...',
    ', with whom ...'), else the sentence's end: what follows describes someone else's doings,
    even where the parser attaches it to the trigger."""
    sent = trigger.sent
    for t in trigger.doc[trigger.i + 1:sent.end]:
        if t.tag_ in ("WDT", "WP", "WP$") and t.lower_ != "what" and t.i >= 2:
            before = t.doc[t.i - 1]
            if before.text == "," or (before.pos_ == "ADP" and t.doc[t.i - 2].text == ","):
                return before.i if before.text != "," else t.i
    return sent.end


def _region(trigger: Token, others: set[int]) -> list[Token]:
    """The trigger's own part of the sentence: its subtree, without coordinated parts that hold
    another trigger, nor a relative clause that follows it."""
    skip: set[int] = set(range(_relative_start(trigger), trigger.sent.end))
    for child in trigger.children:
        if child.dep_ in ("conj", "appos", "advcl", "ccomp", "relcl") and any(
                t.i in others for t in child.subtree):
            skip |= {t.i for t in child.subtree}
    tokens = [t for t in trigger.subtree if t.i not in skip]
    head = trigger.head
    if trigger.dep_ in ("nsubjpass", "nsubj") and head.lemma_.lower() in HELD_VERBS:
        # "a meeting was held in Moscow under the chair of X and Y": the verb's phrase is the event's
        tokens += [t for c in head.children if c.i != trigger.i and c.dep_ in ("prep", "agent", "advmod", "npadvmod")
                   for t in c.subtree if t.i not in others]
    return tokens


def _verb_modifiers(trigger: Token, others: set[int]) -> list[Token]:
    """'would impose the tariffs on his first day in office': the time and place a noun trigger's
    verb takes after it. They date the trigger without keeping them from other events."""
    head = trigger.head
    if trigger.dep_ != "dobj" or head.i in others or head.pos_ != "VERB":
        return []
    end = _relative_start(trigger)
    return [t for c in head.children if c.dep_ in ("prep", "npadvmod") and trigger.i < c.i < end
            for t in c.subtree if t.i not in others]


def _setting_verb(trigger: Token) -> Token:
    """The verb a setting ('in a phone call') belongs to, even where the parser hangs it on a noun:
    'congratulated X on his victory in a phone call'."""
    head = trigger.head.head
    for _ in range(3):
        if head.pos_ in ("VERB", "AUX") or head.dep_ not in ("pobj", "dobj", "prep") or head.head.i == head.i:
            break
        head = head.head
    return head


def _subjects(trigger: Token, others: frozenset[int] = frozenset()) -> tuple[list[Token], bool]:
    """Tokens of the trigger's subject (or a light verb's, for 'held talks'), and whether the
    construction is passive (then the agent, 'by X', is the actor). `others` are the sentence's
    other triggers: 'rejected Egypt's accusations' is Egypt's accusation, not Ethiopia's."""
    verb = trigger
    if trigger.dep_ == "dobj" and trigger.head.i in others and not any(
            t.type == "AGREE" for t in match_triggers(trigger.head)):  # "signed a declaration" is one act
        return [t for c in trigger.children if c.dep_ == "poss" for t in c.subtree], False
    if trigger.pos_ == "NOUN" and (trigger.dep_ in ("dobj", "nsubjpass", "attr") or (
            trigger.dep_ == "pobj" and trigger.head.lower_ in ("on", "for", "in", "into", "at", "during"))):
        # "held talks", "was on a visit", "went into talks": the verb's subject takes part
        head = trigger.head if trigger.dep_ != "pobj" else _setting_verb(trigger)
        if head.lemma_.lower() in lexicon().light_verbs or head.pos_ in ("VERB", "AUX"):
            verb = head
    elif trigger.dep_ == "acl" and trigger.head.lemma_.lower() == "invitation" and \
            trigger.head.head.lemma_.lower() in ACCEPTING_VERBS:
        # "X accepted an invitation to visit Y": X is the visitor
        verb = trigger.head.head
    elif trigger.dep_ == "pobj" and trigger.head.dep_ == "agent" and trigger.head.head.lemma_.lower() in SEQUENCE_VERBS:
        # "talks with Biden, followed by a trilateral meeting with Biden and Ishiba": same subject
        verb = trigger.head.head
    own = verb
    while True:
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj or verb.dep_ not in ("conj", "xcomp", "advcl", "acomp") or verb.head.i == verb.i:
            break
        controller = [c for c in verb.head.children if c.dep_ == "dobj" and any(
            t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "GPE", "NORP") for t in c.subtree)] \
            if verb.dep_ == "xcomp" else []  # not "took the occasion to ask"
        if controller:
            # "invited King Mohammed VI to visit Paris": the one invited visits
            return [t for c in controller for t in c.subtree], False
        verb = verb.head
    # the voice is the trigger's own verb's: "Yoon is expected to hold talks" is active
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in own.children) or (
        own.tag_ == "VBN" and own.lemma_ not in SEQUENCE_VERBS and any(c.dep_ == "agent" for c in own.children))
    tokens = [t for s in subj for t in s.subtree]
    if verb.dep_ == "relcl" and tokens and all(t.tag_ in ("WP", "WDT") for t in tokens):
        # "Fidan, who was on a visit to Athens": the relative pronoun stands for the noun it follows
        tokens = [verb.head]
    agents = [t for c in verb.children if c.dep_ == "agent" for t in _agent_list(c)]
    if trigger.pos_ == "NOUN":
        agents += [t for c in trigger.children if c.dep_ == "prep" and c.lower_ == "by" for t in c.subtree]
        agents += [t for c in trigger.children if c.dep_ == "poss" for t in c.subtree]
    if passive or (trigger.pos_ == "NOUN" and agents):
        return agents, True
    return tokens, False


def _agent_list(agent: Token) -> list[Token]:
    """'signed by X, then Indonesia's minister, and Y': the agent and the names listed after it,
    which the parser often hangs elsewhere, up to the next verb or clause."""
    tokens = list(agent.subtree)
    for t in agent.doc[max(t.i for t in tokens) + 1:agent.sent.end]:
        if t.pos_ in ("VERB", "AUX") or t.tag_ in ("WDT", "WP", "WP$") or t.text in (";", ".", ":"):
            break
        tokens.append(t)
    return tokens


def _cued(cues: tuple[str, ...], words: set[str], context: str) -> bool:
    """True when a one-word cue is among `words` or a longer cue occurs in `context`."""
    return any(c in words if " " not in c else re.search(rf"\b{re.escape(c)}\b", context) is not None
               for c in cues)


def _status(trigger: Token, sent: Span, date: TimeExpr | None, published: str | None) -> str:
    """done, planned, proposed, negated or historical, from the words that govern the trigger."""
    lex = lexicon()
    chain = [trigger]
    while chain[-1].dep_ in GOVERNING_DEPS and chain[-1].head.i != chain[-1].i and len(chain) < 6:
        chain.append(chain[-1].head)
    # modality lives in auxiliaries and modifiers, not in objects ("rejected plans to build")
    words = {c.lower_ for t in chain for c in t.children if c.dep_ in MODAL_DEPS} | {t.lower_ for t in chain}
    words |= {t.lemma_.lower() for t in chain}
    left = " ".join(t.lower_ for t in sent.doc[max(sent.start, trigger.i - 8):trigger.i + 1])
    if any(c.dep_ == "neg" for t in chain[:2] for c in t.children) or _cued(lex.negation, words - {"no"}, left):
        return "negated"
    if _cued(lex.hypothetical, words, left):
        return "hypothetical"  # "Xi could visit Russia next year if the situation allows"
    if _cued(lex.planned, words, left):
        return "planned"
    if trigger.dep_ == "ccomp" and trigger.head.lemma_.lower() in lex.proposed + ("propose", "suggest"):
        return "proposed"  # "proposed that the ministries meet this week"
    # "proposed to X in a phone call that ...": the call is where it was proposed, and took place
    setting = trigger.dep_ == "pobj" and trigger.head.lower_ in SETTING_PREPS
    proposing = set() if setting else {t.lemma_.lower() for t in chain[1:]}
    own = {trigger.lower_, trigger.lemma_.lower()}  # "urged" is a request, not a proposed one
    if not setting and _cued(lex.proposed, proposing | (words - own), left) and \
            trigger.lemma_.lower() not in ("propose", "suggest"):
        return "proposed"
    if date and date.value and published and re.match(r"\d{4}", published) and re.match(r"\d{4}", date.value):
        if int(date.value[:4]) < int(published[:4]) - 1:
            return "historical"
    return "done"


def _date(region_times: list[TimeExpr], free_times: list[TimeExpr], trigger: Token) -> TimeExpr | None:
    """A time in the trigger's own phrase first; else one of the sentence's times that no other
    event's phrase holds, since one time usually dates a whole sentence of wire copy."""
    pool = region_times or free_times
    if not pool:
        return None
    return min(pool, key=lambda t: abs(t.start - trigger.idx))


def _location(region: list[Token], mode: str | None, trigger: Token) -> str | None:
    """Where the event took place: the first place after 'in' or 'to' in its phrase, or the place a
    visit verb takes as its object ('will visit Suva', 'visited Hanoi')."""
    gaz = gazetteer.load()
    for t in region:
        if t.lower_ in ("in", "to") and t.dep_ == "prep":
            obj = [c for c in t.children if c.dep_ == "pobj"]
            if not obj:
                continue
            o = obj[0]
        elif mode == "visit" and t.dep_ == "dobj" and t.head.i == trigger.i:
            o = t
        else:
            continue
        words = [w for w in o.subtree if w.i <= o.i and w.pos_ == "PROPN"]
        text = " ".join(w.text for w in words)
        capital = re.fullmatch(r"(\w[\w ]*?) capital", " ".join(w.text for w in o.subtree if w.i <= o.i
                                                             and w.lower_ != "the"))
        if capital and (iso := gaz.country_of(capital.group(1))) and gaz.countries[iso].capital:
            return gaz.countries[iso].capital
        # a city first: capitals double as names of their country ("Beijing said")
        city = gaz.city(text)
        if city:
            return city.name
        iso = gaz.country_of(text)
        if iso:
            return gaz.countries[iso].name
    return None


def _in_other_clause(doc: Doc, offset: int, trigger: Token) -> bool:
    """A time inside a relative clause ('Ano, who on Tuesday called ...') dates that clause."""
    i = _token_at(doc, offset)
    if i is None:
        return False
    if trigger.i < i and trigger.sent.start <= i < trigger.sent.end and i >= _relative_start(trigger):
        return True
    for anc in doc[i].ancestors:
        if anc.i == trigger.i:
            return False
        # a copular clause ("who was then Minister of ...") describes a person, it dates nothing
        if anc.dep_ in ("relcl", "acl") and anc.lemma_ != "be" and trigger.i not in {t.i for t in anc.subtree}:
            return True
    return False


def _visiting(tok: Token, index: PersonIndex) -> int | None:
    """The person a participle 'visiting' describes ('visiting Russian Minister X')."""
    if tok.lower_ != "visiting":
        return None
    candidates = [tok.head] if tok.dep_ == "amod" else [c for c in tok.children if c.dep_ == "dobj"]
    for c in candidates:
        for t in c.subtree:
            if (i := index.at(t)) is not None and t.i > tok.i:
                return i
    return None


def _verb_objects(verb: Token) -> list[Token]:
    """The objects of a verb and of its complement: 'told [visiting] Minister X'."""
    out: list[Token] = []
    for c in verb.children:
        if c.dep_ in ("dobj", "dative") or (c.dep_ == "prep" and c.lower_ == "to"):  # "proposed to X"
            out += list(c.subtree)
        elif c.dep_ == "xcomp":
            out += [t for d in c.children if d.dep_ == "dobj" for t in d.subtree]
    return out


@lru_cache(maxsize=1)
def _capitals() -> frozenset[str]:
    return frozenset(key(c.capital) for c in gazetteer.load().countries.values() if c.capital)


def _stands_for_state(t: Token) -> bool:
    """A country, its capital ('Moscow said') or an organisation naming a government."""
    return t.ent_type_ in ("GPE", "ORG") or (t.pos_ == "PROPN" and (
        gazetteer.load().country_of(t.text) is not None or key(t.text) in _capitals()))


def _states_named(tokens: list[Token]) -> set[str]:
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


def _state_iso(tokens: list[Token]) -> str | None:
    """The country a subject names: 'China', 'Beijing', 'the Chinese side'."""
    gaz = gazetteer.load()
    for t in tokens:
        if t.pos_ in ("PROPN", "ADJ") and (iso := gaz.country_of(t.text)):
            return iso
        if t.pos_ == "PROPN" and key(t.text) in _capitals() and (city := gaz.city(t.text)) is not None:
            return city.country
    return None


def _voice(unvoiced: list[tuple[Found, str, int]], speaker: int, country: str | None, number: int) -> None:
    """Credit a state's recent unvoiced acts to its official who speaks within two sentences."""
    for item in list(unvoiced):
        f, iso, at = item
        if number - at > 2:
            unvoiced.remove(item)
        elif country == iso and number > at:
            f.actors, f.agent_actors = [speaker], []  # the official speaks for the state
            f.targets = [i for i in f.targets if i != speaker]
            unvoiced.remove(item)


def _agents(tok: Token, subj: list[int], subj_tokens: list[Token], region: list[Token],
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
        main = [t for t in _main_subject(tok.sent) if t.i not in {s.i for s in subj_tokens}]
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


def _between_states(region: list[Token]) -> bool:
    """'the establishment of diplomatic ties between China and Brazil': the phrase names both states."""
    return any(t.lower_ == "between" and t.dep_ == "prep" and
               sum(_stands_for_state(w) for w in t.subtree) >= 2 for t in region)


def _state_subject(tokens: list[Token]) -> bool:
    return any(_stands_for_state(t) for t in tokens)


def _refers_back(tok: Token, type_: str) -> bool:
    """A rejection or accusation aimed at 'that claim', 'these remarks': something said just before."""
    if type_ not in ANSWERING_TYPES:
        return False
    objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(d.dep_ == "det" and (d.lower_ in ("that", "this", "these", "those", "such") or (
        d.lower_ == "the" and o.lemma_.lower() in STATEMENT_NOUNS)) for o in objects for d in o.children)


def _definite(tok: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children)


def _generic_plural(tok: Token) -> bool:
    """'meetings and discussions between the leaders' speaks of no one happening."""
    return tok.tag_ == "NNS" and tok.lemma_.lower() in GENERIC_NOUNS


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


def _speaker(sent: Span, index: PersonIndex, last_subject: int | None) -> int | None:
    """Who a sentence reports: the person subject of its reporting verb, or the person named next to
    it ('..., Foreign Minister X said', 'said Foreign Minister X') where the parser finds no subject."""
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in REPORTING_VERBS or index.at(verb) is not None:
            continue  # "Sayed Ibrar Hussain": a name the tagger read as "said"
        # the name next to the verb first: the parser often hangs a trailing "..., X said" elsewhere
        if verb.i > sent.start and (i := index.at(verb.doc[verb.i - 1])) is not None:
            return i
        if verb.i + 1 < sent.end and verb.doc[verb.i - 1].text == ",":
            after = [t for t in verb.doc[verb.i + 1:sent.end] if not t.is_punct]
            found = [i for t in after[:6] if (i := index.at(t)) is not None]
            if found:
                return found[0]
        # the subject's head, not its possessor: "his office said" reports no person
        subj = _persons_in([c for c in verb.children if c.dep_ == "nsubj"], index, last_subject)
        if subj:
            return subj[0]
    return None


def _main_subject(sent: Span) -> list[Token]:
    return [t for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree]


def _group(words: str, index: PersonIndex, offset: int, last_group: list[int]) -> list[int]:
    """'the two ministers' -> the two most recently named ministers of different countries;
    'they', 'both sides' -> the participants of the last meeting."""
    wanted = next((roles for noun, roles in GROUP_ROLES.items() if noun in words), None)
    if wanted is None:
        return list(last_group)
    recent: list[int] = []
    for s, _e, i in sorted(index.spans, key=lambda x: -x[0]):
        if s >= offset or i in recent:
            continue
        held = " ".join(key(r) for r in index.people[i].roles)
        if any(w in held for w in wanted) and not ("prime minister" in held and wanted == ("minister",)):
            recent.append(i)
    chosen: list[int] = []
    for i in recent:
        country = index.people[i].country
        if not chosen or country is None or all(index.people[j].country != country for j in chosen):
            chosen.append(i)
        if len(chosen) == 2:
            return chosen
    return list(last_group)


def _institutions(tokens: list[Token]) -> bool:
    """'the two countries' agriculture ministries' are institutions, not the two people last named."""
    heads = [t for t in tokens if t.head.i == t.i or t.head not in tokens]
    return any(t.lemma_.lower() in INSTITUTION_NOUNS for t in heads)


def _in_brackets(text: str, start: int, offset: int) -> bool:
    before = text[start:offset]
    return before.count("(") > before.count(")")


def _hosts(sent: Span, index: PersonIndex) -> list[int]:
    """'at the invitation of X': the host of a visit."""
    hosts: list[int] = []
    for t in sent:
        if t.lower_ == "invitation":
            for prep in t.children:
                if prep.lower_ == "of":
                    hosts += [i for w in prep.subtree if (i := index.at(w)) is not None]
    return hosts


def _token_at(doc: Doc, offset: int) -> int | None:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0].i if span is not None and len(span) else None


def find_events(doc: Doc) -> list[Found]:
    """Events sentence by sentence, then merged."""
    article = doc._.article
    published = article.published if article is not None else None
    people: list[Person] = doc._.people or []
    index = PersonIndex(people)
    times: list[TimeExpr] = doc._.times or []
    gaz = gazetteer.load()
    orgs: list[Organisation] = doc._.organisations or []
    last_agents: list[Agent] = []  # the states or groups that last acted: who a later "it" is
    alone: list[Found] = []  # acts of one state on no one named, placed once the article is read
    found: list[Found] = []
    last_subject: int | None = None
    last_speaker: int | None = None  # who the last sentence's main clause is about, or quotes
    last_group: list[int] = []
    text = doc_text(doc)
    lead = len(text) - len(text.lstrip())
    title_end = text.find("\n", lead) if "\n" in text[lead:] else len(text)  # the article's own headline
    # events a state did with no one named yet, by the state and the sentence: the spokesperson
    # quoted next ("China accused Manila ... | Spokesperson Mao Ning told a briefing ...") did them
    unvoiced: list[tuple[Found, str, int]] = []
    for number, sent in enumerate(doc.sents):
        if not sent.text.strip():
            continue
        triggers = [(t, m) for t in sent if (m := match_triggers(t))]
        # a noun trigger inside another trigger's phrase ("visit ... talks") stays its own event
        trigger_ids = {t.i for t, _ in triggers}
        # a date in brackets glosses a name ("the 75th anniversary (January 30, 1950 - 2025)")
        sent_times = [t for t in times if sent.start_char <= t.start < sent.end_char
                      and not _in_brackets(text, sent.start_char, t.start)]
        subject_here = None
        speaker = _speaker(sent, index, last_subject)
        if speaker is not None:
            _voice(unvoiced, speaker, people[speaker].country, number)
        regions = {tok.i: _region(tok, trigger_ids - {tok.i}) for tok, _ in triggers}
        claimed = {tok_i: {t.start for t in sent_times if _token_at(doc, t.start) in {w.i for w in reg}}
                   for tok_i, reg in regions.items()}
        aid_ids = {t.i for t, m in triggers if m[0].type == "AID"}
        threat_ids = {t.i for t, m in triggers if m[0].type == "THREATEN"}
        agreement_ids = {t.i for t, m in triggers if m[0].type == "AGREE" and t.pos_ == "NOUN"}
        summons_ids = {t.i for t, m in triggers if m[0].type == "PROTEST" and m[0].mode == "diplomatic"}
        for tok, candidates in triggers:
            region = regions[tok.i]
            if _generic_plural(tok) or _pledging_aid(tok, candidates, aid_ids) or _threatened(tok, threat_ids) \
                    or _signing_named_text(tok, candidates, agreement_ids) or _purpose_of_summons(tok, summons_ids) \
                    or _in_protest(tok):
                continue
            subj_tokens, passive = _subjects(tok, frozenset(trigger_ids - {tok.i}))
            subj = _persons_in(subj_tokens, index, last_subject)
            if not subj and not _state_subject(subj_tokens) and not GROUP_REFS.search(" ".join(
                    t.lower_ for t in subj_tokens)) and (reporter := _coordinated_report(tok)) is not None:
                # "X said that the text was agreed, and urged Baku to sign": X urged, the parser
                # hung "urged" on the reported clause
                subj_tokens = [t for c in reporter.children if c.dep_ == "nsubj" for t in c.subtree]
                subj = _persons_in(subj_tokens, index, last_subject)
            group_words = " ".join(t.lower_ for t in subj_tokens)
            if not subj and GROUP_REFS.search(group_words) and not _institutions(subj_tokens):
                subj = _group(group_words, index, tok.idx, last_group)
            everyone = _persons_in(region, index, last_subject)
            dated_apart = any(t.kind == "anniversary" or _token_at(doc, t.start) in {w.i for w in region}
                              for t in sent_times)
            if tok.pos_ == "NOUN" and not subj and not everyone and _definite(tok) and not dated_apart:
                # "the trip", "the talks": a further mention of an event already read (unless the
                # sentence dates it: "the 50th anniversary of the establishment of ties")
                earlier = next((f for f in reversed(found) if f.type == candidates[0].type
                                and f.mode == candidates[0].mode), None)
                if earlier is not None:
                    if sent not in earlier.sents:
                        earlier.sents.append(sent)
                    continue
            if tok.pos_ == "NOUN" and not subj and not everyone and tok.dep_ == "pobj" and \
                    tok.head.lower_ in TEMPORAL_PREPS and sent.root.lemma_.lower() not in REPORTING_VERBS:
                # "signed a plan after talks at the Chancellery": the clause's subject held the talks
                subj = _persons_in(_main_subject(sent), index, last_subject)
            setting_times: set[int] = set()
            visitor = _visiting(tok, index)
            if visitor is not None:
                # "visiting Russian Minister X": X is the visitor, whoever the clause's subject is
                subj, everyone = [visitor], []
            elif tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ in SETTING_PREPS:
                # "X told Y in a meeting": the verb's other participants were at the meeting too
                setting = _setting_verb(tok)
                everyone += _persons_in(_verb_objects(setting), index, last_subject)
                setting_times = {t.i for c in setting.children if c.dep_ == "npadvmod" for t in c.subtree}
            if speaker is not None and speaker not in subj and tok.lemma_.lower() not in REPORTING_VERBS:
                # "Y met Z, X said": the one reporting takes no part, however the parser hangs X
                everyone = [i for i in everyone if i != speaker]
                state = _state_iso(subj_tokens)
                if not subj and not _in_relative_clause(tok) and (state is None or people[speaker].country in (None, state)) and \
                        any(t.ent_type_ == "NORP" or _stands_for_state(t) for t in subj_tokens):
                    # "Canada has expelled ..., Foreign Minister X said": the official speaks for the state
                    subj = [speaker]
            if tok.pos_ == "ADJ" or (tok.dep_ == "attr" and candidates[0].type == "ACCUSE"):
                # "X said the remarks by Y were unacceptable", "... was a breach of its sovereignty":
                # a judgement is its speaker's, made of
                # what its clause is about; without a person speaking, of the state or body that says it
                everyone = [i for i in dict.fromkeys(subj + everyone) if i != speaker]
                subj = [speaker] if speaker is not None else []
                subj_tokens = [] if subj else _main_subject(sent)
            actors = list(dict.fromkeys(subj or []))
            targets = [i for i in dict.fromkeys(everyone) if i not in actors]
            if not targets and any(c.dep_ in ("dobj", "dative") and GROUP_REFS.search(
                    " ".join(t.lower_ for t in c.subtree)) for c in tok.children):
                # "urged both sides to conclude an agreement": the two last seen together
                targets = [i for i in last_group if i not in actors]
            if not targets and last_speaker is not None and last_speaker not in actors and \
                    _refers_back(tok, candidates[0].type):
                # "Sheinbaum rejected that characterization": the previous sentence's speaker made it
                targets = [last_speaker]
            if passive and not subj:
                actors, targets = targets[:1], targets[1:]
            trig = next((c for c in candidates if _fits(c, tok, actors, targets, index)), None)
            if trig is None:
                continue
            mode = _consult_mode(tok, trig, index) if trig.type == "CONSULT" else \
                _aid_mode(region) if trig.type == "AID" and trig.mode is None else trig.mode
            if mode == "visit":
                targets += [i for i in _hosts(sent, index) if i not in actors and i not in targets]
            region_ids = {t.i for t in region} | {t.i for t in _verb_modifiers(tok, trigger_ids - {tok.i})}
            region_ids |= setting_times  # "proposed ... in a phone call last week": the call was last week
            # "the 30th anniversary of the signing": an anniversary dates only what it commemorates
            region_times = [t for t in sent_times if _token_at(doc, t.start) in region_ids
                            and not _in_other_clause(doc, t.start, tok)
                            and (t.kind != "anniversary" or 0 < tok.idx - t.end < 40)]
            others = set().union(*[v for k, v in claimed.items() if k != tok.i])
            free = [t for t in sent_times if t.start not in others and t.kind != "anniversary"
                    and not _in_other_clause(doc, t.start, tok)]
            # "the 30th anniversary of the signing": the anniversary dates what follows it
            region_times = region_times or [t for t in sent_times if t.kind == "anniversary"
                                            and 0 < tok.idx - t.end < 40]
            if not region_times and tok.dep_ in ("xcomp", "advcl", "conj") and tok.head.i in claimed:
                # "to travel to Cambodia in February to meet Hun Manet": the errand's time is the trip's
                region_times = [t for t in sent_times if t.start in claimed[tok.head.i]]
            if not region_times and visitor is not None:
                # "received visiting Minister X on Tuesday": the visit spans the sentence's day
                free = [t for t in sent_times if t.kind != "anniversary"]
            texpr = _date(region_times, free, tok)
            status = _status(tok, sent, texpr, published)
            if status == "done" and tok.dep_ == "xcomp" and tok.head.lemma_.lower() in PLEDGING_VERBS:
                status = "planned"  # "pledged to provide radars": promised, not yet given
            date = None
            defaulted = False
            if texpr is not None:
                date = texpr.future_value if status == "planned" and texpr.future_value else texpr.value
            elif status in ("done", "negated") and published:
                # news is about the day it is published unless the sentence dates it otherwise
                date, defaulted = published, True
            countries = {c for i in actors + targets if (c := people[i].country)}
            # the states acting ("Japan pledged to provide ...") and those in the trigger's phrase
            countries |= _states_named([*region, *(t for t in subj_tokens if not subj)])
            agent_actors, agent_targets = _agents(tok, subj, subj_tokens, region, orgs, last_agents)
            countries |= {a.country for a in agent_actors + agent_targets if a.country}
            # "relations between Seoul and Hanoi were established in 1992": the states undergo it
            undergoing = [t for c in tok.children if c.dep_ == "nsubjpass" for t in c.subtree] if passive else []
            # a state or group acting on no one the sentence names ("Kyrgyzstan closed the border")
            lone = not actors and not targets and len(countries) == 1 and trig.type in ACTING_ALONE and \
                any(a.country for a in agent_actors)
            if not actors and not targets and not lone and (len(countries) < 2 or not (
                    _state_subject(subj_tokens or undergoing) or agent_actors or _between_states(region))
                                               or (trig.type == "CONSULT" and mode != "multilateral")):
                # without people, only a state acting as subject makes an event ("China accused
                # Manila"); tourists visiting or an embargo in passing do not, nor a meeting of no one
                continue
            if not actors and not targets and _stray_headline(tok, title_end):
                # a headline other than the article's own ("Read more: X expels Y envoy") tells
                # another story; only people named there would tie it to this one
                continue
            f = Found(trig.type, mode, tok, actors, targets, status, date,
                      _location(region, trig.mode, tok), countries, [sent], defaulted, number, _recalls(tok),
                      agent_actors if not actors else [], agent_targets if not targets else [])
            if lone:
                alone.append(f)
                last_agents = f.agent_actors
                continue
            if f.mode == "visit" and f.location is None and article is not None and article.dateline_country:
                visiting = {people[i].country for i in actors}
                if visiting and article.dateline_country not in visiting:
                    f.location = gaz.countries[article.dateline_country].name
            found.append(f)
            last_agents = f.agent_actors or last_agents
            if not f.actors and not subj and (iso := _state_iso(subj_tokens)) is not None:
                unvoiced.append((f, iso, number))
            if subj:
                subject_here = subj[0]
            if trig.type == "CONSULT" and len(f.people) >= 2:
                last_group = sorted(f.people)
        speakers = _persons_in(_main_subject(sent), index, last_subject)
        last_speaker = speakers[0] if speakers else last_speaker
        # who a later "he" or "his" refers to: this sentence's subject, else its first person named
        if subject_here is not None:
            last_subject = subject_here
        else:
            named = index.in_range(sent.start_char, sent.end_char)
            root_subj = [c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")]
            subj_people = _persons_in([t for c in root_subj for t in c.subtree], index, last_subject)
            if subj_people:
                last_subject = subj_people[0]
            elif named:
                last_subject = named[0]
    found = _with_counterparts(found, alone)
    _lead_counterparts(found, doc, index, published)
    _place_the_days_news(found, article)
    return merge(found)


def _with_counterparts(found: list[Found], alone: list[Found]) -> list[Found]:
    """Acts of one state on no one named ('Kyrgyzstan closed the border', 'Algeria said it had
    downed a drone') are aimed at the state the article's other events pair it with: kept with
    that state when it is one, left out when the article pairs it with no one or several."""
    partners: dict[str, dict[str, int]] = {}
    for f in found:
        for a in f.countries:
            for b in f.countries - {a}:
                partners.setdefault(a, {}).setdefault(b, 0)
                partners[a][b] += 1
    kept = []
    for f in alone:
        (own,) = f.countries
        counts = sorted(partners.get(own, {}).items(), key=lambda kv: -kv[1])
        if counts and (len(counts) == 1 or counts[0][1] > counts[1][1]):
            f.countries = {own, counts[0][0]}
            kept.append(f)
    return sorted(found + kept, key=lambda f: f.number)


def _place_the_days_news(found: list[Found], article: CleanArticle | None) -> None:
    """Events done on the day of publication with no place of their own happened where that day's
    other events are placed ('met in Bangkok ... they agreed'), else where the story was filed."""
    if article is None or not article.published:
        return
    day = [f for f in found if f.date == article.published and f.status == "done" and f.mode != "visit"]
    placed = {f.location for f in day if f.location}
    where = placed.pop() if len(placed) == 1 else article.dateline
    gaz = gazetteer.load()
    if where and where != article.dateline and gaz.city(where) is None and \
            gaz.country_of(where) == article.dateline_country and article.dateline:
        where = article.dateline  # "India" and a New Delhi dateline: the city says more
    for f in day:
        if f.location is None and where:
            f.location = where


def _lead_counterparts(found: list[Found], doc: Doc, index: PersonIndex, published: str | None) -> None:
    """A meeting on the day of publication with one named participant: the people the lead
    paragraph names from another country are the other side ("Putin has told Trong ...")."""
    if published is None:
        return
    text = doc_text(doc)
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    lead = index.in_range(start, end if end > 0 else len(text))  # the lead paragraph
    for f in found:
        if f.type != "CONSULT" or f.mode not in ("meet", "call") or f.status != "done" or len(f.people) != 1:
            continue
        if f.date != published:
            continue
        (who,) = f.people
        country = index.people[who].country
        others = [i for i in dict.fromkeys(lead) if i != who and index.people[i].country
                  and index.people[i].country != country]
        f.targets += others[:2]


def _compatible(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    return a.startswith(b[:7]) or b.startswith(a[:7])


def _recalls(tok: Token) -> bool:
    """'The agreement was signed by X and Y': a passive whose subject is a definite agreement-like
    noun tells more of an agreement named just before."""
    return any(c.dep_ == "nsubjpass" and _definite(c) and c.lemma_.lower() in RECALLED_NOUNS for c in tok.children)


def _recalled(f: Found, merged: list[Found]) -> Found | None:
    """The event a recalling mention continues: the latest of its type and mode at most two
    sentences before."""
    if not f.recalls:
        return None
    return next((m for m in reversed(merged) if m.type == f.type and m.mode == f.mode
                 and 0 < f.number - max(x.number for x in [m]) <= 2), None)


def _told_as_past(f: Found) -> bool:
    """'The two leaders met ...': a verb in the past tense tells a happening, never the plan announced
    beside it ('agreed to hold the next meeting in 2025')."""
    return f.trigger.tag_ == "VBD"


def _same_agents(f: Found, m: Found) -> bool:
    """Mentions by no one named, or by the same states, organisations or groups."""
    a, b = {x.name for x in f.agent_actors}, {x.name for x in m.agent_actors}
    return not a or not b or a == b


def _same_happening(m: Found, f: Found) -> bool:
    """Whether a later mention `f` tells of the event `m`: same type and mode, a compatible status
    and date, and the same participants: nested people; or, where neither names anyone, the same
    date and states; or, where one names people and the other only states, states the other
    involves ('Somalia recalls ambassador to Kenya' and 'Somalia recalled its ambassador X')."""
    if m.type != f.type or m.mode != f.mode:
        return False
    if not (m.status == f.status or ({m.status, f.status} == {"done", "planned"}
                                     and (m.date_defaulted or f.date_defaulted)
                                     and not _told_as_past(m if m.status == "done" else f))):
        return False
    if not (_compatible(m.date, f.date) or m.date_defaulted or f.date_defaulted):
        return False
    if m.people and f.people:
        return f.people <= m.people or m.people <= f.people
    if not m.people and not f.people:
        # a mention naming no one joins only another such mention of the same date, by the same states
        return m.date == f.date and _same_agents(f, m)
    named, states = (m, f) if m.people else (f, m)
    own = {a.country for a in states.agent_actors}
    # the states' mention joins on the same day, or when it has no date of its own (a headline)
    return m.status == f.status and (m.date == f.date or states.date_defaulted) and bool(own) \
        and None not in own and own <= named.countries


def merge(found: list[Found]) -> list[Found]:
    """One event per happening: same type and mode, nested participants, compatible dates."""
    merged: list[Found] = []
    for f in found:
        twin = _recalled(f, merged) or next((m for m in merged if _same_happening(m, f)), None)
        if twin is None:
            merged.append(f)
            continue
        for i in f.actors:
            if i not in twin.people:
                twin.actors.append(i)
        for i in f.targets:
            if i not in twin.people:
                twin.targets.append(i)
        if twin.date_defaulted and not f.date_defaulted:
            # the mention that dates the event (and says whether it is still to come) wins
            twin.date, twin.status, twin.date_defaulted = f.date, f.status, False
        twin.date = twin.date or f.date
        twin.location = twin.location or f.location
        twin.countries |= f.countries
        twin.agent_actors += [a for a in f.agent_actors if a.name not in {b.name for b in twin.agent_actors}]
        twin.agent_targets += [a for a in f.agent_targets if a.name not in {b.name for b in twin.agent_targets}]
        twin.sents.append(f.sents[0])
    return merged


def organisation_actors(f: Found, orgs: list[Organisation]) -> list[str]:
    """Organisations that are the trigger's grammatical subject or agent ('Rosatom signed ...',
    'was signed by Rosatom and EVN'): the subject's head word, or a conjunct of it, lies in one
    of their mentions. 'Officials from ASEAN' are not ASEAN."""
    heads = [c for c in f.trigger.children if c.dep_ == "nsubj"]
    heads += [g for c in f.trigger.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    heads += [c for h in heads for c in h.conjuncts]
    names = []
    for o in orgs:
        if any(s <= h.idx < e for h in heads for s, e in o.mentions) and o.name not in names:
            names.append(o.name)
    return names


def event_countries(f: Found, people: list[Person], orgs: list[Organisation]) -> set[str]:
    """Every state the event involves: those its phrase names, the countries of its actors and
    targets (people and organisations), and the country of its place, which for a visit is the
    state visited. Read once the event is complete, after participants and places were added."""
    countries = set(f.countries) | {c for i in f.people if (c := people[i].country)}
    countries |= {o.country for o in orgs if o.country and o.name in organisation_actors(f, orgs)}
    countries |= {a.country for a in f.agent_actors + f.agent_targets if a.country}
    if f.location and (iso := gazetteer.load().country_of_place(f.location)):
        countries.add(iso)
    return countries


def to_events(doc: Doc, found: list[Found]) -> list[Event]:
    people: list[Person] = doc._.people or []
    orgs: list[Organisation] = doc._.organisations or []
    events = []
    for f in found:
        ev = [evidence(doc, s) for s in f.sents]
        actors = [people[i].name for i in f.actors] + organisation_actors(f, orgs)
        actors += [a.name for a in f.agent_actors if a.name not in actors]
        targets = [people[i].name for i in f.targets]
        targets += [a.name for a in f.agent_targets if a.name not in actors + targets]
        events.append(Event(
            type=f.type, mode=f.mode, date=f.date, actors=actors,
            targets=targets, countries=sorted(event_countries(f, people, orgs)),
            location=ascii_name(f.location) if f.location else None,
            status=f.status, trigger=f.trigger.text, evidence=ev[0],  # type: ignore[arg-type]
            more_evidence=[e for e in ev[1:] if e != ev[0]],
        ))
    return events


@component("entente_events")
def events_component(doc: Doc) -> Doc:
    """Set doc._.events: PLOVER events with participants, status, date, place and evidence, and
    doc._.agents: the states, organisations and groups those events name beside people."""
    found = find_events(doc)
    doc._.events = to_events(doc, found)
    doc._.agents = acting_agents(found)
    return doc


def acting_agents(found: list[Found]) -> list[Agent]:
    """Every state, organisation and group the events name, once each, in order of first mention."""
    agents: dict[str, Agent] = {}
    for f in found:
        for a in f.agent_actors + f.agent_targets:
            agents.setdefault(a.name, a)
    return sorted(agents.values(), key=lambda a: a.start)
