from __future__ import annotations

import pytest
from sqlalchemy import select

from entente.errors import NotFound, StoreError
from entente.store import models as m

from .conftest import save_all

pytestmark = pytest.mark.slow

SAMPLE_IDS = ["000_25cf438f34d7ad8b", "001_d3def13e952facb4", "002_a03111350bd76b81", "003_050b114383b8fb0f",
              "004_a1e38b114b3a6a7b"]
ACTOR_IDS = ["kor_kim_hongkyun_01", "kor_kim_taehyo_01", "ind_singh_rajnath_01", "ind_singh_kirti_01",
             "idn_prabowo_2023_01", "idn_aus_antara_01", "rus_vnm_kolokoltsov_01"]
OUTLET_IDS = ["mys_tha_bernama_00", "mys_tha_bernama_01", "mys_tha_bangkokpost_01", "mys_tha_reuters_01"]


def snapshot(store):  # type: ignore[no-untyped-def]
    """Actors and event groups in a form that does not depend on row ids."""
    with store.session() as s:
        actors = sorted((e.name, e.country, tuple(sorted(a.alias for a in e.aliases))) for e in s.scalars(select(m.Entity)))
        rows = s.execute(select(m.Event.group_id, m.Article.doc_id, m.EvidenceSpan.start)
                         .join(m.Article, m.Event.article_id == m.Article.id).join(m.EvidenceSpan)).all()
        groups: dict[int | None, set[tuple[str, int]]] = {}
        for gid, doc_id, start in rows:
            groups.setdefault(gid, set()).add((doc_id, start))
        assert None not in groups, "every event belongs to a group"
        return actors, sorted(sorted(g) for g in groups.values())


def test_any_order_once_or_twice_gives_the_same_actors_and_events(store, corpus):  # type: ignore[no-untyped-def]
    doc_ids = sorted(corpus)
    save_all(store, corpus, doc_ids)
    first = snapshot(store)
    assert set(save_all(store, corpus, doc_ids)) == {"unchanged"}
    assert snapshot(store) == first
    for d in doc_ids:
        store.delete(d)
    assert store.counts() == {"articles": 0, "actors": 0, "events": 0, "facts": 0}
    save_all(store, corpus, list(reversed(doc_ids)))
    assert snapshot(store) == first


def test_putin_of_the_five_samples_is_one_actor_with_every_alias(store, corpus):  # type: ignore[no-untyped-def]
    save_all(store, corpus, SAMPLE_IDS)
    putin = store.actor("Putin")
    assert putin.name == "Vladimir Putin" and putin.country == "RUS"
    assert set(putin.aliases) == {"Putin", "Vladimir Putin", "Vladimir Vladimirovich Putin"}
    assert {doc for _, _, doc in putin.roles} == {"000_25cf438f34d7ad8b", "001_d3def13e952facb4",
                                                  "002_a03111350bd76b81", "003_050b114383b8fb0f"}
    assert store.actor("Nguyễn Phú Trọng").id == store.actor("Trong").id
    assert store.actor("Kolokoltsev Vladimir Alexandrovich").name == "Vladimir Kolokoltsev"


@pytest.mark.parametrize("pair", [("Kim Hong-kyun", "Kim Tae-hyo"), ("Rajnath Singh", "Kirti Vardhan Singh")])
def test_people_sharing_a_surname_stay_apart(store, corpus, pair):  # type: ignore[no-untyped-def]
    save_all(store, corpus, ACTOR_IDS)
    a, b = (store.actor(n) for n in pair)
    assert a.id != b.id
    surname = pair[0].split()[0] if pair[0].startswith("Kim") else "Singh"
    with pytest.raises(StoreError, match="names 2 actors"):
        store.actor(surname)


