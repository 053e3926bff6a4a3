"""The set-based SQL behind risk profiles (spec/risk.md), portable SQLAlchemy Core.

Each query aggregates in the database and returns a few rows per institution
(and month); the exact arithmetic happens in ``core.risk``. Only the inpatient
stays come back one row each: their day counts, weekdays and 15-day windows
are date arithmetic, which this module does in Python rather than in a
dialect's date functions. Nothing here is SQLite- or PostgreSQL-only: substr,
length, CAST, CASE, count(DISTINCT), coalesce, GROUP BY.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterator

from sqlalchemy import String, and_, case, cast, distinct, func, literal_column, or_, select
from sqlalchemy.orm import Session

from ..core import risk
from ..store.models.claims import FeeLineRow, SettlementRow
from ..store.models.screening import FlagRow, ScreenRunRow

# An inline '' rather than a bound parameter: PostgreSQL cannot tell that two parameters in the
# select list and the GROUP BY are equal, and would reject the grouping.
EMPTY = literal_column("''")
ST, FT, GT = SettlementRow.__table__, FeeLineRow.__table__, FlagRow.__table__
S, F, G = ST.c, FT.c, GT.c


def next_day(date_text: str) -> str:
    return (dt.date.fromisoformat(date_text) + dt.timedelta(days=1)).isoformat()


def in_period(date_from: str, date_to: str):
    """setl_time on a calendar day of [from, to] (ISO text compares as dates)."""
    return and_(S.setl_time >= date_from, S.setl_time < next_day(date_to), S.fixmedins_code.is_not(None),
                S.reversed.is_(False))  # reversed settlements are in no figure (data-format.md)


def is_inpatient(col=None):
    col = S.med_type if col is None else col
    return or_(col == "21", and_(func.length(col) == 4, func.substr(col, 1, 2) == "21"))


def month_of(col=None):
    return func.substr(S.setl_time if col is None else col, 1, 7)


def fee_class():
    t = F.med_chrgitm_type
    return case((t.in_(risk.DRUG_TYPES), "d"), (t.in_(risk.MATERIAL_TYPES), "m"),
                (t.in_(risk.EXAM_LAB_TYPES), "e"), else_="o")


def first_digit():
    """The first digit of the yuan integer part of an amount ≥ 10.00, '' below.

    For fen ≥ 1000 the decimal text of the fen is that of the yuan followed by
    two digits, so its first character is the first digit of the integer part.
    """
    amt = F.det_item_fee_sumamt
    return case((amt >= risk.BENFORD_MIN_FEN, func.substr(cast(amt, String), 1, 1)), else_=EMPTY)


def latest_setl_time(s: Session) -> str | None:
    return s.execute(select(func.max(S.setl_time))).scalar()


def count_in_period(s: Session, date_from: str, date_to: str) -> int:
    return s.execute(select(func.count()).where(in_period(date_from, date_to))).scalar() or 0


def screened(s: Session) -> bool:
    return s.execute(select(func.count()).select_from(ScreenRunRow.__table__)).scalar() > 0


# -- institutions ------------------------------------------------------------------------------

@dataclass
class InstitutionData:
    """Everything gathered for the institutions of a period."""

    totals: dict[str, risk.InstitutionAgg]
    monthly: dict[tuple[str, str], risk.InstitutionAgg]
    hosp_lv: dict[str, Counter]
    names: dict[str, str]
    digits: dict[str, list[int]]


def gather_institutions(s: Session, date_from: str, date_to: str, *, by_month: bool = True,
                        with_flags: bool = True) -> InstitutionData:
    period = in_period(date_from, date_to)
    totals: dict[str, risk.InstitutionAgg] = defaultdict(risk.InstitutionAgg)
    monthly: dict[tuple[str, str], risk.InstitutionAgg] = defaultdict(risk.InstitutionAgg)
    hosp: dict[str, Counter] = defaultdict(Counter)
    inp = case((is_inpatient(), 1), else_=0)
    fee = S.medfee_sumamt
    month = month_of()

    def both(code: str, m: str) -> Iterator[risk.InstitutionAgg]:
        yield totals[code]
        if by_month:
            yield monthly[(code, m)]

    # 1. settlements: counts and fee sums by institution, month and hosp_lv
    q = (select(S.fixmedins_code, month.label("m"), func.coalesce(S.hosp_lv, EMPTY).label("lv"), func.count(),
                func.sum(inp), func.sum(case((is_inpatient(), fee), else_=0)),
                func.sum(case((is_inpatient(), 0), else_=fee)))
         .where(period).group_by(S.fixmedins_code, "m", "lv"))
    for code, m, lv, n, n_in, fee_in, fee_out in s.execute(q):
        n_in, fee_in, fee_out = int(n_in or 0), int(fee_in or 0), int(fee_out or 0)  # numeric on PostgreSQL
        hosp[code][lv] += n
        for a in both(code, m):
            a.settlements += n
            a.inpatient += n_in
            a.fee_inpatient += fee_in
            a.fee_other += fee_out
            a.fee_all += fee_in + fee_out

    # 2. distinct persons (cannot be summed over months: one query per grouping)
    for code, n in s.execute(select(S.fixmedins_code, func.count(distinct(S.psn_no)))
                             .where(period).group_by(S.fixmedins_code)):
        totals[code].persons = n
    if by_month:
        for code, m, n in s.execute(select(S.fixmedins_code, month_of().label("m"), func.count(distinct(S.psn_no)))
                                    .where(period).group_by(S.fixmedins_code, "m")):
            monthly[(code, m)].persons = n

    # 3. inpatient stays: day counts, weekends, readmissions (date arithmetic in Python)
    _stays(s, date_from, date_to, both)

    # 4. fee lines of the period's settlements: one pass, by institution, month, class and first digit
    digits: dict[str, list[int]] = defaultdict(lambda: [0] * 9)
    cls, dig = fee_class(), first_digit()
    q = (select(S.fixmedins_code, month.label("m"), cls.label("c"), dig.label("d"), func.count(),
                func.sum(F.det_item_fee_sumamt))
         .select_from(FT.join(ST, S.setl_id == F.setl_id)).where(period)
         .group_by(S.fixmedins_code, "m", "c", "d"))
    for code, m, c, d, n, amount in s.execute(q):
        amount = int(amount or 0)
        for a in both(code, m):
            a.lines += n
            a.amount += amount
            if c == "d":
                a.drug += amount
            elif c == "m":
                a.material += amount
            elif c == "e":
                a.exam_lab += amount
        if d:
            digits[code][int(d) - 1] += n

    # 5. flags on the period's settlements: distinct flagged settlements, Σ max(0, largest amount per key)
    if with_flags:
        key = func.coalesce(G.feedetl_sn, EMPTY)
        per_key = (select(G.setl_id.label("sid"), key.label("k"), func.max(G.amount).label("mx"))
                   .group_by(G.setl_id, "k").subquery())
        q = (select(S.fixmedins_code, month.label("m"), func.count(distinct(per_key.c.sid)),
                    func.sum(case((per_key.c.mx > 0, per_key.c.mx), else_=0)))
             .select_from(per_key.join(ST, S.setl_id == per_key.c.sid)).where(period)
             .group_by(S.fixmedins_code, "m"))
        for code, m, n, amount in s.execute(q):
            for a in both(code, m):
                a.flagged_setl += n
                a.flagged_amount += int(amount or 0)

    return InstitutionData(dict(totals), dict(monthly), dict(hosp), institution_names(s, date_from, date_to),
                           dict(digits))


def institution_names(s: Session, date_from: str, date_to: str) -> dict[str, str]:
    """fixmedins_name of each institution's latest settlement of the period (setl_time, then setl_id)."""
    period = in_period(date_from, date_to)
    last = select(S.fixmedins_code.label("code"), func.max(S.setl_time).label("t")).where(period) \
        .group_by(S.fixmedins_code).subquery()
    names: dict[str, tuple[str, str]] = {}
    for code, sid, name in s.execute(select(S.fixmedins_code, S.setl_id, S.fixmedins_name)
                                     .join(last, and_(S.fixmedins_code == last.c.code, S.setl_time == last.c.t))):
        if code not in names or sid > names[code][0]:
            names[code] = (sid, name or "")
    return {c: v[1] for c, v in names.items()}


