"""Two ingests into one store at once, on overlapping inputs (issue 20, item 5): the same actors,
event groups and near-duplicate groups as one ingest of everything, and neither fails, also on a
new PostgreSQL database."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import sqlalchemy as sa

from ..conftest import DATA, ROOT

pytestmark = pytest.mark.slow
REAL = DATA / "real" / "dev" / "articles"
# a third of the articles each ingest alone, a third both: small batches, so the two interleave
ARTICLES = 24
WRITE_BATCH = 4
_databases = itertools.count()


def _new_database(request, tmp_path: Path, backend: str) -> str:  # type: ignore[no-untyped-def]
    """An empty database of `backend`, dropped after the test."""
    if backend == "sqlite":
        return str(tmp_path / f"s{next(_databases)}.db")
    server = request.getfixturevalue("pg_server")
    name = f"c{os.getpid()}_{next(_databases)}"
    admin = sa.create_engine(server.url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f"CREATE DATABASE {name}"))

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(sa.text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()

    request.addfinalizer(drop)
    return str(server.url_for(name))


def _inputs(tmp_path: Path) -> tuple[list[Path], list[Path], list[Path]]:
    """Real articles: the first ingest's, in order; the second's, overlapping them by a third and
    in reverse order (the two meet in the middle); and all of them. One more article is the last
    the first ingest stores, and the second stores first a near-duplicate of it: the article with
    its last paragraph cut, as a wire story is republished."""
    found = sorted(REAL.glob("*.txt"))
    files, original = found[:ARTICLES], found[ARTICLES]
    text = original.read_text(encoding="utf-8")
    (tmp_path / original.name).write_text(text, encoding="utf-8")
    copy = tmp_path / f"republished_{original.name}"
    copy.write_text(text[:text.rstrip().rfind("\n")], encoding="utf-8")
    third = ARTICLES // 3
    first = [*files[:2 * third], tmp_path / original.name]
    second = [copy, *reversed(files[third:])]
    return first, second, [*files, tmp_path / original.name, copy]


def _ingest(files: list[Path], db: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "ENTENTE_WRITE_BATCH": str(WRITE_BATCH)}
    return subprocess.Popen([sys.executable, "-m", "entente.cli", "ingest", *map(str, files), "--db", db, "-q"],
                            env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _finish(run: subprocess.Popen[str]) -> None:
    _out, err = run.communicate(timeout=600)
    assert run.returncode == 0 and "Traceback" not in err, err


def _what_is_stored(db: str) -> tuple[Counter[tuple[str, str | None, str]], set[frozenset[tuple[str, int, str]]],
                                      set[frozenset[str]]]:
    """The actors (name, country, kind, each as often as stored), the event groups (each the set of
    its reports) and the near-duplicate groups of articles (of two or more)."""
    from entente.config import database_url

    engine = sa.create_engine(database_url(db))
    with engine.connect() as conn:
        actors = Counter((n, c, k) for n, c, k in conn.execute(sa.text("SELECT name, country, kind FROM entities")))
        rows = conn.execute(sa.text(
            "SELECT e.group_id, a.doc_id, s.start, e.type FROM events e JOIN articles a ON a.id = e.article_id "
            "JOIN evidence_spans s ON s.id = e.evidence_id"))
        groups: dict[int, set[tuple[str, int, str]]] = {}
        for gid, doc_id, start, typ in rows:
            groups.setdefault(gid, set()).add((doc_id, start, typ))
        near: dict[str, set[str]] = {}
        for doc_id, canonical in conn.execute(sa.text("SELECT doc_id, duplicate_of FROM articles")):
            near.setdefault(canonical or doc_id, set()).add(doc_id)
    engine.dispose()
    return actors, {frozenset(g) for g in groups.values()}, {frozenset(g) for g in near.values() if len(g) > 1}


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_two_ingests_at_once_store_what_one_ingest_stores(backend, request, tmp_path):  # type: ignore[no-untyped-def]
    first, second, both = _inputs(tmp_path)
    alone = _new_database(request, tmp_path, backend)
    _finish(_ingest(both, alone))
    together = _new_database(request, tmp_path, backend)
    runs = [_ingest(first, together), _ingest(second, together)]
    for run in runs:
        _finish(run)
    actors, groups, near = _what_is_stored(together)
    want_actors, want_groups, want_near = _what_is_stored(alone)
    assert [a for a, n in actors.items() if n > 1] == []
    assert actors == want_actors
    assert groups == want_groups
    assert near == want_near and len(near) == 1
