"""The ingest and extract commands on archive formats: stdin, column flags, --quiet, --jobs, and an
ingest interrupted by Ctrl-C or killed, then run again."""

from __future__ import annotations

import csv
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bench.corpus import write_corpus
from entente.cli import app

from .conftest import DATA

pytestmark = pytest.mark.slow
runner = CliRunner()
FORMATS = DATA / "formats"


@pytest.mark.parametrize("name,count", [("dump.jsonl", 4), ("wire.rss", 3), ("dump.jsonl.gz", 4)])
def test_extract_sniffs_stdin(name, count):  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["extract", "-"], input=(FORMATS / name).read_bytes())
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == count and records[0]["published"]


def test_column_flag_names_a_field_the_defaults_miss(tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "export.csv"
    text = (DATA / "articles" / "kor_usa_yonhap_01.txt").read_text(encoding="utf-8").split(" ", 3)[-1]
    with path.open("w", newline="") as fh:
        csv.writer(fh).writerows([["ref", "when", "copy"], ["k-1", "2024-11-12", text]])
    assert runner.invoke(app, ["extract", str(path)]).exit_code == 1  # no column known to hold text
    result = runner.invoke(app, ["extract", str(path), "--column", "text=copy", "--column", "date=when",
                                 "--column", "id=ref"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert (record["doc_id"], record["published"]) == ("export_k-1", "2024-11-12") and record["events"]


def test_bad_column_flag_is_refused():  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["extract", str(FORMATS / "dump.csv"), "--column", "body"])
    assert result.exit_code == 2 and "FIELD=NAME" in " ".join(result.output.split())


def test_quiet_ingest_with_a_pool_prints_only_problems(tmp_path):  # type: ignore[no-untyped-def]
    db = str(tmp_path / "t.db")
    result = runner.invoke(app, ["ingest", str(FORMATS / "dump.jsonl"), str(DATA / "bad" / "empty.txt"),
                                 "--db", db, "--quiet", "--jobs", "2"])
    assert result.exit_code == 1
    assert result.stderr.strip().startswith("error:") and "empty.txt: empty file" in result.stderr
    assert "ingested" not in result.stderr
    shown = runner.invoke(app, ["show", "dump_deu_pol_dpa_01", "--db", db])
    assert shown.exit_code == 0 and "Scholz" in shown.stdout


# Ctrl-C as a terminal delivers it: SIGINT raises KeyboardInterrupt in the child even when the test
# process inherited or set an ignored SIGINT (an ignored disposition survives exec)
ENTENTE = [sys.executable, "-c", "import signal; signal.signal(signal.SIGINT, signal.default_int_handler); "
                                 "from entente.cli import app; app()"]
ARTICLES = 60
WRITE_BATCH = 4


def _stored(db: Path) -> int:
    """Articles committed to `db` so far, read while another process writes it."""
    if not db.exists():
        return 0
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # the tables are not created yet
        return 0
    finally:
        con.close()


def _whole(db: Path) -> int:
    """Check the database is sound and holds only whole articles (every event and fact of each
    stored record, every event in a group); returns how many articles it holds."""
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    rows = con.execute("SELECT doc_id, record, (SELECT count(*) FROM events e WHERE e.article_id = a.id), "
                       "(SELECT count(*) FROM facts f WHERE f.article_id = a.id) FROM articles a").fetchall()
    for doc_id, record, events, facts in rows:
        r = json.loads(record)
        assert (events, facts) == (len(r["events"]), len(r["facts"])), doc_id
    assert con.execute("SELECT count(*) FROM events WHERE group_id IS NULL").fetchone() == (0,)
    con.close()
    return len(rows)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL])
def test_an_interrupted_ingest_keeps_whole_articles_and_a_rerun_finishes_it(tmp_path, sig):  # type: ignore[no-untyped-def]
    corpus, db = tmp_path / "corpus", tmp_path / "t.db"
    write_corpus(ARTICLES, corpus, seed=5)
    command = [*ENTENTE, "ingest", str(corpus), "--db", str(db)]
    env = {**os.environ, "ENTENTE_WRITE_BATCH": str(WRITE_BATCH)}
    # its own session, so the signal can go to its whole process group (the extraction worker too) as
    # Ctrl-C in a terminal does; SIGKILL goes to the main process alone, leaving the worker orphaned
    run = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           start_new_session=True)
    while run.poll() is None and _stored(db) < WRITE_BATCH:
        time.sleep(0.05)
    assert run.poll() is None, "the ingest finished before it could be interrupted"
    if sig == signal.SIGINT:
        os.killpg(run.pid, sig)
    else:
        run.send_signal(sig)
    # the output closes only when every process holding it has exited, the orphaned worker included
    _out, err = run.communicate(timeout=300)
    stored = _whole(db)
    assert WRITE_BATCH <= stored < ARTICLES
    if sig == signal.SIGINT:
        assert run.returncode == 130
        assert "interrupted" in err and "run the same command again" in err and "Traceback" not in err
        reported = int(re.search(r"(\d+) ingested, 0 updated, 0 unchanged", err).group(1))  # type: ignore[union-attr]
        # a batch committed just as the signal came may not be counted yet
        assert stored - WRITE_BATCH <= reported <= stored
    else:
        assert run.returncode == -signal.SIGKILL
    again = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    assert f"{ARTICLES - stored} ingested, 0 updated, {stored} unchanged, 0 duplicates, 0 failed" in again.stderr
    assert _whole(db) == ARTICLES
