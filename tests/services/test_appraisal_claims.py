"""Claims on a real store: the four defects of issue #15 as regressions, and one appraisal for both commands.

Each defect's scenario is rebuilt so that the old computation gives the
figure quoted in the issue's pattern; the test computes that old figure
independently and checks the new appraisal against sampling.md instead.
"""
from __future__ import annotations

import datetime as dt
import math
import uuid

import numpy as np
from hypothesis import HealthCheck, given, settings, strategies as st
from scipy import stats

from workstation.core import sampling as smp
from workstation.services import appraisal_service
from workstation.services import dossier_service as ds
from workstation.services import sampling_service as svc
from workstation.services.sampling_service import Plan
from workstation.store.models.claims import SettlementRow
from workstation.store.models.review import FindingRow, ReviewUnitRow


def settlements(ws, rows):
    with ws.store.session() as s:
        for r in rows:
            s.add(SettlementRow(**({"psn_no": "P1", "med_type": "21", "setl_type": "1", "offsite_flag": "0",
                                     "fixmedins_code": "H01", "setl_time": "2025-02-10 10:00:00",
                                     "medfee_sumamt": 10_000_00} | r)))


def review(ws, sample_id, outcomes, at="2025-06-01 10:00:00"):
    """outcomes: setl_id → (status, [(amount fen, finding status), ...])."""
    with ws.store.session() as s:
        for sid, (status, findings) in outcomes.items():
            u = ReviewUnitRow(uuid=str(uuid.uuid4()), setl_id=sid, sample_id=sample_id, source="sample",
                              assigned_to="reviewer", status=status,
                              decided_at=dt.datetime.fromisoformat(at) if status != "pending" else None)
            s.add(u)
            s.flush()
            for amount, fstatus in findings:
                s.add(FindingRow(uuid=str(uuid.uuid4()), unit_id=u.id, category="over_standard", amount=amount,
                                 status=fstatus, created_by="reviewer", updated_by="reviewer"))


def dossier_appraisal(ws, **kw):
    return ds.snapshot(ws, ds.build(ws, **kw))["appraisal"]


def fen(text):
    return round(float(text) * 100)


def test_defect_1_institution_domain_uses_the_frame_units_there_not_all_its_settlements(ws):
    """Issue #15: narrowed to one institution, the old dossier extrapolated onto all of its settlements
    (outpatient too): 3.1× the supportable claim. Frame: inpatient; H01 has 100 inpatient, 210 outpatient."""
    settlements(ws, [{"setl_id": f"I{i:04d}", "fixmedins_code": "H01" if i < 100 else "H02"} for i in range(300)])
    settlements(ws, [{"setl_id": f"O{i:04d}", "med_type": "11"} for i in range(210)])
    out = svc.draw_and_store(ws, Plan(method="srs", seed="d1", size=60, conditions=[["med_type", "=", ["inpatient"]]]))
    h01 = [sid for sid in out["selected"] if int(sid[1:]) < 100]
    outcomes = {sid: ("violation", [(1_000_00 + 37 * k, "confirmed")]) if k % 3 else ("compliant", [])
                for k, sid in enumerate(sorted(out["selected"]))}
    review(ws, out["sample_id"], outcomes)
    got = dossier_appraisal(ws, sample_id=out["sample_id"], institution="H01")
    ys = [outcomes[sid][1][0][0] if outcomes[sid][1] else 0 for sid in h01]
    old_point = 310 * np.mean(ys)  # what the old dossier projected
    assert got["frame_size"] == 100 and got["units"] == len(h01)
    assert fen(got["point"]) == round(100 * np.mean(ys))
    assert old_point / fen(got["point"]) == __import__("pytest").approx(3.1, rel=1e-3)
    assert got == appraisal_service.appraise_sample(ws, out["sample_id"], institution="H01")["appraisal"]


