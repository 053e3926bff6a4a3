"""Full encrypted backups to one file, and restoring them into a new store.

The backup is taken with SQLCipher's ``sqlcipher_export`` into a fresh
database encrypted with the *same* raw key (never a file copy of the live
database, which could catch a half-written WAL), and packed with the key-slot
sidecar into one container file::

    b"WSBAK1\\n" | uint32 header length | header JSON | key slots | database

The header (no personal data: store id, file name, who, when, sizes and
SHA-256 of both parts) lets restore check the parts before writing anything.
Keeping the store key means every user's passphrase opens the restored store
as before and the restored store keeps its store id (it *is* the same store);
the database pages stay authenticated by SQLCipher's per-page HMAC, the slots
by AES-GCM. The file is written atomically (temp file beside it, fsync,
os.replace).
"""
from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import struct
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import BadInput, Conflict, StoreError, UsageError
from ..core.i18n import T
from ..paths import backups_dir_for
from ..store.atomic import atomic_writer
from ..store.engine import connect_raw
from ..store.event_log import now_iso
from ..store.keyslots import sidecar_path
from ..store.schema_version import NEWER_BACKUP, head_version, refuse_newer
from . import settings_service
from .workspace import Workspace

MAGIC = b"WSBAK1\n"
FORMAT = "workstation-backup/1"
LAST_KEY = "backup.last_at"
REMIND_AFTER = dt.timedelta(days=7)
SUFFIX = ".wsbak"

NOT_A_BACKUP = T("不是工作站的备份文件：{f}", "Not a workstation backup file: {f}")
DAMAGED = T("备份文件已损坏或被篡改（校验和不符）：{f}", "The backup file is damaged or has been tampered with "
            "(checksum mismatch): {f}")


@dataclass(frozen=True)
class BackupResult:
    file: str
    sha256: str
    size: int

    def as_json(self) -> dict:
        return {"file": self.file, "sha256": self.sha256, "size": self.size}


def default_target(ws: Workspace, now: dt.datetime | None = None) -> Path:
    now = now or dt.datetime.now()
    return backups_dir_for(ws.store.path) / f"{ws.store.path.stem}-{now:%Y%m%d-%H%M%S}{SUFFIX}"


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


SERVER_BACKUP = T("办公室服务器上的数据由服务器管理员用 pg_dump 备份（见 README“办公室服务器”）",
                  "An office server is backed up by its administrator with pg_dump (README, \"Office server\")")


def backup(ws: Workspace, target: Path | None = None) -> BackupResult:
    if ws.store.is_server:
        raise UsageError(SERVER_BACKUP)
    """Write a full encrypted backup (supervisor or admin) and record its time."""
    ws.require_supervisor()
    target = Path(target) if target else default_target(ws)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".export", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()  # sqlcipher_export wants to create the attached database itself
    try:
        conn = connect_raw(ws.store.path, ws.key)
        try:
            conn.execute("ATTACH DATABASE ? AS backup KEY \"x'%s'\"" % ws.key.hex(), (str(tmp),))
            conn.execute("SELECT sqlcipher_export('backup')")
            conn.execute("DETACH DATABASE backup")
        finally:
            conn.close()
        slots = sidecar_path(ws.store.path).read_bytes()
        header = json.dumps({
            "format": FORMAT, "store_id": ws.store_id, "store_file": ws.store.path.name, "by": ws.user.name,
            "created": now_iso(), "slots_size": len(slots), "slots_sha256": hashlib.sha256(slots).hexdigest(),
            "db_size": tmp.stat().st_size, "db_sha256": _sha256_file(tmp),
            "schema_version": head_version(),  # a newer program's backup is refused by an older one
        }, sort_keys=True).encode("utf-8")
        digest = hashlib.sha256()
        with atomic_writer(target) as out:
            for part in (MAGIC, struct.pack(">I", len(header)), header, slots):
                out.write(part)
                digest.update(part)
            with open(tmp, "rb") as db:
                for chunk in iter(lambda: db.read(1 << 20), b""):
                    out.write(chunk)
                    digest.update(chunk)
    finally:
        for p in (tmp, Path(str(tmp) + "-journal"), Path(str(tmp) + "-wal"), Path(str(tmp) + "-shm")):
            with contextlib.suppress(FileNotFoundError):
                p.unlink()
    sha = digest.hexdigest()
    with ws.store.session() as s:
        settings_service.put(ws, LAST_KEY, now_iso(), session=s)
        ws.log(s, "backup.create", "store", ws.store_id, details={"file": target.name, "sha256": sha})
    return BackupResult(str(target), sha, target.stat().st_size)


