"""README.md's commands run as written, against the bundled samples, and do what the README says.

Every `.venv/bin/entente` line of a `sh` block runs in a folder holding the samples, a store of them
as `entente.db` and the input files the examples name (made from tests/data/formats); a line with
placeholders in capitals (PASSWORD, HEAD_IP, "NAME") is a template, and only its options are
checked against the command's --help. datasette's tests/test_docs.py is the model.
"""

from __future__ import annotations

import csv
import gzip
import io
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from .conftest import DATA, ROOT, SAMPLES

pytestmark = pytest.mark.slow
ENTENTE = Path(sys.executable).parent / "entente"
PLACEHOLDER = re.compile(r"\b[A-Z][A-Z_]{2,}\b(?![A-Z])")
CODES = {"RUS", "VNM", "CONSULT", "NAME", "ALIAS", "OTHER"}


def _commands(kind: str) -> list[str]:
    """Logical lines of the README's code blocks of `kind` that call entente, comments removed."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    lines: list[str] = []
    for block in re.findall(rf"```{kind}\n(.*?)```", text, flags=re.S):
        for line in block.replace("\\\n", " ").splitlines():
            line = re.sub(r"\s+#\s.*$", "", line).strip()
            if ".venv/bin/entente" in line:
                lines.append(" ".join(line.split()))
    return lines


def _is_template(line: str) -> bool:
    return bool({w for w in PLACEHOLDER.findall(line)} - {"RUS", "VNM", "CONSULT"}) or "/data/" in line


RUNNABLE = [c for c in _commands("sh") if not _is_template(c)]
TEMPLATES = [c for c in _commands("sh") + _commands("text") if _is_template(c)]

# what each command must show (a fragment of the command -> text in its output, or a file it writes)
EXPECT: dict[str, list[str]] = {
    "ingest samples": ["5 unchanged"],
    "--type CONSULT --since 2024": ["CONSULT", "happenings, page 1", "TASS, VNS"],
    "--actor Putin --mode meet --text Hanoi": ["Nguyen Phu Trong", "20 Jun 2024", "CONSULT/meet"],
    "--mode visit --by report": ["events, page 1", "000_25cf438f", "003_050b1143"],
    "--country VNM --format csv": ["file:events.csv"],
    "show 003_050b114383b8fb0f": ["003_050b114383b8fb0f", "Mishustin"],
    "relations RUS VNM": ["RUS–VNM", "events by type and year", "CONSULT", "year unknown", "undated"],
    "actors --country RUS": ["Vladimir Putin"],
    "actors --kind org": ["ORG"],
    "entente actor Putin": ["Vladimir Vladimirovich Putin", "President"],
    "-o records.jsonl": ["file:records.jsonl"],
    "--format table": ["Events by article"],
    "extract -": ['"doc_id"', "Putin"],
    "ingest archive/": ["ingested", "0 failed"],
    "--column text=copy": ["1 ingested"],
    "export --db entente.db": ["file:events.csv", "events →"],
    "-o actors.graphml": ["file:actors.graphml", "edges →"],
    "brief --between RUS VNM": ["Russia and Vietnam: briefing", "reported by TASS and VNS", "1. TASS, 20 Jun 2024"],
    "watch --status": ["0 watched feeds"],
}


@pytest.fixture(scope="module")
def workspace(tmp_path_factory, sample_db):  # type: ignore[no-untyped-def]
    """A folder laid out as the README assumes: samples, entente.db and the inputs it names."""
    root = tmp_path_factory.mktemp("readme")
    (root / ".venv" / "bin").mkdir(parents=True)
    (root / ".venv" / "bin" / "entente").symlink_to(ENTENTE)
    shutil.copytree(SAMPLES, root / "samples")
    shutil.copy(sample_db, root / "entente.db")
    (root / "archive").mkdir()
    shutil.copy(DATA / "articles" / "deu_pol_dpa_01.txt", root / "archive")
    formats = DATA / "formats"
    shutil.copy(formats / "dump.jsonl.gz", root / "dump.jsonl.gz")
    shutil.copy(formats / "wire.rss", root / "feed.rss")
    shutil.copy(formats / "pages.warc.gz", root / "crawl.warc.gz")
    with (formats / "dump.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=["ref", "headline", "copy"])
    writer.writeheader()
    # one row, its columns renamed as another newsroom's export might name them
    writer.writerow({"ref": "export-1", "headline": rows[-1]["title"], "copy": rows[-1]["content"]})
    (root / "export.csv.gz").write_bytes(gzip.compress(out.getvalue().encode("utf-8")))
    return root


def _run(line: str, cwd: Path, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", "-o", "pipefail", "-c", line], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout)


def test_the_readme_shows_commands_to_run():
    assert len(RUNNABLE) >= 15
    assert {frag for frag in EXPECT if not any(frag in c for c in RUNNABLE)} == set()


@pytest.mark.parametrize("line", [c for c in RUNNABLE if " serve " not in c], ids=lambda c: c[18:70])
def test_readme_command_runs_and_does_what_it_says(line, workspace):  # type: ignore[no-untyped-def]
    done = _run(line, workspace)
    assert done.returncode == 0, done.stderr[-2000:]
    shown = done.stdout + done.stderr
    expected = [e for frag, es in EXPECT.items() if frag in line for e in es]
    assert expected, f"no expectation written for {line!r}"
    for e in expected:
        if e.startswith("file:"):
            written = (workspace / e[5:]).read_text(encoding="utf-8")
            assert len(written.splitlines()) >= 2, f"{e[5:]} is nearly empty"
        else:
            assert e in shown, f"{e!r} not in the output of {line!r}:\n{shown[-3000:]}"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.parametrize("line", [c for c in RUNNABLE if " serve " in c])
def test_readme_serve_command_serves_the_api_and_its_docs(line, workspace):  # type: ignore[no-untyped-def]
    port = _free_port()
    proc = subprocess.Popen(["bash", "-c", f"exec {line} --port {port}"], cwd=workspace,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        body = ""
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/openapi.json", timeout=2) as r:
                    body = r.read().decode()
                break
            except OSError:
                time.sleep(0.2)
        assert '"/events"' in body
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/events?country=RUS&country=VNM", timeout=5) as r:
            assert r.status == 200
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.mark.parametrize("line", TEMPLATES, ids=lambda c: c[18:60])
def test_readme_template_uses_real_options(line, workspace):  # type: ignore[no-untyped-def]
    words = line.split()
    command = words[1]
    done = _run(f".venv/bin/entente {command} --help", workspace)
    assert done.returncode == 0
    for opt in (w for w in words if w.startswith("--")):
        assert opt in done.stdout, f"{opt} is not an option of `entente {command}`"


def test_readme_merge_and_split_do_what_they_say(workspace, tmp_path):  # type: ignore[no-untyped-def]
    db = tmp_path / "corrections.db"
    shutil.copy(workspace / "entente.db", db)
    merge = _run(f'.venv/bin/entente actor merge "Tran Hong Ha" "Tran Thanh Man" --db {db}', workspace)
    assert merge.returncode == 0, merge.stderr
    for name in ("Tran Thanh Man", "Tran Hong Ha"):
        aliases = _run(f'.venv/bin/entente actor "{name}" --db {db}', workspace).stdout.splitlines()[1]
        assert "Tran Hong Ha" in aliases and "Tran Thanh Man" in aliases
    split = _run(f'.venv/bin/entente actor split "Vladimir Putin" --alias "Putin" --db {db}', workspace)
    assert split.returncode == 0, split.stderr
    listed = _run(f".venv/bin/entente actors --country RUS --db {db}", workspace).stdout
    assert re.search(r"│ Putin\s+│", listed) and "Vladimir Putin" in listed
