"""The dossier's extrapolation follows the sample's design (stratified, pps, partial scope)."""
from __future__ import annotations

import math
from fractions import Fraction

from tests.services.test_sampling_service import _review, add_settlements
from workstation.core import appraisal as ap
from workstation.services import appraisal_service
from workstation.services import dossier_service as ds
from workstation.services import sampling_service as svc
from workstation.services.sampling_service import Plan


def _fen(text: str) -> int:
    return int(text.replace(".", ""))


def _stratified_sample(ws):
    """Two strata sampled at different fractions (ceil(0.1 × 12) = 2 of 12, 49 of 488), very different amounts."""
    add_settlements(ws, 12, fixmedins_code="H01")
    add_settlements(ws, 488, start=12, fixmedins_code="H02")
    out = svc.draw_and_store(ws, Plan(method="stratified", seed="dossier", rate="0.1", strata=["fixmedins_code"]))
    outcomes = {}
    for k, sid in enumerate(out["selected"]):
        big = int(sid[3:]) < 12  # the small, over-sampled H01 stratum carries large findings
        outcomes[sid] = ("violation", [90_000_00 + 137 * k], []) if big else \
            (("violation", [20_00 + 137 * k], []) if k % 2 == 0 else ("compliant", [], []))
    _review(ws, out["sample_id"], outcomes)
    return out, outcomes


def test_whole_stratified_sample_uses_the_stratified_estimator(ws, as_user):
    out, outcomes = _stratified_sample(ws)
    snap = ds.snapshot(ws, ds.build(ws, sample_id=out["sample_id"]))
    got = snap["appraisal"]
    assert got["method"] == "stratified-mean" and "分层" in got["method_label"]
    # the same figures as the sampling area's own appraisal of that sample (it works in yuan)
    expect = appraisal_service.appraise_sample(ws, out["sample_id"], "0.90")
    assert expect["method"] == "stratified"
    assert _fen(got["point_estimate"]) == round(expect["point_estimate"] * 100)
    assert abs(_fen(got["lower"]) - max(sum(a for _, v, _ in outcomes.values() for a in v),
                                        math.floor(expect["lower"] * 100))) <= 1
    assert got["claimed"] == got["lower"]
    # and well below the pooled mean-per-unit figure, which over-weights the over-sampled stratum
    pooled = ap.variables_unrestricted([sum(v) for _, v, _ in outcomes.values()], 500, Fraction(9, 10))
    assert _fen(got["point_estimate"]) < 0.75 * pooled.point_estimate


def test_part_of_a_stratified_sample_is_not_extrapolated(ws):
    out, outcomes = _stratified_sample(ws)
    snap = ds.snapshot(ws, ds.build(ws, sample_id=out["sample_id"], institution="H02"))
    got = snap["appraisal"]
    found = sum(a for sid, (_, v, _) in outcomes.items() if int(sid[3:]) >= 12 for a in v)
    assert got["method"] == "actual" and "部分范围" in got["method_label"]
    assert _fen(got["claimed"]) == _fen(got["point_estimate"]) == found


def test_pps_sample_is_not_extrapolated_by_mean_per_unit(ws):
    add_settlements(ws, 200)
    pps = svc.draw_and_store(ws, Plan(method="pps", seed="p", size=8))
    ids = list(dict.fromkeys(pps["selected"]))
    _review(ws, pps["sample_id"], {sid: ("violation", [5_000_00], []) if k < 2 else ("compliant", [], [])
                                   for k, sid in enumerate(ids)})
    got = ds.snapshot(ws, ds.build(ws, sample_id=pps["sample_id"]))["appraisal"]
    assert got["method"] == "actual" and "pps" in got["method_label"]
    assert _fen(got["claimed"]) == 2 * 5_000_00


def test_stratum_without_reviewed_units_claims_what_was_found(ws):
    add_settlements(ws, 100, fixmedins_code="H01")
    add_settlements(ws, 100, start=100, fixmedins_code="H02")
    out = svc.draw_and_store(ws, Plan(method="stratified", seed="half", rate="0.1", strata=["fixmedins_code"]))
    only_h01 = [sid for sid in out["selected"] if int(sid[3:]) < 100]
    _review(ws, out["sample_id"], {sid: ("violation", [1_000_00], []) for sid in only_h01})
    got = ds.snapshot(ws, ds.build(ws, sample_id=out["sample_id"]))["appraisal"]
    assert got["method"] == "actual" and _fen(got["claimed"]) == 1_000_00 * len(only_h01)
