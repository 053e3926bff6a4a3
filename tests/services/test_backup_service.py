"""Backup to one encrypted file, restore into a new store, verify; the weekly reminder."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.support.review_data import seed_units
from tests.support.stores import PASSPHRASES, login
from workstation.core.errors import BadInput, Conflict, NotPermitted
from workstation.paths import backups_dir_for
from workstation.services import backup_service
from workstation.store.models.claims import FeeLineRow, SettlementRow
from workstation.store.models.identity import EventRow

pytestmark = pytest.mark.sqlite_only("backup/restore/purge of a local store file; on a server these are the administrator's (pg_dump, DROP DATABASE), refusal tested in tests/store/test_office_server.py")


def _counts(ws):
    with ws.store.read() as s:
        return [s.execute(select(func.count()).select_from(t)).scalar_one() for t in (SettlementRow, FeeLineRow)]


def test_backup_restore_verify_and_no_plaintext(ws, tmp_path):
    seed_units(ws, n=4, lines=3)
    res = backup_service.backup(ws)
    path = Path(res.file)
    assert path.parent == backups_dir_for(ws.store.path) and path.suffix == ".wsbak"
    data = path.read_bytes()
    for secret in ("张某某", "410702197005011234", "新乡市第一人民医院", "注射用头孢曲松钠"):
        assert secret.encode("utf-8") not in data
    assert b"SQLite format 3" not in data  # the database inside is encrypted too
    assert not list(path.parent.glob("*.export*"))  # no temp file left beside it

    target = tmp_path / "restored" / "again.db"
    out = backup_service.restore_and_verify(path, target, "reviewer", PASSPHRASES["reviewer"])
    assert out["valid"] is True and out["sha256"] == res.sha256 and out["events"] > 0
    restored = login(target, "supervisor")
    try:
        assert _counts(restored) == _counts(ws)
        assert restored.store_id == ws.store_id
        with restored.store.read() as s:
            actions = list(s.execute(select(EventRow.action).order_by(EventRow.seq)).scalars())
        assert actions[-1] == "backup.restore"
    finally:
        restored.close()

    with pytest.raises(Conflict):
        backup_service.restore(path, target)


def test_damaged_backup_is_refused_and_nothing_is_left(ws, tmp_path):
    seed_units(ws, n=2, lines=2)
    path = tmp_path / "b.wsbak"
    backup_service.backup(ws, path)
    data = bytearray(path.read_bytes())
    data[-5000] ^= 0xFF
    path.write_bytes(bytes(data))
    target = tmp_path / "r.db"
    with pytest.raises(BadInput) as err:
        backup_service.restore_and_verify(path, target, "admin", PASSPHRASES["admin"])
    assert "篡改" in err.value.message("zh_CN")
    assert not target.exists() and not (tmp_path / "r.db.keys").exists()
    (tmp_path / "x.wsbak").write_bytes(b"hello")
    with pytest.raises(BadInput):
        backup_service.restore(tmp_path / "x.wsbak", tmp_path / "r2.db")


def test_reminder_after_a_week(ws, tmp_path):
    assert "还没有备份" in backup_service.reminder(ws)
    backup_service.backup(ws, tmp_path / "b.wsbak")
    assert backup_service.reminder(ws) is None
    later = dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=8)
    ws.lang = "en"
    assert "8 days" in backup_service.reminder(ws, now=later)
    assert backup_service.reminder(ws, now=dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=6)) is None


def test_reviewer_cannot_back_up(as_user, tmp_path):
    with pytest.raises(NotPermitted):
        backup_service.backup(as_user("reviewer"), tmp_path / "b.wsbak")
