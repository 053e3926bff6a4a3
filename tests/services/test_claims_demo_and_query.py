"""The demo claims step and the settlements queries, on a real encrypted store."""
from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from workstation.core.import_format import mask_certno, parse_amount, parse_cnt, parse_date
from workstation.core.money import fen_to_str
from workstation.services import claims_query as cq
from workstation.services.demo import claims as demo_claims

RULES = ("DUPLICATE_CHARGE", "PRICE_OVER_LIMIT", "GENDER_MISMATCH", "AGE_MISMATCH", "DAILY_QTY_EXCEEDED",
         "BED_DAYS_EXCEED_STAY", "SPLIT_HOSPITALIZATION", "DUPLICATE_SETTLEMENT", "SUPP_BEFORE_BASIC_CAP",
         "SUPP_ANNUAL_CAP_EXCEEDED", "SUPP_RATE_MISMATCH")


@pytest.fixture
def demo_ws(ws):
    counts = demo_claims.build(ws, random.Random("2025:claims"), "small")
    ws.demo_counts = counts
    return ws


def rows(ws, sql: str, **params):
    with ws.store.read() as s:
        return [tuple(r) for r in s.execute(text(sql), params)]


def test_small_demo_is_realistic_and_plants_every_rule(demo_ws):
    c = demo_ws.demo_counts
    assert 1_900 <= c["settlements"] <= 2_200 and 25_000 <= c["fee_lines"] <= 45_000
    assert 200 <= c["catalog_items"] <= 400 and c["institutions"] >= 12
    for rule in RULES:
        assert c.get(f"planted_{rule}", 0) >= 1, rule
    # ID numbers: 18 characters, valid check digit, birth date inside, sex digit matching gend
    for certno, brdy, gend in rows(demo_ws, "SELECT DISTINCT certno, brdy, gend FROM settlements"):
        assert len(certno) == 18 and demo_claims.id_check_digit(certno[:17]) == certno[17]
        assert certno[6:14] == brdy.replace("-", "")
        assert int(certno[16]) % 2 == (1 if gend == "1" else 0)
    # the money adds up in every settlement and its lines
    bad = rows(demo_ws, "SELECT s.setl_id FROM settlements s JOIN (SELECT setl_id, sum(det_item_fee_sumamt) t "
                        "FROM fee_lines GROUP BY setl_id) l ON l.setl_id = s.setl_id WHERE l.t != s.medfee_sumamt "
                        "OR s.hifp_pay + s.hifob_pay + s.cvlserv_pay + s.acct_pay + s.psn_cash_pay != s.medfee_sumamt "
                        "OR s.psn_cash_pay < 0")
    assert bad == []
    kinds = {r[0] for r in rows(demo_ws, "SELECT med_type FROM settlements")}
    assert {"11", "14", "21", "41"} <= kinds
    assert rows(demo_ws, "SELECT count(*) FROM settlements WHERE setl_type = '2'")[0][0] > 0
    assert rows(demo_ws, "SELECT count(*) FROM settlements WHERE offsite_flag = '2'")[0][0] > 0
    # the supplementary layer: most payments come after the basic cap was reached
    assert rows(demo_ws, "SELECT count(*) FROM settlements WHERE hifob_pay > 0")[0][0] >= 10


def test_demo_is_deterministic(ws, tmp_path):
    from tests.support.stores import new_store

    other = new_store(tmp_path / "b")
    try:
        a = demo_claims.build(ws, random.Random("7:claims"), "small")
        b = demo_claims.build(other, random.Random("7:claims"), "small")
        assert a == b
        q = "SELECT setl_id, row_digest FROM settlements ORDER BY setl_id LIMIT 300"
        assert rows(ws, q) == rows(other, q)
        q = "SELECT setl_id, feedetl_sn, row_digest FROM fee_lines ORDER BY id DESC LIMIT 300"
        assert rows(ws, q) == rows(other, q)
    finally:
        other.close()


