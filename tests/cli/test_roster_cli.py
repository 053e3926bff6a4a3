"""`workstation roster check`, `attendance export`, `profile list/show/use` per cli.md."""
import json

from tests.support.cli import run_cli, run_inproc
from tests.support.stores import PASSPHRASES
from workstation.services import roster_service


def _run(ws, args, monkeypatch, user="admin"):
    return run_inproc(["--db", str(ws.store.path), "--json", *args], monkeypatch, user=user,
                      passphrase=PASSPHRASES[user])


def _team(ws, n, auditors=2):
    for i in range(n):
        sid = roster_service.save_staff(ws, {"staff_no": f"S{i:03d}", "name": f"员工{i}", "start_date": "2025-01-01",
                                             "post": "稽核员" if i < auditors else "审核员"})
        if i < auditors:
            roster_service.set_certificates(ws, sid, [("稽核证", "2026-12-31")])


def test_roster_check_exit_codes_and_json(ws, monkeypatch):
    _team(ws, 19)
    r = _run(ws, ["roster", "check", "--contract", "xinxiang-2025", "--date", "2025-06-30"], monkeypatch)
    assert r.code == 1, r.err
    assert r.json == {"contract": "xinxiang-2025", "ok": False,
                      "shortfalls": [{"term": "resident", "required": 20, "actual": 19}]}
    assert "派驻工作人员" in r.err
    roster_service.save_staff(ws, {"staff_no": "S999", "name": "补充", "start_date": "2025-06-30"})
    r = _run(ws, ["roster", "check", "--contract", "xinxiang-2025", "--date", "2025-06-30"], monkeypatch)
    assert r.code == 0 and r.json == {"contract": "xinxiang-2025", "ok": True, "shortfalls": []}
    r = _run(ws, ["roster", "check", "--contract", "huaiyang-2025"], monkeypatch)
    assert r.code == 0 and r.json["shortfalls"] == []
    r = _run(ws, ["roster", "check", "--contract", "no-such"], monkeypatch)
    assert r.code == 2
    r = _run(ws, ["roster", "check", "--date", "2025-13-01"], monkeypatch)
    assert r.code == 2


def test_profile_commands(ws, monkeypatch, tmp_path):
    r = _run(ws, ["profile", "list"], monkeypatch)
    assert r.code == 0 and r.json["active"] == "xinxiang-2025" and len(r.json["profiles"]) == 5
    r = _run(ws, ["profile", "show", "luoyang-2024"], monkeypatch)
    assert r.json["staffing"][0] == {"id": "total", "kind": "count", "min": 40, "label_zh": "工作人员总数",
                                     "label_en": "Staff in total"}
    assert _run(ws, ["profile", "use", "luoyang-2024"], monkeypatch, user="reviewer").code == 3
    assert _run(ws, ["profile", "use", "luoyang-2024"], monkeypatch).json == {"active": "luoyang-2024"}
    assert _run(ws, ["profile", "list"], monkeypatch).json["active"] == "luoyang-2024"
    data = r.json
    data.update(id="kaifeng-2026", name_zh="开封项目", name_en="Kaifeng")
    f = tmp_path / "p.json"
    f.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert _run(ws, ["profile", "save", str(f)], monkeypatch).json == {"profile": "kaifeng-2026", "created": True}
    data["staffing"] = [{"id": "x", "kind": "count"}]
    f.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    bad = _run(ws, ["profile", "save", str(f)], monkeypatch)
    assert bad.code == 2 and "min, max or exact" in bad.err


def test_attendance_export_subprocess(ws, tmp_path):
    _team(ws, 3)
    out = tmp_path / "march.xlsx"
    r = run_cli(["--db", str(ws.store.path), "--json", "attendance", "export", "--month", "2025-03", str(out)],
                user="admin", passphrase=PASSPHRASES["admin"])
    assert r.code == 0, r.err
    assert r.json["people"] == 3 and out.exists()
    r = run_cli(["--db", str(ws.store.path), "--json", "attendance", "export", "--month", "2025-3x", str(out)],
                user="admin", passphrase=PASSPHRASES["admin"])
    assert r.code == 2
