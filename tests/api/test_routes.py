"""The API over the sample store: each resource answers with what the store holds."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from fastapi.testclient import TestClient

from entente.store import Store
from entente.store.read import EventFilter, iter_events, list_events

pytestmark = pytest.mark.slow
ARTICLE = "003_050b114383b8fb0f"


def test_events_page_and_total_match_the_store(client: TestClient, sample_store: Store) -> None:
    body = client.get("/events", params={"page_size": 500}).json()
    assert body["total"] == sample_store.counts()["events"] == len(body["items"])
    assert all(e["quad"] and -10 <= e["intensity"] <= 10 for e in body["items"])


def test_pages_do_not_overlap_and_cover_everything(client: TestClient) -> None:
    seen: list[int] = []
    for page in (1, 2, 3, 4, 5, 6, 7, 8):
        seen += [e["id"] for e in client.get("/events", params={"page": page, "page_size": 4}).json()["items"]]
    total = client.get("/events").json()["total"]
    assert len(seen) == len(set(seen)) == total


@pytest.mark.parametrize("params, check", [
    ({"country": ["RUS", "VNM"]}, lambda e: {"RUS", "VNM"} <= set(e["countries"])),
    ({"type": "AGREE"}, lambda e: e["type"] == "AGREE"),
    ({"sector": "economy"}, lambda e: "economy" in e["sectors"]),
    ({"since": "2024", "until": "2024-12"}, lambda e: e["date"] and "2024" <= e["date"][:4] <= "2024"),
    ({"text": "Mishustin"}, lambda e: "Mishustin" in e["evidence"]["text"]),
    ({"actor": "Phạm Minh Chính"}, lambda e: "Pham Minh Chinh" in e["actors"] + e["targets"]),
])
def test_event_filters_hold_for_every_result(client: TestClient, params: dict[str, Any], check: Any) -> None:
    items = client.get("/events", params={**params, "page_size": 500}).json()["items"]
    assert items and all(check(e) for e in items)


def test_sort_orders_by_date(client: TestClient) -> None:
    dates = [e["date"] for e in client.get("/events", params={"sort": "oldest", "since": "1900"}).json()["items"]]
    assert dates == sorted(dates)


def test_article_evidence_spans_point_into_its_text(client: TestClient) -> None:
    body = client.get(f"/articles/{ARTICLE}").json()
    assert body["summary"]["doc_id"] == ARTICLE and body["record"]["doc_id"] == ARTICLE
    assert body["evidence"]
    for span in body["evidence"]:
        assert body["text"][span["start"]:span["end"]] == span["text"]


def test_articles_list_every_sample(client: TestClient) -> None:
    body = client.get("/articles").json()
    assert body["total"] == 5 and ARTICLE in {a["doc_id"] for a in body["items"]}


def test_actor_has_aliases_roles_and_events(client: TestClient) -> None:
    found = client.get("/actors", params={"name": "chinh"}).json()["items"]
    assert [a["name"] for a in found] == ["Pham Minh Chinh"]
    actor = client.get(f"/actors/{found[0]['id']}").json()
    assert "Phạm Minh Chính" in actor["aliases"]
    assert any(r["role"] == "Prime Minister" for r in actor["roles"])
    assert len(actor["events"]) == found[0]["events"] > 0


def test_relations_count_the_pairs_events(client: TestClient, sample_store: Store) -> None:
    body = client.get("/relations/RUS/VNM").json()
    total = list_events(sample_store, EventFilter(countries=("RUS", "VNM"))).total
    assert body["events"] == total == sum(c["count"] for c in body["by_type"])
    assert body["top_actors"] and body["sectors"]


def test_facts_form_a_time_series(client: TestClient) -> None:
    items = client.get("/facts/RUS/VNM", params={"unit": "USD"}).json()["items"]
    assert items and all(f["unit"] == "USD" for f in items)
    periods = [f["period"] for f in items if f["period"]]
    assert periods == sorted(periods)
    assert any(f["value"] == 4.4e9 for f in items)


def test_search_finds_text_and_treats_wildcards_literally(client: TestClient) -> None:
    hits = client.get("/search", params={"q": "Vietsovpetro"}).json()
    assert hits["total"] >= 1 and "Vietsovpetro" in hits["items"][0]["snippet"]
    assert client.get("/search", params={"q": "_%_%_%_"}).json()["total"] == 0


def test_openapi_and_docs_are_served(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/events", "/articles/{doc_id}", "/relations/{a}/{b}", "/ingest"} <= set(spec["paths"])
    assert client.get("/docs").status_code == 200


def test_exports_download_as_files_pandas_reads(client: TestClient, sample_store: Store, tmp_path: Path) -> None:
    r = client.get("/export/parquet", params={"country": ["RUS", "VNM"]})
    assert r.status_code == 200 and r.headers["content-type"] == "application/vnd.apache.parquet"
    (tmp_path / "e.parquet").write_bytes(r.content)
    ids = pd.read_parquet(tmp_path / "e.parquet")["id"].tolist()
    assert ids == [e.id for e in iter_events(sample_store, EventFilter(countries=("RUS", "VNM")))]
    csv = client.get("/export/csv", params={"type": "AGREE"})
    assert csv.status_code == 200 and "attachment" in csv.headers["content-disposition"]
    assert client.get("/export/xlsx").status_code == 422


def test_events_by_group_show_a_happening_once_with_each_report(client: TestClient, sample_store: Store) -> None:
    body = client.get("/events", params={"country": ["RUS", "VNM"], "by": "group", "page_size": 500}).json()
    reports = iter_events(sample_store, EventFilter(countries=("RUS", "VNM")))
    assert body["total"] == len(body["items"]) == len({e.group_id for e in reports})
    # the undated report of the same visit (002, an article with no date) involves both states but
    # stays a group of its own: without a date it is never joined to a dated one
    visit = [g for g in body["items"] if g["mode"] == "visit" and g["actors"] == ["Vladimir Putin"] and g["date"]]
    assert len(visit) == 1 and visit[0]["reports"] == 2 and visit[0]["outlets"] == ["TASS", "VNS"]
    assert [r["doc_id"] for r in visit[0]["evidence"]] == ["000_25cf438f34d7ad8b", "003_050b114383b8fb0f"]
    assert client.get("/events", params={"by": "story"}).status_code == 422


def test_every_event_carries_its_group_article_and_date_span(client: TestClient) -> None:
    items = client.get("/events", params={"page_size": 500}).json()["items"]
    assert all(e["group_id"] for e in items)
    assert {e["precision"] for e in items} == {"day", "month", "day-no-year", "none"}
    yearless = [e for e in items if (e["date"] or "").startswith("--")]
    assert yearless and all(e["date_start"] is None and e["precision"] == "day-no-year" for e in yearless)
    tass = next(e for e in items if e["outlet"] == "TASS")
    assert tass["published"] == "2024-06-20" and "title" in tass and "url" in tass
    # year unknown, then undated, after every dated event, newest or oldest first
    for sort in ("newest", "oldest"):
        dates = [e["date"] for e in client.get("/events", params={"sort": sort, "page_size": 500}).json()["items"]]
        lanes = [0 if d and d[0].isdigit() else 1 if d else 2 for d in dates]
        assert lanes == sorted(lanes)


def test_relations_count_undated_and_year_unknown_events_in_their_lanes(client: TestClient) -> None:
    body = client.get("/relations/RUS/VNM").json()
    assert body["year_unknown"] > 0 and body["undated"] > 0
    assert body["dated"] + body["year_unknown"] + body["undated"] == body["events"]
    assert sum(p["count"] for p in body["by_period"]) == body["dated"]
    assert sum(c["count"] for c in body["undated_by_type"]) == body["year_unknown"] + body["undated"]
    assert not body["first"].startswith("-")


def test_facts_carry_the_span_of_their_period(client: TestClient) -> None:
    items = client.get("/facts/RUS/VNM", params={"unit": "USD"}).json()["items"]
    nine = next(f for f in items if f["period"] == "2024-01/2024-09")
    assert (nine["date_start"], nine["date_end"], nine["precision"]) == ("2024-01-01", "2024-09-30", "month")


def test_exports_by_group_have_one_row_per_happening(client: TestClient, sample_store: Store) -> None:
    r = client.get("/export/csv", params={"country": ["RUS", "VNM"], "by": "group"})
    assert r.status_code == 200 and not r.content.startswith(b"\xef\xbb\xbf")
    df = pd.read_csv(io.BytesIO(r.content), keep_default_na=False)
    assert sorted(df["group_id"]) == sorted({e.group_id for e in iter_events(sample_store, EventFilter(countries=("RUS", "VNM")))})
