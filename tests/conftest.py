"""Shared fixtures: paths to test data and one spaCy pipeline for the whole session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"


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
