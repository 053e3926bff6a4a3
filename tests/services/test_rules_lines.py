"""Fee-line rules (spec/rules.md) on hand-made cases, both sides of every boundary."""
from __future__ import annotations

from workstation.services import screening_service as ss
from tests.support.screen_data import S, add, catalog, line, settlement


def flags(ws, rule):
    ss.run_screen(ws, [rule])
    return {(f.setl_id, f.feedetl_sn): f for f in ss.list_flags(ws, rule_id=rule)}


# -- DUPLICATE_CHARGE -------------------------------------------------------------
def test_duplicate_charge_flags_every_line_after_the_first_by_sn_as_text(ws):
    # "10" sorts before "9" as text: it is the first, 9 and 90 are the later ones.
    add(ws, settlement("A"),
        line("A", "9", det_item_fee_sumamt=10_01), line("A", "10"), line("A", "90", det_item_fee_sumamt=10_03),
        line("A", "11", cnt=2 * S),  # other quantity
        line("A", "12", pric=10_01),  # other price
        line("A", "13", fee_ocur_time="2025-03-02 09:00:01"),  # other time
        line("A", "14", med_list_codg="C002"))  # other code
    got = flags(ws, "DUPLICATE_CHARGE")
    assert set(got) == {("A", "9"), ("A", "90")}
    assert got[("A", "9")].amount == 10_01 and got[("A", "90")].amount == 10_03
    assert got[("A", "9")].params["first_sn"] == "10"
    assert "10" in ss.explain(got[("A", "9")], "zh_CN")


def test_duplicate_charge_only_within_one_settlement(ws):
    add(ws, settlement("A"), settlement("B", setl_time="2025-03-06 10:00:00"), line("A", "1"), line("B", "1"))
    assert flags(ws, "DUPLICATE_CHARGE") == {}


# -- PRICE_OVER_LIMIT -------------------------------------------------------------
def test_price_equal_to_the_cap_is_not_flagged_one_fen_over_is(ws):
    add(ws, settlement("A"), catalog("C001", pric_uplmt_amt=10_00),
        line("A", "1", pric=10_00), line("A", "2", pric=10_01, cnt=3 * S))
    got = flags(ws, "PRICE_OVER_LIMIT")
    assert set(got) == {("A", "2")}
    assert got[("A", "2")].amount == 3  # (10.01 − 10.00) × 3
    assert got[("A", "2")].params["cap_source"] == "catalog"


def test_price_line_cap_wins_over_the_catalog_cap(ws):
    add(ws, settlement("A"), catalog("C001", pric_uplmt_amt=5_00),
        line("A", "1", pric=8_00, pric_uplmt_amt=9_00),  # own cap 9: fine although over the catalog's 5
        line("A", "2", pric=8_00, pric_uplmt_amt=7_00))  # own cap 7: 1.00 over
    got = flags(ws, "PRICE_OVER_LIMIT")
    assert set(got) == {("A", "2")}
    assert got[("A", "2")].amount == 1_00 and got[("A", "2")].params["cap_source"] == "line"


def test_price_fractional_quantity_rounds_half_up_once(ws):
    # (10.03 − 10.00) × 1.5 = 0.045 yuan = 4.5 fen → 5 fen
    add(ws, settlement("A"), catalog("C001", pric_uplmt_amt=10_00),
        line("A", "1", pric=10_03, cnt=15_000, det_item_fee_sumamt=15_05))
    assert flags(ws, "PRICE_OVER_LIMIT")[("A", "1")].amount == 5


def test_price_unknown_code_without_own_cap_is_never_flagged(ws):
    add(ws, settlement("A"), catalog("C001", pric_uplmt_amt=1_00),
        line("A", "1", med_list_codg="NOPE", pric=99_00), line("A", "2", med_list_codg=None, pric=99_00))
    assert flags(ws, "PRICE_OVER_LIMIT") == {}


# -- GENDER_MISMATCH --------------------------------------------------------------
def test_gender_restricted_item(ws):
    add(ws, settlement("M", gend="1"), settlement("F", gend="2", setl_time="2025-03-06 10:00:00"),
        settlement("U", gend=None, setl_time="2025-03-07 10:00:00"),
        catalog("FEM", gend_lmt="2"), catalog("ANY", gend_lmt=None), catalog("EMPTY", gend_lmt=""),
        line("M", "1", med_list_codg="FEM", det_item_fee_sumamt=12_34), line("F", "1", med_list_codg="FEM"),
        line("U", "1", med_list_codg="FEM"), line("M", "2", med_list_codg="ANY"), line("M", "3", med_list_codg="EMPTY"),
        line("M", "4", med_list_codg="UNKNOWN"))
    got = flags(ws, "GENDER_MISMATCH")
    assert set(got) == {("M", "1")}
    assert got[("M", "1")].amount == 12_34
    assert ss.explain(got[("M", "1")], "en") == "Item restricted to sex female; the insured person's sex is male"


