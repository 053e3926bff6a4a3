"""Roster records on a real store: masked IDs, history in the event log, the check, expiring certificates."""
import datetime as dt
import json

import pytest
from sqlalchemy import select

from workstation.core.errors import BadInput, NotPermitted
from workstation.services import profile_service, roster_service
from workstation.store.models.identity import EventRow

D = dt.date
CERTNO = "41070219900501123X"


def add(ws, no, **kw):
    fields = {"staff_no": no, "name": f"张{no}", **kw}
    return roster_service.save_staff(ws, fields)


def test_staff_saved_masked_and_logged(ws):
    sid = add(ws, "A001", certno=CERTNO, qualification="medical", post="审核员", start_date="2025-01-02")
    s = roster_service.get_staff(ws, sid, day=D(2025, 6, 1))
    assert s["certno_masked"] == "410702********123X"
    assert "certno" not in s and CERTNO not in json.dumps(s, ensure_ascii=False)
    assert s["birth_date"] == "1990-05-01" and s["age"] == 35 and s["active"]
    roster_service.save_staff(ws, {"post": "稽核员", "centre": "偃师区"}, sid)
    hist = roster_service.history(ws, sid)
    assert [h["action"] for h in hist] == ["roster.change", "roster.add"]
    assert hist[0]["user"] == "admin" and hist[0]["changes"] == {"post": ["审核员", "稽核员"], "centre": ["市级", "偃师区"]}
    with ws.store.read() as sess:
        details = " ".join(e.details for e in sess.execute(select(EventRow)).scalars())
    assert CERTNO not in details  # the full ID number is never in the event log


def test_unchanged_save_adds_no_event(ws):
    sid = add(ws, "A001")
    n = len(roster_service.history(ws, sid))
    roster_service.save_staff(ws, {"name": "张A001"}, sid)
    assert len(roster_service.history(ws, sid)) == n


@pytest.mark.parametrize("fields,column", [
    ({"certno": "12345"}, "certno"),
    ({"certno": "410702199013011234"}, "certno"),
    ({"qualification": "chef"}, "qualification"),
    ({"start_date": "2025-13-01"}, "start_date"),
    ({"start_date": "2025-05-01", "end_date": "2025-04-01"}, "end_date"),
])
def test_bad_fields_name_the_column(ws, fields, column):
    with pytest.raises(BadInput) as err:
        add(ws, "B001", **fields)
    assert err.value.column == column


def test_duplicate_staff_number_refused(ws):
    add(ws, "A001")
    with pytest.raises(BadInput):
        add(ws, "A001")


def test_only_admin_edits_the_roster(ws, as_user):
    with pytest.raises(NotPermitted):
        roster_service.save_staff(as_user("supervisor"), {"staff_no": "X", "name": "Y"})


def test_check_against_active_profile_and_expiring_certificates(ws):
    profile_service.set_active_profile(ws, "xinxiang-2025")
    day = D(2025, 6, 30)
    ids = [add(ws, f"S{i:03d}", post="审核员", start_date="2025-01-01") for i in range(19)]
    a1 = add(ws, "AUD1", post="稽核员", start_date="2025-01-01")
    a2 = add(ws, "AUD2", post="稽核员", start_date="2025-01-01")
    roster_service.set_certificates(ws, a1, [("医保稽核员证", "2026-12-31")])
    roster_service.set_certificates(ws, a2, [("医保稽核员证", day + dt.timedelta(days=30))])
    profile, res = roster_service.check(ws, day=day)
    assert profile["id"] == "xinxiang-2025" and res.ok and res.headcount == 21
    exp = roster_service.expiring_certificates(ws, day)
    assert [(c.staff_no, c.days_left) for c in exp] == [("AUD2", 30)]
    roster_service.set_certificates(ws, a2, [("医保稽核员证", day + dt.timedelta(days=31))])
    assert roster_service.expiring_certificates(ws, day) == []
    # one resident leaves: 20 people, still ok; a second one: short by one
    roster_service.save_staff(ws, {"end_date": day}, ids[0])
    assert roster_service.check(ws, day=day)[1].ok
    roster_service.save_staff(ws, {"end_date": day}, ids[1])
    assert roster_service.check(ws, day=day)[1].shortfalls == [{"term": "resident", "required": 20, "actual": 19}]
    assert roster_service.check(ws, day=day - dt.timedelta(days=1))[1].ok


def test_import_roster_file_then_check(ws, tmp_path):
    from workstation.services import import_service

    f = tmp_path / "roster.csv"
    lines = ["工号,姓名,身份证号,专业类别,岗位,服务中心,学历,证书,入职日期,离岗日期"]
    for i in range(16):
        post = {0: "项目负责人", 1: "巡查负责人"}.get(i, "审核员")
        lines.append(f"X{i:03d},人员{i},65010219900101{i:03d}X,医学,{post},市级,本科,,2024-01-01,")
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    res = import_service.import_file(ws, f)
    assert res.inserted == 16
    _p, out = roster_service.check(ws, "xinjiang-2024", D(2024, 6, 1))
    assert out.ok, out.shortfalls
    listed = roster_service.list_staff(ws, day=D(2024, 6, 1))
    assert listed[0]["certno_masked"].startswith("650102") and "*" in listed[0]["certno_masked"]
