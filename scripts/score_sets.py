"""Score entente on every article set that has gold, with ../shared/tools/score.py, in one table.

    .venv/bin/python scripts/score_sets.py            # every set
    .venv/bin/python scripts/score_sets.py real-test  # one set, with its per-article rows

The sets: the seeds (../shared/seeds with ../shared/gold), real published articles
(tests/data/real/dev and tests/data/real/test: the yardstick), and the articles written here
(tests/data/articles, tests/data/heldout) kept as regression tests.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import tempfile
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DATA = ROOT / "tests" / "data"
SETS = {
    "seeds": (SHARED / "seeds", SHARED / "gold"),
    "real-dev": (DATA / "real" / "dev" / "articles", DATA / "real" / "dev" / "gold"),
    "real-test": (DATA / "real" / "test" / "articles", DATA / "real" / "test" / "gold"),
    "written": (DATA / "articles", DATA / "gold"),
    "written-heldout": (DATA / "heldout" / "articles", DATA / "heldout" / "gold"),
}
COLUMNS = [("people", "F1", lambda r: r["overall"]["people"][2]), ("events", "F1", lambda r: r["overall"]["events"][2]),
           ("facts", "F1", lambda r: r["overall"]["facts"][2]), ("country", "acc", lambda r: r["accuracy"]["country"]),
           ("ev.countries", "acc", lambda r: r["accuracy"]["event_countries"]),
           ("location", "acc", lambda r: r["accuracy"]["location"]), ("mode", "acc", lambda r: r["accuracy"]["mode"]),
           ("date", "acc", lambda r: r["accuracy"]["date"]), ("verbatim", "", lambda r: r["accuracy"]["evidence_verbatim"]),
           ("score", "", lambda r: r["score"])]


def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", SHARED / "tools" / "score.py")
    if not spec or not spec.loader:
        sys.exit(f"no scorer at {SHARED / 'tools' / 'score.py'}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score_set(articles: Path, gold: Path) -> dict:
    """The scorer's result for entente's records of `articles` against `gold`."""
    from entente.jobs import Summary, extract_paths

    summary = Summary()
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "records.jsonl"
        pred.write_text("".join(r.model_dump_json() + "\n" for r in extract_paths([str(articles)], summary)),
                        encoding="utf-8")
        result = scorer().score(pred, gold, articles)
        result["by_type"] = events_by_type(pred, gold)
    result["problems"] = summary.problems
    return result


def events_by_type(pred: Path, gold: Path) -> dict[str, tuple[float, float, float, int]]:
    """Events precision, recall, F1 and the number of required gold events, per PLOVER type, matched as
    the scorer matches them (type, gold persons among actors and targets, dates that do not conflict)."""
    score = scorer()
    preds = {r["doc_id"]: r for r in map(json.loads, pred.read_text(encoding="utf-8").splitlines())}
    tallies: dict[str, object] = {}
    for path in sorted(gold.glob("*.json")):
        g = json.loads(path.read_text(encoding="utf-8"))
        p = preds.get(path.stem, {})
        for type_ in {e["type"] for e in g.get("events") or []} | {e.get("type") for e in p.get("events") or []}:
            if not type_:
                continue
            ge = [e for e in g.get("events") or [] if e["type"] == type_]
            pe = [e for e in p.get("events") or [] if e.get("type") == type_]
            tally, _attrs = score.match_events(ge, pe, g.get("entities") or [])
            tallies.setdefault(type_, score.Tally()).add(tally)  # type: ignore[attr-defined]
    return {t: (*tl.prf(), tl.req) for t, tl in sorted(tallies.items())}  # type: ignore[attr-defined]


def main() -> None:
    wanted = sys.argv[1:] or list(SETS)
    print(f"{'set':16} {'n':>3} " + " ".join(f"{c:>12}" for c, _u, _f in COLUMNS) + "  leaks")
    for name in wanted:
        articles, gold = SETS[name]
        if not gold.is_dir():
            print(f"{name:16} (no gold at {gold})")
            continue
        r = score_set(articles, gold)
        cells = " ".join(f"{'-' if f(r) is None else format(f(r), '.3f'):>12}" for _c, _u, f in COLUMNS)
        print(f"{name:16} {len(r['per_article']):>3} {cells}  {len(r['leaks'])}")
        for p in r["problems"]:
            print(f"  FAILED {p}")
        for lk in r["leaks"]:
            print(f"  LEAK {lk['doc_id']}: {', '.join(lk['leaked'])}")
        if name.startswith("real"):
            print("  events by type (P R F, required gold events): " + "; ".join(
                f"{t} {p:.2f} {rc:.2f} {f:.2f} ({n})" for t, (p, rc, f, n) in r["by_type"].items()))
        if len(wanted) == 1:
            print(json.dumps(r["per_article"], indent=0))


if __name__ == "__main__":
    main()
