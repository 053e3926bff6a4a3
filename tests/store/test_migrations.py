import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from workstation.store import migrate
from workstation.store.models import Base


def test_store_is_at_head(ws):
    assert migrate.current_revision(ws.store.engine) == migrate.head_revision()


def _not_server_rowid(obj, name, type_, reflected, compare_to):
    # settlements.rowid: SQLite's implicit row id, made an explicit column on the server (0003)
    return not (reflected and compare_to is None and name in ("rowid", "ix_settlements_rowid"))


def _compare_type(context, inspected_column, metadata_column, inspected_type, metadata_type):
    # personal columns hold sealed text on the server (store/personal.py): TEXT there by design
    from sqlalchemy import Text

    from workstation.store.personal import Personal

    if isinstance(metadata_column.type, Personal) and context.dialect.name == "postgresql":
        return not isinstance(inspected_type, Text)
    return None


def test_models_and_migrations_do_not_drift(ws):
    """The models equal the schema a fresh store gets by running every migration up to head."""
    with ws.store.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": _compare_type,
                                                     "include_object": _not_server_rowid})
        diff = compare_metadata(ctx, Base.metadata)
    assert diff == []


@pytest.mark.sqlite_only("names SQLite's triggers; the server's are checked in tests/store/test_office_server.py")
def test_append_only_triggers_exist(ws):
    with ws.store.engine.connect() as conn:
        names = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='trigger'")}
    for table in ("events", "samples", "sample_strata", "sample_units"):
        assert f"{table}_no_update" in names and f"{table}_no_delete" in names
    assert "findings_locked_by_dossier" in names
