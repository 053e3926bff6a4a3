"""The demo roster step: a team one person short of a term, an expiring certificate, attendance, trainings,
a pending staff change — and its monthly attendance sheet rendered for people to look at."""
import datetime as dt
import random
import subprocess

from workstation.services import attendance_service, roster_service, staff_change_service, training_service
from workstation.services.demo import roster


def test_demo_roster(ws, tmp_path, artifacts):
    counts = roster.build(ws, random.Random("2025:roster"), "small")
    assert counts["staff"] == 20
    profile, res = roster_service.check(ws)
    assert profile["id"] == "xinxiang-2025"
    assert res.shortfalls == [{"term": "resident", "required": 20, "actual": 19}]
    exp = roster_service.expiring_certificates(ws)
    assert len(exp) == 1 and 0 <= exp[0].days_left <= 30
    assert [c["status"] for c in staff_change_service.list_changes(ws)] == ["requested"]
    today = dt.date.today()
    year, q = training_service.quarter_of(today)
    assert len(training_service.quarterly_check(ws, year, q)["missing"]) == 1
    last_month = (today.replace(day=1) - dt.timedelta(days=1)).strftime("%Y-%m")
    g = attendance_service.grid(ws, last_month)
    assert len(g["people"]) == 19
    assert all(len(p["statuses"]) == len(p["duty_days"]) for p in g["people"])
    pdf = tmp_path / "sheet.pdf"
    attendance_service.export(ws, last_month, pdf)
    out = artifacts / "attendance_demo"
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(out)], check=True)
    assert (artifacts / "attendance_demo-1.png").exists()
