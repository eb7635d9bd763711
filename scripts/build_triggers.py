"""Generate entente/data/triggers_cameo.json: event triggers for the conflictual PLOVER types and
for aid, read from the field's verb dictionary and PLOVER's own mapping of CAMEO codes.

Sources:
- ../shared/reference/petrarch2/CAMEO.2.0.txt: PETRARCH2's CAMEO verb-pattern dictionary
  (openeventdata/petrarch2 at 676801c, MIT licence, Copyright (c) 2015 Open Event Data Alliance).
  Each verb block gives verbs (phrasal ones as "+SHOOT_DOWN") with a CAMEO code, and patterns
  ("- * AMBASSADOR [161]") that recode the verb when its object or prepositional phrase holds a word.
- ../shared/reference/plover/CAMEO2PLOVER-2021.txt: the PLOVER project's CAMEO-to-PLOVER table
  (openeventdata/PLOVER at 5e0c24f, CC BY-SA 4.0; the generated file shares alike).

A verb becomes {"lemma", "pos": "VERB", "type", "mode"}; a pattern becomes the same entry with
"with" (the pattern's object words, looked for in the verb's objects), listed before the verb's own
entry so that "recall ... ambassador" is a sanction while a bare "recall" is nothing. A pattern
holds only for the verb its comment says it was found with ("# RECALL"), not for the whole block. Only the
types in TYPES are generated; the hand-kept entente/data/triggers.json comes first when both
know a word. Verbs whose everyday sense is no event at all (SKIP) are left out.

Run with `python scripts/build_triggers.py` (standard library only).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "entente" / "data"
REFERENCE = ROOT.parent / "shared" / "reference"
CAMEO = REFERENCE / "petrarch2" / "CAMEO.2.0.txt"
MAPPING = REFERENCE / "plover" / "CAMEO2PLOVER-2021.txt"

TYPES = frozenset({"ACCUSE", "SANCTION", "THREATEN", "REJECT", "PROTEST", "MOBILIZE", "COERCE", "ASSAULT",
                   "RETREAT", "AID"})
# the cooperative types' blocks are mostly synonym sets of everyday verbs ('seek', 'plan', 'lead',
# 'issue', 'join', 'hope' are AGREE, COOPERATE, CONSULT, REQUEST there): of them only the verbs whose
# sense in news is the event are taken, bare or with a pattern's object word
COOPERATIVE = {
    "SUPPORT": {"bare": {"acclaim", "applaud", "commend", "compliment", "extol", "felicitate", "hail", "laud",
                         "salute", "apologise", "apologize", "forgive"},
                "patterns": {"extend", "establish", "forge", "deliver", "demonstrate", "exchange"}},
    "CONCEDE": {"bare": {"accede", "acquiesce", "capitulate", "concede", "legalise", "legalize", "decriminalise",
                         "decriminalize", "resign", "retract", "relent", "unblock", "waive"},
                "patterns": {"ease", "eliminate", "drop", "give", "back", "grant", "lift", "relax"}},
    "COOPERATE": {"bare": {"extradite"}, "patterns": {"approve"}},
    "REQUEST": {"bare": {"exhort", "entreat", "plead"}, "patterns": set()},
    "AGREE": {"bare": {"promise"}, "patterns": {"approve", "arrange"}},  # not "accepted an invitation": a visit to come
}
# PLOVER's codebook puts embargoes, boycotts and sanctions under SANCTION (the 2021 table's COERCE
# for 163 predates it); the record format's modes are PLOVER's names
RETYPED = {"163": ("SANCTION", None)}
MODES = {"heavy-weapons": None, "firearms": None, "withdraw": None, "discontinue": None, "restrict": None,
         "relations": None, "violence": None, "access": None, "disarm": None, "allege": "disapprove",
         # a context the 2021 table writes in the mode column for 175 (violent repression)
         "pro_autocracy": None}
# verbs whose common sense in news is no event of their block ('hit a record', 'match', 'charge a
# fee', 'remove', 'end the visit', 'storm' the weather, 'fire' an official, 'hammer out a deal',
# 'examine a proposal', 'express hope', 'upset', 'decline by 5%', 'release a statement', 'impose'
# alone, 'beef up cooperation', 'took over as minister'): their bare entry is left out; a pattern
# naming their object still counts
SKIP = frozenset("""
hit match hammer pit struggle conflict quarrel storm kick stone clobber wrestle grapple remove end hang charge
fire blow cross drive drag crash collapse develop arrive go come take bring hold keep leave move put set turn
run give get make see say tell call report state note add stop halt close cease quit cancel abolish terminate
discontinue desist reclose abort reduce cut limit return send ship pull draw back retire exit depart free rally
garner marshal muster walk hunt search reward pay fund finance help assist relieve battle fight combat break
freeze raise increase boost open win lose beat target press push order ask
best circle crack crush damage die disarm dominate engage harm hurt impair mar master overcome overshadow
overtake overwhelm ring rip ruin shatter slap spoil surmount tarnish tear thump vitiate whip corrupt contaminate
defeat surround lash pound ram bust cane dishonor dishonour ravish
analyse argue ascertain audit aver avow brand challenge check comb compensate compete contend contest contradict
contrast contravene counter counterbalance cry curse debase defer degrade delay despair differ dig disappoint
discourage dismay dishearten examine explore express forestall grieve hamper hinder humble impede inhibit inspect
lament lecture mine monitor mourn obstruct override overrule postpone prevent procrastinate rake regret remit
research retard sadden savage scan skim spy stall study stymie suspect swear sweep table weep wail whine claim
allege dispute oppose disagree slight renounce refute rebuff
agonise agonize annoy arouse badger bother discomfit disconcert disquiet disturb enkindle irk irritate pester
plague provoke rag torment upset vex harry hassle march agitate demonstrate
contribute defend guard interfere intervene protect safeguard shelter shield stabilise stabilize tend ward
evacuate
bill tax fine levy force impose enforce reinforce reside inhabit moderate contain extract pluck catch withhold
exclude constrain compel impel pressure overturn restrict curb block bar enclose infest pirate shun revolutionise
revolutionize subvert appropriate cage nationalise nationalize sue convict sentence prosecute indict punish
confine disallow forbid
release breach decline defect defy fail object betray countermine disarray disorder disrupt undermine disassociate
secede caution endanger risk parade overfly patrol
beef_up take_over step_in drum_up glance_over look_over back_away stay_away break_away hit_back string_up
""".split())
# members of the dictionary's synonym sets that are mostly something else in news: weapon and
# aircraft model names ('Apache', 'Typhoon', 'Orion'), 'gas', 'club', 'vehicle', 'system', 'person'
AMBIGUOUS = frozenset("""
abrams apache arrow batteries bradley carrier club cougar device devise dragonfly gas knuckles mangusta orion
osprey panther poseidon reaper switchblade typhoon vehicle spear sabers falcon hornet predator raptor system
skyhook glider person won pound
""".split())
HEADER = re.compile(r"^---\s+(?P<name>\S+)\s+\[(?P<code>[^\]]+)\]\s+---")
VERB = re.compile(r"^(?P<plus>\+?)(?P<verb>[A-Z][A-Z_'-]*)\s*(?:\{[^}]*\})?\s*(?:\[(?P<code>[^\]]+)\])?")
PATTERN = re.compile(r"^-\s+(?P<body>.*?)\s*\[(?P<code>[^\]]+)\]")
PREPOSITIONS = frozenset({"TO", "FROM", "ON", "IN", "AT", "WITH", "AGAINST", "FOR", "OF", "OVER", "INTO", "BY",
                          "UP", "OFF", "OUT", "DOWN", "BEFORE", "NEAR", "AS", "UPON", "ABOUT", "THROUGH"})


def mapping() -> dict[str, tuple[str, str | None]]:
    """CAMEO code -> (PLOVER type, mode or None)."""
    table: dict[str, tuple[str, str | None]] = {}
    for line in MAPPING.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d+):\s*([A-Z]+)\s*,\s*([^,#]*)", line)
        if m is None or len(m[1]) < 3:
            continue
        mode = m[3].strip() or None
        table.setdefault(m[1], (m[2], MODES.get(mode, mode) if mode else None))
    table.update(RETYPED)
    return table


def plover(code: str, table: dict[str, tuple[str, str | None]]) -> tuple[str, str | None] | None:
    """The PLOVER type and mode of a CAMEO code ('042:043' is read as its first code); a code the
    table lacks takes its parent's."""
    code = code.split(":")[0].strip()
    while len(code) >= 3:
        if code in table:
            return table[code]
        code = code[:-1]
    return None


