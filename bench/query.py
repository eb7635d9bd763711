"""Latency of the common `entente events` queries over a large synthetic record.

Loads at least 200,000 events made from real extractions (the bundled samples and the test
articles: their event types, modes, statuses, sectors and evidence sentences) with varied actors,
country pairs and dates into SQLite and into PostgreSQL (a throw-away server from
scripts/pg_test_server.py unless --pg gives a URL), then times one page of 50 events through
`entente.store.read.list_events`, the function behind `entente events` and the API, and prints
p50/p95 per query and database.

    .venv/bin/python bench/query.py                       # 200,000 events, SQLite and PostgreSQL
    .venv/bin/python bench/query.py --events 20000 --sqlite-only --repeat 10
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert, text  # noqa: E402

from entente.fold import key  # noqa: E402
from entente.records import ArticleRecord  # noqa: E402
from entente.store import Store  # noqa: E402
from entente.store import models as m  # noqa: E402
from entente.store.read import EventFilter, list_events  # noqa: E402

SEED_FOLDERS = ["samples", "tests/data/articles", "tests/data/actors", "tests/data/outlets"]
COUNTRIES = ["RUS", "VNM", "CHN", "USA", "IND", "JPN", "KOR", "DEU", "POL", "FRA", "GBR", "TUR", "GRC", "BRA",
             "ARG", "MEX", "IDN", "AUS", "NGA", "KEN", "SAU", "JOR", "PHL", "THA", "MYS", "EGY", "ZAF", "CAN",
             "ITA", "ESP", "UKR", "GEO", "KAZ", "IRN", "ISR", "PAK", "BGD", "SGP", "NZL", "CHL"]
SOURCES = ["TASS", "VNA", "Xinhua", "Reuters", "AP", "AFP", "Yonhap", "ANI", "Antara", "Anadolu", "dpa", "Bernama"]
FIRST = ["Anna", "Boris", "Chen", "Diego", "Elif", "Farid", "Grace", "Hiro", "Ivan", "Jae", "Kofi", "Lina",
         "Marta", "Nguyen", "Omar", "Priya", "Quang", "Rosa", "Sergei", "Tomas", "Umar", "Vera", "Wei", "Yusuf"]
LAST = ["Ivanov", "Tran", "Li", "Smith", "Sharma", "Tanaka", "Park", "Müller", "Nowak", "Dubois", "Brown",
        "Yilmaz", "Papadopoulos", "Silva", "Gomez", "Lopez", "Wijaya", "Taylor", "Okafor", "Mwangi", "Al Saud",
        "Haddad", "Santos", "Chai", "Rahman", "Petrov", "Kowalski", "Rossi", "Garcia", "Khan"]
WORDS = ["energy", "rail", "security", "trade", "investment", "education", "defence", "tourism", "health",
         "agriculture", "oil", "nuclear", "visa", "port", "culture"]
PAGE = 50


@dataclass
class Template:
    """One real extracted event, reduced to what a synthetic event copies."""

    type: str
    mode: str | None
    status: str
    sectors: list[str]
    evidence: str


def templates() -> list[Template]:
    """Events of the bundled and test articles, extracted once (loads the spaCy model)."""
    from entente.jobs import extract_paths

    records: list[ArticleRecord] = list(extract_paths([str(ROOT / f) for f in SEED_FOLDERS]))
    out = [Template(e.type, e.mode, e.status, e.sectors, e.evidence.text) for r in records for e in r.events]
    print(f"{len(out)} event templates from {len(records)} real articles", flush=True)
    return out


def actors(rng: random.Random, per_country: int) -> dict[str, list[tuple[int, str]]]:
    """Synthetic people, `per_country` for each country: {country: [(entity id, name)]}."""
    out: dict[str, list[tuple[int, str]]] = {}
    next_id = 1
    for c in COUNTRIES:
        names = {f"{rng.choice(FIRST)} {rng.choice(LAST)} {c.title()}" for _ in range(per_country * 2)}
        out[c] = [(next_id + i, n) for i, n in enumerate(sorted(names)[:per_country])]
        next_id += per_country
    return out


def rows(n_events: int, seed: int = 7) -> dict[str, list[dict[str, Any]]]:
    """Every table's rows for `n_events` events in articles of 8 events each."""
    rng = random.Random(seed)
    pool = templates()
    people = actors(rng, 60)
    out: dict[str, list[dict[str, Any]]] = {t: [] for t in ("articles", "entities", "aliases", "spans", "events",
                                                            "arguments", "countries", "pairs", "sectors")}
    for c, ps in people.items():
        for eid, name in ps:
            out["entities"].append({"id": eid, "kind": "PERSON", "name": name, "key": key(name), "country": c})
            out["aliases"].append({"entity_id": eid, "alias": name, "key": key(name)})
            out["aliases"].append({"entity_id": eid, "alias": name.split()[1], "key": key(name.split()[1])})
    start = date(2000, 1, 1)
    pairs = [(a, b) for i, a in enumerate(COUNTRIES) for b in COUNTRIES[i + 1:]]
    weights = [1.0 / (1 + i) for i in range(len(pairs))]  # a few pairs are reported far more than others
    event_id = span_id = 0
    for article_id in range(1, n_events // 8 + 1):
        a, b = rng.choices(pairs, weights)[0]
        day = start + timedelta(days=rng.randrange(26 * 365))
        chosen = [rng.choice(pool) for _ in range(8)]
        who = [rng.choice(people[a]) for _ in range(3)] + [rng.choice(people[b]) for _ in range(3)]
        body = " ".join(t.evidence for t in chosen) + " " + " ".join(
            f"{n} spoke about {rng.choice(WORDS)}." for _, n in who)
        out["articles"].append({"id": article_id, "doc_id": f"synthetic_{article_id:07d}",
                                "content_hash": f"{article_id:064d}", "origin": "<bench>", "published": day.isoformat(),
                                "source": rng.choice(SOURCES), "text": body, "record": "{}"})
        for t in chosen:
            event_id += 1
            span_id += 1
            out["spans"].append({"id": span_id, "article_id": article_id, "start": 0, "end": len(t.evidence),
                                 "text": t.evidence})
            when = None if rng.random() < 0.1 else (day - timedelta(days=rng.randrange(3))).isoformat()
            out["events"].append({"id": event_id, "article_id": article_id, "type": t.type, "mode": t.mode,
                                  "status": t.status, "date": when, "evidence_id": span_id})
            actor, target = rng.choice(who[:3]), rng.choice(who[3:])
            out["arguments"] += [{"event_id": event_id, "entity_id": actor[0], "role": "actor"},
                                 {"event_id": event_id, "entity_id": target[0], "role": "target"}]
            out["countries"] += [{"event_id": event_id, "country": a}, {"event_id": event_id, "country": b}]
            out["pairs"].append({"event_id": event_id, "a": min(a, b), "b": max(a, b), "date": when,
                                 "type": t.type, "status": t.status})
            out["sectors"] += [{"article_id": article_id, "event_id": event_id, "sector": s} for s in t.sectors[:3]]
    return out


def load(store: Store, data: dict[str, list[dict[str, Any]]]) -> float:
    """Insert everything in chunks; returns seconds taken."""
    t0 = time.perf_counter()
    tables = [("entities", m.Entity), ("aliases", m.Alias), ("articles", m.Article), ("spans", m.EvidenceSpan),
              ("events", m.Event), ("arguments", m.EventArgument), ("countries", m.EventCountry),
              ("pairs", m.EventPair), ("sectors", m.Sector)]
    with store.engine.begin() as conn:
        for name, model in tables:
            batch = data[name]
            for i in range(0, len(batch), 20_000):
                conn.execute(insert(model), batch[i:i + 20_000])
        if store.engine.dialect.name == "postgresql":
            for table in ("entities", "events", "event_arguments", "event_countries", "event_pairs", "sectors",
                          "aliases"):
                conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                  f"(SELECT coalesce(max(id), 1) FROM {table}))"))
    # what autovacuum does on a working server after a bulk load: statistics, and on PostgreSQL the
    # visibility map that lets index-only scans skip the table
    vacuum = "VACUUM ANALYZE" if store.engine.dialect.name == "postgresql" else "ANALYZE"
    with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text(vacuum))
    return time.perf_counter() - t0