def test_defect_2_period_domain_uses_the_period_frame_size(ws):
    """Issue #15: the first quarter alone claimed 6,342.78 against 2,477.48 for the whole sample, because the
    old dossier kept the whole frame's N for a quarter's units. Now N_d is the quarter's frame units."""
    months = ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"]
    settlements(ws, [{"setl_id": f"S{i:04d}", "setl_time": f"2025-{months[i % 12]}-15 09:00:00"}
                     for i in range(480)])
    out = svc.draw_and_store(ws, Plan(method="srs", seed="d2", size=96))
    q1 = {sid for sid in out["selected"] if int(sid[1:]) % 12 < 3}
    outcomes = {sid: ("violation", [(500_00 if sid in q1 else 50_00, "confirmed")]) if k % 2 else ("compliant", [])
                for k, sid in enumerate(sorted(out["selected"]))}
    review(ws, out["sample_id"], outcomes)
    whole = dossier_appraisal(ws, sample_id=out["sample_id"])
    quarter = dossier_appraisal(ws, sample_id=out["sample_id"], period_from=dt.date(2025, 1, 1),
                                period_to=dt.date(2025, 3, 31))
    assert quarter["frame_size"] == 120 and whole["frame_size"] == 480
    ys = [outcomes[sid][1][0][0] if outcomes[sid][1] else 0 for sid in q1]
    old_point = 480 * np.mean(ys)
    assert fen(quarter["point"]) == round(120 * np.mean(ys)) and old_point == 4 * 120 * np.mean(ys)
    assert fen(quarter["point"]) <= fen(whole["point"])  # a part never projects above the whole here


def test_defect_3_a_dossier_without_a_sample_does_not_pool_pps_units(ws):
    """Issue #15: five pps units with 100.00 found → a claim of 3,780.00 (189 × 20.00, pooled as an srs).
    Without --sample nothing is extrapolated: the claim is the 100.00 found."""
    settlements(ws, [{"setl_id": f"P{i:04d}", "medfee_sumamt": (i + 1) * 1_000} for i in range(189)])
    out = svc.draw_and_store(ws, Plan(method="pps", seed="d3", size=5))
    assert len(out["selected"]) == 5
    review(ws, out["sample_id"], {sid: ("violation", [(20_00, "confirmed")]) for sid in out["selected"]})
    old = 189 * 20_00  # the old pooled mean-per-unit, zero variance: lower = point
    assert old == 3_780_00
    got = dossier_appraisal(ws, institution="H01")
    assert got["design"] == "none" and got["reason"] == "no_sample" and got["claimed"] == "100.00"
    pps = dossier_appraisal(ws, sample_id=out["sample_id"])
    assert pps["design"] == "pps" and pps["method"] in ("stringer", "found")


def test_defect_4_doubtful_findings_are_pending_in_both_commands(ws):
    """Issue #15: `sample appraise` counted doubtful findings and the dossier did not (252,341.63 vs 24,599.40
    on the demo). Both now count confirmed findings only, with the doubtful money beside as pending."""
    settlements(ws, [{"setl_id": f"D{i:04d}"} for i in range(200)])
    out = svc.draw_and_store(ws, Plan(method="srs", seed="d4", size=20))
    ids = sorted(out["selected"])
    outcomes = {sid: ("doubtful", [(90_000_00, "doubtful")]) if k < 3 else
                ("violation", [(1_000_00, "confirmed"), (5_00, "withdrawn")]) if k % 2 else ("compliant", [])
                for k, sid in enumerate(ids)}
    review(ws, out["sample_id"], outcomes)
    sample = appraisal_service.appraise_sample(ws, out["sample_id"])
    dossier = dossier_appraisal(ws, sample_id=out["sample_id"])
    assert sample["appraisal"] == dossier
    assert dossier["pending"] == "270000.00" and fen(dossier["found"]) == 1_000_00 * sum(
        1 for k in range(3, 20) if k % 2)
    # counted, the doubtful money would have projected 200 × (9,000.00 + 270,000.00) / 20 = 2,790,000.00
    assert sample["found"] == dossier["found"] and sample["appraisal"]["point"] == "90000.00"


