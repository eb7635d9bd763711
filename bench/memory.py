"""Peak memory of `ingest` on hostile inputs against the good files, measured in one run.

Each case runs in a fresh process (so its peak resident memory is its own, read with
`resource.getrusage`) that ingests into a new SQLite store with the default settings:

  * baseline: the bundled samples (five articles),
  * bomb: the samples and a gzip file of about 1 MB that inflates to 1 GiB of text,
  * stdin-jsonl: 1 GiB of JSON Lines piped to `ingest -`: the samples as records, then records of
    16 MiB each (over ENTENTE_MAX_ARTICLE_BYTES), then the samples again (duplicates),
  * stdin-text: 1 GiB of text piped to `ingest -`, one article far over the cap,

and prints each case's peak, its ratio to the baseline, its wall time and what the summary said.

    .venv/bin/python bench/memory.py               # 1 GiB inputs
    .venv/bin/python bench/memory.py --mib 64      # a quick look
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
MIB = 1 << 20
RECORD_MIB = 16
CASES = ("baseline", "bomb", "stdin-jsonl", "stdin-text")


def write_bomb(path: Path, size: int) -> int:
    """A gzip file of `size` bytes of one letter once inflated; its size on disk."""
    gz = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = b"a" * MIB
    with path.open("wb") as fh:
        for start in range(0, size, MIB):
            fh.write(gz.compress(chunk[:min(MIB, size - start)]))
        fh.write(gz.flush())
    return path.stat().st_size


def _records() -> list[bytes]:
    return [json.dumps({"id": p.stem, "text": p.read_text(encoding="utf-8")}).encode() + b"\n"
            for p in sorted(SAMPLES.glob("*.txt"))]


def jsonl_stream(size: int) -> Iterator[bytes]:
    """About `size` bytes of JSON Lines: the samples, oversized records, the samples again."""
    head = b"".join(_records())
    yield head
    big = b'{"id": "big", "text": "' + b"word " * (RECORD_MIB * MIB // 5) + b'"}\n'
    sent = len(head)
    while sent + len(big) <= size - len(head):
        yield big
        sent += len(big)
    yield b"".join(r.replace(b'{"id": "', b'{"id": "again_') for r in _records())


def text_stream(size: int) -> Iterator[bytes]:
    """`size` bytes of one text: a sample's sentences over and over."""
    text = (SAMPLES / "003_050b114383b8fb0f.txt").read_bytes()
    chunk = (text * (MIB // len(text) + 1))[:MIB]
    for start in range(0, size, MIB):
        yield chunk[:min(MIB, size - start)]


def _feed(pipe: IO[bytes], chunks: Iterator[bytes]) -> None:
    try:
        for chunk in chunks:
            pipe.write(chunk)
    except (BrokenPipeError, ValueError):
        pass  # the child stopped reading: the case reports why
    finally:
        pipe.close()


def run_case(case: str, workdir: Path, size: int) -> dict[str, Any]:
    """Run one case in a fresh process; what it reports, with the wall time."""
    db = workdir / f"{case}.db"
    paths = {"baseline": [str(SAMPLES)], "bomb": [str(SAMPLES), str(workdir / "bomb.txt.gz")]}.get(case, ["-"])
    stream = {"stdin-jsonl": jsonl_stream, "stdin-text": text_stream}.get(case)
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, __file__, "--child", str(db), *paths], cwd=ROOT,
                            stdin=subprocess.PIPE if stream else subprocess.DEVNULL, stdout=subprocess.PIPE)
    feeder = None
    if stream is not None:
        assert proc.stdin is not None
        feeder = threading.Thread(target=_feed, args=(proc.stdin, stream(size)), daemon=True)
        feeder.start()
    assert proc.stdout is not None
    out = proc.stdout.read()  # not communicate(): it would close stdin under the feeder
    proc.wait()
    if feeder is not None:
        feeder.join()
    report: dict[str, Any] = json.loads(out.decode().strip().splitlines()[-1])
    report["seconds"] = time.perf_counter() - start
    return report


def child(db: str, paths: list[str]) -> None:
    """Ingest `paths` into `db` in this process and print the peak and the summary as JSON."""
    from entente.config import get_settings
    from entente.jobs import ingest_paths
    from entente.store import Store

    store = Store(db)
    summary = ingest_paths(paths, store, get_settings())
    store.close()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"peak_mb": peak_mb, "ingested": summary.ingested, "duplicates": summary.duplicates,
                      "failed": summary.failed, "problems": summary.problems[:3]}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mib", type=int, default=1024, help="size of the bomb once inflated and of each stream (MiB)")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], args.child[1:])
        return
    size = args.mib * MIB
    with tempfile.TemporaryDirectory(prefix="entente-memory-") as tmp:
        workdir = Path(tmp)
        on_disk = write_bomb(workdir / "bomb.txt.gz", size)
        print(f"inputs: bomb {on_disk:,} bytes inflating to {size:,}; streams of {size:,} bytes on stdin")
        reports = {case: run_case(case, workdir, size) for case in CASES}
    base = reports["baseline"]["peak_mb"]
    for case, r in reports.items():
        print(f"{case:12} peak {r['peak_mb']:7.1f} MB  x{r['peak_mb'] / base:5.2f} of baseline  {r['seconds']:6.1f} s  "
              f"ingested {r['ingested']}, duplicates {r['duplicates']}, failed {r['failed']}")
        for line in r["problems"]:
            print(f"{'':14}{line}")


if __name__ == "__main__":
    main()
