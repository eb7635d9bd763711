"""The API over the sample store: each resource answers with what the store holds."""

from __future__ import annotations

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
