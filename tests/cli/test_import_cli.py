"""``workstation import``: the JSON of cli.md, exit 2 with nothing changed, a killed import."""
from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.support.cli import run_inproc
from tests.support.stores import PASSPHRASES, login

FIX = Path(__file__).resolve().parent.parent / "fixtures" / "import"


def _count(path: Path, table: str) -> int:
    w = login(path, "admin")
    try:
        with w.store.read() as s:
            return s.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
    finally:
        w.close()


def test_import_json_exactly_as_specified(ws, monkeypatch):
    db = str(ws.store.path)
    ws.close()
    r = run_inproc(["--db", db, "--json", "import", str(FIX / "fee_lines_codes.csv"), str(FIX / "settlements_zh.csv")],
                   monkeypatch, user="admin", passphrase=PASSPHRASES["admin"])
    assert r.code == 0, r.err
    files = r.json["files"]
    assert [f["kind"] for f in files] == ["settlements", "fee_lines"]
    for f in files:
        assert set(f) == {"file", "kind", "rows", "inserted", "updated", "unchanged", "rejected"}
    assert [(f["rows"], f["inserted"], f["unchanged"], f["rejected"]) for f in files] == [(2, 2, 0, 0), (3, 3, 0, 0)]
    again = run_inproc(["--db", db, "--json", "import", str(FIX / "settlements_zh.csv")], monkeypatch,
                       user="admin", passphrase=PASSPHRASES["admin"])
    assert again.json["files"][0]["unchanged"] == 2 and again.json["files"][0]["inserted"] == 0


def test_bad_input_exit_2_nothing_changed_then_accept_valid_rows(ws, tmp_path, monkeypatch):
    db = ws.store.path
    ws.close()
    bad = tmp_path / "s.csv"
    rows = (FIX / "settlements_zh.csv").read_text(encoding="utf-8").splitlines()
    rows[2] = rows[2].replace("86.50,86.50", "86.5x,86.50")
    bad.write_text("\n".join(rows) + "\n", encoding="utf-8")
    r = run_inproc(["--db", str(db), "--json", "--lang", "en", "import", str(bad)], monkeypatch,
                   user="admin", passphrase=PASSPHRASES["admin"])
    assert r.code == 2
    assert "row 3" in r.err and "medfee_sumamt" in r.err
    assert r.json["files"][0]["rejected"] == 1 and r.json["files"][0]["inserted"] == 0
    assert _count(db, "settlements") == 0 and not (tmp_path / "s.rejected.csv").exists()

    r = run_inproc(["--db", str(db), "--json", "import", "--accept-valid-rows", str(bad)], monkeypatch,
                   user="admin", passphrase=PASSPHRASES["admin"])
    assert r.code == 0, r.err
    assert (r.json["files"][0]["inserted"], r.json["files"][0]["rejected"]) == (1, 1)
    report = (tmp_path / "s.rejected.csv").read_text(encoding="utf-8-sig")
    assert "s.csv,3,medfee_sumamt" in report and "86.5x" not in report and "李娜" not in report
    assert _count(db, "settlements") == 1


def _write_big(folder: Path, lines: int) -> tuple[Path, Path]:
    from bench.bench_import import write_files

    return write_files(folder, lines, per_setl=20)


def _children(pid: int) -> list[int]:
    """Process ids whose parent is ``pid`` (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"  # a zombie has ended; only its parent's wait is missing


@pytest.mark.slow
def test_sigkill_mid_import_leaves_no_row_and_reimport_succeeds(ws, tmp_path):
    setl, lines = _write_big(tmp_path, 150_000)
    from workstation.services.import_service import import_file

    import_file(ws, setl)
    db = ws.store.path
    ws.close()
    env = dict(os.environ, WORKSTATION_USER="admin", WORKSTATION_PASSPHRASE=PASSPHRASES["admin"],
               WORKSTATION_NO_LOGFILE="1", WORKSTATION_KDF_LOG2N="10")
    proc = subprocess.Popen([sys.executable, "-m", "workstation.cli.main", "--db", str(db), "--json", "import",
                             str(lines)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # Wait until the import is under way: its parsing process runs from the first
    # row to the last; rows are written as its chunks arrive. Kill it in the middle.
    deadline = time.monotonic() + 120
    parsers: list[int] = []
    while time.monotonic() < deadline and proc.poll() is None and not parsers:
        parsers = _children(proc.pid)
        time.sleep(0.05)
    assert parsers, "a file this large is parsed in a child process (import_rows)"
    # Freeze the importer a moment after its parser started (SIGSTOP), so that the kill lands
    # while the import is under way however fast or loaded the machine is: the state killed
    # is the state frozen, not whatever a sleep happened to reach.
    time.sleep(0.2)
    proc.send_signal(signal.SIGSTOP)
    assert proc.poll() is None and _alive(parsers[0]), "the import finished before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    # The orphaned parsing process notices that nobody reads its pipe any more and ends.
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and any(_alive(pid) for pid in parsers):
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in parsers), "the parsing process outlived the killed import"
    assert _count(db, "fee_lines") == 0  # the store opens (integrity checked) and holds no row of that file
    w = login(db, "admin")
    try:
        res = import_file(w, lines)
        assert res.inserted == 150_000
    finally:
        w.close()
