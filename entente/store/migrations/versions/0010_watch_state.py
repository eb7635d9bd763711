"""what `entente watch` has seen: feeds with their validators and last poll, article links fetched
or given up on, and alerts fired

Kept in the store so a restart never fetches, stores or announces the same thing twice.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('watch_feeds',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('url', sa.Text(), nullable=False),
    sa.Column('url_key', sa.String(length=64), nullable=False),
    sa.Column('etag', sa.String(length=500), nullable=True),
    sa.Column('last_modified', sa.String(length=100), nullable=True),
    sa.Column('last_poll', sa.DateTime(), nullable=True),
    sa.Column('last_result', sa.String(length=200), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('polls', sa.Integer(), nullable=False),
    sa.Column('errors', sa.Integer(), nullable=False),
    sa.Column('items_seen', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('url_key')
    )
    op.create_table('watch_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_key', sa.String(length=64), nullable=False),
    sa.Column('url', sa.Text(), nullable=False),
    sa.Column('feed_id', sa.Integer(), nullable=True),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('doc_id', sa.String(length=200), nullable=True),
    sa.Column('content_hash', sa.String(length=64), nullable=True),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('alerted', sa.Boolean(), nullable=False),
    sa.Column('seen_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['feed_id'], ['watch_feeds.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('item_key')
    )
    op.create_index('ix_watch_items_feed_id', 'watch_items', ['feed_id'], unique=False)
    op.create_index('ix_watch_items_doc_id', 'watch_items', ['doc_id'], unique=False)
    op.create_table('watch_alerts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('alert_key', sa.String(length=300), nullable=False),
    sa.Column('doc_id', sa.String(length=200), nullable=False),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('delivered', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('alert_key')
    )
    op.create_index('ix_watch_alerts_doc_id', 'watch_alerts', ['doc_id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_watch_alerts_doc_id', table_name='watch_alerts')
    op.drop_table('watch_alerts')
    op.drop_index('ix_watch_items_doc_id', table_name='watch_items')
    op.drop_index('ix_watch_items_feed_id', table_name='watch_items')
    op.drop_table('watch_items')
    op.drop_table('watch_feeds')
