"""API clients over the sample store (`sample_db` in tests/conftest.py)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from ..conftest import LOCAL, LOCAL_CLIENT


@pytest.fixture(scope="module")
def client(sample_db: str) -> Iterator[TestClient]:
    from entente.api import create_app
    from entente.config import Settings

    with TestClient(create_app(Settings(db=sample_db)), base_url=LOCAL, client=LOCAL_CLIENT) as c:
        yield c


def copy_db(sample_db: str, tmp_path: Path) -> str:
    """A private copy of the sample store, for tests that write."""
    target = tmp_path / "copy.db"
    # the backup API copies what is in the write-ahead log too
    with sqlite3.connect(sample_db) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return str(target)
