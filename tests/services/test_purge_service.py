"""Purge at project end: nothing of the store remains, no keyring entry remains, a certificate lists it all."""
from __future__ import annotations

from pathlib import Path

import keyring
import pytest

from tests.support.review_data import seed_units
from tests.support.stores import new_store
from workstation.core.errors import BadInput, NotPermitted, UsageError
from workstation.paths import backups_dir_for
from workstation.services import auth_service, backup_service, purge_service, secrets_keyring
from tests.support.stores import login

pytestmark = pytest.mark.sqlite_only("backup/restore/purge of a local store file; on a server these are the administrator's (pg_dump, DROP DATABASE), refusal tested in tests/store/test_office_server.py")


def test_purge_removes_every_file_and_keyring_entry(tmp_path, memory_keyring, artifacts):
    folder = tmp_path / "data"
    ws = new_store(folder, "project-xj.db")
    seed_units(ws, n=3, lines=2)
    backup_service.backup(ws)
    backup_service.backup(ws, backups_dir_for(ws.store.path) / "extra" / "second.wsbak")
    cache = purge_service.cache_dir_for(ws.store_id)
    cache.mkdir(parents=True)
    (cache / "preview.bin").write_bytes(b"cached evidence preview")
    auth_service.remember_on_this_computer(ws)
    other = login(ws.store.path, "reviewer")
    auth_service.remember_on_this_computer(other)
    other.close()
    keyring.set_password("someone-else", "entry", "kept")  # not ours: must survive
    assert len(memory_keyring.entries) == 3
    store_id, store_path = ws.store_id, ws.store.path
    before = sorted(p.name for p in purge_service.files_to_delete(store_path, store_id))
    assert "project-xj.db" in before and "project-xj.db.keys" in before and "preview.bin" in before

    with pytest.raises(UsageError):
        purge_service.purge(ws, "project-xj.db")  # the extension is not part of the confirmation
    cert = tmp_path / "out" / "certificate.pdf"
    report = purge_service.purge(ws, "project-xj", cert)

    remaining = [p for p in folder.rglob("*")]
    assert remaining == [], remaining
    assert not cache.exists()
    assert list(memory_keyring.entries) == [("someone-else", "entry")]
    assert secrets_keyring.recall(store_id, "admin") is None
    assert len(report.keyring_entries) == 2
    deleted = report.as_json()["deleted"]
    # -wal/-shm exist while the store is open; closing it checkpoints them into the store file first
    assert sorted(p.rsplit("/", 1)[1] for p in deleted) == [n for n in before if not n.endswith(("-wal", "-shm"))]
    assert str(store_path.resolve()) in deleted
    assert all(len(f.sha256) == 64 and f.size > 0 for f in report.files if not f.path.endswith(("-wal", "-shm")))

    pdf = cert.read_bytes()
    assert pdf.startswith(b"%PDF")
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(cert))
    text = "".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    assert "数据删除证明" in text and store_id in text
    for f in report.files:
        assert f.sha256 in text.replace("\r", "").replace("\n", "")
    doc[0].render(scale=1.2).to_pil().save(artifacts / "purge-certificate-p1.png")


def test_purge_needs_admin_and_refuses_certificate_in_deleted_folder(ws, as_user, tmp_path):
    with pytest.raises(NotPermitted):
        purge_service.purge(as_user("supervisor"), "store", tmp_path / "c.pdf")
    with pytest.raises(BadInput):
        purge_service.purge(ws, "store", backups_dir_for(ws.store.path) / "c.pdf")
    assert ws.store.path.exists()  # nothing was deleted


def test_purge_without_a_certificate_path_writes_it_beside_the_store_not_in_the_current_folder(
        ws, tmp_path, monkeypatch):
    elsewhere = tmp_path / "somewhere-else"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    store_dir = ws.store.path.parent
    report = purge_service.purge(ws, ws.store.path.stem)
    cert = Path(report.certificate)
    assert cert.parent == store_dir.resolve() and cert.name.startswith("deletion-certificate-store-")
    assert cert.read_bytes().startswith(b"%PDF") and list(elsewhere.iterdir()) == []


def test_purge_also_deletes_the_copies_taken_before_schema_upgrades(ws, tmp_path):
    from workstation.store import upgrade_backup

    copy = upgrade_backup.make(ws.store.path, ws.key, 1)
    assert copy.parent == ws.store.path.parent and copy.exists()
    report = purge_service.purge(ws, ws.store.path.stem, tmp_path / "cert.pdf")
    deleted = {Path(f.path).name for f in report.files if f.removed}
    assert {copy.name, copy.name + ".keys"} <= deleted
    assert not copy.exists() and not Path(str(copy) + ".keys").exists()
