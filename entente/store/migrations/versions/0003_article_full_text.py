"""full-text index over article title and text

FTS5 external-content table kept by triggers on SQLite; a GIN index on the tsvector expression
of entente.store.fts on PostgreSQL. (A later batch migration that rebuilds `articles` on SQLite
must recreate the triggers.)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

SQLITE_UP = [
    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='id', "
    "tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
    "CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text); END",
    "CREATE TRIGGER articles_fts_au AFTER UPDATE ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text); "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
    "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')",
]
SQLITE_DOWN = ["DROP TRIGGER articles_fts_au", "DROP TRIGGER articles_fts_ad", "DROP TRIGGER articles_fts_ai",
               "DROP TABLE articles_fts"]
PG_UP = ["CREATE INDEX ix_articles_fts ON articles USING gin "
         "(to_tsvector('english', coalesce(title, '') || ' ' || text))"]
PG_DOWN = ["DROP INDEX ix_articles_fts"]


def _run(sqlite: list[str], postgresql: list[str]) -> None:
    dialect = op.get_bind().dialect.name
    for statement in {"sqlite": sqlite, "postgresql": postgresql}.get(dialect, []):
        op.execute(statement)


def upgrade() -> None:
    _run(SQLITE_UP, PG_UP)


def downgrade() -> None:
    _run(SQLITE_DOWN, PG_DOWN)
