"""deadlines, report volumes and fees on a real store, at the boundaries operations.md names."""
import datetime as dt
import math

import chinese_calendar
import pytest

from tests.operations import data
from tests.services.test_appeals_service import doubtful_finding
from tests.support.cli import run_inproc
from tests.support.stores import PASSPHRASES
from workstation.core.errors import NotPermitted, UsageError
from workstation.services import appeals_service, profile_service, roster_service, staff_change_service
from workstation.services.operations import deadlines, fees, volumes
from workstation.store.models.operations import DataCheckRow

D = dt.date


def n_workdays(first, last):
    """Independent count straight from the package (both ends included)."""
    return len(chinese_calendar.get_workdays(first, last))


# -- volumes -------------------------------------------------------------------------------------------------
@pytest.fixture
def mentougou(ws):
    with ws.store.session() as s:
        for i in range(3):
            data.settlement(s, f"M{i}", D(2024, 3, 1 + i))
            data.unit(s, f"M{i}", "compliant", dt.datetime(2024, 3, 5, 9))
        data.settlement(s, "M9", D(2024, 3, 9))
        data.unit(s, "M9", "pending")  # not decided: does not count
        data.settlement(s, "M8", D(2023, 12, 1))
        data.unit(s, "M8", "violation", dt.datetime(2023, 12, 29, 9))  # another year
        s.add(DataCheckRow(done_on=D(2024, 1, 2), title="第一次数据核查", created_by="admin"))
    return ws


def item(v, item_id):
    (got,) = [i for i in volumes.to_json(v)["items"] if i["id"] == item_id]
    return got


def test_volumes_pace_on_first_and_last_working_day(mentougou):
    ws = mentougou
    year_days = n_workdays(D(2024, 1, 1), D(2024, 12, 31))
    first_wd = min(d for d in chinese_calendar.get_workdays(D(2024, 1, 1), D(2024, 1, 31)))
    assert first_wd == D(2024, 1, 2)  # New Year's Day is off
    v = volumes.volumes(ws, 2024, "mentougou-2024", as_of=first_wd)
    assert (v.elapsed_workdays, v.year_workdays, v.assumed) == (1, year_days, False)
    rec = item(v, "records_reviewed")
    assert rec == {"id": "records_reviewed", "label": "审核病历数", "target": 360000, "actual": 3,
                   "pace_target": math.floor(360000 / year_days), "on_track": False}
    checks = item(v, "data_checks")
    assert (checks["pace_target"], checks["actual"], checks["on_track"]) == (0, 1, True)
    assert item(v, "receipts_checked")["actual"] == 0
    # the day before the first working day: nothing is due yet
    assert item(volumes.volumes(ws, 2024, "mentougou-2024", as_of=D(2024, 1, 1)), "records_reviewed")["pace_target"] == 0
    last_wd = max(chinese_calendar.get_workdays(D(2024, 12, 1), D(2024, 12, 31)))
    v = volumes.volumes(ws, 2024, "mentougou-2024", as_of=last_wd)
    assert v.elapsed_workdays == year_days
    assert item(v, "records_reviewed")["pace_target"] == 360000
    checks = item(v, "data_checks")
    assert (checks["pace_target"], checks["on_track"]) == (2, False)
    with ws.store.session() as s:
        s.add(DataCheckRow(done_on=D(2024, 10, 8), title="第二次数据核查", created_by="admin"))
    assert item(volumes.volumes(ws, 2024, "mentougou-2024", as_of=last_wd), "data_checks")["on_track"] is True


