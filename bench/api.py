"""Latency and throughput of the HTTP API's main endpoints under a bounded concurrent load.

Builds a SQLite store of at least 100,000 synthetic events (the generator of bench/query.py, made
from real extractions), starts `entente serve` on localhost in its own process, sends each
endpoint a fixed number of requests with at most --concurrency in flight, and prints p50, p95
and p99 latency and requests per second per endpoint.

    .venv/bin/python bench/api.py                                   # 100,000 events, 16 in flight
    .venv/bin/python bench/api.py --events 20000 --requests 100 --concurrency 4
"""

from __future__ import annotations

import argparse
import asyncio
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402

from bench.query import COUNTRIES, WORDS, load, rows  # noqa: E402
from entente.records import EVENT_TYPES  # noqa: E402
from entente.store import Store  # noqa: E402


@dataclass
class Result:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0


def endpoints(data: dict[str, list[dict[str, Any]]], rng: random.Random) -> dict[str, Callable[[], str]]:
    """The main endpoints, each a maker of a random but realistic URL."""
    n_events = len(data["events"])
    pairs = sorted({tuple(sorted(c["country"] for c in data["countries"][i:i + 2]))
                    for i in range(0, min(len(data["countries"]), 20_000), 2)})
    names = [e["name"].split()[1] for e in data["entities"]]

    def pair() -> tuple[str, str]:
        a, b = rng.choice(pairs)
        return a, b

    return {
        "GET /events (newest page)": lambda: "/events?page_size=50",
        "GET /events?country=A&country=B": lambda: "/events?country={}&country={}&page_size=50".format(*pair()),
        "GET /events?type&since": lambda: f"/events?type={rng.choice(EVENT_TYPES[:6])}&since={rng.randrange(2000, 2025)}",
        "GET /events/{id}": lambda: f"/events/{rng.randrange(1, n_events + 1)}",
        "GET /relations/{a}/{b}": lambda: "/relations/{}/{}".format(*pair()),
        "GET /actors?name=": lambda: f"/actors?name={rng.choice(names)}",
        "GET /articles (page 5)": lambda: "/articles?page=5&page_size=50",
        "GET /search?q=": lambda: f"/search?q={rng.choice(WORDS)}&page_size=20",
        "GET /facts/{a}/{b}": lambda: f"/facts/{rng.choice(COUNTRIES)}/{rng.choice(COUNTRIES)}",
    }


async def hammer(client: httpx.AsyncClient, make: Callable[[], str], requests: int, concurrency: int) -> Result:
    result = Result()
    gate = asyncio.Semaphore(concurrency)

    async def one() -> None:
        async with gate:
            t0 = time.perf_counter()
            r = await client.get(make())
            result.latencies.append((time.perf_counter() - t0) * 1000)
            if r.status_code >= 400:
                result.errors += 1

    t0 = time.perf_counter()
    await asyncio.gather(*(one() for _ in range(requests)))
    result.seconds = time.perf_counter() - t0
    return result


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve(db: str, port: int) -> subprocess.Popen[bytes]:
    """`entente serve` in its own process, as a user runs it; returns once it answers."""
    proc = subprocess.Popen([sys.executable, "-m", "entente.cli", "serve", "--db", db, "--port", str(port)],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/openapi.json", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start: " + (proc.stderr.read().decode() if proc.stderr else ""))


async def run(base: str, makers: dict[str, Callable[[], str]], requests: int, concurrency: int) -> dict[str, Result]:
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as client:
        for make in list(makers.values())[:2]:  # warm caches and the connection pool
            await hammer(client, make, concurrency, concurrency)
        return {label: await hammer(client, make, requests, concurrency) for label, make in makers.items()}


def main(argv: list[str] | None = None) -> dict[str, Result]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000, help="synthetic events in the store (default 100,000)")
    parser.add_argument("--requests", type=int, default=400, help="requests per endpoint (default 400)")
    parser.add_argument("--concurrency", type=int, default=16, help="requests in flight at most (default 16)")
    args = parser.parse_args(argv)
    data = rows(args.events)
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "bench.db")
        store = Store(db)
        print(f"{len(data['events']):,} events in {len(data['articles']):,} articles loaded in "
              f"{load(store, data):.1f} s", flush=True)
        store.close()
        port = free_port()
        proc = serve(db, port)
        try:
            results = asyncio.run(run(f"http://127.0.0.1:{port}", endpoints(data, random.Random(5)), args.requests,
                                      args.concurrency))
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    print(f"\n{args.requests} requests per endpoint, at most {args.concurrency} in flight (latency in ms)")
    print(f"{'endpoint':36}{'p50':>9}{'p95':>9}{'p99':>9}{'req/s':>9}{'errors':>8}")
    for label, r in results.items():
        print(f"{label:36}{statistics.median(r.latencies):9.1f}{percentile(r.latencies, 0.95):9.1f}"
              f"{percentile(r.latencies, 0.99):9.1f}{len(r.latencies) / r.seconds:9.1f}{r.errors:8}")
    return results


if __name__ == "__main__":
    main()