def queries(data: dict[str, list[dict[str, Any]]], rng: random.Random) -> dict[str, Callable[[], tuple[EventFilter, int]]]:
    """The common `entente events` queries, each a maker of random parameters."""
    events_by_pair: dict[tuple[str, str], int] = {}
    for i in range(0, len(data["countries"]), 2):
        pair = (data["countries"][i]["country"], data["countries"][i + 1]["country"])
        events_by_pair[pair] = events_by_pair.get(pair, 0) + 1
    busy = [p for p, n in sorted(events_by_pair.items(), key=lambda kv: -kv[1])[:20]]
    names = [e["name"] for e in data["entities"]]

    def pair() -> tuple[str, str]:
        return rng.choice(busy)

    return {
        "newest page (no filter)": lambda: (EventFilter(), 0),
        "--between A B": lambda: (EventFilter(countries=pair()), 0),
        "--between A B --type CONSULT --since 2015": lambda: (
            EventFilter(countries=pair(), type="CONSULT", since="2015"), 0),
        "--between A B --status planned": lambda: (EventFilter(countries=pair(), status="planned"), 0),
        "--actor NAME": lambda: (EventFilter(actor=rng.choice(names)), 0),
        "--between A B --sector trade": lambda: (EventFilter(countries=pair(), sector="trade"), 0),
        "--text WORD (full text)": lambda: (EventFilter(words=f"{rng.choice(WORDS)} {rng.choice(WORDS)}"), 0),
        "--between A B --page 5": lambda: (EventFilter(countries=pair()), 4 * PAGE),
        "--country A (any of the 40)": lambda: (EventFilter(countries=(rng.choice(COUNTRIES),)), 0),
        "--sector S": lambda: (EventFilter(sector=rng.choice(["trade", "energy", "defence", "health"])), 0),
    }


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def measure(store: Store, makers: dict[str, Callable[[], tuple[EventFilter, int]]], repeat: int) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {}
    for label, make in makers.items():
        for _ in range(3):  # warm the caches the way a working server has them
            f, offset = make()
            list_events(store, f, limit=PAGE, offset=offset)
        times = []
        for _ in range(repeat):
            f, offset = make()
            t0 = time.perf_counter()
            page = list_events(store, f, limit=PAGE, offset=offset)
            times.append((time.perf_counter() - t0) * 1000)
            assert len(page.items) <= PAGE
        out[label] = times
    return out