def test_roles_over_time_are_dated_by_their_articles(store, corpus):  # type: ignore[no-untyped-def]
    save_all(store, corpus, ["idn_aus_antara_01", "idn_prabowo_2023_01"])
    prabowo = store.actor("Prabowo Subianto")
    assert [(role, date) for role, date, _ in prabowo.roles] == [("Defence Minister", "2023-02-10"),
                                                                 ("President", "2025-05-15")]
    assert len(prabowo.events) >= 2


def test_actors_list_counts_aliases_and_events_and_filters_by_country(store, corpus):  # type: ignore[no-untyped-def]
    save_all(store, corpus, SAMPLE_IDS)
    rows = store.actors(country="RUS")
    assert rows and all(r.country == "RUS" for r in rows)
    putin = next(r for r in rows if r.name == "Vladimir Putin")
    assert putin.aliases == 3 and putin.articles == 4 and putin.events >= 4


def test_countries_are_actors_with_the_events_they_take_part_in(store, corpus):  # type: ignore[no-untyped-def]
    save_all(store, corpus, SAMPLE_IDS)
    rows = store.actors(kind="country")
    assert rows and all(r.kind == "COUNTRY" and r.id is None for r in rows)
    assert [r.events for r in rows] == sorted((r.events for r in rows), reverse=True)
    russia = next(r for r in rows if r.country == "RUS")
    with store.session() as s:
        taking_part = set(s.scalars(select(m.EventCountry.event_id).where(m.EventCountry.country == "RUS")))
    assert russia.name == "Russia" and russia.events == len(taking_part) > 0
    for name in ("RUS", "Russia", "Russian"):
        assert store.country(name).events == sorted(taking_part)
    assert store.actors(kind="country", country="VNM")[0].name == "Vietnam"
    assert all(r.kind == "PERSON" for r in store.actors(kind="person"))
    with pytest.raises(NotFound):
        store.country("Atlantis")


def test_a_user_merge_survives_reingest(store, corpus):  # type: ignore[no-untyped-def]
    save_all(store, corpus, ["004_a1e38b114b3a6a7b", "rus_vnm_kolokoltsov_01"])
    assert store.actor("Vladimir Kolokoltsev").id != store.actor("Vladimir Kolokoltsov").id
    store.merge_actors("Vladimir Kolokoltsev", "Vladimir Kolokoltsov")
    merged = store.actor("Vladimir Kolokoltsov")
    assert merged.id == store.actor("Kolokoltsev Vladimir Alexandrovich").id
    assert {"Vladimir Kolokoltsev", "Vladimir Kolokoltsov"} <= set(merged.aliases)
    for doc_id in ("rus_vnm_kolokoltsov_01", "004_a1e38b114b3a6a7b"):
        store.delete(doc_id)
        save_all(store, corpus, [doc_id])
        assert store.actor("Vladimir Kolokoltsov").id == store.actor("Vladimir Kolokoltsev").id


def test_a_user_split_survives_reingest(store, corpus):  # type: ignore[no-untyped-def]
    save_all(store, corpus, SAMPLE_IDS)
    store.split_actor("Vladimir Putin", "Vladimir Vladimirovich Putin")
    long = store.actor("Vladimir Vladimirovich Putin")
    assert long.id != store.actor("Vladimir Putin").id
    assert "Vladimir Vladimirovich Putin" not in store.actor("Vladimir Putin").aliases
    store.delete("003_050b114383b8fb0f")
    save_all(store, corpus, ["003_050b114383b8fb0f"])
    assert store.actor("Vladimir Vladimirovich Putin").id != store.actor("Vladimir Putin").id
    assert "Vladimir Vladimirovich Putin" not in store.actor("Vladimir Putin").aliases


def test_corrections_name_an_actor_that_exists(store, corpus):  # type: ignore[no-untyped-def]
    save_all(store, corpus, SAMPLE_IDS)
    with pytest.raises(NotFound):
        store.merge_actors("Vladimir Putin", "Nobody Known")
    with pytest.raises(StoreError, match="not a split-off alias"):
        store.split_actor("Vladimir Putin", "Medvedev")
