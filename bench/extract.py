"""Extraction throughput against bare spaCy on the same texts, measured in one run, per component.

Reads and cleans a corpus (by default N synthetic articles from bench/corpus.py), then times:

  * bare `nlp.pipe` of the same spaCy model (no entente components) over the folded cleaned texts,
  * entente's extraction as `extract_many` runs it (records included),
  * the same pipeline once more, one component at a time over all documents, for the cost of each,

and prints ms per article, articles per second and entente as a share of bare spaCy (the best of
--repeat alternating rounds of the first two). Model loads are not timed; cleaning is shown on its
own line. Everything runs in this one process.

    .venv/bin/python bench/extract.py                   # 200 synthetic articles, best of 2
    .venv/bin/python bench/extract.py -n 400 --repeat 3
    .venv/bin/python bench/extract.py --corpus tests/data/articles
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

T = TypeVar("T")


def _timed(fn: Callable[[], T]) -> tuple[T, float]:
    """The result of `fn` and its CPU seconds (process time, so other engineers' load counts less)."""
    start = time.process_time()
    result = fn()
    return result, time.process_time() - start


def _run_pipe(proc: Any, docs: Iterable[Any], batch_size: int) -> list[Any]:
    if hasattr(proc, "pipe"):
        return list(proc.pipe(docs, batch_size=batch_size))
    return [proc(d) for d in docs]


def measure(corpus: Path, batch_size: int, repeat: int = 1) -> None:
    import spacy

    from entente.clean import clean
    from entente.config import get_settings
    from entente.extract.pipeline import build_nlp, extract_many, make_doc, to_record
    from entente.fold import fold_preserving
    from entente.ingest import read_paths
    from entente.records import RawArticle

    settings = get_settings()
    raws = [r for r in read_paths([str(corpus)]) if isinstance(r, RawArticle)]
    articles, t_clean = _timed(lambda: [clean(r) for r in raws])
    n = len(articles)
    texts = [fold_preserving(a.text) for a in articles]
    bare = spacy.load(settings.spacy_model)
    ours = build_nlp(settings)
    # warm both up so lazy loads (lexicons, gazetteers, dateparser's data) are not timed
    list(bare.pipe(texts[:4]))
    list(extract_many(articles[:4], ours, batch_size=batch_size))

    # alternate the two and keep each one's best round: on a shared machine, other work slows
    # whichever happens to run alongside it
    t_bare = t_ours = float("inf")
    for _round in range(repeat):
        t_bare = min(t_bare, _timed(lambda: list(bare.pipe(texts, batch_size=batch_size)))[1])
        t_ours = min(t_ours, _timed(lambda: list(extract_many(articles, ours, batch_size=batch_size)))[1])

    per: dict[str, float] = {}
    docs, per["make_doc"] = _timed(lambda: [make_doc(ours, a) for a in articles])
    for name, proc in ours.pipeline:
        docs, per[name] = _timed(lambda p=proc, d=docs: _run_pipe(p, d, batch_size))  # type: ignore[misc]
    _, per["to_record"] = _timed(lambda: [to_record(d) for d in docs])

    def ms(seconds: float) -> str:
        return f"{1000 * seconds / n:7.2f} ms/article"

    print(f"corpus: {n} articles from {corpus}, batch size {batch_size}, best of {repeat}, "
          f"load {os.getloadavg()[0]:.2f}")
    print(f"  clean                  {ms(t_clean)}")
    print(f"  bare nlp.pipe          {ms(t_bare)}   {n / t_bare:6.1f} articles/s")
    print(f"  entente extract_many   {ms(t_ours)}   {n / t_ours:6.1f} articles/s")
    print(f"  extract / bare spaCy   {t_bare / t_ours:.0%} of bare throughput "
          f"(with clean: {t_bare / (t_ours + t_clean):.0%})")
    print("per component (one pass each over all documents):")
    model = sum(v for k, v in per.items() if k in bare.pipe_names)
    for name, seconds in per.items():
        print(f"  {name:<22} {ms(seconds)}")
    print(f"  {'= model components':<22} {ms(model)}")
    print(f"  {'= entente components':<22} {ms(sum(per.values()) - model)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", type=int, default=200, help="synthetic articles to generate (without --corpus)")
    parser.add_argument("--corpus", type=Path, help="a folder of articles to use instead")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--batch-size", type=int, default=None, help="[default: the settings' batch_size]")
    parser.add_argument("--repeat", type=int, default=2, help="rounds of bare and entente, best kept")
    args = parser.parse_args()
    from entente.config import get_settings

    batch_size = args.batch_size or get_settings().batch_size
    if args.corpus:
        measure(args.corpus, batch_size, args.repeat)
        return
    from corpus import write_corpus

    with tempfile.TemporaryDirectory() as tmp:
        write_corpus(args.n, Path(tmp), args.seed)
        measure(Path(tmp), batch_size, args.repeat)


if __name__ == "__main__":
    main()
