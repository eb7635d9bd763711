from __future__ import annotations

import pytest
from sqlalchemy import select

from entente.store import models as m

from .conftest import save_all

OUTLETS = ["mys_tha_bernama_01", "mys_tha_bangkokpost_01", "mys_tha_reuters_01"]
PLAN = "mys_tha_bernama_00"



@pytest.mark.parametrize("order", [OUTLETS, list(reversed(OUTLETS)), [PLAN, *OUTLETS], [*OUTLETS, PLAN]])
@pytest.mark.slow
def test_one_meeting_from_three_outlets_is_one_event_with_three_sources(store, corpus, order):  # type: ignore[no-untyped-def]
    save_all(store, corpus, order)
    with store.session() as s:
        done = s.scalars(select(m.EventGroup).where(m.EventGroup.type == "CONSULT", m.EventGroup.status == "done")).all()
        assert len(done) == 1
        group = done[0]
        assert group.sources == 3 and group.reports >= 3 and group.date == "2024-03-12"
        assert 0.5 <= group.score <= 1.0
        docs = set(s.scalars(select(m.Article.doc_id).join(m.Event).where(m.Event.group_id == group.id)))
        assert docs == set(OUTLETS)
        plans = s.scalars(select(m.EventGroup).where(m.EventGroup.status == "planned")).all()
        assert [p.realised_by for p in plans] == ([group.id] if PLAN in order else [])


@pytest.mark.slow
def test_removing_a_report_recounts_its_event(store, corpus):  # type: ignore[no-untyped-def]
    save_all(store, corpus, OUTLETS)
    store.delete("mys_tha_reuters_01")
    with store.session() as s:
        group = s.scalars(select(m.EventGroup).where(m.EventGroup.type == "CONSULT")).one()
        assert group.sources == 2


@pytest.mark.slow
def test_meetings_of_other_people_or_days_stay_apart(store, corpus):  # type: ignore[no-untyped-def]
    save_all(store, corpus, ["ind_singh_rajnath_01", "idn_prabowo_2023_01", *OUTLETS])
    with store.session() as s:
        done = s.scalars(select(m.EventGroup).where(m.EventGroup.type == "CONSULT", m.EventGroup.status == "done")).all()
        # Marles met Singh (2024) and Prabowo (2023): two events; the Bangkok meeting: one
        assert len(done) == 3


@pytest.mark.slow
def test_the_same_leaders_meeting_months_later_is_another_event(store, corpus):  # type: ignore[no-untyped-def]
    save_all(store, corpus, [*OUTLETS, "mys_tha_bernama_02"])
    with store.session() as s:
        q = select(m.EventGroup).where(m.EventGroup.type == "CONSULT", m.EventGroup.mode == "meet",
                                       m.EventGroup.status == "done").order_by(m.EventGroup.date)
        assert [(g.date, g.sources) for g in s.scalars(q)] == [("2024-03-12", 3), ("2024-09-20", 1)]


def _event(i: int, date: str | None, published: str | None, actors: list[int]) -> m.Event:
    return m.Event(id=i, type="CONSULT", mode="meet", status="done", date=date, trigger="met",
                   article=m.Article(published=published, doc_id=f"d{i}"), evidence=m.EvidenceSpan(start=0),
                   arguments=[m.EventArgument(entity_id=a) for a in actors], countries=[])


@pytest.mark.parametrize("events, spans", [
    # any report placed a month either side, and two more before (a stored date may start before the
    # window and reach into it); a report giving a day, a day either side of a new report giving one
    ([("2024-03-12", "2024-03-13", [7])], {7: ([("2023-12-11", "2024-04-11~")], [("2024-03-11", "2024-03-13~")])}),
    ([(None, "2024-03-13", [7])], {7: ([("2023-12-12", "2024-04-12~")], [("2024-02-12", "2024-04-12~")])}),
    ([("2024-03", None, [7])], {7: ([("2023-11-30", "2024-03-31~")], [("2024-01-31", "2024-03-31~")])}),
    # ranges of one actor that overlap are read as one; each actor only around its own events
    ([("2024-03-12", None, [7, 8]), ("2024-04-20", None, [7]), ("2024-12-01", None, [7])],
     {7: ([("2023-12-11", "2024-05-20~"), ("2024-08-31", "2024-12-31~")],
          [("2024-03-11", "2024-03-13~"), ("2024-04-19", "2024-04-21~"), ("2024-11-30", "2024-12-02~")]),
      8: ([("2023-12-11", "2024-04-11~")], [("2024-03-11", "2024-03-13~")])}),
    # a span and a day of the month without a year (placed by its article) are not a day
    ([("2025-01-14/2025-01-15", None, [7]), ("--10-31", "2024-10-31", [8])],
     {7: ([("2024-10-14", "2025-02-14~")], [("2024-12-15", "2025-02-14~")]),
      8: ([("2024-07-31", "2024-11-30~")], [("2024-10-01", "2024-11-30~")])}),
    ([(None, None, [7]), ("2024-03-12", None, [])], {}),
])
def test_regrouping_reads_around_each_new_report_for_its_own_actors(events, spans):  # type: ignore[no-untyped-def]
    from entente.store.groups import _Pool, _spans

    pool = _Pool()
    pool.add(_event(i, *e) for i, e in enumerate(events))
    assert _spans(pool, range(len(events))) == spans


