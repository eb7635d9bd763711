"""Sentence structure: every line break starts a sentence, so headings and datelines never run
into the paragraph that follows them. Runs before spaCy's parser, which respects it."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("entente_paragraphs")
def paragraphs_component(doc: Doc) -> Doc:
    """Mark the first token after a line break as a sentence start."""
    for i, tok in enumerate(doc[:-1]):
        if "\n" in tok.text_with_ws and not tok.is_space:
            doc[i + 1].is_sent_start = True
        elif tok.is_space and "\n" in tok.text:
            doc[i + 1].is_sent_start = True
    return doc
