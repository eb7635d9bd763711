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
