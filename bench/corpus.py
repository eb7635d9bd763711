"""A synthetic corpus for scale tests: N distinct articles shaped like real wire stories.

Half the articles fill templates written after the bundled stories (a visit, talks, a phone call, a
signing, an aid pledge, a trade figure) with two countries from `entente/data/countries.json`,
office holders of those countries from `entente/data/leaders.tsv`, and random dates and numbers;
the other half are the bundled articles (`samples/*.txt`, `tests/data/articles/*.txt`) with a new
date, their years moved with it (a copy dated three years earlier tells of events three years
earlier, so copies are new events, not hundreds of reports of the same ones), their other numbers
changed and one templated paragraph about another pair of countries added.
The same seed gives the same corpus; no two articles share a text. Each file starts with the
` date YYYY-MM-DD ` header that entente reads.

Articles are dated as an archive grows: in file order, PER_DAY articles a day from 1 February 1980,
each moved up to JITTER_DAYS either way, so a larger corpus covers more years at the same density
(5,000 articles span about 11 years, 20,000 about 44) and its first N articles are the corpus of
N. `span_days` instead dates every article at random within that many days from 2015, the
same span whatever the size: the density of reports grows with the corpus.

    .venv/bin/python bench/corpus.py 5000 /tmp/corpus5k --seed 7
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "entente" / "data"
BUNDLED = [ROOT / "samples", ROOT / "tests" / "data" / "articles"]
HEADER = re.compile(r"^\s*date (\d{4})-\d{2}-\d{2}\s*")
NUMBER = re.compile(r"\b\d[\d,]*(?:\.\d+)?\b")
YEAR = re.compile(r"^(19|20)\d\d$")
AGENCIES = [("TASS", "{CITY}, {Month} {day}. /TASS/."), ("Reuters", "{CITY}, {Month} {day} (Reuters) -"),
            ("AFP", "{CITY} ({Month} {day}) (AFP) -"), ("Xinhua", "{CITY}, {Month} {day} (Xinhua) --"),
            ("dpa", "{City} (dpa) -"), ("Anadolu", "{CITY} (AA) -"), ("Antara", "{City} (ANTARA) -")]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SECTORS = ["trade and investment", "energy and infrastructure", "defence and security", "education and culture",
           "agriculture and food security", "health", "digital technology", "transport and logistics",
           "tourism", "climate and the environment", "nuclear energy", "science and technology"]
GOODS = ["wheat", "liquefied natural gas", "crude oil", "fertiliser", "steel", "rice", "coffee", "electronics"]

# Paragraphs after the bundled stories; {A} and {B} are two countries, {a} and {b} office holders
LEADS = [
    "{a_role} {a} arrived in {b_capital} on {weekday} for a {days}-day state visit to {B}, the first by "
    "a {a_dem} {a_role_lower} in {years} years, and was received by {b_role} {b}.",
    "{a_role} {a} and {b_role} {b} held talks in {a_capital} on {weekday} and agreed to deepen cooperation "
    "in {sector1} and {sector2}.",
    "{a_role} {a} held a telephone conversation with {b_role} {b} on {weekday}, the {a_dem} government "
    "said in a statement.",
    "{A} and {B} signed {deals} agreements on {sector1} on {weekday} during a visit to {b_capital} by "
    "{a_role} {a}.",
    "{A} will provide {B} with {money} in aid for {sector1}, {a_role} {a} announced on {weekday} after "
    "meeting {b_role} {b} in {a_capital}.",
]
BODIES = [
    "\"Our countries are reliable partners, and we intend to raise our relations to a new level,\" {a} "
    "told reporters after the meeting.",
    "Trade between {A} and {B} reached {money} last year, up {pct}% from the year before, according to "
    "{a_dem} figures. The two sides set a target of {money2} by {target_year}.",
    "{b} said {B} was ready to buy more {good} from {A} and invited {a_dem} companies to invest in "
    "{sector2}.",
    "The {b_dem} {b_role_lower} accepted an invitation to visit {A} next year, the statement said.",
    "The two leaders also discussed the situation in the region and agreed that their foreign ministers "
    "would meet in {month_name}.",
    "{A} is among {B}'s {rank} largest trading partners, with {count} {a_dem} companies active in the "
    "country.",
    "More than {students} {b_dem} students are studying in {A}, and the two sides agreed to open {deals} "
    "new cultural centres.",
]


@dataclass(frozen=True)
class Country:
    iso3: str
    name: str
    demonym: str
    capital: str
    leaders: tuple[tuple[str, str], ...]  # (name, role)


def countries() -> list[Country]:
    """Countries with a capital, a demonym and at least one office holder in leaders.tsv."""
    holders: dict[str, list[tuple[str, str]]] = {}
    with (DATA / "leaders.tsv").open(encoding="utf-8") as f:
        rows = csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")
        for row in rows:
            if row["country"] and row["role"] and "Spokes" not in row["role"]:
                holders.setdefault(row["country"], []).append((row["name"], row["role"]))
    out = []
    for c in json.loads((DATA / "countries.json").read_text(encoding="utf-8")):
        if c["iso3"] in holders and c.get("capital") and c.get("demonyms"):
            out.append(Country(c["iso3"], c["name"], c["demonyms"][0], c["capital"], tuple(holders[c["iso3"]])))
    return out


def _money(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return f"${rng.randint(1, 950) / 10:g} billion"
    return f"{rng.randint(10, 990)} million euros"


def _slots(rng: random.Random, a: Country, b: Country, day: date) -> dict[str, str]:
    a_name, a_role = rng.choice(a.leaders)
    b_name, b_role = rng.choice(b.leaders)
    s1, s2 = rng.sample(SECTORS, 2)
    return {
        "A": a.name, "B": b.name, "a": a_name, "b": b_name, "a_role": a_role, "b_role": b_role,
        "a_role_lower": a_role.lower(), "b_role_lower": b_role.lower(), "a_dem": a.demonym, "b_dem": b.demonym,
        "a_capital": a.capital, "b_capital": b.capital, "weekday": WEEKDAYS[day.weekday()],
        "days": str(rng.randint(2, 4)), "years": str(rng.randint(5, 30)), "sector1": s1, "sector2": s2,
        "deals": str(rng.randint(2, 18)), "money": _money(rng), "money2": _money(rng), "pct": str(rng.randint(2, 45)),
        "target_year": str(day.year + rng.randint(2, 8)), "good": rng.choice(GOODS),
        "month_name": date(2000, rng.randint(1, 12), 1).strftime("%B"), "rank": rng.choice(["three", "five", "ten"]),
        "count": str(rng.randint(20, 900)), "students": f"{rng.randint(1, 40) * 500:,}",
    }


def _templated(rng: random.Random, pool: list[Country], day: date) -> str:
    a, b = rng.sample(pool, 2)
    slots = _slots(rng, a, b, day)
    agency, dateline = rng.choice(AGENCIES)
    city = a.capital if rng.random() < 0.5 else b.capital
    head = dateline.format(CITY=city.upper(), City=city, Month=day.strftime("%B"), day=day.day)
    paragraphs = [f"{head} {rng.choice(LEADS).format(**slots)}"]
    paragraphs += [t.format(**slots) for t in rng.sample(BODIES, rng.randint(3, 5))]
    if rng.random() < 0.5:
        paragraphs.append(rng.choice(LEADS).format(**_slots(rng, a, b, day)))
    return "\n\n".join(paragraphs) + "\n"


def _renumbered(rng: random.Random, text: str, years: int = 0) -> str:
    """The text with its years moved by `years` and each other number replaced by one of the
    same shape."""

    def swap(m: re.Match[str]) -> str:
        s = m.group(0)
        if YEAR.match(s):
            return str(int(s) + years)
        return re.sub(r"\d", lambda d: str(rng.randint(1 if d.start() == 0 else 0, 9)), s)

    return NUMBER.sub(swap, text)


def _dated(text: str) -> tuple[str, int | None]:
    """A bundled article without its date header, and the year the header gives."""
    header = HEADER.match(text)
    return (text[header.end():], int(header.group(1))) if header else (text, None)


START = date(1980, 2, 1)
PER_DAY = 1.25
JITTER_DAYS = 30


def generate(n: int, seed: int = 7, span_days: int | None = None) -> Iterator[tuple[str, str]]:
    """(file name, text) of `n` distinct articles, the same for the same seed."""
    rng = random.Random(seed)
    pool = countries()
    bundled = [_dated(p.read_text(encoding="utf-8")) for folder in BUNDLED for p in sorted(folder.glob("*.txt"))]
    seen: set[str] = set()
    while len(seen) < n:
        if span_days:
            day = date(2015, 1, 1) + timedelta(days=rng.randrange(span_days))
        else:
            day = START + timedelta(days=int(len(seen) / PER_DAY) + rng.randint(-JITTER_DAYS, JITTER_DAYS))
        if len(seen) % 2:
            body = _templated(rng, pool, day)
        else:
            text, year = bundled[(len(seen) // 2) % len(bundled)]
            base = _renumbered(rng, text, day.year - year if year else 0).rstrip("\n")
            body = f"{base}\n\n{rng.choice(LEADS).format(**_slots(rng, *rng.sample(pool, 2), day))}\n"
        if body in seen:
            continue
        seen.add(body)
        yield f"syn{len(seen):07d}.txt", f" date {day.isoformat()} {body}"


def write_corpus(n: int, out: Path, seed: int = 7, span_days: int | None = None) -> int:
    """Write `n` articles to `out` (created if needed); returns how many words they hold."""
    out.mkdir(parents=True, exist_ok=True)
    words = 0
    for name, text in generate(n, seed, span_days):
        (out / name).write_text(text, encoding="utf-8")
        words += len(text.split())
    return words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", type=int, help="how many articles")
    parser.add_argument("out", type=Path, help="folder to write them to")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--span-days", type=int, help="date articles at random within this many days from 2015 "
                        "(the density grows with the corpus) instead of as a growing archive")
    args = parser.parse_args()
    words = write_corpus(args.n, args.out, args.seed, args.span_days)
    print(f"{args.n:,} articles, {words:,} words → {args.out}")


if __name__ == "__main__":
    main()
