"""An open, unlocked store: engine, sessions and its identity."""
from __future__ import annotations

import contextlib
import logging
from pathlib import Path
from typing import Iterator

from sqlalchemy import Engine, text
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.orm import Session, sessionmaker

from ..core.errors import StoreError
from .engine import DAMAGED, make_engine
from . import gui_guard, migrate, schema_version, upgrade_backup  # noqa: F401  (gui_guard registers itself)

log = logging.getLogger(__name__)


class Store:
    is_server = False  # a local SQLCipher file; store/server.py's ServerStore is a database on the office server

    def __init__(self, path: Path, store_id: str, engine: Engine) -> None:
        self.path = path if getattr(path, "is_server_address", False) else Path(path)
        self.store_id = store_id
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        # Set when opening upgraded the schema: the caller tells the user where the backup is.
        self.upgrade: upgrade_backup.SchemaUpgrade | None = None

    @classmethod
    def open(cls, path: Path, store_id: str, key: bytes, *, check_integrity: bool = True) -> "Store":
        """Open with the raw key, check every page's HMAC, migrate to head.

        A store made by a newer program is refused unchanged (NewerSchema, exit 2);
        an older one is first copied beside itself and the copy verified
        (``upgrade_backup``), then upgraded; ``store.upgrade`` says where the copy is.
        """
        path = Path(path)
        if not path.exists():
            raise StoreError(detail=str(path.name))
        engine = make_engine(path, key)
        try:
            if check_integrity:
                _integrity_check(engine)
            found = schema_version.state(engine)
            upgrade = None
            if found.needs_upgrade and found.revision is not None:
                backup = upgrade_backup.make(path, key, found.version)
                upgrade = upgrade_backup.SchemaUpgrade(found.version, found.head_version, backup)
            migrate.upgrade(engine)
        except SADatabaseError as exc:
            engine.dispose()
            raise StoreError(DAMAGED, detail=str(exc.orig)) from None
        except StoreError:
            engine.dispose()
            raise
        store = cls(path, store_id, engine)
        store.upgrade = upgrade
        return store

    @classmethod
    def open_new(cls, path: Path, store_id: str, key: bytes) -> "Store":
        """Create the database file (it must not exist) and migrate it to head."""
        path = Path(path)
        if path.exists():
            raise StoreError(detail=str(path.name))
        engine = make_engine(path, key)
        migrate.upgrade(engine)
        return cls(path, store_id, engine)

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: commits when the block ends, rolls back on error."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session (rolled back at the end)."""
        session = self._sessions()
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    def checkpoint(self) -> None:
        with self.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        try:
            self.checkpoint()
        except Exception as exc:  # closing must not fail; the WAL is folded in on the next open instead
            log.warning("WAL checkpoint on close failed: %s", type(exc).__name__)
        self.engine.dispose()


def _integrity_check(engine: Engine) -> None:
    """SQLCipher checks the HMAC of every page; a flipped byte anywhere fails here."""
    with engine.connect() as conn:
        problems = [r[0] for r in conn.execute(text("PRAGMA cipher_integrity_check"))]
    if problems:
        raise StoreError(DAMAGED, detail=problems[0])
