"""Reading imported claims: the settlements browser (ids, then pages) and one settlement's detail.

Everything returned is a frozen dataclass (never an ORM row). ID numbers leave
this module masked (first 6 + last 4).
"""
from __future__ import annotations

import datetime as dt
import json
from array import array
from dataclasses import dataclass, field
from typing import Any, Sequence

from sqlalchemy import text

from ..core.import_format import CNT_SCALE, is_inpatient, mask_certno
from ..core.progress import Progress
from .workspace import Workspace


@dataclass(frozen=True)
class Flag:
    id: int
    rule_id: str
    setl_id: str
    fee_line_id: int | None
    feedetl_sn: str | None
    amount: int  # fen
    params: dict = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class FeeLine:
    id: int
    feedetl_sn: str
    med_list_codg: str | None
    medins_list_codg: str | None
    hilist_name: str | None
    med_chrgitm_type: str | None
    chrgitm_lv: str | None
    fee_ocur_time: str | None
    cnt: int  # × CNT_SCALE
    pric: int
    det_item_fee_sumamt: int
    pric_uplmt_amt: int | None
    bilg_dept_name: str | None
    bilg_dr_name: str | None
    flags: tuple[Flag, ...] = ()


@dataclass(frozen=True)
class SettlementSummary:
    """One row of the settlements browser."""

    rowid: int
    setl_id: str
    psn_no: str
    psn_name: str | None
    certno_masked: str
    med_type: str | None
    setl_type: str | None
    offsite_flag: str | None
    fixmedins_code: str | None
    fixmedins_name: str | None
    begndate: str | None
    enddate: str | None
    setl_time: str | None
    dise_name: str | None
    medfee_sumamt: int
    hifp_pay: int
    hifob_pay: int


@dataclass(frozen=True)
class SettlementDetail:
    setl_id: str
    mdtrt_id: str | None
    psn_no: str
    psn_name: str | None
    gend: str | None
    brdy: str | None
    certno_masked: str
    insutype: str | None
    med_type: str | None
    setl_type: str | None
    offsite_flag: str | None
    fixmedins_code: str | None
    fixmedins_name: str | None
    hosp_lv: str | None
    begndate: str | None
    enddate: str | None
    setl_time: str | None
    dise_codg: str | None
    dise_name: str | None
    medfee_sumamt: int
    inscp_scp_amt: int
    hifp_pay: int
    hifob_pay: int
    cvlserv_pay: int
    acct_pay: int
    psn_cash_pay: int
    stay_days: int
    inpatient: bool
    lines: tuple[FeeLine, ...]
    flags: tuple[Flag, ...]  # settlement-level flags (no fee line)
    line_flags: tuple[Flag, ...]  # every flag on one of its lines


@dataclass(frozen=True)
class SettlementFilter:
    institution: str | None = None  # fixmedins_code
    med_type: str | None = None  # '21' also matches the 21xx sub-types
    setl_type: str | None = None
    offsite_flag: str | None = None
    date_from: str | None = None  # on the settlement date (setl_time), inclusive
    date_to: str | None = None
    amount_min: int | None = None  # fen, on medfee_sumamt, inclusive
    amount_max: int | None = None
    search: str | None = None  # setl_id or psn_no prefix


def stay_days(begndate: str | None, enddate: str | None) -> int:
    """(enddate − begndate) in days, at least 1 (rules.md)."""
    if not begndate or not enddate:
        return 1
    try:
        days = (dt.date.fromisoformat(enddate) - dt.date.fromisoformat(begndate)).days
    except ValueError:
        return 1
    return max(days, 1)


def _where(flt: SettlementFilter) -> tuple[str, dict[str, Any]]:
    clauses, params = [], {}
    if flt.institution:
        clauses.append("fixmedins_code = :inst")
        params["inst"] = flt.institution
    if flt.med_type:
        if flt.med_type == "21":
            clauses.append("(med_type = '21' OR (length(med_type) = 4 AND med_type LIKE '21%'))")
        else:
            clauses.append("med_type = :med_type")
            params["med_type"] = flt.med_type
    if flt.setl_type:
        clauses.append("setl_type = :setl_type")
        params["setl_type"] = flt.setl_type
    if flt.offsite_flag:
        clauses.append("offsite_flag = :offsite")
        params["offsite"] = flt.offsite_flag
    if flt.date_from:
        clauses.append("setl_time >= :dfrom")
        params["dfrom"] = flt.date_from
    if flt.date_to:
        clauses.append("setl_time <= :dto")
        params["dto"] = flt.date_to + " 23:59:59"
    if flt.amount_min is not None:
        clauses.append("medfee_sumamt >= :amin")
        params["amin"] = int(flt.amount_min)
    if flt.amount_max is not None:
        clauses.append("medfee_sumamt <= :amax")
        params["amax"] = int(flt.amount_max)
    if flt.search:
        clauses.append("(setl_id LIKE :q ESCAPE '\\' OR psn_no LIKE :q ESCAPE '\\')")
        q = flt.search.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params["q"] = q + "%"
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def settlement_rowids(ws: Workspace, flt: SettlementFilter | None = None, progress: Progress | None = None) -> array:
    """The rowids of the settlements matching ``flt``, in settlement order (setl_time, setl_id).

    Only integers are kept (8 bytes a row), so a million settlements cost 8 MB
    and the browser fetches what it shows in pages (``settlement_page``).
    """
    where, params = _where(flt or SettlementFilter())
    out = array("q")
    with ws.store.read() as s:
        result = s.execute(text(f"SELECT rowid FROM settlements{where} ORDER BY setl_time, setl_id"), params)
        while True:
            part = result.fetchmany(50_000)
            if not part:
                break
            out.extend(r[0] for r in part)
            if progress is not None:
                progress.check()
    return out


