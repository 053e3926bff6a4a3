"""The verified copy of a store taken before its schema is upgraded.

An upgrade rewrites tables; if it fails half-way or the new program turns out
wrong, the user must be able to go back. So before the first migration runs,
the store is exported with ``sqlcipher_export`` (same raw key, never a file
copy of a live WAL database) into a file *beside* it, with a copy of its key
slots, and the copy is opened and checked (every page's HMAC, its schema
revision and its number of events) before anything is migrated. Every user's
passphrase opens the copy, which keeps the old schema: an older program can
open it.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import shutil
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import StoreError
from ..core.i18n import T
from .engine import connect_raw
from .keyslots import sidecar_path

BACKUP_FAILED = T(
    "升级数据库结构前的备份未能通过校验，数据库未升级：{detail}",
    "The backup taken before upgrading the store's schema did not verify; the store was not upgraded: {detail}",
)


@dataclass(frozen=True)
class SchemaUpgrade:
    """What opening a store did to its schema (shown to the user: where the backup is)."""

    from_version: int
    to_version: int
    backup: Path

    TITLE = T("数据库结构已升级", "The store's schema was upgraded")

    def message(self) -> T:
        return T(
            "数据库结构已从版本 {old} 升级到 {new}；升级前的备份保存在 {backup}",
            "The store's schema was upgraded from version {old} to {new}; the backup taken before is {backup}",
        )

    def params(self) -> dict:
        return {"old": self.from_version, "new": self.to_version, "backup": str(self.backup)}


def backup_path(store_path: Path, from_version: int, now: dt.datetime | None = None) -> Path:
    now = now or dt.datetime.now()
    return store_path.with_name(f"{store_path.stem}.schema-v{from_version}-{now:%Y%m%d-%H%M%S}{store_path.suffix}")


def _facts(conn) -> tuple[str | None, int]:
    revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    return (revision[0] if revision else None), events


def make(store_path: Path, key: bytes, from_version: int) -> Path:
    """Export the store beside itself, with its key slots, and verify the copy; returns its path."""
    store_path = Path(store_path)
    target = backup_path(store_path, from_version)
    if target.exists():
        raise StoreError(BACKUP_FAILED, detail=f"{target.name} exists")
    try:
        conn = connect_raw(store_path, key)
        try:
            expected = _facts(conn)
            conn.execute("ATTACH DATABASE ? AS upgrade_backup KEY \"x'%s'\"" % key.hex(), (str(target),))
            conn.execute("SELECT sqlcipher_export('upgrade_backup')")
            conn.execute("DETACH DATABASE upgrade_backup")
        finally:
            conn.close()
        slots = sidecar_path(store_path)
        if slots.exists():
            shutil.copy2(slots, sidecar_path(target))
        copy = connect_raw(target, key)
        try:
            problems = [r[0] for r in copy.execute("PRAGMA cipher_integrity_check")]
            found = _facts(copy)
        finally:
            copy.close()
        if problems or found != expected:
            raise StoreError(BACKUP_FAILED, detail=problems[0] if problems else "content differs")
    except BaseException:
        for p in (target, sidecar_path(target), Path(str(target) + "-wal"), Path(str(target) + "-shm")):
            with contextlib.suppress(FileNotFoundError):
                p.unlink()
        raise
    for p in (Path(str(target) + "-wal"), Path(str(target) + "-shm")):
        with contextlib.suppress(FileNotFoundError):
            p.unlink()
    return target


def copies_of(store_path: Path) -> list[Path]:
    """The copies taken before upgrades of this store, with their key slots (purge deletes them too)."""
    store_path = Path(store_path)
    out = []
    for copy in sorted(store_path.parent.glob(f"{store_path.stem}.schema-v*{store_path.suffix}")):
        out += [copy, sidecar_path(copy)]
    return out
