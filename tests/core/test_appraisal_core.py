"""Appraisal against independently computed values (numpy/scipy and hand-worked numbers)."""
from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from workstation.core import appraisal as ap
from workstation.core.appraisal import AppraisalError, StratumInput


def test_unrestricted_against_numpy_scipy():
    ys = [0, 0, 120.5, 0, 33.2, 0, 0, 880, 0, 12.75, 0, 0, 0, 45, 0]
    N = 400
    r = ap.variables_unrestricted([str(y) for y in ys], N, "0.90")
    arr = np.array(ys, dtype=float)
    n = len(arr)
    point = N * arr.mean()
    se = N * arr.std(ddof=1) / math.sqrt(n) * math.sqrt(1 - n / N)
    t = stats.t.ppf(0.95, n - 1)
    assert r.point_estimate == pytest.approx(point, rel=1e-12)
    assert r.standard_error == pytest.approx(se, rel=1e-12)
    assert r.lower == pytest.approx(point - t * se, rel=1e-12)
    assert r.upper == pytest.approx(point + t * se, rel=1e-12)
    assert r.precision == pytest.approx(t * se / point, rel=1e-12)
    assert r.df == n - 1


def test_unrestricted_hand_worked():
    # y = 2, 4, 6, 8 from N = 40: mean 5, s² = 20/3, SE = 40·sqrt(20/3 / 4)·sqrt(36/40) = 40·sqrt(1.5)
    r = ap.variables_unrestricted([2, 4, 6, 8], 40, "0.95")
    assert r.point_estimate == 200
    assert r.standard_error == pytest.approx(40 * math.sqrt(1.5))
    assert r.t == pytest.approx(3.182446305284263)  # t(0.975, 3) from tables


def test_zero_variance_sample_has_zero_width():
    r = ap.variables_unrestricted(["10.00"] * 8, 100)
    assert r.standard_error == 0
    assert r.lower == r.upper == r.point_estimate == 1000
    assert r.precision == 0


def test_point_zero_precision_undefined():
    r = ap.variables_unrestricted([0, 0, 0, 0], 50)
    assert r.precision is None
    assert r.as_json()["precision"] is None
    r = ap.variables_unrestricted([-5, 5, -5, 5], 50)
    assert r.point_estimate == 0 and r.precision is None and r.standard_error > 0


def test_stratified_against_independent_computation_with_census_stratum():
    strata = {
        "A": (500, [0, 10, 0, 250, 0, 0, 35, 0, 0, 12]),
        "B": (120, [100, 0, 0, 400, 50, 0]),
        "C": (4, [1000, 2000, 0, 700]),  # census: adds no variance
    }
    r = ap.variables_stratified([StratumInput(h, N, ys) for h, (N, ys) in strata.items()], "0.90")
    point = sum(N * np.mean(ys) for N, ys in strata.values())
    var = 0.0
    num = 0.0
    den = 0.0
    for N, ys in strata.values():
        n = len(ys)
        if n == N:
            continue
        s2 = np.var(ys, ddof=1)
        var += N**2 * (1 - n / N) * s2 / n
        a = N * (N - n) / n
        num += a * s2
        den += (a * s2) ** 2 / (n - 1)
    df = num**2 / den
    t = stats.t.ppf(0.95, df)
    assert r.point_estimate == pytest.approx(point)
    assert r.standard_error == pytest.approx(math.sqrt(var))
    assert r.df == pytest.approx(df)
    assert r.lower == pytest.approx(point - t * math.sqrt(var))
    assert r.upper == pytest.approx(point + t * math.sqrt(var))
    # the census stratum alone changes only the point, not the SE
    r2 = ap.variables_stratified([StratumInput(h, N, ys) for h, (N, ys) in strata.items() if h != "C"], "0.90")
    assert r2.standard_error == pytest.approx(r.standard_error)
    assert r.point_estimate - r2.point_estimate == pytest.approx(3700)


def test_stratified_single_stratum_equals_unrestricted():
    ys = [3, 0, 0, 14, 2, 0, 9]
    a = ap.variables_stratified([StratumInput("x", 90, ys)])
    b = ap.variables_unrestricted(ys, 90)
    assert a.point_estimate == pytest.approx(b.point_estimate)
    assert a.standard_error == pytest.approx(b.standard_error)
    assert a.df == pytest.approx(b.df)
    assert a.lower == pytest.approx(b.lower)


def test_stratum_with_one_unit_not_census_is_an_error():
    with pytest.raises(AppraisalError):
        ap.variables_stratified([StratumInput("A", 10, [5]), StratumInput("B", 10, [1, 2])])
    # a one-unit census stratum is fine
    r = ap.variables_stratified([StratumInput("A", 1, [5]), StratumInput("B", 10, [1, 2])])
    assert r.point_estimate == 5 + 15


def test_all_strata_without_variance():
    r = ap.variables_stratified([StratumInput("A", 10, [5, 5]), StratumInput("B", 3, [1, 2, 3])])
    assert r.df is None and r.standard_error == 0 and r.lower == r.upper == 56


@settings(max_examples=50, deadline=None)
@given(st.lists(st.integers(-10_000, 100_000), min_size=2, max_size=30), st.integers(0, 500))
def test_bounds_bracket_point(ys, extra):
    r = ap.variables_unrestricted(ys, len(ys) + extra)
    assert r.lower <= r.point_estimate <= r.upper
    assert r.point_estimate == pytest.approx(float(Fraction(sum(ys), len(ys)) * (len(ys) + extra)))


def test_clopper_pearson_against_scipy_binomtest():
    for x, n in [(0, 50), (3, 50), (10, 60), (60, 60)]:
        lo, hi = ap.clopper_pearson(x, n, "0.95")
        ci = stats.binomtest(x, n).proportion_ci(confidence_level=0.95, method="exact")
        assert lo == pytest.approx(ci.low, abs=1e-12)
        assert hi == pytest.approx(ci.high, abs=1e-12)
    r = ap.attributes(3, 50, 2000, "0.95")
    assert r.rate == pytest.approx(0.06)
    assert r.point_estimate == pytest.approx(120)
    assert r.lower == pytest.approx(2000 * stats.beta.ppf(0.025, 3, 48))


def test_pass_rate_and_deduction_tiers():
    tiers = [{"below": "0.90", "deduction_rate": "0.02", "rereview": False},
             {"below": "0.80", "deduction_rate": "0.05", "rereview": True}]
    assert ap.deduction(ap.pass_rate(95, 100), tiers, 1_000_000).amount_fen == 0
    d = ap.deduction(ap.pass_rate(89, 100), tiers, 1_000_000)
    assert d.deduction_rate == Fraction(2, 100) and d.amount_fen == 20_000 and not d.rereview
    d = ap.deduction(ap.pass_rate(79, 100), tiers, 1_000_055)
    assert d.deduction_rate == Fraction(5, 100) and d.rereview and d.amount_fen == 50_003  # 50002.75 → 50003
    assert ap.deduction(ap.pass_rate(9, 10), tiers, None).amount_fen is None  # exactly 90% is not below
    assert ap.deduction(ap.pass_rate(0, 0), tiers, 500).rate is None
    assert ap.deduction(ap.pass_rate(1, 2), None, 500).amount_fen == 0
