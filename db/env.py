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
with context.begin_transaction():
    context.run_migrations()
