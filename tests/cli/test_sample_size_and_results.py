"""`sample size`, the stratified draw-time warning and `review import-results` (sampling.md)."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from tests.services.test_appraisal_claims import settlements
from tests.support.cli import run_cli, run_inproc
from tests.support.stores import PASSPHRASES
from workstation.services import sampling_service as svc
from workstation.services.sampling_service import Plan
from workstation.store.models.identity import EventRow
from workstation.store.models.review import FindingRow, ReviewUnitRow


def test_sample_size_command_reads_no_store(tmp_path):
    r = run_cli(["--db", str(tmp_path / "none.db"), "--json", "sample", "size", "--attribute", "--confidence", "0.95",
                 "--tolerable", "0.05", "--expected-errors", "0"])
    assert r.code == 0, r.err
    assert r.json == {"method": "attribute", "sample_size": 59}
    r = run_cli(["--json", "sample", "size", "--attribute", "--confidence", "0.95", "--tolerable", "0.05",
                 "--expected-errors", "1", "--universe", "80"])
    assert r.json == {"method": "attribute", "sample_size": 80}
    r = run_cli(["--json", "sample", "size", "--variables", "--confidence", "0.95", "--precision", "10000",
                 "--sd", "50", "--universe", "5000"])
    assert r.code == 0 and r.json["method"] == "variables" and r.json["sample_size"] > 2
    for bad in (["--attribute", "--confidence", "1.2", "--tolerable", "0.05", "--expected-errors", "0"],
                ["--attribute", "--confidence", "0.9", "--tolerable", "0.05", "--expected-errors", "-1"],
                ["--variables", "--confidence", "0.9", "--precision", "0", "--sd", "1", "--universe", "10"]):
        assert run_cli(["--json", "sample", "size", *bad]).code == 2


def cli(ws, monkeypatch, *args, user="admin"):
    return run_inproc(["--db", str(ws.store.path), "--json", *args], monkeypatch, user=user,
                      passphrase=PASSPHRASES[user])


def test_stratified_draw_warns_about_thin_strata(ws, monkeypatch):
    settlements(ws, [{"setl_id": f"W{i:04d}", "fixmedins_code": "H01" if i < 95 else "H02"} for i in range(100)])
    r = cli(ws, monkeypatch, "sample", "--method", "stratified", "--strata", "fixmedins_code", "--size", "10",
            "--seed", "w")
    assert r.code == 0, r.err
    assert r.json["warnings"] == [{"stratum": "H02", "frame_size": 5, "sample_size": 0}]
    assert "H02" in r.err
    ok = cli(ws, monkeypatch, "sample", "--method", "stratified", "--strata", "fixmedins_code", "--rate", "0.5",
             "--seed", "w")
    assert ok.json["warnings"] == [] and ok.err.strip() == "" or "H02" not in ok.err
    a = svc.describe(ws, r.json["sample_id"])
    assert a["sample_size"] == 10  # stored all the same


def _results(tmp_path, text, encoding="utf-8"):
    f = tmp_path / "results.csv"
    f.write_bytes(text.encode(encoding))
    return f


def test_import_results_records_units_findings_and_events_in_one_go(ws, monkeypatch, tmp_path):
    settlements(ws, [{"setl_id": f"R{i:04d}"} for i in range(60)])
    out = svc.draw_and_store(ws, Plan(method="srs", seed="r", size=5))
    a, b, c, d, _ = sorted(out["selected"])
    f = _results(tmp_path, "setl_id,decision,amount,category,basis,备注\n"
                           f"{a},violation,120.50,over_standard,《价格目录》第3条,x\n"
                           f"{a},violation,-3.00,over_standard,,\n"
                           f"{b},doubtful,99.99,duplicate_charge,,\n"
                           f"{b},violation,1.00,duplicate_charge,,\n"
                           f"{c},compliant,,,,\n"
                           f"{d},compliant,0,,,\n", "gb18030")
    denied = cli(ws, monkeypatch, "review", "import-results", str(f), user="reviewer")
    assert denied.code == 3
    r = cli(ws, monkeypatch, "review", "import-results", str(f), "--sample", str(out["sample_id"]),
            user="supervisor")
    assert r.code == 0, r.err
    assert r.json == {"file": str(f), "sample_id": out["sample_id"], "rows": 6, "units": 4, "findings": 4}
    with ws.store.read() as s:
        units = {u.setl_id: u for u in s.execute(select(ReviewUnitRow)).scalars()}
        assert {k: (u.status, u.submitted, u.decided_by) for k, u in units.items()} == {
            a: ("violation", True, "supervisor"), b: ("doubtful", True, "supervisor"),
            c: ("compliant", True, "supervisor"), d: ("compliant", True, "supervisor")}
        fs = s.execute(select(FindingRow.unit_id, FindingRow.amount, FindingRow.status)).all()
        assert sorted((x[1], x[2]) for x in fs) == [(-300, "confirmed"), (100, "confirmed"), (9999, "doubtful"),
                                                    (12050, "confirmed")]
        actions = [e.action for e in s.execute(select(EventRow).order_by(EventRow.seq)).scalars()]
    assert actions.count("review.finding.create") == 4 and actions.count("review.unit.decide") == 4
    assert actions.count("review.unit.submit") == 4 and actions[-1] == "review.import_results"
    again = cli(ws, monkeypatch, "review", "import-results", str(f), user="supervisor")
    assert again.code == 2 and "已有结论" in again.err or "already decided" in again.err


@pytest.mark.parametrize("row, column", [
    ("{a},violation,,over_standard,", "amount"), ("{a},violation,1.001,over_standard,", "amount"),
    ("{a},maybe,1,over_standard,", "decision"), ("{a},violation,1,no_such,", "category"),
    ("{a},compliant,5,,", "amount"), ("NOT_SELECTED,compliant,,,", "setl_id"),
    ("{a},compliant,,over_standard,", "category"),
])
def test_a_bad_row_changes_nothing_and_names_row_and_column(ws, monkeypatch, tmp_path, row, column):
    settlements(ws, [{"setl_id": f"B{i:04d}"} for i in range(40)] + [{"setl_id": "NOT_SELECTED", "fixmedins_code": "H09"}])
    out = svc.draw_and_store(ws, Plan(method="srs", seed="b", size=3, conditions=[["fixmedins_code", "=", ["H01"]]]))
    a, b, _ = sorted(out["selected"])
    f = _results(tmp_path, f"setl_id,decision,amount,category,basis\n{b},compliant,,,\n" + row.format(a=a) + "\n")
    r = cli(ws, monkeypatch, "review", "import-results", str(f), "--sample", str(out["sample_id"]),
            user="supervisor")
    assert r.code == 2, r.out
    assert "3" in r.err and column in r.err
    with ws.store.read() as s:
        assert s.execute(select(ReviewUnitRow)).first() is None
        assert "review.import_results" not in [e.action for e in s.execute(select(EventRow)).scalars()]


def test_compliant_beside_another_decision_is_an_error(ws, monkeypatch, tmp_path):
    settlements(ws, [{"setl_id": f"M{i:04d}"} for i in range(20)])
    out = svc.draw_and_store(ws, Plan(method="srs", seed="m", size=2))
    a = out["selected"][0]
    f = _results(tmp_path, f"setl_id,decision,amount,category,basis\n{a},violation,3,over_standard,\n"
                           f"{a},compliant,,,\n")
    r = cli(ws, monkeypatch, "review", "import-results", str(f), user="supervisor")
    assert r.code == 2
