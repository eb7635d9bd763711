"""Ingest throughput against bare spaCy on the same texts, measured in one run.

Builds a corpus of N articles (default 2,000) from the bundled samples and the test articles, each
copy with its people renamed (from the gold files' aliases) and its date moved, so no two copies
share a text; then, each in a fresh process so peak memory is its own:

  * bare `nlp.pipe` of the same spaCy model (no entente components) over the cleaned texts,
  * `entente ingest` into a new SQLite database at --jobs 1 and --jobs 2 (one and two processes
    extracting beside the one that reads and writes), and with `--one-process` also everything in
    one process (extraction, then each batch's writing, in turn),

and prints articles per second, peak resident memory, and ingest as a share of bare spaCy.

    .venv/bin/python bench/ingest.py            # 2,000 articles
    .venv/bin/python bench/ingest.py -n 300     # a quick look
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [(ROOT / "samples", ROOT.parent / "shared" / "gold"), (ROOT / "tests" / "data" / "articles", ROOT / "tests" / "data" / "gold")]
FIRST = ["Anna", "Bruno", "Chen", "Dara", "Elif", "Farid", "Greta", "Hiro", "Ines", "Jonas", "Kamala", "Luis", "Mei",
         "Nadia", "Omar", "Priya", "Rafael", "Sofia", "Tomas", "Ulla", "Viktor", "Wen", "Yusuf", "Zofia"]
LAST = ["Abe", "Baptiste", "Costa", "Dlamini", "Eriksen", "Fischer", "Garcia", "Haddad", "Ivanova", "Jensen", "Kim",
        "Lopez", "Mensah", "Nakamura", "Okafor", "Petrov", "Quispe", "Rossi", "Silva", "Tanaka", "Usman", "Varga",
        "Weber", "Xu", "Yilmaz", "Zhou"]
HEADER = re.compile(r"^\s*date (\d{4}-\d{2}-\d{2})\s*")


def _people(gold: Path) -> list[list[str]]:
    """Alias lists of the people in a gold record, longest first."""
    if not gold.exists():
        return []
    record = json.loads(gold.read_text(encoding="utf-8"))
    return [sorted({p["name"], *p.get("aliases", [])}, key=len, reverse=True)
            for p in record.get("entities", []) if p.get("type", "PERSON") == "PERSON"]


def _rename(text: str, aliases: list[str], first: str, last: str) -> str:
    for alias in aliases:
        new = last if len(alias.split()) == 1 else f"{first} {last}"
        text = re.sub(rf"(?<!\w){re.escape(alias)}(?!\w)", new, text)
    return text


def build_corpus(n: int, out: Path, seed: int = 7) -> int:
    """Write `n` distinct article files to `out`; returns how many words they hold."""
    rng = random.Random(seed)
    bases = [(p.read_text(encoding="utf-8"), _people(gold / f"{p.stem}.json"))
             for folder, gold in SOURCES for p in sorted(folder.glob("*.txt"))]
    out.mkdir(parents=True, exist_ok=True)
    seen: set[str] = set()
    words = 0
    while len(seen) < n:
        text, people = bases[len(seen) % len(bases)]
        for aliases in people[:3]:
            text = _rename(text, aliases, rng.choice(FIRST), rng.choice(LAST))
        day = date(2019, 1, 1) + timedelta(days=rng.randrange(2000))
        m = HEADER.match(text)
        # a wire credit line with varied names keeps every copy distinct even where no person is renamed
        credit = f"(Reporting by {rng.choice(FIRST)} {rng.choice(LAST)}; editing by {rng.choice(FIRST)} {rng.choice(LAST)})"
        body = (text[m.end():] if m else text).rstrip() + "\n\n" + credit + "\n"
        if body in seen:
            continue
        seen.add(body)
        words += len(body.split())
        (out / f"a{len(seen):05d}.txt").write_text(f" date {day.isoformat()} {body}", encoding="utf-8")
    return words


def _peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def _cpu_seconds() -> float:
    """CPU seconds of this process and its finished children (the extraction workers)."""
    return sum(u.ru_utime + u.ru_stime for u in (resource.getrusage(resource.RUSAGE_SELF),
                                                 resource.getrusage(resource.RUSAGE_CHILDREN)))


def run_bare(corpus: Path) -> dict[str, float]:
    """Bare spaCy over the cleaned texts of the corpus (the model load is not timed)."""
    import spacy

    from entente.clean import clean
    from entente.config import get_settings
    from entente.fold import fold_preserving
    from entente.ingest import read_paths

    settings = get_settings()
    texts = [fold_preserving(clean(raw).text) for raw in read_paths([str(corpus)])]  # type: ignore[arg-type]
    nlp = spacy.load(settings.spacy_model)
    start, cpu = time.perf_counter(), _cpu_seconds()
    for _doc in nlp.pipe(texts, batch_size=settings.batch_size):
        pass
    seconds = time.perf_counter() - start
    return {"articles": len(texts), "seconds": seconds, "cpu": _cpu_seconds() - cpu,
            "peak_mb": _peak_mb(resource.RUSAGE_SELF), "workers_mb": 0.0}


def run_ingest(corpus: Path, jobs: int) -> dict[str, float]:
    """`entente ingest` of the corpus into a new database, the model load included as a user sees it."""
    from entente.jobs import ingest_paths
    from entente.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        store = Store(str(Path(tmp) / "bench.db"))
        start, cpu = time.perf_counter(), _cpu_seconds()
        summary = ingest_paths([str(corpus)], store, jobs=jobs)
        seconds = time.perf_counter() - start
        store.close()
    if summary.failed or summary.duplicates:
        raise SystemExit(f"bench corpus did not ingest cleanly: {summary}")
    return {"articles": summary.ingested, "seconds": seconds, "cpu": _cpu_seconds() - cpu,
            "peak_mb": _peak_mb(resource.RUSAGE_SELF),
            "workers_mb": _peak_mb(resource.RUSAGE_CHILDREN)}


def _measure(what: str, corpus: Path) -> dict[str, float]:
    """One measurement in a fresh interpreter, so its peak memory is its own."""
    # "once": no pool however long the input
    env = {**os.environ, "ENTENTE_POOL_MIN_ARTICLES": str(10**9)} if what == "once" else None
    done = subprocess.run([sys.executable, __file__, "--measure", "jobs1" if what == "once" else what,
                           "--corpus", str(corpus)], capture_output=True, text=True, env=env)
    if done.returncode:
        raise SystemExit(f"{what} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", type=int, default=2000, help="articles in the corpus")
    parser.add_argument("--one-process", action="store_true", help="also ingest with extraction in the writing process")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        result = run_bare(args.corpus) if args.measure == "bare" else run_ingest(args.corpus, int(args.measure[4:]))
        print(json.dumps(result))
        return
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        words = build_corpus(args.n, corpus)
        print(f"corpus: {args.n:,} articles, {words:,} words", flush=True)
        results = {}
        runs = ("bare", "once", "jobs1", "jobs2") if args.one_process else ("bare", "jobs1", "jobs2")
        for what in runs:
            results[what] = r = _measure(what, corpus)
            rate = r["articles"] / r["seconds"]
            workers = f", workers peak {r['workers_mb']:.0f} MB each" if r["workers_mb"] else ""
            print(f"{what:>6}: {r['articles']:,.0f} articles in {r['seconds']:.1f} s = {rate:.1f} articles/s, "
                  f"CPU {r['cpu'] / r['articles'] * 1000:.0f} ms/article (all processes), "
                  f"peak {r['peak_mb']:.0f} MB{workers}; load {os.getloadavg()[0]:.1f}", flush=True)
        bare = results["bare"]["articles"] / results["bare"]["seconds"]
        for what in runs[1:]:
            r = results[what]
            label = "in one process" if what == "once" else f"--jobs {what[4:]}"
            print(f"ingest {label} / bare spaCy = {r['articles'] / r['seconds'] / bare:.0%}")


if __name__ == "__main__":
    main()
