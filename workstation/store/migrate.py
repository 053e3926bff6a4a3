"""Apply Alembic migrations to an open store (automatically on open)."""
from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from ..paths import migrations_dir


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    return cfg


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate to ``revision`` in one transaction.

    On SQLite a batch migration may rebuild a table (copy, drop, rename), which
    foreign keys that point at it would refuse; SQLite's own procedure for such
    changes is to switch foreign keys off for the migration and check them all
    afterwards (sqlite.org/lang_altertable.html), which is what happens here: a
    migration that leaves a dangling reference is rolled back.
    """
    cfg = alembic_config()
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as conn:
        # on the driver's own connection (autocommit): inside a transaction SQLite ignores the pragma
        raw = conn.connection.driver_connection if sqlite else None
        if raw is not None:
            raw.execute("PRAGMA foreign_keys = OFF")
        try:
            with conn.begin():
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, revision)
                if sqlite:
                    bad = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if bad:
                        raise RuntimeError(f"migration left {len(bad)} rows with a dangling foreign key "
                                           f"(first in table {bad[0][0]})")
        finally:
            if raw is not None:
                raw.execute("PRAGMA foreign_keys = ON")


def upgrade_on(conn, revision: str = "head") -> None:
    """Migrate on an open connection, inside the caller's transaction (store copy: all or nothing)."""
    cfg = alembic_config()
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, revision)
