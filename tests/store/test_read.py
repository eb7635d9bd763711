"""The events list behind `entente events`, the API and exports: the same events in the same order
whichever index path a filter takes, totals counted up to a limit, and the country pairs of
migration 0006 kept in step with the events."""

from __future__ import annotations

from itertools import combinations

import pytest
from alembic import command
from sqlalchemy import select, text

from entente.store import models as m
from entente.store import read
from entente.store.migrate import alembic_config
from entente.store.read import EventFilter, list_events

from .conftest import save_all

pytestmark = pytest.mark.slow

ARTICLES = ["000_25cf438f34d7ad8b", "001_d3def13e952facb4", "002_a03111350bd76b81", "003_050b114383b8fb0f",
            "004_a1e38b114b3a6a7b", "rus_geo_tass_01", "kor_usa_yonhap_01", "chn_phl_xinhua_01"]


def newest_first(store, countries):  # type: ignore[no-untyped-def]
    """Ids of the events all `countries` take part in, ordered in Python the way `entente events` promises."""
    with store.session() as s:
        rows = [(e.id, e.date, {c.country for c in e.countries}) for e in s.scalars(select(m.Event))]
    chosen = [(i, d) for i, d, cs in rows if set(countries) <= cs]
    dated = sorted((x for x in chosen if x[1] is not None), key=lambda x: (_desc(x[1]), x[0]))
    return [i for i, _ in dated] + sorted(i for i, d in chosen if d is None)


def _desc(date: str) -> tuple[int, ...]:
    return tuple(-ord(ch) for ch in date) + (1,)


def pairs_in(store):  # type: ignore[no-untyped-def]
    with store.session() as s:
        return sorted(tuple(r) for r in s.execute(select(m.EventPair.event_id, m.EventPair.a, m.EventPair.b, m.EventPair.date,
                                                         m.EventPair.type, m.EventPair.status)))


def pairs_of_countries(store):  # type: ignore[no-untyped-def]
    with store.session() as s:
        events = s.scalars(select(m.Event)).all()
        return sorted((e.id, a, b, e.date, e.type, e.status) for e in events
                      for a, b in combinations(sorted(c.country for c in e.countries), 2))


@pytest.mark.parametrize("many", [False, True])
@pytest.mark.parametrize("countries", [("RUS", "VNM"), ("VNM", "RUS"), ("RUS",), ("KOR", "USA"), ("RUS", "VNM", "CHN")])
def test_country_pages_keep_the_newest_first_order(store, corpus, monkeypatch, countries, many):  # type: ignore[no-untyped-def]
    save_all(store, corpus, ARTICLES)
    if many:
        monkeypatch.setattr(read, "FEW_EVENTS", 0)  # as if each country took part in many events
    expected = newest_first(store, countries)
    assert expected or countries == ("RUS", "VNM", "CHN")
    f = EventFilter(countries=countries)
    paged = [e.id for offset in range(0, len(expected) + 3, 3) for e in list_events(store, f, limit=3, offset=offset).items]
    assert paged == expected
    assert list_events(store, f).total == len(expected)


def test_total_is_counted_up_to_the_limit(store, corpus, monkeypatch):  # type: ignore[no-untyped-def]
    save_all(store, corpus, ARTICLES)
    every = list_events(store, limit=500)
    assert every.exact and every.total == store.counts()["events"] > 3 and every.shown_total == f"{every.total:,}"
    monkeypatch.setattr(read, "COUNT_LIMIT", 3)
    capped = list_events(store, limit=2)
    assert (capped.total, capped.exact, capped.shown_total) == (3, False, "3+")
    assert [e.id for e in capped.items] == [e.id for e in every.items[:2]]
    few = list_events(store, EventFilter(countries=("KOR", "USA")))
    assert few.exact == (len(few.items) <= 3) and few.total == min(3, len(few.items))


@pytest.mark.parametrize("f", [EventFilter(actor="Putin"), EventFilter(sector="economy"),
                               EventFilter(countries=("RUS", "VNM"), sector="legal", actor="Putin")])
def test_set_filters_give_the_same_events_read_as_lists_or_checked_one_by_one(store, corpus, monkeypatch, f):  # type: ignore[no-untyped-def]
    save_all(store, corpus, ARTICLES)
    listed = [e.id for e in list_events(store, f).items]
    monkeypatch.setattr(read, "FEW_EVENTS", 0)
    assert [e.id for e in list_events(store, f).items] == listed != []


@pytest.mark.parametrize("words", ["Putin", "rail link", "zeppelin"])
def test_full_text_filter_gives_the_same_events_for_few_or_many_matching_articles(store, corpus, monkeypatch, words):  # type: ignore[no-untyped-def]
    save_all(store, corpus, ARTICLES + ["mys_tha_bernama_00", "mys_tha_reuters_01"])
    f = EventFilter(words=words)
    few = [e.id for e in list_events(store, f).items]
    monkeypatch.setattr(read, "FEW_ARTICLES", 0)  # as if every match were one of many
    assert [e.id for e in list_events(store, f).items] == few
    assert bool(few) == (words != "zeppelin")


