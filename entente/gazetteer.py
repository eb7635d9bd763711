"""Gazetteers loaded from entente/data: countries, demonyms, cities, agencies and titles.

Every stage may read these; they hold knowledge, not logic. Loaded once per process.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources

from entente.fold import key


@dataclass(frozen=True)
class Country:
    iso3: str
    name: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str | None


@dataclass(frozen=True)
class City:
    name: str
    country: str
    population: int


@dataclass
class Gazetteer:
    countries: dict[str, Country]
    cities: dict[str, City]
    agencies: dict[str, str]
    agency_countries: dict[str, str] = field(default_factory=dict)
    titles: dict = field(default_factory=dict)
    leaders: dict[str, set[str]] = field(default_factory=dict)
    leader_surnames: dict[str, set[tuple[str, str]]] = field(default_factory=dict)
    office_holders: dict[str, set[str]] = field(default_factory=dict)
    name_words: dict[str, Counter[str]] = field(default_factory=dict)

    def leader_by_surname(self, surname: str, roles: list[str] | None) -> str | None:
        """'President Putin': the country of the one office holder with that surname and title
        (any title when `roles` is None)."""
        fits = {c for c, role in self.leader_surnames.get(key(surname), set())
                if roles is None or any(key(role) == key(r) or key(r).startswith(key(role)) for r in roles)}
        fits = {c for c in fits if c in self.countries}
        return fits.pop() if len(fits) == 1 else None

    def leader_country(self, names: list[str]) -> str | None:
        """The country of a well-known office holder, when exactly one fits any of `names`."""
        found: set[str] = set()
        for n in names:
            found |= self.leaders.get(name_key(n), set())
        found = {c for c in found if len(c) == 3 and c.isupper() and c in self.countries}
        return found.pop() if len(found) == 1 else None

    def office_holder_country(self, names: list[str], among: set[str]) -> str | None:
        """The country of a past office holder (PETRARCH2's Phoenix lists) with one of `names`,
        when exactly one fits and it is one of `among`, the countries the article names: a name
        alone, met in another story, is no proof."""
        found: set[str] = set()
        for n in names:
            found |= self.office_holders.get(name_key(n), set())
        found &= among
        return found.pop() if len(found) == 1 else None

    def country_of_name_words(self, words: list[str], among: set[str]) -> str | None:
        """The country a name's family or given name points to: of the office holders bearing it
        (first or last word of their name), at least half hold one country, and it is one of
        `among`, the countries the article names ('Hossain' in a Bangladesh-India story)."""
        for w in words:
            counts = self.name_words.get(key(w))
            if not counts:
                continue
            best, n = counts.most_common(1)[0]
            if best in among and n * 2 >= sum(counts.values()):
                return best
        return None

    @cached_property
    def country_by_name(self) -> dict[str, str]:
        """Folded country name or alias -> ISO3 (names that are also demonyms keep the country)."""
        index: dict[str, str] = {}
        for c in self.countries.values():
            for n in c.names:
                index.setdefault(key(n), c.iso3)
            index[key(c.name)] = c.iso3
        return index

    @cached_property
    def country_by_demonym(self) -> dict[str, str]:
        index: dict[str, str] = {}
        for c in self.countries.values():
            for d in c.demonyms:
                index.setdefault(key(d), c.iso3)
        return index

    def country_of(self, text: str) -> str | None:
        """ISO3 for a country name, alias or demonym ('Việt Nam', 'Russian', 'Türkiye')."""
        k = key(re.sub(r"^the\s+", "", text.strip(), flags=re.I))
        return self.country_by_name.get(k) or self.country_by_demonym.get(k)

    def country_of_place(self, text: str) -> str | None:
        """ISO3 of the country a place name is, or lies in: 'Vietnam', 'Hanoi', 'the Philippines'."""
        k = key(re.sub(r"^the\s+", "", text.strip(), flags=re.I))
        if k in self.country_by_name:
            return self.country_by_name[k]
        city = self.cities.get(k)
        return city.country if city is not None and city.country in self.countries else None

    def city(self, text: str) -> City | None:
        return self.cities.get(key(text))

    def agency(self, text: str) -> str | None:
        return self.agencies.get(key(text))

    def home_of(self, source: str | None) -> str | None:
        """The country of a news agency or outlet ('PAP' -> POL), from any of its parts ('VNA/VNS')."""
        for part in (source or "").split("/"):
            name = self.agency(part)
            if name and name in self.agency_countries:
                return self.agency_countries[name]
        return None

    @cached_property
    def place_words(self) -> frozenset[str]:
        """Folded names of every country, demonym and city: never a person's name."""
        return frozenset(self.country_by_name) | frozenset(self.country_by_demonym) | frozenset(self.cities)


@lru_cache(maxsize=1)
def _variants() -> dict[str, str]:
    return {v: first for first, vs in json.loads(_data("name_variants.json")).items() if not first.startswith("_")
            for v in vs}


def name_key(name: str) -> str:
    """A person's name as the office-holder lists are indexed: folded, with one spelling for the
    given names that are romanised several ways ('Mohammed', 'Mohamed' -> 'muhammad')."""
    variants = _variants()
    return " ".join(variants.get(w, w) for w in key(name).split())


def _data(name: str) -> str:
    return resources.files("entente.data").joinpath(name).read_text(encoding="utf-8")


def _rows(name: str) -> list[dict[str, str]]:
    lines = [ln for ln in _data(name).splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The gazetteer, read from the package's data files once per process."""
    countries = {}
    for row in json.loads(_data("countries.json")):
        countries[row["iso3"]] = Country(row["iso3"], row["name"], tuple(row["names"]),
                                         tuple(row["demonyms"]), row.get("capital"))
    cities: dict[str, City] = {}
    for row in _rows("cities.tsv"):
        city = City(row["name"], row["country"], int(row["population"]))
        for alias in [row["name"], *filter(None, row["aliases"].split("|"))]:
            # the most populous city keeps an ambiguous name: rows are sorted by population
            cities.setdefault(key(alias), city)
    agencies: dict[str, str] = {}
    agency_countries: dict[str, str] = {}
    for row in _rows("agencies.tsv"):
        for alias in [row["name"], *filter(None, (row.get("aliases") or "").split("|"))]:
            agencies[key(alias)] = row["name"]
        if row.get("country"):
            agency_countries[row["name"]] = row["country"]
    titles = json.loads(_data("titles.json"))
    leaders: dict[str, set[str]] = {}
    surnames: dict[str, set[tuple[str, str]]] = {}
    for row in _rows("leaders.tsv"):
        # single words only as the listed name itself (mononyms such as "Sugiono"), never as aliases
        for alias in [row["name"], *filter(None, (row.get("aliases") or "").split("|"))]:
            if len(alias.split()) >= 2 or alias == row["name"]:
                leaders.setdefault(name_key(alias), set()).add(row["country"])
        surnames.setdefault(key(row["name"].split()[-1]), set()).add((row["country"], row["role"]))
    holders: dict[str, set[str]] = {}
    name_words: dict[str, Counter[str]] = {}
    for row in _rows("office_holders.tsv"):
        for alias in [row["name"], *filter(None, (row.get("aliases") or "").split("|"))]:
            holders.setdefault(name_key(alias), set()).add(row["country"])
        words = key(row["name"]).split()
        for w in {words[0], words[-1]}:
            name_words.setdefault(w, Counter())[row["country"]] += 1
    return Gazetteer(countries=countries, cities=cities, agencies=agencies, titles=titles, leaders=leaders,
                     leader_surnames=surnames, agency_countries=agency_countries, office_holders=holders,
                     name_words=name_words)