def coverage_store(ws, inpatient: int, reviewed_in: int, cross: int, reviewed_cross: int, census_missing: int = 0):
    with ws.store.session() as s:
        direct = []
        for i in range(inpatient):
            sid = f"I{i:03d}"
            data.settlement(s, sid, D(2025, 4, 1), hifob=500_00)
            direct.append(sid)
            if i < reviewed_in:
                data.unit(s, sid, "compliant", dt.datetime(2025, 4, 3, 9))
        for i in range(cross):
            sid = f"X{i:03d}"
            data.settlement(s, sid, D(2025, 5, 6), offsite="2", setl_type="2")
            if i < reviewed_cross:
                data.unit(s, sid, "violation", dt.datetime(2025, 5, 8, 9))
        data.settlement(s, "O1", D(2025, 5, 6), med_type="11", hifob=0)  # outpatient: in no share
        data.census(s, "S-2025-0001", direct[census_missing:])


@pytest.mark.parametrize("inpatient, reviewed, on_track", [(20, 1, True), (21, 1, False), (40, 2, True), (41, 2, False)])
def test_inpatient_recheck_share_at_exactly_five_percent(ws, inpatient, reviewed, on_track):
    coverage_store(ws, inpatient, reviewed, 5, 1)
    v = volumes.volumes(ws, 2025, "xinxiang-2025", as_of=D(2025, 12, 31))
    got = item(v, "inpatient_recheck_share")
    assert got["target"] == 0.05 and got["pace_target"] == 0.05
    assert got["actual"] == round(reviewed / inpatient, 6) and got["on_track"] is on_track


@pytest.mark.parametrize("cross, reviewed, on_track", [(5, 1, True), (6, 1, False), (10, 2, True), (11, 2, False)])
def test_cross_province_share_at_exactly_twenty_percent(ws, cross, reviewed, on_track):
    coverage_store(ws, 20, 1, cross, reviewed)
    got = item(volumes.volumes(ws, 2025, "xinxiang-2025", as_of=D(2025, 12, 31)), "cross_province_record_share")
    assert got["target"] == 0.2 and got["actual"] == round(reviewed / cross, 6) and got["on_track"] is on_track


def test_first_review_coverage_needs_every_supplementary_settlement(ws):
    coverage_store(ws, 20, 1, 5, 1, census_missing=1)
    got = item(volumes.volumes(ws, 2025, "xinxiang-2025", as_of=D(2025, 12, 31)), "first_review_coverage")
    assert got["target"] == 1.0 and got["actual"] == 0.95 and got["on_track"] is False


def test_report_volumes_cli(mentougou, monkeypatch):
    db = str(mentougou.store.path)
    run = run_inproc(["--db", db, "--json", "report", "volumes", "--year", "2024", "--contract", "mentougou-2024",
                      "--as-of", "2024-12-31"], monkeypatch, user="reviewer", passphrase=PASSPHRASES["reviewer"])
    assert run.code == 0, run.err
    out = run.json
    assert (out["year"], out["contract"]) == (2024, "mentougou-2024")
    assert [i["id"] for i in out["items"]] == ["records_reviewed", "receipts_checked", "data_checks"]
    assert set(out["items"][0]) == {"id", "label", "target", "actual", "pace_target", "on_track"}


# -- money ---------------------------------------------------------------------------------------------------
@pytest.fixture
def luoyang(ws):
    ids = data.luoyang_roster(ws)
    # C00 (city, medical) leaves on 2025-02-10 and the replacement starts a day later:
    # on 2025-02-10 alone the city centre has 11 medical staff and the team 39.
    roster_service.save_staff(ws, {"end_date": "2025-02-10"}, ids["C00"])
    roster_service.save_staff(ws, {"staff_no": "C99", "name": "接替", "qualification": "medical", "centre": "市级",
                                   "start_date": "2025-02-11"})
    with ws.store.session() as s:
        data.second_reviews(s, "2025Q1", agree=9, disagree=1, day=D(2025, 2, 20))
        data.second_reviews(s, "2025Q2", agree=7, disagree=3, day=D(2025, 5, 20))
    return ws


