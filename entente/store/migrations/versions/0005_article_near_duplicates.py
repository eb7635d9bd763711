"""near-duplicate groups: the canonical article a near-duplicate belongs to

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a plain ADD COLUMN: no batch rebuild of `articles`, so the full-text triggers of 0003 stay
    op.add_column('articles', sa.Column('duplicate_of', sa.String(length=200), nullable=True))
    op.create_index('ix_articles_duplicate_of', 'articles', ['duplicate_of'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_articles_duplicate_of', table_name='articles')
    op.drop_column('articles', 'duplicate_of')
