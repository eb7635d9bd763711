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


def test_upgrading_a_stored_database_places_its_events_and_groups_as_the_writer_does(db_url, corpus):  # type: ignore[no-untyped-def]
    from alembic import command
    from sqlalchemy import select

    from entente.store import models as m
    from entente.store.migrate import alembic_config, upgrade

    store = Store(db_url)
    for doc_id in sorted(corpus)[:12]:
        store.save(*corpus[doc_id])

    def placed():  # type: ignore[no-untyped-def]
        with store.session() as s:
            return (sorted(s.execute(select(m.Event.id, m.Event.placed)).all()),
                    sorted(s.execute(select(m.EventGroup.id, m.EventGroup.placed)).all()))

    written = placed()
    events, groups = written
    assert any(p for _, p in events) and any(p for _, p in groups)
    # some events give no date of their own and are placed by their article's
    with store.session() as s:
        assert s.scalar(select(m.Event.id).where(m.Event.date.is_(None), m.Event.placed.is_not(None))) is not None
    with store.engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0008")
    upgrade(store.engine)
    assert placed() == written
    store.close()


def test_upgrading_a_stored_database_scales_its_events_as_the_writer_does(db_url, corpus):  # type: ignore[no-untyped-def]
    from alembic import command
    from sqlalchemy import select

    from entente.store import models as m
    from entente.store.migrate import alembic_config, upgrade

    store = Store(db_url)
    for doc_id in sorted(corpus)[:12]:
        store.save(*corpus[doc_id])

    def scaled():  # type: ignore[no-untyped-def]
        with store.session() as s:
            return sorted(s.execute(select(m.Event.id, m.Event.type, m.Event.mode, m.Event.quad, m.Event.intensity)).all())

    written = scaled()
    assert written and all(quad and intensity is not None for _i, _t, _m, quad, intensity in written)
    assert len({mode for _i, _t, mode, _q, _s in written}) > 1  # modes scored apart are backfilled too
    with store.engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0010")
    upgrade(store.engine)
    assert scaled() == written
    store.close()
