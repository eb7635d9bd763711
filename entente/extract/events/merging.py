"""Merging the mentions of one happening into one event with several evidence sentences, after
giving acts of one state on no one named, and meetings with one named side, their other side."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from entente.extract.doctext import doc_text
from entente.extract.events.found import Found
from entente.extract.events.persons import PersonIndex
from entente.extract.events.phrases import definite
from entente.extract.events.triggers import Trigger

RECALLED_NOUNS = {"agreement", "deal", "pact", "accord", "memorandum", "treaty", "declaration", "document",
                  "contract", "protocol", "mou", "roadmap", "plan", "partnership"}


def joins_earlier(tok: Token, candidates: list[Trigger], sent: Span, found: list[Found]) -> bool:
    """'the trip', 'the talks' with no one named: a further mention of the latest event of its type
    and mode already read, which takes the sentence as evidence."""
    earlier = next((f for f in reversed(found) if f.type == candidates[0].type
                    and f.mode == candidates[0].mode), None)
    if earlier is None:
        return False
    if sent not in earlier.sents:
        earlier.sents.append(sent)
    return True


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


def _compatible(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    return a.startswith(b[:7]) or b.startswith(a[:7])


def recalls(tok: Token) -> bool:
    """'The agreement was signed by X and Y': a passive whose subject is a definite agreement-like
    noun tells more of an agreement named just before."""
    return any(c.dep_ == "nsubjpass" and definite(c) and c.lemma_.lower() in RECALLED_NOUNS for c in tok.children)


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


def with_counterparts(found: list[Found], alone: list[Found]) -> list[Found]:
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


def lead_counterparts(found: list[Found], doc: Doc, index: PersonIndex, published: str | None) -> None:
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
