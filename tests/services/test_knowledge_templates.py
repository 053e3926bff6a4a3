"""The nine templates of spec/rule-templates.md on hand-made cases, both sides of every boundary."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.knowledge_data import point, point_flags
from tests.support.screen_data import S, add, line, settlement
from workstation.services import knowledge_service as ks
from workstation.services import screening_service as ss


def T(day: str, clock: str = "09:00:00") -> str:
    return f"2025-03-{day} {clock}"


# -- ITEM_PAIR -------------------------------------------------------------------------
def test_item_pair_hours_window_exactly_n_hours_and_one_second_more(ws):
    add(ws, settlement("A"), settlement("B", setl_time="2025-03-06 10:00:00"),
        settlement("C", setl_time="2025-03-07 10:00:00"),
        line("A", "a1", med_list_codg="MAIN", fee_ocur_time=T("02", "08:00:00")),
        line("A", "b1", med_list_codg="SUB", fee_ocur_time=T("02", "14:00:00"), det_item_fee_sumamt=7_00),
        line("B", "a1", med_list_codg="MAIN", fee_ocur_time=T("02", "20:00:00")),
        line("B", "b1", med_list_codg="SUB", fee_ocur_time=T("02", "14:00:00")),
        line("C", "a1", med_list_codg="MAIN", fee_ocur_time=T("02", "07:59:59")),
        line("C", "b1", med_list_codg="SUB", fee_ocur_time=T("02", "14:00:00")))
    point(ws, "PAIR6", "ITEM_PAIR", item_codes="MAIN", other_codes="SUB", window="6小时", source="第二批 主从项目")
    got = point_flags(ws, "PAIR6")
    assert set(got) == {("A", "b1"), ("B", "b1")}
    f = got[("A", "b1")]
    assert f.amount == 7_00 and f.params["partner_sn"] == "a1" and f.params["involved"] == ["a1"]
    text = ss.explain(f, "zh_CN")
    assert "PAIR6" in text and "第二批" in text and "a1" in text


def test_item_pair_clock_hour_edge_and_different_settlements(ws):
    add(ws, settlement("A"), settlement("B", setl_time="2025-03-06 10:00:00"),
        line("A", "a1", med_list_codg="MAIN", fee_ocur_time=T("02", "10:59:59")),
        line("A", "b1", med_list_codg="SUB", fee_ocur_time=T("02", "11:00:00")),
        line("A", "b2", med_list_codg="SUB", fee_ocur_time=T("02", "10:00:00")),
        line("B", "b1", med_list_codg="SUB", fee_ocur_time=T("02", "10:30:00")))
    point(ws, "PAIRH", "ITEM_PAIR", item_codes="MAIN", other_codes="SUB", window="hour")
    assert set(point_flags(ws, "PAIRH")) == {("A", "b2")}


def test_item_pair_day_and_settlement_windows(ws):
    add(ws, settlement("A"),
        line("A", "a1", med_list_codg="MAIN", fee_ocur_time=T("02", "23:59:59")),
        line("A", "b1", med_list_codg="SUB", fee_ocur_time=T("03", "00:00:00")),
        line("A", "b2", med_list_codg="SUB", fee_ocur_time=T("02", "00:00:00")))
    point(ws, "PAIRD", "ITEM_PAIR", item_codes="MAIN", other_codes="SUB", window="当日")
    point(ws, "PAIRS", "ITEM_PAIR", item_codes="MAIN", other_codes="SUB", window="单次就诊")
    assert set(point_flags(ws, "PAIRD")) == {("A", "b2")}
    assert set(point_flags(ws, "PAIRS")) == {("A", "b1"), ("A", "b2")}


# -- FREQUENCY ---------------------------------------------------------------------------
def test_frequency_days_window_n_minus_one_and_n_days(ws):
    # limit 1, days:15: lines on 1 and 15 March flag the second; on 1 and 16 March none.
    add(ws, settlement("A", psn_no="P1"), settlement("B", psn_no="P1", setl_time="2025-03-20 10:00:00"),
        settlement("C", psn_no="P2", setl_time="2025-03-21 10:00:00"),
        settlement("D", psn_no="P2", setl_time="2025-03-22 10:00:00"),
        line("A", "1", med_list_codg="V", fee_ocur_time=T("01")),
        line("B", "1", med_list_codg="V", fee_ocur_time=T("15")),
        line("C", "1", med_list_codg="V", fee_ocur_time=T("01")),
        line("D", "1", med_list_codg="V", fee_ocur_time=T("16")))
    point(ws, "FREQ15", "FREQUENCY", item_codes="V", window="days:15", limit="1")
    got = point_flags(ws, "FREQ15")
    assert set(got) == {("B", "1")}
    assert got[("B", "1")].params["total"] == "2"


def test_frequency_cap_crossed_inside_one_line(ws):
    # limit 2: a line of cnt 2 that takes W from 1 to 3 is flagged for 1 of its 2 units.
    add(ws, settlement("A"),
        line("A", "1", med_list_codg="V", fee_ocur_time=T("02", "08:00:00")),
        line("A", "2", med_list_codg="V", fee_ocur_time=T("02", "09:00:00"), cnt=2 * S, pric=10_00,
             det_item_fee_sumamt=20_01))
    point(ws, "FREQD", "FREQUENCY", item_codes="V", window="day", limit="2")
    got = point_flags(ws, "FREQD")
    assert set(got) == {("A", "2")}
    assert got[("A", "2")].amount == 10_01  # 1 × 20.01 ÷ 2 = 10.005 → 10.01 (half up, once)
    assert got[("A", "2")].params["over"] == "1"


def test_frequency_hour_groups_by_clock_hour(ws):
    add(ws, settlement("A"),
        line("A", "1", med_list_codg="V", fee_ocur_time=T("02", "10:00:00")),
        line("A", "2", med_list_codg="V2", fee_ocur_time=T("02", "10:59:59")),
        line("A", "3", med_list_codg="V", fee_ocur_time=T("02", "11:00:00")))
    point(ws, "FREQH", "FREQUENCY", item_codes="V;V2", window="hour", limit="1")
    assert set(point_flags(ws, "FREQH")) == {("A", "2")}  # codes of a point count together


# -- COURSE_DAYS -------------------------------------------------------------------------
def test_course_days_the_limit_th_day_and_the_one_after(ws):
    add(ws, settlement("A"), settlement("B", setl_time="2025-03-09 10:00:00"),
        *[line("A", str(i), med_list_codg="K", fee_ocur_time=T(d)) for i, d in enumerate(("01", "02", "04", "05", "05"))],
        line("B", "1", med_list_codg="K", fee_ocur_time=T("06")))
    point(ws, "COURSE3", "COURSE_DAYS", item_codes="K", limit="3.0")
    got = point_flags(ws, "COURSE3")
    assert set(got) == {("A", "3"), ("A", "4")}  # both lines of 5 March, no line of another settlement
    assert got[("A", "3")].params["day_no"] == "4"


# -- ANNUAL_AMOUNT_CAP --------------------------------------------------------------------
def test_annual_cap_time_order_across_settlements_and_years(ws):
    # The stay settled later holds the older line: time order, not settlement order.
    add(ws, settlement("STAY", setl_time="2025-03-30 10:00:00"), settlement("VISIT", setl_time="2025-03-10 10:00:00"),
        settlement("NEXT", setl_time="2026-01-05 10:00:00"),
        line("STAY", "1", med_list_codg="M", fee_ocur_time=T("02"), det_item_fee_sumamt=60_00),
        line("VISIT", "1", med_list_codg="M", fee_ocur_time=T("09"), det_item_fee_sumamt=60_00),
        line("VISIT", "2", med_list_codg="M", fee_ocur_time=T("09", "10:00:00"), det_item_fee_sumamt=0),
        line("NEXT", "1", med_list_codg="M", fee_ocur_time="2026-01-02 09:00:00", det_item_fee_sumamt=60_00))
    point(ws, "CAP100", "ANNUAL_AMOUNT_CAP", item_codes="M", limit="100")
    got = point_flags(ws, "CAP100")
    assert set(got) == {("VISIT", "1")}
    assert got[("VISIT", "1")].amount == 20_00 and got[("VISIT", "1")].params["total"] == "120.00"


def test_effective_dates_cut_flags_not_running_totals(ws):
    add(ws, settlement("A"),
        line("A", "1", med_list_codg="M", fee_ocur_time=T("02"), det_item_fee_sumamt=80_00),
        line("A", "2", med_list_codg="M", fee_ocur_time=T("03"), det_item_fee_sumamt=80_00),
        line("A", "3", med_list_codg="M", fee_ocur_time=T("04"), det_item_fee_sumamt=80_00))
    point(ws, "CAPD", "ANNUAL_AMOUNT_CAP", item_codes="M", limit="50", effective_from="2025-03-03",
          effective_to="2025/3/3")
    got = point_flags(ws, "CAPD")
    # line 1 (outside the dates) counts in the total but is not flagged; line 3 is after effective_to
    assert set(got) == {("A", "2")} and got[("A", "2")].amount == 80_00


# -- ASSOCIATED_MISSING / ITEM_SCOPE / exclusions ---------------------------------------------
def test_associated_missing_and_exclusion_by_diagnosis(ws):
    add(ws, settlement("A", dise_codg="I10.x00"), settlement("B", setl_time="2025-03-06 10:00:00"),
        settlement("C", setl_time="2025-03-07 10:00:00", dise_codg="E11.9"),
        line("A", "1", med_list_codg="X"), line("B", "1", med_list_codg="X"), line("B", "2", med_list_codg="Y"),
        line("C", "1", med_list_codg="X"))
    point(ws, "ASSOC", "ASSOCIATED_MISSING", item_codes="X", other_codes="Y", exclude_dx="i10")
    assert set(point_flags(ws, "ASSOC")) == {("C", "1")}


def test_item_scope_limits_and_empty_values_not_judged(ws):
    add(ws, settlement("IN", med_type="2101", hosp_lv="1", dise_codg="C34.9"),
        settlement("OUT", med_type="11", hosp_lv="3", setl_time="2025-03-06 10:00:00", dise_codg="C50"),
        settlement("PH", med_type="41", hosp_lv="", setl_time="2025-03-07 10:00:00", dise_codg=""),
        line("IN", "1", med_list_codg="DRUG"), line("OUT", "1", med_list_codg="DRUG"),
        line("PH", "1", med_list_codg="DRUG"))
    point(ws, "SCOPE", "ITEM_SCOPE", item_codes="DRUG", med_class_lmt="住院；药店", hosp_lv_lmt="1",
          dise_lmt="c34")
    got = point_flags(ws, "SCOPE")
    assert set(got) == {("OUT", "1")}
    assert [x[0] for x in got[("OUT", "1")].params["failed"]] == ["med_class_lmt", "hosp_lv_lmt", "dise_lmt"]


# -- SECONDARY_DISCOUNT ---------------------------------------------------------------------
def test_secondary_discount_equal_det_main_is_first_in_line_order(ws):
    add(ws, settlement("A"),
        line("A", "2", med_list_codg="G1", pric=100_00, det_item_fee_sumamt=100_00),
        line("A", "1", med_list_codg="G2", pric=100_00, det_item_fee_sumamt=100_00),
        line("A", "3", med_list_codg="G1", pric=100_00, det_item_fee_sumamt=50_00),
        line("A", "4", med_list_codg="G1", pric=100_00, cnt=5_000, det_item_fee_sumamt=100_00))  # cnt < 1
    point(ws, "DISC", "SECONDARY_DISCOUNT", item_codes="G1,G2", limit="0.5")
    got = point_flags(ws, "DISC")
    assert set(got) == {("A", "2")}  # 1 is main (equal det, first by sn); 3 is at r × S × cnt exactly
    assert got[("A", "2")].amount == 50_00 and got[("A", "2")].params["main_sn"] == "1"


# -- OVERLAP_INPATIENT / BED_ONLY_DAYS -------------------------------------------------------
def test_overlap_inpatient_admission_and_discharge_days_are_not_flagged(ws):
    add(ws, settlement("STAY", med_type="21", begndate="2025-03-01", enddate="2025-03-10"),
        *[settlement(f"O{d}", med_type="41", begndate=f"2025-03-{d}", enddate=f"2025-03-{d}",
                     setl_time=f"2025-03-{d} 12:00:00", hifp_pay=30_00, hifob_pay=1_00) for d in ("01", "02", "10")],
        settlement("OTHER", psn_no="P9", med_type="11", begndate="2025-03-05", enddate="2025-03-05",
                   setl_time="2025-03-05 12:00:00"))
    point(ws, "OVL", "OVERLAP_INPATIENT")
    got = point_flags(ws, "OVL")
    assert set(got) == {("O02", None)} and got[("O02", None)].amount == 31_00


def test_bed_only_days_k_and_k_minus_one(ws):
    add(ws, settlement("A", begndate="2025-03-01", enddate="2025-03-05"),
        settlement("B", begndate="2025-03-01", enddate="2025-03-05", setl_time="2025-03-06 10:00:00"),
        line("A", "1", med_chrgitm_type="01", fee_ocur_time=T("01")),
        line("A", "2", med_chrgitm_type="07", fee_ocur_time=T("02")),
        line("A", "3", med_chrgitm_type="12", fee_ocur_time=T("03")),
        line("B", "1", med_chrgitm_type="01", fee_ocur_time=T("01")),
        line("B", "2", med_chrgitm_type="02", fee_ocur_time=T("02")),
        line("B", "3", med_chrgitm_type="01", fee_ocur_time=T("03")),
        line("B", "4", med_chrgitm_type="09", fee_ocur_time=T("03")))
    point(ws, "BED3", "BED_ONLY_DAYS", limit="3")
    got = point_flags(ws, "BED3")
    assert set(got) == {("A", None)} and got[("A", None)].amount == 0


# -- screen: inactive, --rule, removal ----------------------------------------------------
def test_screen_runs_active_points_and_removes_flags_of_inactive_ones(ws):
    add(ws, settlement("A"), line("A", "1", med_list_codg="X"))
    point(ws, "ASSOC", "ASSOCIATED_MISSING", item_codes="X", other_codes="Y")
    result = ss.run_screen(ws)
    assert "ASSOC" in result.rules and len(ss.list_flags(ws, rule_id="ASSOC")) == 1
    ks.set_active(ws, "ASSOC", False)
    assert len(ss.list_flags(ws, rule_id="ASSOC")) == 1  # not recomputed behind the user's back
    result = ss.run_screen(ws)
    assert "ASSOC" not in result.rules and ss.list_flags(ws, rule_id="ASSOC") == []


# -- order of import does not matter ---------------------------------------------------------
LINES = [("A", "1", "V", T("01", "08:00:00"), 1), ("A", "2", "V", T("01", "08:00:00"), 2),
         ("A", "3", "W", T("01", "08:30:00"), 1), ("B", "1", "V", T("02", "10:00:00"), 1),
         ("B", "2", "W", T("03", "10:00:00"), 3), ("B", "3", "V", T("03", "10:00:00"), 1)]


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(order=st.permutations(range(len(LINES))))
def test_flags_do_not_depend_on_the_order_rows_were_imported(tmp_path_factory, order):
    from tests.support.stores import new_store

    ws = new_store(tmp_path_factory.mktemp("perm"))
    try:
        add(ws, settlement("A"), settlement("B", setl_time="2025-03-06 10:00:00"),
            *[line(s, sn, med_list_codg=c, fee_ocur_time=t, cnt=n * S) for s, sn, c, t, n in
              (LINES[i] for i in order)])
        point(ws, "F", "FREQUENCY", item_codes="V,W", window="days:2", limit="2")
        point(ws, "C", "ANNUAL_AMOUNT_CAP", item_codes="V;W", limit="25")
        point(ws, "D", "SECONDARY_DISCOUNT", item_codes="V、W", limit="0.6")
        ss.run_screen(ws)
        got = sorted((f.rule_id, f.setl_id, f.feedetl_sn, f.amount) for f in ss.list_flags(ws)
                     if f.rule_id in ("F", "C", "D"))
        assert got == EXPECTED
    finally:
        ws.close()


# W for F (days:2, limit 2): A1 1, A2 3 (flag 1 unit), A3 4 (flag 1), B1 (2 Mar: window 1–2 Mar) 5 → flag 1,
# B2 (3 Mar: window 2–3 Mar) B1 1 + 3 = 4 → 2 over → 2 units; B3 5 → flag 1.
EXPECTED = sorted([
    ("F", "A", "2", 10_00), ("F", "A", "3", 10_00), ("F", "B", "1", 10_00), ("F", "B", "2", 20_00),
    ("F", "B", "3", 10_00),
    # C: running det per person/year in time order: A1 10, A2 30 (>25: 5), A3 40 (10), B1 50, B2 80, B3 90
    ("C", "A", "2", 5_00), ("C", "A", "3", 10_00), ("C", "B", "1", 10_00), ("C", "B", "2", 30_00),
    ("C", "B", "3", 10_00),
    # D: groups per settlement and day; A 1 Mar: main A2 (det 20); A1: 10 > 0.6×10×1=6 → 4; A3: 10 > 6 → 4.
    # B 3 Mar: main B2 (30); B3: 10 > 6 → 4.
    ("D", "A", "1", 4_00), ("D", "A", "3", 4_00), ("D", "B", "3", 4_00),
])


# -- readmission_exclude_dx (profile parameter of SPLIT_HOSPITALIZATION) ----------------------
def test_readmission_exclude_dx_skips_planned_readmissions_only_by_bs_diagnosis(ws):
    from sqlalchemy import text

    from workstation.services import profile_service

    add(ws, settlement("A1", begndate="2025-03-01", enddate="2025-03-05", dise_codg="Z51.1"),
        settlement("B1", begndate="2025-03-10", enddate="2025-03-12", setl_time="2025-03-12 10:00:00",
                   dise_codg="z51.0"),
        settlement("A2", psn_no="P2", begndate="2025-03-01", enddate="2025-03-05", dise_codg="Z51.1",
                   setl_time="2025-03-05 11:00:00"),
        settlement("B2", psn_no="P2", begndate="2025-03-10", enddate="2025-03-12", setl_time="2025-03-12 11:00:00",
                   dise_codg="C34.9"))
    ss.run_screen(ws, ["SPLIT_HOSPITALIZATION"])
    assert {f.setl_id for f in ss.list_flags(ws, rule_id="SPLIT_HOSPITALIZATION")} == {"B1", "B2"}
    pid = profile_service.active_profile_id(ws)
    after = ss.set_rule_params(ws, pid, {"readmission_exclude_dx": "Z51；Z49, Z51"})
    assert after["readmission_exclude_dx"] == "Z51;Z49"
    ss.run_screen(ws, ["SPLIT_HOSPITALIZATION"])
    assert {f.setl_id for f in ss.list_flags(ws, rule_id="SPLIT_HOSPITALIZATION")} == {"B2"}
    with ws.store.read() as s:
        assert s.execute(text("SELECT user FROM events WHERE action = 'profile.rule_params'")).scalar_one() == "admin"
