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