@pytest.mark.parametrize("dates, n", [
    (["2024-06-15", "2024-06-16"], 1), (["2024-06-16", "2024-06-15"], 1), (["2024-06-15", "2024-06-25"], 2),
    (["2024-06-15", None], 1), ([None, "2024-06-15"], 1), (["2024-06-01", "2024-06"], 1), (["2024-06", "2024-06-01"], 1),
    (["2024-05-30/2024-06-02", "2024-06-01"], 1), (["2024-06-01", "2024-05-30/2024-06-02"], 1),
    (["2024-01-10", "2024"], 1), (["2024", "2024-01-10"], 1),
])
def test_days_spans_months_and_undated_reports_find_what_they_match_in_either_order(store, dates, n):  # type: ignore[no-untyped-def]
    people, both = [HEAD, PARTNERS[0]], [HEAD[1], PARTNERS[0][1]]
    for k, date in enumerate(dates):
        pair = _article(f"y{k}", "2024-06-20", f"Agence {k}", date, people, both)
        assert store.save_many([pair]) == ["ingested"]
    stored, fresh = _groups(store)
    assert stored == fresh and len(stored) == n


@pytest.mark.parametrize("date, years", [
    ("2024-03-12", ("2022", "2025~")),
    ("2024", ("2022", "2025~")),
    ("2023-12-30/2024-01-02", ("2021", "2025~")),
    ("--03-12", None),
    (None, None),
])
def test_plans_and_realisations_are_looked_for_within_a_few_years(date, years):  # type: ignore[no-untyped-def]
    from entente.resolve import dates_compatible
    from entente.store.groups import _years

    assert _years(date) == years
    if years is not None:
        # just outside the bounds nothing is compatible, just inside it may be
        assert not dates_compatible(date, f"{int(years[0]) - 1}-12-30")
        assert not dates_compatible(date, f"{int(years[1][:4]) + 1}-01-02")


@pytest.mark.parametrize("order", [list(range(5)), [4, 3, 2, 1, 0], [2, 0, 4, 1, 3]])
def test_batched_events_are_grouped_as_one_by_one(store, corpus, order):  # type: ignore[no-untyped-def]
    pairs = [corpus[d] for d in [*OUTLETS, PLAN, "ind_singh_rajnath_01"]]
    assert store.save_many([pairs[i] for i in order]) == ["ingested"] * 5
    with store.session() as s:
        done = s.scalars(select(m.EventGroup).where(m.EventGroup.type == "CONSULT", m.EventGroup.status == "done",
                                                    m.EventGroup.sources == 3)).one()
        # the meeting planned (ind_singh_rajnath_01 also plans joint naval exercises, realised by nothing here)
        plans = s.scalars(select(m.EventGroup).where(m.EventGroup.status == "planned",
                                                     m.EventGroup.type == "CONSULT")).all()
        assert [p.realised_by for p in plans] == [done.id]


# An actor in the news every month: each month a meeting told by three outlets (one report
# undated, one naming only him) and a visit a fortnight later told by one. Every report is within
# a month of the next, so following "a month apart" from any of them reaches his whole history.
PARTNERS = [("Aiko Tanabe", "JPN"), ("Bruno Ferreira", "BRA"), ("Carla Mendez", "MEX"), ("Dmitri Volkov", "RUS"),
            ("Elena Petrova", "BGR"), ("Farid Haddad", "LBN"), ("Grace Okafor", "NGA"), ("Hans Gruber", "DEU"),
            ("Ines Duarte", "PRT"), ("Jonas Berg", "NOR"), ("Kemal Arslan", "TUR"), ("Lina Sousa", "AGO")]
HEAD = ("Martin Kessler", "AUT")


