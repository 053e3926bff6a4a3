"""The store's holiday table (admins only, logged) and every user of the calendar across 2026→2027."""
import datetime as dt
import json

import pytest
from sqlalchemy import select

from tests.services.test_appeals_service import doubtful_finding
from tests.support.cli import run_inproc
from tests.support.stores import PASSPHRASES
from workstation.core.errors import BadInput, NotPermitted
from workstation.core.workdays import DayKind
from workstation.services import appeals_service as ap
from workstation.services import attendance_service as att
from workstation.services import profile_service, roster_service, workdays_service
from workstation.store.models.identity import EventRow

D = dt.date
CSV_2027 = "date,kind,note\n2027-01-01,holiday,元旦\n2027-02-06,workday,春节调休\n2027/2/8,假,春节\n"


def events(ws, action):
    with ws.store.read() as s:
        return [json.loads(d) for d in s.execute(select(EventRow.details).where(EventRow.action == action))
                .scalars()]


def test_import_is_for_admins_and_logged(ws, as_user, tmp_path):
    f = tmp_path / "holidays-2027.csv"
    f.write_text(CSV_2027, encoding="utf-8")
    with pytest.raises(NotPermitted):
        workdays_service.import_csv(as_user("supervisor"), f)
    out = workdays_service.import_csv(ws, f)
    assert out == {"rows": 3, "inserted": 3, "updated": 0, "unchanged": 0, "ignored": 0}
    assert workdays_service.import_csv(ws, f)["unchanged"] == 3  # twice changes nothing
    (ev,) = events(ws, "calendar.import")
    assert ev["inserted"] == 3 and {c["day"] for c in ev["changes"]} == {"2027-01-01", "2027-02-06", "2027-02-08"}
    days = workdays_service.list_days(ws, 2027)
    assert [(d.day, d.kind) for d in days] == [(D(2027, 1, 1), "holiday"), (D(2027, 2, 6), "workday"),
                                              (D(2027, 2, 8), "holiday")]
    cov = workdays_service.coverage(ws)
    assert cov.table_years == (2027,) and cov.first_assumed_year == 2028


def test_bad_csv_names_row_and_column(ws, tmp_path):
    f = tmp_path / "bad.csv"
    f.write_text("date,kind\n2027-01-01,holiday\n2027-13-01,holiday\n", encoding="utf-8")
    with pytest.raises(BadInput) as e:
        workdays_service.import_csv(ws, f)
    assert (e.value.row, e.value.column) == (3, "date")
    f.write_text("2027-01-01,sometimes\n", encoding="utf-8")
    with pytest.raises(BadInput) as e:
        workdays_service.import_csv(ws, f)
    assert (e.value.row, e.value.column) == (1, "kind")
    assert workdays_service.list_days(ws) == []  # nothing landed


def test_set_day_admins_only_and_logged(ws, as_user):
    with pytest.raises(NotPermitted):
        workdays_service.set_day(as_user("reviewer"), D(2027, 1, 1), "holiday")
    workdays_service.set_day(ws, D(2027, 1, 1), "holiday", "元旦")
    assert workdays_service.calendar(ws).day_kind(D(2027, 1, 1)) is DayKind.HOLIDAY
    workdays_service.set_day(ws, D(2027, 1, 1), None)
    assert workdays_service.calendar(ws).is_assumed(D(2027, 1, 1))
    with ws.store.read() as s:
        acts = s.execute(select(EventRow.action).where(EventRow.action == "calendar.set")).scalars().all()
    assert len(acts) == 2


def test_january_2027_attendance_sheet_without_and_with_table(ws, tmp_path):
    profile_service.set_active_profile(ws, "xinjiang-2024")
    roster_service.save_staff(ws, {"staff_no": "A01", "name": "王淑蕊", "post": "项目负责人", "start_date": "2024-01-01"})
    g = att.grid(ws, "2027-01")  # crashed before: no calendar data for 2027
    assert g["assumed"] and all(d["assumed"] for d in g["days"])
    assert g["people"][0]["workdays"] == 21  # Monday–Friday guess: 21 weekdays in January 2027
    assert att.fill_by_calendar(ws, "2027-01") == 31
    out = att.export(ws, "2027-01", tmp_path / "jan27.pdf")
    assert (tmp_path / "jan27.pdf").stat().st_size > 0 and out["people"] == 1
    workdays_service.set_day(ws, D(2027, 1, 1), "holiday", "元旦")
    g = att.grid(ws, "2027-01")
    assert not g["assumed"] and g["days"][0]["kind"] == "holiday"
    assert g["people"][0]["workdays"] == 20
    december = att.grid(ws, "2026-12")
    assert not december["assumed"]


def test_appeal_sent_mid_december_2026(ws, as_user):
    rev, _data, (fid,) = doubtful_finding(ws, as_user)
    ap.send(rev, fid, working_days=15, sent_on=D(2026, 12, 15))  # crashed before
    (a,) = ap.list_appeals(rev, today=D(2026, 12, 20))
    assert a.deadline == D(2027, 1, 5) and a.assumed
    assert a.days_left == 12  # (12-20, 2027-01-05]: 12-21..25 and 28..31 (9), 01-01 (a guess), 01-04, 01-05
    workdays_service.set_day(ws, D(2027, 1, 1), "holiday")
    (b,) = ap.list_appeals(rev, today=D(2026, 12, 20))
    assert b.deadline == D(2027, 1, 5)  # the stored deadline stays what the institution was told
    assert not b.assumed and b.days_left == a.days_left - 1


def test_cli_workdays_add(ws, tmp_path, monkeypatch):
    db = str(ws.store.path)
    ws.close()
    run = run_inproc(["--db", db, "--json", "workdays", "add", "2026-12-15", "15"], monkeypatch,
                     user="admin", passphrase=PASSPHRASES["admin"])
    assert run.code == 0, run.err
    assert run.json == {"from": "2026-12-15", "workdays": 15, "due": "2027-01-05", "assumed": True}
    f = tmp_path / "h.csv"
    f.write_text(CSV_2027, encoding="utf-8")
    run = run_inproc(["--db", db, "--json", "workdays", "import", str(f)], monkeypatch,
                     user="supervisor", passphrase=PASSPHRASES["supervisor"])
    assert run.code == 3
    run = run_inproc(["--db", db, "--json", "workdays", "import", str(f)], monkeypatch,
                     user="admin", passphrase=PASSPHRASES["admin"])
    assert run.code == 0 and run.json["inserted"] == 3
    run = run_inproc(["--db", db, "--json", "workdays", "add", "2026-12-15", "15"], monkeypatch,
                     user="reviewer", passphrase=PASSPHRASES["reviewer"])
    assert run.json == {"from": "2026-12-15", "workdays": 15, "due": "2027-01-06", "assumed": False}