def parse_date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def stay_days(begn: dt.date | None, end: dt.date | None) -> int:
    """max(enddate − begndate, 1); a stay with a date missing counts 1 day."""
    if begn is None or end is None:
        return 1
    return max((end - begn).days, 1)


def readmission_ids(stays: list[tuple[str, dt.date | None, dt.date | None]]) -> set[str]:
    """Of one person's stays at one institution: those B with an A, A.begn < B.begn, 0 ≤ B.begn − A.end ≤ 15."""
    out = set()
    for sid_b, begn_b, _ in stays:
        if begn_b is None:
            continue
        for sid_a, begn_a, end_a in stays:
            if sid_a == sid_b or begn_a is None or end_a is None or not begn_a < begn_b:
                continue
            if 0 <= (begn_b - end_a).days <= risk.READMISSION_DAYS:
                out.add(sid_b)
                break
    return out


def _stays(s: Session, date_from: str, date_to: str, both) -> None:
    """Stay measures of the period's inpatient settlements; earlier stays of any date count as A."""
    lo, hi = date_from, next_day(date_to)
    people: dict[tuple[str, str], list] = defaultdict(list)
    in_period_rows = []
    q = (select(S.setl_id, S.psn_no, S.fixmedins_code, S.begndate, S.enddate, S.setl_time)
         .where(is_inpatient(), S.fixmedins_code.is_not(None)))
    for sid, psn, code, begn, end, t in s.execute(q):
        b, e = parse_date(begn), parse_date(end)
        people[(code, psn)].append((sid, b, e))
        if t is not None and lo <= t < hi:
            in_period_rows.append((sid, code, psn, b, e, t[:7]))
    readmitted: set[str] = set()
    wanted = {(code, psn) for _, code, psn, *_ in in_period_rows}
    for k in wanted:
        readmitted |= readmission_ids(people[k])
    for sid, code, psn, b, e, m in in_period_rows:
        days = stay_days(b, e)
        for a in both(code, m):
            a.stay_days += days
            a.one_day += days == 1
            a.weekend += b is not None and b.weekday() >= 5
            a.readmissions += sid in readmitted


