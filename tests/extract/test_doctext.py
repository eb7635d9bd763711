from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from entente.extract.doctext import TEXT_KEY, doc_text

ARTICLES = sorted((Path(__file__).parent.parent / "data" / "articles").glob("*.txt"))


@pytest.mark.parametrize("path", ARTICLES[:4], ids=lambda p: p.stem)
def test_doc_text_is_the_docs_text_and_is_joined_once(path: Path) -> None:
    doc = spacy.blank("en")(path.read_text(encoding="utf-8"))
    assert TEXT_KEY not in doc.user_data
    first = doc_text(doc)
    assert first == doc.text
    assert doc_text(doc) is first


def test_doc_text_survives_retokenizing() -> None:
    doc = spacy.blank("en")("Foreign Minister Hakan Fidan met his Greek counterpart.\n\nThey agreed.")
    before = doc_text(doc)
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[2:4])
    assert doc.text == before == doc_text(doc)
