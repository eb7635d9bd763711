"""Bring a database to the newest schema with the Alembic migrations in `migrations/`."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

SCRIPT_LOCATION = "entente.store:migrations"


# made by hand in migrations, not models: the full-text index (0003; on PostgreSQL the stored
# document column of 0007) and the newest-first indexes whose NULLS LAST only PostgreSQL accepts (0006, 0008)
HAND_MADE = ("articles_fts", "ix_articles_fts", "fts_document", "ix_events_newest", "ix_event_pairs_newest",
             "ix_event_pairs_type_newest", "ix_event_pairs_status_newest")


def include_object(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    """Leave the indexes made by hand in migrations out of comparisons with the models."""
    return not (name or "").startswith(HAND_MADE)


def alembic_config() -> Config:
    """An Alembic configuration pointing at the package's migrations (no alembic.ini needed)."""
    cfg = Config()
    cfg.set_main_option("script_location", SCRIPT_LOCATION)
    return cfg


@lru_cache(maxsize=1)
def head() -> str | None:
    """The newest revision, read once per process."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def upgrade(engine: Engine) -> None:
    """Run `upgrade head` on `engine` unless it is there already (a cheap check for the common case)."""
    with engine.connect() as conn:
        if MigrationContext.configure(conn).get_current_revision() == head():
            return
    with engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
