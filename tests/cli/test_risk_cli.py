"""risk profile / risk export on the command line: JSON twice the same, exit statuses."""
from __future__ import annotations


from tests.support.cli import run_inproc
from tests.support.risk_data import peer_store
from tests.support.stores import PASSPHRASES

ADMIN = dict(user="admin", passphrase=PASSPHRASES["admin"])


def test_risk_profile_json_is_the_same_twice_but_for_the_profile_id(ws, monkeypatch):
    peer_store(ws)
    args = ["--db", str(ws.store.path), "--json", "risk", "profile"]
    a, b = run_inproc(args, monkeypatch, **ADMIN), run_inproc(args, monkeypatch, **ADMIN)
    assert a.code == b.code == 0
    ja, jb = a.json, b.json
    assert (ja["profile_id"], jb["profile_id"]) == (1, 2)
    assert a.out.replace('"profile_id": 1', '"profile_id": 2') == b.out
    assert ja["period"] == {"from": "2025-01-01", "to": "2025-12-31"} and len(ja["fingerprint"]) == 64
    d = run_inproc(args + ["--level", "doctor"], monkeypatch, **ADMIN)
    d2 = run_inproc(args + ["--level", "doctor"], monkeypatch, **ADMIN)
    assert d.code == 0 and d.out == d2.out and d.json["profile_id"] is None and d.json["fingerprint"] is None


def test_risk_usage_errors_exit_2(ws, monkeypatch, tmp_path):
    peer_store(ws)
    db = ["--db", str(ws.store.path), "--json"]
    for extra in (["--from", "2025-01-01"], ["--from", "2025-03-01", "--to", "2025-02-01"],
                  ["--from", "2030-01-01", "--to", "2030-12-31"], ["--level", "ward"]):
        r = run_inproc(db + ["risk", "profile", *extra], monkeypatch, **ADMIN)
        assert r.code == 2 and r.out == "", extra
    r = run_inproc(db + ["risk", "export", str(tmp_path / "x.csv")], monkeypatch, **ADMIN)
    assert r.code == 2 and not (tmp_path / "x.csv").exists()
