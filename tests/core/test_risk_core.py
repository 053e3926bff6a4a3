"""core.risk by hand: percentiles, quartiles, fences, flags, tiers, ranks, Benford, rounding."""
from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction as Fr

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st
from scipy import stats

from workstation.core import risk


def F(*xs):
    return [Fr(x) for x in xs]


def test_percentile_with_ties_by_hand():
    v = F(1, 2, 2, 2, 5)
    # 2: one below, three equal -> 100 * (1 + 1.5) / 5 = 50
    assert risk.percentile(v, Fr(2)) == 50
    # 5: four below, one equal -> 100 * 4.5 / 5 = 90
    assert risk.percentile(v, Fr(5)) == 90
    # 1: none below, one equal -> 10
    assert risk.percentile(v, Fr(1)) == 10


def test_quartiles_n5_by_hand():
    xs = F(10, 20, 30, 40, 100)
    g = risk.group_stats("1", "m", xs)
    # h = 4/4 = 1 -> x1 = 20; h = 2 -> 30; h = 3 -> 40
    assert (g.q1, g.median, g.q3) == (20, 30, 40)
    assert g.iqr == 20 and g.fence_high == 100 and g.fence_low == -40
    # 100 equals the fence: not above it, no robust flag; 100.01 is
    assert not risk.robust_flag(Fr(100), g, "high")
    assert risk.robust_flag(Fr("100.01"), g, "high")
    assert risk.robust_flag(Fr("-40.01"), g, "both") and not risk.robust_flag(Fr("-40.01"), g, "high")


def test_quartile_interpolates_between_order_statistics():
    xs = F(1, 2, 4, 8, 16, 32)  # n = 6: h(¼) = 1.25 -> 2 + 0.25 * 2 = 2.5; h(¾) = 3.75 -> 8 + .75 * 8 = 14
    g = risk.group_stats("1", "m", xs)
    assert g.q1 == Fr(5, 2) and g.median == 6 and g.q3 == 14


def test_iqr_zero_raises_no_robust_flag():
    xs = F(3, 3, 3, 3, 9)
    g = risk.group_stats("1", "m", xs)
    assert g.iqr == 0 and g.fence_high == 3
    assert not risk.robust_flag(Fr(9), g, "high")  # far above, but IQR = 0
    assert risk.percentile(xs, Fr(9)) == 90 and risk.percentile_flag(Fr(90), "high")


def test_percentile_flag_edges():
    assert risk.percentile_flag(Fr(80), "high") and not risk.percentile_flag(Fr(7999, 100), "high")
    assert risk.percentile_flag(Fr(20), "both") and not risk.percentile_flag(Fr(20), "high")
    assert not risk.percentile_flag(Fr(2001, 100), "both")


@settings(deadline=None)  # no timing: the machine may be loaded
@given(st.lists(st.integers(-10_000, 10_000), min_size=5, max_size=40), st.integers(-10_000, 10_000))
def test_percentile_and_quartiles_agree_with_scipy_and_numpy(values, v):
    xs = [Fr(x, 100) for x in values]
    p = risk.percentile(xs, Fr(v, 100))
    assert math.isclose(float(p), stats.percentileofscore([x / 100 for x in values], v / 100, kind="mean"),
                        abs_tol=1e-9)
    g = risk.group_stats("g", "m", xs)
    q1, q2, q3 = np.percentile([x / 100 for x in values], [25, 50, 75])
    assert math.isclose(float(g.q1), q1, abs_tol=1e-9) and math.isclose(float(g.median), q2, abs_tol=1e-9)
    assert math.isclose(float(g.q3), q3, abs_tol=1e-9)


def test_round_half_up_away_from_zero():
    assert risk.round_half_up(Fr(1, 8), 2) == Fr(13, 100)  # 0.125 -> 0.13
    assert risk.round_half_up(Fr(-1, 8), 2) == Fr(-13, 100)
    assert risk.round_half_up(Fr(2, 3), 6) == Fr(666667, 10**6)
    assert str(risk.to_decimal(Fr(1, 8), 2)) == "0.13"


def inst(code, group, **values):
    return risk.EntityInput((code,), group, {m.id: (Fr(values[m.id]) if m.id in values else None)
                                             for m in risk.INSTITUTION_MEASURES})


