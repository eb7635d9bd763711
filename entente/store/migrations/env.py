"""Alembic environment: migrates the connection Store hands over, or the URL in the config.

Store runs `upgrade head` itself; the `alembic` command works too, with
`-x db=<sqlite path or URL>` and `script_location = entente.store:migrations`.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from entente.config import database_url
from entente.store.migrate import include_object
from entente.store.models import Base


def _migrate(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=Base.metadata, include_object=include_object,
                      render_as_batch=connection.dialect.name == "sqlite")
    with context.begin_transaction():
        context.run_migrations()


def run() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _migrate(connection)
        return
    db = context.get_x_argument(as_dictionary=True).get("db") or context.config.get_main_option("sqlalchemy.url")
    if not db:
        raise SystemExit("give the database with -x db=<sqlite path or URL>")
    engine = create_engine(database_url(db))
    with engine.connect() as conn:
        _migrate(conn)
    engine.dispose()


run()
