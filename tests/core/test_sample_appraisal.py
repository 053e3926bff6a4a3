"""The one appraisal (core.sample_appraisal) against independent computations (scipy, numpy, hand-worked).

Each rule of sampling.md is exercised on both sides: interim runs cut by an
undecided unit, the half-run guard, domains with n_d = 1, 2 and N_d, exact
cells, zero variance, negative values, pps certainty units and negative
taints, a frame changed after the draw.
"""
from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st
from scipy import stats

from workstation.core import sample_appraisal as sa
from workstation.core.sampling import key

C90 = Fraction(9, 10)


def unit(i, y=0, *, decided=True, stratum="", seed="s", in_domain=True, pending=0, x=0, book=0):
    sid = f"U{i:04d}"
    return sa.UnitFacts(sid, key(seed, sid), stratum, in_domain, decided, y, pending, 1, x, book)


def by_key(units):
    return sorted(units, key=lambda u: u.key)


def srs(units, N, *, book_total=None, c=C90, domain=False, changed=False, design=sa.Design.SRS):
    return sa.appraise(sa.AppraisalInput(design, tuple(units), (sa.CellFrame("", N, book_total),), c,
                                         frame_changed=changed, has_domain=domain))


def scipy_mpu(ys_fen, N, c=0.90):
    """Independent: numpy/scipy in floats, yuan."""
    ys = np.array(ys_fen, dtype=float) / 100
    n = len(ys)
    T = N * ys.mean()
    se = N * ys.std(ddof=1) / math.sqrt(n) * math.sqrt(1 - n / N)
    t = stats.t.ppf((1 + c) / 2, n - 1)
    return T, se, T - t * se, T + t * se


def yuan(s):
    return float(s)


def test_mean_per_unit_matches_scipy_and_rounds_each_bound_its_own_way():
    ys = [12_345, 0, 80_000, -1_50, 0, 0, 33_333, 7]
    units = [unit(i, y) for i, y in enumerate(ys)]
    a = srs(units, 1234)
    T, se, lo, hi = scipy_mpu(ys, 1234)
    j = a.as_json()
    assert a.method is sa.Method.MEAN_PER_UNIT and a.reason is None and not a.interim
    assert j["point"] == f"{T:.2f}" or abs(yuan(j["point"]) - T) <= 0.005
    assert math.floor(lo * 100) == a.lower and math.ceil(hi * 100) == a.upper  # down / up to the fen
    assert j["se"] == pytest.approx(se, abs=1e-6) and j["df"] == len(ys) - 1
    assert a.found == sum(ys) and j["estimators"][0]["name"] == "mean_per_unit"
    assert j["claimed"] == (j["lower"] if a.lower > a.found else j["found"])
    assert j["claim_basis"] == ("lower" if a.lower > a.found else "found")


def test_point_rounds_half_away_from_zero():
    # N·ȳ = 3 × (1 + 0)/2 fen = 1.5 fen → 2; negative −1.5 → −2
    assert srs([unit(0, 1), unit(1, 0)], 3).point == 2
    assert srs([unit(0, -1), unit(1, 0)], 3).point == -2


def test_negative_values_enter_as_they_are():
    ys = [-5_000, -2_000, 0, 1_000]
    a = srs([unit(i, y) for i, y in enumerate(ys)], 40)
    T, se, lo, hi = scipy_mpu(ys, 40)
    assert a.point == round(T * 100) and a.lower == math.floor(lo * 100) and a.upper == math.ceil(hi * 100)
    assert a.claimed == a.found == -6_000 and a.claim_basis == "found"


def test_zero_variance_below_the_frame_keeps_df_and_has_no_width():
    a = srs([unit(i, 2_000) for i in range(5)], 189)
    assert a.se == 0 and a.df == 4 and a.lower == a.upper == a.point == 189 * 2_000


def test_census_with_every_unit_decided_is_exact():
    units = [unit(i, y) for i, y in enumerate([10, 0, 300])]
    a = srs(units, 3, design=sa.Design.CENSUS)
    assert a.se == 0 and a.df is None and a.lower == a.upper == a.point == a.found == 310
    assert a.method is sa.Method.MEAN_PER_UNIT and not a.interim