def _article(doc_id: str, published: str, source: str, date: str | None, people: list[tuple[str, str]],
             countries: list[str]):  # type: ignore[no-untyped-def]
    from entente.clean import content_hash
    from entente.records import ArticleRecord, CleanArticle, Entity, Event, Evidence

    text = f"{' and '.join(n for n, _ in people)} met on {date or 'Tuesday'} ({source}, {doc_id})."
    record = ArticleRecord(doc_id=doc_id, published=published, source=source,
                           entities=[Entity(name=n, country=c) for n, c in people],
                           events=[Event(type="CONSULT", mode="meet", date=date, actors=[n for n, _ in people],
                                         countries=countries, status="done", trigger="met",
                                         evidence=Evidence(text=text, start=0, end=len(text)))])
    article = CleanArticle(doc_id=doc_id, text=text, origin=f"<{doc_id}>", published=published, source=source,
                           dateline=None, content_hash=content_hash(text))
    return article, record


def _month(n: int) -> list:  # type: ignore[type-arg]
    """The four reports of the n-th month since January 2020, and the two events they tell."""
    import datetime as dt

    day = dt.date(2020 + n // 12, n % 12 + 1, 10)
    meet, visit = day.isoformat(), (day + dt.timedelta(days=15)).isoformat()
    partner, other = PARTNERS[n % 12], PARTNERS[(n + 5) % 12]
    both = [HEAD[1], partner[1]]
    return [_article(f"m{n:03d}a", meet, "Agence A", meet, [HEAD, partner], both),
            _article(f"m{n:03d}b", (day + dt.timedelta(days=1)).isoformat(), "Agence B", None, [HEAD, partner], both),
            _article(f"m{n:03d}c", (day + dt.timedelta(days=2)).isoformat(), "Agence C", meet, [HEAD], both),
            _article(f"m{n:03d}d", visit, "Agence D", visit, [HEAD, other], [HEAD[1], other[1]])]


def _groups(store):  # type: ignore[no-untyped-def]
    """The stored groups and those of clustering every stored report anew, as sets of
    (doc_id, score), independent of row ids."""
    from entente.resolve import status_class
    from entente.store import groups

    with store.session() as s:
        events = s.scalars(select(m.Event).options(*groups.DETAILS)).all()
        stored: dict[int | None, set[tuple[str, float | None]]] = {}
        kinds: dict[tuple[str, str | None, str], list[m.Event]] = {}
        for e in events:
            stored.setdefault(e.group_id, set()).add((e.article.doc_id, e.group_score))
            kinds.setdefault((e.type, e.mode, status_class(e.status)), []).append(e)
        fresh = [{(e.article.doc_id, score) for e, score in c} for kind in kinds.values() for c in groups.cluster(kind)]
    assert None not in stored, "every event belongs to a group"
    return sorted(map(sorted, stored.values())), sorted(map(sorted, fresh))


@pytest.mark.parametrize("order", ["forward", "backward", "shuffled"])
def test_an_actor_in_every_month_gets_one_group_per_event_in_any_order(store, order):  # type: ignore[no-untyped-def]
    import random

    pairs = [p for n in range(18) for p in _month(n)]
    if order == "backward":
        pairs.reverse()
    elif order == "shuffled":
        random.Random(3).shuffle(pairs)
    for i in range(0, len(pairs), 7):
        assert store.save_many(pairs[i:i + 7]) == ["ingested"] * len(pairs[i:i + 7])
    stored, fresh = _groups(store)
    assert stored == fresh
    docs = sorted([d for d, _ in g] for g in stored)
    assert docs == sorted([[f"m{n:03d}a", f"m{n:03d}b", f"m{n:03d}c"] for n in range(18)]
                          + [[f"m{n:03d}d"] for n in range(18)])
    with store.session() as s:
        assert s.scalars(select(m.EventGroup.sources).where(m.EventGroup.reports == 3)).all() == [3] * 18


def test_regrouping_reads_as_many_events_however_long_the_history(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    from entente.store import Store, groups

    read: list[int] = []
    load = groups._load

    def counted(*args):  # type: ignore[no-untyped-def]
        found = load(*args)
        read.append(len(found))
        return found

    examined = []
    for history in (12, 36):
        store = Store(str(tmp_path / f"h{history}.db"))
        try:
            for month in range(history):
                if month != 6:
                    store.save_many(_month(month))
            monkeypatch.setattr(groups, "_load", counted)
            read.clear()
            assert store.save_many(_month(6)) == ["ingested"] * 4
            monkeypatch.setattr(groups, "_load", load)
            examined.append(sum(read))
            stored, fresh = _groups(store)
            assert stored == fresh and len(stored) == 2 * history
        finally:
            store.close()
    # the reports around month 6 and their groups, not the actor's other months
    assert examined[0] == examined[1] and 0 < examined[0] < 4 * 12


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2])
def test_the_test_sets_in_shuffled_batches_get_the_groups_of_clustering_everything_anew(store, corpus, seed):  # type: ignore[no-untyped-def]
    import random

    doc_ids = sorted(corpus)
    random.Random(seed).shuffle(doc_ids)
    for i in range(0, len(doc_ids), 4):
        store.save_many([corpus[d] for d in doc_ids[i:i + 4]])
    stored, fresh = _groups(store)
    assert stored == fresh
    # removing reports regroups what is left as if it had come alone
    for d in doc_ids[::3]:
        store.delete(d)
    stored, fresh = _groups(store)
    assert stored == fresh