# -- AGE_MISMATCH -----------------------------------------------------------------
def test_age_turns_n_on_the_birthday(ws):
    # Born 2007-03-02: on 2025-03-01 aged 17, on 2025-03-02 (the birthday) aged 18.
    add(ws, settlement("A", brdy="2007-03-02"), catalog("ADULT", age_min=18), catalog("CHILD", age_max=17),
        line("A", "1", med_list_codg="ADULT", fee_ocur_time="2025-03-01 23:59:59"),
        line("A", "2", med_list_codg="ADULT", fee_ocur_time="2025-03-02 00:00:00"),
        line("A", "3", med_list_codg="CHILD", fee_ocur_time="2025-03-01 23:59:59"),
        line("A", "4", med_list_codg="CHILD", fee_ocur_time="2025-03-02 00:00:00"))
    got = flags(ws, "AGE_MISMATCH")
    assert set(got) == {("A", "1"), ("A", "4")}
    assert got[("A", "1")].params["age"] == "17" and got[("A", "4")].params["age"] == "18"
    assert "不限" in ss.explain(got[("A", "1")], "zh_CN")


def test_age_bounds_are_inclusive_and_unknown_codes_not_flagged(ws):
    add(ws, settlement("A", brdy="1960-01-01"), catalog("R", age_min=65, age_max=65),
        line("A", "1", med_list_codg="R", fee_ocur_time="2025-01-01 08:00:00"),  # 65: allowed
        line("A", "2", med_list_codg="R", fee_ocur_time="2024-12-31 08:00:00"),  # 64: under
        line("A", "3", med_list_codg="R", fee_ocur_time="2026-01-01 08:00:00"),  # 66: over
        line("A", "4", med_list_codg="NOT_IN_CATALOG", fee_ocur_time="2024-12-31 08:00:00"))
    assert set(flags(ws, "AGE_MISMATCH")) == {("A", "2"), ("A", "3")}


def test_age_leap_day_birthday(ws):
    add(ws, settlement("A", brdy="2008-02-29"), catalog("R", age_min=17),
        line("A", "1", med_list_codg="R", fee_ocur_time="2025-02-28 08:00:00"),
        line("A", "2", med_list_codg="R", fee_ocur_time="2025-03-01 08:00:00"))
    assert set(flags(ws, "AGE_MISMATCH")) == {("A", "1")}


# -- DAILY_QTY_EXCEEDED -----------------------------------------------------------
def test_daily_quantity_equal_to_max_is_not_flagged(ws):
    add(ws, settlement("A"), catalog("D", max_daily_cnt=2 * S),
        line("A", "1", med_list_codg="D", cnt=1 * S), line("A", "2", med_list_codg="D", cnt=1 * S))
    assert flags(ws, "DAILY_QTY_EXCEEDED") == {}


def test_daily_quantity_amount_on_the_last_line_only(ws):
    # Day 2025-03-02: 1 + 1.5 + 1 = 3.5 > 2; amounts 10.00 + 15.01 + 10.00 = 35.01
    # excess 1.5 × 35.01 / 3.5 = 15.004285… → 15.00 on the last line by sn as text ("3" > "10" > "1")
    add(ws, settlement("A"), catalog("D", max_daily_cnt=2 * S),
        line("A", "1", med_list_codg="D", cnt=1 * S, fee_ocur_time="2025-03-02 08:00:00"),
        line("A", "10", med_list_codg="D", cnt=15_000, det_item_fee_sumamt=15_01, fee_ocur_time="2025-03-02 12:00:00"),
        line("A", "3", med_list_codg="D", cnt=1 * S, fee_ocur_time="2025-03-02 20:00:00"),
        line("A", "4", med_list_codg="D", cnt=2 * S, fee_ocur_time="2025-03-03 08:00:00"),  # other day: at max
        line("A", "5", med_list_codg="X", cnt=9 * S))  # not in catalog
    got = flags(ws, "DAILY_QTY_EXCEEDED")
    assert set(got) == {("A", "1"), ("A", "10"), ("A", "3")}
    assert [got[("A", sn)].amount for sn in ("1", "10", "3")] == [0, 0, 15_00]
    assert got[("A", "1")].params["total_cnt"] == "3.5"


def test_daily_quantity_one_ten_thousandth_over(ws):
    add(ws, settlement("A"), catalog("D", max_daily_cnt=2 * S),
        line("A", "1", med_list_codg="D", cnt=2 * S + 1, pric=100_00, det_item_fee_sumamt=200_01))
    got = flags(ws, "DAILY_QTY_EXCEEDED")
    # 0.0001 × 200.01 / 2.0001 = 0.0100000 yuan → 1 fen
    assert got[("A", "1")].amount == 1
