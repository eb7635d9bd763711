from __future__ import annotations

import pytest

from entente.clean import clean
from entente.extract.pipeline import extract_each, extract_many
from entente.records import RawArticle

pytestmark = pytest.mark.slow


ARTICLES = (("a", "Trade between the two countries grew by 8 per cent in 2023, officials said."),
            ("b", "This poison article mentions 12 per cent growth in trade between them."),
            ("c", "Exports rose by 5 per cent last year, the ministry said in its report."))


def _articles():  # type: ignore[no-untyped-def]
    return [clean(RawArticle(doc_id=d, text=t, origin=f"{d}.txt")) for d, t in ARTICLES]


def test_a_failing_component_leaves_a_warning_and_the_rest_of_the_record(nlp, monkeypatch):  # type: ignore[no-untyped-def]
    from entente.extract import quantities

    real = quantities.find_facts

    def flaky(doc):  # type: ignore[no-untyped-def]
        if "poison" in doc.text:
            raise ValueError("cannot read this number\nsecond line of the message")
        return real(doc)

    monkeypatch.setattr(quantities, "find_facts", flaky)
    errors: list[str] = []
    records = list(extract_many(_articles(), nlp, on_error=lambda a, m: errors.append(f"{a.origin}: {m}")))
    assert [r.doc_id for r in records] == ["a", "b", "c"] and errors == []
    a, b, c = records
    assert b.warnings == ["b.txt: extraction step entente_quantities failed (ValueError: cannot read this number); "
                          "the record stands without what it finds"]
    assert b.facts == [] and "trade" in b.sectors  # the steps after the failed one still ran
    assert a.facts and c.facts and a.warnings == c.warnings == []
    assert "warnings" not in b.model_dump()  # reported to whoever ran it, never written out


def test_an_article_whose_record_cannot_be_built_is_reported_and_the_batch_goes_on(nlp, monkeypatch):  # type: ignore[no-untyped-def]
    from entente.extract import pipeline

    real = pipeline.to_record

    def flaky(doc):  # type: ignore[no-untyped-def]
        if "poison" in doc.text:
            raise ValueError("cannot build this record")
        return real(doc)

    monkeypatch.setattr(pipeline, "to_record", flaky)
    articles = _articles()
    errors: list[str] = []
    records = list(extract_many(articles, nlp, on_error=lambda a, m: errors.append(f"{a.origin}: {m}")))
    assert [r.doc_id for r in records] == ["a", "c"]
    assert len(errors) == 1 and errors[0].startswith("b.txt: extraction failed: ValueError: cannot build this record")
    with pytest.raises(ValueError):
        list(extract_many(articles, nlp))
    # what the extraction workers return: a record or a message for each article, in place
    each = extract_each(articles, nlp)
    assert [r if isinstance(r, str) else r.doc_id for r in each][::2] == ["a", "c"]
    assert isinstance(each[1], str) and "cannot build this record" in each[1]
