"""Knowledge files (spec/rule-templates.md): headers, encodings, per-row rejections with
row and column, updates logged, re-import unchanged, rules list."""
from __future__ import annotations

import json

import openpyxl
import pytest
from sqlalchemy import text

from workstation.core import knowledge as kn
from workstation.services import import_service, knowledge_service as ks

HEAD = ["rule_id", "template", "rule_name", "item_codes", "other_codes", "window", "limit", "source",
        "effective_from", "active"]


def write_csv(path, rows, encoding="utf-8", header=HEAD):
    lines = [",".join(header)] + [",".join(f'"{c}"' if ("," in c or "，" in c) else c for c in r) for r in rows]
    path.write_bytes(("\n".join(lines) + "\n").encode(encoding))
    return path


GOOD = [
    ["zy.pair-01", "主从项目重复收费", "静脉输液与输液器", "003101000010000", "C0001000100001；C0001000100002", "6小时", "",
     "国家医保局第二批 主从项目", "2025/1/1", "是"],
    ["FREQ_01", "限频次", "血糖测定每日", "002202000030000", "", "单日", "4.0", "第三批 限频次", "", ""],
    ["CAP.1", "ANNUAL_AMOUNT_CAP", "胰岛素年度限额", "XA10ABA004", "", "", "3000", "", "20250101", "true"],
]


def test_import_inserts_then_reimport_is_unchanged_and_update_is_logged(ws, tmp_path):
    f = write_csv(tmp_path / "knowledge.csv", GOOD, encoding="gbk")
    res = import_service.import_file(ws, f)
    assert res.kind == "knowledge" and (res.rows, res.inserted, res.updated, res.unchanged) == (3, 3, 0, 0)
    again = import_service.import_file(ws, f)
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 3)
    # equal as parsed: the same lists in another order and separators, 4 = 4.0, window forms
    same = [GOOD[0][:4] + ["C0001000100002,C0001000100001", "hours:6"] + GOOD[0][6:], GOOD[1][:6] + ["4"] + GOOD[1][7:],
            GOOD[2]]
    res = import_service.import_file(ws, write_csv(tmp_path / "k2.csv", same, encoding="utf-8-sig"))
    assert (res.inserted, res.updated, res.unchanged) == (0, 0, 3)
    changed = [GOOD[1][:6] + ["5"] + GOOD[1][7:]]
    res = import_service.import_file(ws, write_csv(tmp_path / "k3.csv", changed))
    assert (res.inserted, res.updated, res.unchanged) == (0, 1, 0)
    with ws.store.read() as s:
        ev = s.execute(text("SELECT details FROM events WHERE action = 'knowledge.import' ORDER BY seq DESC")).first()
    details = json.loads(ev[0])
    assert details["rule_id"] == "FREQ_01" and details["changed"] == {"limit": ["4", "5"]}
    listed = {r["rule"]: r for r in ks.rules_list_json(ws)["rules"]}
    assert listed["FREQ_01"]["params"] == {"item_codes": ["002202000030000"], "window": "day", "limit": "5"}
    assert listed["CAP.1"]["params"]["limit"] == "3000.00" and listed["CAP.1"]["effective_from"] == "2025-01-01"
    assert listed["zy.pair-01"]["params"]["other_codes"] == ["C0001000100001", "C0001000100002"]
    assert listed["zy.pair-01"]["params"]["window"] == "hours:6" and listed["zy.pair-01"]["active"] is True


def test_rules_list_order_fixed_then_points_by_code_point(ws, tmp_path):
    rows = [["b1", "OVERLAP_INPATIENT", "b", "", "", "", "", "", "", ""],
            ["Z9", "OVERLAP_INPATIENT", "z", "", "", "", "", "", "", "0"],
            ["a1", "住院期间门诊购药", "a", "", "", "", "", "", "", ""]]
    import_service.import_file(ws, write_csv(tmp_path / "k.csv", rows))
    got = ks.rules_list_json(ws)["rules"]
    assert [r["rule"] for r in got[:11]] == list(kn.FIXED_RULE_IDS)
    assert got[0] == {"rule": "DUPLICATE_CHARGE", "kind": "fixed", "template": None, "name": "重复收费",
                      "active": True, "source": None, "effective_from": None, "effective_to": None, "params": {}}
    assert [r["rule"] for r in got[11:]] == ["Z9", "a1", "b1"]
    assert got[11]["active"] is False and got[11]["source"] == "" and got[11]["params"] == {}


