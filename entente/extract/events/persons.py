"""Finding arguments, people: which person a word names, by mention, pronoun ('his'), description
('the Russian leader') or group ('the two ministers'), and who a sentence reports."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable

from spacy.tokens import Span, Token

from entente import gazetteer
from entente.extract.people import Person
from entente.fold import key

PRONOUNS = {"he", "she", "him", "her", "his"}
REPORTING_VERBS = {"say", "stress", "note", "tell", "add", "emphasise", "emphasize", "highlight", "value", "affirm",
                   "state", "believe", "express", "mention", "point", "underline", "underscore", "recall", "insist"}
GROUP_REFS = re.compile(r"\b(?:they|both sides|the two|both|host and guest|the leaders|the ministers)\b", re.I)
# what "the two ministers", "both presidents" can refer to, by the roles the people hold
GROUP_ROLES = {"foreign ministers": ("foreign", "external affairs"), "defence ministers": ("defence", "defense"),
               "prime ministers": ("prime minister", "premier"), "ministers": ("minister",),
               "presidents": ("president",), "leaders": ("president", "prime minister", "secretary", "chancellor",
                                                          "king", "emir", "prince", "premier", "chairman")}
# bodies that "the two ..." may name without meaning the two people last named ("the two countries"
# stands for their leaders, "the two countries' ministries" does not)
INSTITUTION_NOUNS = {"ministry", "parliament", "army", "company", "agency", "institution", "economy", "firm"}


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


def persons_in(tokens: list[Token], index: PersonIndex, last_subject: int | None,
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
            speakers = persons_in(main_subject(sent), index, last_subject, quoting | {sent.start}) \
                if sent.root.lemma_.lower() in REPORTING_VERBS and sent.start not in quoting else []
            i = speakers[0] if speakers else last_subject
        if i is None:
            i = _descriptor_person(t, index)
        if i is not None and i not in found:
            found.append(i)
    return found


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


def speaker_of(sent: Span, index: PersonIndex, last_subject: int | None) -> int | None:
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
        subj = persons_in([c for c in verb.children if c.dep_ == "nsubj"], index, last_subject)
        if subj:
            return subj[0]
    return None


def main_subject(sent: Span) -> list[Token]:
    return [t for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree]


def group_of(words: str, index: PersonIndex, offset: int, last_group: list[int]) -> list[int]:
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


def institutions(tokens: list[Token]) -> bool:
    """'the two countries' agriculture ministries' are institutions, not the two people last named."""
    heads = [t for t in tokens if t.head.i == t.i or t.head not in tokens]
    return any(t.lemma_.lower() in INSTITUTION_NOUNS for t in heads)


def hosts_of(sent: Span, index: PersonIndex) -> list[int]:
    """'at the invitation of X': the host of a visit."""
    hosts: list[int] = []
    for t in sent:
        if t.lower_ == "invitation":
            for prep in t.children:
                if prep.lower_ == "of":
                    hosts += [i for w in prep.subtree if (i := index.at(w)) is not None]
    return hosts


def visitor_of(tok: Token, index: PersonIndex) -> int | None:
    """The person a participle 'visiting' describes ('visiting Russian Minister X')."""
    if tok.lower_ != "visiting":
        return None
    candidates = [tok.head] if tok.dep_ == "amod" else [c for c in tok.children if c.dep_ == "dobj"]
    for c in candidates:
        for t in c.subtree:
            if (i := index.at(t)) is not None and t.i > tok.i:
                return i
    return None


def verb_objects(verb: Token) -> list[Token]:
    """The objects of a verb and of its complement: 'told [visiting] Minister X'."""
    out: list[Token] = []
    for c in verb.children:
        if c.dep_ in ("dobj", "dative") or (c.dep_ == "prep" and c.lower_ == "to"):  # "proposed to X"
            out += list(c.subtree)
        elif c.dep_ == "xcomp":
            out += [t for d in c.children if d.dep_ == "dobj" for t in d.subtree]
    return out
