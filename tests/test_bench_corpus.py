"""The synthetic corpus of bench/corpus.py: distinct, deterministic, dated articles about many pairs."""

from __future__ import annotations

import re

from bench.corpus import countries, generate, write_corpus


def test_the_same_seed_gives_the_same_distinct_articles() -> None:
    first = list(generate(60, seed=3))
    assert first == list(generate(60, seed=3))
    assert first != list(generate(60, seed=4))
    assert len({text for _, text in first}) == len({name for name, _ in first}) == 60


def test_articles_carry_the_date_header_and_vary_countries_and_dates(tmp_path) -> None:  # type: ignore[no-untyped-def]
    write_corpus(40, tmp_path, seed=1)
    texts = [p.read_text(encoding="utf-8") for p in sorted(tmp_path.glob("*.txt"))]
    assert len(texts) == 40 and all(re.match(r" date \d{4}-\d{2}-\d{2} \S", t) for t in texts)
    assert len({t[6:16] for t in texts}) > 30
    names = {c.name for c in countries()}
    mentioned = {n for t in texts for n in names if n in t}
    assert len(mentioned) > 20


def test_copies_of_a_bundled_article_tell_of_their_own_years() -> None:
    from bench.corpus import BUNDLED, _dated

    def years(text: str) -> set[int]:
        return {int(y) for y in re.findall(r"(?<![\d,.])(?:19|20)\d\d(?![\d,])", text)}

    originals = [_dated(p.read_text(encoding="utf-8")) for folder in BUNDLED for p in sorted(folder.glob("*.txt"))]
    articles = list(generate(4 * len(originals), seed=5))
    moved = 0
    for n in range(0, len(articles), 2):  # even places hold the copies, in the order of the originals
        text, year = originals[(n // 2) % len(originals)]
        copy = articles[n][1]
        shift = int(copy[6:10]) - year if year else 0
        body = copy[17:].rsplit("\n\n", 1)[0]  # the added templated paragraph is last
        assert years(body) == {y + shift for y in years(text)}
        moved += shift != 0 and bool(years(text))
    assert moved > len(originals)


def test_a_larger_corpus_covers_more_years_at_the_same_density_and_begins_with_the_smaller() -> None:
    small, large = list(generate(200, seed=2)), list(generate(800, seed=2))
    assert large[:200] == small

    def span(articles: list[tuple[str, str]]) -> int:
        from datetime import date

        days = sorted(date.fromisoformat(text[6:16]) for _, text in articles)
        return (days[-1] - days[0]).days

    assert 3 < span(large) / span(small) < 4.5  # 160 and 640 days, and a month either way
    fixed = [text[6:16] for _, text in generate(800, seed=2, span_days=400)]
    assert min(fixed) >= "2015-01-01" and max(fixed) <= "2016-02-05"
