from __future__ import annotations

import pytest

from entente.config import get_settings
from entente.jobs import ingest_paths
from entente.store import Store

from .conftest import DATA, SAMPLES, fail_on

pytestmark = pytest.mark.slow

FORMATS = DATA / "formats"


def test_the_same_text_in_many_formats_is_stored_once(tmp_path, nlp):  # type: ignore[no-untyped-def]
    store = Store(str(tmp_path / "t.db"))
    first = ingest_paths([str(FORMATS)], store)
    # 24 articles: 4 texts in the dumps and feeds (the Yonhap one also as .html, .html.gz, in the
    # WARC, where the page's stamp and copyright lines are left out, and as a PDF, as is the dpa one)
    # and the Anadolu page of the WARC
    assert (first.ingested, first.duplicates, first.unchanged, first.failed, first.skipped) == (5, 19, 0, 0, 0)
    counts = store.counts()
    again = ingest_paths([str(FORMATS), str(DATA / "articles" / "kor_usa_yonhap_01.txt")], store)
    assert again.ingested == 0 and again.unchanged + again.duplicates == 25
    assert store.counts() == counts


def test_a_process_pool_gives_the_same_records(tmp_path, nlp):  # type: ignore[no-untyped-def]
    paths = [str(SAMPLES), str(FORMATS / "dump.jsonl")]
    here, one, two = (Store(str(tmp_path / f"{name}.db")) for name in ("here", "one", "two"))
    # nine articles are extracted in this process unless a pool is asked for at any size
    s0 = ingest_paths(paths, here)
    pooled = get_settings().model_copy(update={"pool_min_articles": 1})
    s1 = ingest_paths(paths, one, pooled, jobs=1)
    s2 = ingest_paths(paths, two, pooled, jobs=2)
    assert (s0.ingested, s0.failed) == (s1.ingested, s1.failed) == (s2.ingested, s2.failed) == (9, 0)
    for doc_id in ("000_25cf438f34d7ad8b", "dump_yna-20241112-0041", "dump_deu_pol_dpa_01"):
        assert here.record(doc_id) == one.record(doc_id) == two.record(doc_id)


def test_a_republished_story_is_stored_in_the_group_of_the_first(tmp_path, nlp):  # type: ignore[no-untyped-def]
    import json

    from typer.testing import CliRunner

    from entente.cli import app

    original = DATA / "articles" / "kor_usa_yonhap_01.txt"
    body = original.read_text(encoding="utf-8").split(" ", 3)[-1]
    dump = tmp_path / "herald.jsonl"
    dump.write_text(json.dumps({"id": "kh-1", "headline": "Seoul, Washington condemn troop deployment",
                                "body": body.replace("(END)", "Seoul and Washington will hold their next "
                                                     "strategic dialogue in the spring, officials added."),
                                "date": "2024-11-13", "source": "Korea Herald"}) + "\n")
    db = str(tmp_path / "t.db")
    store = Store(db)
    first = ingest_paths([str(original)], store)
    second = ingest_paths([str(dump)], store)
    assert (first.ingested, first.grouped, second.ingested, second.grouped) == (1, 0, 1, 1)
    assert store.near_duplicates("herald_kh-1") == ("kor_usa_yonhap_01", ["herald_kh-1"])
    assert store.near_duplicates("kor_usa_yonhap_01") == ("kor_usa_yonhap_01", ["herald_kh-1"])
    store.close()
    shown = CliRunner().invoke(app, ["show", "herald_kh-1", "--db", db])
    assert "near-duplicate of kor_usa_yonhap_01" in shown.stdout
    shown = CliRunner().invoke(app, ["show", "kor_usa_yonhap_01", "--db", db])
    assert "near-duplicates: herald_kh-1" in shown.stdout


def test_a_step_failing_on_an_article_is_a_warning_and_its_record_is_kept(tmp_path, nlp, monkeypatch):  # type: ignore[no-untyped-def]
    from entente.extract import events
    from entente.jobs import Summary, extract_paths

    fail_on(monkeypatch, events, "find_events", "Hanoi", RecursionError("maximum recursion depth exceeded"))
    paths = [str(SAMPLES / "000_25cf438f34d7ad8b.txt"), str(DATA / "articles" / "kor_usa_yonhap_01.txt")]
    summary = Summary()
    records = {r.doc_id: r for r in extract_paths(paths, summary)}
    hanoi = records["000_25cf438f34d7ad8b"]
    assert summary.failed == 0 and summary.warnings == hanoi.warnings
    assert summary.warnings == [f"{paths[0]}: extraction step entente_events failed (RecursionError: maximum "
                                "recursion depth exceeded); the record stands without what it finds"]
    assert hanoi.events == [] and hanoi.entities and hanoi.facts
    assert records["kor_usa_yonhap_01"].events
    stored = ingest_paths(paths, Store(str(tmp_path / "t.db")))
    assert (stored.ingested, stored.failed, stored.warnings) == (2, 0, summary.warnings)


def test_an_interrupt_after_a_batch_leaves_a_summary_equal_to_what_is_stored(tmp_path, nlp):  # type: ignore[no-untyped-def]
    """Issue 20: Ctrl-C raised when the first article of a committed batch is counted."""
    from entente.jobs import Summary

    store = Store(str(tmp_path / "t.db"))
    summary = Summary()

    def interrupted() -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ingest_paths([str(SAMPLES)], store, get_settings(), on_done=interrupted, summary=summary)
    stored = store.counts()["articles"]
    assert stored == 5 and summary.ingested == stored
    store.close()
