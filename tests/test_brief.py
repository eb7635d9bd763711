"""Briefings: every sentence cites sources, and every cited sentence is in its article, verbatim."""

from __future__ import annotations

import html
import re

import pytest
from typer.testing import CliRunner

from entente import brief as brief_module
from entente.brief import Briefing, Section, Sentence, Source, build, render, when
from entente.cli import app
from entente.errors import InvalidParameter
from entente.store import Store

pytestmark = pytest.mark.slow
CITES = re.compile(r"\[\d+(, \d+)*\]$")


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
    # styled inline, nothing fetched from elsewhere
    assert "<style>" in page and not re.search(r"<link|<script|<img|src=|@import|url\(", page)
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
                                     ("--10-31", "on 31 October (year unknown)"), (None, ""),
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


def _section(b: Briefing, title: str) -> Section:
    return next(s for s in b.sections if s.title == title)


def _outlets(b: Briefing, cites: list[int]) -> set[str | None]:
    return {s.outlet for s in b.sources if s.n in cites}


def test_the_putin_trong_summit_is_listed_once_citing_both_outlets(briefing: Briefing) -> None:
    meetings = _section(briefing, "Meetings and visits").sentences
    summit = [s for s in meetings if "Vladimir Putin visited Vietnam" in s.text and "June 2024" in s.text]
    assert len(summit) == 1 and "Nguyen Phu Trong" in summit[0].text and "June 2024" in summit[0].text
    assert {"TASS", "VNS"} <= _outlets(briefing, summit[0].cites)
    assert not [s for s in meetings if s is not summit[0] and "Nguyen Phu Trong" in s.text and "June 2024" in s.text]
    # and it is the top headline: reported by the most articles and outlets
    assert _section(briefing, "Headline developments").sentences[1].text == summit[0].text


def test_a_background_phrase_is_never_a_headline(briefing: Briefing) -> None:
    headlines = _section(briefing, "Headline developments").sentences[1:]
    cited = {s.evidence for s in briefing.sources if s.n in {n for h in headlines for n in h.cites}}
    assert not [e for e in cited if "agreements reached at the highest level" in e]
    agreements = [s for s in _section(briefing, "Agreements").sentences
                  if any("agreements reached" in src.evidence for src in briefing.sources if src.n in s.cites)]
    assert agreements  # still in its own section


def test_every_cut_section_says_how_many_more(sample_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    whole = build(sample_store, "RUS", "VNM")
    monkeypatch.setattr(brief_module.compose, "MAX_ITEMS", 2)
    cut = build(sample_store, "RUS", "VNM")
    for section in cut.sections[1:]:
        full = _section(whole, section.title)
        assert len(section.sentences) <= 2
        assert len(section.sentences) + section.more == len(full.sentences) + full.more
        if section.more:
            assert section.hint.startswith("entente ")
    md = render(cut, "md")
    assert md.count("more: `entente ") == sum(1 for s in cut.sections if s.more) > 0
    assert "more: <code>entente " in render(cut, "html")


def test_sources_are_named_by_outlet_day_title_and_url(briefing: Briefing) -> None:
    assert {"TASS", "VNS"} <= {s.outlet for s in briefing.sources}
    md = render(briefing, "md").split("## Sources", 1)[1]
    assert "1. TASS, 20 Jun 2024" in md or "1. VNS, " in md
    page = Briefing("RUS", "VNM", None, None, [Section("Headline developments", [Sentence("Talks were held.", [1, 2])])],
                    [Source(1, "doc_1", "Reuters", "Leaders meet", "https://example.org/a?b=1&c=2", "2024-06-20", "They met."),
                     Source(2, "doc_2", "TASS", None, "javascript:alert(1)", "--10-31", "They *met* [here]_.")])
    md = render(page, "md")
    assert "1. Reuters, \u201cLeaders meet\u201d, 20 Jun 2024, <https://example.org/a?b=1&c=2>: " in md
    assert "doc\\_1" not in md and "doc_1" not in md  # named by title and URL, not its id
    # no scheme but the web's becomes a link; Markdown markup in a quote is escaped
    assert "javascript" not in md.split("2. ", 1)[1].split(":", 1)[0]
    assert "31 Oct (year unknown)" in md and "They \\*met\\* \\[here\\]\\_." in md
    assert "- Talks were held. [1, 2]" in md
    html_page = render(page, "html")
    assert 'href="https://example.org/a?b=1&amp;c=2"' in html_page and 'href="javascript' not in html_page
    assert "<cite>Leaders meet</cite>" in html_page
