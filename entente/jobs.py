"""The library's jobs, as plain functions the CLI and the API both call: extract records from
paths, and ingest them into a store. Problems with one input never stop the others."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from hashlib import sha256

from entente.clean import clean, content_hash
from entente.config import Settings, get_settings
from entente.errors import Messages, NotFound
from entente.extract.pipeline import extract_many, shared_nlp
from entente.ingest import IngestFailure, Skipped, read_paths
from entente.parallel import Extracted, extract_beside
from entente.records import ArticleRecord, CleanArticle, RawArticle
from entente.store import Store


@dataclass
class Summary:
    """What a batch did: counts by outcome, and one line per problem."""

    ingested: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: int = 0
    grouped: int = 0  # stored, and found to be a near-duplicate of an article stored before
    failed: int = 0
    skipped: int = 0  # files in searched folders in no format entente reads (images, archives ...)
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    skipped_files: list[str] = field(default_factory=list)  # one line each: the file and what it is

    # called with ("error" | "warning" | "skipped", line) as each is noted, so a long run shows its
    # problems as they happen, not only at the end
    on_line: Callable[[str, str], None] | None = field(default=None, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        return self.failed == 0

    def _note(self, kind: str, lines: list[str], line: str) -> None:
        lines.append(line)
        if self.on_line:
            self.on_line(kind, line)

    def fail(self, line: str) -> None:
        """Count one input or article that failed, with the line that names it and the problem."""
        self.failed += 1
        self._note("error", self.problems, line)

    def warn(self, lines: Iterable[str]) -> None:
        for line in lines:
            self._note("warning", self.warnings, line)

    def skip(self, line: str) -> None:
        """Count a file of a searched folder that is in no format entente reads."""
        self.skipped += 1
        self._note("skipped", self.skipped_files, line)

    def extraction_failed(self, article: CleanArticle, message: str) -> None:
        """Count an article whose extraction failed, naming where it came from."""
        self.fail(f"{article.origin}: {message}")


def cleaned(paths: Sequence[str], summary: Summary, settings: Settings,
            columns: Mapping[str, str] | None = None) -> Iterator[CleanArticle]:
    """Clean articles from `paths`; failures, warnings and skipped files are noted in `summary`. `columns` names
    the fields of JSON and CSV dumps (text, title, date, url, source, id) where the defaults miss."""
    for item in read_paths(paths, settings, columns):
        if isinstance(item, Skipped):
            summary.skip(str(item))
            continue
        if isinstance(item, IngestFailure):
            summary.fail(str(item))
            continue
        article = clean(item)
        summary.warn(article.warnings)
        yield article


def extract_paths(paths: Sequence[str], summary: Summary | None = None,
                  settings: Settings | None = None, columns: Mapping[str, str] | None = None) -> Iterator[ArticleRecord]:
    """Records of every article under `paths`, without touching a database."""
    settings = settings or get_settings()
    summary = summary if summary is not None else Summary()
    nlp = shared_nlp(settings.spacy_model)
    for record in extract_many(cleaned(paths, summary, settings, columns), nlp, batch_size=settings.batch_size,
                               on_error=summary.extraction_failed):
        summary.warn(record.warnings)
        yield record


def _already(store: Store, article: CleanArticle, seen: set[str]) -> str | None:
    """'unchanged' when this article is stored with this text, 'duplicates' when its text is stored
    under another doc_id or came earlier in the batch, None when it is new."""
    if article.content_hash in seen:
        return "duplicates"
    if not store.known_hash(article.content_hash):
        return None
    try:
        _record, text = store.record(article.doc_id)
    except NotFound:
        return "duplicates"
    return "unchanged" if content_hash(text) == article.content_hash else "duplicates"


def unseen(articles: Iterable[CleanArticle], store: Store, summary: Summary,
           on_done: Callable[[], None] | None = None) -> Iterator[CleanArticle]:
    """The articles whose text is neither stored already nor seen earlier in the batch; the
    others are counted in `summary` as unchanged or duplicates. Both engines skip through this."""
    seen: set[str] = set()
    for a in articles:
        outcome = _already(store, a, seen)
        if outcome is not None:
            setattr(summary, outcome, getattr(summary, outcome) + 1)
            if on_done:
                on_done()
            continue
        seen.add(a.content_hash)
        yield a


def fresh(articles: Iterable[CleanArticle], store: Store, summary: Summary,
          on_done: Callable[[], None] | None = None) -> Iterator[CleanArticle]:
    """The articles to extract: neither stored already nor seen earlier in the batch (see
    `unseen`). Which near-duplicate group each joins is decided when it is stored."""
    return unseen(articles, store, summary, on_done)


def ingest_articles(articles: Iterable[CleanArticle], store: Store, summary: Summary,
                    settings: Settings | None = None, on_done: Callable[[], None] | None = None,
                    jobs: int = 1) -> Summary:
    """Extract and store articles; text already stored, or seen earlier in the batch, is skipped
    before extraction. Extraction runs in `jobs` processes beside this one, which writes (see
    `extract_beside`: a short input is extracted here)."""
    settings = settings or get_settings()
    batch: list[Extracted] = []
    for item in extract_beside(fresh(articles, store, summary, on_done), settings, jobs):
        batch.append(item)
        if len(batch) >= settings.write_batch:
            store_extracted(store, batch, summary, on_done)
            batch = []
    store_extracted(store, batch, summary, on_done)
    return summary


def store_extracted(store: Store, batch: Sequence[Extracted], summary: Summary,
                    on_done: Callable[[], None] | None = None) -> None:
    """Store in one transaction the articles of `batch` that have a record; those whose extraction
    failed are counted and named. Both engines write through this."""
    records: list[tuple[CleanArticle, ArticleRecord]] = []
    for article, result in batch:
        if isinstance(result, str):
            summary.extraction_failed(article, result)
            if on_done:
                on_done()
        else:
            summary.warn(result.warnings)
            records.append((article, result))
    store_batch(store, records, summary, on_done)


def store_batch(store: Store, batch: Sequence[tuple[CleanArticle, ArticleRecord]], summary: Summary,
                on_done: Callable[[], None] | None = None) -> None:
    """Store extracted articles in one transaction and count their outcomes; an article that
    cannot be stored is named in `summary` and the others are kept."""
    if not batch:
        return
    for (article, _record), outcome in zip(batch, store.save_many(batch), strict=True):
        if isinstance(outcome, Exception):
            summary.fail(f"{article.origin}: {outcome}")
        else:
            setattr(summary, outcome, getattr(summary, outcome) + 1)
            if outcome != "unchanged" and article.duplicate_of is not None:
                summary.grouped += 1
    # the batch is committed and counted whole before anyone hears of it: an interrupt raised by
    # `on_done` (Ctrl-C) then leaves a summary equal to what is stored
    for _ in batch:
        if on_done:
            on_done()


def ingest_paths(paths: Sequence[str], store: Store, settings: Settings | None = None,
                 on_done: Callable[[], None] | None = None, jobs: int = 1,
                 columns: Mapping[str, str] | None = None, summary: Summary | None = None) -> Summary:
    """Read, extract and store every article under `paths`, extracting in `jobs` processes.
    `summary` is filled as articles are stored, so a caller interrupted midway can report it."""
    settings = settings or get_settings()
    summary = summary if summary is not None else Summary()
    return ingest_articles(cleaned(paths, summary, settings, columns), store, summary, settings, on_done, jobs)


def ingest_posted(raws: Sequence[RawArticle], store: Store, settings: Settings | None = None) -> Summary:
    """Clean, extract and store articles that arrived as text (the API's POST /ingest); an article
    without a doc_id is named by a hash of its text, so posting it twice stores it once."""
    settings = settings or get_settings()
    summary = Summary()
    articles = []
    for raw in raws:
        raw.doc_id = raw.doc_id or "api_" + sha256(raw.text.encode("utf-8")).hexdigest()[:16]
        raw.origin = f"{raw.origin}:{raw.doc_id}"
        if len(raw.text.strip()) < settings.min_article_chars:
            summary.fail(f"{raw.origin}: {Messages.TOO_SHORT.format(n=len(raw.text.strip()))}")
            continue
        article = clean(raw)
        summary.warn(article.warnings)
        articles.append(article)
    return ingest_articles(articles, store, summary, settings)
