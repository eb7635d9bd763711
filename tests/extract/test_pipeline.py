from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from entente.clean import HEADER, clean
from entente.extract.pipeline import extract_each, extract_many
from entente.records import ArticleRecord, CleanArticle, Evidence, RawArticle

from ..conftest import DATA, SHARED, fail_on

pytestmark = pytest.mark.slow


ARTICLES = (("a", "Trade between the two countries grew by 8 per cent in 2023, officials said."),
            ("b", "This poison article mentions 12 per cent growth in trade between them."),
            ("c", "Exports rose by 5 per cent last year, the ministry said in its report."))


def _articles():  # type: ignore[no-untyped-def]
    return [clean(RawArticle(doc_id=d, text=t, origin=f"{d}.txt")) for d, t in ARTICLES]


def test_a_failing_component_leaves_a_warning_and_the_rest_of_the_record(nlp, monkeypatch):  # type: ignore[no-untyped-def]
    from entente.extract import quantities

    fail_on(monkeypatch, quantities, "find_facts", "poison", ValueError("cannot read this number\nsecond line of the message"))
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

    fail_on(monkeypatch, pipeline, "to_record", "poison", ValueError("cannot build this record"))
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


# every article we have, and the real ones when they are there (issue 18)
ARTICLE_DIRS = (DATA / "articles", DATA / "heldout" / "articles", SHARED / "seeds", DATA / "real")
ALL_ARTICLES = sorted(p for d in ARTICLE_DIRS if d.is_dir() for p in d.rglob("*.txt"))
LONG = 200_000


def _body_mutation(change: Callable[[str, random.Random], str]) -> Callable[[str, random.Random], str]:
    """Apply `change` to the article's text, leaving its ` date ...` header line alone."""
    def mutate(text: str, rng: random.Random) -> str:
        header = m.group(0) if (m := HEADER.match(text)) else ""
        return header + change(text[len(header):], rng)
    return mutate


def _paragraphs(text: str) -> list[str]:
    return [p for p in re.split(r"\n\s*\n", text) if p.strip()] or [text]


def _truncated(text: str, rng: random.Random) -> str:
    """Cut inside a word of a sentence past the middle."""
    cut = int(len(text) * rng.uniform(0.5, 0.8))
    while 0 < cut < len(text) - 1 and not text[cut].isalpha():
        cut += 1
    return text[:cut + 2]


def _shuffled(text: str, rng: random.Random) -> str:
    paragraphs = _paragraphs(text)
    rng.shuffle(paragraphs)
    return "\n\n".join(paragraphs)


def _unbalanced_quotes(text: str, rng: random.Random) -> str:
    """Every other straight quote and every closing curly quote dropped, a stray one opening
    each paragraph."""
    count = iter(range(10**9))
    text = re.sub('"', lambda m: "" if next(count) % 2 else '"', text).replace("\u201d", "")
    return "\n\n".join("\u201c" + p for p in _paragraphs(text))


def _no_punctuation(text: str, rng: random.Random) -> str:
    return re.sub(r"[^\w\s]", "", text)


def _repeated(text: str, rng: random.Random) -> str:
    """About 200 KB: the article's paragraphs over and over."""
    paragraphs = _paragraphs(text)
    out = list(paragraphs)
    while sum(len(p) + 2 for p in out) < LONG:
        out += paragraphs
    return "\n\n".join(out)


MUTATIONS: dict[str, Callable[[str, random.Random], str] | None] = {
    "as written": None,
    "truncated mid-sentence": _body_mutation(_truncated),
    "paragraphs shuffled": _body_mutation(_shuffled),
    "quotes unbalanced": _body_mutation(_unbalanced_quotes),
    "no punctuation": _body_mutation(_no_punctuation),
}


def _checked(articles: list[CleanArticle], nlp) -> None:  # type: ignore[no-untyped-def]
    """Every article yields a record, no step fails on it, and its evidence and mentions point
    at what they quote."""
    results = extract_each(articles, nlp)
    failures = {a.origin: r for a, r in zip(articles, results, strict=True) if isinstance(r, str)}
    assert failures == {}
    for article, record in zip(articles, results, strict=True):
        assert isinstance(record, ArticleRecord) and record.doc_id == article.doc_id
        assert record.warnings == [], article.origin
        text = article.text
        evidence: list[Evidence] = [e for ev in record.events for e in (ev.evidence, *ev.more_evidence)]
        evidence += [f.evidence for f in record.facts]
        for e in evidence:
            assert 0 <= e.start < e.end <= len(text) and text[e.start:e.end] == e.text, (article.origin, e)
        for entity in record.entities:
            assert all(0 <= s < end <= len(text) for s, end in entity.mentions), (article.origin, entity.name)


def _article(path: Path, text: str, mutation: str) -> CleanArticle:
    return clean(RawArticle(doc_id=path.stem, text=text, origin=f"{path} ({mutation})"))


@pytest.mark.parametrize("mutation", list(MUTATIONS))
def test_no_article_nor_a_mangled_copy_of_one_breaks_extraction(mutation, nlp):  # type: ignore[no-untyped-def]
    """Issue 18: every article we hold, as written and mangled the ways real pages are, gives a
    record whose evidence is verbatim, and no extraction step fails on it."""
    assert len(ALL_ARTICLES) >= 27
    change = MUTATIONS[mutation]
    articles = []
    for path in ALL_ARTICLES:
        text = path.read_text(encoding="utf-8")
        articles.append(_article(path, change(text, random.Random(path.stem)) if change else text, mutation))
    _checked(articles, nlp)


def test_an_article_of_200_kb_of_repeated_paragraphs_is_extracted(nlp):  # type: ignore[no-untyped-def]
    path = SHARED / "seeds" / "000_25cf438f34d7ad8b.txt"
    if not path.exists():
        path = DATA / "articles" / "rus_geo_tass_01.txt"
    text = _body_mutation(_repeated)(path.read_text(encoding="utf-8"), random.Random(0))
    assert len(text) >= LONG
    _checked([_article(path, text, "200 KB")], nlp)
