"""The Ray engine stores what the local engine stores: same records on a real PostgreSQL, same
counts, and a re-run stores nothing twice."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator

import pytest

from .conftest import DATA, SAMPLES

ray = pytest.importorskip("ray")

pytestmark = pytest.mark.slow

# the samples and a few hand-written articles: enough for two batches per worker at a small batch size
FILES = [str(SAMPLES), *(str(DATA / "articles" / f) for f in ("deu_pol_dpa_01.txt", "kor_usa_yonhap_01.txt",
                                                               "tur_grc_aa_01.txt"))]
_names = itertools.count()


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    """One local Ray instance (2 CPUs) for the module, so each run does not start its own."""
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


@pytest.fixture()
def pg_db(pg_server) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """A factory of empty databases on the session's PostgreSQL server, dropped afterwards."""
    import sqlalchemy as sa

    admin = sa.create_engine(pg_server.url, isolation_level="AUTOCOMMIT")
    made: list[str] = []

    def new() -> str:
        name = f"ray{os.getpid()}_{next(_names)}"
        with admin.connect() as conn:
            conn.execute(sa.text(f"CREATE DATABASE {name}"))
        made.append(name)
        return str(pg_server.url_for(name))

    yield new
    with admin.connect() as conn:
        for name in made:
            conn.execute(sa.text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
    admin.dispose()


def _records(store) -> dict[str, dict[str, object]]:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from entente.store import models as m

    with store.session() as s:
        doc_ids = s.scalars(select(m.Article.doc_id)).all()
    return {d: store.record(d)[0].model_dump() for d in doc_ids}


def test_ray_engine_stores_the_records_of_the_local_engine_once(pg_db, local_ray, nlp, monkeypatch, tmp_path):  # type: ignore[no-untyped-def]
    from entente import ray_engine
    from entente.jobs import ingest_paths
    from entente.store import Store

    # small tasks, so the two workers share the articles and several batches are in flight
    monkeypatch.setattr(ray_engine, "TASK_ARTICLES", 2)
    # the Yonhap story republished with a paragraph more: a near-duplicate, grouped by both engines
    yonhap = (DATA / "articles" / "kor_usa_yonhap_01.txt").read_text(encoding="utf-8")
    republished = tmp_path / "herald_kor_usa.txt"
    republished.write_text(yonhap.replace("(END)", "The two allies will hold their next strategic dialogue in "
                                          "the spring, officials added."), encoding="utf-8")
    files = [*FILES, str(republished)]
    local, distributed = Store(pg_db()), Store(pg_db())
    try:
        expected = ingest_paths(files, local)
        done: list[None] = []
        got = ray_engine.ingest_paths_ray(files, distributed, workers=2, on_done=lambda: done.append(None))
        assert got == expected and (got.ingested, got.grouped, len(done)) == (9, 1, 9), got.problems
        assert distributed.near_duplicates("herald_kor_usa") == ("kor_usa_yonhap_01", ["herald_kor_usa"])
        assert _records(distributed) == _records(local)
        assert distributed.counts() == local.counts()

        again = ray_engine.ingest_paths_ray(files, distributed, workers=2)
        assert (again.ingested, again.unchanged, again.failed) == (0, 9, 0)
        assert distributed.counts() == local.counts()
    finally:
        local.close()
        distributed.close()


def test_a_killed_worker_is_restarted_and_its_batches_retried(tmp_path, local_ray, monkeypatch):  # type: ignore[no-untyped-def]
    import signal

    from entente import ray_engine
    from entente.store import Store

    def kill_first(pool: list[object]) -> None:
        os.kill(ray.get(pool[0].pid.remote()), signal.SIGKILL)  # type: ignore[attr-defined]

    monkeypatch.setattr(ray_engine, "TASK_ARTICLES", 2)
    store = Store(str(tmp_path / "t.db"))
    summary = ray_engine.Summary()
    articles = ray_engine.cleaned(FILES, summary, ray_engine.get_settings())
    got = ray_engine.ingest_articles_ray(articles, store, summary, workers=2, on_pool=kill_first)
    assert (got.ingested, got.failed) == (8, 0), got.problems
    store.close()
