"""Extraction beside the writer, for `entente ingest --jobs N`: the main process reads and writes
while N worker processes, each with the spaCy pipeline loaded once, turn batches of articles into
records. Results come back in input order, so the single writer pairs them with their articles."""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import signal
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import chain, islice

from entente.config import Settings
from entente.extract.pipeline import batched, extract_each, shared_nlp
from entente.records import ArticleRecord, CleanArticle

# articles per task: enough to amortise pickling, few enough to keep every worker busy
TASK_ARTICLES = 32

Extracted = tuple[CleanArticle, ArticleRecord | str]


def extract_beside(articles: Iterable[CleanArticle], settings: Settings, jobs: int) -> Iterator[Extracted]:
    """Each article with its record, or the message of its failure, in input order. Extraction
    runs in `jobs` worker processes while this one goes on reading and writing, unless the input
    is shorter than `settings.pool_min_articles`: then starting a pool costs more than it saves,
    and the articles are extracted here."""
    stream = iter(articles)
    head = list(islice(stream, settings.pool_min_articles))
    if len(head) < settings.pool_min_articles:
        nlp = shared_nlp(settings.spacy_model)
        for batch in batched(head, settings.batch_size):
            yield from zip(batch, extract_each(batch, nlp, settings.batch_size), strict=True)
        return
    yield from _in_pool(chain(head, stream), settings, jobs)


def _in_pool(articles: Iterable[CleanArticle], settings: Settings, jobs: int) -> Iterator[Extracted]:
    """At most two tasks per worker are in flight, so memory stays flat however long the input."""
    # spawn, not fork: the parent may hold threads (a progress bar) and a loaded model
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker, initargs=(settings.spacy_model,))
    pending: deque[tuple[list[CleanArticle], Future[list[ArticleRecord | str]]]] = deque()
    try:
        for batch in batched(articles, TASK_ARTICLES):
            pending.append((batch, pool.submit(_extract_task, batch, settings.spacy_model, settings.batch_size)))
            while len(pending) >= 2 * jobs:
                yield from _results(*pending.popleft())
        while pending:
            yield from _results(*pending.popleft())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _results(batch: list[CleanArticle], future: Future[list[ArticleRecord | str]]) -> Iterator[Extracted]:
    return zip(batch, future.result(), strict=True)


def _start_worker(model: str) -> None:
    # Ctrl-C in a terminal reaches the whole process group: the main process answers it (and
    # shuts the pool down), workers finishing their task quietly instead of printing tracebacks
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, daemon=True).start()
    shared_nlp(model)


def _exit_with_parent() -> None:
    """A worker whose main process was killed exits at once, instead of finishing its task for
    nobody while holding the terminal's (or a caller's) output open."""
    parent = multiprocessing.parent_process()
    if parent is not None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(1)


def _extract_task(articles: list[CleanArticle], model: str, batch_size: int) -> list[ArticleRecord | str]:
    return extract_each(articles, shared_nlp(model), batch_size)