BAD = [
    (["", "ITEM_PAIR", "n"], "rule_id"),
    (["has space", "ITEM_PAIR", "n"], "rule_id"),
    (["split_hospitalization", "OVERLAP_INPATIENT", "n"], "rule_id"),
    (["X1", "NOPE", "n"], "template"),
    (["X2", "OVERLAP_INPATIENT", ""], "rule_name"),
    (["X3", "COURSE_DAYS", "n", "K", "", "", ""], "limit"),
    (["X4", "COURSE_DAYS", "n", "K", "", "", "2.5"], "limit"),
    (["X5", "OVERLAP_INPATIENT", "n", "K"], "item_codes"),
    (["X6", "ITEM_PAIR", "n", "A", "B", "days:3"], "window"),
    (["X7", "FREQUENCY", "n", "A", "", "days:3661", "1"], "window"),
    (["X8", "ITEM_PAIR", "n", "A;B", "B", "day"], "other_codes"),
    (["X9", "ITEM_SCOPE", "n", "A"], "med_class_lmt"),
    (["X10", "SECONDARY_DISCOUNT", "n", "A", "", "", "1"], "limit"),
    (["X11", "FREQUENCY", "n", "A", "", "day", "0.00001"], "limit"),
    (["X12", "OVERLAP_INPATIENT", "n", "", "", "", "", "", "2025-02-30"], "effective_from"),
    (["X13", "OVERLAP_INPATIENT", "n", "", "", "", "", "", "2025-03-01", "2025-02-01"], "effective_to"),
    (["X14", "OVERLAP_INPATIENT", "n", "", "", "", "", "", "", "", "maybe"], "active"),
    (["X15", "ITEM_SCOPE", "n", "A", "", "", "", "", "", "", "", "外星"], "med_class_lmt"),
]
BAD_HEAD = ["rule_id", "template", "rule_name", "item_codes", "other_codes", "window", "limit", "source",
            "effective_from", "effective_to", "active", "med_class_lmt"]


def test_each_bad_row_is_rejected_with_its_row_and_column_and_nothing_lands(ws, tmp_path):
    rows = [r + [""] * (len(BAD_HEAD) - len(r)) for r, _ in BAD] + [["OK1", "OVERLAP_INPATIENT", "fine"] + [""] * 9,
                                                                    ["OK1", "OVERLAP_INPATIENT", "again"] + [""] * 9]
    f = write_csv(tmp_path / "bad.csv", rows, header=BAD_HEAD)
    with pytest.raises(import_service.ImportRejected) as info:
        import_service.import_file(ws, f)
    res = info.value.results[0]
    first = {}
    for r in res.rejections:
        first.setdefault(r.row, r)
    expected = {i + 2: col for i, (_, col) in enumerate(BAD)} | {len(BAD) + 3: "rule_id"}
    assert {row: r.column for row, r in first.items()} == expected
    repeat = first[len(BAD) + 3]
    assert str(len(BAD) + 2) in repeat.reason.render("zh_CN")  # names the first row
    assert res.rejected == len(BAD) + 1
    assert ks.list_points(ws) == []
    ok = import_service.import_file(ws, f, accept_valid_rows=True)
    assert ok.inserted == 1 and [p.point.rule_id for p in ks.list_points(ws)] == ["OK1"]


def test_xlsx_with_chinese_headers_number_cells_and_extra_columns(ws, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["规则编号", "规则模板", "规则名称", "项目编码", "限定值", "备注", "生效日期", "启用"])
    sheet.append(["COURSE-7", "限支付疗程", "抗菌药物疗程", "XJ01DCA001", 7.0, "extra", "2025-01-01", 1])
    path = tmp_path / "k.xlsx"
    book.save(path)
    res = import_service.import_file(ws, path)
    assert (res.kind, res.inserted) == ("knowledge", 1)
    p = ks.get_point(ws, "COURSE-7")
    assert p.limit_text() == "7" and p.active and p.effective_from == "2025-01-01"


def test_editor_validation_messages_in_both_languages(ws):
    with pytest.raises(ks.PointInvalid) as info:
        ks.save_point(ws, {"rule_id": "E1", "template": "FREQUENCY", "rule_name": "x", "item_codes": "A",
                           "window": "6小时", "limit": "1"}, create=True)
    p = info.value.problems[0]
    assert p.column == "window"
    assert "6小时" in p.message("zh_CN") and "not allowed" in p.message("en")


def test_editor_changes_are_logged_with_before_and_after(ws):
    ks.save_point(ws, {"rule_id": "E2", "template": "BED_ONLY_DAYS", "rule_name": "挂床", "limit": "3"}, create=True)
    ks.save_point(ws, {"rule_id": "E2", "template": "BED_ONLY_DAYS", "rule_name": "挂床", "limit": "4"}, create=False)
    ks.set_active(ws, "E2", False)
    with ws.store.read() as s:
        rows = s.execute(text("SELECT action, details FROM events WHERE entity = 'knowledge_point' ORDER BY seq")).all()
    assert [r[0] for r in rows] == ["knowledge.create", "knowledge.update", "knowledge.deactivate"]
    assert json.loads(rows[1][1])["changed"] == {"limit": ["3", "4"]}
    assert json.loads(rows[2][1])["changed"] == {"active": [True, False]}


def test_reviewer_cannot_edit_points(ws, as_user):
    rev = as_user("reviewer")
    from workstation.core.errors import NotPermitted

    with pytest.raises(NotPermitted):
        ks.save_point(rev, {"rule_id": "E3", "template": "OVERLAP_INPATIENT", "rule_name": "x"}, create=True)
