from __future__ import annotations

import pytest

from entente.jobs import ingest_paths

from ..conftest import SAMPLES

pytestmark = pytest.mark.slow


def test_ingest_is_idempotent(store, nlp):  # type: ignore[no-untyped-def]
    first = ingest_paths([str(SAMPLES)], store)
    counts = store.counts()
    again = ingest_paths([str(SAMPLES)], store)
    assert first.ingested == 5 and again.unchanged == 5 and again.ingested == 0
    assert store.counts() == counts


def test_one_actor_per_person_across_articles(store, nlp):  # type: ignore[no-untyped-def]
    ingest_paths([str(SAMPLES)], store)
    from sqlalchemy import select

    from entente.store import models as m

    with store.session() as s:
        putins = s.scalars(select(m.Entity).where(m.Entity.key == "vladimir putin")).all()
        assert len(putins) == 1
        aliases = {a.alias for a in putins[0].aliases}
    assert {"Putin", "Vladimir Putin", "Vladimir Vladimirovich Putin"} <= aliases


def test_events_filter_by_country_type_and_date(store, nlp):  # type: ignore[no-untyped-def]
    ingest_paths([str(SAMPLES)], store)
    rows = store.events(["RUS", "VNM"], "CONSULT", since="2024-01-01", until="2024-12-31")
    assert rows and all(r.type == "CONSULT" and r.date and r.date[:4] == "2024" for r in rows)
    assert all({"RUS", "VNM"} <= set(r.countries) for r in rows)
    record, text = store.record("003_050b114383b8fb0f")
    assert all(text[e.evidence.start:e.evidence.end] == e.evidence.text for e in record.events)


def _outline(store):  # type: ignore[no-untyped-def]
    """Actors with their aliases and event groups by their reports, independent of row ids."""
    from sqlalchemy import select

    from entente.store import models as m

    with store.session() as s:
        actors = sorted((e.kind, e.name, tuple(sorted(a.alias for a in e.aliases))) for e in s.scalars(select(m.Entity)))
        reports: dict[int, list[tuple[str, int]]] = {}
        for gid, doc_id, start in s.execute(select(m.Event.group_id, m.Article.doc_id, m.EvidenceSpan.start)
                                            .join(m.Article, m.Event.article_id == m.Article.id)
                                            .join(m.EvidenceSpan, m.Event.evidence_id == m.EvidenceSpan.id)):
            reports.setdefault(gid, []).append((doc_id, start))
        groups = sorted((tuple(sorted(reports[g.id])), g.sources, g.date or "") for g in s.scalars(select(m.EventGroup)))
    return actors, groups


def test_batches_in_any_order_give_the_actors_and_event_groups_of_one_by_one(db_url, corpus, tmp_path):  # type: ignore[no-untyped-def]
    from entente.store import Store

    pairs = [corpus[d] for d in sorted(corpus)]
    one, batched = Store(str(tmp_path / "one.db")), Store(db_url)
    try:
        for pair in pairs:
            one.save(*pair)
        reverse = pairs[::-1]
        outcomes = [o for i in range(0, len(reverse), 5) for o in batched.save_many(reverse[i:i + 5])]
        assert outcomes == ["ingested"] * len(pairs)
        assert _outline(batched) == _outline(one)
    finally:
        one.close()
        batched.close()


def test_a_batch_with_a_bad_article_stores_the_others_and_names_it(store, corpus):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from entente.errors import StoreError

    (a1, r1), (a2, r2), (a3, r3) = (corpus[d] for d in sorted(corpus)[:3])
    broken = replace(a2, text=None)  # the database refuses an article without text
    outcomes = store.save_many([(a1, r1), (broken, r2), (a3, r3)])
    assert outcomes[0] == outcomes[2] == "ingested"
    assert isinstance(outcomes[1], StoreError) and str(outcomes[1]).startswith(a2.origin)
    assert store.counts()["articles"] == 2
    assert store.save_many([(a1, r1), (a2, r2)]) == ["unchanged", "ingested"]


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_postgresql_sessions_do_not_compile_queries_to_machine_code(store):  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    with store.session() as s:
        assert s.execute(text("SHOW jit")).scalar() == "off"
