"""`entente serve` turns its options into one app and hands it to uvicorn."""

from __future__ import annotations

from typing import Any

import pytest
from typer.testing import CliRunner

from entente.cli import app


def test_serve_builds_the_app_and_runs_uvicorn(sample_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr("uvicorn.run", lambda api, **kw: calls.append({"api": api, **kw}))
    result = CliRunner().invoke(app, ["serve", "--db", sample_db, "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert calls[0]["host"] == "127.0.0.1" and calls[0]["port"] == 8123
    assert calls[0]["api"].state.options.allow_ingest is False


def test_serve_refuses_public_ingest_without_a_token(sample_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ENTENTE_API_TOKEN", raising=False)
    monkeypatch.setattr("uvicorn.run", lambda *a, **kw: pytest.fail("must not start"))
    result = CliRunner().invoke(app, ["serve", "--db", sample_db, "--host", "0.0.0.0", "--allow-ingest"])
    assert result.exit_code == 2 and "ENTENTE_API_TOKEN" in result.output
