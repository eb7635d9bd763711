"""Store fixtures: a store per test on each database, and articles extracted once per session."""

from __future__ import annotations

import pytest

from ..conftest import DATA, SAMPLES


@pytest.fixture(scope="session")
def corpus(nlp):  # type: ignore[no-untyped-def]
    """(clean article, record) for the samples and every test article, by doc_id, extracted once."""
    from entente.config import get_settings
    from entente.extract.pipeline import extract
    from entente.jobs import Summary, cleaned

    folders = [SAMPLES, DATA / "articles", DATA / "actors", DATA / "outlets"]
    return {a.doc_id: (a, extract(a, nlp)) for a in cleaned([str(f) for f in folders], Summary(), get_settings())}


@pytest.fixture()
def store(db_url):  # type: ignore[no-untyped-def]
    from entente.store import Store

    s = Store(db_url)
    yield s
    s.close()


def save_all(store, corpus, doc_ids):  # type: ignore[no-untyped-def]
    """Store the given articles of the corpus in that order."""
    return [store.save(*corpus[d]) for d in doc_ids]
