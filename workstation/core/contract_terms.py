"""The money and volume formulas of operations.md, pure and exact (fen, Fraction, Decimal).

Every function takes the contract's numbers as arguments (from the profile), so a
profile a user creates for a new contract is evaluated by the same code.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Sequence

from .money import round_half_up_fen


def frac(value: str | int | Decimal | Fraction) -> Fraction:
    """A contract number as an exact fraction ("0.05" → 1/20); never through float."""
    if isinstance(value, Fraction):
        return value
    return Fraction(Decimal(str(value)))


def fen_times(amount_fen: int, rate: Fraction) -> int:
    """amount × rate, rounded half up to whole fen once."""
    exact = Fraction(amount_fen) * rate
    return round_half_up_fen(Decimal(exact.numerator) / Decimal(exact.denominator))


def as_number(value: Fraction, places: int = 6) -> float:
    """A rate for JSON (rates are numbers): rounded to ``places`` decimals, half up."""
    q = Decimal(value.numerator) / Decimal(value.denominator)
    return float(q.quantize(Decimal(1).scaleb(-places), rounding="ROUND_HALF_UP"))


# -- pace of yearly volumes ---------------------------------------------------------------
def pace_target(target: Fraction | int, elapsed_workdays: int, year_workdays: int, *, count: bool) -> Fraction | int:
    """target × elapsed ÷ days in the year; rounded down to an integer for counts."""
    share = Fraction(elapsed_workdays, year_workdays) if year_workdays else Fraction(1)
    value = frac(target) * share
    return math.floor(value) if count else value


# -- Luoyang: quarterly fee and its deductions (seed 000) ----------------------------------
@dataclass(frozen=True)
class Deduction:
    reason: str  # pass_rate_below_90 ... or staffing_shortfall
    rate: Fraction
    amount: int  # fen


def quarterly_fee(per_insured_per_year_fen: int, headcount: int) -> int:
    """per insured per year × headcount ÷ 4, rounded half up to fen."""
    return fen_times(per_insured_per_year_fen * headcount, Fraction(1, 4))


def pass_rate_tier(rate: Fraction | None, tiers: Sequence[dict]) -> dict | None:
    """The tier that applies: the one with the lowest ``below`` the rate is under (None: no deduction)."""
    if rate is None:
        return None
    hit = None
    for tier in sorted(tiers, key=lambda t: frac(t["below"]), reverse=True):
        if rate < frac(tier["below"]):
            hit = tier
    return hit


def quarter_deductions(fee_fen: int, pass_rate: Fraction | None, tiers: Sequence[dict],
                       shortfall_days: int, staffing_rate: Fraction | None) -> list[Deduction]:
    out = []
    tier = pass_rate_tier(pass_rate, tiers)
    if tier is not None:
        rate = frac(tier["deduction_rate"])
        below = frac(tier["below"])
        out.append(Deduction(f"pass_rate_below_{as_number(below * 100, 2):g}", rate, fen_times(fee_fen, rate)))
    if shortfall_days > 0 and staffing_rate is not None:
        out.append(Deduction("staffing_shortfall", staffing_rate, fen_times(fee_fen, staffing_rate)))
    return out


# -- Xinxiang: profit return by annual score (seed 002 第二十九条) ------------------------------
DEFAULT_PROFIT_TIERS = ({"from": "80", "rate_per_point": "0.005"}, {"from": "70", "rate_per_point": "0.01"},
                        {"from": "60", "rate_per_point": "0.02"})


def profit_return(profit_fen: int, score: Decimal | Fraction | str, *, full_at: str = "90",
                  tiers: Sequence[dict] = DEFAULT_PROFIT_TIERS) -> tuple[Fraction, int, int]:
    """(deduction rate, deduction, returned) for an annual score.

    score ≥ full_at: everything returned; in a tier [from, next): rate_per_point ×
    (full_at − score); below the lowest tier: nothing returned. The deduction is
    rounded half up to fen once.
    """
    s = frac(score)
    full = frac(full_at)
    if s >= full:
        rate = Fraction(0)
    else:
        rate = Fraction(1)  # below every tier: nothing is returned
        for tier in sorted(tiers, key=lambda t: frac(t["from"]), reverse=True):
            if s >= frac(tier["from"]):
                rate = frac(tier["rate_per_point"]) * (full - s)
                break
    rate = min(rate, Fraction(1))
    deduction = fen_times(profit_fen, rate)
    return rate, deduction, profit_fen - deduction


# -- Huaiyang: fund-use rate (seed 001) ---------------------------------------------------
@dataclass(frozen=True)
class FundUse:
    income: int
    payouts: int
    use_rate: Fraction | None
    below_floor: bool
    below_promise: bool


def fund_use(headcount: int, premium_fen: int, payouts_fen: int, floor: Fraction, promised: Fraction) -> FundUse:
    income = headcount * premium_fen
    rate = Fraction(payouts_fen, income) if income else None
    return FundUse(income, payouts_fen, rate, rate is not None and rate < floor, rate is not None and rate < promised)


# -- shares of coverage -------------------------------------------------------------------
def share(part: int, whole: int) -> Fraction | None:
    return Fraction(part, whole) if whole else None