# -- interim -------------------------------------------------------------------------------------

def test_interim_uses_the_leading_run_and_counts_later_decisions_only_in_found():
    units = by_key([unit(i, 1_000 * (i + 1)) for i in range(10)])
    # the 7th unit in key order is undecided; the 8th..10th are decided after it
    cut = [u if k != 6 else sa.UnitFacts(**{**u.__dict__, "decided": False}) for k, u in enumerate(units)]
    a = srs(cut, 500)
    used = [u.y for u in units[:6]]
    T, se, lo, hi = scipy_mpu(used, 500)
    assert a.interim and a.units == 6 and a.decided == 9 and a.selected == 10
    assert a.point == round(T * 100) and a.lower == math.floor(lo * 100)
    assert a.found == sum(u.y for k, u in enumerate(units) if k != 6)


def test_half_run_guard_on_both_sides():
    units = by_key([unit(i, 500 * i) for i in range(10)])

    def undecided_at(k):
        return [u if j != k else sa.UnitFacts(**{**u.__dict__, "decided": False}) for j, u in enumerate(units)]

    short = srs(undecided_at(4), 100)  # run of 4 < ⌈10/2⌉ = 5
    assert short.method is sa.Method.FOUND and short.reason is sa.Reason.INTERIM_SHORT and short.interim
    assert short.units == short.decided == 9 and short.claimed == short.found and short.upper is None
    ok = srs(undecided_at(5), 100)  # run of 5 = ⌈10/2⌉
    assert ok.method is sa.Method.MEAN_PER_UNIT and ok.units == 5 and ok.interim


# -- domains -------------------------------------------------------------------------------------

def test_domain_with_one_two_and_all_units():
    inside = [unit(i, 1_000 * i) for i in range(3)]
    outside = [unit(100 + i, 99_999, in_domain=False) for i in range(5)]
    one = sa.appraise(sa.AppraisalInput(sa.Design.SRS, tuple(inside[:1] + outside), (sa.CellFrame("", 20),),
                                        has_domain=True))
    assert one.reason is sa.Reason.TOO_FEW_UNITS and one.frame_size == 20 and one.found == 0
    two = sa.appraise(sa.AppraisalInput(sa.Design.SRS, tuple(inside[1:] + outside), (sa.CellFrame("", 20),),
                                        has_domain=True))
    T, se, lo, hi = scipy_mpu([1_000, 2_000], 20)
    assert two.method is sa.Method.MEAN_PER_UNIT and two.units == 2 and two.point == round(T * 100)
    assert two.lower == math.floor(lo * 100) and two.found == 3_000  # the units outside count nowhere
    exact = sa.appraise(sa.AppraisalInput(sa.Design.SRS, tuple(inside + outside), (sa.CellFrame("", 3),),
                                          has_domain=True))
    assert exact.se == 0 and exact.df is None and exact.point == exact.lower == exact.upper == 3_000
    one_of_one = sa.appraise(sa.AppraisalInput(sa.Design.SRS, tuple(inside[2:] + outside), (sa.CellFrame("", 1),),
                                               has_domain=True))
    assert one_of_one.method is sa.Method.MEAN_PER_UNIT and one_of_one.point == 2_000 and one_of_one.df is None


def test_domain_without_frame_units_and_frame_changed():
    empty = sa.appraise(sa.AppraisalInput(sa.Design.SRS, (unit(0, 5, in_domain=False),), (sa.CellFrame("", 0),),
                                          has_domain=True))
    assert empty.reason is sa.Reason.TOO_FEW_UNITS and empty.selected == 0
    units = [unit(i, 100 * i) for i in range(4)]
    changed = srs(units, 50, domain=True, changed=True)
    assert changed.reason is sa.Reason.FRAME_CHANGED and changed.frame_size is None
    # without a domain a changed frame keeps the stored N, only the ratio entry goes
    whole = srs([unit(i, 100 * i, book=1_000) for i in range(4)], 50, book_total=50_000, changed=True)
    assert whole.method is sa.Method.MEAN_PER_UNIT and [e.name for e in whole.estimators] == ["mean_per_unit"]


