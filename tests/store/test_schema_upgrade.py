"""Schema evolution: stores, packages and backups written by older and newer programs.

Every released schema version has a fixture store in tests/fixtures/stores/v<N>/
(made by tools/make_fixture_store.py when that version was released, never
re-made). Today's program must open each one, back it up beside itself if it
upgrades it, keep its content and its event log's integrity. A store, package or
backup from a newer program is refused with one clear line and exit 2, unchanged.
"""
from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest

from tests.support.cli import run_inproc
from tests.support.stores import PASSPHRASES as TEST_PASSPHRASES
from tests.support.stores import new_store
from workstation.services import auth_service, backup_service, package_format, review_service
from workstation.store import migrate, schema_version
from workstation.store.engine import connect_raw
from workstation.store.keyslots import sidecar_path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "stores"
PASSPHRASES = json.loads((FIXTURES / "passphrases.json").read_text(encoding="utf-8"))
FIXTURE_DIRS = sorted(d for d in FIXTURES.glob("v*") if (d / "store.db").exists())


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _cli(monkeypatch, db: Path, user: str, passphrase: str, *args: str):
    return run_inproc(["--db", str(db), "--json", *args], monkeypatch, user=user, passphrase=passphrase)


def test_every_released_version_has_a_fixture_store():
    assert {int(d.name[1:]) for d in FIXTURE_DIRS} == set(schema_version.RELEASED)


def test_released_migrations_are_frozen_and_in_the_chain_at_their_version():
    chain = schema_version.chain()
    for version, (revision, file, digest) in schema_version.RELEASED.items():
        assert chain[version - 1] == revision
        assert schema_version.version_of(revision) == version
        assert _sha(migrate.migrations_dir() / "versions" / file) == digest, f"{file} was edited: make a new migration"


@pytest.fixture(params=FIXTURE_DIRS, ids=lambda d: d.name)
def old_store(request, tmp_path):
    """A copy of one fixture store (the committed files stay as they are)."""
    src: Path = request.param
    for f in (src / "store.db", sidecar_path(src / "store.db")):
        shutil.copy2(f, tmp_path / f.name)
    return tmp_path / "store.db", json.loads((src / "expected.json").read_text(encoding="utf-8"))


def test_fixture_store_opens_upgrades_and_keeps_its_content(old_store, monkeypatch, tmp_path):
    db, expected = old_store
    admin, supervisor = ("admin", PASSPHRASES["admin"]), ("supervisor", PASSPHRASES["supervisor"])

    verify = _cli(monkeypatch, db, *admin, "audit", "verify")
    assert verify.code == 0, verify.err
    assert verify.json["valid"] is True and verify.json["first_bad_event"] is None
    assert verify.json["events"] >= expected["events"]
    backups = sorted(db.parent.glob("store.schema-v*.db"))
    if expected["schema_version"] < schema_version.head_version():
        assert len(backups) == 1 and str(backups[0]) in verify.err  # made and named on the first open
        conn = connect_raw(backups[0], auth_service_key(backups[0], *admin))
        try:  # the backup keeps the old schema and every event
            rev = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
            assert rev == schema_version.RELEASED[expected["schema_version"]][0]
            assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == expected["events"]
        finally:
            conn.close()
    else:
        assert backups == []

    ws = auth_service.unlock(db, *admin)
    try:
        assert migrate.current_revision(ws.store.engine) == migrate.head_revision()
        assert ws.store.upgrade is None  # upgraded once, on the first open
        assert sorted(u.name for u in auth_service.list_users(ws)) == expected["users"]
        items = review_service.queue(ws, all_users=True).items
        assert sum(i.findings for i in items) == expected["findings"]
        evidence = sum(len(f.evidence) for i in items for f in review_service.unit(ws, i.unit_id).findings)
        assert evidence == expected["evidence"]
    finally:
        ws.close()

    samples = _cli(monkeypatch, db, *supervisor, "sample", "list")
    assert samples.code == 0 and len(samples.json["samples"]) == expected["samples"]
    assert samples.json["samples"][0]["sample_size"] == expected["sample_size"]
    did = str(expected["dossier"]["id"])
    pdf = tmp_path / "dossier.pdf"
    assert _cli(monkeypatch, db, *supervisor, "dossier", "export", did, str(pdf)).code == 0
    checked = _cli(monkeypatch, db, *supervisor, "dossier", "verify", str(pdf))
    assert checked.code == 0 and checked.json["valid"] is True, checked.err
    assert len(checked.json["signers"]) == 2


def auth_service_key(path: Path, user: str, passphrase: str) -> bytes:
    from workstation.store.keyslots import KeySlots

    return KeySlots.load(path).unwrap(user, passphrase)


