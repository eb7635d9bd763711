"""The dashboard's HTTP side without a browser: its page carries a Content-Security-Policy, its
files are served from the package and never build markup from data, and its JSON views hold
together (every mark lies in the text and links to a record that is there)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from entente.web import STATIC
from tests.web.conftest import HOSTILE_ID

from ..conftest import LOCAL, LOCAL_CLIENT

DOC = "003_050b114383b8fb0f"


@pytest.fixture(scope="module")
def client(web_db: str) -> Iterator[TestClient]:
    from entente.api import create_app
    from entente.config import Settings

    with TestClient(create_app(Settings(db=web_db)), base_url=LOCAL, client=LOCAL_CLIENT) as c:
        yield c


def test_dashboard_page_has_a_strict_content_security_policy(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    csp = r.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "object-src 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"


def test_json_routes_are_not_given_the_html_policy(client: TestClient) -> None:
    assert "content-security-policy" not in client.get("/dashboard/pairs").headers


@pytest.mark.parametrize("name, kind", [("app.js", "javascript"), ("app.css", "text/css"), ("favicon.svg", "image/svg+xml")])
def test_static_files_are_served_from_the_package(client: TestClient, name: str, kind: str) -> None:
    r = client.get(f"/static/{name}")
    assert r.status_code == 200 and kind in r.headers["content-type"]


@pytest.mark.parametrize("path, assets", [
    ("/docs", ["/static/docs/swagger-ui-bundle.js", "/static/docs/swagger-ui.css"]),
    ("/redoc", ["/static/docs/redoc.standalone.js"]),
])
def test_docs_pages_take_every_file_from_the_package(client: TestClient, path: str, assets: list[str]) -> None:
    r = client.get(path)
    assert r.status_code == 200 and all(f'"{a}"' in r.text for a in assets)
    assert not re.search(r"(?:src|href)=[\"']?(?:https?:)?//", r.text) and "googleapis" not in r.text
    script_src = re.search(r"script-src ([^;]*)", r.headers["content-security-policy"])
    assert script_src and re.fullmatch(r"'self'( 'sha256-[A-Za-z0-9+/=]+')*", script_src.group(1))
    assert "connect-src 'self'" in r.headers["content-security-policy"]
    for asset in assets:
        assert client.get(asset).status_code == 200


def test_docs_assets_carry_their_licences_and_fetch_nothing_from_elsewhere() -> None:
    docs = STATIC / "docs"
    assert "Apache License" in (docs / "LICENSE-swagger-ui.txt").read_text(encoding="utf-8")
    assert "MIT License" in (docs / "LICENSE-redoc.txt").read_text(encoding="utf-8")
    assert "cdn." not in (docs / "redoc.standalone.js").read_text(encoding="utf-8")


def test_page_has_no_inline_script_style_or_handler() -> None:
    html = (STATIC / "index.html").read_text(encoding="utf-8")
    assert all("src=" in tag for tag in re.findall(r"<script[^>]*>", html))
    assert not re.search(r"<style|\sstyle=|\son[a-z]+=", html, re.I)
    assert not re.search(r"https?://", html), "every file comes from entente itself"


def test_script_never_turns_data_into_markup() -> None:
    js = (STATIC / "app.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in js
    assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)", js), "no file or font from elsewhere"


def test_pairs_lists_the_sample_pair(client: TestClient) -> None:
    pairs = client.get("/dashboard/pairs").json()
    assert pairs[0]["a"] == "RUS" and pairs[0]["b"] == "VNM" and pairs[0]["events"] >= 22


def test_network_joins_actors_who_met(client: TestClient) -> None:
    net = client.get("/dashboard/network", params=[("country", "RUS"), ("country", "VNM")]).json()
    names = {n["id"]: n["name"] for n in net["nodes"]}
    pairs = {frozenset((names[e["source"]], names[e["target"]])) for e in net["edges"]}
    assert frozenset(("Dmitry Medvedev", "Nguyen Phu Trong")) in pairs
    assert max(n["events"] for n in net["nodes"]) == net["nodes"][0]["events"]


def test_trends_count_types_and_sectors_by_period(client: TestClient) -> None:
    t = client.get("/dashboard/trends/RUS/VNM", params={"period": "year"}).json()
    assert {r["period"] for r in t["by_type"]} >= {"2023", "2024"}
    assert any(r["sector"] == "trade" for r in t["by_sector"])


@pytest.mark.parametrize("doc_id", [DOC, HOSTILE_ID])
def test_article_marks_lie_in_the_text_and_link_to_their_records(client: TestClient, doc_id: str) -> None:
    view = client.get(f"/dashboard/articles/{doc_id}").json()
    text = view["text"]
    ids = {"event": {e["id"] for e in view["events"]}, "fact": {f["id"] for f in view["facts"]},
           "actor": {a["id"] for a in view["actors"]}}
    last = 0
    for mark in view["marks"]:
        assert mark["start"] >= last and text[mark["start"]:mark["end"]] == mark["label"]
        assert mark["id"] in ids[mark["target"]]
        assert not any(s["start"] < mark["end"] and mark["start"] < s["end"]
                       and not (s["start"] <= mark["start"] and mark["end"] <= s["end"]) for s in view["sentences"])
        last = mark["end"]
    assert {m["kind"] for m in view["marks"]} >= {"person", "trigger", "number", "date"}


def test_article_marks_the_numbers_and_dates_of_its_figures(client: TestClient) -> None:
    view = client.get(f"/dashboard/articles/{DOC}").json()
    labels = {(m["kind"], m["label"]) for m in view["marks"]}
    assert {("number", "US$4.4 billion"), ("number", "8.3 per cent"), ("date", "the first nine months of 2024"),
            ("date", "June 2024"), ("trigger", "meeting")} <= labels


def test_unknown_article_is_a_json_404(client: TestClient) -> None:
    r = client.get("/dashboard/articles/nope")
    assert r.status_code == 404 and r.json()["status"] == 404
