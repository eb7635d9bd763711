"""Opening a database for the store: SQLite's connection settings, a store on a read-only medium
opened for reading, and files that are not (or no longer) a sound entente store refused with one
line before anything is written into them."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.engine import ExceptionContext

from entente.errors import StoreError, first_line
from entente.store.migrate import current, head, revisions

# how long a connection waits for another process's lock (pysqlite's default is 5 s, which a loaded
# machine's migration can outlast)
SQLITE_WAIT = 60.0
# a read command checks a SQLite store up to this size for damage when it opens it (PRAGMA
# quick_check reads every page: 0.3 s on 200 MB); a command that writes checks a store of any size
CHECK_BYTES = 64 * 2**20
# SQLite's answers for a file that is no (longer a) database, and for a write to one opened read-only
DAMAGED = ("SQLITE_CORRUPT", "SQLITE_NOTADB")
READ_ONLY = "SQLITE_READONLY"


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL; None for another database or SQLite in memory."""
    if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
        return Path(url.removeprefix("sqlite:///"))
    return None


def _wal(cur: sqlite3.Cursor) -> None:
    # switching a new file to WAL needs it to itself, and SQLite answers "locked" at once rather
    # than waiting when another process is switching it too (two commands opening a new store)
    deadline = time.monotonic() + SQLITE_WAIT
    while True:
        try:
            cur.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    _wal(cur)
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _read_only_pragmas(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.execute("PRAGMA foreign_keys=ON")


def read_only_uri(path: Path) -> str | None:
    """A read-only SQLite URI for a store this process cannot write (a read-only medium, folder or
    file), or None when it can."""
    folder = path.parent
    if os.access(path, os.W_OK) and os.access(folder, os.W_OK):
        return None
    uri = path.resolve().as_uri() + "?mode=ro"
    # a WAL reader needs the index file (-shm) beside the store and makes it when missing, which an
    # unwritable folder forbids: the file is then read as it is, all a read-only medium can hold
    if not os.access(folder, os.W_OK) and not Path(f"{path}-shm").exists():
        uri += "&immutable=1"
    return uri


def _translate(name: str) -> Any:
    """An engine hook turning SQLite's 'damaged file' and 'read-only' answers, whenever a query
    meets them, into one line naming the database."""

    def handle(ctx: ExceptionContext) -> BaseException | None:
        code = getattr(ctx.original_exception, "sqlite_errorname", "")
        if code.startswith(DAMAGED):
            return damaged(name, first_line(ctx.original_exception))
        if code.startswith(READ_ONLY):
            return StoreError(f"{name}: the store is read-only here (folder or file not writable); it can be read, not written")
        return None

    return handle


def damaged(name: str, why: str) -> StoreError:
    return StoreError(f"{name}: damaged database file ({why}); restore it from a copy, or ingest into a new store")


def _check(conn: Connection, name: str) -> None:
    """Refuse a SQLite file whose pages are damaged."""
    found = [str(row[0]) for row in conn.exec_driver_sql("PRAGMA quick_check(1)")]
    if found != ["ok"]:
        # SQLite's report runs over lines ("*** in database main ***", then the page)
        raise damaged(name, "quick_check: " + " ".join(" ".join(found).split())[:160])


def _examine(engine: Engine, name: str, create: bool, check: bool, read_only: bool) -> None:
    """Before any setting is written into the file: refuse a damaged one, one that holds no store
    (unless `create`), another Alembic application's, and an older store that cannot be upgraded."""
    with engine.connect() as conn:
        if check:
            _check(conn, name)
        tables = set(inspect(conn).get_table_names())
        if not create and "articles" not in tables:
            raise StoreError(f"{name}: no entente store in this database (run `entente ingest` into it first)")
        revision = current(conn) if "alembic_version" in tables else None
        conn.rollback()
    engine.dispose()  # no pooled connection without the settings given to later ones
    if revision is not None and revision not in revisions():
        raise StoreError(f"{name}: not an entente store: its schema revision {revision!r} is none of entente's "
                         "(another application's database?); left untouched")
    if read_only and revision != head():
        raise StoreError(f"{name}: the store is older than this entente and read-only here, so it cannot be "
                         "upgraded: open it once where it can be written")


def open_engine(name: str, url: str, create: bool) -> tuple[Engine, bool]:
    """An engine on the database `url` (called `name` in messages) and whether it is read-only;
    with `create` false a database holding no store is refused, never made."""
    path = sqlite_path(url)
    if path is None:
        # PostgreSQL compiles a query to machine code when its estimated cost is high (JIT, on by
        # default): 19 ms of a 56 ms grouping query in a 20,000-article store; our queries are
        # short and many, so it never pays
        options = {"connect_args": {"options": "-c jit=off"}} if url.startswith("postgresql") else {}
        engine = create_engine(url, **options)
        _examine(engine, name, create, check=False, read_only=False)
        return engine, False
    uri = read_only_uri(path) if path.exists() else None
    if uri is None:
        # another process may hold the write lock for a batch or a migration: wait for it
        engine = create_engine(url, connect_args={"timeout": SQLITE_WAIT})
    else:
        engine = create_engine("sqlite://", creator=lambda: sqlite3.connect(uri, uri=True, timeout=SQLITE_WAIT,
                                                                            check_same_thread=False))
    event.listen(engine, "handle_error", _translate(name))
    size = path.stat().st_size if path.exists() else 0
    _examine(engine, name, create, check=size > 0 and (create or size <= CHECK_BYTES), read_only=uri is not None)
    event.listen(engine, "connect", _pragmas if uri is None else _read_only_pragmas)
    return engine, uri is not None
