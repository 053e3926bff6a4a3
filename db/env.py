"""Alembic environment. Migrations run on the store's own (keyed) connection,
passed in by workstation.store.migrate; there is no URL with a secret in it."""
from __future__ import annotations

from alembic import context

from workstation.store.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - offline SQL generation is not used
    raise RuntimeError("run migrations through workstation.store.migrate")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)


def _skip_sqlite_triggers(impl) -> None:
    """0001 (frozen) creates its append-only and dossier-lock triggers in SQLite's syntax
    (``BEGIN SELECT RAISE(ABORT, …); END``). On PostgreSQL those statements are skipped;
    0003 creates the same rules as plpgsql trigger functions."""
    execute = impl.execute

    def _execute(sql, execution_options=None):
        text = sql if isinstance(sql, str) else getattr(sql, "text", None)
        if isinstance(text, str) and text.lstrip().upper().startswith("CREATE TRIGGER") and "RAISE(ABORT" in text:
            return None
        return execute(sql, execution_options)

    impl.execute = _execute


with context.begin_transaction():
    if connection.dialect.name == "postgresql":
        _skip_sqlite_triggers(context.get_context().impl)
    context.run_migrations()
