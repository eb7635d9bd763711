"""A store built once from the bundled samples, and API clients over it."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.conftest import SAMPLES


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory, nlp: object) -> str:
    """A SQLite store holding the five sample articles."""
    from entente.jobs import ingest_paths
    from entente.store import Store

    path = tmp_path_factory.mktemp("store") / "samples.db"
    store = Store(str(path))
    summary = ingest_paths([str(SAMPLES)], store)
    store.close()
    assert summary.ok and summary.ingested == 5, summary.problems
    return str(path)


@pytest.fixture(scope="session")
def sample_store(sample_db: str) -> Iterator[object]:
    from entente.store import Store

    store = Store(sample_db)
    yield store
    store.close()


@pytest.fixture(scope="module")
def client(sample_db: str) -> Iterator[TestClient]:
    from entente.api import create_app
    from entente.config import Settings

    with TestClient(create_app(Settings(db=sample_db))) as c:
        yield c


def copy_db(sample_db: str, tmp_path: Path) -> str:
    """A private copy of the sample store, for tests that write."""
    target = tmp_path / "copy.db"
    # the backup API copies what is in the write-ahead log too
    with sqlite3.connect(sample_db) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return str(target)
