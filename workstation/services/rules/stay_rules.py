"""Settlement-level rules on stays: bed days, split hospitalization, duplicate settlement."""
from __future__ import annotations

from fractions import Fraction

from ...core.rules import CNT_SCALE, RuleParams, cnt_text, fen_text, round_fen
from ...core.knowledge import prefix_matches
from ...store.dialect import of_cursor
from . import INPATIENT_SQL, Hit, check



def _stay(d) -> str:
    return d.greatest(f"{d.day_number('s.enddate')} - {d.day_number('s.begndate')}", "1")


@check("BED_DAYS_EXCEED_STAY", scans_lines=True)
def bed_days_exceed_stay(cur, p: RuleParams):
    d = of_cursor(cur)
    cur.execute(f"""
        WITH b AS (
            SELECT setl_id, sum(cnt) AS bed_cnt, sum(det_item_fee_sumamt) AS bed_amt
            FROM fee_lines{d.not_indexed} WHERE med_chrgitm_type = '01' GROUP BY setl_id)
        SELECT setl_id, bed_cnt, bed_amt, stay FROM (
            SELECT s.setl_id, b.bed_cnt, b.bed_amt, {_stay(d)} AS stay
            FROM b {d.join_in_order} settlements s ON s.setl_id = b.setl_id
            WHERE {INPATIENT_SQL.format(t='s')}
              AND {d.day_number('s.begndate')} IS NOT NULL AND {d.day_number('s.enddate')} IS NOT NULL) AS q
        WHERE bed_cnt > stay * {CNT_SCALE}""")
    for setl_id, bed_cnt, bed_amt, stay in cur:
        amount = round_fen(Fraction((bed_cnt - stay * CNT_SCALE) * bed_amt, bed_cnt))
        yield Hit(setl_id, None, None, amount, {"bed_cnt": cnt_text(bed_cnt), "stay_days": str(stay),
                                                "bed_amount": fen_text(bed_amt)})


@check("SPLIT_HOSPITALIZATION")
def split_hospitalization(cur, p: RuleParams):
    d = of_cursor(cur)
    # B once, however many A: the explanation names the A discharged last before
    # B began (the smallest gap), then the earliest in settlement order.
    cur.execute(f"""
        WITH ip AS MATERIALIZED (
            SELECT s.setl_id, s.psn_no, s.fixmedins_code, s.begndate, s.enddate, s.setl_time, s.dise_codg,
                   {d.day_number('s.begndate')} AS b, {d.day_number('s.enddate')} AS e
            FROM settlements s
            WHERE {INPATIENT_SQL.format(t='s')} AND s.fixmedins_code IS NOT NULL
              AND {d.day_number('s.begndate')} IS NOT NULL AND {d.day_number('s.enddate')} IS NOT NULL),
        pairs AS (
            SELECT bb.setl_id AS setl_id, bb.begndate AS begndate, aa.setl_id AS prev_id, aa.enddate AS prev_end,
                   bb.dise_codg AS dx,
                   bb.b - aa.e AS gap,
                   row_number() OVER (PARTITION BY bb.setl_id
                                      ORDER BY bb.b - aa.e, aa.setl_time IS NULL, aa.setl_time, aa.setl_id) AS rn,
                   count(*) OVER (PARTITION BY bb.setl_id) AS n
            FROM ip bb JOIN ip aa
              ON aa.psn_no = bb.psn_no AND aa.fixmedins_code = bb.fixmedins_code AND aa.b < bb.b
            WHERE bb.b - aa.e BETWEEN 0 AND ?)
        SELECT setl_id, begndate, prev_id, prev_end, gap, n, dx FROM pairs WHERE rn = 1""", (p.readmission_days,))
    for setl_id, begndate, prev_id, prev_end, gap, n, dx in cur:
        if p.readmission_exclude_dx and any(prefix_matches(dx, x) for x in p.readmission_exclude_dx):
            continue  # a planned readmission (rule-templates.md: readmission_exclude_dx)
        yield Hit(setl_id, None, None, 0, {"prev_setl_id": prev_id, "prev_enddate": prev_end, "gap_days": str(gap),
                                           "begndate": begndate, "window": str(p.readmission_days),
                                           "earlier_stays": str(n)})


@check("DUPLICATE_SETTLEMENT")
def duplicate_settlement(cur, p: RuleParams):
    d = of_cursor(cur)
    # Settlement order: setl_time (a settlement without one sorts last), then setl_id.
    cur.execute("""
        SELECT setl_id, amt, first_id, medfee_sumamt FROM (
            SELECT setl_id, hifp_pay + hifob_pay AS amt, medfee_sumamt,
                   row_number() OVER w AS rn, first_value(setl_id) OVER w AS first_id
            FROM settlements
            WINDOW w AS (PARTITION BY psn_no, fixmedins_code, begndate, enddate, medfee_sumamt
                         ORDER BY setl_time IS NULL, setl_time, setl_id)) AS q
        WHERE rn > 1""")
    for setl_id, amt, first_id, medfee in cur:
        yield Hit(setl_id, None, None, int(amt), {"first_setl_id": first_id, "medfee_sumamt": fen_text(medfee)})
