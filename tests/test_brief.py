"""Briefings: every sentence cites sources, and every cited sentence is in its article, verbatim."""

from __future__ import annotations

import html
import re

import pytest
from typer.testing import CliRunner

from entente.brief import Briefing, build, render, when
from entente.cli import app
from entente.errors import InvalidParameter
from entente.store import Store

pytestmark = pytest.mark.slow
CITES = re.compile(r"(\[\d+\])+$")


@pytest.fixture(scope="module")
def briefing(sample_store: Store) -> Briefing:
    return build(sample_store, "RUS", "VNM")


def test_every_cited_evidence_sentence_is_in_its_article_verbatim(sample_store: Store, briefing: Briefing) -> None:
    assert briefing.sources
    for source in briefing.sources:
        _record, text = sample_store.record(source.doc_id)
        assert source.evidence in text, (source.doc_id, source.evidence)


def test_every_sentence_cites_existing_sources_and_every_source_is_cited(briefing: Briefing) -> None:
    numbers = {s.n for s in briefing.sources}
    assert numbers == set(range(1, len(numbers) + 1))
    cited = set()
    for section in briefing.sections:
        for sentence in section.sentences:
            assert sentence.cites and set(sentence.cites) <= numbers, sentence
            cited |= set(sentence.cites)
    assert cited == numbers


def test_markdown_ends_every_claim_with_its_citations(briefing: Briefing) -> None:
    md = render(briefing, "md")
    bullets = [line for line in md.splitlines() if line.startswith("- ")]
    assert bullets and all(CITES.search(line) for line in bullets)
    titles = [line[3:] for line in md.splitlines() if line.startswith("## ")]
    assert titles[0] == "Headline developments" and titles[-1] == "Sources"
    assert {"Meetings and visits", "Agreements", "Sectors", "The numbers"} <= set(titles)


def test_the_numbers_come_from_the_record(briefing: Briefing) -> None:
    numbers = next(s for s in briefing.sections if s.title == "The numbers")
    assert any("USD 4.4 billion" in s.text for s in numbers.sentences)


def test_html_is_escaped_and_links_its_sources(briefing: Briefing) -> None:
    page = render(briefing, "html")
    assert page.startswith("<!doctype html>") and page.count('<li id="s') == len(briefing.sources)
    quoted = [s.evidence for s in briefing.sources if '"' in s.evidence]
    assert quoted and all(html.escape(q) in page for q in quoted)


def test_the_period_limits_the_briefing(sample_store: Store) -> None:
    recent = build(sample_store, "RUS", "VNM", since="2024")
    assert recent.sources
    assert "2023" not in " ".join(s.text for sec in recent.sections[1:] for s in sec.sentences)


@pytest.mark.parametrize("a, b, since", [("RUS", "RUS", None), ("RUZ", "VNM", None), ("RUS", "VNM", "2024-02-30"),
                                         ("RUS", "ATA", None)])
def test_bad_requests_are_named(sample_store: Store, a: str, b: str, since: str | None) -> None:
    with pytest.raises(InvalidParameter):
        build(sample_store, a, b, since=since)


@pytest.mark.parametrize("d, text", [("2024-06-20", "on 20 June 2024"), ("2024-06", "in June 2024"), ("2024", "in 2024"),
                                     ("--10-31", "on 31 October"), (None, ""),
                                     ("2025-01-14/2025-01-15", "from 14 January 2025 to 15 January 2025")])
def test_dates_read_as_words(d: str | None, text: str) -> None:
    assert when(d) == text


def test_cli_brief_writes_markdown_or_html(sample_db: str) -> None:
    runner = CliRunner()
    md = runner.invoke(app, ["brief", "--between", "RUS", "VNM", "--db", sample_db])
    assert md.exit_code == 0, md.output
    assert md.stdout.startswith("# Russia and Vietnam")
    page = runner.invoke(app, ["brief", "--between", "rus", "vnm", "--db", sample_db, "--format", "html"])
    assert page.exit_code == 0 and "<h1>" in page.stdout
    bad = runner.invoke(app, ["brief", "--between", "RUS", "VNM", "--db", sample_db, "--format", "pdf"])
    assert bad.exit_code == 2 and "format" in bad.output
