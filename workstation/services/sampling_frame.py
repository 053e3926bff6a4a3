"""The sampling frame: the settlements a plan's filter selects, as the draw and the appraisal need them."""
from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import text
from sqlalchemy.orm import Session

from ..core import sampling as smp
from ..core.money import yuan_to_fen
from .sampling_plan import Plan, Progress, where_clause


def load_frame(session: Session, plan: Plan, progress: Progress = None) -> list:
    """The frame: plain setl_ids (sorted) for srs and census, else units with stratum label and amount (fen).

    NOT INDEXED: a frame is usually a large share of the table, and walking the
    setl_time index costs one random (decrypted) page read per row, ten times a
    sequential scan. For srs and census SQLite sorts and joins the ids itself
    (BINARY collation on UTF-8 = code point order), sparing a million Python tuples.
    """
    where, params = where_clause(plan)
    if plan.method in ("srs", "census"):
        row = session.execute(text(
            f"SELECT count(*), group_concat(setl_id, char(10)) FROM "
            f"(SELECT setl_id FROM settlements NOT INDEXED{where} ORDER BY setl_id)"), params).one()
        ids = row[1].split("\n") if row[0] else []
        if len(ids) == row[0]:
            if progress:
                progress(row[0], row[0])
            return ids
        # an id containing a newline: fall through to the row-by-row query
    cols = list(dict.fromkeys(["setl_id", plan.amount_field] + [f for f in plan.strata if f != "amount_band"]))
    result = session.execute(text(f"SELECT {', '.join(cols)} FROM settlements NOT INDEXED{where}"), params)
    edges = [yuan_to_fen(b) for b in plan.bands]
    units: list[smp.Unit] = []
    idx = {c: k for k, c in enumerate(cols)}
    a = idx[plan.amount_field]
    Unit = smp.Unit
    while True:
        rows = result.fetchmany(50_000)
        if not rows:
            break
        if plan.strata:
            for r in rows:
                label = "|".join(smp.band_label(r[a] or 0, edges) if f == "amount_band" else (r[idx[f]] or "")
                                 for f in plan.strata)
                units.append(Unit(r[0], label, r[a] or 0))
        else:
            units.extend(Unit(r[0], "", r[a] or 0) for r in rows)
        if progress:
            progress(len(units), 0)
    return units




class FrameFacts(NamedTuple):
    """One frame unit as the appraisal needs it (amounts in fen)."""

    setl_id: str
    stratum: str
    fixmedins_code: str
    setl_time: str
    medfee_sumamt: int
    fund: int  # hifp_pay + hifob_pay
    draw_amount: int  # the plan's amount field


def frame_facts(session: Session, plan: Plan) -> list[FrameFacts]:
    """The frame rebuilt with a stored plan, with what domains, book totals and pps need."""
    where, params = where_clause(plan)
    strata_cols = [f for f in plan.strata if f != "amount_band"]
    cols = list(dict.fromkeys(["setl_id", "fixmedins_code", "setl_time", "medfee_sumamt", "hifp_pay", "hifob_pay",
                               plan.amount_field] + strata_cols))
    idx = {c: k for k, c in enumerate(cols)}
    edges = [yuan_to_fen(b) for b in plan.bands]
    a = idx[plan.amount_field]
    out: list[FrameFacts] = []
    result = session.execute(text(f"SELECT {', '.join(cols)} FROM settlements{where}"), params)
    while True:
        rows = result.fetchmany(50_000)
        if not rows:
            break
        for r in rows:
            label = "|".join(smp.band_label(r[a] or 0, edges) if f == "amount_band" else (r[idx[f]] or "")
                             for f in plan.strata) if plan.strata else smp.WHOLE
            out.append(FrameFacts(r[0], label, r[1] or "", r[2] or "", r[3] or 0, (r[4] or 0) + (r[5] or 0),
                                  r[a] or 0))
    return out
