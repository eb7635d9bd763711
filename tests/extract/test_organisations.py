"""Organisations: gazetteer names and acronyms, spaCy's ORG spans filtered and named, national
bodies with their country, and what must never become an organisation."""

from __future__ import annotations

import pytest

from entente.extract.organisations import known_mentions
from entente.fold import key
from entente.jobs import extract_paths
from entente.records import ArticleRecord, Entity

from ..conftest import DATA, record_of

ORGS = DATA / "orgs"


@pytest.mark.parametrize("text,expected", [
    ("Leaders met at the ASEAN-led forum in Vientiane.", ["Association of Southeast Asian Nations"]),
    ("The U.N. Security Council met on Friday.", ["United Nations Security Council"]),
    ("Ministers prepared the Shanghai Cooperation Organization summit.", ["Shanghai Cooperation Organisation"]),
    ("Russia's ASEAN and EU partners", ["Association of Southeast Asian Nations", "European Union"]),
    ("The minister who signed it left.", []),
    ("WHO ARE THE WINNERS OF THE TRADE WAR", []),
    ("Officials from the World Health Organization and the WHO office in Hanoi", ["World Health Organization"] * 2),
    ("He reunited the party and won the election.", []),
])
def test_gazetteer_names_and_acronyms_are_found_as_written(text, expected):  # type: ignore[no-untyped-def]
    assert [org.name for _s, _e, org in known_mentions(text)] == expected


@pytest.fixture(scope="module")
def records(nlp) -> dict[str, ArticleRecord]:  # type: ignore[no-untyped-def]
    return {r.doc_id: r for r in extract_paths([str(ORGS)])}


def _orgs(record: ArticleRecord) -> dict[str, Entity]:
    return {e.name: e for e in record.entities if e.type == "ORG"}


pytestmark = pytest.mark.slow


def test_full_name_and_acronym_are_one_organisation_with_every_mention(records):  # type: ignore[no-untyped-def]
    asean = _orgs(records["kor_idn_yonhap_01"])["Association of Southeast Asian Nations"]
    assert {"ASEAN", "Association of Southeast Asian Nations"} <= set(asean.aliases)
    assert asean.country is None and len(asean.mentions) == 2
    text = (ORGS / "kor_idn_yonhap_01.txt").read_text(encoding="utf-8").removeprefix(" date 2024-09-03 ")
    assert {text[s:e] for s, e in asean.mentions} == {"Association of Southeast Asian Nations", "ASEAN"}
    # only the acronym in the other article: the same canonical name
    assert "Association of Southeast Asian Nations" in _orgs(records["idn_kor_antara_01"])


@pytest.mark.parametrize("doc_id,name,country,alias", [
    ("kor_idn_yonhap_01", "Ministry of Foreign Affairs of South Korea", "KOR", "Ministry of Foreign Affairs"),
    ("kor_idn_yonhap_01", "Ministry of Foreign Affairs of Indonesia", "IDN", "Indonesian Foreign Ministry"),
    ("idn_kor_antara_01", "Ministry of Foreign Affairs of Indonesia", "IDN", "Ministry of Foreign Affairs"),
    ("idn_kor_antara_01", "Ministry of Foreign Affairs of South Korea", "KOR", "Korean Foreign Ministry"),
    ("idn_kor_antara_01", "Pertamina", "IDN", "Pertamina"),
    ("idn_kor_antara_01", "Korea International Cooperation Agency", "KOR", "KOICA"),
    ("kor_idn_yonhap_01", "Korea International Trade Association", "KOR", "Korea International Trade Association"),
    ("kor_idn_yonhap_01", "Hyundai Motor Group", "KOR", "Hyundai Motor Group"),
])
def test_a_national_body_gets_its_country_and_one_name(records, doc_id, name, country, alias):  # type: ignore[no-untyped-def]
    org = _orgs(records[doc_id])[name]
    assert org.country == country and alias in org.aliases


def test_an_acronym_defined_in_the_text_is_an_alias_with_its_mentions(records):  # type: ignore[no-untyped-def]
    koica = _orgs(records["idn_kor_antara_01"])["Korea International Cooperation Agency"]
    assert len(koica.mentions) == 2


@pytest.mark.parametrize("doc_id,outlet", [("kor_idn_yonhap_01", "Yonhap"), ("idn_kor_antara_01", "ANTARA")])
def test_no_outlet_fragment_person_or_country_is_an_organisation(records, doc_id, outlet):  # type: ignore[no-untyped-def]
    record = records[doc_id]
    spellings = {key(a) for org in _orgs(record).values() for a in (org.name, *org.aliases)}
    people = {key(a) for e in record.entities if e.type == "PERSON" for a in (e.name, *e.aliases)}
    assert key(outlet) not in spellings and "end" not in spellings
    assert not spellings & people
    assert not spellings & {"ministry", "the ministry", "joint commission", "indonesia", "south korea", "korea"}


def test_teaser_blocks_name_no_organisation(records):  # type: ignore[no-untyped-def]
    names = set(_orgs(records["kor_idn_yonhap_01"]))
    assert "International Monetary Fund" not in names and not any("Bank of Korea" in n for n in names)


def test_organisations_that_only_speak_or_are_named_are_no_event_actors(records):  # type: ignore[no-untyped-def]
    # "..., South Korea's Ministry of Foreign Affairs said": the ministry reports the talks
    record = records["kor_idn_yonhap_01"]
    orgs = set(_orgs(record))
    assert orgs and record.events and all(not orgs & {*ev.actors, *ev.targets} for ev in record.events)


@pytest.mark.parametrize("text,actors,not_actors", [
    ("The Russian Foreign Ministry summoned British Ambassador Nigel Casey on Monday over the remarks.",
     ["Ministry of Foreign Affairs of Russia"], []),
    ("The memorandum was signed by Gazprom and Petronas in the presence of Prime Minister Anwar Ibrahim.",
     ["Gazprom", "Petronas"], []),
    ("Officials from ASEAN met Malaysian Prime Minister Anwar Ibrahim in Kuala Lumpur on Monday.",
     [], ["Association of Southeast Asian Nations"]),
])
def test_an_organisation_as_grammatical_actor_joins_the_event(nlp, text, actors, not_actors):  # type: ignore[no-untyped-def]
    [event] = record_of(text, nlp).events
    assert set(actors) <= set(event.actors) and not set(not_actors) & {*event.actors, *event.targets}
