"""Odd database files (issue 20, item 11): a store on a read-only medium is read; another
application's database, a damaged file and a truncated one get one line and a non-zero exit from
every command, a JSON 503 from the API, and are left as they were."""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from entente.cli import app
from entente.store import Store

from ..conftest import LOCAL, LOCAL_CLIENT, ROOT, SAMPLES

runner = CliRunner()
READS = {
    "events": ["events", "--db", "{db}"],
    "actors": ["actors", "--db", "{db}"],
    "show": ["show", "000_25cf438f34d7ad8b", "--db", "{db}"],
    "export": ["export", "--db", "{db}", "-o", "{out}"],
}
WRITE = ["ingest", str(SAMPLES), "--db", "{db}"]


def _invoke(words: list[str], db: str, tmp_path: Path):  # type: ignore[no-untyped-def]
    return runner.invoke(app, [w.format(db=db, out=tmp_path / "out.csv") for w in words])


def _one_line(result, *words: str) -> None:  # type: ignore[no-untyped-def]
    assert result.exit_code not in (0, None), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "Traceback" not in result.output, result.stderr
    for w in words:
        assert w in lines[0], lines[0]


def _digest(folder: Path) -> dict[str, str]:
    """Every file of a folder with a hash of its bytes: what 'left untouched' means here."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def _copy(sample_db: str, dst: Path) -> Path:
    """A consistent copy of the sample store (what its write-ahead log holds included)."""
    with sqlite3.connect(sample_db) as src, sqlite3.connect(dst) as out:
        src.backup(out)
    out.close()
    src.close()
    return dst


# --- a store on a read-only medium ---------------------------------------------------------------

def _unprivileged() -> list[str]:
    """A command prefix under which file permissions hold: root passes them unless its power to
    override them is dropped."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: a read-only folder cannot be simulated")
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]