def databases(args: argparse.Namespace, tmp: Path) -> Iterator[tuple[str, str]]:
    yield "SQLite", str(tmp / "bench.db")
    if args.sqlite_only:
        return
    if args.pg:
        yield "PostgreSQL", args.pg
        return
    from scripts.pg_test_server import start

    server = start()
    try:
        yield "PostgreSQL", server.url
    finally:
        server.stop()


def main(argv: list[str] | None = None) -> dict[str, dict[str, list[float]]]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=200_000, help="synthetic events to load (default 200,000)")
    parser.add_argument("--repeat", type=int, default=40, help="timed runs per query (default 40)")
    parser.add_argument("--sqlite-only", action="store_true", help="skip PostgreSQL")
    parser.add_argument("--pg", help="a PostgreSQL URL to use instead of a throw-away server (its data is replaced)")
    args = parser.parse_args(argv)
    data = rows(args.events)
    print(f"{len(data['events']):,} events, {len(data['articles']):,} articles, {len(data['entities']):,} actors",
          flush=True)
    results: dict[str, dict[str, list[float]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for db_name, url in databases(args, Path(tmp)):
            store = Store(url)
            print(f"{db_name}: loaded in {load(store, data):.1f} s", flush=True)
            results[db_name] = measure(store, queries(data, random.Random(11)), args.repeat)
            store.close()
    print(f"\nlatency of one page of {PAGE} events (ms), {args.repeat} runs each")
    header = f"{'query':46}" + "".join(f"{db + ' p50':>16}{db + ' p95':>16}" for db in results)
    print(header)
    for label in next(iter(results.values())):
        cells = "".join(f"{statistics.median(r[label]):16.1f}{percentile(r[label], 0.95):16.1f}" for r in results.values())
        print(f"{label:46}{cells}")
    return results


if __name__ == "__main__":
    main()
