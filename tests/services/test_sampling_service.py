"""Sampling service on a real encrypted store: frames, draw/store, verify, assign, appraisal, pass rate."""
from __future__ import annotations

from workstation.core.errors import NotPermitted

import datetime as dt
import hashlib
import json
import math
import random
import uuid
from fractions import Fraction

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DatabaseError, IntegrityError

from workstation.core import appraisal as ap
from workstation.core.errors import BadInput, Conflict, NotPermitted, UsageError
from workstation.services import appraisal_service, review_service, sampling_service as svc, settings_service
from workstation.services.sampling_service import Plan
from workstation.store.models.identity import EventRow
from workstation.store.models.claims import SettlementRow
from workstation.store.models.review import FindingRow, ReviewUnitRow, SecondReviewRow
from workstation.store.models.sampling import SampleRow, SampleUnitRow

MED_TYPES = ["11", "14", "21", "2101", "2199", "41", "210", "21AB"]


def add_settlements(ws, count, *, start=0, day="2025-02-10", rng=None, **fixed):
    rng = rng or random.Random(start)
    rows = []
    with ws.store.session() as s:
        for i in range(start, start + count):
            row = dict(setl_id=f"STL{i:06d}", psn_no=f"P{i % 97:04d}", med_type=rng.choice(MED_TYPES),
                       setl_type=rng.choice(["1", "2"]), offsite_flag=rng.choice(["0", "1", "2"]),
                       fixmedins_code=f"H{rng.randint(1, 5):02d}", setl_time=f"{day} 10:{i % 60:02d}:00",
                       medfee_sumamt=rng.randint(-100, 900_000), hifob_pay=rng.choice([0, 0, 150_00]))
            row.update(fixed)
            s.add(SettlementRow(**row))
            rows.append(row)
    return rows


def test_presets_file_has_the_four_presets_of_the_spec():
    ids = [p["id"] for p in svc.presets()]
    assert ids == ["manual-reimbursement-10pct", "inpatient-recheck-5pct", "cross-province-inpatient-20pct",
                   "supplementary-first-review"]
    assert svc.preset("supplementary-first-review")["method"] == "census"


def test_inpatient_frame_is_21_or_21xx_in_period(ws):
    rows = add_settlements(ws, 300)
    add_settlements(ws, 50, start=1000, day="2025-04-01")  # outside the period
    plan = svc.plan_from_preset("inpatient-recheck-5pct", "002", "2025-01-01", "2025-03-31")
    d = svc.preview(ws, plan)
    expect = [r["setl_id"] for r in rows
              if (r["med_type"] == "21" or (len(r["med_type"]) == 4 and r["med_type"].startswith("21")))
              and r["setl_type"] == "1"]
    assert d.frame_size == len(expect)
    assert d.frame_sha256 == hashlib.sha256("\n".join(sorted(expect)).encode()).hexdigest()
    assert d.sample_size == math.ceil(Fraction(5, 100) * len(expect))


def test_draw_store_describe_list_and_immutability(ws):
    add_settlements(ws, 400)
    plan = svc.plan_from_preset("manual-reimbursement-10pct", "000", "2025-01-01", "2025-03-31")
    out = svc.draw_and_store(ws, plan)
    assert out["selected"] == sorted(out["selected"])
    assert out["code"].startswith("S-") and out["method"] == "srs" and out["seed"] == "000"
    assert out["strata"] == [{"stratum": "", "frame_size": out["frame_size"], "sample_size": len(out["selected"])}]
    listed = svc.list_samples(ws)
    assert [x["sample_id"] for x in listed] == [out["sample_id"]] and listed[0]["reviewed"] == 0
    assert svc.describe(ws, out["code"])["selected"] == out["selected"]  # id and code both resolve
    with pytest.raises((DatabaseError, IntegrityError, NotPermitted)):  # NotPermitted: the server's refusal
        with ws.store.session() as s:
            s.execute(text("UPDATE samples SET seed = '1'"))
    with pytest.raises((DatabaseError, IntegrityError, NotPermitted)):
        with ws.store.session() as s:
            s.execute(text("DELETE FROM sample_units"))
    # a redraw is a new sample; the log records both, the second naming the first
    again = svc.draw_and_store(ws, svc.plan_from_preset("manual-reimbursement-10pct", "000", "2025-01-01",
                                                        "2025-03-31"))
    assert again["sample_id"] != out["sample_id"] and again["selected"] == out["selected"]
    with ws.store.read() as s:
        details = s.execute(select(EventRow.details).where(EventRow.action == "sample.draw")
                            .order_by(EventRow.seq)).scalars().all()
    assert len(details) == 2
    assert out["code"] in json.dumps(details[1], ensure_ascii=False)


