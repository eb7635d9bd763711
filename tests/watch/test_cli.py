"""`entente watch` at the command line: bad options are one line naming the option, with a
suggestion; --status lists the feeds; --once polls and exits."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from entente.cli import app

from .conftest import Reply, rss

runner = CliRunner()


@pytest.mark.parametrize(("args", "says"), [
    (["--every", "15x"], "--every: '15x' is not a duration"),
    (["--alert", "RUZ,VNM"], "--alert: RUZ is not a country code; did you mean RUS"),
    (["--alert-type", "SANCTON"], "--alert-type: 'SANCTON' is not a --alert-type; did you mean SANCTION"),
    (["--webhook", "nowhere"], "--webhook: 'nowhere' is not an http(s) URL"),
])
def test_a_bad_option_is_one_line_naming_it(tmp_path, args: list[str], says: str) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["watch", "http://127.0.0.1:9/feed", "--once", "--db", str(tmp_path / "w.db"), *args])
    assert result.exit_code == 2
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and says in lines[0], result.stderr


def test_a_missing_feed_list_is_named(tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["watch", str(tmp_path / "feeds.txt"), "--once", "--db", str(tmp_path / "w.db")])
    assert result.exit_code == 2 and "feeds.txt: no such file" in result.stderr


def test_once_polls_and_status_lists_the_feeds(server, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ENTENTE_WATCH_HOST_DELAY", "0")
    from entente.config import get_settings

    get_settings.cache_clear()
    server.routes["/feed"] = Reply(body=rss(server, []), etag='"e"')
    server.routes["/gone"] = Reply(404, b"", "text/plain")
    db = str(tmp_path / "w.db")
    result = runner.invoke(app, ["watch", server.url("/feed"), server.url("/gone"), "--once", "--db", db])
    assert result.exit_code == 1 and "2 feeds polled (0 unchanged, 1 failed)" in result.stderr
    assert f"{server.url('/gone')}: HTTP 404" in result.stderr
    status = runner.invoke(app, ["watch", "--status", "--db", db])
    assert status.exit_code == 0 and "2 watched feeds" in status.stdout and "404" in status.stdout
    get_settings.cache_clear()