_SUMMARY_COLS = ("rowid, setl_id, psn_no, psn_name, certno, med_type, setl_type, offsite_flag, fixmedins_code, "
                 "fixmedins_name, begndate, enddate, setl_time, dise_name, medfee_sumamt, hifp_pay, hifob_pay")


def settlement_page(ws: Workspace, rowids: Sequence[int]) -> list[SettlementSummary]:
    """The browser rows for these rowids, in the order given."""
    if not rowids:
        return []
    ids = [int(i) for i in rowids]
    by_id: dict[int, SettlementSummary] = {}
    with ws.store.read() as s:
        for start in range(0, len(ids), 500):
            part = ids[start:start + 500]
            marks = ",".join(str(i) for i in part)  # integers only: safe to inline
            for r in s.execute(text(f"SELECT {_SUMMARY_COLS} FROM settlements WHERE rowid IN ({marks})")):
                by_id[r[0]] = SettlementSummary(r[0], r[1], r[2], r[3], mask_certno(r[4]), *r[5:])
    return [by_id[i] for i in ids if i in by_id]


def count_settlements(ws: Workspace, flt: SettlementFilter | None = None) -> int:
    where, params = _where(flt or SettlementFilter())
    with ws.store.read() as s:
        return int(s.execute(text(f"SELECT count(*) FROM settlements{where}"), params).scalar_one())


def institutions(ws: Workspace) -> list[tuple[str, str]]:
    """(code, name) of every institution with settlements, by code."""
    with ws.store.read() as s:
        rows = s.execute(text("SELECT fixmedins_code, max(fixmedins_name) FROM settlements "
                              "WHERE fixmedins_code IS NOT NULL GROUP BY fixmedins_code ORDER BY fixmedins_code"))
        return [(r[0], r[1] or "") for r in rows]


def med_types(ws: Workspace) -> list[str]:
    with ws.store.read() as s:
        return [r[0] for r in s.execute(text(
            "SELECT DISTINCT med_type FROM settlements WHERE med_type IS NOT NULL ORDER BY med_type"))]


def _flag(r) -> Flag:
    try:
        params = json.loads(r[6] or "{}")
    except ValueError:
        params = {}
    return Flag(r[0], r[1], r[2], r[3], r[4], int(r[5] or 0), params)


def settlement_detail(ws: Workspace, setl_id: str) -> SettlementDetail | None:
    """One settlement with its fee lines (by feedetl_sn as text) and its flags; None if unknown."""
    with ws.store.read() as s:
        r = s.execute(text(
            "SELECT setl_id, mdtrt_id, psn_no, psn_name, gend, brdy, certno, insutype, med_type, setl_type, "
            "offsite_flag, fixmedins_code, fixmedins_name, hosp_lv, begndate, enddate, setl_time, dise_codg, "
            "dise_name, medfee_sumamt, inscp_scp_amt, hifp_pay, hifob_pay, cvlserv_pay, acct_pay, psn_cash_pay "
            "FROM settlements WHERE setl_id = :id"), {"id": setl_id}).first()
        if r is None:
            return None
        flags = [_flag(f) for f in s.execute(text(
            "SELECT id, rule_id, setl_id, fee_line_id, feedetl_sn, amount, params FROM flags "
            "WHERE setl_id = :id ORDER BY rule_id, id"), {"id": setl_id})]
        by_line: dict[int, list[Flag]] = {}
        for f in flags:
            if f.fee_line_id is not None:
                by_line.setdefault(f.fee_line_id, []).append(f)
        lines = tuple(
            FeeLine(*row[:14], flags=tuple(by_line.get(row[0], ())))
            for row in s.execute(text(
                "SELECT id, feedetl_sn, med_list_codg, medins_list_codg, hilist_name, med_chrgitm_type, chrgitm_lv, "
                "fee_ocur_time, cnt, pric, det_item_fee_sumamt, pric_uplmt_amt, bilg_dept_name, bilg_dr_name "
                "FROM fee_lines WHERE setl_id = :id ORDER BY feedetl_sn"), {"id": setl_id})
        )
    return SettlementDetail(
        setl_id=r[0], mdtrt_id=r[1], psn_no=r[2], psn_name=r[3], gend=r[4], brdy=r[5], certno_masked=mask_certno(r[6]),
        insutype=r[7], med_type=r[8], setl_type=r[9], offsite_flag=r[10], fixmedins_code=r[11], fixmedins_name=r[12],
        hosp_lv=r[13], begndate=r[14], enddate=r[15], setl_time=r[16], dise_codg=r[17], dise_name=r[18],
        medfee_sumamt=r[19], inscp_scp_amt=r[20], hifp_pay=r[21], hifob_pay=r[22], cvlserv_pay=r[23], acct_pay=r[24],
        psn_cash_pay=r[25], stay_days=stay_days(r[14], r[15]), inpatient=is_inpatient(r[8]), lines=lines,
        flags=tuple(f for f in flags if f.fee_line_id is None),
        line_flags=tuple(f for f in flags if f.fee_line_id is not None),
    )


def cnt_text(cnt: int) -> str:
    """A quantity in ten-thousandths as short text ('1', '1.5')."""
    whole, frac = divmod(abs(int(cnt)), CNT_SCALE)
    sign = "-" if cnt < 0 else ""
    return f"{sign}{whole}" + (f".{frac:04d}".rstrip("0") if frac else "")
