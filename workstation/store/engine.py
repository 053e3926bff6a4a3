"""The SQLCipher engine.

The key goes to SQLCipher as a raw 256-bit key (``PRAGMA key = "x'…'"``), so
SQLCipher skips its own passphrase KDF. It is applied inside the connection
factory and never appears in a URL, a log line or an exception text.
"""
from __future__ import annotations

from pathlib import Path

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from ..core import gui_thread
from ..core.errors import StoreError
from ..core.i18n import T

# The driver sends a None parameter through its adapter protocol, which looks for
# __adapt__/__conform__ and swallows two AttributeErrors per NULL: with empty cells
# in every row that doubled the time of a bulk insert. An explicit adapter for
# NoneType (returning None, which binds as NULL) takes the fast dictionary path.
# It is process-wide, so it lives with the engine that every write goes through.
sqlcipher3.dbapi2.register_adapter(type(None), lambda value: None)

PRAGMAS = (
    "PRAGMA foreign_keys = ON",
    "PRAGMA secure_delete = ON",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA busy_timeout = 10000",
    "PRAGMA cache_size = -65536",
)

DAMAGED = T(
    "数据库文件已损坏、被篡改或密钥不符（{detail}）",
    "The store file is damaged, has been tampered with, or does not match its key ({detail})",
)


def connect_raw(path: Path, key: bytes) -> sqlcipher3.dbapi2.Connection:
    """A DB-API connection with the key applied and the store's pragmas set."""
    if len(key) != 32:
        raise ValueError("store key must be 32 bytes")
    gui_thread.check("Opening the store")
    conn = sqlcipher3.dbapi2.connect(str(path), check_same_thread=False, isolation_level=None)
    try:
        # SQLCipher would otherwise print its own diagnostics on stderr; our
        # callers turn the failure into one clear message instead.
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute("PRAGMA key = \"x'%s'\"" % key.hex())
        # The first read of page 1 fails here when the key is wrong or the header is damaged.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("PRAGMA journal_mode = WAL").fetchone()
        conn.execute("PRAGMA synchronous = FULL")
        for pragma in PRAGMAS:
            conn.execute(pragma)
    except sqlcipher3.dbapi2.DatabaseError as exc:
        conn.close()
        raise StoreError(DAMAGED, detail=str(exc)) from None
    return conn


def make_engine(path: Path, key: bytes) -> Engine:
    path = Path(path)

    def creator() -> sqlcipher3.dbapi2.Connection:
        return connect_raw(path, key)

    engine = create_engine(
        "sqlite://",
        module=sqlcipher3.dbapi2,
        creator=creator,
        poolclass=QueuePool,
        pool_size=4,
        max_overflow=4,
        pool_pre_ping=False,
        # SQL parameters can hold personal data; never put them in exception texts.
        hide_parameters=True,
    )

    # Let SQLAlchemy, not the driver, decide when transactions begin (the
    # pysqlite recipe), so that SAVEPOINTs and rollbacks behave.
    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:  # pragma: no cover - trivial
        conn.exec_driver_sql("BEGIN")

    return engine
