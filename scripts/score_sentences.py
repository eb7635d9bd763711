"""Score entente's event types on real one-event news sentences (tests/data/sentences), the way the
PLOVER sentence benchmark of issue 19 is judged.

    .venv/bin/python scripts/score_sentences.py            # dev and test
    .venv/bin/python scripts/score_sentences.py dev -v     # one part, with every miss and extra type

Each sentence is extracted alone, as a one-sentence article with a publication date. A sentence is
found when entente reports an event of its gold type; its precision is the share of the distinct
types reported for it that is the gold type. Per type: recall = found / sentences of that type,
precision = sentences where the type was reported and is gold / sentences where it was reported.
Overall: recall over all sentences, precision over all distinct types reported (micro), and the
lowest per-type recall. The test part is scored here but never read to fix a case.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SENTENCES = ROOT / "tests" / "data" / "sentences"
PARTS = ("dev", "test")
PUBLISHED = "2024-06-20"


@dataclass
class Scored:
    """The outcome of one sentence: its gold type and the distinct types entente reported."""

    text: str
    gold: str
    reported: frozenset[str]


@dataclass
class Score:
    """Recall and precision per type and overall for one part."""

    n: int = 0
    found: int = 0
    reported: int = 0
    correct: int = 0
    per_type: dict[str, dict[str, float | int | None]] = field(default_factory=dict)

    @property
    def recall(self) -> float:
        return self.found / self.n if self.n else 0.0

    @property
    def precision(self) -> float:
        return self.correct / self.reported if self.reported else 0.0

    @property
    def min_type_recall(self) -> float:
        return min((float(v["recall"] or 0.0) for v in self.per_type.values()), default=0.0)


def load(part: str) -> list[dict]:
    """The sentences of one part (dev or test)."""
    path = SENTENCES / f"{part}.jsonl"
    if not path.is_file():
        sys.exit(f"{path}: no such file")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def extract_types(texts: list[str]) -> list[frozenset[str]]:
    """The distinct event types entente reports for each text, extracted as its own article."""
    from entente.clean import clean
    from entente.config import get_settings
    from entente.extract.pipeline import extract_many, shared_nlp
    from entente.records import RawArticle

    nlp = shared_nlp(get_settings().spacy_model)
    articles = [clean(RawArticle(doc_id=f"s{i}", text=f" date {PUBLISHED} {text}", origin="<sentence>"))
                for i, text in enumerate(texts)]
    return [frozenset(e.type for e in record.events) for record in extract_many(articles, nlp)]


def score(outcomes: list[Scored]) -> Score:
    """Per-type and overall recall and precision of these outcomes."""
    result = Score(n=len(outcomes))
    gold_n: Counter[str] = Counter()
    found: Counter[str] = Counter()
    reported: Counter[str] = Counter()
    for o in outcomes:
        gold_n[o.gold] += 1
        result.reported += len(o.reported)
        for t in o.reported:
            reported[t] += 1
        if o.gold in o.reported:
            found[o.gold] += 1
            result.found += 1
            result.correct += 1
    for t in sorted(set(gold_n) | set(reported)):
        result.per_type[t] = {
            "n": gold_n[t], "found": found[t], "reported": reported[t],
            "recall": found[t] / gold_n[t] if gold_n[t] else None,
            "precision": found[t] / reported[t] if reported[t] else None,
        }
    return result


def score_part(part: str) -> tuple[Score, list[Scored]]:
    """Extract and score one part."""
    items = load(part)
    types = extract_types([d["text"] for d in items])
    outcomes = [Scored(d["text"], d["type"], t) for d, t in zip(items, types, strict=True)]
    return score(outcomes), outcomes


def _cell(value: float | int | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def report(part: str, result: Score) -> str:
    """The table of one part."""
    lines = [f"{part}: {result.n} sentences  recall {result.recall:.3f}  precision {result.precision:.3f}  "
             f"lowest type recall {result.min_type_recall:.2f}",
             f"  {'type':10} {'n':>3} {'found':>5} {'recall':>6} {'reported':>8} {'precision':>9}"]
    for t, v in result.per_type.items():
        lines.append(f"  {t:10} {v['n']:>3} {v['found']:>5} {_cell(v['recall']):>6} {v['reported']:>8} "
                     f"{_cell(v['precision']):>9}")
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    verbose = "-v" in argv
    parts = [a for a in argv if a != "-v"] or list(PARTS)
    for part in parts:
        if part not in PARTS:
            sys.exit(f"unknown part {part!r}; give one of {', '.join(PARTS)}")
        result, outcomes = score_part(part)
        print(report(part, result))
        if verbose:
            for o in outcomes:
                if o.gold not in o.reported or len(o.reported) > 1:
                    print(f"    {o.gold:10} got {','.join(sorted(o.reported)) or '-':24} {o.text[:110]}")


if __name__ == "__main__":
    main(sys.argv[1:])
