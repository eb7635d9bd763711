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


def first_line(exc: BaseException) -> str:
    """An exception as one short line: its type and the first line of its message."""
    text = str(exc).strip().splitlines()
    return f"{exc.__class__.__name__}: {text[0][:200]}" if text else exc.__class__.__name__


class Messages:
    """The text of recurring input problems, kept together so they read alike."""

    EMPTY = "empty file: no article text"
    TOO_SHORT = "too little text to be an article ({n} characters)"
    TOO_LARGE = "{what} is {size}, over the limit of {limit:,} bytes ({setting})"
    BINARY = "binary data, not a text article"
    NOT_READ = "{kind}, not a format entente reads (text, HTML, PDF, JSON, CSV, RSS/Atom, WARC)"
    PDF_ENCRYPTED = "encrypted PDF: it needs a password to open"
    PDF_NO_TEXT = "PDF has no text layer (a scan?); entente does not read text in images"
    PDF_UNREADABLE = "PDF text is unreadable: its fonts do not say which letters they draw"
    PDF_DAMAGED = "damaged PDF ({error}); read what was there"
    BAD_PDF = "not a readable PDF (damaged or truncated?): {error}"
    UNDECODABLE = "text encoding could not be recognised"
    DECODED_AS = "not UTF-8; decoded as {encoding}"
    MIXED_ENCODING = "mixed encodings: {n} line(s) not UTF-8, decoded as {encoding}"
    NOT_FOUND = "no such file or folder"
    BAD_DATE = "publication date {value!r} is not plausible (before 1900 or in the future); ignored"
    UNREADABLE_DATE = "date {value!r} not understood; ignored"
    NOT_A_DAY = "dateline month and day {value} is no day of the calendar; no publication date taken from it"
    NO_MAIN_TEXT = "no article text found in the page"
    BAD_HTML = "HTML could not be parsed: {error}"
    TRUNCATED_HTML = "HTML ends before </html> (truncated?); read what was there"
    BAD_JSON = "malformed JSON: {error}"
    NOT_AN_OBJECT = "a JSON record must be an object, not {kind}"
    NO_TEXT_FIELD = "no article text in any of the fields {names}"
    BAD_CSV = "malformed CSV: {error}"
    BAD_CSV_ROW = "malformed CSV row: {n} fields where the header has {m}"
    NO_TEXT_COLUMN = "no text column in the header; looked for {names}"
    BAD_FEED = "not a readable RSS or Atom feed: {error}"
    FEED_WARNING = "feed is not well-formed ({error}); read what was there"
    TRUNCATED_WARC = "truncated or malformed WARC record: {error}"
    NO_HTML_RECORDS = "no HTML response records in the WARC file"
    BAD_GZIP = "corrupt or truncated gzip data: {error}"
    UNREADABLE = "could not be read ({error})"
    NO_TARGET_URI = "response record without a WARC-Target-URI: skipped"
    COMPONENT_FAILED = "extraction step {component} failed ({error}); the record stands without what it finds"
