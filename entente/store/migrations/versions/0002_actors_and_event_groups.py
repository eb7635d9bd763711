"""actors across articles, overrides and event groups

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('actor_overrides',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(length=10), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('name_key', sa.String(length=300), nullable=False),
    sa.Column('other', sa.String(length=300), nullable=False),
    sa.Column('other_key', sa.String(length=300), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('actor_overrides', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_actor_overrides_name_key'), ['name_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_actor_overrides_other_key'), ['other_key'], unique=False)

    op.create_table('event_groups',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('type', sa.String(length=20), nullable=False),
    sa.Column('mode', sa.String(length=40), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('date', sa.String(length=30), nullable=True),
    sa.Column('reports', sa.Integer(), nullable=False),
    sa.Column('sources', sa.Integer(), nullable=False),
    sa.Column('score', sa.Float(), nullable=False),
    sa.Column('realised_by', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['realised_by'], ['event_groups.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('event_groups', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_groups_realised_by'), ['realised_by'], unique=False)

    op.create_table('article_actors',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['entity_id'], ['entities.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('article_actors', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_article_actors_article_id'), ['article_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_article_actors_entity_id'), ['entity_id'], unique=False)

    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('group_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('group_score', sa.Float(), nullable=True))
        batch_op.create_index(batch_op.f('ix_events_group_id'), ['group_id'], unique=False)
        batch_op.create_foreign_key('fk_events_group_id_event_groups', 'event_groups', ['group_id'], ['id'], ondelete='SET NULL')



def downgrade() -> None:
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_constraint('fk_events_group_id_event_groups', type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_events_group_id'))
        batch_op.drop_column('group_score')
        batch_op.drop_column('group_id')

    with op.batch_alter_table('article_actors', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_article_actors_entity_id'))
        batch_op.drop_index(batch_op.f('ix_article_actors_article_id'))

    op.drop_table('article_actors')
    with op.batch_alter_table('event_groups', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_groups_realised_by'))

    op.drop_table('event_groups')
    with op.batch_alter_table('actor_overrides', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_actor_overrides_other_key'))
        batch_op.drop_index(batch_op.f('ix_actor_overrides_name_key'))

    op.drop_table('actor_overrides')
