"""Real one-event news sentences (tests/data/sentences): the data keeps its shape, and entente's
event types on them do not fall back (issue 19, the PLOVER sentence benchmark)."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from entente.records import EVENT_TYPES, MODES
from scripts.score_sentences import SENTENCES, Scored, score, score_part

FIELDS = {"text", "type", "mode", "source", "outlet"}


def _part(part: str) -> list[dict]:
    return [json.loads(line) for line in (SENTENCES / f"{part}.jsonl").read_text(encoding="utf-8").splitlines()]


def test_every_sentence_has_one_known_type_a_source_and_no_twin_in_the_other_part():
    dev, test = _part("dev"), _part("test")
    for d in dev + test:
        assert set(d) == FIELDS
        assert d["type"] in EVENT_TYPES and (d["mode"] is None or d["mode"] in MODES)
        assert d["text"].strip() == d["text"] and d["source"] and d["outlet"]
    assert not {d["text"] for d in dev} & {d["text"] for d in test}
    assert not [d for d in test if d["source"].startswith("tests/data/real/")]  # real articles: dev only
    counts = Counter(d["type"] for d in dev + test)
    assert set(counts) == set(EVENT_TYPES) and min(counts.values()) >= 20


def test_score_counts_a_sentence_found_when_its_gold_type_is_among_those_reported():
    result = score([Scored("a", "AID", frozenset({"AID", "AGREE"})), Scored("b", "AID", frozenset()),
                    Scored("c", "ACCUSE", frozenset({"AID"}))])
    assert result.recall == pytest.approx(1 / 3) and result.precision == pytest.approx(1 / 3)
    assert result.per_type["AID"]["recall"] == 0.5 and result.per_type["AID"]["precision"] == 0.5
    assert result.per_type["AGREE"]["recall"] is None and result.min_type_recall == 0.0


# The floors are what entente scores now, less a margin for noise; raise them as extraction improves.
# First measured (before any work on these sentences): dev recall 0.233, precision 0.688; test
# recall 0.297, precision 0.653. After the lexicon covered every type (releases, pull-backs, lifted bans,
# charges, troops sent, strikes, joint patrols, pledged sums): dev 0.331 / 0.729, test 0.354 / 0.700.
# With an article that pairs no one reporting its one-sided acts (groups with no state too):
# dev 0.614 / 0.718, test 0.620 / 0.726.
# Issue 19's targets: recall 0.85, precision 0.75, every type 0.60.
@pytest.mark.slow
@pytest.mark.parametrize("part,recall_floor,precision_floor", [
    ("dev", 0.58, 0.69),
    ("test", 0.58, 0.69),
])
def test_event_types_on_real_sentences_do_not_fall_back(part, recall_floor, precision_floor, nlp):  # type: ignore[no-untyped-def]
    result, _ = score_part(part)
    assert result.recall >= recall_floor
    assert result.precision >= precision_floor