def synonym_sets(lines: list[str]) -> dict[str, list[str]]:
    """'&MILITARY' -> its members' head words, lower case ('+BORDER_GUARD' gives 'guard')."""
    sets: dict[str, list[str]] = {}
    current: str | None = None
    for line in lines:
        if line.startswith("####### VERB PATTERNS"):
            break
        if line.startswith("&"):
            current = line.split()[0]
            sets[current] = []
        elif line.startswith("+") and current:
            word = line[1:].split("#")[0].split()[0].strip("_").split("_")[-1].lower()
            if word and word not in sets[current] and word not in AMBIGUOUS:
                sets[current].append(word)
        elif not line.strip():
            current = None
    return sets


def object_words(body: str, sets: dict[str, list[str]]) -> list[str]:
    """The words a pattern wants after its verb, when it wants one only: a noun ('- * AMBASSADOR'
    -> ['ambassador']), a synonym set ('- * &MILITARY' -> its words) or the noun of one
    prepositional phrase ('- * (TO BORDER)' -> ['border']). Longer patterns ('- * TALKS (ON
    CONTRACT)', '- * UP TALKS') say more than a word near the verb can check, and are left out."""
    if "*" not in body or body.split("*")[0].strip():
        return []  # a pattern on the verb's subject
    rest = re.sub(r"[$+^%]", " ", body.split("*", 1)[1]).strip()
    group = re.fullmatch(r"\(\s*([A-Z]+)\s+(\S+)\s*\)", rest)
    if group:
        if group[1] not in PREPOSITIONS:
            return []
        rest = group[2]
    if not re.fullmatch(r"&?[A-Z][A-Z'-]*_?", rest) or rest.strip("_") in PREPOSITIONS:
        return []
    if rest.startswith("&"):
        return sets.get(rest, [])
    return [rest.strip("_").lower()]


