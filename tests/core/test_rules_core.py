"""Pure arithmetic of the screening rules."""
from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from hypothesis import given, strategies as st

from workstation.core.rules import (RuleParams, age_on, cnt_text, rate_text, round_fen, stay_days,
                                    supp_expected)


def test_round_fen_half_away_from_zero():
    assert round_fen(Fraction(9, 2)) == 5 and round_fen(Fraction(-9, 2)) == -5
    assert round_fen(Fraction(449, 100)) == 4 and round_fen(Fraction(-451, 100)) == -5


@given(st.integers(-10**12, 10**12), st.integers(1, 10**6))
def test_round_fen_matches_decimal_half_up(num, den):
    expected = int((Decimal(num) / Decimal(den)).quantize(Decimal(1), rounding=ROUND_HALF_UP)) \
        if abs(num) < 10**12 else None
    got = round_fen(Fraction(num, den))
    assert abs(Fraction(num, den) - got) <= Fraction(1, 2)
    if expected is not None and den < 10**5:
        assert got == expected


@given(st.dates(dt.date(1900, 1, 1), dt.date(2030, 12, 31)), st.dates(dt.date(1900, 1, 1), dt.date(2060, 12, 31)))
def test_age_is_the_number_of_passed_anniversaries(born, day):
    age = age_on(born.isoformat(), day.isoformat())
    if day >= born:
        # the age-th anniversary (1 March for 29 February in a common year) is on or before the day, the next after it
        def anniversary(n):
            y = born.year + n
            try:
                return born.replace(year=y)
            except ValueError:
                return dt.date(y, 3, 1)
        assert anniversary(age) <= day < anniversary(age + 1)


def test_stay_days_at_least_one():
    assert stay_days("2025-03-01", "2025-03-01") == 1
    assert stay_days("2025-03-01", "2025-03-02") == 1
    assert stay_days("2025-02-27", "2025-03-02") == 3


def test_params_from_profile_text():
    p = RuleParams.from_mapping({"basic_cap": "100000.00", "supp_rate": "0.90", "supp_cap": "400000.00",
                                 "readmission_days": 15})
    assert (p.basic_cap, p.supp_rate, p.supp_cap, p.readmission_days) == (10_000_000, Fraction(9, 10), 40_000_000, 15)
    assert p.as_json()["supp_rate"] == "0.90" and rate_text(Fraction(7, 8)) == "0.875"
    assert supp_expected(Fraction(9, 10), 12345, 10**9, 0) == Fraction(222210, 20)
    assert supp_expected(Fraction(9, 10), 12345, 100, 150) == 0
    assert cnt_text(15_000) == "1.5" and cnt_text(20_000) == "2" and cnt_text(-2_500) == "-0.25"