# -- stratified -----------------------------------------------------------------------------------

def test_stratified_matches_an_independent_satterthwaite_computation_with_an_exact_cell():
    A = [5_000, 0, 12_000, 300, 0]
    B = [100, 200, 0, 0, 50, 75]
    Cc = [9_999, 1]  # exact cell: its whole frame is in the sample
    units = ([unit(i, y, stratum="A") for i, y in enumerate(A)] + [unit(10 + i, y, stratum="B") for i, y in
                                                                  enumerate(B)]
             + [unit(20 + i, y, stratum="C") for i, y in enumerate(Cc)])
    cells = (sa.CellFrame("A", 40), sa.CellFrame("B", 300), sa.CellFrame("C", 2), sa.CellFrame("D", 0))
    a = sa.appraise(sa.AppraisalInput(sa.Design.STRATIFIED, tuple(units), cells))
    parts = []
    T = 0.0
    for ys, N in ((A, 40), (B, 300)):
        ys = np.array(ys, float) / 100
        n = len(ys)
        T += N * ys.mean()
        ah = N * (N - n) / n
        parts.append((ah * ys.var(ddof=1), n))
    T += sum(Cc) / 100
    var = sum(p for p, _ in parts)
    df = var ** 2 / sum(p ** 2 / (n - 1) for p, n in parts)
    t = stats.t.ppf(0.95, df)
    assert a.method is sa.Method.STRATIFIED and a.frame_size == 342 and a.units == 13
    assert float(a.df) == pytest.approx(df, rel=1e-9) and float(a.se) == pytest.approx(math.sqrt(var), rel=1e-9)
    assert a.point == round(T * 100) and a.lower == math.floor((T - t * math.sqrt(var)) * 100)
    assert a.estimators == ()


def test_every_cell_exact_and_a_cell_with_one_unit():
    units = [unit(0, 10, stratum="A"), unit(1, 20, stratum="B"), unit(2, 30, stratum="B")]
    exact = sa.appraise(sa.AppraisalInput(sa.Design.STRATIFIED, tuple(units),
                                          (sa.CellFrame("A", 1), sa.CellFrame("B", 2))))
    assert exact.se == 0 and exact.df is None and exact.lower == exact.upper == exact.point == 60
    short = sa.appraise(sa.AppraisalInput(sa.Design.STRATIFIED, tuple(units),
                                          (sa.CellFrame("A", 5), sa.CellFrame("B", 2))))
    assert short.reason is sa.Reason.TOO_FEW_UNITS and short.claimed == 60


# -- ratio ---------------------------------------------------------------------------------------

def test_ratio_estimator_against_cochran_chapter_6_by_hand():
    ys = [100, 0, 250, 40]
    xs = [1_000, 800, 2_000, 400]
    N, X = 50, 60_000
    a = srs([unit(i, y, book=x) for i, (y, x) in enumerate(zip(ys, xs))], N, book_total=X)
    R = sum(ys) / sum(xs)
    e = np.array(ys) - R * np.array(xs)
    se = N * math.sqrt((1 - 4 / N) * (e @ e / 3) / 4) / 100
    t = stats.t.ppf(0.95, 3)
    ratio = a.estimators[1]
    assert ratio.name == "ratio" and ratio.point == round(X * R) and ratio.df == 3
    assert float(ratio.se) == pytest.approx(se, rel=1e-9)
    assert ratio.lower == math.floor((X * R / 100 - t * se) * 100)
    no_book = srs([unit(i, y) for i, y in enumerate(ys)], N, book_total=X)
    assert [e.name for e in no_book.estimators] == ["mean_per_unit"]


# -- pps -----------------------------------------------------------------------------------------

def pps_input(units, total, points, domain_size=None, c=C90):
    return sa.AppraisalInput(sa.Design.PPS, tuple(units), confidence=c,
                             pps=sa.PpsFrame(total, points, domain_size if domain_size is not None else len(units)))


