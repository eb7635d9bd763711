"""Hostile and malformed requests get a 4xx JSON error naming the problem, and change nothing."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from entente.api import ApiOptions, create_app
from entente.config import Settings
from entente.errors import InvalidParameter
from entente.store import read

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
    with TestClient(create_app(Settings(db=private_db)), raise_server_exceptions=False) as client:
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
    with TestClient(create_app(Settings(db=sample_db)), raise_server_exceptions=False) as client:
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
    with TestClient(app) as client:
        before = client.get("/articles").json()["total"]
        r = client.post("/ingest", json={"articles": [{"text": TEXT, "doc_id": "posted_1"}]}, headers=headers)
        assert r.status_code == status, r.text
        after = client.get("/articles").json()["total"]
        assert after == before + (1 if status == 200 else 0)
        if status == 200:
            assert r.json()["ingested"] == 1
            assert client.get("/articles/posted_1").json()["record"]["events"]