def test_luoyang_quarter_with_a_shortfall_on_one_day_only(luoyang):
    ws = luoyang
    p = profile_service.get_profile(ws, "luoyang-2024")
    assert fees.shortfall_days(ws, p, D(2025, 1, 1), D(2025, 3, 31)) == [D(2025, 2, 10)]
    out = fees.fees(ws, "luoyang-2024", quarter="2025Q1", headcount=1_000_000)
    assert out["fee"] == "362500.00" and out["pass_rate"] == 0.9  # exactly 90%: no pass-rate deduction
    assert [(d["reason"], d["rate"], d["amount"]) for d in out["deductions"]] == [("staffing_shortfall", 0.02, "7250.00")]
    assert out["payable"] == "355250.00" and out["shortfall_days"] == ["2025-02-10"]
    q2 = fees.fees(ws, "luoyang-2024", quarter="2025Q2", headcount=1_000_000)
    assert q2["pass_rate"] == 0.7 and q2["shortfall_days"] == []
    assert [(d["reason"], d["amount"]) for d in q2["deductions"]] == [("pass_rate_below_80", "18125.00")]
    assert q2["payable"] == "344375.00"
    with pytest.raises(UsageError):
        fees.fees(ws, "luoyang-2024", quarter="2025Q1")  # no headcount anywhere


def test_xinxiang_profit_return_cli(ws, monkeypatch):
    db = str(ws.store.path)
    for score, returned, rate in (("90", "1000000.00", 0.0), ("89.99", "999950.00", 0.00005),
                                  ("79.99", "899900.00", 0.1001), ("59.99", "0.00", 1.0)):
        run = run_inproc(["--db", db, "--json", "fees", "--contract", "xinxiang-2025", "--score", score,
                          "--profit", "1000000"], monkeypatch, user="reviewer", passphrase=PASSPHRASES["reviewer"])
        assert run.code == 0, run.err
        assert {k: run.json[k] for k in ("profit", "score", "deduction_rate", "returned")} == {
            "profit": "1000000.00", "score": float(score), "deduction_rate": rate, "returned": returned}


def test_huaiyang_fund_use_from_the_settlements(ws):
    with ws.store.session() as s:
        data.settlement(s, "H1", D(2025, 3, 3), hifob=100_000_00)
        data.settlement(s, "H2", D(2025, 9, 3), hifob=35_000_00)
        data.settlement(s, "H3", D(2024, 12, 31), hifob=999_00)  # the year before
    out = fees.fees(ws, "huaiyang-2025", year=2025, headcount=1000)
    assert {k: out[k] for k in ("income", "payouts", "use_rate", "below_floor", "below_promise")} == {
        "income": "150000.00", "payouts": "135000.00", "use_rate": 0.9, "below_floor": False, "below_promise": True}


def test_mentougou_payments(ws):
    with ws.store.session() as s:
        s.add(DataCheckRow(done_on=D(2024, 6, 28), title="第一次数据核查", created_by="admin"))
    out = fees.fees(ws, "mentougou-2024", as_of=D(2024, 11, 1))
    due50 = sorted(chinese_calendar.get_workdays(D(2024, 2, 29), D(2024, 4, 30)))[9]
    assert [(p["share"], p["amount"], p["due"], p["met"]) for p in out["payments"]] == [
        (0.5, "840000.00", due50.isoformat(), True), (0.3, "504000.00", "2024-06-28", True),
        (0.2, "336000.00", "2024-12-31", False)]


def test_xinjiang_penalties(ws, as_user):
    a = roster_service.save_staff(ws, {"staff_no": "A01", "name": "甲", "start_date": "2024-01-01"})
    roster_service.save_staff(ws, {"end_date": "2024-06-01"}, a)  # left without a staff change
    with pytest.raises(NotPermitted):
        fees.record_breach(as_user("reviewer"), "xinjiang-2024", D(2024, 7, 1), "other")
    fees.record_breach(as_user("supervisor"), "xinjiang-2024", D(2024, 7, 1), "other", "未按时报送")
    out = fees.fees(ws, "xinjiang-2024")
    assert [(b["kind"], b["date"], b["penalty"]) for b in out["breaches"]] == [
        ("staff_change", "2024-06-01", "90000.00"), ("other", "2024-07-01", "50000.00")]
    assert out["penalties"] == "140000.00"