def test_pps_point_se_lower_and_stringer_by_hand_with_certainty_and_negative_taints():
    # X = 1,000,000 fen, n = 10 points → J = 100,000 fen
    units = [unit(0, 5_000, x=20_000),  # taint 0.25
             unit(1, -3_000, x=10_000),  # taint −0.30 (does not lower the upper bound)
             unit(2, 99_999, x=40_000),  # clamped to x: taint 1
             unit(3, 0, x=50_000), unit(4, 0, x=60_000), unit(5, 1_000, x=10_000),  # taint 0.1
             unit(6, 70_000, x=250_000)]  # certainty (x ≥ J): adds its y' = 70,000
    a = sa.appraise(pps_input(units, 1_000_000, 10))
    J = 100_000
    taints = [0.25, -0.30, 1.0, 0.0, 0.0, 0.1]
    T = J * sum(taints) + 70_000
    m = 6
    se = J * math.sqrt(m) * np.std(taints, ddof=1)
    t = stats.t.ppf(0.95, m - 1)
    assert a.method is sa.Method.STRINGER and a.df == 5 and a.units == 7 and a.frame_size == 7
    assert a.point == round(T) and float(a.se) * 100 == pytest.approx(se, rel=1e-9)
    assert a.lower == math.floor(T - t * se)
    lam = [stats.gamma.ppf(0.95, k + 1) for k in range(4)]
    pos = [1.0, 0.25, 0.1]
    upper = J * lam[0] + J * sum(pos) + J * sum((lam[k] - lam[k - 1] - 1) * p for k, p in enumerate(pos, 1)) + 70_000
    assert a.upper == math.ceil(upper)
    s = a.stringer
    assert (s.points, s.certainty, s.errors, s.interval) == (10, 1, 3, J)
    assert s.basic_precision == round(J * lam[0])
    assert a.claimed == max(a.lower, a.found) and a.found == 5_000 - 3_000 + 99_999 + 1_000 + 70_000


def test_poisson_factors_round_up_to_the_published_two_decimal_tables():
    """AICPA Audit Sampling guide's MUS factor tables (as quoted in sampling.md): 3.00, 4.75, 6.30, 7.76 at 95%;
    2.31, 3.89, 5.33, 6.69 at 90%. The exact quantiles are just below and round up to them."""
    for c1, table in ((Fraction(95, 100), ["3.00", "4.75", "6.30", "7.76"]),
                      (Fraction(90, 100), ["2.31", "3.89", "5.33", "6.69"])):
        for k, printed in enumerate(table):
            lam = sa.poisson_upper(k, c1)
            assert lam.quantize(Decimal("0.01"), rounding="ROUND_CEILING") == Decimal(printed)
            assert float(lam) == pytest.approx(stats.chi2.ppf(float(c1), 2 * k + 2) / 2, rel=1e-12)
    assert float(sa.poisson_upper(0, Fraction(95, 100))) == pytest.approx(-math.log(0.05), rel=1e-12)


def test_stringer_bound_reworks_the_published_zero_error_examples():
    """Messier, Glover & Prawitt, Auditing & Assurance Services, ch. 9 MUS example: book value $2,500,000,
    93 items, interval $26,882, no misstatement: upper misstatement limit $26,882 × 3.0 = $80,646.
    A 90% example with interval $7,538: basic precision 7,538 × 2.31 = 17,412.78."""
    assert sa.stringer_bound(26_882, [], [Decimal("3.0")]).upper == Decimal(80_646)
    assert sa.stringer_bound(7_538, [], [Decimal("2.31")]).upper == Decimal("17412.78")
    # with the exact factor the bound is a little lower than the table's
    exact = sa.stringer_bound(26_882, [], [sa.poisson_upper(0, Fraction(95, 100))]).upper
    assert float(exact) == pytest.approx(26_882 * -math.log(0.05)) and exact < 80_646


def test_stringer_bound_by_hand_with_table_factors():
    """Hand-worked with the 95% table (3.00, 4.75, 6.30): J = 10,000, taints 0.5 and 0.2 (already descending).
    BP = 30,000; PM⁺ = 7,000; IA = 10,000·(0.75·0.5 + 0.55·0.2) = 4,850; upper = 41,850."""
    b = sa.stringer_bound(10_000, [Fraction(1, 5), Fraction(1, 2)], [Decimal("3.00"), Decimal("4.75"),
                                                                      Decimal("6.30")])
    assert (b.basic_precision, b.projected, b.incremental_allowance, b.upper) == (30_000, 7_000, 4_850, 41_850)


