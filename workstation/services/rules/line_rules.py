"""Fee-line rules: duplicate charge, price over limit, gender, age, daily quantity.

Each is one pass over fee_lines in SQL. Catalog rules keep to the lines whose
code is in the relevant part of the catalog (``med_list_codg IN (…)``), so a
line whose code is not in the catalog is never flagged by them.
"""
from __future__ import annotations

from fractions import Fraction

from ...core.rules import CNT_SCALE, RuleParams, cnt_text, fen_text, round_fen
from ...store.dialect import of_cursor
from . import Hit, check


@check("DUPLICATE_CHARGE", scans_lines=True)
def duplicate_charge(cur, p: RuleParams):
    d = of_cursor(cur)
    # NOT INDEXED: a sequential scan and one sort beat walking the (setl_id, sn)
    # index with a table lookup per line, which the planner would otherwise pick.
    # Groups of identical lines first (a sort of the keys only), then the few
    # lines of those groups through the (setl_id, feedetl_sn) index. A missing
    # value is "the same" as another missing value (NULLs group together).
    cur.execute(f"""
        WITH g AS (
            SELECT setl_id, med_list_codg AS c, fee_ocur_time AS t, cnt AS n, pric AS p,
                   min(feedetl_sn) AS first_sn
            FROM fee_lines{d.not_indexed}
            GROUP BY setl_id, med_list_codg, fee_ocur_time, cnt, pric
            HAVING count(*) > 1)
        SELECT f.setl_id, f.id, f.feedetl_sn, f.det_item_fee_sumamt, g.first_sn, g.c, g.t, g.n, g.p
        FROM g {d.join_in_order} {d.main}.fee_lines f
          ON f.setl_id = g.setl_id AND {d.same("f.med_list_codg", "g.c")} AND {d.same("f.fee_ocur_time", "g.t")}
             AND f.cnt = g.n AND f.pric = g.p
        WHERE f.feedetl_sn > g.first_sn""")
    for setl_id, line_id, sn, amt, first_sn, codg, time, cnt, pric in cur:
        yield Hit(setl_id, line_id, sn, int(amt), {
            "first_sn": first_sn, "codg": codg or "", "time": time or "", "cnt": cnt_text(cnt),
            "pric": fen_text(pric)})


@check("PRICE_OVER_LIMIT", scans_lines=True)
def price_over_limit(cur, p: RuleParams):
    # The line's own cap wins; a line without one takes the catalog's (LEFT JOIN:
    # a line with its own cap is checked even when its code is not in the catalog).
    cur.execute("""
        SELECT f.setl_id, f.id, f.feedetl_sn, f.pric, f.cnt, f.pric_uplmt_amt, c.pric_uplmt_amt
        FROM fee_lines f LEFT JOIN catalog_items c ON c.med_list_codg = f.med_list_codg
        WHERE f.pric > coalesce(f.pric_uplmt_amt, c.pric_uplmt_amt)""")
    for setl_id, line_id, sn, pric, cnt, own_cap, cat_cap in cur:
        cap = own_cap if own_cap is not None else cat_cap
        amount = round_fen(Fraction((pric - cap) * cnt, CNT_SCALE))
        yield Hit(setl_id, line_id, sn, amount, {
            "pric": fen_text(pric), "cap": fen_text(cap), "cap_source": "line" if own_cap is not None else "catalog",
            "cnt": cnt_text(cnt)})


@check("GENDER_MISMATCH", scans_lines=True)
def gender_mismatch(cur, p: RuleParams):
    d = of_cursor(cur)
    # A settlement without a recorded sex cannot be said to differ: not flagged.
    cur.execute(f"""
        SELECT f.setl_id, f.id, f.feedetl_sn, f.det_item_fee_sumamt, c.gend_lmt, s.gend
        FROM fee_lines f
          {d.join_in_order} catalog_items c ON c.med_list_codg = f.med_list_codg
          {d.join_in_order} settlements s ON s.setl_id = f.setl_id
        WHERE f.med_list_codg IN (SELECT med_list_codg FROM catalog_items
                                  WHERE gend_lmt IS NOT NULL AND gend_lmt <> '')
          AND s.gend IN ('1', '2') AND s.gend <> c.gend_lmt""")
    for setl_id, line_id, sn, amt, gend_lmt, gend in cur:
        yield Hit(setl_id, line_id, sn, int(amt), {"gend_lmt": gend_lmt, "gend": gend})


