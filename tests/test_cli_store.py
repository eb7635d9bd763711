from __future__ import annotations

import sqlite3

import pytest
from typer.testing import CliRunner

from entente.cli import app

from .conftest import DATA, SAMPLES

pytestmark = pytest.mark.slow
runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory, nlp):  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("cli") / "t.db"
    result = runner.invoke(app, ["ingest", str(SAMPLES), str(DATA / "actors"), "--db", str(path), "-q"])
    assert result.exit_code == 0, result.output
    return str(path)


def test_actors_lists_canonical_actors_of_a_country(db):  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["actors", "--db", db, "--country", "RUS"])
    assert result.exit_code == 0, result.output
    assert "Vladimir Putin" in result.stdout and "Pham Minh Chinh" not in result.stdout


def test_actor_shows_aliases_and_dated_roles(db):  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["actor", "Putin", "--db", db])
    assert result.exit_code == 0, result.output
    assert "Vladimir Vladimirovich Putin" in result.stdout and "2024-06-20  President" in result.stdout


def test_actor_names_an_ambiguous_surname_as_an_error(db):  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["actor", "Singh", "--db", db])
    assert result.exit_code == 1 and "names 2 actors" in result.stderr


def test_actor_merge_and_split_are_corrections(tmp_path, db):  # type: ignore[no-untyped-def]
    copy = tmp_path / "c.db"
    with sqlite3.connect(db) as src, sqlite3.connect(copy) as dst:
        src.backup(dst)
    merged = runner.invoke(app, ["actor", "merge", "Vladimir Kolokoltsev", "Vladimir Kolokoltsov", "--db", str(copy)])
    assert merged.exit_code == 0, merged.output
    split = runner.invoke(app, ["actor", "split", "Vladimir Putin", "--alias", "Putin", "--db", str(copy)])
    assert split.exit_code == 0, split.output
    wrong = runner.invoke(app, ["actor", "merge", "Vladimir Putin", "--db", str(copy)])
    assert wrong.exit_code == 2
