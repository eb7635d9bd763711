"""Generate entente/data/office_holders.tsv and entente/data/common_words.txt.

Sources:
- the PETRARCH2 Phoenix country and international actor dictionaries (MIT, copied unchanged in
  ../shared/reference/petrarch2): named office holders with their country codes and dates, about
  1950-2014. Written out as office_holders.tsv, a second list after the hand-kept leaders.tsv;
  each of leaders.tsv's people whom Phoenix gives another country is reported on stderr.
- wordfreq (its English word list; data CC BY-SA 4.0, code Apache-2.0): the most frequent English words, less every word
  of a person's name in Phoenix or leaders.tsv. Written out as common_words.txt: a capitalised
  word from it ("Integration", "Must", "Corps") is never a whole person's name.

Run with `make lexicons` (installs the `lexicons` extra first).
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

from wordfreq import top_n_list

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "entente" / "data"
REFERENCE = ROOT.parent / "shared" / "reference" / "petrarch2"
ACTOR_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt")
COMMON_WORDS = 25_000
CODE = re.compile(r"\[([A-Z]{3})([A-Z]*)\s*([<>]?(?:\d{8}|\d{6}))?(?:-(\d{8}|\d{6}))?\]")
# words that open an alias spelled with its title ("PRESIDENT_VLADIMIR_PUTIN_"): not a name's spelling
TITLE_WORDS = {"PRESIDENT", "PRIME", "MINISTER", "KING", "QUEEN", "GENERAL", "COLONEL", "CHAIRMAN", "SECRETARY",
               "FOREIGN", "DEFENSE", "DEFENCE", "LEADER", "SHEIKH", "SHAIKH", "EMIR", "AMIR", "PRINCE", "SULTAN",
               "RUSSIAN", "AMERICAN", "BRITISH", "FRENCH", "CHINESE", "MR", "MRS", "DR", "SENATOR", "GOVERNOR",
               "AMBASSADOR", "SPEAKER", "COL", "GEN", "AYATOLLAH", "POPE", "FORMER", "VICE", "DEPUTY", "CROWN"}


def year(yymmdd: str | None) -> str:
    if not yymmdd:
        return ""
    if len(yymmdd.lstrip("<>")) == 8:
        return yymmdd.lstrip("<>")[:4]
    yy = int(yymmdd.lstrip("<>")[:2])
    return str(1900 + yy if yy > 30 else 2000 + yy)


def name_of(token: str) -> str:
    """'MUAMMAR_AL_QADDAFI_' -> 'Muammar Al Qaddafi' (case is lost in the source; matching folds it)."""
    words = [w for w in token.strip().strip("+").split("_") if w]
    return " ".join(w.capitalize() if not re.fullmatch(r"[A-Z]\.", w) else w for w in words)


def office_holders() -> list[dict[str, str]]:
    """Every person of the actor files that has a dated code: name, aliases, country, role, years."""
    people: list[dict[str, str]] = []
    current: dict | None = None

    def close() -> None:
        if current and current["codes"]:
            countries = {c for c, _, _, _ in current["codes"]}
            dated = [c for c in current["codes"] if c[2] or c[3]]
            if len(countries) == 1 and dated:
                country = countries.pop()
                role = next((r for _, r, _, _ in dated if r), "")
                people.append({"name": current["name"], "aliases": "|".join(current["aliases"]),
                               "country": country, "role": role,
                               "from": min((year(f) for _, _, f, _ in dated if f), default=""),
                               "to": max((year(t) for _, _, _, t in dated if t), default="")})

    for fname in ACTOR_FILES:
        for line in (REFERENCE / fname).read_text(encoding="utf-8", errors="replace").splitlines():
            body = line.split("#", 1)[0]
            if not body.strip():
                continue
            if body[0] not in " \t+":
                close()
                token = body.split("[", 1)[0]
                current = {"name": name_of(token), "aliases": [], "codes": []}
            elif body.startswith("+") and current is not None:
                token = body.split("[", 1)[0]
                words = [w for w in token.strip("+ \t").split("_") if w]
                if len(words) >= 2 and words[0] not in TITLE_WORDS:
                    current["aliases"].append(name_of(token))
            if current is not None:
                for m in CODE.finditer(body):
                    start = m.group(3) if m.group(3) and not m.group(3).startswith("<") else None
                    end = m.group(4) or (m.group(3) if m.group(3) and m.group(3).startswith("<") else None)
                    current["codes"].append((m.group(1), m.group(2), start and start.lstrip(">"), end and end.lstrip("<")))
    close()
    # international organisations' staff carry IGO codes, not a country
    return [p for p in people if p["country"] != "IGO" and len(p["name"].split()) >= 2]


def leaders() -> list[dict[str, str]]:
    lines = [ln for ln in (DATA / "leaders.tsv").read_text(encoding="utf-8").splitlines()
             if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def fold(name: str) -> str:
    return " ".join(re.sub(r"[^a-z ]", " ", name.lower()).split())


def main() -> None:
    holders = office_holders()
    by_name: dict[str, set[str]] = {}
    for p in holders:
        for n in [p["name"], *filter(None, p["aliases"].split("|"))]:
            by_name.setdefault(fold(n), set()).add(p["country"])
    hand = leaders()
    for row in hand:
        theirs = by_name.get(fold(row["name"]))
        if theirs and row["country"] not in theirs:
            print(f"leaders.tsv: {row['name']} is {row['country']}, Phoenix says {'/'.join(sorted(theirs))}",
                  file=sys.stderr)
    with (DATA / "office_holders.tsv").open("w", encoding="utf-8") as fh:
        fh.write("# Generated by scripts/build_name_lexicons.py from the PETRARCH2 Phoenix actor dictionaries\n"
                 "# (openeventdata/petrarch2, MIT): office holders with country code, role code and years, to\n"
                 "# about 2014. Used after leaders.tsv, and only for a country the article itself names.\n")
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["name", "aliases", "country", "role", "from", "to"])
        for p in sorted(holders, key=lambda p: (p["country"], p["name"])):
            w.writerow([p["name"], p["aliases"], p["country"], p["role"], p["from"], p["to"]])
    name_words = {w for p in holders for n in [p["name"], *p["aliases"].split("|")] for w in fold(n).split()}
    name_words |= {w for row in hand for n in [row["name"], *row["aliases"].split("|")] for w in fold(n).split()}
    common = [w for w in top_n_list("en", COMMON_WORDS)
              if w.isascii() and w.isalpha() and len(w) >= 3 and w not in name_words]
    (DATA / "common_words.txt").write_text(
        "# Generated by scripts/build_name_lexicons.py: the most frequent English words (wordfreq; data CC BY-SA 4.0),\n"
        "# less every word of an office holder's name (Phoenix, leaders.tsv). One folded word a line; a name\n"
        "# made of these words, titles and places only is not a person's.\n" + "\n".join(sorted(common)) + "\n",
        encoding="utf-8")
    print(f"{len(holders)} office holders, {len(common)} common words")


if __name__ == "__main__":
    main()
