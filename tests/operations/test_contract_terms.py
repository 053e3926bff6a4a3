"""The formulas of operations.md, on both sides of every boundary (pure, no store)."""
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, strategies as st

from workstation.core import contract_terms as ct

PROFIT = 1_000_000_00  # 1,000,000.00 yuan in fen


@pytest.mark.parametrize("score, rate, returned", [
    ("100", Fraction(0), PROFIT),
    ("90", Fraction(0), PROFIT),
    ("89.99", Fraction(5, 1000) * Fraction(1, 100), PROFIT - 50_00),  # 0.5% × 0.01 point
    ("80", Fraction(5, 1000) * 10, PROFIT - 50_000_00),
    ("79.99", Fraction(1, 100) * Fraction(1001, 100), PROFIT - 100_100_00),  # 1% per point once below 80
    ("70", Fraction(1, 100) * 20, PROFIT - 200_000_00),
    ("69.99", Fraction(2, 100) * Fraction(2001, 100), PROFIT - 400_200_00),
    ("60", Fraction(2, 100) * 30, PROFIT - 600_000_00),
    ("59.99", Fraction(1), 0),
    ("0", Fraction(1), 0),
])
def test_profit_return_tiers(score, rate, returned):
    got_rate, deduction, got_returned = ct.profit_return(PROFIT, Decimal(score))
    assert got_rate == rate and got_returned == returned and deduction + got_returned == PROFIT


def test_profit_deduction_rounds_half_up_once():
    # 123.45 yuan × 0.00005 = 0.61725 fen → 1 fen
    assert ct.profit_return(123_45, Decimal("89.99"))[1:] == (1, 123_44)
    # 10.00 yuan × 0.00005 = 0.05 fen → 0
    assert ct.profit_return(10_00, Decimal("89.99"))[1:] == (0, 10_00)


@given(profit=st.integers(0, 10**12), a=st.decimals(0, 100, places=2), b=st.decimals(0, 100, places=2))
def test_profit_returned_never_falls_as_the_score_rises(profit, a, b):
    lo, hi = sorted((a, b))
    assert ct.profit_return(profit, lo)[2] <= ct.profit_return(profit, hi)[2] <= profit


def test_quarterly_fee_and_pass_rate_tiers():
    tiers = [{"below": "0.90", "deduction_rate": "0.02"}, {"below": "0.80", "deduction_rate": "0.05"}]
    fee = ct.quarterly_fee(145, 1_000_000)  # 1.45 yuan × 1,000,000 ÷ 4
    assert fee == 362_500_00
    assert ct.quarterly_fee(145, 3) == 109  # 1.0875 yuan → 1.09 (half up)
    assert ct.pass_rate_tier(Fraction(9, 10), tiers) is None
    assert ct.pass_rate_tier(Fraction(8999, 10000), tiers)["deduction_rate"] == "0.02"
    assert ct.pass_rate_tier(Fraction(8, 10), tiers)["deduction_rate"] == "0.02"
    assert ct.pass_rate_tier(Fraction(7999, 10000), tiers)["deduction_rate"] == "0.05"
    assert ct.pass_rate_tier(None, tiers) is None
    deds = ct.quarter_deductions(fee, Fraction(7, 10), tiers, 1, Fraction(2, 100))
    assert [(d.reason, d.amount) for d in deds] == [("pass_rate_below_80", 18_125_00), ("staffing_shortfall", 7_250_00)]
    assert ct.quarter_deductions(fee, Fraction(1), tiers, 0, Fraction(2, 100)) == []


def test_fund_use_floor_and_promise():
    floor, promise = Fraction(90, 100), Fraction(91, 100)
    r = ct.fund_use(1000, 150_00, 135_000_00, floor, promise)  # exactly 90%
    assert (r.income, r.use_rate, r.below_floor, r.below_promise) == (150_000_00, Fraction(9, 10), False, True)
    r = ct.fund_use(1000, 150_00, 135_000_00 - 1, floor, promise)
    assert r.below_floor and r.below_promise
    r = ct.fund_use(1000, 150_00, 136_500_00, floor, promise)  # exactly 91%
    assert not r.below_floor and not r.below_promise
    assert ct.fund_use(0, 150_00, 0, floor, promise).use_rate is None


def test_pace_rounds_counts_down():
    assert ct.pace_target(360_000, 1, 251, count=True) == 360_000 // 251
    assert ct.pace_target(360_000, 251, 251, count=True) == 360_000
    assert ct.pace_target(360_000, 0, 251, count=True) == 0
    assert ct.pace_target(Fraction(1, 20), 125, 250, count=False) == Fraction(1, 40)
