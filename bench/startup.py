"""Start-up time of the `entente` command: `entente --help` and every subcommand's `--help`, each a
fresh process, beside the baseline of a bare Python start and of importing the whole library (what
every command cost before imports were deferred), all measured in this run.

    .venv/bin/python bench/startup.py             # best of 5 runs per command
    .venv/bin/python bench/startup.py --repeat 10

Prints seconds of wall time per command (best and median) and each as a share of the whole-library
import. The target (issue 17) is under 0.3 s for every `--help`.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

COMMANDS = ["extract", "ingest", "events", "show", "actors", "actor", "serve", "export", "relations", "brief"]


def _seconds(argv: list[str], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args()
    py = sys.executable
    cli = [py, "-m", "entente.cli"]
    runs = {
        "python -c pass (floor)": [py, "-c", "pass"],
        "import the whole library (baseline)": [py, "-c", "import entente.jobs, entente.store.read, entente.api"],
        "entente --help": [*cli, "--help"],
        **{f"entente {c} --help": [*cli, c, "--help"] for c in COMMANDS},
    }
    results = {name: _seconds(argv, a.repeat) for name, argv in runs.items()}
    base = min(results["import the whole library (baseline)"])
    print(f"{'command':40} {'best s':>8} {'median s':>9} {'of baseline':>12}")
    for name, ts in results.items():
        print(f"{name:40} {min(ts):8.3f} {statistics.median(ts):9.3f} {min(ts) / base:11.0%}")
    helps = [min(ts) for name, ts in results.items() if name.endswith("--help")]
    print(f"slowest --help: {max(helps):.3f} s (target < 0.3 s)")


if __name__ == "__main__":
    main()
