"""Events one row per happening: the event groups of the sample store, each with its reports,
outlets and evidence, in date order with year-unknown and undated groups last."""

from __future__ import annotations

import pytest

from entente.dates import sort_key
from entente.store import Store
from entente.store.grouped import iter_groups, list_groups
from entente.store.read import EventFilter, iter_events, list_events

pytestmark = pytest.mark.slow
PAIR = EventFilter(countries=("RUS", "VNM"))


def test_the_putin_visit_is_one_happening_reported_by_two_outlets(sample_store: Store) -> None:
    groups = iter_groups(sample_store, PAIR)
    visits = [g for g in groups if g.type == "CONSULT" and g.mode == "visit" and g.actors == ["Vladimir Putin"]
              and (g.date or "").startswith("2024-06")]
    assert len(visits) == 1
    visit = visits[0]
    assert visit.reports == 2 and visit.outlets == ["TASS", "VNS"] and visit.date == "2024-06-20"
    assert (visit.first_report, visit.last_report) == ("2024-06-20", "2025-01-13")
    assert [r.outlet for r in visit.evidence] == ["TASS", "VNS"]
    for r in visit.evidence:
        assert r.evidence.text in sample_store.record(r.doc_id)[1]


def test_groups_are_the_groups_of_the_matching_reports_each_once(sample_store: Store) -> None:
    events = iter_events(sample_store, PAIR)
    groups = iter_groups(sample_store, PAIR)
    assert sorted(g.group_id for g in groups) == sorted({e.group_id for e in events})
    assert sum(g.reports for g in groups) == len({e.id for g in groups for e in g.evidence}) >= len(events)
    page = list_groups(sample_store, PAIR, limit=5)
    assert page.total == len(groups) and page.exact and len(page.items) == 5
    second = list_groups(sample_store, PAIR, limit=5, offset=5)
    assert not {g.group_id for g in page.items} & {g.group_id for g in second.items}


@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_year_unknown_and_undated_come_last_in_either_order(sample_store: Store, sort: str) -> None:
    newest = sort == "newest"
    for rows in (iter_groups(sample_store, PAIR, sort=sort), list_events(sample_store, PAIR, sort=sort).items):  # type: ignore[arg-type]
        got = [r.date for r in rows]
        assert got == sorted(got, key=lambda d: sort_key(d, newest=newest))
        assert "--10-31" in got and got[-1] is None


def test_reports_carry_their_group_article_and_date_span(sample_store: Store) -> None:
    events = iter_events(sample_store, PAIR)
    assert all(e.group_id is not None for e in events)
    tass = next(e for e in events if e.outlet == "TASS")
    assert tass.published == "2024-06-20" and tass.doc_id == "000_25cf438f34d7ad8b"
    month = next(e for e in events if e.date == "2024-06")
    assert (month.date_start, month.date_end, month.precision) == ("2024-06-01", "2024-06-30", "month")
