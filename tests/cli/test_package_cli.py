"""The field-work commands as a user runs them (cli.md): package, backup/restore, purge."""
from __future__ import annotations

from tests.support.cli import run_cli, run_inproc
from tests.support.review_data import seed_units
from tests.support.stores import PASSPHRASES
from workstation.services import review_service as rs
from workstation.services import package_service

PKG = {"WORKSTATION_PACKAGE_PASSPHRASE": "pkg-secret"}


def test_package_commands_round_trip(ws, as_user, tmp_path, monkeypatch):
    seed_units(ws, n=2, lines=2, reviewer="reviewer")
    db = str(ws.store.path)
    work = tmp_path / "work.wspkg"
    r = run_inproc(["--db", db, "--json", "package", "export", "--user", "reviewer", str(work)], monkeypatch,
                   user="supervisor", passphrase=PASSPHRASES["supervisor"], env=PKG)
    assert r.code == 0, r.err
    assert r.json["units"] == 2 and r.json["file"] == str(work) and r.json["conflicts"] == 0

    laptop = tmp_path / "laptop" / "field.db"
    r = run_inproc(["--db", str(laptop), "--json", "package", "import", str(work)], monkeypatch,
                   user="reviewer", passphrase="laptop-pass", env=PKG)
    assert r.code == 0, r.err
    assert r.json["units"] == 2 and laptop.exists()

    from workstation.services import auth_service

    lw = auth_service.unlock(laptop, "reviewer", "laptop-pass")
    try:
        unit = rs.queue(lw).items[0]
        rs.decide_unit(lw, unit.unit_id, "compliant")
    finally:
        lw.close()
    results = tmp_path / "results.wspkg"
    r = run_inproc(["--db", str(laptop), "--json", "package", "export", "--results", str(results)], monkeypatch,
                   user="reviewer", passphrase="laptop-pass", env=PKG)
    assert r.code == 0, r.err
    for expected_units in (1, 0):  # the second merge changes nothing
        r = run_inproc(["--db", db, "--json", "package", "merge", str(results)], monkeypatch,
                       user="supervisor", passphrase=PASSPHRASES["supervisor"], env=PKG)
        assert r.code == 0, r.err
        assert r.json["units"] == expected_units and r.json["conflicts"] == 0

    # wrong package passphrase: exit 3; a reviewer may not merge: exit 3; tampered: exit 2
    r = run_inproc(["--db", db, "package", "merge", str(results)], monkeypatch, user="supervisor",
                   passphrase=PASSPHRASES["supervisor"], env={"WORKSTATION_PACKAGE_PASSPHRASE": "wrong"})
    assert r.code == 3 and "口令" in r.err
    r = run_inproc(["--db", db, "package", "merge", str(results)], monkeypatch, user="reviewer",
                   passphrase=PASSPHRASES["reviewer"], env=PKG)
    assert r.code == 3
    data = bytearray(results.read_bytes())
    data[len(data) // 2] ^= 0x10
    results.write_bytes(bytes(data))
    r = run_inproc(["--db", db, "--lang", "en", "package", "merge", str(results)], monkeypatch, user="supervisor",
                   passphrase=PASSPHRASES["supervisor"], env=PKG)
    assert r.code == 2 and "tampered" in r.err


def test_backup_restore_purge_commands(tmp_path):
    """A real subprocess, as a script would run it."""
    db = tmp_path / "proj" / "xinjiang.db"
    env = {"WORKSTATION_HOME": str(tmp_path / "home")}
    r = run_cli(["--db", str(db), "--json", "init", "--user", "boss"], user="boss", passphrase="pw-boss", env=env)
    assert r.code == 0, r.err
    bak = tmp_path / "xinjiang.wsbak"
    r = run_cli(["--db", str(db), "--json", "backup", str(bak)], user="boss", passphrase="pw-boss", env=env)
    assert r.code == 0, r.err
    assert set(r.json) >= {"file", "sha256"} and bak.exists()

    restored = tmp_path / "elsewhere" / "copy.db"
    r = run_cli(["--db", str(restored), "--json", "restore", str(bak)], user="boss", passphrase="pw-boss", env=env)
    assert r.code == 0, r.err
    import hashlib

    assert r.json["sha256"] == hashlib.sha256(bak.read_bytes()).hexdigest() and r.json["valid"] is True
    r = run_cli(["--db", str(restored), "--json", "audit", "verify"], user="boss", passphrase="pw-boss", env=env)
    assert r.code == 0 and r.json["valid"] is True
    r = run_cli(["--db", str(restored), "restore", str(bak)], user="boss", passphrase="pw-boss", env=env)
    assert r.code == 2  # the target exists

    r = run_cli(["--db", str(db), "--json", "purge", "--confirm", "wrong"], user="boss", passphrase="pw-boss", env=env)
    assert r.code == 2 and db.exists()
    cert = tmp_path / "cert.pdf"
    r = run_cli(["--db", str(db), "--json", "purge", "--confirm", "xinjiang", "--certificate", str(cert)],
                user="boss", passphrase="pw-boss", env=env)
    assert r.code == 0, r.err
    assert r.json["certificate"] == str(cert) and cert.read_bytes().startswith(b"%PDF")
    assert str(db.resolve()) in r.json["deleted"]
    assert not db.exists() and not list((tmp_path / "proj").iterdir())


def test_selfcheck_finds_everything(monkeypatch):
    r = run_inproc(["--json", "selfcheck"], monkeypatch)
    assert r.code == 0, r.err
    assert all(r.json["checks"].values()) and "SecretService" in r.json["keyring_backends_bundled"]
