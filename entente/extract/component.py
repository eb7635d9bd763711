"""How entente's spaCy components are registered: each one fails soft. A component that raises
on an article leaves a warning on the Doc naming itself, the article and the error, and the
pipeline goes on, so the record keeps what every other component found."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from spacy.language import Language
from spacy.tokens import Doc

from entente.errors import Messages

Component = Callable[[Doc], Doc]

if not Doc.has_extension("warnings"):
    Doc.set_extension("warnings", default=None)


def component(name: str) -> Callable[[Component], Component]:
    """Register the decorated function as spaCy component `name`, guarded: what it raises becomes
    a warning in `doc._.warnings` and the Doc goes on to the next component."""
    def register(func: Component) -> Component:
        @wraps(func)
        def guarded(doc: Doc) -> Doc:
            try:
                return func(doc)
            except Exception as exc:  # one step failing on one article must not lose the rest of its record
                warn(doc, Messages.COMPONENT_FAILED.format(component=name, error=one_line(exc)))
                return doc

        Language.component(name, func=guarded)
        return guarded

    return register


def warn(doc: Doc, message: str) -> None:
    """Add a warning about this Doc's article, prefixed with where the article came from."""
    article = doc._.get("article") if Doc.has_extension("article") else None
    where = article.origin if article is not None else "<text>"
    doc._.warnings = [*(doc._.warnings or []), f"{where}: {message}"]


def one_line(exc: BaseException) -> str:
    """The exception's class and the first line of its message, at most 200 characters."""
    lines = str(exc).strip().splitlines()
    text = f"{exc.__class__.__name__}: {lines[0]}" if lines else exc.__class__.__name__
    return text if len(text) <= 200 else text[:197] + "..."