def test_a_user_profile_gets_the_same_evaluations(ws):
    p = profile_service.create_profile(ws, "newcity-2026", "新城经办", "New city handling")
    p.update({"fees": {"per_insured_per_year": "2.00"}, "volumes": {"records_reviewed_min": 1000},
              "pass_rate": {"period": "quarter", "tiers": [{"below": "0.95", "deduction_rate": "0.03"}]},
              "staffing_deduction": {"rate": "0.01"}, "operations": {"insured_headcount": 400}})
    profile_service.save_profile(ws, p)
    with ws.store.session() as s:
        data.second_reviews(s, "2026Q1", agree=18, disagree=2, day=D(2026, 2, 20))  # 90% < 95%
    out = fees.fees(ws, "newcity-2026", quarter="2026Q1")
    assert out["fee"] == "200.00" and [(d["reason"], d["amount"]) for d in out["deductions"]] == [
        ("pass_rate_below_95", "6.00")]
    v = volumes.volumes(ws, 2026, "newcity-2026", as_of=D(2026, 12, 31))
    assert [(i.id, i.target, i.pace_target) for i in v.items] == [("records_reviewed", 1000, 1000)]


# -- deadlines -----------------------------------------------------------------------------------------------
def test_deadlines_from_appeals_staff_changes_settlements_and_reports(ws, as_user):
    profile_service.set_active_profile(ws, "xinxiang-2025")
    rev, _data, (fid,) = doubtful_finding(ws, as_user)
    appeals_service.send(rev, fid, working_days=10, sent_on=D(2026, 12, 1))
    with ws.store.session() as s:
        data.settlement(s, "N1", D(2026, 11, 12), hifob=800_00, inst="H41070009")
    staff_change_service.request_change(ws, notice_date=D(2026, 12, 10), reason="调岗", leaving_staff_id=None,
                                        joining={"staff_no": "J1", "name": "新人"})
    out = deadlines.to_json(D(2026, 12, 15), deadlines.deadlines(ws, D(2026, 12, 15)))
    by_kind = {i["kind"]: i for i in out["items"]}
    assert by_kind["appeal"]["due"] == "2026-12-15" and by_kind["appeal"]["days_left"] == 0
    assert not by_kind["appeal"]["overdue"] and not by_kind["appeal"]["assumed"]
    assert by_kind["staff_change"]["due"] == "2026-12-25" and by_kind["staff_change"]["days_left"] == 8
    adv = by_kind["institution_advance"]  # declared 2026-11-30; 30 working days reach into 2027
    assert adv["ref"] == "advance:H41070009:2026-11" and adv["due"] > "2027-01-01" and adv["assumed"]
    rep = by_kind["report"]  # the contract ended in 2025: its last monthly report was never exported
    assert rep["ref"] == "report:monthly:2025-12" and rep["overdue"] and rep["days_left"] < 0
    keys = [(i["due"], i["kind"], i["ref"]) for i in out["items"]]
    assert keys == sorted(keys)
    later = deadlines.deadlines(ws, D(2026, 12, 17))
    (ap,) = [d for d in later if d.kind == "appeal"]
    assert ap.overdue and ap.days_left == -2


def test_data_check_recorded_by_a_supervisor_counts(ws, as_user, monkeypatch):
    db = str(ws.store.path)
    run = run_inproc(["--db", db, "--json", "datacheck", "--date", "2024-05-06", "--title", "第一次数据核查"],
                     monkeypatch, user="reviewer", passphrase=PASSPHRASES["reviewer"])
    assert run.code == 3
    run = run_inproc(["--db", db, "--json", "datacheck", "--date", "2024-05-06", "--title", "第一次数据核查"],
                     monkeypatch, user="supervisor", passphrase=PASSPHRASES["supervisor"])
    assert run.code == 0, run.err
    v = volumes.volumes(ws, 2024, "mentougou-2024", as_of=D(2024, 12, 31))
    assert item(v, "data_checks")["actual"] == 1
