"""Attendance: calendar marks (2025/2026 holidays, make-up working days), bulk entry, totals, the sheet."""
import datetime as dt

import pytest
from openpyxl import load_workbook

from workstation.core.errors import BadInput
from workstation.core.workdays import DayKind
from workstation.services import attendance_service as att, profile_service, roster_service

D = dt.date


def kinds(month):
    return {d: k for d, k in att.month_days(month)}


def test_month_days_mark_2025_and_2026_calendar():
    jan25 = kinds("2025-01")
    assert jan25[D(2025, 1, 26)] is DayKind.MAKEUP_WORKDAY  # a working Sunday before the Spring Festival
    assert jan25[D(2025, 1, 1)] is DayKind.HOLIDAY
    assert all(jan25[D(2025, 1, d)] is DayKind.HOLIDAY for d in (28, 29, 30, 31))
    assert jan25[D(2025, 1, 4)] is DayKind.WEEKEND and jan25[D(2025, 1, 6)] is DayKind.WORKDAY
    oct25 = kinds("2025-10")
    assert all(oct25[D(2025, 10, d)] is DayKind.HOLIDAY for d in range(1, 9))  # National Day + Mid-Autumn
    assert oct25[D(2025, 10, 11)] is DayKind.MAKEUP_WORKDAY
    assert kinds("2025-09")[D(2025, 9, 28)] is DayKind.MAKEUP_WORKDAY
    jan26 = kinds("2026-01")
    assert jan26[D(2026, 1, 4)] is DayKind.MAKEUP_WORKDAY  # a working Sunday
    assert jan26[D(2026, 1, 1)] is DayKind.HOLIDAY and jan26[D(2026, 1, 2)] is DayKind.HOLIDAY
    assert len(att.month_days("2026-02")) == 28 and len(att.month_days("2024-02")) == 29


@pytest.fixture
def team(ws):
    profile_service.set_active_profile(ws, "xinjiang-2024")
    a = roster_service.save_staff(ws, {"staff_no": "A01", "name": "王淑蕊", "post": "项目负责人", "start_date": "2024-01-01"})
    b = roster_service.save_staff(ws, {"staff_no": "A02", "name": "赵雄辉", "post": "巡查负责人", "start_date": "2025-03-10"})
    c = roster_service.save_staff(ws, {"staff_no": "A03", "name": "离岗者", "start_date": "2024-01-01", "end_date": "2025-02-01"})
    return ws, a, b, c


def test_grid_people_statuses_and_totals(team):
    ws, a, b, c = team
    att.set_statuses(ws, [(a, D(2025, 3, 3), "present"), (a, D(2025, 3, 4), "leave"), (a, D(2025, 3, 5), "trip"),
                          (a, D(2025, 3, 6), "inspection"), (a, D(2025, 3, 7), "absent"), (a, D(2025, 3, 8), "rest")])
    g = att.grid(ws, "2025-03")
    assert [p["staff_no"] for p in g["people"]] == ["A01", "A02"]  # A03 left before March
    pa = g["people"][0]
    assert pa["totals"] == {"present": 1, "leave": 1, "trip": 1, "inspection": 1, "absent": 1, "rest": 1}
    assert pa["workdays"] == 21 and len(pa["duty_days"]) == 31
    assert g["people"][1]["duty_days"][0] == "2025-03-10"
    with pytest.raises(BadInput):  # not on the team yet
        att.set_statuses(ws, [(b, D(2025, 3, 3), "present")])
    with pytest.raises(BadInput):
        att.set_statuses(ws, [(a, D(2025, 3, 3), "holiday")])
    assert att.set_statuses(ws, [(a, D(2025, 3, 3), None)]) == 1
    assert att.grid(ws, "2025-03")["people"][0]["totals"]["present"] == 0


def test_fill_by_calendar_uses_holidays_and_makeup_days(team):
    ws, a, b, _c = team
    n = att.fill_by_calendar(ws, "2025-10", [a])
    p = att.grid(ws, "2025-10")["people"][0]
    assert n == 31
    assert p["statuses"]["2025-10-01"] == "rest" and p["statuses"]["2025-10-08"] == "rest"
    assert p["statuses"]["2025-10-11"] == "present"  # make-up Saturday
    assert p["totals"]["present"] == p["workdays"] == 18
    assert att.fill_by_calendar(ws, "2025-10", [a]) == 0  # nothing left empty


def test_export_pdf_and_xlsx(team, tmp_path, artifacts):
    ws, a, b, _c = team
    att.fill_by_calendar(ws, "2025-10")
    att.set_statuses(ws, [(b, D(2025, 10, 9), "trip"), (b, D(2025, 10, 10), "inspection"), (a, D(2025, 10, 13), "leave")])
    out = att.export(ws, "2025-10", tmp_path / "att.pdf")
    pdf = (tmp_path / "att.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and len(out["sha256"]) == 64
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    assert len(doc) == 1
    w, h = doc[0].get_size()
    assert w > h  # landscape
    text = doc[0].get_textpage().get_text_range()
    assert "考勤表" in text and "王淑蕊" in text and "签字" in text and "甲方确认" in text
    doc[0].render(scale=110 / 72).to_pil().save(artifacts / "attendance_2025-10.png")
    att.export(ws, "2025-10", tmp_path / "att.xlsx")
    sh = load_workbook(tmp_path / "att.xlsx").active
    assert sh.cell(5, 2).value == "王淑蕊" and sh.cell(5, 3).value == "休息" and sh.cell(5, 13).value == "出勤"
    with pytest.raises(Exception):
        att.export(ws, "2025-10", tmp_path / "att.doc")
