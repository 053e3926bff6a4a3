"""Supplementary-fund rules (spec/rules.md): running totals per person and calendar year."""
from __future__ import annotations

import pytest

from workstation.services import screening_service as ss
from tests.support.screen_data import add, settlement

CAP = 100_000_00
SUPP_CAP = 400_000_00


def flags(ws, rule):
    ss.run_screen(ws, [rule])
    return {f.setl_id: f for f in ss.list_flags(ws, rule_id=rule)}


def st(setl_id, time, hifp, hifob, inscp=0, psn="P1"):
    return settlement(setl_id, psn_no=psn, setl_time=time, hifp_pay=hifp, hifob_pay=hifob, inscp_scp_amt=inscp,
                      medfee_sumamt=hifp + hifob + inscp)


# -- SUPP_BEFORE_BASIC_CAP --------------------------------------------------------
def test_supp_paid_with_cumulative_equal_to_the_cap_is_not_flagged(ws):
    add(ws, st("S1", "2025-01-10 10:00:00", CAP - 100_00, 0),
        st("S2", "2025-02-10 10:00:00", 100_00, 5_00),  # cumulative = cap exactly
        st("Q1", "2025-01-10 10:00:00", CAP - 100_01, 0, psn="P2"),
        st("Q2", "2025-02-10 10:00:00", 100_00, 7_00, psn="P2"))  # 1 fen below the cap
    got = flags(ws, "SUPP_BEFORE_BASIC_CAP")
    assert set(got) == {"Q2"} and got["Q2"].amount == 7_00
    assert got["Q2"].params["cum_hifp"] == "99999.99"


def test_supp_before_cap_counts_calendar_year_of_setl_time_and_order(ws):
    # Last year's payments do not count; a settlement later in the year does not count either.
    add(ws, st("Y24", "2024-12-31 23:59:59", CAP, 0), st("E", "2025-01-01 00:00:00", 0, 3_00),
        st("L", "2025-06-01 00:00:00", CAP, 0))
    assert set(flags(ws, "SUPP_BEFORE_BASIC_CAP")) == {"E"}


# -- SUPP_ANNUAL_CAP_EXCEEDED -----------------------------------------------------
def test_annual_cap_crossed_inside_one_settlement(ws):
    add(ws, st("A", "2025-01-10 10:00:00", CAP, SUPP_CAP - 1_000_00),
        st("B", "2025-02-10 10:00:00", 0, 3_000_00),  # crosses: cumulative − cap = 2,000.00
        st("C", "2025-03-10 10:00:00", 0, 500_00))  # wholly above: min(hifob, …) = 500.00
    got = flags(ws, "SUPP_ANNUAL_CAP_EXCEEDED")
    assert set(got) == {"B", "C"}
    assert got["B"].amount == 2_000_00 and got["C"].amount == 500_00


def test_annual_cap_reached_exactly_is_not_exceeded(ws):
    add(ws, st("A", "2025-01-10 10:00:00", CAP, SUPP_CAP - 1_00), st("B", "2025-02-10 10:00:00", 0, 1_00),
        st("C", "2025-03-10 10:00:00", 0, 1))
    got = flags(ws, "SUPP_ANNUAL_CAP_EXCEEDED")
    assert set(got) == {"C"} and got["C"].amount == 1


# -- SUPP_RATE_MISMATCH -----------------------------------------------------------
@pytest.mark.parametrize("paid, flagged", [
    (9_000_00 - 1_00, False),  # underpaid by exactly 1.00: within tolerance
    (9_000_00 - 1_01, True),  # underpaid by 1.01
    (9_000_00 + 1_00, False),  # overpaid by exactly 1.00
    (9_000_00 + 1_01, True),  # overpaid by 1.01
])
def test_supp_rate_tolerance_both_sides(ws, paid, flagged):
    add(ws, st("A", "2025-01-10 10:00:00", CAP, 0), st("B", "2025-02-10 10:00:00", 0, paid, inscp=10_000_00))
    got = flags(ws, "SUPP_RATE_MISMATCH")
    assert (set(got) == {"B"}) is flagged
    if flagged:
        assert got["B"].amount == paid - 9_000_00  # negative when underpaid
        assert got["B"].params["expected"] == "9000.00"


def test_supp_rate_exact_fraction_rounded_once(ws):
    # expected = 0.90 × 123.45 = 111.105 exactly; paid 100.00 → −11.105 → −11.11 (half away from zero)
    add(ws, st("A", "2025-01-10 10:00:00", CAP, 0), st("B", "2025-02-10 10:00:00", 0, 100_00, inscp=123_45))
    assert flags(ws, "SUPP_RATE_MISMATCH")["B"].amount == -11_11


def test_supp_rate_expected_limited_by_remaining_cap(ws):
    add(ws, st("A", "2025-01-10 10:00:00", CAP, SUPP_CAP - 500_00),
        st("B", "2025-02-10 10:00:00", 0, 2_000_00, inscp=10_000_00))  # expected = remaining 500.00
    got = flags(ws, "SUPP_RATE_MISMATCH")
    assert got["B"].amount == 1_500_00 and got["B"].params["remaining"] == "500.00"


def test_supp_rate_needs_cap_reached_before_and_no_basic_payment(ws):
    add(ws, st("A", "2025-01-10 10:00:00", CAP - 1, 0),
        st("B", "2025-02-10 10:00:00", 0, 1, inscp=10_000_00),  # cap not reached before B (1 fen short)
        st("A2", "2025-01-10 10:00:00", CAP, 0, psn="P2"),
        st("C", "2025-03-10 10:00:00", 5_00, 1, inscp=10_000_00, psn="P2"))  # cap reached, but hifp_pay ≠ 0
    assert flags(ws, "SUPP_RATE_MISMATCH") == {}
