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


@pytest.mark.parametrize("dates, published, window", [
    (["2024-03-12"], ["2024-03-13"], ("2024-02-11", "2024-04-11~")),
    ([None], ["2024-03-13"], ("2024-02-12", "2024-04-12~")),
    (["2024-03"], [None], ("2024-01-31", "2024-03-31~")),
    (["2025-01-14/2025-01-15", "--10-31"], ["2025-01-13", "2024-10-31"], ("2024-10-01", "2025-02-14~")),
    ([None], [None], None),
])
def test_regrouping_looks_a_month_around_the_new_reports(dates, published, window):  # type: ignore[no-untyped-def]
    from entente.store.groups import _window

    seeds = [m.Event(date=d, article=m.Article(published=p)) for d, p in zip(dates, published, strict=True)]
    assert _window(seeds) == window


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
        plans = s.scalars(select(m.EventGroup).where(m.EventGroup.status == "planned")).all()
        assert [p.realised_by for p in plans] == [done.id]
