"""Setting attributes: an event's status (done, planned, proposed, negated, hypothetical,
historical), its date (a time in the trigger's phrase, else one the sentence leaves free, else
the day of publication) and its place."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from entente import gazetteer
from entente.extract.events.arguments import SETTING_PREPS
from entente.extract.events.context import Sentence
from entente.extract.events.found import Found
from entente.extract.events.phrases import relative_start, token_at, verb_modifiers
from entente.extract.events.triggers import lexicon
from entente.extract.people import Person
from entente.extract.time import TimeExpr
from entente.records import CleanArticle

MODAL_DEPS = {"aux", "auxpass", "neg", "advmod", "amod", "det", "prt", "mark", "npadvmod"}
# links along which a governing word's tense or modality carries down to the trigger
GOVERNING_DEPS = {"xcomp", "dobj", "pobj", "prep", "attr", "acomp", "nsubj", "nsubjpass", "compound", "amod", "conj",
                  "acl", "agent", "advcl"}
PLEDGING_VERBS = {"pledge", "promise", "vow", "offer", "undertake"}


@dataclass(frozen=True)
class When:
    status: str
    date: str | None
    defaulted: bool  # the day of publication, for want of a date in the sentence


def when(tok: Token, region: list[Token], setting_times: set[int], visitor: int | None, s: Sentence, doc: Doc,
         published: str | None) -> When:
    """The event's status and date; `setting_times` are the tokens of a setting's time ('in a
    phone call last week'), `visitor` the person 'visiting' names."""
    texpr = _time_of(tok, region, setting_times, visitor, s, doc)
    status = _status(tok, s.sent, texpr, published)
    if status == "done" and tok.dep_ == "xcomp" and tok.head.lemma_.lower() in PLEDGING_VERBS:
        status = "planned"  # "pledged to provide radars": promised, not yet given
    date = None
    defaulted = False
    if texpr is not None:
        date = texpr.future_value if status == "planned" and texpr.future_value else texpr.value
    elif status in ("done", "negated") and published:
        # news is about the day it is published unless the sentence dates it otherwise
        date, defaulted = published, True
    return When(status, date, defaulted)


def _time_of(tok: Token, region: list[Token], setting_times: set[int], visitor: int | None, s: Sentence,
             doc: Doc) -> TimeExpr | None:
    """The time that dates the trigger: one in its own phrase, else one no other trigger's holds."""
    sent_times, claimed = s.times, s.claimed
    region_ids = {t.i for t in region} | {t.i for t in verb_modifiers(tok, s.others(tok))}
    region_ids |= setting_times  # "proposed ... in a phone call last week": the call was last week
    # "the 30th anniversary of the signing": an anniversary dates only what it commemorates
    region_times = [t for t in sent_times if token_at(doc, t.start) in region_ids
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
    return _date(region_times, free, tok)


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


def _in_other_clause(doc: Doc, offset: int, trigger: Token) -> bool:
    """A time inside a relative clause ('Ano, who on Tuesday called ...') dates that clause."""
    i = token_at(doc, offset)
    if i is None:
        return False
    if trigger.i < i and trigger.sent.start <= i < trigger.sent.end and i >= relative_start(trigger):
        return True
    for anc in doc[i].ancestors:
        if anc.i == trigger.i:
            return False
        # a copular clause ("who was then Minister of ...") describes a person, it dates nothing
        if anc.dep_ in ("relcl", "acl") and anc.lemma_ != "be" and trigger.i not in {t.i for t in anc.subtree}:
            return True
    return False


def place_of(region: list[Token], mode: str | None, trigger: Token) -> str | None:
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


def visit_at_dateline(f: Found, article: CleanArticle | None, people: list[Person]) -> None:
    """A visit placed nowhere took place where the story was filed, when the visitors are foreign there."""
    if f.mode == "visit" and f.location is None and article is not None and article.dateline_country:
        visiting = {people[i].country for i in f.actors}
        if visiting and article.dateline_country not in visiting:
            f.location = gazetteer.load().countries[article.dateline_country].name


def place_the_days_news(found: list[Found], article: CleanArticle | None) -> None:
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
