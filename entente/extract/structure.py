"""Sentence structure: every line break starts a sentence, so headings and datelines never run
into the paragraph that follows them, and a name's initials ("M.Yu. Galuzin", "G. S. Rao") never
end one. Runs before spaCy's parser, which respects it."""

from __future__ import annotations

import re
from typing import cast

from spacy.attrs import SENT_START
from spacy.tokens import Doc, Token
from thinc.types import Ints2d

from entente.extract.component import component

# "M.", "M.Yu.", "A.K." (with or without the tokenizer splitting off the last full stop)
INITIALS = re.compile(r"(?:[A-Z][a-z]?\.){0,3}[A-Z][a-z]?\.?")
# abbreviations of places that often do end a sentence ("... sanctions on the U.S. China said")
NEVER_FIRST = {",", ";", ":", ")", "]", "}", "%"}
PLACE_ABBREVIATIONS = {"U.S", "U.K", "U.N", "E.U", "U.A.E", "US", "UK", "UN", "EU", "UAE"}


def _initials_before(tok: Token) -> bool:
    """True when `tok` ends a run of a name's initials: 'M.Yu.' or 'M.Yu' + '.'."""
    if tok.text == "." and tok.i > 0:
        prev = tok.doc[tok.i - 1]
        stem = prev.text
        return not prev.whitespace_ and INITIALS.fullmatch(stem) is not None and stem.rstrip(".") not in PLACE_ABBREVIATIONS
    return tok.text.endswith(".") and INITIALS.fullmatch(tok.text) is not None \
        and tok.text.rstrip(".") not in PLACE_ABBREVIATIONS


def _name_follows(tok: Token) -> bool:
    nxt = tok.doc[tok.i + 1]
    return not tok.whitespace_.count("\n") and nxt.is_title and nxt.tag_ == "NNP"


@component("entente_paragraphs")
def paragraphs_component(doc: Doc) -> Doc:
    """Mark the first token after a line break as a sentence start, and a surname after its
    initials as no start."""
    # set through an array (1 start, -1 no start, 0 the parser's to decide): assigning token by
    # token, spaCy checks the whole Doc for a parse each time, which made long articles quadratic
    starts = doc.to_array([SENT_START]).astype("int64")
    for i, tok in enumerate(doc[:-1]):
        if "\n" in tok.text_with_ws and not tok.is_space:
            starts[i + 1] = 1
        elif tok.is_space and "\n" in tok.text:
            starts[i + 1] = 1
        elif _initials_before(tok) and _name_follows(tok):
            starts[i + 1] = -1
        elif doc[i + 1].text in NEVER_FIRST:
            starts[i + 1] = -1  # "Fidan, however, rejected ...": no sentence opens on a comma
    # spaCy's own encoding: -1 wraps around in its unsigned integers
    doc.from_array([SENT_START], cast(Ints2d, starts.astype("uint64").reshape(-1, 1)))
    return doc
