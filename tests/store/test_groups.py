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