NEXT_MIGRATION = '''"""a later release's change (test only)"""
from alembic import op
import sqlalchemy as sa

revision = "9001"
down_revision = {head!r}
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("later_release_notes", sa.Column("id", sa.Integer, primary_key=True), sa.Column("text", sa.Text))


def downgrade():
    op.drop_table("later_release_notes")
'''


def test_upgrade_makes_a_verified_backup_beside_the_store_and_says_where(tmp_path, monkeypatch):
    ws = new_store(tmp_path)
    db, old_head = ws.store.path, migrate.head_revision()
    ws.close()
    scripts = tmp_path / "next-release-db"
    shutil.copytree(migrate.migrations_dir(), scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "9001_later.py").write_text(NEXT_MIGRATION.format(head=old_head), encoding="utf-8")
    monkeypatch.setattr(migrate, "migrations_dir", lambda: scripts)  # the next release's migrations
    old_version = schema_version.version_of(old_head)
    assert schema_version.head_version() == old_version + 1

    r = run_inproc(["--db", str(db), "--lang", "en", "--json", "audit", "verify"], monkeypatch,
                   user="admin", passphrase=TEST_PASSPHRASES["admin"])
    assert r.code == 0 and r.json["valid"] is True, r.err
    (backup,) = tmp_path.glob(f"store.schema-v{old_version}-*.db")
    assert f"from version {old_version} to {old_version + 1}" in r.err and str(backup) in r.err
    assert sidecar_path(backup).read_bytes() == sidecar_path(db).read_bytes()

    key = auth_service_key(db, "admin", TEST_PASSPHRASES["admin"])
    for path, revision in ((db, "9001"), (backup, old_head)):
        conn = connect_raw(path, key)
        try:
            assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == revision
            assert [r[0] for r in conn.execute("PRAGMA cipher_integrity_check")] == []
        finally:
            conn.close()
    # the backup opens with every user's passphrase, as the store did
    monkeypatch.undo()
    reviewer = auth_service.unlock(backup, "reviewer", TEST_PASSPHRASES["reviewer"])
    reviewer.close()


@pytest.mark.parametrize("lang,words", [("en", "newer version"), ("zh_CN", "较新版本")])
def test_store_made_by_a_newer_program_is_refused_unchanged(tmp_path, monkeypatch, lang, words):
    ws = new_store(tmp_path)
    db = ws.store.path
    with ws.store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '7a1f_from_the_future'")
    ws.close()
    before = {p.name: _sha(p) for p in tmp_path.iterdir()}

    r = run_inproc(["--db", str(db), "--lang", lang, "audit", "verify"], monkeypatch,
                   user="admin", passphrase=TEST_PASSPHRASES["admin"])
    assert r.code == 2 and r.out == ""
    (line,) = r.err.strip().splitlines()
    assert words in line and "7a1f_from_the_future" in line
    assert {p.name: _sha(p) for p in tmp_path.iterdir()} == before  # no backup, no change


def _bump_schema_version(path: Path, pattern: bytes) -> None:
    """Rewrite the recorded schema version as a newer program would have written it (same length)."""
    data = path.read_bytes()
    newer = str(schema_version.head_version() + 1).encode()
    current = str(schema_version.head_version()).encode()
    assert len(newer) == len(current)
    changed = re.sub(pattern + current, pattern + newer, data, count=1)
    assert changed != data
    path.write_bytes(changed)


def test_package_from_a_newer_program_is_refused(tmp_path, monkeypatch):
    pkg = tmp_path / "work.wspkg"
    package_format.write_package(pkg, {"kind": "work", "package_id": "p1"}, {}, "pkg-pass")
    assert package_format.read_manifest(pkg)["kind"] == "work"  # today's own package is fine
    _bump_schema_version(pkg, rb'"schema_version":')
    laptop = tmp_path / "laptop.db"
    r = run_inproc(["--db", str(laptop), "--lang", "en", "package", "import", str(pkg)], monkeypatch,
                   user="reviewer", passphrase="x", env={"WORKSTATION_PACKAGE_PASSPHRASE": "pkg-pass"})
    assert r.code == 2
    (line,) = r.err.strip().splitlines()
    assert "package was made by a newer version" in line
    assert not laptop.exists()  # refused before a store was created


@pytest.mark.sqlite_only("backups are of local stores; an office server is backed up with pg_dump (docs/office.md)")
def test_backup_from_a_newer_program_is_refused(ws, tmp_path, monkeypatch):
    made = backup_service.backup(ws, tmp_path / "b.wsbak")
    _bump_schema_version(Path(made.file), rb'"schema_version": ')
    target = tmp_path / "restored.db"
    r = run_inproc(["--db", str(target), "--lang", "en", "restore", made.file], monkeypatch,
                   user="admin", passphrase=TEST_PASSPHRASES["admin"])
    assert r.code == 2
    (line,) = r.err.strip().splitlines()
    assert "backup was made by a newer version" in line
    assert not target.exists() and not sidecar_path(target).exists()
