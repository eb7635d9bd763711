"""Who speaks in reported speech, on hand-built parses: a quote's first person is its speaker,
and a speaker who is that first person ('I said') ends the search instead of looping."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from entente.extract.events.persons import PersonIndex, persons_in, speaker_of
from entente.extract.people import Person

VOCAB = spacy.blank("en").vocab


def _doc(words: list[str], heads: list[int], deps: list[str], pos: list[str], lemmas: list[str]) -> Doc:
    return Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


# reported speech whose reporting verb has a first person for subject: the speaker lookup of "I"
# reads the main subject, which holds "I" again (issue 18: RecursionError on a real article)
FIRST_PERSON_REPORTS = [
    _doc(["I", "said", "we", "would", "meet", "."], [1, 1, 4, 4, 1, 1],
         ["nsubj", "ROOT", "nsubj", "aux", "ccomp", "punct"], ["PRON", "VERB", "PRON", "AUX", "VERB", "PUNCT"],
         ["I", "say", "we", "would", "meet", "."]),
    _doc(["My", "colleague", "and", "I", "noted", "my", "visit", "."], [1, 4, 1, 1, 4, 6, 4, 4],
         ["poss", "nsubj", "cc", "conj", "ROOT", "poss", "dobj", "punct"],
         ["PRON", "NOUN", "CCONJ", "PRON", "VERB", "PRON", "NOUN", "PUNCT"],
         ["my", "colleague", "and", "I", "note", "my", "visit", "."]),
]


@pytest.mark.parametrize("doc,speaker", list(zip(FIRST_PERSON_REPORTS, [0, None], strict=True)),
                         ids=["I said", "my colleague and I noted"])
def test_a_speaker_who_says_i_is_the_subject_before_not_an_endless_search(doc: Doc, speaker: int | None) -> None:
    index = PersonIndex([Person(name="Vladimir Putin", parts=["Vladimir", "Putin"], mentions=[(1000, 1013)])])
    sent = next(iter(doc.sents))
    assert speaker_of(sent, index, last_subject=0) == speaker  # "my colleague ... noted" names no one
    assert persons_in(list(sent), index, last_subject=0) == [0]
    assert speaker_of(sent, PersonIndex([]), last_subject=None) is None


def test_a_quotes_first_person_is_the_named_speaker() -> None:
    doc = _doc(["my", "visit", "was", "useful", ",", "Putin", "said"], [1, 2, 6, 2, 6, 6, 6],
               ["poss", "nsubj", "ccomp", "acomp", "punct", "nsubj", "ROOT"],
               ["PRON", "NOUN", "AUX", "ADJ", "PUNCT", "PROPN", "VERB"],
               ["my", "visit", "be", "useful", ",", "Putin", "say"])
    putin = Person(name="Vladimir Putin", parts=["Putin"], mentions=[(doc[5].idx, doc[5].idx + 5)])
    other = Person(name="Pham Minh Chinh", parts=["Chinh"], mentions=[(1000, 1005)])
    assert persons_in([doc[0]], PersonIndex([putin, other]), last_subject=1) == [0]
