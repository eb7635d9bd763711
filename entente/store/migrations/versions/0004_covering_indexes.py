"""covering indexes for the events filters

Country, actor and sector filters read (key, event_id) pairs straight from an index; the
single-column indexes they replace go.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from __future__ import annotations

from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

NEW = [("ix_event_countries_country_event", "event_countries", ["country", "event_id"]),
       ("ix_event_countries_event_country", "event_countries", ["event_id", "country"]),
       ("ix_event_arguments_entity_event", "event_arguments", ["entity_id", "event_id"]),
       ("ix_sectors_sector_event", "sectors", ["sector", "event_id"])]
OLD = [("ix_event_countries_country", "event_countries", ["country"]),
       ("ix_event_countries_event_id", "event_countries", ["event_id"]),
       ("ix_event_arguments_entity_id", "event_arguments", ["entity_id"]),
       ("ix_sectors_sector", "sectors", ["sector"])]


def upgrade() -> None:
    for name, table, columns in NEW:
        op.create_index(name, table, columns)
    for name, table, _columns in OLD:
        op.drop_index(name, table_name=table)


def downgrade() -> None:
    for name, table, columns in OLD:
        op.create_index(name, table, columns)
    for name, table, _columns in NEW:
        op.drop_index(name, table_name=table)