def build() -> list[dict]:
    lines = CAMEO.read_text(encoding="utf-8").splitlines()
    sets = synonym_sets(lines)
    table = mapping()
    start = next(i for i, ln in enumerate(lines) if ln.startswith("####### VERB PATTERNS"))
    entries: list[dict] = []
    seen: set[tuple] = set()
    block_code = "---"
    verbs: list[tuple[str, str | None, str]] = []  # (lemma, particle, code)
    patterns: list[tuple[list[str], str, str]] = []

    def flush() -> None:
        for lemma, particle, code in verbs:
            default = plover(code, table) if code != "---" else None
            for words, pcode, found_on in patterns:
                mapped = plover(pcode, table) if pcode != "---" else None
                if found_on != (lemma + (f"_{particle}" if particle else "")) or mapped is None or \
                        not _wanted(mapped[0], lemma, "patterns") or (default and default[0] == mapped[0]):
                    continue
                _add(entries, seen, lemma, particle, mapped, words)
            if default and _wanted(default[0], lemma, "bare") and (f"{lemma}_{particle}" if particle else lemma) not in SKIP:
                _add(entries, seen, lemma, particle, default, [])

    for raw in lines[start + 1:]:
        line, _, comment = raw.partition("#")
        line = line.rstrip()
        if not line.strip():
            continue
        if m := HEADER.match(line):
            flush()
            block_code, verbs, patterns = m["code"], [], []
        elif block_code.startswith("01"):
            continue  # verbs of saying: 'announced the withdrawal' is the withdrawal, read on its own
        elif m := PATTERN.match(line):
            words = object_words(m["body"], sets)
            # a pattern holds for the verb it was found with, which its comment names
            found_on = comment.split(",")[0].strip().split(" ")[0].lower()
            if words and found_on:
                patterns.append((words, m["code"], found_on))
        elif m := VERB.match(line):
            parts = m["verb"].strip("_").lower().split("_")
            if m["plus"] and len(parts) != 2:
                continue  # a phrase of three words or more
            lemma, particle = parts[0], (parts[1] if len(parts) == 2 else None)
            if not lemma.isalpha() or len(parts) > 2:
                continue
            verbs.append((lemma, particle, m["code"] or block_code))
    flush()
    return entries


