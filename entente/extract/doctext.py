"""The text of a Doc, joined once: spaCy's `Doc.text` joins every token anew on each access,
and each of entente's components reads it. A Doc's text never changes (retokenizing keeps it),
so the first join is kept in the Doc's user data."""

from __future__ import annotations

from spacy.tokens import Doc

TEXT_KEY = "entente_text"


def doc_text(doc: Doc) -> str:
    """`doc.text`, computed on the first call for this Doc."""
    text: str | None = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text