def test_fewer_than_five_values_are_not_compared():
    es = [inst(f"H{i}", "2", inpatient_share=i) for i in range(4)]
    results, groups = risk.compare(es, risk.INSTITUTION_MEASURES)
    assert groups == [] and all(r.tier == "none" and r.percentiles["inpatient_share"] is None for r in results)


def test_tiers_and_rank_order():
    # group "1", six institutions:
    # A: cost_per_stay -1000 below fence_low (q1 100, q3 175, IQR 75 -> -125): robust -> high
    # C: the top value of three measures, P = 100 * 5.5 / 6 each -> three flags -> medium
    # B: second from the top, P = 75: no flag -> low; D, E, F: no flag -> low, by code after B
    base = dict(inpatient_share=1, cost_per_stay=100, stay_days=5)
    vals = {
        "A": dict(inpatient_share=1, cost_per_stay=-1000, stay_days=5),
        "B": dict(inpatient_share=2, cost_per_stay=200, stay_days=6),
        "C": dict(inpatient_share=3, cost_per_stay=300, stay_days=7),
        "D": dict(inpatient_share=Fr(1, 2), cost_per_stay=100, stay_days=4),
        "F": base, "E": base,
    }
    es = [inst(k, "1", **v) for k, v in vals.items()]
    results, groups = risk.compare(es, risk.INSTITUTION_MEASURES)
    by = {r.key[0]: r for r in results}
    assert by["A"].robust_flags == ["cost_per_stay"] and by["A"].tier == "high"
    assert by["A"].flags == ["cost_per_stay"] and by["A"].percentiles["cost_per_stay"] == Fr(25, 3)  # low side
    assert by["C"].flags == ["inpatient_share", "cost_per_stay", "stay_days"] and by["C"].tier == "medium"
    assert by["C"].score == 3 * (Fr(275, 3) - 50)
    assert by["B"].percentiles["stay_days"] == 75 and by["B"].flags == [] and by["B"].tier == "low"
    assert by["D"].percentiles["inpatient_share"] == Fr(25, 3) and by["D"].flags == []  # direction high only
    assert [r.key[0] for r in results] == ["A", "C", "B", "D", "E", "F"]
    assert [r.rank for r in results] == list(range(1, 7))
    assert [g.measure for g in groups] == ["inpatient_share", "cost_per_stay", "stay_days"]  # table order


def test_rank_ties_break_on_score_then_key():
    r = lambda k, fl, rb, sc: risk.EntityResult((k,), "1", {}, {}, ["x"] * fl, ["y"] * rb, Fr(sc), "low")
    items = [r("B", 1, 0, 30), r("A", 1, 0, 30), r("C", 1, 0, 40), r("D", 0, 1, 0), r("E", 2, 0, 1)]
    assert [x.key[0] for x in sorted(items, key=risk.rank_key)] == ["D", "E", "C", "A", "B"]


def test_tier_of():
    assert risk.tier_of(False, 0, 0) == "none"
    assert risk.tier_of(True, 0, 1) == "high"
    assert risk.tier_of(True, 3, 0) == "medium" and risk.tier_of(True, 2, 0) == "low"


def test_peer_group_mode_tie_and_9i():
    assert risk.peer_group({"2": 5, "1": 5, "3": 1}, 0) == "1"  # tie: smallest as text
    assert risk.peer_group({"9": 10}, 1) == "9i"
    assert risk.peer_group({"9": 10}, 0) == "9"
    assert risk.peer_group({"1": 3, "9": 10}, 4) == "9i"


def test_benford_bands_at_their_edges():
    assert risk.conformity(Decimal("0.005999")) == "close"
    assert risk.conformity(Decimal("0.006000")) == "acceptable"
    assert risk.conformity(Decimal("0.011999")) == "acceptable"
    assert risk.conformity(Decimal("0.012000")) == "marginal"
    assert risk.conformity(Decimal("0.014999")) == "marginal"
    assert risk.conformity(Decimal("0.015000")) == "nonconformity"


