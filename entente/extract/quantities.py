"""Quantities: the numbers an article states about a relationship (money, percentages, counts),
each with its unit, qualifier, period and what it is about."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from entente import gazetteer
from entente.extract.component import component
from entente.extract.doctext import doc_text
from entente.extract.time import TimeExpr
from entente.records import Evidence, Fact

DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# subjects that name who acts, not what is measured: 'The two countries had a trade volume of ...'
ACTORS = frozenset({"GPE", "NORP", "PERSON", "ORG", "LOC", "FAC"})
ACTOR_NOUNS = frozenset({"country", "nation", "side", "government", "state", "they", "both", "ministry", "leader",
                         "company", "firm", "investor", "business", "bank", "authority"})
LEVEL_PREPS = frozenset({"to", "from", "at", "of", "worth", "reach", "than", "up"})
# what lies between an amount and the same amount in another currency
CONVERSION = re.compile(r"\s*(?:\(|,\s*or\b|\bor\b)\s*(?:about|approximately|around|roughly|some|nearly|almost|~)?\s*$",
                        re.I)
QUALIFIER_WORDS = frozenset({"about", "around", "nearly", "almost", "some", "roughly", "approximately", "over",
                             "more", "less", "than", "just", "only", "by"})
# nouns of time an amount may hang on ('up 1.9 percent year on year'): never what it measures
TIME_NOUNS = frozenset({"year", "month", "quarter", "period", "week", "day", "year-on-year"})


@dataclass(frozen=True)
class Units:
    data: dict
    money_prefix: re.Pattern[str]
    money_suffix: re.Pattern[str]
    percent: re.Pattern[str]
    count: re.Pattern[str]
    qualifier: re.Pattern[str]
    counted: frozenset[str]
    rise: frozenset[str]
    fall: frozenset[str]
    acts: frozenset[str]
    baseline: re.Pattern[str]
    harm: dict[str, frozenset[str]]


def _alt(words: list[str]) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


def _words(data: dict) -> str:
    """A number written in words: 'eight', 'twenty-five', 'a hundred', 'nine thousand six hundred',
    and the mixed 'nine thousand 600'; never the start of a compound ('two-way', 'three-decade')."""
    small = _alt(list(data["number_words"]))
    mult = _alt(list(data["number_multipliers"]))
    word = rf"(?:{small}|{mult})"
    sep = r"(?:-|[^\S\n]+|(?<=hundred)[^\S\n]+and[^\S\n]+)"
    tail = r"(?:(?:(?<=hundred)|(?<=thousand))[^\S\n]+\d{1,3}(?![\d%]|[.,]\d))?"
    return rf"(?i:\b(?:a[^\S\n]+{mult}|{small})(?:{sep}{word})*\b(?![\w-]){tail})"


@lru_cache(maxsize=1)
def units() -> Units:
    data = json.loads(resources.files("entente.data").joinpath("units.json").read_text(encoding="utf-8"))
    num = rf"(?P<num>{DIGITS}|{_words(data)})"
    digits = rf"(?P<num>{DIGITS})"
    scale = rf"(?:[\s-]?(?P<scale>{_alt(list(data['scales']))})\b)?"
    prefix = _alt(list(data["currency_prefix"]))
    suffix = _alt(list(data["currency_suffix"]))
    counted = frozenset(w for words in data["counted"].values() for w in words)
    return Units(
        data=data,
        money_prefix=re.compile(rf"(?P<cur>{prefix})\s?{digits}{scale}"),
        money_suffix=re.compile(rf"(?<![\w$€£¥.]){num}{scale}[\s-](?:of\s)?(?P<cur>{suffix})\b"),
        percent=re.compile(rf"(?<![\w.]){num}\s?(?:%|per\s?cent\b|percent\b|pct\b)"),
        count=re.compile(rf"(?<![\w$€£¥.,/-]){num}(?:\s(?P<scale>million|billion|thousand)\b)?"
                         rf"(?![\d%A-Za-z]|\.\d|,\d|-\d)"),
        qualifier=re.compile(rf"\b(?P<q>{_alt(list(data['qualifiers']))})\s+(?:US\s?)?$", re.I),
        counted=counted,
        rise=frozenset(data["rise"]),
        fall=frozenset(data["fall"]),
        acts=frozenset(data["acts"]),
        harm={k: frozenset(v) for k, v in data["harm"].items()},
        baseline=re.compile(rf"\b{_alt(data['baseline'])}\s+(?:[\w-]+\s+){{0,4}}$", re.I),
    )


def number_value(num: str, scale: str | None = None) -> float:
    """The value of a number as written: '4.4' with scale 'billion', '2,800', 'nine thousand 600'."""
    data = units().data
    if num[0].isdigit():
        v = float(num.replace(",", ""))
    else:
        total, current = 0.0, 0.0
        for w in re.findall(r"[a-z]+|\d+", num.lower()):
            if w.isdigit():
                current += int(w)
            elif w == "a":
                current = 1
            elif w in data["number_words"]:
                current += data["number_words"][w]
            elif w in ("hundred", "dozen"):
                current = (current or 1) * data["number_multipliers"][w]
            elif w in data["number_multipliers"]:
                total += (current or 1) * data["number_multipliers"][w]
                current = 0
        v = total + current
    if scale:
        v *= data["scales"].get(scale.lower(), 1)
    return v


def _qualifier(doc_text: str, start: int) -> str | None:
    m = units().qualifier.search(doc_text[max(0, start - 25):start])
    return units().data["qualifiers"][m.group("q").lower()] if m else None


def _sentence(doc: Doc, start: int) -> Span | None:
    tok = doc.char_span(start, start + 1, alignment_mode="expand")
    return tok.sent if tok is not None else None


def evidence(doc: Doc, sent: Span) -> Evidence:
    """The sentence as it stands in the original text, trimmed of surrounding space."""
    original = doc._.article.text if doc._.article is not None else doc_text(doc)
    s, e = sent.start_char, sent.end_char
    # a sentence never runs into an excluded block (teaser, credits): blanked for NLP, not here
    for a, _b in (doc._.article.excluded if doc._.article is not None else []):
        if s <= a < e:
            e = a
    while s < e and original[s].isspace():
        s += 1
    while e > s and original[e - 1].isspace():
        e -= 1
    return Evidence(text=original[s:e], start=s, end=e)


def _is_number(t: Token) -> bool:
    return t.like_num or t.lower_ in units().data["number_words"]


def _counted_noun(doc: Doc, span: Span) -> tuple[list[Token], Token] | None:
    """The noun a number counts and the words between them: the first plural noun or people's
    name in the next few words ('eight PKK militants'), across a coordination ('five Kyrgyz and
    three Tajik border guards': guards); None before a unit of time or measure, or none at all."""
    not_counts = set(units().data["not_counts"])
    mods: list[Token] = []
    i, stop = span.end, min(len(doc), span.end + 4)
    prev = [t for t in doc[span.sent.start:span.start] if t.lower_ not in units().data["qualifiers"]]
    comparing = prev and prev[-1].lower_ in ("from", "to", "than", "with") and not (
        len(prev) > 1 and prev[-1].lower_ == "than" and prev[-2].lower_ in ("more", "less", "fewer"))
    if comparing and (span.end == len(doc) or doc[span.end].pos_ in ("ADP", "PUNCT", "CCONJ")):
        # 'More than 3,700 Fijians worked ..., up from about 2,400 in 2021-22': the noun counted before
        return _counted_before(doc, span)
    while i < stop:
        t = doc[i]
        if t.lower_ in not_counts or t.is_punct and t.text != "-":
            return None
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if i == span.end and t.lower_ == "of" and nxt is not None:
            if nxt.lower_ in ("them", "those"):
                # 'launched 350 balloons, with around a hundred of them landing': the noun counted before
                return _counted_before(doc, span)
            if nxt.tag_ == "PRP$" or nxt.lower_ == "the":  # '41 of its diplomats'
                i, stop = i + 2, min(len(doc), i + 6)
                continue
        if t.lower_ in ("and", "or") and nxt is not None and _is_number(nxt):
            # the second number's own modifiers name its group, its nouns the shared head
            i, stop = i + 2, min(len(doc), i + 7)
            while i < stop and doc[i].pos_ in ("ADJ", "PROPN") and doc[i].tag_ not in ("NNS", "NNPS"):
                i += 1
            continue
        last = not (nxt is not None and (nxt.pos_ in ("NOUN", "PROPN") or nxt.tag_ == "HYPH"))
        # 'eight militants', '255 Britons', and plurals tagged as singular: '7 memoranda', 'five crew'
        if t.tag_ in ("NNS", "NNPS") or last and (t.pos_ == "PROPN" and t.ent_type_ == "NORP"
                                                  or t.tag_ == "NN" and t.lower_ in units().counted):
            return mods, t
        if t.pos_ not in ("ADJ", "NOUN", "PROPN", "PUNCT") and t.tag_ != "HYPH" and not (
                t.tag_ == "VBN" and i > 0 and doc[i - 1].tag_ == "HYPH"):  # 'Russian-funded scholarships'
            return None
        mods.append(t)
        i += 1
    return None


def _harmed(noun: Token) -> bool:
    """People or things acted upon: the object of a verb of harm ('two Pakistani intruders have
    been killed'), or counted after a noun of harm ('the deaths of three Indian soldiers')."""
    harm = units().harm
    rel = noun
    while rel.dep_ == "conj" and rel.head.i != rel.i:
        rel = rel.head
    if rel.dep_ in ("dobj", "nsubjpass") and rel.head.lemma_.lower() in harm["verbs"]:
        return True
    return rel.dep_ == "pobj" and rel.head.lower_ == "of" and rel.head.head.lemma_.lower() in harm["nouns"]


def _harm_count(doc: Doc, span: Span) -> str | None:
    """What a number with no noun counts when the sentence says people were harmed: 'killed 12'
    (people killed), '12 dead' (dead), 'the death toll rose to 30' (death toll); None otherwise."""
    harm = units().harm
    tok = span.root
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.lower_ in harm["states"]:
        return nxt.lower_
    head = tok.head
    if tok.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in harm["verbs"] or (
            tok.dep_ == "nsubj" and head.lemma_.lower() == "die"):
        return f"people {head.lower_}"
    if tok.dep_ == "pobj" and head.lower_ in ("to", "at", "of"):
        owner = head.head
        subj = [c for c in owner.children if c.dep_ == "nsubj"] if owner.pos_ in ("VERB", "AUX") else [owner]
        if subj and subj[0].lemma_.lower() in harm["tolls"]:
            return _noun_phrase(subj[0])
    return None


def _counted_before(doc: Doc, span: Span) -> tuple[list[Token], Token] | None:
    """The last noun a number counts earlier in the sentence of `span`."""
    counted = units().counted
    before = [b for b in doc[span.sent.start:span.start] if (b.tag_ in ("NNS", "NNPS") or b.ent_type_ == "NORP")
              and any(c.dep_ == "nummod" and (c.text[0].isdigit() or b.lemma_.lower() in counted)
                      for c in b.children)]
    return ([], before[-1]) if before else None


def _phrase(tokens: list[Token]) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()


def _stops(t: Token) -> bool:
    """Where a noun phrase ends: punctuation, a clause, a time, a number ('reparations of 6.2
    trillion zlotys'), 'worth'; 'and' only between names ('between Serbia and Hungary')."""
    if t.pos_ == "CCONJ" and 0 < t.i < len(t.doc) - 1:
        before, after = t.doc[t.i - 1], t.doc[t.i + 1]
        return not (before.pos_ in ("NOUN", "PROPN") and after.pos_ in ("NOUN", "PROPN", "ADJ"))
    return (t.is_punct and t.text not in ("-", "'s", "’s") or t.pos_ in ("VERB", "AUX", "SCONJ", "ADV", "CCONJ")
            or t.tag_ in ("WDT", "WP") or t.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT")
            or any(ch.isdigit() for ch in t.text) or t.lower_ == "worth"
            or t.like_num and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ in ("million", "billion", "trillion"))


def _np_bounds(head: Token, after: int = -1, limit: int = 12) -> tuple[int, int]:
    """Token bounds of a noun with its modifiers and complements ('Turkey's exports to
    Azerbaijan', 'employees of the Russian embassy in Chisinau'), cut short of clauses, commas,
    times and numbers, of a leading article, and of anything up to `after` (the amount itself)."""
    doc = head.doc
    left = head.i
    while left - 1 >= max(head.left_edge.i, after + 1) and (
            doc[left].tag_ == "HYPH" and doc[left - 1].like_num  # 'two-way trade'
            or not _stops(doc[left - 1]) and doc[left - 1].pos_ != "NUM"):
        left -= 1
    while left < head.i and doc[left].lower_ in ("a", "an", "the"):
        left += 1
    right = head.i + 1
    while right <= head.right_edge.i and right - left < limit and not _stops(doc[right]):
        right += 1
    while right - 1 > head.i and doc[right - 1].pos_ in ("ADP", "DET", "PART", "CCONJ"):
        right -= 1
    return left, right


def _noun_phrase(head: Token, after: int = -1) -> str:
    a, b = _np_bounds(head, after)
    return _phrase(list(head.doc[a:b]))


def _count_about(doc: Doc, span: Span) -> str | None:
    """What a count counts: its noun with modifiers and complement, and the act done to it when
    the sentence says ('border guards injured', 'blankets in the shipments')."""
    found = _counted_noun(doc, span)
    if found is None:
        return _harm_count(doc, span)
    mods, noun = found
    if noun.i < span.start:  # 'a hundred of them': the noun counted before, and what these did
        verb = span.root.head
        act = f" {verb.lower_}" if verb.pos_ == "VERB" and verb.tag_ in ("VBG", "VBN", "VBD") else ""
        return noun.text + act
    phrase = _phrase([*mods, noun])
    preps = [c for c in noun.rights if c.dep_ == "prep" and c.lower_ in ("of", "from") and c.i == noun.i + 1]
    if preps:  # 'members of its armed forces', 'bottles of 10 liters of water'
        pobj = next((c for c in preps[0].children if c.dep_ == "pobj"), None)
        if pobj is not None:
            inner = next((g for c in pobj.rights if c.dep_ == "prep" and c.lower_ == "of" and c.i == pobj.i + 1
                          for g in c.children if g.dep_ == "pobj"), pobj)
            phrase += " " + _phrase(list(doc[preps[0].i:inner.i + 1]))
    rel = noun
    while rel.dep_ == "conj" and rel.head.i != rel.i:
        rel = rel.head
    verb = rel.head
    if rel.dep_ in ("dobj", "nsubjpass") and verb.pos_ == "VERB":
        if verb.lemma_ in ("include", "contain", "comprise", "carry"):
            subj = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")]
            if subj:
                phrase += " in " + _phrase(list(doc[subj[0].left_edge.i:subj[0].i + 1])).lower()
        elif verb.lemma_.lower() in units().acts and (
                verb.tag_ == "VBN" or verb.tag_ == "VBD" and verb.lower_.endswith("ed")):
            phrase += " " + verb.lower_
    return phrase


def _amount_head(doc: Doc, start: int, end: int) -> Token | None:
    """The syntactic head of an amount, through an apposition ('100.9-billion-yen (US$1.1 billion)')."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    tok = span.root
    while tok.dep_ in ("appos", "quantmod", "compound", "nummod") and tok.head.i != tok.i and (
            tok.head.ent_type_ in ("MONEY", "PERCENT") or tok.dep_ == "appos"):
        tok = tok.head
    return tok


def _is_actor(t: Token) -> bool:
    """Who acts rather than what is measured: a state, people, a person, an organisation, a pronoun."""
    return t.ent_type_ in ACTORS or t.pos_ == "PRON" or t.lemma_.lower() in ACTOR_NOUNS


def _changed(verb: Token, amount: range) -> Token | None:
    """What a verb says an amount is or becomes: its object ('bring trade turnover to ...'), else
    its subject ('Bilateral trade reached ...'), else the noun just before it when the parse gave
    it none; 'it' for the caller to resolve; None when that is who acts."""
    for dep in ("dobj", "nsubjpass", "nsubj"):
        for c in verb.children:
            if c.dep_ == dep and c.i not in amount and c.ent_type_ not in ("MONEY", "PERCENT") and not c.like_num:
                return c if not _is_actor(c) or c.lower_ == "it" else None
    if verb.pos_ == "VERB" and not any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children) \
            and verb.dep_ not in ("advcl", "xcomp", "conj", "acl", "relcl"):
        return _noun_before(verb)
    return None


def _noun_before(t: Token) -> Token | None:
    """The noun whose phrase ends just before `t`: 'two-way trade between the two countries'
    before 'reached' gives trade; None for who acts."""
    doc = t.doc
    if t.i == 0 or doc[t.i - 1].is_punct:
        return None
    # within the stretch of words since the last comma: not 'According to data from ..., trade reached'
    bound = max((p.i for p in doc[t.sent.start:t.i] if p.is_punct and p.text != "-"), default=t.sent.start - 1)
    cur, best = doc[t.i - 1], None
    while True:
        if cur.pos_ in ("NOUN", "PROPN"):
            best = cur
        if cur.head.i == cur.i or not bound < cur.head.i < t.i or cur.head.pos_ not in ("NOUN", "PROPN", "ADP"):
            break
        cur = cur.head
    if best is None or _is_actor(best):  # the parse hung the phrase elsewhere: the nearest common noun
        best = next((n for n in reversed(doc[bound + 1:t.i]) if n.pos_ == "NOUN" and not _is_actor(n)), None)
    return best


def _inner(noun: Token) -> Token | None:
    """The thing a noun of change is about: 'a reduction in interest rates' -> rates."""
    return next((g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("in", "of")
                 for g in c.children if g.dep_ == "pobj" and not g.like_num
                 and g.ent_type_ not in ("MONEY", "PERCENT", "CARDINAL")), None)


def _subject_of(verb: Token, amount: range) -> tuple[Token, Token | None]:
    """The verb whose object or subject an amount names, and that thing: a participle's clause
    takes its main clause's ('exports increased by 45 percent, amounting to $69.6 million')."""
    thing = _changed(verb, amount)
    while thing is None and verb.dep_ in ("advcl", "xcomp", "conj") and verb.head.i != verb.i and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        verb = verb.head
        thing = _changed(verb, amount)
    if thing is not None and thing.pos_ == "PRON":  # 'aim to raise it to $10 billion': what it stands for
        thing = _antecedent(thing)
    return verb, thing


def _change(name: str, rise: bool, unit: str) -> str:
    if unit == "percent":
        return ("growth of " if rise else "fall in ") + name
    return ("increase in " if rise else "fall in ") + name


def _money_about(doc: Doc, start: int, end: int, unit: str) -> str | None:
    """What an amount or a rate measures: the noun it qualifies ('a 100.9-billion-yen loan package',
    'a trade volume of $6.8-billion', 'an interest rate of 3 percent', 'goods worth Sh480 billion'),
    or the thing a verb says it is, reaches or changes ('Bilateral trade reached ...'); a change is
    named as one ('growth of exports', 'up 12 percent'); never who acts ('The two countries', a
    dateline's city)."""
    u = units()
    span = doc.char_span(start, end, alignment_mode="expand")
    tok = _amount_head(doc, start, end)
    if tok is None or span is None:
        return None
    last = max(tok.right_edge.i, span[-1].i)
    amount = range(span.start, span.end)
    change_words = u.rise | u.fall
    # '$1 billion in aid', '$5 million of assistance', however the parse hangs the phrase
    close = span.end
    if close < len(doc) and doc[close].text == "(":  # past a conversion: '150 billion yen (about USD 1 billion) in'
        close = next((t.i + 1 for t in doc[close:close + 12] if t.text == ")"), close)
    after = doc[close:close + 2]
    if len(after) == 2 and after[0].lower_ in ("in", "of") and after[0].dep_ == "prep" and after[1].pos_ == "NOUN" \
            and after[1].ent_type_ != "DATE":
        return _noun_phrase(after[1].head if after[1].dep_ == "compound" else after[1])
    # 'more than EUR 1.2 billion': the amount stands where its qualifier stands
    while tok.dep_ == "pobj" and tok.head.lower_ == "than" and tok.head.head.lower_ in ("more", "less", "fewer"):
        tok = tok.head.head
        amount = range(min(tok.i, span.start), span.end)
    head, dep = tok.head, tok.dep_
    if dep in ("compound", "nmod", "nummod", "amod", "npadvmod", "quantmod") and head.pos_ == "NOUN" \
            and head.i > tok.i and head.lemma_.lower() not in TIME_NOUNS:
        return _noun_phrase(head, after=last) if not _is_actor(head) else None
    prep = None
    if dep == "pobj" and head.dep_ == "prep":
        prep, head = head, head.head
    while head.ent_type_ in ("MONEY", "PERCENT") and head.head.i != head.i:
        head = head.head  # 'by 24 per cent ... to US$4.4 billion': the verb, not the other number
    while head.lemma_.lower() in TIME_NOUNS and head.head.i != head.i:
        head = head.head  # 'up 1.9 percent year on year'
    level = prep is not None and prep.lower_ in LEVEL_PREPS
    if head.lower_ == "worth":  # 'goods worth Sh480 billion', 'trade was worth about $13.5 billion'
        owner = head.head
        if owner.pos_ in ("NOUN", "PROPN") and not _is_actor(owner):
            return _noun_phrase(owner)
        head = owner
    before = next((t for t in reversed(doc[span.sent.start:span.start]) if t.lower_ not in QUALIFIER_WORDS), None)
    if before is not None and before.lower_ in ("up", "down") and before.i == span.start - 1:
        head = before  # 'with exports to Fiji up 6.4 per cent', however the parse hangs it
    rise = head.lemma_.lower() in u.rise or head.lower_ == "up"
    if head.lower_ in ("up", "down") or head.pos_ == "NOUN" and head.lemma_.lower() in change_words \
            and _inner(head) is None and (prep is None or prep.lower_ in ("of", "by")):
        # 'reached A$30.3 billion, up 12 percent', 'stood at £7.2 billion, an increase of 10.6 per cent'
        owner = head.head
        while owner.ent_type_ in ("MONEY", "PERCENT", "DATE") and owner.head.i != owner.i:
            owner = owner.head  # 'reached 4.2 billion shillings, up 12 percent': the verb, not the amount
        thing = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if thing is None and owner.pos_ in ("NOUN", "PROPN") and head.dep_ == "advmod" and not _is_actor(owner):
            thing = owner
        if thing is None and owner.pos_ in ("VERB", "AUX"):
            thing = _subject_of(owner, amount)[1]
        if thing is None and head.lower_ in ("up", "down"):
            thing = _noun_before(head)
        return _change(_noun_phrase(thing), rise, unit) if thing is not None else None
    if head.pos_ == "NOUN" and not _is_actor(head):
        inner = _inner(head)
        if head.lemma_.lower() in change_words and level and inner is not None:
            return _noun_phrase(inner)  # 'a reduction in interest rates from three percent'
        return _noun_phrase(head, after=last if head.i > tok.i else -1)
    if head.pos_ in ("VERB", "AUX", "ADP", "ADV", "ADJ"):
        first = head
        while first.pos_ not in ("VERB", "AUX") and first.head.i != first.i:
            first = first.head
        lemma = first.lemma_.lower()
        verb, thing = _subject_of(first, amount)
        if thing is not None:
            inner = _inner(thing)
            if thing.lemma_.lower() in change_words and level and inner is not None:
                return _noun_phrase(inner)
            name = _noun_phrase(thing)
            return _change(name, lemma in u.rise, unit) if lemma in change_words and not level else name
        # an actor spends or earns it: the act and what for ('spent on its Afghan mission')
        for c in [*first.children, *(c for t in span for c in t.children)]:
            if c.dep_ == "prep" and c.lower_ in ("on", "for", "to", "in") and c.i > span.end - 1:
                pobj = [g for g in c.children if g.dep_ == "pobj" and g.ent_type_ not in ("DATE",)]
                if pobj and pobj[0].pos_ in ("NOUN", "PROPN"):  # 'invested ... in Peru'
                    return f"{first.lower_} {c.lower_} {_noun_phrase(pobj[0])}"
    return None


def _antecedent(pron: Token) -> Token | None:
    """What 'it' stands for: the last thing before it in its sentence that a verb says reached or
    changed ('Bilateral trade reached $5.8 billion, and the two countries aim to raise it')."""
    if pron.lower_ not in ("it", "this", "that"):
        return None
    for t in reversed(pron.doc[pron.sent.start:pron.i]):
        if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("NOUN", "PROPN") and not _is_actor(t):
            return t
    return None


def _period(times: list[TimeExpr], sent: Span, start: int, end: int, text: str,
            published: str | None) -> str | None:
    """The time a number refers to: the nearest expression after it in its sentence, else before;
    never the term of a comparison ('compared to January 2019'); 'since 2001' runs to the
    publication ('2001/2011')."""
    baseline = units().baseline
    inside = [t for t in times if sent.start_char <= t.start < sent.end_char and t.value
              and not baseline.search(text[max(sent.start_char, t.start - 40):t.start])]
    after = [t for t in inside if t.start >= end and t.start - end < 60]
    before = [t for t in inside if t.end <= start]
    chosen = min(after, key=lambda t: t.start) if after else max(before, key=lambda t: t.end) if before else None
    if chosen is None or chosen.value is None:
        return _that_time(times, sent, text)
    value = chosen.value
    if (re.search(r"\bsince\s+$", text[max(0, chosen.start - 8):chosen.start], re.I)
            or chosen.text.lower().startswith("since ")) and published and re.fullmatch(r"\d{4}(?:-\d\d){0,2}", value):
        until = published[:len(value)]
        return f"{value}/{until}" if until > value else value
    return value


def _that_time(times: list[TimeExpr], sent: Span, text: str) -> str | None:
    """The time 'in that month' or 'the same year' points back to: the last month or year the text
    named before the sentence."""
    m = re.search(r"\b(?:that|the same)\s+(month|year)\b", text[sent.start_char:sent.end_char], re.I)
    if m is None:
        return None
    size = 7 if m.group(1).lower() == "month" else 4
    baseline = units().baseline
    named = [t.value for t in times if t.end <= sent.start_char and t.value and re.fullmatch(r"\d{4}(?:-\d\d)?", t.value)
             and len(t.value) >= size and not baseline.search(text[max(0, t.start - 40):t.start])]
    return named[-1][:size] if named else None


def _day_of_harm(about: str | None, times: list[TimeExpr], sent: Span, text: str) -> str | None:
    """The day of a count of people harmed that its sentence does not date: the day the article
    last named before it ('exchanged attacks Thursday morning ... three Thai citizens were
    injured'), as events are dated."""
    if not about or not set(about.lower().split()) & units().harm["states"]:
        return None
    baseline = units().baseline
    days = [t.value for t in times if t.end <= sent.start_char and t.value and re.fullmatch(r"\d{4}-\d\d-\d\d", t.value)
            and not baseline.search(text[max(0, t.start - 40):t.start])]
    return days[-1] if days else None


def _stated_now(sent: Span, start: int, published: str | None) -> str | None:
    """The publication date for a count stated in the present tense with no time of its own (what
    holds on the day it is written, inside any year or month the article gives it):
    'some 184,000 ethnic Hungarians live in Vojvodina', 'more than 20,000 are currently studying'."""
    if not published or not re.match(r"\d{4}", published):
        return None
    tok = next((t for t in sent if t.idx >= start), None)
    verb = tok
    while verb is not None and verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    # a participle's clause takes the tense of the verb it hangs on ('is downsizing by sending 500 soldiers')
    while verb.tag_ in ("VBG",) and verb.dep_ in ("pcomp", "advcl", "xcomp") and verb.head.i != verb.i and not any(
            c.dep_ in ("aux", "auxpass", "nsubj") for c in verb.children):
        verb = verb.head if verb.head.pos_ in ("VERB", "AUX") else verb.head.head
    tenses = {verb.tag_} | {c.tag_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    present = bool(tenses & {"VBP", "VBZ"}) and not tenses & {"VBD", "MD"}
    return published if present else None


def _dollar(doc: Doc, start: int, end: int, home: str | None) -> str:
    """The dollar a bare '$' means: that of the state that spends or earns the amount when the
    sentence names it ('The Canadian government estimates that it spent $11.3 billion', 'Ottawa
    will send', 'Prime Minister Albanese announced'), else that of the outlet's country, else the
    US dollar."""
    homes = units().data["dollar_homes"]
    tok = _amount_head(doc, start, end)
    gaz = gazetteer.load()
    for anc in ([] if tok is None else tok.ancestors):
        subj = [c for c in anc.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subj or subj[0].pos_ == "PRON":
            continue
        for t in subj[0].subtree:
            if t.ent_type_ in ("GPE", "NORP") and not any(c.dep_ == "prep" for c in t.ancestors if c.i > subj[0].i):
                name = next((e.text for e in doc.ents if e.start <= t.i < e.end), t.text)  # 'New Zealand'
                iso = gaz.country_of(name) or gaz.country_of_place(name)
                if iso:
                    return str(homes.get(iso, "USD"))
        iso = _country_of_entity(doc, subj[0])
        if iso:
            return str(homes.get(iso, "USD"))
        break
    return str(homes.get(home, "USD"))


def _country_of_entity(doc: Doc, tok: Token) -> str | None:
    """The country of the person or organisation the article found at `tok`, if it knows it."""
    for entity in [*(doc._.people or []), *(doc._.organisations or [])]:
        if entity.country and any(a <= tok.idx < b for a, b in entity.mentions):
            return str(entity.country)
    return None


def _same(a: tuple[Fact, tuple], b: tuple[Fact, tuple]) -> bool:
    """Whether two numbers of an article are one fact told twice (headline, lede, body): the same
    value and unit, unless they are counts of different kinds of things, of different countries or
    of different fates ('two soldiers' and 'two drones', 'three employees of the Russian embassy'
    and 'of the Moldovan embassy', 'two killed' and 'two injured')."""
    (fa, ka), (fb, kb) = a, b
    if (fa.value, fa.unit) != (fb.value, fb.unit):
        return False
    return fa.unit != "count" or all(x == y or not x or not y for x, y in zip(ka, kb, strict=True))


def _what(fact: Fact) -> tuple[str | None, str | None, frozenset[str]]:
    """What kind of thing a count counts (people, forces, aid, documents), whose they are (the first
    country its phrase names) and what befell them (its words of harm)."""
    gaz = gazetteer.load()
    words = re.findall(r"[\w-]+", fact.about or "")
    whose = next((iso for w in words if (iso := gaz.country_of(w))), None)
    kinds = units().data["counted"]
    kind = next((k for w in words for k, nouns in kinds.items()
                 if w.lower() in nouns or w.lower().removesuffix("s") in nouns), None)
    return kind, whose, frozenset(w.lower() for w in words) & units().harm["states"]


def find_facts(doc: Doc) -> list[Fact]:
    """The article's facts: money, percentages and counts of things or people, each told once."""
    u = units()
    text = doc_text(doc)
    times: list[TimeExpr] = doc._.times or []
    time_spans = [(t.start, t.end) for t in times]
    found: list[tuple[int, int, float, str]] = []

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b, *_ in found) and not any(a < e and s < b for a, b in time_spans)

    article = doc._.article
    home = gazetteer.load().home_of(article.source) if article is not None else None
    published = article.published if article is not None else None
    for rx in (u.money_prefix, u.money_suffix):
        for m in rx.finditer(text):
            cur = m.group("cur")
            code = u.data["currency_prefix"].get(cur) or u.data["currency_suffix"].get(cur)
            if not m.group("num")[0].isdigit() and not m.group("scale") and not re.search(
                    r"(?i)hundred|thousand|million|billion|trillion", m.group("num")):
                continue  # 'the two won seats' is not two won
            if cur == "$":
                code = _dollar(doc, m.start(), m.end(), home)
            value = number_value(m.group("num"), m.group("scale"))
            if code and free(m.start(), m.end()) and not _petty(doc, m.start(), value):
                found.append((m.start(), m.end(), value, code))
    for m in u.percent.finditer(text):
        if free(m.start(), m.end()):
            found.append((m.start(), m.end(), number_value(m.group("num")), "percent"))
    for m in u.count.finditer(text):
        if free(m.start(), m.end()) and _is_count(doc, m):
            found.append((m.start(), m.end(), number_value(m.group("num"), m.group("scale")), "count"))
    kept: list[tuple[Fact, tuple]] = []
    previous: tuple[int, str | None] = (-1, None)  # where the last amount of money ended, what it was
    for start, end, value, unit in sorted(found):
        sent = _sentence(doc, start)
        if sent is None:
            continue
        if unit == "count":
            span = doc.char_span(start, end, alignment_mode="expand")
            about = _count_about(doc, span) if span is not None else None
        elif unit != "percent" and CONVERSION.match(text[previous[0]:start]) and previous[0] >= 0:
            about = previous[1]  # '150 billion yen (about USD 1 billion, or roughly Rs 8,700 crore)'
        else:
            about = _money_about(doc, start, end, unit)
        if unit not in ("count", "percent"):
            previous = (end, about)
        period = _period(times, sent, start, end, text, published)
        fact = Fact(value=value, unit=unit, period=period or (
                    _stated_now(sent, start, published) or _day_of_harm(about, times, sent, text)
                    if unit == "count" else None),
                    about=about, qualifier=_qualifier(text, start), evidence=evidence(doc, sent))
        item = (fact, _what(fact))
        at = next((i for i, k in enumerate(kept) if _same(k, item)), None)
        if at is None:
            kept.append(item)
            continue
        first = kept[at][0]
        if _headline(first.evidence) and not _headline(fact.evidence):
            # the body's telling says more than the headline's: 'RP gets $1.1b loan from Japan'
            fact.period = fact.period if _from_text(fact, times) or not first.period else first.period
            kept[at] = item
        elif period and first.period != period and not _from_text(first, times):
            first.period = period  # the retelling that dates it: 'the decision on March 31 to expel three'
    return [f for f, _ in kept]


def _headline(ev: Evidence) -> bool:
    """A title or a caption rather than a sentence: no closing punctuation."""
    return not ev.text.rstrip().endswith((".", "!", "?", '"', "”", "’", "'", ")"))


def _from_text(fact: Fact, times: list[TimeExpr]) -> bool:
    """Whether a fact's period was read from a time expression of its sentence."""
    ev = fact.evidence
    return fact.period is not None and any(ev.start <= t.start < ev.end and t.value and fact.period.startswith(t.value)
                                           for t in times)


def _petty(doc: Doc, start: int, value: float) -> bool:
    """An amount too small to be a figure between states ('a $5,000 fine', '$85 a barrel'), unless
    its sentence speaks of aid, trade, loans or funds ('a grant of $500,000')."""
    small = units().data["small_money"]
    if value >= small["below"]:
        return False
    sent = _sentence(doc, start)
    return sent is None or not any(t.lemma_.lower() in small["unless"] for t in sent)


def _is_count(doc: Doc, m: re.Match[str]) -> bool:
    """A number of people or things: followed by a plural noun or people's name, not a unit of
    time or measure, not a year, not part of a date, stated in a clause (not '2 Comments'). A
    number in words counts only people acted upon, forces, weapons, aid or documents and never
    a group named before ('the two countries', 'both sides', 'four areas')."""
    num = m.group("num")
    words = not num[0].isdigit()
    if not words and not m.group("scale") and re.fullmatch(r"(?:1[89]|20)\d\d", num):
        return False
    if number_value(num, m.group("scale")) < 2:
        return False
    span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return False
    if len([t for t in span.sent if not t.is_space]) < 4 and not any(t.pos_ in ("VERB", "AUX") for t in span.sent):
        return False  # page furniture: '2 Comments', '3 Min Read'
    if words and span.start > 0 and (doc[span.start - 1].lower_ in ("the", "these", "those", "both", "all")
                                     or doc[span.start - 1].tag_ == "PRP$"):
        return False
    found = _counted_noun(doc, span)
    if found is None:
        return _harm_count(doc, span) is not None
    mods, noun = found
    counted = units().counted
    # 'three embassy staff members', 'five crew members', not 'three committee members'
    heads = [noun, *(t for t in mods if t.pos_ == "NOUN")] if noun.lemma_.lower() == "member" else [noun]
    return not words or any(t.lemma_.lower() in counted or t.lower_ in counted for t in heads) \
        or noun.ent_type_ == "NORP" or _harmed(noun)


@component("entente_quantities")
def quantities_component(doc: Doc) -> Doc:
    """Set doc._.facts: the numbers of the article with unit, qualifier, period and evidence."""
    doc._.facts = find_facts(doc)
    return doc
