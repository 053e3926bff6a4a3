import hashlib

import pytest

from tests.support.cli import run_cli, run_inproc


def _sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def store(tmp_path):
    db = tmp_path / "x.db"
    r = run_cli(["--db", str(db), "--json", "init", "--user", "admin"], passphrase="s3cret")
    assert r.code == 0, r.err
    assert r.json == {"db": str(db), "user": "admin"}
    return db


def test_init_then_wrong_passphrase_exits_3_and_changes_no_byte(store):
    before = _sha(store)
    r = run_cli(["--db", str(store), "--json", "audit", "verify"], user="admin", passphrase="wrong")
    assert r.code == 3
    assert r.out == ""
    assert len(r.err.strip().splitlines()) == 1 and "Traceback" not in r.err
    assert _sha(store) == before
    ok = run_cli(["--db", str(store), "--json", "audit", "verify"], user="admin", passphrase="s3cret")
    assert ok.code == 0 and ok.json["valid"] is True and ok.json["first_bad_event"] is None


def test_passphrase_file(store, tmp_path):
    pf = tmp_path / "pf"
    pf.write_text("s3cret\n")
    r = run_cli(["--db", str(store), "--passphrase-file", str(pf), "--json", "audit", "verify"], user="admin")
    assert r.code == 0, r.err


def test_user_add_is_admin_only(store, monkeypatch):
    r = run_inproc(["--db", str(store), "--json", "user", "add", "rev", "--role", "reviewer"], monkeypatch,
                   user="admin", passphrase="s3cret", env={"WORKSTATION_NEW_PASSPHRASE": "rpw"})
    assert r.code == 0, r.err
    assert r.json == {"user": "rev", "role": "reviewer"}
    r2 = run_inproc(["--db", str(store), "--json", "user", "add", "x", "--role", "admin"], monkeypatch,
                    user="rev", passphrase="rpw", env={"WORKSTATION_NEW_PASSPHRASE": "x"})
    assert r2.code == 3 and r2.out == ""


@pytest.mark.parametrize("cmd", [["audit", "verify"], ["user", "list"],
                                 ["user", "add", "z", "--role", "reviewer"]])
def test_flipped_bytes_fail_every_command_with_one_line(store, cmd):
    # Fill a few pages so that "the middle" is a data page, not the header.
    for i in range(3):
        run_cli(["--db", str(store), "user", "add", f"u{i}", "--role", "reviewer"], user="admin",
                passphrase="s3cret", env={"WORKSTATION_NEW_PASSPHRASE": "p"})
    size = store.stat().st_size
    with open(store, "r+b") as fh:
        fh.seek(size // 2)
        data = fh.read(32)
        fh.seek(size // 2)
        fh.write(bytes(b ^ 0x5A for b in data))
    r = run_cli(["--db", str(store), "--json", *cmd], user="admin", passphrase="s3cret",
                env={"WORKSTATION_NEW_PASSPHRASE": "p"})
    assert r.code != 0
    assert r.out == ""
    assert len(r.err.strip().splitlines()) == 1, r.err
    assert "Traceback" not in r.err


def test_missing_store_is_clear(tmp_path):
    r = run_cli(["--db", str(tmp_path / "none.db"), "audit", "verify"], user="admin", passphrase="x")
    assert r.code == 2 and len(r.err.strip().splitlines()) == 1


def test_bad_usage_exits_2(tmp_path):
    r = run_cli(["--db", str(tmp_path / "a.db"), "user", "add", "x", "--role", "emperor"])
    assert r.code == 2


def test_english_messages(store):
    r = run_cli(["--db", str(store), "--lang", "en", "audit", "verify"], user="admin", passphrase="bad")
    assert r.code == 3 and "Wrong user name or passphrase" in r.err


def test_version():
    r = run_cli(["--version"])
    assert r.code == 0 and r.out.startswith("workstation ")
