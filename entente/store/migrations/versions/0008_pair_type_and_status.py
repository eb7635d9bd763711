"""the event's type and status copied onto its country pairs, each with a newest-first index

`--between A B --type T` and `--between A B --status S` are then one ordered range of an index,
for the page and for its count alike, instead of a walk along the pair that looks up every event
to test its type or status (all of the pair's events when few match). Written by hand for the
reason of 0006: PostgreSQL needs NULLS LAST in the index, SQLite refuses the words.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

COLUMNS = {"type": 20, "status": 20}
DESC = {"postgresql": "DESC NULLS LAST"}


def upgrade() -> None:
    for column, length in COLUMNS.items():
        op.add_column('event_pairs', sa.Column(column, sa.String(length=length), nullable=True))
    op.execute("UPDATE event_pairs SET type = (SELECT type FROM events WHERE events.id = event_pairs.event_id), "
               "status = (SELECT status FROM events WHERE events.id = event_pairs.event_id)")
    desc = DESC.get(op.get_bind().dialect.name, "DESC")
    for column in COLUMNS:
        op.execute(f"CREATE INDEX ix_event_pairs_{column}_newest ON event_pairs (a, b, {column}, date {desc}, event_id)")


def downgrade() -> None:
    for column in COLUMNS:
        op.execute(f"DROP INDEX ix_event_pairs_{column}_newest")
        op.drop_column('event_pairs', column)
