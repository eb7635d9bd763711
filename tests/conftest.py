"""Shared fixtures: paths to test data and one spaCy pipeline for the whole session."""

from __future__ import annotations

import itertools
import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"
# a test client on the server's own machine, as the API's Host allow-list and ingest expect
LOCAL, LOCAL_CLIENT = "http://127.0.0.1", ("127.0.0.1", 50000)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextmanager
def served(db: str) -> Iterator[str]:
    """The base URL of the app over `db`, served by uvicorn in a thread: a real HTTP server, which
    decodes a request's path once, as a test client may not."""
    import uvicorn

    from entente.api import create_app
    from entente.config import Settings

    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(Settings(db=db)), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        srv.should_exit = True
        thread.join(timeout=10)


def fail_on(monkeypatch, module, name: str, marker: str, error: Exception) -> None:  # type: ignore[no-untyped-def]
    """Make the step `module.name` raise `error` on a Doc whose text holds `marker`, and work as
    before on every other one."""
    real = getattr(module, name)

    def failing(doc):  # type: ignore[no-untyped-def]
        if marker in doc.text:
            raise error
        return real(doc)

    monkeypatch.setattr(module, name, failing)


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from entente.config import get_settings
    from entente.extract.pipeline import shared_nlp

    return shared_nlp(get_settings().spacy_model)


@pytest.fixture(scope="session")
def sample_records(nlp):  # type: ignore[no-untyped-def]
    """The records of the bundled sample articles, by doc_id."""
    from entente.jobs import extract_paths

    return {r.doc_id: r for r in extract_paths([str(SAMPLES)])}


def record_of(text: str, nlp, published: str | None = "2024-06-20", doc_id: str = "t"):  # type: ignore[no-untyped-def]
    """Extract the record of a small article written in a test."""
    from entente.clean import clean
    from entente.extract.pipeline import extract
    from entente.records import RawArticle

    header = f" date {published} " if published and published[0].isdigit() else ""
    return extract(clean(RawArticle(doc_id=doc_id, text=header + text, origin="<test>")), nlp)


@pytest.fixture(scope="session")
def pg_server():  # type: ignore[no-untyped-def]
    """A throw-away PostgreSQL server for the session (scripts/pg_test_server.py).

    Skips when PostgreSQL cannot be started, unless ENTENTE_REQUIRE_PG=1 (as in `make test`),
    where that is a failure."""
    from scripts.pg_test_server import PostgresUnavailable, start

    try:
        server = start()
    except PostgresUnavailable as exc:
        if os.environ.get("ENTENTE_REQUIRE_PG") == "1":
            pytest.fail(f"PostgreSQL is required (ENTENTE_REQUIRE_PG=1) but could not start: {exc}")
        pytest.skip(f"PostgreSQL could not start: {exc}")
    yield server
    server.stop()


_databases = itertools.count()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):  # type: ignore[no-untyped-def]
    """An empty database, SQLite or a fresh database on the session's PostgreSQL server."""
    if request.param == "sqlite":
        yield str(tmp_path / "t.db")
        return
    import sqlalchemy as sa

    server = request.getfixturevalue("pg_server")
    name = f"t{os.getpid()}_{next(_databases)}"
    admin = sa.create_engine(server.url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f"CREATE DATABASE {name}"))
    yield server.url_for(name)
    with admin.connect() as conn:
        conn.execute(sa.text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
    admin.dispose()


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory, nlp):  # type: ignore[no-untyped-def]
    """A SQLite store holding the five sample articles."""
    from entente.jobs import ingest_paths
    from entente.store import Store

    path = tmp_path_factory.mktemp("store") / "samples.db"
    store = Store(str(path))
    summary = ingest_paths([str(SAMPLES)], store)
    store.close()
    assert summary.ok and summary.ingested == 5, summary.problems
    return str(path)


# file names as people save them, each stem kept as the doc_id: spaces, accents, '#', '%' (and an
# escape that must not be decoded twice), '?' and other marks a URL gives a meaning to
ODD_NAMES = ("Putin in Hanoi", "Việt Nam – Nga hợp tác", "report #2 (draft)", "100% agreed? %20",
             "naïve café & co=1;x+y 'q'")


@pytest.fixture(scope="session")
def odd_names_db(tmp_path_factory, nlp):  # type: ignore[no-untyped-def]
    """A SQLite store holding the five sample articles, saved under the file names of ODD_NAMES."""
    from entente.jobs import ingest_paths
    from entente.store import Store

    folder = tmp_path_factory.mktemp("odd names")
    for name, sample in zip(ODD_NAMES, sorted(SAMPLES.glob("*.txt")), strict=True):
        (folder / f"{name}.txt").write_bytes(sample.read_bytes())
    store = Store(str(folder / "odd names.db"))
    summary = ingest_paths([str(folder)], store)
    store.close()
    assert summary.ok and summary.ingested == 5, summary.problems
    return str(folder / "odd names.db")


@pytest.fixture(scope="session")
def sample_store(sample_db):  # type: ignore[no-untyped-def]
    """The sample store, open for the session."""
    from entente.store import Store

    store = Store(sample_db)
    yield store
    store.close()