def test_outsider_reproduces_the_stored_draw_with_hashlib_only(ws):
    rows = add_settlements(ws, 500)
    out = svc.draw_and_store(ws, svc.plan_from_preset("manual-reimbursement-10pct", "20250401", "2025-01-01",
                                                      "2025-12-31"))
    frame = [r["setl_id"] for r in rows if r["setl_type"] == "2"]
    assert out["frame_sha256"] == hashlib.sha256("\n".join(sorted(frame)).encode("utf-8")).hexdigest()
    n = math.ceil(len(frame) / 10)
    ranked = sorted(frame, key=lambda i: int(hashlib.sha256(f"{out['seed']}:{i}".encode()).hexdigest(), 16))
    assert out["selected"] == sorted(ranked[:n])


def test_verify_matches_then_fails_after_more_settlements_in_period(ws):
    add_settlements(ws, 200)
    out = svc.draw_and_store(ws, Plan(method="srs", seed="7", date_from="2025-02-01", date_to="2025-02-28",
                                      rate="0.2"))
    v = svc.verify(ws, out["sample_id"])
    assert v["frame_matches"] and v["selection_matches"]
    add_settlements(ws, 30, start=5000, day="2025-02-11")
    v = svc.verify(ws, out["code"])
    assert not v["frame_matches"] and v["frame_size"] == 230


def test_stratified_pps_census_and_bands(ws):
    add_settlements(ws, 300)
    st = svc.draw_and_store(ws, Plan(method="stratified", seed="s", size=40, strata=["fixmedins_code"]))
    assert sum(x["sample_size"] for x in st["strata"]) == 40 == len(st["selected"])
    assert sum(x["frame_size"] for x in st["strata"]) == 300
    add_settlements(ws, 3, start=9000, medfee_sumamt=0)
    bands = svc.preview(ws, Plan(method="stratified", seed="s", rate="0.1", strata=["amount_band", "offsite_flag"],
                                 bands=["1000", "5000.5"]))
    labels = {x.stratum for x in bands.strata}
    assert all(label.split("|")[0] in ("B0:-999.99", "B1:1000.00-5000.49", "B2:5000.50-") for label in labels)
    pps = svc.draw_and_store(ws, Plan(method="pps", seed="p", size=25))
    assert pps["excluded"][-3:] == ["STL009000", "STL009001", "STL009002"]  # amounts <= 0 are listed
    with ws.store.read() as s:
        hits = s.execute(select(SampleUnitRow.hits).where(SampleUnitRow.sample_id == pps["sample_id"])).scalars()
        assert sum(hits) == 25
    census = svc.draw_and_store(ws, svc.plan_from_preset("supplementary-first-review", "002"))
    with ws.store.read() as s:
        n = s.execute(select(SettlementRow).where(SettlementRow.setl_type == "1",
                                                  SettlementRow.hifob_pay > 0)).all()
    assert census["frame_size"] == census["sample_size"] == len(n)


def test_bad_plans_and_permissions(ws, as_user):
    add_settlements(ws, 20)
    with pytest.raises(UsageError):
        svc.preview(ws, Plan(method="srs", seed="1", size=21))
    with pytest.raises(UsageError):
        svc.preview(ws, Plan(method="srs", seed="1", rate="1.5"))
    with pytest.raises(UsageError):
        svc.preview(ws, Plan(method="srs", seed="", rate="0.5"))
    with pytest.raises(UsageError):
        svc.preview(ws, Plan(method="srs", seed="1", rate="0.5", conditions=[["psn_name", "=", ["x"]]]))
    with pytest.raises(NotPermitted):
        svc.draw_and_store(as_user("reviewer"), Plan(method="srs", seed="1", rate="0.5"))


