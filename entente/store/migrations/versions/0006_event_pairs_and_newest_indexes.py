"""country pairs of events and newest-first indexes for paging the events list

`event_pairs` holds every two countries of an event with the event's date, so a page of
`--between A B` newest first is one ordered index range; `ix_events_newest` serves the unfiltered
newest-first page. Both indexes match `ORDER BY date DESC NULLS LAST, id` exactly: PostgreSQL
needs NULLS LAST written in the index, SQLite refuses the words (its DESC puts NULLs last), so
they are made by hand here and left out of model comparisons (entente.store.migrate.HAND_MADE).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

NEWEST = {"ix_events_newest": ("events", "date {desc}, id"),
          "ix_event_pairs_newest": ("event_pairs", "a, b, date {desc}, event_id")}
DESC = {"postgresql": "DESC NULLS LAST"}


def upgrade() -> None:
    op.create_table(
        'event_pairs',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('event_id', sa.Integer(), nullable=False),
        sa.Column('a', sa.String(length=3), nullable=False),
        sa.Column('b', sa.String(length=3), nullable=False),
        sa.Column('date', sa.String(length=30), nullable=True),
        sa.ForeignKeyConstraint(['event_id'], ['events.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'))
    op.create_index('ix_event_pairs_event_id', 'event_pairs', ['event_id'], unique=False)
    op.execute("INSERT INTO event_pairs (event_id, a, b, date) "
               "SELECT c1.event_id, c1.country, c2.country, e.date FROM event_countries c1 "
               "JOIN event_countries c2 ON c2.event_id = c1.event_id AND c1.country < c2.country "
               "JOIN events e ON e.id = c1.event_id ORDER BY c1.event_id, c1.country, c2.country")
    desc = DESC.get(op.get_bind().dialect.name, "DESC")
    for name, (table, columns) in NEWEST.items():
        op.execute(f"CREATE INDEX {name} ON {table} ({columns.format(desc=desc)})")


def downgrade() -> None:
    for name in NEWEST:
        op.execute(f"DROP INDEX {name}")
    op.drop_index('ix_event_pairs_event_id', table_name='event_pairs')
    op.drop_table('event_pairs')