def test_sample_appraise_cli_fields_and_equality_with_dossier_cli(ws, monkeypatch):
    from tests.support.cli import run_inproc
    from tests.support.stores import PASSPHRASES

    def cli(*args):
        return run_inproc(["--db", str(ws.store.path), "--json", *args], monkeypatch, user="admin",
                          passphrase=PASSPHRASES["admin"])

    settlements(ws, [{"setl_id": f"C{i:04d}", "fixmedins_code": "H01" if i % 2 else "H02"} for i in range(100)])
    out = svc.draw_and_store(ws, Plan(method="srs", seed="cli", size=20))
    review(ws, out["sample_id"], {sid: ("violation", [(k * 1_00, "confirmed")]) for k, sid in
                                  enumerate(out["selected"])})
    a = cli("sample", "appraise", str(out["sample_id"]), "--institution", "H01", "--confidence", "0.95")
    assert a.code == 0, a.err
    b = cli("dossier", "build", "--sample", str(out["sample_id"]), "--institution", "H01", "--confidence", "0.95")
    assert b.code == 0, b.err
    assert a.json["appraisal"] == b.json["appraisal"] and a.json["appraisal"]["confidence"] == 0.95
    assert a.json["claim_basis"] == a.json["appraisal"]["claim_basis"]
    bad = cli("sample", "appraise", str(out["sample_id"]), "--from", "2025-01-01")
    assert bad.code == 2


def test_frame_changed_after_the_draw(ws):
    settlements(ws, [{"setl_id": f"F{i:04d}"} for i in range(50)])
    out = svc.draw_and_store(ws, Plan(method="srs", seed="fc", size=10))
    review(ws, out["sample_id"], {sid: ("violation", [(100_00, "confirmed")]) for sid in out["selected"]})
    settlements(ws, [{"setl_id": "F9999"}])  # a late import lands in the frame
    dom = appraisal_service.appraise_sample(ws, out["sample_id"], institution="H01")["appraisal"]
    assert dom["method"] == "found" and dom["reason"] == "frame_changed" and dom["frame_size"] is None
    whole = appraisal_service.appraise_sample(ws, out["sample_id"])["appraisal"]
    assert whole["method"] == "mean_per_unit" and [e["name"] for e in whole["estimators"]] == ["mean_per_unit"]


def test_interim_review_in_key_order_projects_and_out_of_order_does_not(ws):
    settlements(ws, [{"setl_id": f"K{i:04d}"} for i in range(300)])
    out = svc.draw_and_store(ws, Plan(method="srs", seed="k", size=10))
    order = smp.random_order("k", out["selected"])
    review(ws, out["sample_id"], {sid: ("violation", [(100_00 * (k + 1), "confirmed")]) for k, sid in
                                  enumerate(order[:6])} | {order[8]: ("violation", [(7_00, "confirmed")])})
    a = appraisal_service.appraise_sample(ws, out["sample_id"])["appraisal"]
    ys = [100_00 * (k + 1) for k in range(6)]
    se = 300 * np.std(ys, ddof=1) / math.sqrt(6) * math.sqrt(1 - 6 / 300)
    assert a["interim"] and a["units"] == 6 and a["decided"] == 7 and fen(a["found"]) == sum(ys) + 7_00
    assert fen(a["point"]) == round(300 * np.mean(ys))
    assert a["lower"] == f"{math.floor(300 * np.mean(ys) - stats.t.ppf(0.95, 5) * se) / 100:.2f}"


EXAMPLES: list = []