@pytest.mark.parametrize("by", ["count", "amount", "institution"])
def test_assign_balances_and_units_show_in_each_queue(ws, as_user, by):
    add_settlements(ws, 300)
    out = svc.draw_and_store(ws, Plan(method="srs", seed="a", size=60))
    res = svc.assign(ws, out["sample_id"], ["reviewer", "reviewer2"], by=by)
    counts = res["assigned"]
    assert sum(counts.values()) == 60
    if by == "count":
        assert counts == {"reviewer": 30, "reviewer2": 30}
    if by == "amount":
        amounts = [int(a) for a in res["amount"].values()]
        biggest = max(u["amount"] for u in svc.units(ws, out["sample_id"]))
        assert abs(amounts[0] - amounts[1]) <= biggest
    if by == "institution":
        units = svc.units(ws, out["sample_id"])
        owners = {}
        for u in units:
            owners.setdefault(u["fixmedins_code"], set()).add(u["assigned_to"])
        assert all(len(o) == 1 for o in owners.values())
    q1 = review_service.queue(as_user("reviewer"))
    q2 = review_service.queue(as_user("reviewer2"))
    assert len(q1.items) == counts["reviewer"] and len(q2.items) == counts["reviewer2"]
    assert {i.setl_id for i in q1.items} | {i.setl_id for i in q2.items} == set(out["selected"])
    with pytest.raises(Conflict):
        svc.assign(ws, out["sample_id"], ["reviewer"], by=by)


def test_assign_refuses_unknown_reviewer(ws):
    add_settlements(ws, 30)
    out = svc.draw_and_store(ws, Plan(method="srs", seed="a", size=5))
    with pytest.raises(BadInput):
        svc.assign(ws, out["sample_id"], ["nobody"])


def _review(ws, sample_id, outcomes):
    """outcomes: setl_id → (status, [finding amounts fen], [withdrawn amounts])."""
    with ws.store.session() as s:
        for sid, (status, amounts, withdrawn) in outcomes.items():
            u = ReviewUnitRow(uuid=str(uuid.uuid4()), setl_id=sid, sample_id=sample_id, source="sample",
                              assigned_to="reviewer", status=status)
            s.add(u)
            s.flush()
            for a, fstatus in [(a, "confirmed") for a in amounts] + [(a, "withdrawn") for a in withdrawn]:
                s.add(FindingRow(uuid=str(uuid.uuid4()), unit_id=u.id, category="X", amount=a, status=fstatus,
                                 created_by="reviewer", updated_by="reviewer"))


def test_pass_rate_with_luoyang_profile_and_headcount(ws):
    from workstation.services import profile_service

    profile_service.set_active_profile(ws, "luoyang-2024")
    settings_service.put(ws, appraisal_service.HEADCOUNT_KEY, 400_000)
    add_settlements(ws, 20)
    with ws.store.session() as s:
        for k in range(20):
            u = ReviewUnitRow(uuid=str(uuid.uuid4()), setl_id=f"STL{k:06d}", source="flag", status="compliant")
            s.add(u)
            s.flush()
            agree = None if k >= 18 else k >= 3  # 15 agreed of 18 decided = 83.3%
            s.add(SecondReviewRow(unit_id=u.id, quarter="2025Q1", check_kind="manual-reimbursement-10pct",
                                  reviewer="supervisor", agree=agree, at=dt.datetime(2025, 3, 1)))
    r = appraisal_service.pass_rate(ws, "2025Q1")
    assert (r["passed"], r["checked"], r["pending"]) == (15, 18, 2)
    assert r["rate"] == pytest.approx(15 / 18)
    # fee: 1.45 × 400,000 / 4 = 145,000.00 yuan; below 90% → 2% = 2,900.00
    assert r["quarter_fee"] == "145000.00" and r["deduction"] == "2900.00" and not r["rereview"]
    r = appraisal_service.pass_rate(ws, "2025Q2", fee_fen=100_00)
    assert r["rate"] is None and r["deduction"] == "0.00"
    with pytest.raises(UsageError):
        appraisal_service.pass_rate(ws, "2025-1")
