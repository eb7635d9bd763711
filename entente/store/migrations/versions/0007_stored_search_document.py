"""PostgreSQL: the full-text document stored with each article

The tsvector of title and text becomes a stored generated column with its own GIN index (in place
of 0003's index on the expression), so a filter that checks articles one at a time (the newest
events first, each against the words) reads it instead of parsing the article again: ~0.5 ms an
article before. SQLite's FTS5 table stores its index already: nothing changes there.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23
"""

from __future__ import annotations

from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

UP = ["ALTER TABLE articles ADD COLUMN fts_document tsvector GENERATED ALWAYS AS "
      "(to_tsvector('english', coalesce(title, '') || ' ' || text)) STORED",
      "CREATE INDEX ix_articles_fts_document ON articles USING gin (fts_document)",
      "DROP INDEX ix_articles_fts"]
DOWN = ["CREATE INDEX ix_articles_fts ON articles USING gin (to_tsvector('english', coalesce(title, '') || ' ' || text))",
        "DROP INDEX ix_articles_fts_document",
        "ALTER TABLE articles DROP COLUMN fts_document"]


def _run(statements: list[str]) -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in statements:
            op.execute(statement)


def upgrade() -> None:
    _run(UP)


def downgrade() -> None:
    _run(DOWN)
