"""One article, many containers: the record's people and events must not depend on the format."""

from __future__ import annotations

import pytest

from entente.jobs import extract_paths

from ..conftest import DATA

pytestmark = pytest.mark.slow

SOURCE = DATA / "articles" / "kor_usa_yonhap_01.txt"
FORMATS = DATA / "formats"


def _people_and_events(path: str, doc_id_prefix: str = ""):  # type: ignore[no-untyped-def]
    [record] = [r for r in extract_paths([path]) if r.doc_id.startswith(doc_id_prefix)][:1]
    people = sorted((e.name, e.country or "") for e in record.entities)
    events = sorted((e.type, e.mode or "", e.date or "", e.status, tuple(e.actors), tuple(e.targets), e.evidence.text)
                    for e in record.events)
    return record, people, events


@pytest.fixture(scope="module")
def from_text(nlp):  # type: ignore[no-untyped-def]
    return _people_and_events(str(SOURCE))


@pytest.mark.parametrize("path,prefix", [
    (FORMATS / "yonhap_page.html", ""),
    (FORMATS / "dump.jsonl", "dump_yna"),
    (FORMATS / "pages.warc.gz", ""),
    (FORMATS / "wire.rss", ""),
    (FORMATS / "dump.csv", "dump_yna"),
    (FORMATS / "yonhap_columns.pdf", ""),
])
def test_same_people_and_events_in_every_format(from_text, path, prefix):  # type: ignore[no-untyped-def]
    text_record, people, events = from_text
    record, other_people, other_events = _people_and_events(str(path), prefix)
    assert people and events
    assert other_people == people
    assert other_events == events
    assert (record.published, record.dateline) == (text_record.published, text_record.dateline)
