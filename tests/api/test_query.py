"""A query parameter the route does not declare is refused with 422, naming it and the closest
parameter the route takes, instead of being ignored (an unfiltered answer that looks filtered)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from entente.api import create_app
from entente.api.query import declared_query
from entente.config import Settings

from ..conftest import LOCAL, LOCAL_CLIENT


@pytest.fixture(scope="module")
def empty_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """The API over an empty store: the check comes before any query of the store."""
    db = Path(tmp_path_factory.mktemp("query")) / "empty.db"
    with TestClient(create_app(Settings(db=str(db))), base_url=LOCAL, client=LOCAL_CLIENT) as c:
        yield c


@pytest.mark.parametrize("url,message", [
    ("/events?contry=RUS", "query.contry: unknown parameter; did you mean 'country'?"),
    ("/events?Country=RUS", "query.Country: unknown parameter; did you mean 'country'?"),
    ("/events?country=RUS&tpye=MEET", "query.tpye: unknown parameter; did you mean 'type'?"),
    ("/search?q=Putin&pagesize=5", "query.pagesize: unknown parameter; did you mean 'page_size'?"),
    ("/relations/RUS/VNM?perod=year", "query.perod: unknown parameter; did you mean 'period'?"),
    ("/export/csv?sine=2024", "query.sine: unknown parameter; did you mean 'since'?"),
    ("/dashboard/network?contry=RUS", "query.contry: unknown parameter; did you mean 'country'?"),
    ("/events/1?verbose=1", "query.verbose: unknown parameter; this route takes none"),
    ("/dashboard/pairs?x=1", "query.x: unknown parameter; this route takes limit"),
    ("/events?contry=RUS&zzz=1", "query.contry: unknown parameter; did you mean 'country'? (and 1 more)"),
])
def test_unknown_parameter_is_named_with_the_closest_known_one(empty_client: TestClient, url: str, message: str) -> None:
    r = empty_client.get(url)
    assert r.status_code == 422 and r.json() == {"status": 422, "message": message}


def test_the_misspelt_filter_of_the_issue_is_refused(empty_client: TestClient) -> None:
    r = empty_client.get("/events", params={"betwen": "RUS"})
    assert r.status_code == 422 and r.json()["message"].startswith("query.betwen: unknown parameter")


def test_a_hostile_name_is_cut_short_in_the_message(empty_client: TestClient) -> None:
    r = empty_client.get("/events", params={"<script>" + "x" * 5000: "1"})
    assert r.status_code == 422 and len(r.json()["message"]) < 400


@pytest.mark.parametrize("url", ["/events?country=RUS&country=VNM&page_size=2&sort=oldest", "/search?q=Putin&page=1",
                                 "/actors?country=RUS", "/dashboard/pairs?limit=5"])
def test_declared_parameters_pass(empty_client: TestClient, url: str) -> None:
    assert empty_client.get(url).status_code == 200


def test_pages_outside_the_spec_are_not_checked(empty_client: TestClient) -> None:
    assert empty_client.get("/?utm_source=newsletter").status_code == 200
    assert empty_client.get("/openapi.json?x=1").status_code == 200


def test_declared_parameters_come_from_the_spec_with_those_of_dependencies(empty_client: TestClient) -> None:
    spec = empty_client.app.openapi()  # type: ignore[attr-defined]
    # the filters and paging come from dependencies, the order from the route itself
    assert {"country", "type", "since", "page", "page_size", "sort"} <= set(declared_query(spec, "/events", "GET") or ())
    assert declared_query(spec, "/events/{event_id}", "GET") == ()
    assert declared_query(spec, "/nowhere", "GET") is None
