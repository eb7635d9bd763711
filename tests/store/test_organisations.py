"""Organisations as actors across articles: one actor per organisation whatever name or acronym an
article uses, national bodies of different countries kept apart, never merged with a person."""

from __future__ import annotations

import pytest

from ..conftest import DATA

pytestmark = pytest.mark.slow
DOC_IDS = ["kor_idn_yonhap_01", "idn_kor_antara_01"]


@pytest.fixture(scope="module")
def org_corpus(nlp):  # type: ignore[no-untyped-def]
    from entente.config import get_settings
    from entente.extract.pipeline import extract
    from entente.jobs import Summary, cleaned

    return {a.doc_id: (a, extract(a, nlp)) for a in cleaned([str(DATA / "orgs")], Summary(), get_settings())}


@pytest.mark.parametrize("order", [DOC_IDS, DOC_IDS[::-1]])
def test_the_acronym_and_the_full_name_are_one_actor_across_articles(store, org_corpus, order):  # type: ignore[no-untyped-def]
    for doc_id in order:
        store.save(*org_corpus[doc_id])
    asean = store.actor("ASEAN")
    assert asean.kind == "ORG" and asean.name == "Association of Southeast Asian Nations" and asean.country is None
    assert "ASEAN" in asean.aliases and asean.articles == sorted(DOC_IDS)
    assert store.actor("Association of Southeast Asian Nations").id == asean.id


def test_a_ministry_is_one_actor_per_country(store, org_corpus):  # type: ignore[no-untyped-def]
    for doc_id in DOC_IDS:
        store.save(*org_corpus[doc_id])
    indonesia = store.actor("Ministry of Foreign Affairs of Indonesia")
    korea = store.actor("Ministry of Foreign Affairs of South Korea")
    assert (indonesia.country, korea.country) == ("IDN", "KOR") and indonesia.id != korea.id
    assert indonesia.articles == korea.articles == sorted(DOC_IDS)
    assert "Indonesian Foreign Ministry" in indonesia.aliases and "Korean Foreign Ministry" in korea.aliases


def test_organisations_are_listed_by_kind_and_never_merged_with_people(store, org_corpus):  # type: ignore[no-untyped-def]
    for doc_id in DOC_IDS:
        store.save(*org_corpus[doc_id])
    orgs = store.actors(kind="org")
    people = store.actors(kind="person")
    assert orgs and {r.kind for r in orgs} == {"ORG"} and {r.kind for r in people} == {"PERSON"}
    assert len({r.name for r in orgs}) == len(orgs)  # one row per organisation
    assert "Retno Marsudi" in {r.name for r in people} and "Retno Marsudi" not in {r.name for r in orgs}
    assert store.actor("Retno Marsudi").kind == "PERSON"


def test_an_organisations_profile_lists_the_events_naming_it(store, org_corpus):  # type: ignore[no-untyped-def]
    for doc_id in DOC_IDS:
        store.save(*org_corpus[doc_id])
    ministry = store.actor("Ministry of Foreign Affairs of South Korea")
    assert ministry.events
    for row in store.events(event_ids=ministry.events, limit=len(ministry.events)):
        assert any(a in row.evidence for a in ministry.aliases)
