"""States, organisations and groups as actors: the agent lexicon and the phrases that name them."""

from __future__ import annotations

import pytest

from entente.extract.agents import agent_sector, lexicon, phrase_agents


@pytest.mark.parametrize("noun,sector", [
    ("police", "POL"), ("troop", "MIL"), ("soldier", "MIL"), ("army", "MIL"), ("border guard", "MIL"),
    ("coast guard", "MIL"), ("protester", "OPP"), ("rebel", "REB"), ("ministry", "GOV"),
    ("foreign ministry", "GOV"), ("forces", "MIL"), ("official", "GOV"),
])
def test_agent_nouns_carry_their_sector(noun, sector):  # type: ignore[no-untyped-def]
    assert lexicon()[noun] == sector



@pytest.mark.slow
@pytest.mark.parametrize("text,names", [
    ("Pakistani forces fired on the post.", [("forces of Pakistan", "GROUP", "PAK", "MIL")]),
    ("Kenyan police detained the traders.", [("police of Kenya", "GROUP", "KEN", "POL")]),
    ("The Iraqi government suspended the permit.", [("Iraq", "GPE", "IRQ", "GOV")]),
    ("The Tajik side opened fire.", [("Tajikistan", "GPE", "TJK", "GOV")]),
    ("Mali, Niger and Burkina Faso recalled their envoys.",
     [("Mali", "GPE", "MLI", "GOV"), ("Niger", "GPE", "NER", "GOV"), ("Burkina Faso", "GPE", "BFA", "GOV")]),
    ("Afghanistan's foreign ministry summoned the envoy.",
     [("Ministry of Foreign Affairs of Afghanistan", "ORG", "AFG", "GOV")]),
])
def test_a_subject_names_its_states_and_groups(text, names, nlp):  # type: ignore[no-untyped-def]
    doc = nlp(text)
    root = next(s.root for s in doc.sents)
    subject = [t for c in root.children if c.dep_ == "nsubj" for t in c.subtree]
    found = [(a.name, a.type, a.country, a.sector) for a in phrase_agents(subject, doc._.organisations or [])]
    assert found == names


@pytest.mark.slow
def test_a_state_inside_a_phrase_about_something_else_does_not_act(nlp):  # type: ignore[no-untyped-def]
    doc = nlp("Direct flights between Russia and Georgia resumed in May.")
    root = next(s.root for s in doc.sents)
    subject = [t for c in root.children if c.dep_ == "nsubj" for t in c.subtree]
    assert phrase_agents(subject, []) == []


@pytest.mark.slow
def test_a_compound_of_the_head_noun_is_part_of_the_agent(nlp):  # type: ignore[no-untyped-def]
    doc = nlp("Five Kyrgyz border guards were injured.")
    guards = next(t for t in doc if t.lemma_ == "guard")
    assert agent_sector(guards) == ("border guards", "MIL")
