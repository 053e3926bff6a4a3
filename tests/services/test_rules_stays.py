"""Settlement-level rules on stays (spec/rules.md): bed days, split hospitalization, duplicate settlement."""
from __future__ import annotations

from workstation.services import screening_service as ss
from tests.support.screen_data import S, add, line, settlement


def flags(ws, rule):
    ss.run_screen(ws, [rule])
    return {f.setl_id: f for f in ss.list_flags(ws, rule_id=rule)}


# -- BED_DAYS_EXCEED_STAY -----------------------------------------------------------
def test_bed_days_equal_to_stay_not_flagged_more_is(ws):
    add(ws, settlement("OK", begndate="2025-03-01", enddate="2025-03-05"),  # 4 days
        settlement("OVER", begndate="2025-03-01", enddate="2025-03-05", setl_time="2025-03-06 09:00:00"),
        line("OK", "1", med_chrgitm_type="01", cnt=4 * S, pric=50_00),
        line("OVER", "1", med_chrgitm_type="01", cnt=3 * S, pric=50_00),
        line("OVER", "2", med_chrgitm_type="01", cnt=2 * S, pric=60_00),  # 5 beds, 270.00
        line("OVER", "3", med_chrgitm_type="05", cnt=9 * S))
    got = flags(ws, "BED_DAYS_EXCEED_STAY")
    assert set(got) == {"OVER"}
    f = got["OVER"]
    assert f.fee_line_id is None and f.feedetl_sn is None
    assert f.amount == 54_00  # (5 − 4) × 270.00 / 5
    assert f.params["stay_days"] == "4" and f.params["bed_cnt"] == "5"


def test_same_day_stay_counts_one_day(ws):
    add(ws, settlement("ONE", begndate="2025-03-01", enddate="2025-03-01"),
        settlement("TWO", begndate="2025-03-01", enddate="2025-03-01", setl_time="2025-03-06 09:00:00"),
        line("ONE", "1", med_chrgitm_type="01", cnt=1 * S, pric=30_00),
        line("TWO", "1", med_chrgitm_type="01", cnt=2 * S, pric=30_00))
    got = flags(ws, "BED_DAYS_EXCEED_STAY")
    assert set(got) == {"TWO"} and got["TWO"].params["stay_days"] == "1" and got["TWO"].amount == 30_00


def test_bed_days_only_inpatient(ws):
    add(ws, settlement("OUT", med_type="11", begndate="2025-03-01", enddate="2025-03-01"),
        settlement("SUB", med_type="2101", begndate="2025-03-01", enddate="2025-03-01", setl_time="2025-03-07 01:00:00"),
        line("OUT", "1", med_chrgitm_type="01", cnt=3 * S), line("SUB", "1", med_chrgitm_type="01", cnt=3 * S))
    assert set(flags(ws, "BED_DAYS_EXCEED_STAY")) == {"SUB"}


# -- SPLIT_HOSPITALIZATION -------------------------------------------------------
def _stay(setl_id, beg, end, **kw):
    return settlement(setl_id, begndate=beg, enddate=end, setl_time=f"{end} 12:00:00", **kw)


def test_readmission_exactly_15_days_flagged_16_not(ws):
    add(ws, _stay("A1", "2025-01-01", "2025-01-10"), _stay("B15", "2025-01-25", "2025-01-30"),
        _stay("A2", "2025-01-01", "2025-01-10", psn_no="P2"), _stay("B16", "2025-01-26", "2025-01-30", psn_no="P2"))
    got = flags(ws, "SPLIT_HOSPITALIZATION")
    assert set(got) == {"B15"}
    f = got["B15"]
    assert f.amount == 0 and f.params["gap_days"] == "15" and f.params["prev_setl_id"] == "A1"


def test_readmission_on_the_discharge_day_is_day_zero(ws):
    add(ws, _stay("A", "2025-01-01", "2025-01-10"), _stay("B", "2025-01-10", "2025-01-12"))
    got = flags(ws, "SPLIT_HOSPITALIZATION")
    assert set(got) == {"B"} and got["B"].params["gap_days"] == "0"


def test_several_earlier_stays_flag_b_once(ws):
    add(ws, _stay("A1", "2025-01-01", "2025-01-05"), _stay("A2", "2025-01-06", "2025-01-08"),
        _stay("B", "2025-01-09", "2025-01-12"))
    got = flags(ws, "SPLIT_HOSPITALIZATION")
    # A2 is flagged against A1 (1 day after), B once although A1 and A2 both precede it.
    assert sorted(got) == ["A2", "B"]
    assert ss.run_screen(ws, ["SPLIT_HOSPITALIZATION"]).summary[0].count == 2
    assert got["B"].params["prev_setl_id"] == "A2" and got["B"].params["earlier_stays"] == "2"


def test_readmission_needs_same_person_institution_inpatient_and_earlier_begin(ws):
    add(ws, _stay("A", "2025-01-01", "2025-01-10"),
        _stay("OTHER_INST", "2025-01-12", "2025-01-14", fixmedins_code="H2"),
        _stay("OUTPAT", "2025-01-12", "2025-01-12", med_type="11"),
        _stay("SAME_BEGIN", "2025-01-01", "2025-01-03"))  # began the same day as A: not "earlier"
    assert flags(ws, "SPLIT_HOSPITALIZATION") == {}


def test_readmission_window_is_a_profile_parameter(ws):
    add(ws, _stay("A", "2025-01-01", "2025-01-10"), _stay("B", "2025-01-30", "2025-01-31"))  # 20 days
    assert flags(ws, "SPLIT_HOSPITALIZATION") == {}
    ss.set_rule_params(ws, "xinxiang-2025", {"readmission_days": 20})
    got = flags(ws, "SPLIT_HOSPITALIZATION")
    assert set(got) == {"B"} and got["B"].params["window"] == "20"


# -- DUPLICATE_SETTLEMENT ----------------------------------------------------------
def test_duplicate_settlement_after_the_first_in_settlement_order(ws):
    same = dict(begndate="2025-02-01", enddate="2025-02-03", medfee_sumamt=500_00)
    add(ws, settlement("Z", setl_time="2025-02-03 08:00:00", hifp_pay=1_00, hifob_pay=2_00, **same),
        settlement("B", setl_time="2025-02-03 09:00:00", hifp_pay=300_00, hifob_pay=50_00, **same),
        settlement("A", setl_time="2025-02-03 09:00:00", hifp_pay=10_00, hifob_pay=0, **same),  # same time: by id
        settlement("C", setl_time="2025-02-04 09:00:00", hifp_pay=7_00, **{**same, "medfee_sumamt": 500_01}))
    got = flags(ws, "DUPLICATE_SETTLEMENT")
    assert set(got) == {"A", "B"}
    assert got["A"].amount == 10_00 and got["B"].amount == 350_00
    assert got["A"].params["first_setl_id"] == "Z"
