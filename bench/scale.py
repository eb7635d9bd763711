"""Throughput and memory of the local engine and the Ray engine as the corpus grows, in one run.

Each engine — local (`entente ingest`: one extraction process beside the driver), Ray with 1
worker, Ray with 2 workers on a local Ray instance of 2 CPUs — ingests the largest corpus size
(default 20,000 synthetic articles from bench/corpus.py, dated as a growing archive; with
`--span-days` every size spans the same days, so density grows with size) into a fresh database
on a throw-away PostgreSQL server (SQLite when no PostgreSQL can start), each run in a fresh
process so its peak memory is its own. The figures for a smaller size (default 5,000) are read as
that run passes it: the corpus generator is prefix-stable, so the first 5,000 articles of the
20,000 are the 5,000-article corpus, ingested into an empty store exactly as a run of its own
would (its line leaves out only the shutdown). For each engine and size it prints:

  * articles per second and seconds per article, start-up (model loads, Ray) included,
  * peak resident memory of the driver (the process that reads, cleans and writes) and of the
    busiest extraction worker (Ray actors, the local engine's worker, read from /proc while they run),
  * CPU seconds per article of the driver, the workers and the database server (PostgreSQL's
    processes, backends that ended included; on SQLite the database works inside the driver),
    which other load on the machine does not change, and the load average at the start and the
    end, which tells how far the wall-clock figures are to be trusted,
  * CPU ms per article of the driver, the workers and the database in each quarter of the articles
    stored (start-up left out), so that one size shows whether the cost grows as the store fills,
  * the marginal cost per article between the sizes, which must not grow with the corpus.

    .venv/bin/python bench/scale.py                              # 5,000 and 20,000 articles
    .venv/bin/python bench/scale.py --sizes 200,800 --engines ray2
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus import write_corpus  # noqa: E402

ENGINES = ("local", "ray1", "ray2")


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _hwm_mb(pid: int) -> float:
    """Peak resident memory of a running process (VmHWM), 0 once it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _cpu_s(pid: int, reaped: bool = False) -> float:
    """CPU seconds (user and system) a running process has used, with `reaped` those of its
    children that have ended too; 0 once it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return sum(int(f) for f in fields[11:15 if reaped else 13]) / os.sysconf("SC_CLK_TCK")


def _children(pid: int | str = "self") -> set[int]:
    """Processes a process started and that still run (the local engine's extraction worker, a
    PostgreSQL server's backends), from /proc."""
    found: set[int] = set()
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            found.update(int(child) for child in (task / "children").read_text().split())
    except OSError:
        pass
    return found


def _server_cpu_s(pid: int | None) -> float:
    """CPU seconds a database server has used: its main process, the backends that have ended and
    those still running (PostgreSQL starts one a connection); 0 without a server (SQLite runs in
    the driver and is counted there)."""
    if pid is None:
        return 0.0
    return _cpu_s(pid, reaped=True) + sum(_cpu_s(child) for child in _children(pid))


def _own_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


QUARTERS = 4


def _by_quarter(samples: list[tuple[float, ...]]) -> list[tuple[float, ...] | None]:
    """CPU ms an article (driver, workers, database) in each quarter of the articles stored after
    the first batch (start-up left out), from samples of (articles stored, then CPU s of each):
    whether the cost grows as the store fills. None for a quarter no batch ended in."""
    stored = [smp for smp in samples if smp[0] > 0]
    if len(stored) < 2:
        return []
    first, total = stored[0][0], stored[-1][0]
    points = [next(smp for smp in stored if smp[0] >= first + (total - first) * q // QUARTERS)
              for q in range(QUARTERS + 1)]
    return [tuple((y - x) / (b[0] - a[0]) * 1000 for x, y in zip(a[1:], b[1:], strict=True)) if b[0] > a[0] else None
            for a, b in zip(points, points[1:], strict=False)]


# stored, seconds, driver CPU s, workers CPU s, driver MB, worker MB, database CPU s
Sample = tuple[int, float, float, float, float, float, float]


def _at(samples: list[Sample], size: int) -> dict[str, Any]:
    """The figures of a run as it had stored `size` articles (the first sample at or past it),
    its cost by quarter up to there included."""
    upto = next(i for i, smp in enumerate(samples) if smp[0] >= size or i == len(samples) - 1)
    stored, seconds, driver_cpu, workers_cpu, driver_mb, worker_mb, db_cpu = samples[upto]
    return {"articles": stored, "seconds": seconds, "driver_cpu": driver_cpu, "workers_cpu": workers_cpu,
            "db_cpu": db_cpu, "driver_mb": driver_mb, "worker_mb": worker_mb,
            "quarters": _by_quarter([(smp[0], smp[2], smp[3], smp[6]) for smp in samples[:upto + 1]])}


def measure(engine: str, corpus: Path, db: str, sizes: list[int], server: int | None = None) -> dict[str, Any]:
    """Ingest `corpus` into `db` with `engine`; the figures of that run as it passed each of
    `sizes` (the last: the whole run). `server` is the database server's process, whose CPU is
    counted apart from the driver's and the workers'."""
    from entente.jobs import Summary, cleaned, ingest_paths
    from entente.store import Store

    store = Store(db)
    workers_mb: dict[int, float] = {}
    workers_cpu: dict[int, float] = {}
    pids: list[int] = []
    summary = Summary()
    samples: list[Sample] = []
    load_start = os.getloadavg()[0]
    start, cpu_start, db_start = time.perf_counter(), _own_cpu_s(), _server_cpu_s(server)
    stop = threading.Event()

    def sample() -> None:
        while True:
            if engine == "local":
                pids.extend(_children() - set(pids))
            for pid in pids:
                workers_mb[pid] = max(workers_mb.get(pid, 0.0), _hwm_mb(pid))
                workers_cpu[pid] = max(workers_cpu.get(pid, 0.0), _cpu_s(pid))
            samples.append((summary.ingested, time.perf_counter() - start, _own_cpu_s() - cpu_start,
                            sum(workers_cpu.values()), _peak_mb(), max(workers_mb.values(), default=0.0),
                            _server_cpu_s(server) - db_start))
            if stop.wait(0.5):
                return

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    if engine == "local":
        ingest_paths([str(corpus)], store, summary=summary)
    else:
        import ray

        from entente.config import get_settings
        from entente.ray_engine import ingest_articles_ray

        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)

        def watch(pool: list[object]) -> None:
            pids.extend(ray.get([a.pid.remote() for a in pool]))  # type: ignore[attr-defined]

        ingest_articles_ray(cleaned([str(corpus)], summary, get_settings()), store, summary,
                            workers=int(engine[3:]), on_pool=watch)
    seconds, driver_cpu = time.perf_counter() - start, _own_cpu_s() - cpu_start
    stop.set()
    sampler.join()
    samples.append((summary.ingested, seconds, driver_cpu, sum(workers_cpu.values()), _peak_mb(),
                    max(workers_mb.values(), default=0.0), _server_cpu_s(server) - db_start))
    if engine != "local":
        ray.shutdown()
    store.close()
    if summary.failed or summary.duplicates or summary.unchanged:
        raise SystemExit(f"the corpus did not ingest cleanly: {summary.problems[:5]}")
    at = [_at(samples[:-1], size) for size in sizes[:-1]] + [_at(samples, sizes[-1])]
    return {"load_start": load_start, "load": os.getloadavg()[0], "at": at}


def _measure(engine: str, corpus: Path, db: str, sizes: list[int], server: int | None) -> dict[str, Any]:
    """One measurement in a fresh interpreter, so its peak memory is its own."""
    done = subprocess.run([sys.executable, __file__, "--measure", engine, "--corpus", str(corpus), "--db", db,
                           "--sizes", ",".join(map(str, sizes)), *(["--server", str(server)] if server else [])],
                          capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"{engine} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


class Databases:
    """Fresh databases on a throw-away PostgreSQL server, or SQLite files when it cannot start."""

    def __init__(self, tmp: Path) -> None:
        self.tmp, self.n, self.server = tmp, 0, None
        try:
            from scripts.pg_test_server import start

            self.server = start()
        except Exception as exc:  # any reason PostgreSQL cannot start: measure on SQLite instead
            print(f"PostgreSQL could not start ({exc}); measuring on SQLite", flush=True)

    @property
    def kind(self) -> str:
        return "PostgreSQL" if self.server else "SQLite"

    @property
    def pid(self) -> int | None:
        """The server's main process (the first line of its postmaster.pid), None on SQLite."""
        if self.server is None:
            return None
        return int((self.server.root / "data" / "postmaster.pid").read_text().split()[0])

    def new(self) -> str:
        self.n += 1
        if self.server is None:
            return str(self.tmp / f"scale{self.n}.db")
        import sqlalchemy as sa

        admin = sa.create_engine(self.server.url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(sa.text(f"CREATE DATABASE scale{self.n}"))
        admin.dispose()
        return str(self.server.url_for(f"scale{self.n}"))

    def stop(self) -> None:
        if self.server:
            self.server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="5000,20000", help="corpus sizes, comma-separated")
    parser.add_argument("--engines", default=",".join(ENGINES), help="of local, ray1, ray2")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--span-days", type=int, help="date the corpus at random within this many days (its density "
                        "grows with its size) instead of as a growing archive (see bench/corpus.py)")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--server", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    if args.measure:
        print(json.dumps(measure(args.measure, args.corpus, args.db, sizes, args.server)))
        return
    engines = args.engines.split(",")
    print(f"{os.cpu_count()} CPUs; engines {', '.join(engines)}; sizes {', '.join(f'{s:,}' for s in sizes)} "
          f"(one run of {sizes[-1]:,} per engine, read as it passes each size)", flush=True)
    results: dict[tuple[str, int], dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        dbs = Databases(Path(tmp))
        print(f"database: {dbs.kind}", flush=True)
        try:
            corpus = Path(tmp) / "corpus"
            words = write_corpus(sizes[-1], corpus, args.seed, args.span_days)
            dated = f"dated at random within {args.span_days:,} days" if args.span_days else "dated as a growing archive"
            print(f"corpus: {sizes[-1]:,} articles, {words:,} words, {dated}", flush=True)
            for engine in engines:
                run = _measure(engine, corpus, dbs.new(), sizes, dbs.pid)
                for size, r in zip(sizes, run["at"], strict=True):
                    results[engine, size] = r
                    _report(engine, size, r)
                print(f"{'':14}load {run['load_start']:.1f} at start, {run['load']:.1f} at end", flush=True)
        finally:
            dbs.stop()
    if len(sizes) > 1:
        _compare(engines, results, sizes[0], sizes[-1])


def _report(engine: str, size: int, r: dict[str, Any]) -> None:
    cpu = (r["driver_cpu"] + r["workers_cpu"] + r["db_cpu"]) / r["articles"]
    workers = f", worker peak {r['worker_mb']:.0f} MB" if r["worker_mb"] else ""
    print(f"  {engine:>5} {size:>7,}: {r['articles']:,.0f} articles in {r['seconds']:.1f} s = "
          f"{r['articles'] / r['seconds']:.2f} articles/s, {r['seconds'] / r['articles'] * 1000:.0f} ms/article; "
          f"driver peak {r['driver_mb']:.0f} MB{workers}; CPU {cpu * 1000:.0f} ms/article "
          f"(driver {r['driver_cpu']:.0f} s, workers {r['workers_cpu']:.0f} s, database {r['db_cpu']:.0f} s)",
          flush=True)
    quarters = " | ".join("/".join(f"{v:.0f}" for v in q) if q else "-" for q in r["quarters"])
    print(f"{'':14}CPU ms/article driver/workers/database, by quarter of the articles stored after the first batch: "
          f"{quarters}", flush=True)


def _compare(engines: list[str], results: dict[tuple[str, int], dict[str, Any]], small: int, large: int) -> None:
    print(f"per-article cost, {small:,} → {large:,} articles (marginal: the extra time over the extra articles)")
    for engine in engines:
        a, b = results[engine, small], results[engine, large]
        marginal = (b["seconds"] - a["seconds"]) / (b["articles"] - a["articles"])
        print(f"  {engine:>5}: {a['seconds'] / a['articles'] * 1000:.0f} ms → {b['seconds'] / b['articles'] * 1000:.0f} ms "
              f"per article; marginal {marginal * 1000:.0f} ms = {1 / marginal:.2f} articles/s; "
              f"driver peak {a['driver_mb']:.0f} → {b['driver_mb']:.0f} MB")
        cpu = [(b[k] - a[k]) / (b["articles"] - a["articles"]) * 1000 for k in ("driver_cpu", "workers_cpu", "db_cpu")]
        print(f"         marginal CPU per article: driver {cpu[0]:.0f} ms, workers {cpu[1]:.0f} ms, database {cpu[2]:.0f} ms")


if __name__ == "__main__":
    main()
