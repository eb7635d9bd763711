"""From events as read to the record's events: actors and targets by name (people, organisations,
states and groups), every country involved, evidence."""

from __future__ import annotations

from spacy.tokens import Doc

from entente import gazetteer
from entente.extract.agents import Agent
from entente.extract.events.found import Found
from entente.extract.organisations import Organisation
from entente.extract.people import Person, pair_countries
from entente.extract.quantities import evidence
from entente.fold import ascii_name
from entente.records import Event


def to_events(doc: Doc, found: list[Found]) -> list[Event]:
    people: list[Person] = doc._.people or []
    orgs: list[Organisation] = doc._.organisations or []
    pair = pair_countries(doc)
    events = []
    for f in found:
        ev = [evidence(doc, s) for s in f.sents]
        actors = [people[i].name for i in f.actors] + organisation_actors(f, orgs)
        actors += [a.name for a in f.agent_actors if a.name not in actors]
        targets = [people[i].name for i in f.targets]
        targets += [a.name for a in f.agent_targets if a.name not in actors + targets]
        events.append(Event(
            type=f.type, mode=f.mode, date=f.date, actors=actors,
            targets=targets, countries=sorted(event_countries(f, people, orgs, pair)),
            location=ascii_name(f.location) if f.location else None,
            status=f.status, trigger=f.trigger.text, evidence=ev[0],  # type: ignore[arg-type]
            more_evidence=[e for e in ev[1:] if e != ev[0]],
        ))
    return events


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


def event_countries(f: Found, people: list[Person], orgs: list[Organisation], pair: list[str] | None = None
                    ) -> set[str]:
    """Every state the event involves: those its phrase names, the countries of its actors and
    targets (people and organisations), and the country of its place, which for a visit is the
    state visited; in a story of two states (`pair`), the other one where a side of the event is
    missing. Read once the event is complete, after participants and places were added."""
    countries = set(f.countries) | {c for i in f.people if (c := people[i].country)}
    acting = {o.country for o in orgs if o.country and o.name in organisation_actors(f, orgs)}
    countries |= acting
    countries |= {a.country for a in f.agent_actors + f.agent_targets if a.country}
    if f.location and (iso := gazetteer.load().country_of_place(f.location)):
        countries.add(iso)
    return countries | _other_side(f, people, acting, countries, pair or [])


def _other_side(f: Found, people: list[Person], acting: set[str], countries: set[str], pair: list[str]) -> set[str]:
    """An event is between two sides: when one state is all it names and the side facing it is
    missing (no participant, or none of known country), in a story of two states that side is the
    other one ('the charge d'affaires had been summoned' in an Egypt-Israel story). Both sides of
    one state ('Putin met Lavrov') make an act at home."""
    if len(pair) != 2 or len(countries) != 1 or not countries <= set(pair):
        return set()
    sides = ({people[i].country for i in f.actors} | {a.country for a in f.agent_actors} | acting,
             {people[i].country for i in f.targets} | {a.country for a in f.agent_targets})
    if all(side - {None} for side in sides):
        return set()
    return set(pair)


def acting_agents(found: list[Found]) -> list[Agent]:
    """Every state, organisation and group the events name, once each, in order of first mention."""
    agents: dict[str, Agent] = {}
    for f in found:
        for a in f.agent_actors + f.agent_targets:
            agents.setdefault(a.name, a)
    return sorted(agents.values(), key=lambda a: a.start)
