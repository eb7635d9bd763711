"""where grouping places events and groups in time, stored and indexed

Grouping found what a new report could match, and linking found the plans and realisations of a
group, through every event of their actors, then filtered by date: PostgreSQL's work grew with the
actors' whole history (a sequential scan of all events in a 20,000-article store). The placement
day (the event's or group's date, else its article's) is now a column with an index, so both read
the weeks around a report, then check actors.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

DATED = "date IS NOT NULL AND date NOT LIKE '-%'"


def upgrade() -> None:
    op.add_column('events', sa.Column('placed', sa.String(length=30), nullable=True))
    op.add_column('event_groups', sa.Column('placed', sa.String(length=30), nullable=True))
    op.execute(f"UPDATE events SET placed = CASE WHEN {DATED} THEN date ELSE "
               "(SELECT published FROM articles WHERE articles.id = events.article_id "
               "AND published NOT LIKE '-%') END")
    op.execute(f"UPDATE event_groups SET placed = CASE WHEN {DATED} THEN date ELSE "
               "(SELECT min(articles.published) FROM events JOIN articles ON articles.id = events.article_id "
               "WHERE events.group_id = event_groups.id AND articles.published NOT LIKE '-%') END")
    op.create_index('ix_events_placed', 'events', ['placed'], unique=False)
    op.create_index('ix_event_groups_type_status_placed', 'event_groups', ['type', 'status', 'placed'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_event_groups_type_status_placed', table_name='event_groups')
    op.drop_index('ix_events_placed', table_name='events')
    op.drop_column('event_groups', 'placed')
    op.drop_column('events', 'placed')
