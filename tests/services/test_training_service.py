"""Training sessions and the quarterly check (seed 000)."""
import datetime as dt

from workstation.services import profile_service, roster_service, training_service as ts

D = dt.date


def test_quarterly_check(ws):
    profile_service.set_active_profile(ws, "luoyang-2024")
    a = roster_service.save_staff(ws, {"staff_no": "A", "name": "甲", "start_date": "2024-01-01"})
    b = roster_service.save_staff(ws, {"staff_no": "B", "name": "乙", "start_date": "2024-01-01"})
    gone = roster_service.save_staff(ws, {"staff_no": "C", "name": "丙", "start_date": "2024-01-01",
                                          "end_date": "2024-02-01"})
    late = roster_service.save_staff(ws, {"staff_no": "D", "name": "丁", "start_date": "2024-03-20"})
    ts.add_session(ws, "2024-02-20", "医保政策培训", [a])
    ts.add_session(ws, "2024-04-02", "第二季度培训", [b])  # next quarter: does not count for Q1
    res = ts.quarterly_check(ws, 2024, 1, today=D(2024, 12, 31))
    assert res["checked_on"] == "2024-03-31" and res["sessions"] == 1 and res["contract_requires"]
    assert [p["staff_no"] for p in res["people"]] == ["A", "B", "D"]  # C left before the quarter's end
    assert [p["staff_no"] for p in res["missing"]] == ["B", "D"] and not res["ok"]
    sid = ts.list_sessions(ws, 2024)[-1]["id"]
    ts.set_attendees(ws, sid, [a, b, late])
    assert ts.quarterly_check(ws, 2024, 1, today=D(2024, 12, 31))["ok"]
    assert gone  # recorded, simply not asked


def test_quarter_bounds():
    assert ts.quarter_bounds(2025, 1) == (D(2025, 1, 1), D(2025, 3, 31))
    assert ts.quarter_bounds(2025, 4) == (D(2025, 10, 1), D(2025, 12, 31))
