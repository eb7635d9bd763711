"""Write the synthetic training sentences of the PLOVER type classifier (issue 19, item 3).

    .venv/bin/python scripts/make_type_data.py            # writes training/types/synthetic.jsonl

Reads training/types/templates.txt (verb phrases and sentences per PLOVER type and mode, written
here) and fills its slots with countries (entente/data/countries.json, from pycountry and CLDR),
office holders (entente/data/leaders.tsv) and the kinds of actor news reports name (ministries,
troops, police, protesters, rebels, international organisations). Each verb phrase goes into frames
that keep its type (done, reported, planned, negated, ongoing) and frames that make another type of
it (threatened to -> THREATEN, called on to -> REQUEST, agreed to -> AGREE, refused to -> REJECT,
accused of -> ACCUSE), the contrasts a sentence classifier must learn. Seeded: the same files give
the same sentences.
"""

from __future__ import annotations

import csv
import json
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "training" / "types" / "templates.txt"
OUT = ROOT / "training" / "types" / "synthetic.jsonl"
DATA = ROOT / "entente" / "data"
SEED = 19

CONFLICT = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "THREATEN", "PROTEST", "ACCUSE", "REJECT"}
# the types a frame can make of another type's verb phrase, and which types it applies to
CROSS_FRAMES: dict[str, tuple[set[str], list[str]]] = {
    "THREATEN": ({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "RETREAT"},
                 ["<A> threatened to {base}", "<A> warned that it could {base}", "<A> threatened on <D> to {base}",
                  "<A> said it was ready to {base} if provoked"]),
    "REQUEST": ({"ASSAULT", "COERCE", "SANCTION", "RETREAT", "CONCEDE", "AID", "CONSULT", "COOPERATE", "SUPPORT",
                 "MOBILIZE", "AGREE"},
                ["<B> called on <A> to {base}", "<B> urged <A> to {base}", "<B> asked <A> to {base}",
                 "<B> demanded that <A> {base}", "<B> appealed to <A> to {base}"]),
    "AGREE": ({"CONSULT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "SUPPORT"},
              ["<A> agreed to {base}", "<A> pledged to {base}", "<A> promised to {base}", "<A> offered to {base}",
               "<A> expressed willingness to {base}"]),
    "REJECT": ({"CONSULT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "AGREE", "SUPPORT"},
               ["<A> refused to {base}", "<A> rejected calls to {base}", "<A> declined to {base}",
                "<A> ruled out {ing}"]),
    "ACCUSE": ({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"},
               ["<B> accused <A> of {ing}", "<B> condemned <A> for {ing}", "<B> blamed <A> for {ing}",
                "<B> criticised <A> for {ing}"]),
}
SAME_FRAMES = {
    "done": ["<A> {past}", "On <D>, <A> {past}", "<A> {past} on <D>", "<A> {past}, officials said",
             "<A> {past}, the ministry said in a statement", "<A> {past}, according to state media",
             "Earlier this week <A> {past}", "<A> has {past}", "<A> also {past}", "<A> {past} last week"],
    "reported": ["<B> said <A> {past}", "Officials said <A> {past} on <D>", "Reports say <A> {past}"],
    "planned": ["<A> will {base}", "<A> plans to {base}", "<A> is expected to {base}", "<A> announced it would {base}",
                "<A> is set to {base} next week"],
    "negated": ["<A> did not {base}", "<A> has not yet {past}" ],
    "ongoing": ["<A> is {ing}", "<A> continued {ing}", "<A> began {ing}"],
}
KINDS = {
    "state": ["{country}", "{country}", "the {demonym} government", "{capital}", "the government of {country}"],
    "gov": ["the {demonym} foreign ministry", "{country}'s defence ministry", "the {demonym} embassy",
            "the {demonym} cabinet", "{country}'s foreign ministry", "the {demonym} interior ministry"],
    "leader": ["{leader}", "{leader}", "{demonym} {role} {name}"],
    "official": ["{demonym} Foreign Minister {name}", "a {demonym} official", "the {demonym} envoy",
                 "{country}'s ambassador", "a senior {demonym} diplomat", "{leader}"],
    "mil": ["{demonym} troops", "the {demonym} army", "{demonym} forces", "government forces", "soldiers",
            "the military", "the {demonym} navy", "{demonym} coast guard vessels", "the army", "security forces"],
    "police": ["police", "riot police", "{demonym} police", "security forces", "the authorities", "the police"],
    "crowd": ["protesters", "thousands of demonstrators", "students", "opposition supporters", "workers",
              "farmers", "hundreds of people", "activists"],
    "rebel": ["rebels", "militants", "insurgents", "gunmen", "Taliban fighters", "Houthi rebels", "Islamic State militants",
              "al-Shabaab fighters", "separatists", "armed groups", "M23 rebels", "jihadists"],
    "igo": ["the United Nations", "the European Union", "NATO", "the African Union", "the IMF", "the World Bank",
            "ASEAN", "the UN Security Council", "ECOWAS", "the UN"],
    "court": ["a court in {capital}", "the supreme court", "prosecutors", "a military court", "a {demonym} court"],
}
DEFAULT_ACTOR = ["state", "state", "gov", "leader", "leader", "official"]
# who does a type's deeds in news reports, for the <A> of its verb phrases
TYPE_ACTORS = {"ASSAULT": ["mil", "mil", "rebel", "rebel", "state", "police"],
               "COERCE": ["police", "police", "gov", "state", "court", "mil"],
               "PROTEST": ["crowd", "crowd", "crowd", "rebel", "gov"], "MOBILIZE": ["mil", "mil", "state", "gov", "police"],
               "RETREAT": ["mil", "state", "rebel", "gov"], "AID": DEFAULT_ACTOR + ["igo"], "REQUEST": DEFAULT_ACTOR + ["igo"]}
ANY_ACTOR = DEFAULT_ACTOR + ["mil", "mil", "rebel", "police", "igo"]
PEOPLE = ["civilians", "journalists", "protesters", "activists", "opposition leaders", "{demonym} fishermen", "refugees",
          "migrants", "students", "villagers", "demonstrators", "aid workers", "{demonym} nationals"]
PLACES = ["{capital}", "{capital}", "the border region", "the north of {country}", "eastern {country}",
          "a village near the border", "the city of {capital}", "the disputed area", "southern {country}", "the border town"]
NUMBERS = ["two", "three", "five", "seven", "12", "15", "20", "23", "40", "dozens of", "more than 100", "six", "eight",
           "30", "200"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Tuesday night",
        "March 3", "June 14", "Oct. 2", "the weekend"]
# clauses real reports wrap around an event, carrying no event of their own: a sentence classifier
# trained on bare templates reads their words as evidence against every type
PREFIXES = ["According to a statement released by <A:gov>,", "In a statement on <D>,", "Speaking to reporters in <P>,",
            "For his part,", "Meanwhile,", "In a move seen as a sign of deepening tensions,", "Separately,",
            "As part of efforts to improve bilateral relations,", "Local media reported that", "It is the first time that",
            "In a rare step,", "After weeks of speculation,", "During the meeting,", "Citing security concerns,"]
SUFFIXES = ["amid rising tensions between the two countries", "the statement added", "the agency reported",
            "which has been criticised by rights groups", "in line with a decision taken last year",
            "after a long period of strained relations", "according to the note", "as both sides seek to improve ties",
            "in what officials described as a routine step", "citing national security", "the report said",
            "following a request by the parliament", "a spokesperson told reporters", "in the presence of senior officials",
            "as the crisis entered its <N>th week", "for the first time since <N>", "in the strongest terms"]
PAD_SHARE = 0.45
SENTENCE_COPIES = {"event": 10, "NONE": 25}
FRAME_COPIES = {"done": 6, "reported": 2, "planned": 2, "ongoing": 2}
CHOICE = re.compile(r"\{([^{}]*\|[^{}]*)\}")
SLOT = re.compile(r"<([ABTGPNXD])(?::(\w+))?>")


@dataclass
class Block:
    type: str
    mode: str | None
    vps: list[tuple[str, str, str]] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)


def read_templates(path: Path) -> list[Block]:
    blocks: list[Block] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or (line.startswith("#") and not line.startswith("## ")):
            continue
        if line.startswith("## "):
            type_, mode = line[3:].split(" ", 1)
            blocks.append(Block(type_, None if mode == "-" else mode))
        elif line.startswith("vp:"):
            forms = [f.strip() for f in line[3:].split("|")]
            if len(forms) < 3:
                sys.exit(f"{path}:{number}: a verb phrase needs past | base | ing")
            # a choice {a|b} holds '|' too: rejoin on the braces' balance
            parts = _split_forms(line[3:])
            blocks[-1].vps.append((parts[0], parts[1], parts[2]))
        elif line.startswith("s:"):
            blocks[-1].sentences.append(line[2:].strip())
        else:
            sys.exit(f"{path}:{number}: a line starts with '## ', 'vp:', 's:' or '#'")
    return blocks


def _split_forms(text: str) -> list[str]:
    forms, depth, current = [], 0, ""
    for ch in text:
        depth += ch == "{"
        depth -= ch == "}"
        if ch == "|" and depth == 0:
            forms.append(current.strip())
            current = ""
        else:
            current += ch
    forms.append(current.strip())
    return forms


@dataclass
class World:
    countries: list[dict]
    leaders: list[tuple[str, str, str]]

    def country(self, rng: random.Random) -> dict:
        return rng.choice(self.countries)


def load_world() -> World:
    countries = [c for c in json.loads((DATA / "countries.json").read_text(encoding="utf-8"))
                 if c.get("demonyms") and c.get("capital")]
    leaders = []
    with (DATA / "leaders.tsv").open(encoding="utf-8") as handle:
        rows = csv.reader((line for line in handle if not line.startswith("#")), delimiter="\t")
        next(rows)
        for row in rows:
            if len(row) >= 4 and row[3] in {"President", "Foreign Minister", "Prime Minister", "Defence Minister", "King"}:
                leaders.append((row[0], row[2], row[3]))
    return World(countries, leaders)


def _fill_kind(kind: str, world: World, rng: random.Random) -> str:
    c = world.country(rng)
    name, _, role = rng.choice(world.leaders)
    text = rng.choice(KINDS[kind])
    return text.format(country=c["name"], demonym=c["demonyms"][0], capital=c["capital"],
                       leader=f"{role} {name}" if rng.random() < 0.7 else name, role=role, name=name.split()[-1])


def fill(template: str, world: World, rng: random.Random, actors: list[str] | None = None) -> str:
    while CHOICE.search(template):
        template = CHOICE.sub(lambda m: rng.choice(m.group(1).split("|")), template, count=1)

    def slot(m: re.Match[str]) -> str:
        letter, kind = m.group(1), m.group(2)
        c = world.country(rng)
        fmt = {"country": c["name"], "demonym": c["demonyms"][0], "capital": c["capital"]}
        if letter in "ABT":
            kinds = ANY_ACTOR if kind == "any" else [kind] if kind else (actors if letter == "A" and actors else DEFAULT_ACTOR)
            return _fill_kind(rng.choice(kinds), world, rng)
        if letter == "G":
            return rng.choice(PEOPLE).format(**fmt)
        if letter == "P":
            return rng.choice(PLACES).format(**fmt)
        if letter == "N":
            return rng.choice(NUMBERS)
        if letter == "X":
            return c["name"]
        return rng.choice(DAYS)

    text = SLOT.sub(slot, template)
    text = re.sub(r"\s+", " ", text).strip()
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?\"" else text + "."


def pad(text: str, world: World, rng: random.Random) -> str:
    """`text` with a clause of no event before or after it, sometimes both."""
    body = text.rstrip(".")
    roll = rng.random()
    if roll < 0.4:
        body = f"{fill(rng.choice(PREFIXES), world, rng).rstrip('.')} {body[0].lower() + body[1:]}"
    if roll > 0.3:
        body = f"{body}, {fill(rng.choice(SUFFIXES), world, rng).rstrip('.').lower()}"
    return body + "."


def sentences(blocks: list[Block], world: World, rng: random.Random) -> list[dict]:
    rows: list[dict] = []
    for block in blocks:
        actors = TYPE_ACTORS.get(block.type)
        for template in block.sentences:
            for _ in range(SENTENCE_COPIES["NONE" if block.type == "NONE" else "event"]):
                rows.append({"text": fill(template, world, rng, actors), "type": block.type, "mode": block.mode, "frame": "sentence"})
        for past, base, ing in block.vps:
            forms = {"past": past, "base": base, "ing": ing}
            for frame, patterns in SAME_FRAMES.items():
                for pattern in rng.sample(patterns, min(len(patterns), FRAME_COPIES.get(frame, 1))):
                    rows.append({"text": fill(pattern.format(**forms), world, rng, actors), "type": block.type,
                                 "mode": block.mode, "frame": frame})
            for cross, (applies, patterns) in CROSS_FRAMES.items():
                if block.type in applies and block.type != cross:
                    for pattern in rng.sample(patterns, 2):
                        rows.append({"text": fill(pattern.format(**forms), world, rng, actors), "type": cross,
                                     "mode": None, "frame": f"cross-{cross.lower()}"})
    return rows


REAL = ROOT / "tests" / "data" / "real" / "dev"
REAL_OUT = ROOT / "training" / "types" / "real_dev.jsonl"
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[\"“A-Z])|\n+")
WORD = re.compile(r"[a-z]{3,}")
STOP = {"the", "and", "for", "with", "over", "from", "that", "this", "his", "her", "its", "their", "says", "said", "after"}


def _stems(text: str) -> set[str]:
    return {w[:5] for w in WORD.findall(text.lower()) if w not in STOP}


def real_sentences() -> list[dict]:
    """Each gold event of the real dev articles with the article sentence its note shares most words with."""
    rows: list[dict] = []
    for gold_path in sorted((REAL / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (REAL / "articles" / f"{gold_path.stem}.txt").read_text(encoding="utf-8")
        sents = [s.strip() for s in SENTENCE.split(text) if len(s.strip()) > 20]
        for event in gold["events"]:
            note = _stems(event.get("note") or "")
            scored = sorted(((len(note & _stems(s)), -i, s) for i, s in enumerate(sents)), reverse=True)
            if scored and scored[0][0] >= max(2, len(note) // 3):
                rows.append({"text": scored[0][2], "type": event["type"], "mode": event.get("mode"),
                             "doc_id": gold["doc_id"], "note": event.get("note")})
    return rows


def main() -> None:
    real = real_sentences()
    with REAL_OUT.open("w", encoding="utf-8") as out:
        for row in real:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(real)} aligned sentences in {REAL_OUT.relative_to(ROOT)}")
    rng = random.Random(SEED)
    world = load_world()
    rows = sentences(read_templates(TEMPLATES), world, rng)
    for row in rows:
        if rng.random() < PAD_SHARE:
            row["text"] = pad(row["text"], world, rng)
    seen: set[str] = set()
    with OUT.open("w", encoding="utf-8") as out:
        for row in rows:
            if row["text"] not in seen:
                seen.add(row["text"])
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(seen)} sentences in {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
