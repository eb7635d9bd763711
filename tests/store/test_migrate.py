from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from entente.store import Store
from entente.store.migrate import head, include_object
from entente.store.models import Base


def test_migrations_build_the_schema_of_the_models(db_url):  # type: ignore[no-untyped-def]
    store = Store(db_url)
    with store.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"include_object": include_object})
        assert ctx.get_current_revision() == head()
        assert compare_metadata(ctx, Base.metadata) == []
    store.close()


def test_opening_a_migrated_database_again_keeps_its_data(db_url):  # type: ignore[no-untyped-def]
    Store(db_url).close()
    store = Store(db_url)
    assert store.counts() == {"articles": 0, "actors": 0, "events": 0, "facts": 0}
    store.close()
