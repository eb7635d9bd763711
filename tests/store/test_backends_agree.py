"""SQLite and PostgreSQL store the same records (issue 20): a NUL or another control character in
an article, and a value longer than its column, are accepted by both and stored alike."""

from __future__ import annotations

import pytest

from entente.clean import clean
from entente.extract.pipeline import extract
from entente.records import RawArticle

from ..conftest import SAMPLES

pytestmark = pytest.mark.slow


def test_control_characters_and_long_values_are_stored_alike(store, nlp):  # type: ignore[no-untyped-def]
    text = (SAMPLES / "000_25cf438f34d7ad8b.txt").read_text(encoding="utf-8")
    text = text.replace("Russia", "Russia\x00", 1).replace(". ", ".\x07 ", 1)
    raw = RawArticle(doc_id="hostile", text=text, origin="hostile.txt", source="S" * 500,
                     title="A title\x00 with a NUL")
    article = clean(raw)
    assert "\x00" not in article.text and "\x07" not in article.text and len(article.text) == len(text) - 17
    record = extract(article, nlp)
    assert store.save(article, record) == "ingested"
    stored, stored_text = store.record("hostile")
    assert stored_text == article.text
    assert stored.events and [e.evidence.text for e in stored.events] == [e.evidence.text for e in record.events]
    with store.session() as s:
        from sqlalchemy import select

        from entente.store import models as m

        row = s.scalars(select(m.Article).where(m.Article.doc_id == "hostile")).one()
        assert row.source == "S" * 200 and row.title == "A title  with a NUL"
