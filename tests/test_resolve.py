from __future__ import annotations

import pytest

from entente import resolve
from entente.resolve import EventSketch, Override


@pytest.mark.parametrize("a, b", [
    (("Nguyen Phu Trong", "VNM", ["Nguyễn Phú Trọng", "Trong"]), ("Nguyễn Phú Trọng", "VNM", [])),
    (("Vladimir Kolokoltsev", "RUS", ["Kolokoltsev Vladimir Alexandrovich"]),
     ("Kolokoltsev Vladimir Alexandrovich", None, [])),
    (("Dmitri Medvedev", "RUS", []), ("Dmitry Medvedev", "RUS", [])),
    (("Putin", None, ["Putin"]), ("Vladimir Putin", "RUS", ["Putin"])),
])
def test_same_person_across_spellings(a, b):  # type: ignore[no-untyped-def]
    assert resolve.same_person(*a, *b) and resolve.same_person(*b, *a)


@pytest.mark.parametrize("a, b", [
    (("Kim Hong-kyun", "KOR", ["Kim"]), ("Kim Tae-hyo", "KOR", ["Kim"])),
    (("Kim Jong Un", "PRK", ["Kim"]), ("Kim Yo Jong", "PRK", ["Kim"])),
    (("Rajnath Singh", "IND", ["Singh"]), ("Kirti Vardhan Singh", "IND", ["Singh"])),
    (("Manmohan Singh", "IND", []), ("Rajnath Singh", "IND", [])),
    (("Vladimir Putin", "RUS", []), ("Vladimir Putin", "USA", [])),
    (("Kim", None, ["Kim"]), ("Park Jin", "KOR", [])),
])
def test_different_people_stay_apart(a, b):  # type: ignore[no-untyped-def]
    assert not resolve.same_person(*a, *b) and not resolve.same_person(*b, *a)


def test_canonical_name_is_the_most_used_then_the_fullest():
    assert resolve.canonical_name(["Putin", "Vladimir Putin", "Vladimir Putin"]) == "Vladimir Putin"
    assert resolve.canonical_name(["Vladimir Putin", "Vladimir Vladimirovich Putin"]) == "Vladimir Vladimirovich Putin"
    assert resolve.canonical_name(["B Name", "A Name"]) == resolve.canonical_name(["A Name", "B Name"])


def test_user_corrections_merge_and_split_by_key():
    fixes = [Override("merge", "vladimir kolokoltsev", "vladimir kolokoltsov"),
             Override("split", "vladimir putin", "vladimir vladimirovich putin")]
    assert resolve.merge_partners({"vladimir kolokoltsov"}, fixes) == {"vladimir kolokoltsev"}
    assert resolve.split_apart({"vladimir vladimirovich putin"}, {"vladimir putin", "putin"}, fixes)
    pieces = resolve.split_names("Vladimir Putin", ["Vladimir Putin", "Vladimir Vladimirovich Putin", "Putin"], fixes)
    assert pieces == [("Vladimir Putin", ["Vladimir Putin", "Putin"]),
                      ("Vladimir Vladimirovich Putin", ["Vladimir Vladimirovich Putin"])]


@pytest.mark.parametrize("a, b, ok", [
    ("2024-03-12", "2024-03-12", True),
    ("2024-03-12", "2024-03-13", True),
    ("2024-03-12", "2024-03-15", False),
    ("2024-03", "2024-03-12", True),
    ("2025-01-14/2025-01-15", "2025-01-15", True),
    ("--10-31", "2024-10-31", True),
    ("--10-31", "2024-11-20", False),
    (None, "2024-03-12", True),
    ("2023", "2024-03-12", False),
])
def test_dates_compatible(a, b, ok):  # type: ignore[no-untyped-def]
    assert resolve.dates_compatible(a, b) is ok and resolve.dates_compatible(b, a) is ok


def sk(actors, date="2024-03-12", status="done", mode="meet", countries=("MYS", "THA"), location="Bangkok"):  # type: ignore[no-untyped-def]
    return EventSketch("CONSULT", mode, status, date, frozenset(actors), frozenset(countries), location)


def test_event_match_needs_kind_actors_and_dates():
    assert resolve.event_match(sk({1, 2}), sk({1, 2})) == 1.0
    assert resolve.event_match(sk({1, 2}), sk({2})) >= resolve.SAME_EVENT
    assert resolve.event_match(sk({1, 2}), sk({3, 4})) == 0.0
    assert resolve.event_match(sk({1, 2}), sk({1, 2}, mode="call")) == 0.0
    assert resolve.event_match(sk({1, 2}), sk({1, 2}, date="2024-05-01")) == 0.0
    assert resolve.event_match(sk({1, 2}), sk({1, 2}, status="planned")) == 0.0
    assert resolve.realises(sk({1, 2}, status="planned"), sk({1}))
    assert not resolve.realises(sk({1, 2}, status="planned", date="2024-04"), sk({1}))
