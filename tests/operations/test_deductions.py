"""扣款清单: final confirmed findings, deducted in the settlement month after they became final."""
import datetime as dt

from openpyxl import load_workbook

from tests.services.test_appeals_service import doubtful_finding
from tests.support.cli import run_inproc
from tests.support.review_data import seed_units
from tests.support.stores import PASSPHRASES
from workstation.services import appeals_service as ap
from workstation.services import review_service as rs
from workstation.services.operations import deductions
from workstation.store.models.review import ReviewUnitRow

D = dt.date


def confirmed(ws, as_user, prefix, n, decided, *, basis="《医疗保障基金使用监督管理条例》"):
    data = seed_units(ws, n=n, prefix=prefix, seed=len(prefix) + n)
    rev = as_user("reviewer")
    fids = []
    for uid in data["units"]:
        fids.append(rs.create_finding(rev, uid, data["lines"][uid][:1], "over_standard", basis=basis))
        rs.decide_unit(rev, uid, "violation")
        rs.submit_unit(rev, uid)
    with ws.store.session() as s:
        for uid in data["units"]:
            s.get(ReviewUnitRow, uid).decided_at = dt.datetime.combine(decided, dt.time(15))
    return data, fids


def test_final_findings_by_institution_and_month(ws, as_user):
    data, fids = confirmed(ws, as_user, "A", 2, D(2025, 3, 14))
    # appeals: one answered "upheld", one withdrawn, two unanswered (silence: final the day after 03-10)
    rev, d2, (f_up, f_silent, f_silent2, f_wd) = doubtful_finding(ws, as_user, n=4)
    for f in (f_up, f_silent, f_silent2, f_wd):
        ap.send(rev, f, working_days=5, sent_on=D(2025, 3, 3))
    ap.answer(rev, 1, text="维持", outcome="upheld", answered_on=D(2025, 3, 7))
    ap.answer(rev, 4, text="撤销", outcome="withdrawn", answered_on=D(2025, 3, 7))
    ap.settle_expired_appeals(rev, D(2025, 3, 20))
    amounts = {f.finding_id: f.amount for f in deductions.deduction_list(ws, "2025-04").findings}
    assert set(amounts) == {*fids, f_up, f_silent, f_silent2}
    out = deductions.to_json(deductions.deduction_list(ws, "2025-04"))
    assert out["month"] == "2025-04" and [i["fixmedins_code"] for i in out["institutions"]] == ["H41070001"]
    (inst,) = out["institutions"]
    assert inst["findings"] == 5
    total = sum(amounts.values())
    assert inst["amount"] == out["total"] == f"{total // 100}.{total % 100:02d}"
    assert deductions.deduction_list(ws, "2025-03").findings == ()  # nothing was final in February


def test_open_appeal_is_not_final(ws, as_user):
    rev, _d, (f,) = doubtful_finding(ws, as_user)
    ap.send(rev, f, working_days=5, sent_on=D(2025, 3, 3))
    assert deductions.deduction_list(ws, "2025-04").findings == ()


def test_xlsx_keeps_formula_like_text_as_text(ws, as_user, tmp_path, monkeypatch):
    confirmed(ws, as_user, "B", 1, D(2025, 3, 14), basis="=HYPERLINK(\"http://x\")")
    db = str(ws.store.path)  # the local store's file or the office server's address
    ws.close()
    run = run_inproc(["--db", db, "--json", "report", "deductions", "--month", "2025-04"], monkeypatch,
                     user="supervisor", passphrase=PASSPHRASES["supervisor"])
    assert run.code == 0, run.err
    assert run.json["institutions"][0]["findings"] == 1
    f = tmp_path / "扣款清单.xlsx"
    run = run_inproc(["--db", db, "--json", "report", "deductions", "--month", "2025-04", str(f)], monkeypatch,
                     user="supervisor", passphrase=PASSPHRASES["supervisor"])
    assert run.code == 0, run.err
    wb = load_workbook(f)
    sheet = wb.worksheets[0]
    row = [c.value for c in sheet[5]]
    assert row[3].startswith("B") and row[7] == "=HYPERLINK(\"http://x\")"
    assert sheet.cell(5, 8).data_type == "s"
    assert str(sheet.cell(5, 6).value) == run.json["total"]