AGE_SQL = ("(CAST(substr(f.fee_ocur_time, 1, 4) AS INTEGER) - CAST(substr(s.brdy, 1, 4) AS INTEGER)"
           " - CAST(substr(f.fee_ocur_time, 6, 5) < substr(s.brdy, 6, 5) AS INTEGER))")


@check("AGE_MISMATCH", scans_lines=True)
def age_mismatch(cur, p: RuleParams):
    d = of_cursor(cur)
    cur.execute(f"""
        SELECT setl_id, id, feedetl_sn, amt, age, age_min, age_max FROM (
            SELECT f.setl_id, f.id, f.feedetl_sn, f.det_item_fee_sumamt AS amt, {AGE_SQL} AS age,
                   c.age_min, c.age_max
            FROM fee_lines f
              {d.join_in_order} catalog_items c ON c.med_list_codg = f.med_list_codg
              {d.join_in_order} settlements s ON s.setl_id = f.setl_id
            WHERE f.med_list_codg IN (SELECT med_list_codg FROM catalog_items
                                      WHERE age_min IS NOT NULL OR age_max IS NOT NULL)
              AND s.brdy IS NOT NULL AND s.brdy <> '' AND f.fee_ocur_time IS NOT NULL) AS q
        WHERE age < age_min OR age > age_max""")
    for setl_id, line_id, sn, amt, age, age_min, age_max in cur:
        yield Hit(setl_id, line_id, sn, int(amt), {
            "age": str(age), "age_min": "" if age_min is None else str(age_min),
            "age_max": "" if age_max is None else str(age_max)})


@check("DAILY_QTY_EXCEEDED", scans_lines=True)
def daily_qty_exceeded(cur, p: RuleParams):
    d = of_cursor(cur)
    # Per settlement, code and day: totals over the catalog's daily maximum
    # (kept by HAVING, so only those groups leave the sort); then every line of
    # those groups through the (setl_id, sn) index, the amount on the last one.
    cur.execute(f"""
        WITH over AS (
            SELECT f.setl_id, f.med_list_codg AS c, substr(f.fee_ocur_time, 1, 10) AS day,
                   sum(f.cnt) AS total, sum(f.det_item_fee_sumamt) AS amt, max(f.feedetl_sn) AS last_sn,
                   max(ci.max_daily_cnt) AS mx
            FROM fee_lines f{d.not_indexed} {d.join_in_order} catalog_items ci ON ci.med_list_codg = f.med_list_codg
            WHERE ci.max_daily_cnt IS NOT NULL AND f.fee_ocur_time IS NOT NULL
            GROUP BY f.setl_id, f.med_list_codg, substr(f.fee_ocur_time, 1, 10)
            HAVING sum(f.cnt) > max(ci.max_daily_cnt))
        SELECT f.setl_id, f.id, f.feedetl_sn, over.day, over.c, over.total, over.mx, over.amt, over.last_sn
        FROM over {d.join_in_order} {d.main}.fee_lines f
          ON f.setl_id = over.setl_id AND f.med_list_codg = over.c AND substr(f.fee_ocur_time, 1, 10) = over.day""")
    for setl_id, line_id, sn, day, codg, total, mx, amt, last_sn in cur:
        amount = round_fen(Fraction((total - mx) * amt, total)) if sn == last_sn else 0
        yield Hit(setl_id, line_id, sn, amount, {
            "day": day, "codg": codg, "total_cnt": cnt_text(total), "max_daily_cnt": cnt_text(mx),
            "day_amount": fen_text(amt), "last_sn": last_sn})
