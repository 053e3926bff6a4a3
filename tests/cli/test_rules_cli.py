"""``rules list``, ``rules stats``, ``import`` of a knowledge file and ``screen --rule`` for a point."""
from __future__ import annotations

from tests.support.cli import run_inproc
from tests.support.screen_data import add, line, settlement
from tests.support.stores import PASSPHRASES


def test_knowledge_through_the_command_line(ws, tmp_path, monkeypatch):
    add(ws, settlement("A"), line("A", "1", med_list_codg="X"))
    db = str(ws.store.path)
    ws.close()
    f = tmp_path / "知识库.csv"
    f.write_text("规则编号,规则模板,规则名称,项目编码,关联项目编码,启用\nKM-1,关联项目缺失,缺少耗材,X,Y,是\n"
                 "KM-2,关联项目缺失,停用,X,Y,否\n", encoding="gb18030")

    def cli(*args, user="supervisor"):
        return run_inproc(["--db", db, "--json", *args], monkeypatch, user=user, passphrase=PASSPHRASES[user])

    r = cli("import", str(f))
    assert r.code == 0, r.err
    assert r.json["files"] == [{"file": str(f), "kind": "knowledge", "rows": 2, "inserted": 2, "updated": 0,
                                "unchanged": 0, "rejected": 0}]
    listed = cli("rules", "list").json["rules"]
    assert [x["rule"] for x in listed[11:]] == ["KM-1", "KM-2"] and listed[12]["active"] is False
    r = cli("screen", "--rule", "KM-1", user="reviewer")
    assert r.code == 0 and r.json["summary"] == {"KM-1": {"count": 1, "amount": "10.00"}}
    assert r.json["flags"] == [{"rule": "KM-1", "setl_id": "A", "feedetl_sn": "1", "amount": "10.00"}]
    assert cli("screen", "--rule", "KM-2").code == 2  # inactive: bad usage
    assert cli("screen", "--rule", "NOPE").code == 2
    full = cli("screen").json
    assert "KM-1" in full["summary"] and "KM-2" not in full["summary"] and len(full["summary"]) == 12
    stats = cli("rules", "stats").json["rules"]
    assert stats[11] == {"rule": "KM-1", "flags": 1, "confirmed": 0, "rejected": 0, "open": 1, "precision": None}
    bad = tmp_path / "bad.csv"
    bad.write_text("rule_id,template,rule_name\nSPLIT_HOSPITALIZATION,OVERLAP_INPATIENT,x\n", encoding="utf-8")
    r = cli("import", str(bad))
    assert r.code == 2 and "rule_id" in r.err and "2" in r.err
