"""every event carries PLOVER's quad category and conflict/cooperation score

`quad` (verbal or material, cooperation or conflict) and `intensity` (-10 to +10) follow from an
event's type and mode by PLOVER's tables (entente/data/plover_quad.json); the events stored before
are given theirs here, as the writer gives new ones.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from entente.plover import table

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('events', sa.Column('quad', sa.String(length=30), nullable=True))
    op.add_column('events', sa.Column('intensity', sa.Float(), nullable=True))
    events = sa.table('events', sa.column('type', sa.String), sa.column('mode', sa.String),
                      sa.column('quad', sa.String), sa.column('intensity', sa.Float))
    for type_, entry in table().items():
        op.execute(events.update().where(events.c.type == type_)
                   .values(quad=entry['quad'], intensity=entry['intensity']))
        for mode, score in entry['modes'].items():
            op.execute(events.update().where(events.c.type == type_, events.c.mode == mode).values(intensity=score))


def downgrade() -> None:
    op.drop_column('events', 'intensity')
    op.drop_column('events', 'quad')