@settings(max_examples=12, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(outcome=st.lists(st.sampled_from(["pending", "compliant", "violation", "doubtful", "mixed"]),
                        min_size=24, max_size=24),
       amounts=st.lists(st.integers(-20_000, 3_000_000), min_size=24, max_size=24),
       method=st.sampled_from(["srs", "stratified", "pps"]), inst=st.sampled_from([None, "H01"]),
       period=st.booleans(), conf=st.sampled_from(["0.80", "0.90", "0.95"]))
def test_sample_appraise_and_dossier_build_give_equal_appraisals(ws, outcome, amounts, method, inst, period, conf):
    with ws.store.read() as s:
        have = s.query(SettlementRow).count()
    if not have:
        settlements(ws, [{"setl_id": f"Q{i:04d}", "fixmedins_code": "H01" if i % 3 else "H02",
                          "setl_time": f"2025-0{1 + i % 6}-0{1 + i % 9} 08:00:00",
                          "medfee_sumamt": 1_000 + 97 * i} for i in range(240)])
    seed = uuid.uuid4().hex[:8]
    plan = Plan(method=method, seed=seed, size=24, strata=["fixmedins_code"] if method == "stratified" else [])
    out = svc.draw_and_store(ws, plan)
    ids = sorted(set(out["selected"]))
    outcomes = {}
    for k, sid in enumerate(ids):
        kind, amt = outcome[k], amounts[k]
        if kind == "pending":
            continue
        findings = {"compliant": [], "violation": [(amt, "confirmed")], "doubtful": [(abs(amt), "doubtful")],
                    "mixed": [(amt, "confirmed"), (abs(amt) // 3, "doubtful"), (11, "withdrawn")]}[kind]
        outcomes[sid] = ("violation" if kind == "mixed" else kind, findings)
    review(ws, out["sample_id"], outcomes)
    d1, d2 = (dt.date(2025, 2, 1), dt.date(2025, 4, 30)) if period else (None, None)
    a = appraisal_service.appraise_sample(ws, out["sample_id"], conf, institution=inst, date_from=d1, date_to=d2)
    b = dossier_appraisal(ws, sample_id=out["sample_id"], institution=inst, period_from=d1, period_to=d2,
                          confidence=conf)
    assert a["appraisal"] == b
    EXAMPLES.append((b["method"], b["reason"]))
    assert b["claimed"] == max(b["lower"], b["found"], key=lambda x: float(x))


def test_the_property_test_reached_the_projecting_methods():
    """Guard against a property test that only ever sees method found (runs after it in file order)."""
    assert len(EXAMPLES) >= 12
    assert {m for m, _ in EXAMPLES} - {"found"}, EXAMPLES


def test_defect_4_on_the_demo_store_reproduces_the_issue_figures(tmp_path):
    """Issue #15: on the demo, `sample appraise` claimed 252,341.63 (doubtful findings counted) and the dossier
    24,599.40. The old sample computation is redone here independently; both commands now give 24,599.40 with
    the doubtful money as pending."""
    import os
    from fractions import Fraction

    from sqlalchemy import func, select

    from workstation.core import appraisal as ap
    from workstation.services.auth_service import unlock
    from workstation.services.demo import build_demo

    os.environ.setdefault("WORKSTATION_KDF_LOG2N", "10")
    db = tmp_path / "demo.db"
    # the demo as it was when the issue was measured: without the knowledge and counter steps added since
    from workstation.services.demo import STEPS
    build_demo(db, size="small", steps=tuple(s for s in STEPS if s[0] not in ("knowledge", "counter")))
    ws = unlock(db, "demo-admin", "demo")
    try:
        (smp,) = svc.list_samples(ws)
        with ws.store.read() as s:
            decided = s.execute(select(ReviewUnitRow.id, ReviewUnitRow.status).where(
                ReviewUnitRow.sample_id == smp["sample_id"],
                ReviewUnitRow.status.in_(("compliant", "violation", "doubtful")))).all()
            live = dict(s.execute(select(FindingRow.unit_id, func.sum(FindingRow.amount)).where(
                FindingRow.deleted.is_(False), FindingRow.status != "withdrawn").group_by(FindingRow.unit_id)).all())
        old = ap.variables_unrestricted([Fraction(0 if st == "compliant" else live.get(u, 0), 100)
                                         for u, st in decided], smp["frame_size"], "0.90")
        assert f"{old.lower:.2f}" == "252341.63"  # the old `sample appraise` claim
        new = appraisal_service.appraise_sample(ws, smp["sample_id"])["appraisal"]
        dossier = ds.snapshot(ws, ds.build(ws, sample_id=smp["sample_id"]))["appraisal"]
        assert new == dossier and new["claimed"] == "24599.40" and new["pending"] == "18654.80"
    finally:
        ws.close()