def _wanted(type_: str, lemma: str, kind: str) -> bool:
    """Whether a verb of this type is generated: every verb of the conflictual types and aid, only
    the listed ones of the cooperative types."""
    return type_ in TYPES or lemma in COOPERATIVE.get(type_, {}).get(kind, set())


def _add(entries: list[dict], seen: set[tuple], lemma: str, particle: str | None,
         mapped: tuple[str, str | None], words: list[str]) -> None:
    with_ = sorted(set(words))
    entry: dict = {"lemma": lemma, "pos": "VERB", "type": mapped[0], "mode": mapped[1]}
    if particle:
        # a phrasal verb: its particle is required; an object word, when the pattern names one, too
        entry["with"] = [particle]
        if with_:
            return
    elif with_:
        entry["with"] = with_
        entry["with_in_object"] = True
    ident = (lemma, tuple(entry.get("with", ())), mapped[0])
    if ident in seen:
        return
    seen.add(ident)
    entries.append(entry)


def prune(entries: list[dict]) -> list[dict]:
    """Leave out what the hand-kept triggers.json already says and what is read better on its own:
    an entry of a type the hand file gives the same verb, and a pattern whose one object word is
    itself a trigger ('continue ... attacks', 'lodge ... protest': the attack and the protest are
    the events, found by their own word)."""
    hand = json.loads((DATA / "triggers.json").read_text(encoding="utf-8"))["triggers"]
    hand_types = {(t["lemma"], t["type"], t.get("pos")) for t in hand}
    triggers = {t["lemma"] for t in hand} | {e["lemma"] for e in entries if "with" not in e}
    return [e for e in entries if not hand_types & {(e["lemma"], e["type"], None), (e["lemma"], e["type"], "VERB")}
            and not (e.get("with_in_object") and len(e["with"]) == 1 and e["with"][0] in triggers)]


def main() -> None:
    entries = prune(build())
    # an entry that needs words comes before the same verb's bare entry
    entries.sort(key=lambda e: (e["lemma"], "with" not in e))
    out = {
        "_note": "Generated by scripts/build_triggers.py from PETRARCH2's CAMEO.2.0.txt verb dictionary "
                 "(openeventdata/petrarch2, MIT licence, Copyright (c) 2015 Open Event Data Alliance) and the "
                 "PLOVER project's CAMEO2PLOVER-2021.txt (openeventdata/PLOVER, CC BY-SA 4.0; this file "
                 "shares alike). Same entry format as triggers.json, which is read first; do not edit by hand.",
        "triggers": entries,
    }
    (DATA / "triggers_cameo.json").write_text(json.dumps(out, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    counts: dict[str, int] = {}
    for e in entries:
        counts[e["type"]] = counts.get(e["type"], 0) + 1
    print(len(entries), dict(sorted(counts.items())))


if __name__ == "__main__":
    main()