def test_filters_match_a_plain_python_filter(demo_ws):
    every = rows(demo_ws, "SELECT rowid, fixmedins_code, med_type, setl_type, offsite_flag, setl_time, medfee_sumamt "
                          "FROM settlements ORDER BY setl_time, setl_id")
    assert list(cq.settlement_rowids(demo_ws)) == [r[0] for r in every]
    inst = every[0][1]
    cases = [
        (cq.SettlementFilter(institution=inst), lambda r: r[1] == inst),
        (cq.SettlementFilter(med_type="21"), lambda r: r[2] == "21" or (len(r[2]) == 4 and r[2].startswith("21"))),
        (cq.SettlementFilter(setl_type="2"), lambda r: r[3] == "2"),
        (cq.SettlementFilter(offsite_flag="2"), lambda r: r[4] == "2"),
        (cq.SettlementFilter(date_from="2025-03-01", date_to="2025-03-31"), lambda r: r[5][:10] >= "2025-03-01"
         and r[5][:10] <= "2025-03-31"),
        (cq.SettlementFilter(amount_min=100_000, amount_max=500_000), lambda r: 100_000 <= r[6] <= 500_000),
        (cq.SettlementFilter(med_type="21", offsite_flag="0", amount_min=300_000),
         lambda r: (r[2] == "21" or r[2].startswith("21")) and r[4] == "0" and r[6] >= 300_000),
    ]
    for flt, keep in cases:
        expected = [r[0] for r in every if keep(r)]
        assert expected, flt
        assert list(cq.settlement_rowids(demo_ws, flt)) == expected, flt
        assert cq.count_settlements(demo_ws, flt) == len(expected)


def test_page_keeps_order_and_masks_id_numbers(demo_ws):
    ids = list(cq.settlement_rowids(demo_ws))[100:300]
    page = cq.settlement_page(demo_ws, list(reversed(ids)))
    assert [p.rowid for p in page] == list(reversed(ids))
    for p in page:
        assert len(p.certno_masked) == 18 and p.certno_masked[6:14] == "********"


def test_settlement_detail_with_lines_and_flags(demo_ws):
    setl_id, n = rows(demo_ws, "SELECT setl_id, count(*) c FROM fee_lines GROUP BY setl_id ORDER BY c DESC LIMIT 1")[0]
    line_id = rows(demo_ws, "SELECT id, feedetl_sn FROM fee_lines WHERE setl_id = :s ORDER BY feedetl_sn LIMIT 1",
                   s=setl_id)[0][0]
    with demo_ws.store.session() as s:
        s.execute(text("INSERT INTO flags (rule_id, setl_id, fee_line_id, feedetl_sn, amount, params) VALUES "
                       "('PRICE_OVER_LIMIT', :s, :l, '00001', 150, '{\"pric\": \"1.00\"}'), "
                       "('BED_DAYS_EXCEED_STAY', :s, NULL, NULL, 3500, '{}')"), {"s": setl_id, "l": line_id})
    d = cq.settlement_detail(demo_ws, setl_id)
    assert len(d.lines) == n and [ln.feedetl_sn for ln in d.lines] == sorted(ln.feedetl_sn for ln in d.lines)
    assert d.lines[0].flags[0].rule_id == "PRICE_OVER_LIMIT" and d.lines[0].flags[0].params == {"pric": "1.00"}
    assert [f.rule_id for f in d.flags] == ["BED_DAYS_EXCEED_STAY"]
    raw = rows(demo_ws, "SELECT certno, begndate, enddate FROM settlements WHERE setl_id = :s", s=setl_id)[0]
    assert d.certno_masked == raw[0][:6] + "********" + raw[0][-4:] and raw[0] not in repr(d)
    assert d.stay_days == max((dt.date.fromisoformat(raw[2]) - dt.date.fromisoformat(raw[1])).days, 1)
    assert cq.settlement_detail(demo_ws, "NO-SUCH") is None


# -- laws of the value parsers ------------------------------------------------------------------
@given(st.integers(min_value=-10**13, max_value=10**13))
def test_amount_text_round_trips_exactly(fen):
    assert parse_amount(fen_to_str(fen)) == fen


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=9999))
def test_quantity_text_round_trips_exactly(whole, frac):
    assert parse_cnt(f"{whole}.{frac:04d}") == whole * 10_000 + frac


@settings(max_examples=200)
@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_every_date_form_gives_the_same_day(day):
    forms = {day.isoformat(), f"{day.year}/{day.month}/{day.day}", day.strftime("%Y%m%d")}
    assert {parse_date(f) for f in forms} == {day.isoformat()}


@given(st.text(alphabet="0123456789X", min_size=0, max_size=30))
def test_masked_id_never_shows_the_middle(certno):
    masked = mask_certno(certno)
    assert len(masked) == len(certno)
    if len(certno) > 10:
        assert masked[:6] == certno[:6] and masked[-4:] == certno[-4:] and set(masked[6:-4]) == {"*"}
    else:
        assert set(masked) <= {"*"}