def test_pps_interim_domain_and_too_few():
    units = [unit(i, 1_000 * (i % 2), x=20_000) for i in range(6)]
    undecided = units[:5] + [sa.UnitFacts(**{**units[5].__dict__, "decided": False})]
    assert sa.appraise(pps_input(undecided, 1_000_000, 6)).reason is sa.Reason.PPS_INTERIM
    # a domain: taints outside it count 0, m stays the whole sample's
    dom = [sa.UnitFacts(**{**u.__dict__, "in_domain": k < 3}) for k, u in enumerate(units)]
    a = sa.appraise(pps_input(dom, 1_200_000, 6, domain_size=30))
    J = 200_000
    taints = [0, 0.05, 0, 0, 0, 0]
    assert a.point == round(J * sum(taints)) and a.df == 5 and a.units == 3 and a.frame_size == 30
    one = sa.appraise(pps_input([unit(0, 5, x=10), unit(1, 0, x=500_000)], 500_010, 2))
    assert one.reason is sa.Reason.TOO_FEW_UNITS  # one non-certainty unit
    gone = sa.appraise(pps_input([unit(0, 5, x=0), unit(1, 0, x=10)], 10, 2))
    assert gone.reason is sa.Reason.FRAME_CHANGED


def test_reason_precedence():
    units = [unit(i, 10, decided=i != 0) for i in range(4)]
    a = sa.appraise(sa.AppraisalInput(sa.Design.PPS, tuple(units), frame_changed=True,
                                      pps=sa.PpsFrame(100, 4, 4)))
    assert a.reason is sa.Reason.FRAME_CHANGED
    b = sa.appraise(sa.AppraisalInput(sa.Design.NONE, tuple(units)))
    assert b.reason is sa.Reason.NO_SAMPLE and b.frame_size is None and b.design is sa.Design.NONE


def test_last_decision_per_settlement():
    ds = [sa.Decision(1, "A", "2025-01-01 10:00:00", 100, 0), sa.Decision(2, "A", "2025-01-02 09:00:00", 7, 3),
          sa.Decision(3, "B", "2025-01-01 10:00:00", 1, 0), sa.Decision(4, "B", "2025-01-01 10:00:00", 2, 0)]
    assert [(d.setl_id, d.unit_id) for d in sa.last_decisions(ds)] == [("A", 2), ("B", 4)]


@settings(max_examples=150, deadline=None)
@given(ys=st.lists(st.integers(-50_000, 500_000), min_size=2, max_size=40), extra=st.integers(0, 500),
       decided=st.lists(st.booleans(), min_size=40, max_size=40))
def test_laws_of_every_appraisal(ys, extra, decided):
    """lower ≤ point ≤ upper; claimed = max(lower, found) ≥ found; found sums every decided unit."""
    units = [unit(i, y, decided=decided[i] or i == 0) for i, y in enumerate(ys)]
    a = srs(units, len(ys) + extra)
    assert a.found == sum(u.y for u in units if u.decided)
    assert a.claimed == max(a.lower, a.found) >= a.found
    if a.method is sa.Method.FOUND:
        assert a.point == a.lower == a.found and a.upper is None
    else:
        assert a.lower <= a.point <= a.upper
        assert a.units == len(sa.used_run(units))


def test_the_worked_examples_of_docs_sampling_md():
    a = srs([unit(0, 10_00), unit(1, 20_00)], 20).as_json()
    assert (a["point"], a["lower"], a["upper"], a["claimed"], a["claim_basis"]) == (
        "300.00", "-298.98", "898.98", "30.00", "found")
    b = srs([unit(i, y, book=x) for i, (y, x) in enumerate(zip([100, 0, 250, 40], [1000, 800, 2000, 400]))], 50,
            book_total=60_000).as_json()
    assert b["estimators"][1] == {"name": "ratio", "point": "55.71", "se": 13.642296, "df": 3, "lower": "23.60",
                                  "upper": "87.82"}
