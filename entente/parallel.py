"""Extraction in a pool of worker processes, for `entente ingest --jobs N`: the main process reads
and writes, each worker loads the spaCy pipeline once and turns batches of articles into records.
Records come back in input order, so the single writer pairs them with their articles."""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

from entente.config import Settings
from entente.extract.pipeline import extract_many, shared_nlp
from entente.records import ArticleRecord, CleanArticle

# articles per task: enough to amortise pickling, few enough to keep every worker busy
TASK_ARTICLES = 32


def _load(model: str) -> None:
    shared_nlp(model)


def _extract_batch(articles: list[CleanArticle], model: str, batch_size: int) -> list[ArticleRecord]:
    return list(extract_many(articles, shared_nlp(model), batch_size=batch_size))


def extract_in_pool(articles: Iterable[CleanArticle], settings: Settings, jobs: int) -> Iterator[ArticleRecord]:
    """The record of each article, in order, extracted by `jobs` processes; at most two tasks per
    worker are in flight, so memory stays flat however long the input."""
    # spawn, not fork: the parent may hold threads (a progress bar) and a loaded model
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_load, initargs=(settings.spacy_model,))
    pending: deque[Future[list[ArticleRecord]]] = deque()
    stream = iter(articles)
    try:
        while batch := list(islice(stream, TASK_ARTICLES)):
            pending.append(pool.submit(_extract_batch, batch, settings.spacy_model, settings.batch_size))
            while len(pending) >= 2 * jobs:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