def _planned(doc_id: str, published: str, date: str | None):  # type: ignore[no-untyped-def]
    from entente.records import Event

    article, record = _article(doc_id, published, "Agence P", date, [HEAD, PARTNERS[1]], [HEAD[1], PARTNERS[1][1]])
    plan = record.events[0].model_dump()
    record.events = [Event(**{**plan, "status": "planned", "trigger": "will meet"})]
    return article, record


@pytest.mark.parametrize("plan_first", [True, False])
@pytest.mark.parametrize("plan, done, linked", [
    # an undated plan is placed by its article: a meeting that year is its realisation, one years later is not
    ((None, "2024-03-01"), ("2024-06-10", "2024-06-10"), True),
    ((None, "2024-03-01"), ("2029-06-10", "2029-06-10"), False),
    ((None, "2024-03-01"), (None, "2024-09-02"), True),
    ((None, "2020-03-01"), (None, "2024-09-02"), False),
    (("2024-06-10", "2024-03-01"), (None, "2024-06-11"), True),
    (("2024-06-10", "2024-03-01"), (None, "2027-06-11"), False),
])
def test_an_undated_plan_is_realised_within_a_year_of_its_article_in_either_order(store, plan_first, plan, done, linked):  # type: ignore[no-untyped-def]
    pairs = [_planned("p", plan[1], plan[0]), _article("d", done[1], "Agence D", done[0], [HEAD, PARTNERS[1]],
                                                        [HEAD[1], PARTNERS[1][1]])]
    for pair in pairs if plan_first else pairs[::-1]:
        assert store.save_many([pair]) == ["ingested"]
    with store.session() as s:
        planned = s.scalars(select(m.EventGroup).where(m.EventGroup.status == "planned")).one()
        realised = s.scalars(select(m.EventGroup).where(m.EventGroup.status == "done")).one()
        assert planned.realised_by == (realised.id if linked else None)


@pytest.mark.parametrize("together", ["plan first", "meeting first", "apart"])
@pytest.mark.parametrize("plan, done, linked", [
    (("2024-06-10", "2024-03-01"), ("2024-06-10", "2024-06-11"), True),
    # a meeting a week before the planned day is not its realisation, even stored in the same batch
    # (where the meeting's group had no date yet when the plan's was linked)
    (("2024-06-10", "2024-03-01"), ("2024-06-03", "2024-06-04"), False),
])
def test_a_plan_and_a_meeting_stored_together_are_linked_as_when_stored_apart(store, together, plan, done, linked):  # type: ignore[no-untyped-def]
    pairs = [_planned("p", plan[1], plan[0]), _article("d", done[1], "Agence D", done[0], [HEAD, PARTNERS[1]],
                                                        [HEAD[1], PARTNERS[1][1]])]
    if together == "apart":
        assert [store.save_many([pair]) for pair in pairs] == [["ingested"]] * 2
    else:
        assert store.save_many(pairs if together == "plan first" else pairs[::-1]) == ["ingested"] * 2
    with store.session() as s:
        planned = s.scalars(select(m.EventGroup).where(m.EventGroup.status == "planned")).one()
        realised = s.scalars(select(m.EventGroup).where(m.EventGroup.status == "done")).one()
        assert planned.realised_by == (realised.id if linked else None)


def test_grouping_queries_do_not_fill_the_compiled_statement_cache(store):  # type: ignore[no-untyped-def]
    # each batch asks for other actors and other weeks: a statement of a new shape, which
    # SQLAlchemy would keep (about 1 MB each at scale) and never use again
    pairs = [p for n in range(12) for p in _month(n)]
    sizes = [1, 2, 3, 5, 7, 4, 6, 2, 8, 3, 5, 2]
    held = []
    for size in sizes:
        batch, pairs = pairs[:size], pairs[size:]
        assert store.save_many(batch) == ["ingested"] * size
        held.append(len(store.engine._compiled_cache))
    # the statements of every kind are cached after the first batches; later ones add none
    assert held[-1] == held[len(held) // 2]
