"""Events: what happened between the countries, typed in PLOVER, with actors, targets, status,
date, place and evidence, read from the dependency parse around each trigger.

The stages, one module each, in the order an event is read (`reading.find_events`):
- `triggers`: the words that may tell an event, from the trigger lexicon (entente/data/triggers.json);
- `phrases`, `persons`, `states`, `arguments`: each trigger's own part of the sentence, its
  participants (people by mention, pronoun, description or group; else states, organisations
  and groups), and whether the sentence tells an event at all;
- `classify`: its PLOVER type and mode, decided in `classify.decide_type`;
- `attributes`: its status, date and place;
- `places`: once merged, the place of events their own phrase did not place (summons, 'in'/'at', dateline);
- `merging`: the mentions of one happening merged into one event with several evidence sentences;
- `output`: the record's events, with actors and targets by name and every country involved.
"""

from __future__ import annotations

from spacy.tokens import Doc

from entente.extract.component import component
from entente.extract.events.found import Found
from entente.extract.events.merging import merge
from entente.extract.events.output import acting_agents, event_countries, organisation_actors, to_events
from entente.extract.events.persons import PersonIndex
from entente.extract.events.reading import find_events
from entente.extract.events.triggers import Lexicon, Trigger, lexicon, match_triggers

__all__ = ["Found", "Lexicon", "PersonIndex", "Trigger", "acting_agents", "event_countries", "events_component",
           "find_events", "lexicon", "match_triggers", "merge", "organisation_actors", "to_events"]


@component("entente_events")
def events_component(doc: Doc) -> Doc:
    """Set doc._.events: PLOVER events with participants, status, date, place and evidence, and
    doc._.agents: the states, organisations and groups those events name beside people."""
    found = find_events(doc)
    doc._.events = to_events(doc, found)
    doc._.agents = acting_agents(found)
    return doc
