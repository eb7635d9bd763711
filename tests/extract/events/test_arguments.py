"""Whether a sentence tells an event: headlines of other stories tell none of this one."""

from __future__ import annotations

import pytest

from ...conftest import record_of

pytestmark = pytest.mark.slow


def _events(text, nlp, published="2024-03-05"):  # type: ignore[no-untyped-def]
    return record_of(text, nlp, published=published).events


def test_teaser_block_never_reaches_the_record(sample_records):  # type: ignore[no-untyped-def]
    rec = sample_records["002_a03111350bd76b81"]
    blob = rec.model_dump_json()
    for word in ("Ha Nam", "Hung Yen", "Quang Ninh", "buffalo"):
        assert word not in blob


def test_a_related_storys_headline_tells_no_event_of_this_one(nlp):  # type: ignore[no-untyped-def]
    events = _events("Chile and Bolivia sign trade deal\n\nChile and Bolivia signed a trade agreement in La Paz on "
                     "Monday.\n\nRead more\n\nPeru expels Ecuadorian diplomats over border row\n", nlp)
    assert "SANCTION" not in [e.type for e in events]


@pytest.mark.parametrize("text,word,stray", [
    ("Talks end\n\nAfter talks on Monday, the working groups\nagreed on a section of the border.\n", "agreed", False),
    ("Talks end\n\nThe groups agreed on the border.\n\nPeru expels Ecuadorian envoy\n", "expels", True),
    ("Talks end\n\nThey signed the treaty on July 18, 1977. – VNA\n", "signed", False),
    ("Peru expels Ecuadorian envoy\n\nPeru expelled the envoy.\n", "expels", False),
])
def test_a_headline_line_after_the_title_is_told_apart_from_prose(nlp, text, word, stray):  # type: ignore[no-untyped-def]
    from entente.extract.events.arguments import _stray_headline

    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    assert _stray_headline(tok, text.index("\n")) is stray


def _doc(text, nlp, published="2024-03-05"):  # type: ignore[no-untyped-def]
    """The article's Doc after every component, as the events component reads it."""
    from entente.clean import clean
    from entente.extract.pipeline import make_doc
    from entente.records import RawArticle

    return nlp(make_doc(nlp, clean(RawArticle(doc_id="t", text=f" date {published} {text}", origin="<test>"))))


def test_a_passive_reception_has_the_agent_for_actor(nlp):  # type: ignore[no-untyped-def]
    from entente.extract.events.arguments import named_parties, settle_parties
    from entente.extract.events.context import Memory, article_context, sentence_context

    doc = _doc("Chinese Foreign Minister Wang Yi was received by Russian President Vladimir Putin in Moscow "
               "on Monday.", nlp)
    art = article_context(doc)
    s = sentence_context(art, 0, next(doc.sents), None)
    ((tok, candidates),) = s.triggers
    parties = named_parties(tok, s.regions[tok.i], s, art, Memory())
    settle_parties(parties, tok, candidates, s, art, Memory())
    names = [p.name for p in art.people]
    assert parties.passive
    assert ([names[i] for i in parties.actors], [names[i] for i in parties.targets]) == (["Vladimir Putin"], ["Wang Yi"])
