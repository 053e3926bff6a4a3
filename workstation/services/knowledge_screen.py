"""The nine templates of spec/rule-templates.md as set-based SQL.

Points are data joined to the lines, never a loop of queries over points:
1. the selected points go into a temporary table (``kn_sel``) and their codes
   into another (``kn_codes``: code, rule_id, role A/B, template);
2. ONE pass over fee_lines joins each line to the codes it matches and keeps
   the matched lines, once per (point, role), in ``kn_lines`` with the values
   the templates need (time as text, epoch seconds, day number, cnt, det, the
   settlement's psn_no and diagnosis);
3. one query per template over ``kn_lines`` (window functions for running
   totals, day ranks, groups) returns the candidate flags; Python adds exact
   amounts (``Fraction``, rounded once), the explanation's numbers, and keeps a
   flag only when its judged day is within the point's dates and its
   settlement's diagnosis matches none of exclude_dx (they select flags, not data).

SQL is standard (CTEs, window functions, CASE, substr, length, lower, trim) and
runs through SQLAlchemy ``text`` on the screen's connection. The dialect
differences — epoch seconds and day numbers of a time text, and sorting text by
code point — live in ``dialect_exprs`` only.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Callable, Iterable, Iterator

from sqlalchemy import bindparam, text
from sqlalchemy.engine import Connection

from ..core import knowledge as kn
from ..core.rules import CNT_SCALE, cnt_text, fen_text, round_fen
from .rules import Hit

TEMP_TABLES = ("kn_lines", "kn_codes", "kn_sel")
# one letter per line template in kn_lines (narrower than the template id on millions of rows)
TP = {kn.ITEM_SCOPE: "S", kn.ITEM_PAIR: "P", kn.FREQUENCY: "F", kn.COURSE_DAYS: "C", kn.ANNUAL_AMOUNT_CAP: "Y",
      kn.ASSOCIATED_MISSING: "M", kn.SECONDARY_DISCOUNT: "D"}
INPATIENT = "({t}.med_type = '21' OR (length({t}.med_type) = 4 AND substr({t}.med_type, 1, 2) = '21'))"
TIME_ORDER = "l.t, l.setl_id, {sn}"


@dataclass(frozen=True)
class Dialect:
    name: str
    sn_order: str  # SQL: l.sn sorted by code point

    def epoch_seconds(self, t: str) -> str:
        """SQL: seconds since 1970 of a time text 'YYYY-MM-DD HH:MM:SS'."""
        if self.name == "postgresql":
            return f"CAST(EXTRACT(EPOCH FROM CAST({t} AS timestamp)) AS BIGINT)"
        return f"CAST(strftime('%s', {t}) AS INTEGER)"

    def day_number(self, t: str) -> str:
        """SQL: whole days since an epoch of the date of a time text."""
        if self.name == "postgresql":
            return f"(CAST(substr({t}, 1, 10) AS date) - DATE '1970-01-01')"
        return f"CAST(julianday(substr({t}, 1, 10)) AS INTEGER)"


def dialect_exprs(name: str) -> Dialect:
    """The only dialect difference of the templates: time arithmetic and text order."""
    return Dialect(name, 'l.sn COLLATE "C"' if name == "postgresql" else "l.sn")


# -- preparing ---------------------------------------------------------------------------
def _drop(conn: Connection) -> None:
    for name in TEMP_TABLES:
        conn.execute(text(f"DROP TABLE IF EXISTS {name}"))


def _prepare(conn: Connection, points: list[kn.Point], d: Dialect) -> None:
    _drop(conn)
    conn.execute(text("CREATE TEMPORARY TABLE kn_sel (rule_id VARCHAR(40) PRIMARY KEY)"))
    conn.execute(text("INSERT INTO kn_sel (rule_id) VALUES (:r)"), [{"r": p.rule_id} for p in points])
    conn.execute(text("CREATE TEMPORARY TABLE kn_codes (code VARCHAR(255) NOT NULL, rule_id VARCHAR(40) NOT NULL, "
                      "role VARCHAR(1) NOT NULL, tp VARCHAR(1) NOT NULL, PRIMARY KEY (code, rule_id, role))"))
    rows = []
    for p in points:
        rows += [{"c": c, "r": p.rule_id, "o": "A", "t": TP[p.template]} for c in p.item_codes]
        rows += [{"c": c, "r": p.rule_id, "o": "B", "t": TP[p.template]} for c in p.other_codes]
    if rows:
        conn.execute(text("INSERT INTO kn_codes (code, rule_id, role, tp) VALUES (:c, :r, :o, :t)"), rows)
    # One pass over the fee lines: each line probes the (small) code table by its code.
    # Narrow on purpose (it may hold millions of rows): the day and hour are substr of t,
    # epoch seconds, day numbers and the settlement's person are computed by the few
    # templates that need them, on their own rows.
    conn.execute(text("""
        CREATE TEMPORARY TABLE kn_lines AS
        SELECT c.rule_id AS rule_id, c.role AS role, c.tp AS tp, f.id AS line_id,
               f.setl_id AS setl_id, f.feedetl_sn AS sn, f.fee_ocur_time AS t,
               f.cnt AS cnt, f.pric AS pric, f.det_item_fee_sumamt AS det, f.pric_uplmt_amt AS cap
        FROM fee_lines f
          JOIN kn_codes c ON c.code = f.med_list_codg
        WHERE f.fee_ocur_time IS NOT NULL"""))
    conn.execute(text("CREATE INDEX kn_lines_rule_setl ON kn_lines (rule_id, setl_id, role)"))


# -- templates ---------------------------------------------------------------------------
def _base(p: kn.Point) -> dict[str, str]:
    return {"rule_id": p.rule_id, "template": p.template, "name": p.rule_name, "source": p.source}


def _item_scope(conn, pts, d):
    cls = ("CASE WHEN " + INPATIENT.format(t="s") + " THEN 'inpatient' WHEN s.med_type = '41' THEN 'pharmacy' "
           "ELSE 'outpatient' END")

    def limit(kind: str, value: str, match: str | None = None) -> str:
        match = match or f"v.value = {value}"
        return (f"(coalesce({value}, '') <> '' "
                f"AND EXISTS (SELECT 1 FROM knowledge_terms v WHERE v.rule_id = l.rule_id AND v.kind = '{kind}') "
                f"AND NOT EXISTS (SELECT 1 FROM knowledge_terms v WHERE v.rule_id = l.rule_id AND v.kind = '{kind}' "
                f"AND {match}))")

    dx = "lower(trim(s.dise_codg))"
    sql = f"""
        SELECT l.rule_id, l.line_id, l.setl_id, l.sn, l.det, substr(l.t, 1, 10), s.dise_codg, s.med_type,
               s.hosp_lv, s.insutype
        FROM kn_lines l JOIN settlements s ON s.setl_id = l.setl_id
        WHERE l.tp = 'S' AND (
            {limit('class', cls)} OR {limit('hosp_lv', 's.hosp_lv')} OR {limit('insutype', 's.insutype')}
            OR {limit('dise', 'trim(s.dise_codg)', f"substr({dx}, 1, length(v.value)) = v.value")})"""
    for rid, line_id, setl_id, sn, det, day, dx_, med_type, hosp_lv, insutype in conn.execute(text(sql)):
        p = pts[rid]
        failed = []
        c = kn.settlement_class(med_type)
        if p.med_class_lmt and med_type and c not in p.med_class_lmt:
            failed.append(["med_class_lmt", c, ",".join(p.med_class_lmt)])
        if p.hosp_lv_lmt and hosp_lv and hosp_lv not in p.hosp_lv_lmt:
            failed.append(["hosp_lv_lmt", hosp_lv, ",".join(p.hosp_lv_lmt)])
        if p.insutype_lmt and insutype and insutype not in p.insutype_lmt:
            failed.append(["insutype_lmt", insutype, ",".join(p.insutype_lmt)])
        if p.dise_lmt and (dx_ or "").strip() and not any(kn.prefix_matches(dx_, x) for x in p.dise_lmt):
            failed.append(["dise_lmt", dx_.strip(), ",".join(p.dise_lmt)])
        yield rid, day, dx_, Hit(setl_id, line_id, sn, int(det), {**_base(p), "failed": failed})


def _item_pair(conn, pts, d):
    sql = """
        SELECT b.rule_id, b.line_id, b.setl_id, b.sn, b.det, substr(b.t, 1, 10), NULL, b.t, {bts}, a.sn, a.t,
               {ats}
        FROM kn_lines b
          JOIN knowledge_points p ON p.rule_id = b.rule_id
          JOIN kn_lines a ON a.rule_id = b.rule_id AND a.setl_id = b.setl_id AND a.role = 'A'
                          AND a.line_id <> b.line_id
        WHERE b.tp = 'P' AND b.role = 'B' AND (
            p.window_kind = 'settlement'
            OR (p.window_kind = 'day' AND substr(a.t, 1, 10) = substr(b.t, 1, 10))
            OR (p.window_kind = 'hour' AND substr(a.t, 1, 13) = substr(b.t, 1, 13))
            OR (p.window_kind = 'hours' AND {ats} - {bts} <= p.window_n * 3600
                AND {bts} - {ats} <= p.window_n * 3600))""".format(ats=d.epoch_seconds("a.t"), bts=d.epoch_seconds("b.t"))
    best: dict[tuple[str, int], tuple] = {}
    partners: dict[tuple[str, int], int] = defaultdict(int)
    for row in conn.execute(text(sql)):
        rid, line_id = row[0], row[1]
        key = (rid, line_id)
        partners[key] += 1
        rank = (abs(row[11] - row[8]), row[9])
        if key not in best or rank < best[key][0]:
            best[key] = (rank, row)
    for key, (_rank, row) in best.items():
        rid, line_id, setl_id, sn, det, day, dx, t, _ts, a_sn, a_t, _ats = row
        p = pts[rid]
        yield rid, day, dx, Hit(setl_id, line_id, sn, int(det), {
            **_base(p), "window": p.window, "time": t, "partner_sn": a_sn, "partner_time": a_t,
            "partners": str(partners[key]), "involved": [a_sn]})


def _frequency(conn, pts, d):
    order = TIME_ORDER.format(sn=d.sn_order)
    sql = f"""
        SELECT rule_id, line_id, setl_id, sn, cnt, det, day, dx, w, n, limit_scaled FROM (
            SELECT l.rule_id, l.line_id, l.setl_id, l.sn, l.cnt, l.det, substr(l.t, 1, 10) AS day, NULL AS dx,
                   p.limit_scaled, sum(l.cnt) OVER w AS w, count(*) OVER w AS n
            FROM kn_lines l JOIN knowledge_points p ON p.rule_id = l.rule_id
            WHERE l.tp = 'F' AND p.window_kind IN ('hour', 'day')
            WINDOW w AS (PARTITION BY l.rule_id, l.setl_id,
                                      substr(l.t, 1, CASE WHEN p.window_kind = 'hour' THEN 13 ELSE 10 END)
                         ORDER BY {order} ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)) x
        WHERE cnt > 0 AND w > limit_scaled"""
    rows = list(conn.execute(text(sql)))
    spans = sorted({p.window_n for p in pts.values() if p.template == kn.FREQUENCY and p.window_kind == "days"})
    for n in spans:
        # RANGE offsets must be constants: one query per distinct N (a handful), never per point.
        rows += list(conn.execute(text(f"""
            WITH g AS (
                SELECT l.rule_id, l.line_id, l.setl_id, l.sn, l.t, l.cnt, l.det, p.limit_scaled, s.psn_no,
                       {d.day_number("l.t")} AS dn
                FROM kn_lines l JOIN knowledge_points p ON p.rule_id = l.rule_id
                  JOIN settlements s ON s.setl_id = l.setl_id
                WHERE l.tp = 'F' AND p.window_kind = 'days' AND p.window_n = :n)
            SELECT rule_id, line_id, setl_id, sn, cnt, det, day, dx, rs - dt + dr AS w, k, limit_scaled FROM (
                SELECT l.rule_id, l.line_id, l.setl_id, l.sn, l.cnt, l.det, substr(l.t, 1, 10) AS day, NULL AS dx,
                       l.limit_scaled,
                       sum(l.cnt) OVER (PARTITION BY l.rule_id, l.psn_no ORDER BY l.dn
                                        RANGE BETWEEN {int(n) - 1} PRECEDING AND CURRENT ROW) AS rs,
                       count(*) OVER (PARTITION BY l.rule_id, l.psn_no ORDER BY l.dn
                                      RANGE BETWEEN {int(n) - 1} PRECEDING AND CURRENT ROW) AS k,
                       sum(l.cnt) OVER (PARTITION BY l.rule_id, l.psn_no, l.dn) AS dt,
                       sum(l.cnt) OVER (PARTITION BY l.rule_id, l.psn_no, l.dn ORDER BY {order}
                                        ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS dr
                FROM g l) x
            WHERE cnt > 0 AND rs - dt + dr > limit_scaled"""), {"n": n}))
    for rid, line_id, setl_id, sn, cnt, det, day, dx, w, _k, lim in rows:
        p = pts[rid]
        w = int(w)  # PostgreSQL sums bigints as numeric
        units = min(cnt, w - lim)
        amount = round_fen(Fraction(units * det, cnt))
        yield rid, day, dx, Hit(setl_id, line_id, sn, amount, {
            **_base(p), "window": p.window, "day": day, "total": cnt_text(w), "limit": cnt_text(lim),
            "cnt": cnt_text(cnt), "over": cnt_text(units)})


def _course_days(conn, pts, d):
    sql = """
        SELECT rule_id, line_id, setl_id, sn, det, day, dx, k, first_day, limit_scaled FROM (
            SELECT l.rule_id, l.line_id, l.setl_id, l.sn, l.det, substr(l.t, 1, 10) AS day, NULL AS dx,
                   p.limit_scaled,
                   dense_rank() OVER (PARTITION BY l.rule_id, l.setl_id ORDER BY substr(l.t, 1, 10)) AS k,
                   min(substr(l.t, 1, 10)) OVER (PARTITION BY l.rule_id, l.setl_id) AS first_day
            FROM kn_lines l JOIN knowledge_points p ON p.rule_id = l.rule_id
            WHERE l.tp = 'C') x
        WHERE k > limit_scaled"""
    for rid, line_id, setl_id, sn, det, day, dx, k, first_day, lim in conn.execute(text(sql)):
        p = pts[rid]
        yield rid, day, dx, Hit(setl_id, line_id, sn, int(det), {
            **_base(p), "day": day, "day_no": str(k), "limit": str(lim), "first_day": first_day})


def _annual_cap(conn, pts, d):
    order = TIME_ORDER.format(sn=d.sn_order)
    sql = f"""
        SELECT rule_id, line_id, setl_id, sn, det, day, dx, c, limit_scaled FROM (
            SELECT l.rule_id, l.line_id, l.setl_id, l.sn, l.det, substr(l.t, 1, 10) AS day, NULL AS dx,
                   p.limit_scaled,
                   sum(l.det) OVER (PARTITION BY l.rule_id, s.psn_no, substr(l.t, 1, 4) ORDER BY {order}
                                    ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS c
            FROM kn_lines l JOIN knowledge_points p ON p.rule_id = l.rule_id
              JOIN settlements s ON s.setl_id = l.setl_id
            WHERE l.tp = 'Y') x
        WHERE det > 0 AND c > limit_scaled"""
    for rid, line_id, setl_id, sn, det, day, dx, c, lim in conn.execute(text(sql)):
        p = pts[rid]
        c = int(c)  # PostgreSQL sums bigints as numeric
        yield rid, day, dx, Hit(setl_id, line_id, sn, min(det, c - lim), {
            **_base(p), "year": day[:4], "total": fen_text(c), "limit": fen_text(lim), "det": fen_text(det)})


def _associated_missing(conn, pts, d):
    sql = """
        SELECT x.rule_id, x.line_id, x.setl_id, x.sn, x.det, substr(x.t, 1, 10), NULL FROM kn_lines x
        WHERE x.tp = 'M' AND x.role = 'A'
          AND NOT EXISTS (SELECT 1 FROM kn_lines y WHERE y.rule_id = x.rule_id AND y.setl_id = x.setl_id
                                                    AND y.role = 'B')"""
    for rid, line_id, setl_id, sn, det, day, dx in conn.execute(text(sql)):
        p = pts[rid]
        yield rid, day, dx, Hit(setl_id, line_id, sn, int(det), {
            **_base(p), "other_codes": ",".join(p.other_codes)})


def _secondary_discount(conn, pts, d):
    order = f"l.det DESC, {d.sn_order}"
    sql = f"""
        SELECT rule_id, line_id, setl_id, sn, cnt, pric, cap, det, day, dx, main_sn, main_det, limit_scaled FROM (
            SELECT l.rule_id, l.line_id, l.setl_id, l.sn, l.cnt, l.pric, l.cap, l.det, substr(l.t, 1, 10) AS day,
                   NULL AS dx, p.limit_scaled,
                   row_number() OVER g AS rn, count(*) OVER (PARTITION BY l.rule_id, l.setl_id, substr(l.t, 1, 10)) AS n,
                   first_value(l.sn) OVER g AS main_sn, first_value(l.det) OVER g AS main_det
            FROM kn_lines l JOIN knowledge_points p ON p.rule_id = l.rule_id
            WHERE l.tp = 'D'
            WINDOW g AS (PARTITION BY l.rule_id, l.setl_id, substr(l.t, 1, 10) ORDER BY {order}
                         ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)) x
        WHERE n >= 2 AND rn > 1 AND cnt >= {CNT_SCALE}"""
    for rid, line_id, setl_id, sn, cnt, pric, cap, det, day, dx, main_sn, main_det, lim in conn.execute(text(sql)):
        p = pts[rid]
        s_price = cap if cap is not None else pric
        allowed = Fraction(lim * s_price * cnt, kn.RATE_SCALE * CNT_SCALE)  # r × S × cnt, in fen
        if det <= allowed:
            continue
        yield rid, day, dx, Hit(setl_id, line_id, sn, round_fen(det - allowed), {
            **_base(p), "main_sn": main_sn, "main_det": fen_text(main_det), "rate": p.limit_text(),
            "price": fen_text(s_price), "price_source": "cap" if cap is not None else "pric", "cnt": cnt_text(cnt),
            "allowed": fen_text(round_fen(allowed)), "det": fen_text(det), "involved": [main_sn]})


def _overlap_inpatient(conn, pts, d):
    sql = f"""
        SELECT o.setl_id, o.begndate, o.dise_codg, o.hifp_pay + o.hifob_pay, i.setl_id, i.begndate, i.enddate
        FROM settlements o JOIN settlements i ON i.psn_no = o.psn_no
        WHERE NOT {INPATIENT.format(t='o')} AND {INPATIENT.format(t='i')}
          AND i.begndate < o.begndate AND o.begndate < i.enddate"""
    found: dict[str, list] = {}
    for setl_id, begn, dx, amount, i_id, i_beg, i_end in conn.execute(text(sql)):
        cur = found.get(setl_id)
        if cur is None:
            found[setl_id] = [begn, dx, amount, (i_beg, i_id, i_end), 1]
        else:
            cur[4] += 1
            cur[3] = min(cur[3], (i_beg, i_id, i_end))
    for p in pts.values():
        if p.template != kn.OVERLAP_INPATIENT:
            continue
        for setl_id, (begn, dx, amount, (i_beg, i_id, i_end), n) in found.items():
            yield p.rule_id, begn, dx, Hit(setl_id, None, None, int(amount), {
                **_base(p), "begndate": begn, "stay_setl_id": i_id, "stay_begndate": i_beg,
                "stay_enddate": i_end, "stays": str(n)})


def _bed_only_days(conn, pts, d):
    ks = [p.limit_scaled for p in pts.values() if p.template == kn.BED_ONLY_DAYS]
    types = ", ".join(f"'{t}'" for t in kn.BED_ONLY_TYPES)
    sql = f"""
        SELECT s.setl_id, s.begndate, s.dise_codg, count(*), min(b.day), max(b.day) FROM (
            SELECT f.setl_id AS setl_id, substr(f.fee_ocur_time, 1, 10) AS day
            FROM fee_lines f
            WHERE f.fee_ocur_time IS NOT NULL
              AND f.setl_id IN (SELECT s2.setl_id FROM settlements s2 WHERE {INPATIENT.format(t='s2')})
            GROUP BY f.setl_id, substr(f.fee_ocur_time, 1, 10)
            HAVING sum(CASE WHEN f.med_chrgitm_type IN ({types}) THEN 0 ELSE 1 END) = 0) b
          JOIN settlements s ON s.setl_id = b.setl_id
        GROUP BY s.setl_id, s.begndate, s.dise_codg
        HAVING count(*) >= :k"""
    rows = list(conn.execute(text(sql), {"k": min(ks)}))
    for p in pts.values():
        if p.template != kn.BED_ONLY_DAYS:
            continue
        for setl_id, begn, dx, k, first, last in rows:
            if k >= p.limit_scaled:
                yield p.rule_id, begn, dx, Hit(setl_id, None, None, 0, {
                    **_base(p), "days": str(k), "limit": str(p.limit_scaled), "first_day": first, "last_day": last})


RUNNERS: dict[str, Callable] = {
    kn.ITEM_SCOPE: _item_scope, kn.ITEM_PAIR: _item_pair, kn.FREQUENCY: _frequency, kn.COURSE_DAYS: _course_days,
    kn.ANNUAL_AMOUNT_CAP: _annual_cap, kn.ASSOCIATED_MISSING: _associated_missing,
    kn.SECONDARY_DISCOUNT: _secondary_discount, kn.OVERLAP_INPATIENT: _overlap_inpatient,
    kn.BED_ONLY_DAYS: _bed_only_days,
}
LINE_TEMPLATES = {t for t in RUNNERS if t not in (kn.OVERLAP_INPATIENT, kn.BED_ONLY_DAYS)}


CHUNK = 20_000  # hits handed on at a time: memory stays flat however many flags a run records


def iter_hits(conn: Connection, points: Iterable[kn.Point],
              on_template: Callable[[str], None] | None = None) -> Iterator[list[tuple[str, Hit]]]:
    """The flags of the given points in chunks of (rule_id, hit), dates and exclusions applied.

    Uses the connection's transaction; reads ``fee_lines`` unqualified (on
    SQLite that may be the screen's narrow in-memory copy).
    """
    pts = {p.rule_id: p for p in points}
    if not pts:
        return
    d = dialect_exprs(conn.dialect.name)
    templates = [t for t in RUNNERS if any(p.template == t for p in pts.values())]
    needs_lines = any(t in LINE_TEMPLATES for t in templates)
    try:
        if needs_lines:
            _prepare(conn, [p for p in pts.values() if p.template in LINE_TEMPLATES], d)
        for template in templates:
            if on_template:
                on_template(template)
            chunk: list[tuple[str, Hit]] = []
            for rid, day, _dx, hit in RUNNERS[template](conn, pts, d):
                if pts[rid].judged_in_dates(day):
                    chunk.append((rid, hit))
                    if len(chunk) >= CHUNK:
                        yield _apply_exclusions(conn, pts, chunk)
                        chunk = []
            if chunk:
                yield _apply_exclusions(conn, pts, chunk)
    finally:
        if needs_lines:
            _drop(conn)


def run_points(conn: Connection, points: Iterable[kn.Point],
               on_template: Callable[[str], None] | None = None) -> dict[str, list[Hit]]:
    """Every flag of the given points, rule_id -> hits (by settlement and line)."""
    points = list(points)
    out: dict[str, list[Hit]] = {p.rule_id: [] for p in points}
    for chunk in iter_hits(conn, points, on_template):
        for rid, hit in chunk:
            out[rid].append(hit)
    for hits in out.values():
        hits.sort(key=lambda h: (h.setl_id, h.feedetl_sn or ""))
    return out


def _apply_exclusions(conn: Connection, pts: dict[str, kn.Point],
                      chunk: list[tuple[str, Hit]]) -> list[tuple[str, Hit]]:
    """Drop the flags whose settlement's diagnosis prefix-matches the point's exclude_dx."""
    wanted = sorted({h.setl_id for rid, h in chunk if pts[rid].exclude_dx})
    if not wanted:
        return chunk
    dx: dict[str, str | None] = {}
    for i in range(0, len(wanted), 500):
        dx.update(conn.execute(text("SELECT setl_id, dise_codg FROM settlements WHERE setl_id IN :ids")
                               .bindparams(bindparam("ids", expanding=True)), {"ids": wanted[i:i + 500]}).all())
    return [(rid, h) for rid, h in chunk if not pts[rid].excluded(dx.get(h.setl_id))]


INSERT = text("INSERT INTO flags (rule_id, setl_id, fee_line_id, feedetl_sn, amount, params, run_id) "
              "VALUES (:rule, :setl, :line, :sn, :amount, :params, :run)")


def _delete_flags(conn: Connection, ids: list[str]) -> None:
    for i in range(0, len(ids), 500):
        conn.execute(text("DELETE FROM flags WHERE rule_id IN :ids").bindparams(
            bindparam("ids", expanding=True)), {"ids": ids[i:i + 500]})


def screen_points(conn: Connection, points: list[kn.Point], run_id: int, *, remove_others: bool,
                  fixed: Iterable[str], on_template: Callable[[str], None] | None = None,
                  exclude: frozenset[str] | set[str] = frozenset()) -> list[tuple[str, int, int, float]]:
    """Replace the flags of ``points`` by a fresh computation; (rule_id, count, fen, seconds) each.

    ``remove_others`` (a screen of every rule): also remove the flags of points
    that are inactive or deleted, i.e. of any rule neither fixed nor run now.
    """
    import json
    import time

    started = time.perf_counter()
    ids = [p.rule_id for p in points]
    if remove_others:
        keep = set(fixed) | set(ids)
        stale = [r for r in conn.execute(text("SELECT DISTINCT rule_id FROM flags")).scalars() if r not in keep]
        _delete_flags(conn, stale)
    if not points:
        return []
    _delete_flags(conn, ids)
    counts = dict.fromkeys(ids, 0)
    amounts = dict.fromkeys(ids, 0)
    for chunk in iter_hits(conn, points, on_template):
        if exclude:  # reversed settlements take part in no rule (data-format.md)
            chunk = [(rid, h) for rid, h in chunk if h.setl_id not in exclude]
        conn.execute(INSERT, [{"rule": rid, "setl": h.setl_id, "line": h.fee_line_id, "sn": h.feedetl_sn,
                               "amount": int(h.amount), "params": json.dumps(h.params, ensure_ascii=False,
                                                                             sort_keys=True), "run": run_id}
                              for rid, h in chunk])
        for rid, h in chunk:
            counts[rid] += 1
            amounts[rid] += int(h.amount)
    seconds = (time.perf_counter() - started) / max(len(points), 1)
    return [(rid, counts[rid], amounts[rid], seconds) for rid in ids]


def explain(params: dict[str, Any], lang: str) -> str:
    """A point's flag in one line: its rule_id is shown beside it; here its name, source and numbers."""
    from ..core.knowledge_text import explain as render

    return render(params, lang)
