"""Hostile and malformed requests get a 4xx JSON error naming the problem, and change nothing."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from entente.api import ApiOptions, create_app
from entente.config import Settings
from entente.errors import InvalidParameter
from entente.store import read

from ..conftest import LOCAL, LOCAL_CLIENT
from .conftest import copy_db

pytestmark = pytest.mark.slow

HOSTILE = [
    "/events?country=RUS'--", "/events?country=rus", "/events?country=R%00S", "/events?type=AGREE;DROP TABLE events",
    "/events?status=done' OR '1'='1", "/events?sector=../../etc", "/events?since=2024-13-01", "/events?since=2024-02-30",
    "/events?until=yesterday", "/events?since=99999999999", "/events?page=0", "/events?page=-1",
    "/events?page=99999999999999999999999", "/events?page_size=501", "/events?page_size=1e9", "/events?sort=id;--",
    "/events?text=" + "x" * 201, "/events?actor=", "/events/0", "/events/-1", "/events/99999999999999999999",
    "/events/1%20OR%201=1", "/events/9999999", "/articles/../../etc/passwd", "/articles/..%2F..%2Fetc%2Fpasswd",
    "/articles/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/articles/'; DROP TABLE articles; --", "/articles/nope",
    "/articles/" + "a" * 300, "/actors/abc", "/actors/2147483648", "/actors?country=XX", "/relations/RUS/vnm",
    "/relations/RUS/VNM?period=decade", "/relations/RUS/VNM?top=1000000", "/facts/RUS/VNM?unit=USD'--",
    "/facts/RUS/VNM?since=2024-1", "/search", "/search?q=", "/search?q=%20%20", "/search?q=" + "y" * 201,
    "/nowhere", "/events?betwen=RUS", "/events?country=RUS&page_size=2&" + "z" * 3000 + "=1",
    "/events?country=A&country=B&country=C&country=D&country=E&country=F&country=G&country=H"
    "&country=I&country=J&country=K",
]


def _fingerprint(db: str) -> str:
    with sqlite3.connect(db) as conn:
        dump = "\n".join(conn.iterdump())
    return hashlib.sha256(dump.encode()).hexdigest()


@pytest.fixture(scope="module")
def private_db(sample_db: str, tmp_path_factory: pytest.TempPathFactory) -> str:
    return copy_db(sample_db, tmp_path_factory.mktemp("hostile"))


def test_hostile_requests_get_4xx_json_and_change_nothing(private_db: str) -> None:
    before = _fingerprint(private_db)
    with TestClient(create_app(Settings(db=private_db)), raise_server_exceptions=False, base_url=LOCAL, client=LOCAL_CLIENT) as client:
        for url in HOSTILE:
            r = client.get(url)
            assert 400 <= r.status_code < 500, (url, r.status_code, r.text)
            body = r.json()
            assert body["status"] == r.status_code and body["message"], url
            assert "Traceback" not in r.text and "sqlalchemy" not in r.text.lower(), url
    assert _fingerprint(private_db) == before


def test_unexpected_errors_are_a_plain_500(sample_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(read, "list_events", broken)
    with TestClient(create_app(Settings(db=sample_db)), raise_server_exceptions=False, base_url=LOCAL, client=LOCAL_CLIENT) as client:
        r = client.get("/events")
    assert r.status_code == 500 and r.json() == {"status": 500, "message": "internal error"}


def test_ingest_is_off_by_default(client: TestClient) -> None:
    r = client.post("/ingest", json={"articles": [{"text": "Moscow and Hanoi signed an agreement on trade. " * 3}]})
    assert r.status_code == 403 and "--allow-ingest" in r.json()["message"]


@pytest.mark.parametrize("body", [b"x" * 3_000_001, b"{" * 2_500_000])
def test_oversized_bodies_are_refused(client: TestClient, body: bytes) -> None:
    r = client.post("/ingest", content=body, headers={"content-type": "application/json"})
    assert r.status_code == 413 and r.json()["status"] == 413


def test_a_public_server_will_not_ingest_without_a_token(sample_db: str) -> None:
    with pytest.raises(InvalidParameter, match="ENTENTE_API_TOKEN"):
        create_app(Settings(db=sample_db), ApiOptions(allow_ingest=True, require_token=True))


TEXT = (" date 2024-06-20 MOSCOW, June 20 (TASS) - Russian President Vladimir Putin met Vietnamese President "
        "To Lam in Hanoi on Thursday. The two leaders signed an agreement on energy cooperation.")


@pytest.mark.parametrize("header, status", [(None, 403), ("Bearer wrong", 403), ("Bearer s3cret", 200)])
def test_ingest_beyond_localhost_needs_the_token(sample_db: str, tmp_path: Path, header: str | None,
                                                 status: int) -> None:
    settings = Settings(db=copy_db(sample_db, tmp_path), api_token="s3cret")
    app = create_app(settings, ApiOptions(allow_ingest=True, require_token=True))
    headers = {"Authorization": header} if header else {}
    with TestClient(app, base_url=LOCAL, client=LOCAL_CLIENT) as client:
        before = client.get("/articles").json()["total"]
        r = client.post("/ingest", json={"articles": [{"text": TEXT, "doc_id": "posted_1"}]}, headers=headers)
        assert r.status_code == status, r.text
        after = client.get("/articles").json()["total"]
        assert after == before + (1 if status == 200 else 0)
        if status == 200:
            assert r.json()["ingested"] == 1
            assert client.get("/articles/posted_1").json()["record"]["events"]


@pytest.mark.parametrize("host", ["evil.example.com", "evil.example.com:8000", "127.0.0.1.nip.io"])
def test_a_request_naming_another_host_is_refused_on_every_route(sample_db, host):  # type: ignore[no-untyped-def]
    """Issue 20: DNS rebinding: a page of another site whose name now points at 127.0.0.1."""
    app = create_app(Settings(db=sample_db), ApiOptions(allow_ingest=True))
    with TestClient(app, base_url=LOCAL, client=LOCAL_CLIENT) as client:
        for method, path in (("GET", "/events"), ("GET", "/"), ("GET", "/openapi.json"), ("POST", "/ingest")):
            r = client.request(method, path, headers={"Host": host}, json={"articles": [{"text": TEXT}]})
            assert r.status_code == 400 and "not served here" in r.json()["message"], (method, path)
        assert client.get("/events", headers={"Host": "localhost:8000"}).status_code == 200
        assert client.get("/events", headers={"Host": "[::1]:8000"}).status_code == 200


def test_host_allow_names_more_hosts_and_ingest_from_afar_needs_the_token(sample_db, tmp_path):  # type: ignore[no-untyped-def]
    from entente.api import allowed_hosts

    db = tmp_path / "t.db"
    shutil.copy(sample_db, db)
    app = create_app(Settings(db=str(db)), ApiOptions(allow_ingest=True, allowed_hosts=allowed_hosts("127.0.0.1", ["box.lan"])))
    with TestClient(app, base_url="http://box.lan", client=("192.168.1.20", 40000)) as client:
        assert client.get("/events").status_code == 200
        r = client.post("/ingest", json={"articles": [{"text": TEXT, "doc_id": "far_1"}]})
        assert r.status_code == 403 and "Bearer" in r.json()["message"]