def test_benford_too_few_and_mad():
    assert risk.benford([299, 0, 0, 0, 0, 0, 0, 0, 0]) == risk.Benford(299, (299,) + (0,) * 8, None, "too_few")
    # 300 amounts close to the expected proportions
    e = risk.benford_expected()
    counts = [round(300 * x) for x in e]
    counts[0] += 300 - sum(counts)
    b = risk.benford(counts)
    expect = sum(abs(c / 300 - x) for c, x in zip(counts, e)) / 9
    assert b.n == 300 and b.mad == Decimal(expect).quantize(Decimal("0.000001"))
    assert b.conformity == "close"
    allones = risk.benford([300] + [0] * 8)
    assert allones.conformity == "nonconformity"


def test_first_digit_of_yuan_integer_part():
    assert risk.first_digit(999) is None  # 9.99 yuan
    assert risk.first_digit(1000) == 1  # 10.00
    assert risk.first_digit(98765) == 9  # 987.65


def test_values_and_volume_floor():
    a = risk.InstitutionAgg(settlements=40, inpatient=19, fee_inpatient=1900_00, fee_other=2100_00,
                            fee_all=4000_00, stay_days=60, persons=30, lines=100, amount=4000_00, drug=1000_00)
    v = risk.institution_values(a, screened=False)
    assert v["cost_per_stay"] is None and v["stay_days"] is None  # |I| = 19 < 20
    assert v["cost_per_visit"] == 100 and v["inpatient_share"] == Fr(475, 1000)
    assert v["visits_per_person"] == Fr(1333333, 10**6) and v["drug_share"] == Fr(1, 4)
    assert v["flagged_setl_share"] is None  # not screened
    unfloored = risk.institution_values(a, screened=False, floor=False)
    assert unfloored["cost_per_stay"] == 100 and unfloored["stay_days"] == Fr(3157895, 10**6)


def test_fingerprint_text():
    import hashlib
    assert risk.fingerprint({"B": "low", "A": "high"}) == hashlib.sha256(b"A\thigh\nB\tlow").hexdigest()


def test_months():
    assert risk.months("2024-11-15", "2025-02-01") == ["2024-11", "2024-12", "2025-01", "2025-02"]


def _mad(counts):
    n = sum(counts)
    total = 0.0
    for c, e in zip(counts, risk.benford_expected()):
        total += abs(c / n - e)
    return total / 9


@pytest.mark.parametrize("counts, band_below, band_at", [
    ([297, 166, 119, 113, 79, 70, 58, 59, 39], "close", "acceptable"),
    ([258, 173, 123, 97, 83, 64, 55, 99, 48], "acceptable", "marginal"),
])
def test_benford_band_follows_the_rounded_mad(counts, band_below, band_at):
    # these 1000 first digits give a MAD just below the band edge in binary64; rounded to 6 decimals
    # it equals the edge, and the band is read from the rounded MAD
    edge = {"acceptable": Decimal("0.006"), "marginal": Decimal("0.012")}[band_at]
    raw = _mad(counts)
    assert raw < float(edge) and risk.conformity(Decimal(repr(raw))) == band_below
    b = risk.benford(counts)
    assert b.n == 1000 and b.mad == edge and b.conformity == band_at


@settings(deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["1", "2", "9"]), st.lists(st.one_of(st.none(), st.integers(0, 50)),
                                                                       min_size=3, max_size=3)),
                min_size=1, max_size=25))
def test_compare_laws(rows):
    ms = risk.INSTITUTION_MEASURES[:3]
    es = [risk.EntityInput((f"K{i:02d}",), g, {m.id: None if v is None else Fr(v) for m, v in zip(ms, vals)})
          for i, (g, vals) in enumerate(rows)]
    results, groups = risk.compare(es, ms)
    assert sorted(r.rank for r in results) == list(range(1, len(es) + 1))
    assert [risk.rank_key(r) for r in results] == sorted(risk.rank_key(r) for r in results)
    compared = {(g.peer_group, g.measure) for g in groups}
    for r in results:
        for m in ms:
            p = r.percentiles[m.id]
            assert (p is not None) == ((r.peer_group, m.id) in compared and r.values[m.id] is not None)
            if p is not None:
                assert 0 < p <= 100
            assert (m.id in r.flags) == (p is not None and risk.percentile_flag(p, m.direction))
        assert set(r.robust_flags) <= {m.id for m in ms if r.percentiles[m.id] is not None}
        assert r.tier == risk.tier_of(any(v is not None for v in r.percentiles.values()), r.flag_count,
                                      r.robust_count)
    assert all(g.n >= risk.MIN_PEERS for g in groups)
