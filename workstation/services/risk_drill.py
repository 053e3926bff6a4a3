"""The settlements behind a risk flag: what a reviewer opens to check a lead.

For a measure of an entity, the settlements of the period that the measure
counts (its numerator where it has one, else its base), the most telling
first: the readmissions, the one-day stays, the weekend admissions, the
flagged settlements; the inpatient stays by cost or by length; the
settlements by their drug (material, examination) amount, by their number of
lines; for a doctor, the settlements of the doctor's lines.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from sqlalchemy import and_, case, distinct, func, select

from . import risk_query as rq
from .risk_query import F, FT, G, GT, S, ST
from .workspace import Workspace

LIMIT = 1000


@dataclass(frozen=True)
class SettlementRef:
    setl_id: str
    setl_time: str
    med_type: str
    medfee_sumamt: int  # fen
    figure: str  # what ranks it for this measure (days, amount, lines...), as text


def settlements_behind(ws: Workspace, date_from: str, date_to: str, key: tuple[str, ...], measure: str,
                       limit: int = LIMIT) -> list[SettlementRef]:
    with ws.store.read() as s:
        if len(key) == 3:
            return _doctor(s, date_from, date_to, key, measure, limit)
        return _institution(s, date_from, date_to, key[0], measure, limit)


def _base(s, date_from, date_to, code, extra=None):
    where = [rq.in_period(date_from, date_to), S.fixmedins_code == code]
    if extra is not None:
        where.append(extra)
    return {sid: (t or "", mt or "", fee or 0, psn, b, e) for sid, t, mt, fee, psn, b, e in s.execute(
        select(S.setl_id, S.setl_time, S.med_type, S.medfee_sumamt, S.psn_no, S.begndate, S.enddate).where(*where))}


def _refs(rows: dict, order: list[tuple[str, object]], limit: int, fmt=str) -> list[SettlementRef]:
    out = []
    for sid, fig in order[:limit]:
        t, mt, fee, *_ = rows[sid]
        out.append(SettlementRef(sid, t, mt, fee, fmt(fig)))
    return out


def _yuan(fen: int) -> str:
    from ..core.money import fen_to_str

    return fen_to_str(fen)


def _institution(s, date_from, date_to, code, measure, limit):
    stay_measures = ("cost_per_stay", "stay_days", "one_day_stay_share", "readmission_15d_rate",
                     "weekend_admission_share", "inpatient_share")
    if measure in stay_measures:
        rows = _base(s, date_from, date_to, code, rq.is_inpatient())
        days = {sid: rq.stay_days(rq.parse_date(r[4]), rq.parse_date(r[5])) for sid, r in rows.items()}
        if measure == "cost_per_stay" or measure == "inpatient_share":
            return _refs(rows, sorted(((k, r[2]) for k, r in rows.items()), key=lambda x: (-x[1], x[0])), limit,
                         _yuan)
        if measure == "stay_days":
            return _refs(rows, sorted(days.items(), key=lambda x: (-x[1], x[0])), limit)
        if measure == "one_day_stay_share":
            return _refs(rows, sorted((k, 1) for k, d in days.items() if d == 1), limit)
        if measure == "weekend_admission_share":
            return _refs(rows, sorted((k, r[4]) for k, r in rows.items()
                                      if rq.parse_date(r[4]) is not None and rq.parse_date(r[4]).weekday() >= 5), limit)
        # readmissions: the person's stays at the institution, any date
        psns = {r[3] for r in rows.values()}
        people = defaultdict(list)
        for sid, psn, b, e in s.execute(select(S.setl_id, S.psn_no, S.begndate, S.enddate)
                                        .where(rq.is_inpatient(), S.fixmedins_code == code)):
            if psn in psns:
                people[psn].append((sid, rq.parse_date(b), rq.parse_date(e)))
        hits = set()
        for stays in people.values():
            hits |= rq.readmission_ids(stays)
        return _refs(rows, sorted((k, rows[k][4]) for k in hits if k in rows), limit)
    if measure == "cost_per_visit":
        rows = _base(s, date_from, date_to, code, ~rq.is_inpatient())
        return _refs(rows, sorted(((k, r[2]) for k, r in rows.items()), key=lambda x: (-x[1], x[0])), limit, _yuan)
    rows = _base(s, date_from, date_to, code)
    if measure == "visits_per_person":
        visits = Counter(r[3] for r in rows.values())
        return _refs(rows, sorted(((k, visits[r[3]]) for k, r in rows.items()), key=lambda x: (-x[1], x[0])), limit)
    if measure in ("drug_share", "material_share", "exam_lab_share", "lines_per_setl"):
        cls = {"drug_share": "d", "material_share": "m", "exam_lab_share": "e"}.get(measure)
        figure = func.count() if cls is None else func.sum(case((rq.fee_class() == cls, F.det_item_fee_sumamt),
                                                                else_=0))
        q = (select(F.setl_id, figure).select_from(FT.join(ST, S.setl_id == F.setl_id))
             .where(rq.in_period(date_from, date_to), S.fixmedins_code == code).group_by(F.setl_id))
        got = [(sid, int(v or 0)) for sid, v in s.execute(q) if (v or 0) > 0]
        return _refs(rows, sorted(got, key=lambda x: (-x[1], x[0])), limit, str if cls is None else _yuan)
    # flagged_setl_share, flagged_amount_per_10k: the flagged settlements by their largest flag amounts
    q = (select(G.setl_id, func.max(G.amount)).join(ST, S.setl_id == G.setl_id)
         .where(rq.in_period(date_from, date_to), S.fixmedins_code == code).group_by(G.setl_id))
    got = [(sid, int(v or 0)) for sid, v in s.execute(q)]
    return _refs(rows, sorted(got, key=lambda x: (-x[1], x[0])), limit, _yuan)


def _doctor(s, date_from, date_to, key, measure, limit):
    code, dept, dr = key
    where = [rq.in_period(date_from, date_to), S.fixmedins_code == code, func.coalesce(F.bilg_dept_name, rq.EMPTY) == dept,
             F.bilg_dr_name == dr]
    src = FT.join(ST, S.setl_id == F.setl_id)
    cls = {"dr_drug_share": "d", "dr_material_share": "m", "dr_exam_lab_share": "e"}.get(measure)
    if measure == "dr_flagged_line_share":
        figure, fmt = func.count(distinct(F.feedetl_sn)), str
        src = src.join(GT, and_(G.setl_id == F.setl_id, G.feedetl_sn == F.feedetl_sn))
    elif measure == "dr_lines_per_setl":
        figure, fmt = func.count(), str
    elif cls is not None:
        figure, fmt = func.sum(case((rq.fee_class() == cls, F.det_item_fee_sumamt), else_=0)), _yuan
    else:
        figure, fmt = func.sum(F.det_item_fee_sumamt), _yuan
    q = (select(F.setl_id, S.setl_time, S.med_type, S.medfee_sumamt, figure).select_from(src).where(*where)
         .group_by(F.setl_id, S.setl_time, S.med_type, S.medfee_sumamt))
    got = sorted(((sid, t, mt, fee, int(v or 0)) for sid, t, mt, fee, v in s.execute(q)), key=lambda x: (-x[4], x[0]))
    return [SettlementRef(sid, t or "", mt or "", fee or 0, fmt(v)) for sid, t, mt, fee, v in got[:limit]]
