"""Bring a database to the newest schema with the Alembic migrations in `migrations/`."""

from __future__ import annotations

import sqlite3
from functools import lru_cache
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text

SCRIPT_LOCATION = "entente.store:migrations"
# the key of the PostgreSQL advisory lock taken around migrations (any fixed number; "entente" in ASCII)
MIGRATION_LOCK = 0x656E74656E7465


# made by hand in migrations, not models: the full-text index (0003; on PostgreSQL the stored
# document column of 0007) and the newest-first indexes whose NULLS LAST only PostgreSQL accepts (0006, 0008)
HAND_MADE = ("articles_fts", "ix_articles_fts", "fts_document", "ix_events_newest", "ix_event_pairs_newest",
             "ix_event_pairs_type_newest", "ix_event_pairs_status_newest")


def include_object(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    """Leave the indexes made by hand in migrations out of comparisons with the models."""
    return not (name or "").startswith(HAND_MADE)


def alembic_config() -> Config:
    """An Alembic configuration pointing at the package's migrations (no alembic.ini needed)."""
    cfg = Config()
    cfg.set_main_option("script_location", SCRIPT_LOCATION)
    return cfg


@lru_cache(maxsize=1)
def head() -> str | None:
    """The newest revision, read once per process."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


@lru_cache(maxsize=1)
def revisions() -> frozenset[str]:
    """Every revision of entente's schema, read once per process."""
    return frozenset(s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions())


def current(conn: Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine) -> None:
    """Bring `engine`'s database to the newest revision, atomically and once, however many processes
    open it at the same moment: all migrations run in one transaction (DDL included: SQLite and
    PostgreSQL both roll it back), taken under a lock, after which the revision is read again, so a
    kill at any moment leaves the store as it was or as it is to be, and the last of two racing
    openers finds the work done."""
    with engine.connect() as conn:
        if current(conn) == head():
            return
    if engine.dialect.name == "sqlite":
        _upgrade_sqlite(engine)
        return
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        if current(conn) != head():
            _run(conn)


def _upgrade_sqlite(engine: Engine) -> None:
    """SQLite: pysqlite would run DDL outside any transaction, so the transaction is ours: BEGIN
    IMMEDIATE (the write lock; a second opener waits for it) to COMMIT. Foreign keys are off
    meanwhile, because rebuilding a table (Alembic's batch mode) drops the old one, and with them on
    the drop cascades to every row that refers to it."""
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        mode = raw.isolation_level
        raw.isolation_level = None
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            raw.execute("BEGIN IMMEDIATE")
            try:
                if current(conn) != head():
                    _run(conn)
                    problems = raw.execute("PRAGMA foreign_key_check").fetchall()
                    if problems:
                        raise RuntimeError(f"migration left rows that refer to missing ones: {problems[:5]}")
                raw.execute("COMMIT")
            except BaseException:
                raw.execute("ROLLBACK")
                raise
        finally:
            raw.execute("PRAGMA foreign_keys=ON")
            raw.isolation_level = mode


def _run(conn: Connection) -> None:
    cfg = alembic_config()
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, "head")
