"""entente's exception types. Messages name the file, record or parameter at fault."""

from __future__ import annotations


class EntenteError(Exception):
    """Base of every error entente raises on purpose."""


class InputError(EntenteError):
    """An input file or record that cannot be read as an article."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}")
        self.where = where
        self.problem = problem


class StoreError(EntenteError):
    """The database could not be opened or written."""


class NotFound(EntenteError):
    """A requested article, actor or event is not in the store."""


class InvalidParameter(EntenteError):
    """A query parameter or option with a value entente cannot use; the message names it."""

    def __init__(self, name: str, problem: str) -> None:
        super().__init__(f"{name}: {problem}")
        self.name = name
        self.problem = problem


class Forbidden(EntenteError):
    """An operation switched off or not permitted to this caller."""


class TooLarge(EntenteError):
    """A request or input over a configured size limit."""


class Messages:
    """The text of recurring input problems, kept together so they read alike."""

    EMPTY = "empty file: no article text"
    TOO_SHORT = "too little text to be an article ({n} characters)"
    TOO_LARGE = "article is {size:,} bytes, over the limit of {limit:,} (ENTENTE_MAX_ARTICLE_BYTES)"
    BINARY = "binary data, not a text article"
    UNDECODABLE = "text encoding could not be recognised"
    DECODED_AS = "not UTF-8; decoded as {encoding}"
    NOT_FOUND = "no such file or folder"
    BAD_DATE = "publication date {value!r} is not plausible (before 1900 or in the future); ignored"
