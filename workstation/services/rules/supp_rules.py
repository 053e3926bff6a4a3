"""Supplementary-fund (大额) rules: running totals per person and calendar year of
setl_time, in settlement order (setl_time, then setl_id), as SQL window sums.

A settlement without a setl_time has no calendar year and takes no part in
these three rules.
"""
from __future__ import annotations

from fractions import Fraction

from ...core.rules import RuleParams, exact_fen_text, fen_text, rate_text, round_fen, supp_expected
from . import Hit, check

RUNNING = """
    SELECT setl_id, hifp_pay, hifob_pay, inscp_scp_amt,
           sum(hifp_pay) OVER w AS cum_hifp, sum(hifob_pay) OVER w AS cum_hifob
    FROM settlements
    WHERE setl_time IS NOT NULL
    WINDOW w AS (PARTITION BY psn_no, substr(setl_time, 1, 4) ORDER BY setl_time, setl_id
                 ROWS UNBOUNDED PRECEDING)"""


@check("SUPP_BEFORE_BASIC_CAP")
def supp_before_basic_cap(cur, p: RuleParams):
    cur.execute(f"SELECT setl_id, hifob_pay, cum_hifp FROM ({RUNNING}) AS q WHERE hifob_pay > 0 AND cum_hifp < ?",
                (p.basic_cap,))
    for setl_id, hifob, cum_hifp in cur:
        yield Hit(setl_id, None, None, int(hifob), {"cum_hifp": fen_text(cum_hifp), "basic_cap": fen_text(p.basic_cap),
                                                    "hifob_pay": fen_text(hifob)})


@check("SUPP_ANNUAL_CAP_EXCEEDED")
def supp_annual_cap_exceeded(cur, p: RuleParams):
    cur.execute(f"SELECT setl_id, hifob_pay, cum_hifob FROM ({RUNNING}) AS q WHERE hifob_pay > 0 AND cum_hifob > ?",
                (p.supp_cap,))
    for setl_id, hifob, cum in cur:
        yield Hit(setl_id, None, None, min(int(hifob), int(cum) - p.supp_cap), {
            "cum_hifob": fen_text(cum), "supp_cap": fen_text(p.supp_cap), "hifob_pay": fen_text(hifob)})


@check("SUPP_RATE_MISMATCH")
def supp_rate_mismatch(cur, p: RuleParams):
    # SQL keeps the candidates (basic fund already capped before this one); the
    # exact comparison with the 1.00 yuan tolerance is done on exact fractions.
    cur.execute(f"""
        SELECT setl_id, hifob_pay, inscp_scp_amt, cum_hifob - hifob_pay FROM ({RUNNING}) AS q
        WHERE hifp_pay = 0 AND hifob_pay > 0 AND cum_hifp - hifp_pay >= ?""", (p.basic_cap,))
    for setl_id, hifob, inscp, cum_before in cur:
        expected = supp_expected(p.supp_rate, int(inscp), p.supp_cap, int(cum_before))
        diff = Fraction(int(hifob)) - expected
        if abs(diff) > 100:
            yield Hit(setl_id, None, None, round_fen(diff), {
                "hifob_pay": fen_text(hifob), "expected": exact_fen_text(expected), "rate": rate_text(p.supp_rate),
                "inscp": fen_text(inscp), "remaining": fen_text(max(p.supp_cap - int(cum_before), 0))})
