"""Ingest on a Ray cluster, for `entente ingest --engine ray`: the same jobs as `entente.jobs`, with
extraction spread over a pool of Ray actors.

The driver reads and cleans the articles, skips text already stored and marks near-duplicates (as
the local engine does, through the same `jobs.fresh`), and sends batches to `Extractor` actors,
each holding one spaCy pipeline loaded once. Records come back batch by batch in input order and
the driver writes each batch in one transaction through the same `store_extracted` as the local
engine, so there is one writer, cross-article resolution (event groups) runs once per batch, after
it, and sees articles in the same order as the local engine. At most two batches per worker are in
flight, so memory stays flat however long the input. A worker that dies is restarted and its batch
retried; a batch that still fails is reported with the origin of each of its articles, and a re-run
picks those articles up (stored text is skipped).
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable
from typing import Any

import ray

from entente.config import Settings, get_settings
from entente.errors import EntenteError
from entente.extract.pipeline import batched, build_nlp, extract_each
from entente.jobs import Summary, cleaned, fresh, store_extracted
from entente.records import ArticleRecord, CleanArticle
from entente.store import Store

# articles per task: enough to amortise scheduling and pickling, few enough to keep workers busy
TASK_ARTICLES = 32
# a worker process that dies (killed, out of memory) is restarted this often, and its task retried
MAX_RESTARTS = 3
# the CPUs of the Ray instance started on this machine when no --address is given
LOCAL_CPUS = 2


@ray.remote(num_cpus=1, max_restarts=MAX_RESTARTS, max_task_retries=MAX_RESTARTS)
class Extractor:
    """One worker process with one spaCy pipeline, turning batches of articles into records."""

    def __init__(self, settings: Settings) -> None:
        self.nlp = build_nlp(settings)
        self.batch_size = settings.batch_size

    def extract(self, articles: list[CleanArticle]) -> list[ArticleRecord | str]:
        """The record of each article, or the message of its failure, in input order."""
        return extract_each(articles, self.nlp, self.batch_size)

    def pid(self) -> int:
        return os.getpid()


def connect(address: str | None, workers: int | None) -> bool:
    """Join the Ray cluster at `address` ('auto' or 'ray://host:port'), or start a local instance
    when it is None; True when this call started Ray (and so must shut it down)."""
    if ray.is_initialized():
        return False
    try:
        if address:
            ray.init(address=address, include_dashboard=False, log_to_driver=False)
        else:
            ray.init(num_cpus=max(LOCAL_CPUS, workers or 0), include_dashboard=False, log_to_driver=False)
    except (ConnectionError, RuntimeError, ValueError) as exc:
        raise EntenteError(f"cannot start or join Ray at {address or 'a new local instance'}: {exc}") from exc
    return True


def ingest_articles_ray(articles: Iterable[CleanArticle], store: Store, summary: Summary,
                        settings: Settings | None = None, on_done: Callable[[], None] | None = None,
                        workers: int | None = None, address: str | None = None,
                        on_pool: Callable[[list[Any]], None] | None = None) -> Summary:
    """Extract articles on Ray and store them from this process; text already stored, or seen
    earlier in the batch, is skipped before extraction, and near-duplicates are grouped. `workers`
    actors extract (default: one per CPU of the cluster); `on_pool` is given the actor handles once
    they exist (for measurements)."""
    settings = settings or get_settings()
    started = connect(address, workers)
    pool: list[Any] = []
    try:
        n = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
        pool = [Extractor.remote(settings) for _ in range(n)]  # type: ignore[attr-defined]
        if on_pool:
            on_pool(pool)

        def write(batch: list[CleanArticle], ref: Any) -> None:
            try:
                results: list[ArticleRecord | str] = ray.get(ref)
            except ray.exceptions.RayError as exc:  # the worker failed beyond its retries
                results = [f"extraction failed on a Ray worker: {exc.__class__.__name__}"] * len(batch)
            store_extracted(store, list(zip(batch, results, strict=True)), summary, on_done)

        in_flight: deque[tuple[list[CleanArticle], Any]] = deque()
        for i, batch in enumerate(batched(fresh(articles, store, summary, on_done), TASK_ARTICLES)):
            in_flight.append((batch, pool[i % n].extract.remote(batch)))
            # backpressure: wait for the oldest batch, so records are written in input order
            while len(in_flight) >= 2 * n:
                write(*in_flight.popleft())
        while in_flight:
            write(*in_flight.popleft())
    finally:
        for actor in pool:
            ray.kill(actor)
        if started:
            ray.shutdown()
    return summary


def ingest_paths_ray(paths: list[str], store: Store, settings: Settings | None = None,
                     on_done: Callable[[], None] | None = None, workers: int | None = None,
                     address: str | None = None, summary: Summary | None = None) -> Summary:
    """Read, extract on Ray and store every article under `paths`; `summary` is filled as they are stored."""
    settings = settings or get_settings()
    summary = summary if summary is not None else Summary()
    return ingest_articles_ray(cleaned(paths, summary, settings), store, summary, settings, on_done, workers, address)