def _entente(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([*_unprivileged(), sys.executable, "-m", "entente.cli", *args], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


@pytest.mark.slow
@pytest.mark.parametrize("locked", ["folder", "file"])
def test_a_store_on_a_read_only_medium_is_read_and_refuses_an_ingest_in_one_line(locked, sample_db, tmp_path):  # type: ignore[no-untyped-def]
    folder = tmp_path / "media"
    folder.mkdir()
    db = _copy(sample_db, folder / "store.db")
    expected = Store(str(db), create=False).counts()["events"]
    before = _digest(folder)
    target = folder if locked == "folder" else db
    target.chmod(0o555 if locked == "folder" else 0o444)
    try:
        read = _entente("events", "--db", str(db), "--format", "jsonl")
        wrote = _entente("ingest", str(SAMPLES), "--db", str(db))
    finally:
        target.chmod(0o755 if locked == "folder" else 0o644)
    assert read.returncode == 0, read.stderr
    assert len([json.loads(line) for line in read.stdout.splitlines()]) == expected > 0
    assert wrote.returncode != 0 and "Traceback" not in wrote.stderr
    assert [ln for ln in wrote.stderr.splitlines() if ln.strip()] == [
        f"error: {db}: the store is read-only here (folder or file not writable); it can be read, not written"]
    if locked == "folder":
        assert _digest(folder) == before  # not even the index file a WAL reader makes


# --- another application's database ---------------------------------------------------------------

def _foreign(url: str, with_articles: bool) -> None:
    """Another Alembic application's database: its revision, its tables (one named like ours)."""
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)"))
        conn.execute(sa.text("INSERT INTO alembic_version VALUES ('1975ea83b712')"))
        conn.execute(sa.text("CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(40))"))
        if with_articles:
            conn.execute(sa.text("CREATE TABLE articles (id INTEGER PRIMARY KEY, body TEXT)"))
    engine.dispose()


def _shape(url: str) -> tuple[list[str], list[str]]:
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        shape = (sorted(sa.inspect(conn).get_table_names()),
                 list(conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalars()))
    engine.dispose()
    return shape


@pytest.mark.parametrize("with_articles", [False, True])
def test_another_alembic_applications_database_gets_one_line_and_is_left_untouched(db_url, with_articles, tmp_path):  # type: ignore[no-untyped-def]
    from entente.config import database_url

    _foreign(database_url(db_url), with_articles)
    shape = _shape(database_url(db_url))
    files = _digest(tmp_path)
    for words in (READS["events"], WRITE):
        result = _invoke(words, db_url, tmp_path)
        reading = words is not WRITE
        _one_line(result, db_url, "no entente store" if reading and not with_articles else "'1975ea83b712' is none of entente's")
        assert _shape(database_url(db_url)) == shape
        assert _digest(tmp_path) == files


def test_a_read_command_adds_nothing_to_another_programs_database(db_url, tmp_path):  # type: ignore[no-untyped-def]
    from entente.config import database_url

    engine = sa.create_engine(database_url(db_url))
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE notes (body TEXT)"))
    engine.dispose()
    files = _digest(tmp_path)
    for words in READS.values():
        _one_line(_invoke(words, db_url, tmp_path), "no entente store")
    engine = sa.create_engine(database_url(db_url))
    assert sa.inspect(engine).get_table_names() == ["notes"]
    engine.dispose()
    assert _digest(tmp_path) == files


# --- a damaged file -------------------------------------------------------------------------------

def _overwrite(db: Path, how: str) -> None:
    """Damage a real store in place: random bytes over the pages of its records (every table and
    index but the schema and its revision, so it still opens), cut in half, or its header overwritten."""
    rnd = random.Random(20)
    with sqlite3.connect(db) as con:
        size = con.execute("PRAGMA page_size").fetchone()[0]
        pages = sorted(p for (p,) in con.execute(
            "SELECT pageno FROM dbstat WHERE name NOT IN ('sqlite_schema', 'alembic_version', "
            "'sqlite_autoindex_alembic_version_1') AND pageno > 1"))
    con.close()
    with db.open("r+b") as fh:
        if how == "pages":
            for p in pages:
                fh.seek((p - 1) * size)
                fh.write(rnd.randbytes(size))
        elif how == "truncated":
            fh.truncate(fh.seek(0, os.SEEK_END) // size // 2 * size)
        else:
            fh.write(rnd.randbytes(100))


def _damage(sample_db: str, dst: Path, how: str) -> Path:
    _overwrite(_copy(sample_db, dst), how)
    return dst


@pytest.mark.slow
@pytest.mark.parametrize("how", ["pages", "truncated", "header"])
def test_a_damaged_store_gets_one_line_from_every_command_and_no_write(how, sample_db, tmp_path):  # type: ignore[no-untyped-def]
    db = _damage(sample_db, tmp_path / "store.db", how)
    files = _digest(tmp_path)
    for words in [*READS.values(), WRITE]:
        _one_line(_invoke(words, str(db), tmp_path), str(db), "damaged database file")
        # the file as it was; beside it at most the empty side files SQLite makes for any reader
        after = _digest(tmp_path)
        assert after["store.db"] == files["store.db"]
        assert set(after) <= {"store.db", "store.db-wal", "store.db-shm"}
        assert after.get("store.db-wal", EMPTY) == EMPTY


EMPTY = hashlib.sha256(b"").hexdigest()
ROUTES = ["/events", "/events?country=RUS", "/actors", "/articles", "/relations/RUS/VNM", "/facts/RUS/VNM",
          "/search?q=minister", "/dashboard/pairs", "/dashboard/network", "/export/csv"]


@pytest.mark.slow
def test_damage_found_by_a_request_is_a_json_503(sample_db, tmp_path):  # type: ignore[no-untyped-def]
    from entente.api import create_app
    from entente.config import Settings

    db = _copy(sample_db, tmp_path / "store.db")
    app_ = create_app(Settings(db=str(db)))
    _overwrite(db, "pages")  # while the server runs
    with TestClient(app_, raise_server_exceptions=False, base_url=LOCAL, client=LOCAL_CLIENT) as client:
        answers = {route: client.get(route) for route in ROUTES}
    statuses = {route: r.status_code for route, r in answers.items()}
    assert set(statuses.values()) <= {200, 503} and 503 in statuses.values(), statuses
    for r in answers.values():
        if r.status_code == 503:
            assert r.json() == {"status": 503, "message": "store unavailable"}


@pytest.mark.slow
def test_serve_refuses_a_damaged_store_in_one_line(sample_db, tmp_path):  # type: ignore[no-untyped-def]
    db = _damage(sample_db, tmp_path / "store.db", "pages")
    _one_line(runner.invoke(app, ["serve", "--db", str(db)]), str(db), "damaged database file")
