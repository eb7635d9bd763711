"""Creating and upgrading a store loses nothing and is atomic (issue 20): every revision's tables
keep their rows through the upgrade to the newest, a migration that fails midway leaves the store
as it was, and two processes opening one new store at once both succeed."""

from __future__ import annotations

import multiprocessing as mp

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, func, inspect, select, table

from entente.store import Store
from entente.store.migrate import alembic_config, current, head, upgrade

REVISIONS = [f"{n:04d}" for n in range(1, 11)]
pytestmark = pytest.mark.slow


def _downgrade(engine: Engine, revision: str) -> None:
    """Take a store back to `revision`, as a store written then would be (foreign keys off on
    SQLite, so the downgrade's own table rebuilds do not cascade)."""
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)
        conn.commit()
        if engine.dialect.name == "sqlite":
            conn.exec_driver_sql("PRAGMA foreign_keys=ON")


def _counts(engine: Engine, tables: list[str]) -> dict[str, int]:
    with engine.connect() as conn:
        return {t: conn.scalar(select(func.count()).select_from(table(t))) or 0 for t in tables}


def _tables(engine: Engine) -> list[str]:
    return sorted(t for t in inspect(engine).get_table_names() if t != "alembic_version" and "fts" not in t)


@pytest.mark.parametrize("revision", REVISIONS)
def test_no_upgrade_loses_a_row(db_url, corpus, revision):  # type: ignore[no-untyped-def]
    store = Store(db_url)
    for doc_id in sorted(corpus)[:6]:
        store.save(*corpus[doc_id])
    _downgrade(store.engine, revision)
    tables = _tables(store.engine)
    before = _counts(store.engine, tables)
    assert before["events"] > 0 and before["event_arguments"] > 0 and before["sectors"] > 0
    upgrade(store.engine)
    with store.engine.connect() as conn:
        assert current(conn) == head()
    assert _counts(store.engine, tables) == before
    store.close()


def test_a_migration_that_fails_midway_leaves_the_store_as_it_was(db_url, corpus, monkeypatch):  # type: ignore[no-untyped-def]
    store = Store(db_url)
    for doc_id in sorted(corpus)[:3]:
        store.save(*corpus[doc_id])
    _downgrade(store.engine, "0007")
    shape = {t: sorted(c["name"] for c in inspect(store.engine).get_columns(t)) for t in _tables(store.engine)}
    counts = _counts(store.engine, list(shape))
    scripts = ScriptDirectory.from_config(alembic_config())

    def killed() -> None:
        raise RuntimeError("killed during 0009")

    # 0008 has run by then, in the same transaction
    monkeypatch.setattr(scripts.get_revision("0009").module, "upgrade", killed)
    monkeypatch.setattr(ScriptDirectory, "from_config", classmethod(lambda cls, cfg: scripts))
    with pytest.raises(RuntimeError, match="killed during 0009"):
        upgrade(store.engine)
    with store.engine.connect() as conn:
        assert current(conn) == "0007"
    store.engine.dispose()
    assert {t: sorted(c["name"] for c in inspect(store.engine).get_columns(t)) for t in _tables(store.engine)} == shape
    assert _counts(store.engine, list(shape)) == counts
    monkeypatch.undo()
    upgrade(store.engine)
    assert _counts(store.engine, list(shape)) == counts
    store.close()


def _open(db: str, start: object) -> None:
    start.wait()  # type: ignore[attr-defined]
    Store(db).close()


def test_two_processes_opening_one_new_store_at_once_both_succeed(db_url):  # type: ignore[no-untyped-def]
    ctx = mp.get_context("fork")
    start = ctx.Barrier(2)
    procs = [ctx.Process(target=_open, args=(db_url, start)) for _ in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
    assert [p.exitcode for p in procs] == [0, 0]
    store = Store(db_url)
    with store.engine.connect() as conn:
        assert current(conn) == head()
    assert store.counts()["articles"] == 0
    store.close()
