from __future__ import annotations

import spacy

from entente.extract.events.persons import PersonIndex
from entente.extract.people import Person

TEXT = "President Lula met Prime Minister Pedro Sanchez and Lula Sanchez in Brasilia on Monday."


def _people() -> list[Person]:
    # "Lula" twice for one person; "Lula Sanchez" overlaps both names' first words
    return [Person(name="Lula", parts=["Lula"], mentions=[(10, 14), (52, 56)]),
            Person(name="Pedro Sanchez", parts=["Pedro", "Sanchez"], mentions=[(34, 47)]),
            Person(name="Lula Sanchez", parts=["Lula", "Sanchez"], mentions=[(52, 64)])]


def _scan(index: PersonIndex, idx: int) -> int | None:
    return next((i for s, e, i in index.spans if s <= idx < e), None)


def test_person_at_a_token_is_the_first_span_holding_it_however_often_asked() -> None:
    doc = spacy.blank("en")(TEXT)
    index = PersonIndex(_people())
    expected = [_scan(index, t.idx) for t in doc]
    assert [index.at(t) for t in doc] == expected
    assert [index.at(t) for t in reversed(doc)] == expected[::-1]
    assert expected[doc.char_span(10, 14)[0].i] == 0 and expected[doc.char_span(52, 56)[0].i] == 0
    assert expected[doc.char_span(40, 47)[0].i] == 1 and index.at(doc[0]) is None


def test_mentions_in_a_range_and_the_last_before_an_offset_are_those_a_scan_finds() -> None:
    index = PersonIndex(_people())
    for start in range(len(TEXT) + 1):
        for end in range(start, len(TEXT) + 2, 7):
            assert index.in_range(start, end) == [i for s, _e, i in index.spans if start <= s < end]
        for pred in (lambda i: True, lambda i: i != 2, lambda i: i == 1):
            scan = [i for s, _e, i in index.spans if s < start and pred(i)]
            assert index.last_before(start, pred) == (scan[-1] if scan else None)