def _read_header(fh, name: str) -> tuple[dict, int]:
    if fh.read(len(MAGIC)) != MAGIC:
        raise BadInput(NOT_A_BACKUP, f=name)
    raw_len = fh.read(4)
    if len(raw_len) != 4:
        raise BadInput(DAMAGED, f=name)
    (n,) = struct.unpack(">I", raw_len)
    if n > 1 << 20:
        raise BadInput(DAMAGED, f=name)
    try:
        header = json.loads(fh.read(n).decode("utf-8"))
        if header.get("format") != FORMAT:
            raise ValueError
    except ValueError:
        raise BadInput(DAMAGED, f=name) from None
    return header, len(MAGIC) + 4 + n


def restore(backup_file: Path, target: Path) -> dict:
    """Unpack a backup into ``target`` (which must not exist), checking both parts' SHA-256 first.

    Returns the backup's header. The caller then opens the store (with a
    user's passphrase) and runs ``audit verify``; see ``restore_and_verify``.
    """
    backup_file, target = Path(backup_file), Path(target)
    if target.exists() or sidecar_path(target).exists():
        raise Conflict(T("目标数据库已存在，恢复只写入新的数据库：{path}",
                         "A store already exists there; restore only writes a new store: {path}"), path=str(target))
    try:
        fh = open(backup_file, "rb")
    except OSError as exc:
        raise BadInput(T("无法读取文件：{e}", "Cannot read the file: {e}"), e=exc.strerror or str(exc),
                       file=backup_file.name) from None
    with fh:
        header, offset = _read_header(fh, backup_file.name)
        refuse_newer(header.get("schema_version"), message=NEWER_BACKUP, file=backup_file.name)
        slots = fh.read(int(header["slots_size"]))
        if hashlib.sha256(slots).hexdigest() != header["slots_sha256"]:
            raise BadInput(DAMAGED, f=backup_file.name)
        target.parent.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        try:
            with atomic_writer(target) as out:
                remaining = int(header["db_size"])
                while remaining > 0:
                    chunk = fh.read(min(1 << 20, remaining))
                    if not chunk:
                        break
                    out.write(chunk)
                    digest.update(chunk)
                    remaining -= len(chunk)
                if remaining or fh.read(1) or digest.hexdigest() != header["db_sha256"]:
                    raise BadInput(DAMAGED, f=backup_file.name)
            with atomic_writer(sidecar_path(target)) as out:
                out.write(slots)
        except BaseException:
            for p in (target, sidecar_path(target)):
                with contextlib.suppress(FileNotFoundError):
                    p.unlink()
            raise
    return header


def restore_and_verify(backup_file: Path, target: Path, user: str, passphrase: str, *, lang: str = "zh_CN") -> dict:
    """Restore, then open as ``user`` (page HMACs checked) and verify the event log.

    A restore that does not verify is removed again, so no half-good store is left behind.
    """
    from . import audit_service, auth_service

    header = restore(backup_file, target)
    try:
        ws = auth_service.unlock(target, user, passphrase, lang=lang)
        try:
            check = audit_service.verify(ws)
            with ws.store.session() as s:
                ws.log(s, "backup.restore", "store", ws.store_id,
                       details={"file": Path(backup_file).name, "created": header.get("created")})
        finally:
            ws.close()
    except BaseException:
        _remove_store_files(target)
        raise
    if not check.valid:
        _remove_store_files(target)
        raise StoreError(T("恢复后的事件日志校验失败（第 {n} 条），已删除恢复结果",
                           "The restored event log fails its check (event {n}); the restored store was removed"),
                         n=check.first_bad_event)
    return {"file": str(backup_file), "sha256": _sha256_file(Path(backup_file)), "db": str(target),
            "events": check.events, "valid": check.valid, "created": header.get("created")}


def _remove_store_files(target: Path) -> None:
    for p in (target, sidecar_path(target), Path(str(target) + "-wal"), Path(str(target) + "-shm")):
        with contextlib.suppress(FileNotFoundError):
            p.unlink()


# -- the reminder ------------------------------------------------------------------------------
def last_backup_at(ws: Workspace) -> dt.datetime | None:
    value = settings_service.get(ws, LAST_KEY)
    if not value:
        return None
    return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))


NEVER_BACKED_UP = T("此数据库还没有备份，请尽快备份（数据与外勤 → 立即备份）。",
                    "This store has never been backed up; please back it up (Data and field work → Back up now).")
BACKUP_OLD = T("上次备份是 {days} 天前，请备份（数据与外勤 → 立即备份）。",
               "The last backup is {days} days old; please back up (Data and field work → Back up now).")


def reminder(ws: Workspace, now: dt.datetime | None = None) -> str | None:
    if ws.store.is_server:
        return None  # the server's backups are the administrator's (pg_dump)
    """The reminder in the workspace's language when the last backup is older than a week (or missing)."""
    now = now or dt.datetime.now(dt.timezone.utc)
    last = last_backup_at(ws)
    if last is None:
        return NEVER_BACKED_UP.render(ws.lang)
    age = now - last
    if age > REMIND_AFTER:
        return BACKUP_OLD.render(ws.lang, days=age.days)
    return None

