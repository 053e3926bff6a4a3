"""Personal data never appears in plaintext on disk outside the encrypted store:
not in the store's folder (database, WAL, shm, journals, key slots), not in the
log, not in the user's data folder — after the demo pipeline and a round of
commands with logging switched on."""
import subprocess

from sqlalchemy import text

from tests.support.cli import run_cli
from tests.support.stores import login


def _known_people(db):
    from workstation.services.demo import DEMO_PASSPHRASE
    from workstation.services import auth_service

    ws = auth_service.unlock(db, "demo-admin", DEMO_PASSPHRASE)
    try:
        with ws.store.read() as s:
            rows = s.execute(text("SELECT psn_name, certno FROM settlements WHERE psn_name IS NOT NULL "
                                  "AND certno IS NOT NULL LIMIT 5")).all()
    finally:
        ws.close()
    assert rows
    return rows


def test_demo_store_names_and_id_numbers_are_nowhere_in_plaintext(tmp_path):
    home = tmp_path / "home"
    db = tmp_path / "store" / "demo.db"
    env = {"WORKSTATION_HOME": str(home), "WORKSTATION_NO_LOGFILE": ""}
    r = run_cli(["--db", str(db), "--json", "demo", "--size", "small"], env=env, timeout=300)
    assert r.code == 0, r.err
    # A few commands with the log file on, as a user would run them.
    for args in (["audit", "verify"], ["screen"], ["sample", "list"], ["roster", "check"]):
        run_cli(["--db", str(db), "--json", *args], user="demo-admin", passphrase="demo", env=env, timeout=300)
    people = _known_people(db)
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert any(p.suffix == ".log" for p in files), "the log file should exist for this check to mean something"
    for name, certno in people:
        for needle in (name.encode("utf-8"), name.encode("gb18030"), certno.encode("ascii")):
            hits = [p.name for p in files if needle in p.read_bytes()]
            assert hits == [], (needle, hits)
        res = subprocess.run(["grep", "-a", "-r", "-l", name, str(tmp_path)], capture_output=True)
        assert res.stdout == b""