# -- doctors -----------------------------------------------------------------------------------

def gather_doctors(s: Session, date_from: str, date_to: str, *, with_flags: bool = True
                   ) -> dict[tuple[str, str, str], risk.DoctorAgg]:
    """Per (institution, department, doctor): lines, settlements, class sums, flagged lines."""
    period = in_period(date_from, date_to)
    dept = func.coalesce(F.bilg_dept_name, EMPTY)
    amt = F.det_item_fee_sumamt
    cls = fee_class()
    src = FT.join(ST, S.setl_id == F.setl_id)
    flagged = literal_column("0")
    if with_flags:
        keys = (select(G.setl_id.label("sid"), G.feedetl_sn.label("sn"))
                .where(G.feedetl_sn.is_not(None), G.feedetl_sn != "").distinct().subquery())
        src = src.outerjoin(keys, and_(keys.c.sid == F.setl_id, keys.c.sn == F.feedetl_sn))
        flagged = case((keys.c.sid.is_not(None), 1), else_=0)
    q = (select(S.fixmedins_code, dept.label("dept"), F.bilg_dr_name, func.count(), func.count(distinct(F.setl_id)),
                func.sum(amt), func.sum(case((cls == "d", amt), else_=0)), func.sum(case((cls == "m", amt), else_=0)),
                func.sum(case((cls == "e", amt), else_=0)), func.sum(flagged))
         .select_from(src).where(period, F.bilg_dr_name.is_not(None), F.bilg_dr_name != "")
         .group_by(S.fixmedins_code, "dept", F.bilg_dr_name))
    out = {}
    for code, d, dr, n, n_setl, total, drug, material, exam, fl in s.execute(q):
        out[(code, d, dr)] = risk.DoctorAgg(settlements=n_setl, lines=n, amount=int(total or 0), drug=int(drug or 0),
                                            material=int(material or 0), exam_lab=int(exam or 0),
                                            flagged_lines=int(fl or 0))
    return out


def institution_groups(s: Session, date_from: str, date_to: str) -> dict[str, str]:
    """The peer group of each institution of the period (hosp_lv mode; 9i)."""
    hosp: dict[str, Counter] = defaultdict(Counter)
    inpatient: Counter = Counter()
    q = (select(S.fixmedins_code, func.coalesce(S.hosp_lv, EMPTY).label("lv"), func.count(),
                func.sum(case((is_inpatient(), 1), else_=0)))
         .where(in_period(date_from, date_to)).group_by(S.fixmedins_code, "lv"))
    for code, lv, n, n_in in s.execute(q):
        hosp[code][lv] += n
        inpatient[code] += int(n_in or 0)
    return {code: risk.peer_group(c, inpatient[code]) for code, c in hosp.items()}