def test_event_pairs_follow_events_through_updates_and_deletes(store, corpus):  # type: ignore[no-untyped-def]
    save_all(store, corpus, ARTICLES)
    assert pairs_in(store) == pairs_of_countries(store) != []
    store.delete("003_050b114383b8fb0f")
    assert pairs_in(store) == pairs_of_countries(store)


def test_migrations_0006_to_0008_downgrade_and_rebuild_the_pairs(store, corpus):  # type: ignore[no-untyped-def]
    save_all(store, corpus, ARTICLES)
    before = pairs_in(store)
    cfg = alembic_config()
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0005")
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM events")).scalar() == store.counts()["events"]
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    assert pairs_in(store) == before


def test_sqlite_pages_a_pair_and_the_newest_events_from_their_indexes(tmp_path):  # type: ignore[no-untyped-def]
    from entente.store import Store

    store = Store(str(tmp_path / "plan.db"))
    plans = {}
    for label, f in (("pair", EventFilter(countries=("RUS", "VNM"))), ("all", EventFilter()),
                     ("status", EventFilter(countries=("RUS", "VNM"), status="planned")),
                     ("type", EventFilter(countries=("RUS", "VNM"), type="MEET", since="2020"))):
        q = read._order(read._event_query(f), "newest", f).limit(50)
        sql = str(q.compile(store.engine, compile_kwargs={"literal_binds": True}))
        with store.engine.connect() as conn:
            plans[label] = " ".join(r[3] for r in conn.execute(text("EXPLAIN QUERY PLAN " + sql)))
    store.close()
    assert "ix_event_pairs_newest" in plans["pair"] and "TEMP B-TREE" not in plans["pair"]
    assert "ix_events_newest" in plans["all"] and "TEMP B-TREE" not in plans["all"]
    # a pair with a status or a type is one range of the indexes of migration 0008, the events never read
    for label in ("status", "type"):
        assert f"ix_event_pairs_{label}_newest" in plans[label] and "TEMP B-TREE" not in plans[label]
        assert " events" not in plans[label]


def orm_details(store, event_id):  # type: ignore[no-untyped-def]
    """One event's details read through the ORM relationships, the way `entente events` shows them."""
    with store.session() as s:
        e = s.get(m.Event, event_id)
        sectors = s.scalars(select(m.Sector.sector).where(m.Sector.event_id == event_id).order_by(m.Sector.id)).all()
        return (e.article.doc_id, e.type, e.mode, e.status, e.date, e.location,
                [a.entity.name for a in sorted(e.arguments, key=lambda a: a.id) if a.role == "actor"],
                [a.entity.name for a in sorted(e.arguments, key=lambda a: a.id) if a.role == "target"],
                sorted(c.country for c in e.countries), list(sectors), (e.evidence.text, e.evidence.start, e.evidence.end))


def test_a_page_carries_each_events_details_as_stored(store, corpus):  # type: ignore[no-untyped-def]
    save_all(store, corpus, ARTICLES)
    page = list_events(store, limit=500).items
    assert any(e.sectors for e in page) and any(e.targets for e in page) and any(len(e.actors) > 1 for e in page)
    for e in page:
        shown = (e.doc_id, e.type, e.mode, e.status, e.date, e.location, e.actors, e.targets, e.countries, e.sectors,
                 (e.evidence.text, e.evidence.start, e.evidence.end))
        assert shown == orm_details(store, e.id)
    assert read.get_event(store, page[3].id) == page[3]


@pytest.mark.parametrize("limit", [1000, 4])
@pytest.mark.parametrize("many", [False, True])
@pytest.mark.parametrize("f", [EventFilter(), EventFilter(countries=("RUS", "VNM")), EventFilter(actor="Putin"),
                               EventFilter(countries=("RUS",), status="done"), EventFilter(words="Putin")])
def test_every_page_gives_the_same_total_whether_counted_or_seen(store, corpus, monkeypatch, f, many, limit):  # type: ignore[no-untyped-def]
    save_all(store, corpus, ARTICLES)
    every = list_events(store, f, limit=500)
    n = len(every.items)
    assert n > 5 and every.exact and every.total == n
    monkeypatch.setattr(read, "COUNT_LIMIT", limit)  # 4: pages start before, at and past the limit
    if many:  # the sets and words match "many": the first few ids read of each may show the total past the limit
        monkeypatch.setattr(read, "FEW_EVENTS", 5)
        monkeypatch.setattr(read, "FEW_ARTICLES", 1)
    for offset in (0, 2, 3, 4, 5, n - 2, n - 1, n, n + 3):
        page = list_events(store, f, limit=2, offset=offset)
        assert [e.id for e in page.items] == [e.id for e in every.items[offset:offset + 2]]
        # seen on the page or counted (past the end), the total is the same
        assert (page.total, page.exact) == ((n, True) if n <= limit else (limit, False)), offset
