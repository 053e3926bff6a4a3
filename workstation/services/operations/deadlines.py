"""Every open item with a contractual clock, in working days (operations.md, "Deadlines").

Sources: open appeals; staff changes waiting for their notice period (calendar days);
the active contract's settlement clocks derived from the imported settlements
(institution advances, manual reimbursements); re-checks after a failed annual
assessment; periodic reports. The store holds no payment records, so a clock
derived from settlements is listed while it runs (start ≤ as-of ≤ due); items
the store can close (appeals, staff changes, exported reports) stay listed,
overdue, until closed.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from ...core.workdays import WorkCalendar
from ...store.models.claims import SettlementRow
from ...store.models.identity import EventRow
from ...store.models.operations import BreachRow
from ...store.models.review import AppealRow
from ...store.models.roster import StaffChangeRow
from .. import profile_service, workdays_service
from ..workspace import Workspace
from . import common, source

PERIOD_KIND = {"month": "month", "quarter": "quarter", "half_year": "halfyear", "year": "year"}


@dataclass(frozen=True)
class Deadline:
    kind: str  # appeal | staff_change | institution_advance | manual_reimbursement | recheck | report
    ref: str
    due: dt.date
    days_left: int
    overdue: bool
    assumed: bool


def _month_end(day: dt.date) -> dt.date:
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)


def _next_month_day(day: dt.date, n: int) -> dt.date:
    nxt = _month_end(day) + dt.timedelta(days=1)
    return nxt.replace(day=min(n, 28))


def _periods(kind: str, first: dt.date, last: dt.date) -> list[tuple[dt.date, dt.date, str]]:
    """The contract's report periods of a kind, in order."""
    out, y = [], first.year
    while y <= last.year:
        if kind == "month":
            labels = [f"{y}-{m:02d}" for m in range(1, 13)]
        elif kind == "quarter":
            labels = [f"{y}Q{q}" for q in range(1, 5)]
        elif kind == "halfyear":
            labels = [f"{y}H1", f"{y}H2"]
        else:
            labels = [str(y)]
        for lab in labels:
            a, b, lab = common.parse_period(kind, lab)
            if b >= first and a <= last:
                out.append((a, b, lab))
        y += 1
    return out


def report_key(contract: str, report_id: str, period: str) -> str:
    """The event entity id a report export is logged under (closes its deadline)."""
    return f"{contract}:{report_id}:{period}"


def _raw_items(ws: Workspace, p: dict[str, Any], as_of: dt.date, s, cal: WorkCalendar):
    """(kind, ref, due, assumed) for every open clock."""
    for a in s.execute(select(AppealRow).where(AppealRow.status == "open")).scalars():
        yield "appeal", f"appeal:{a.id}", a.deadline, cal.due(a.sent_on, a.working_days).assumed
    notice = int(profile_service.staff_change_terms(p).get("notice_days", 15))
    for c in s.execute(select(StaffChangeRow).where(StaffChangeRow.status.in_(("requested", "approved")))).scalars():
        d = cal.due(c.notice_date, notice, working=False)
        yield "staff_change", f"change:{c.id}", d.due, d.assumed
    dl = p.get("deadlines") or {}
    ops = common.ops(p)
    clocks = []  # (kind, workdays, setl_type, start rule)
    if dl.get("settlement_workdays"):
        clocks.append(("institution_advance", int(dl["settlement_workdays"]), "1", "report"))
    if dl.get("direct_settlement_workdays"):
        clocks.append(("institution_advance", int(dl["direct_settlement_workdays"]), "1", "declaration"))
    for key in ("manual_claim_workdays", "manual_reimbursement_workdays"):
        if dl.get(key):
            clocks.append(("manual_reimbursement", int(dl[key]), "2", "claim"))
    if clocks:
        # only months whose clock can still run: settled no earlier than ~3 months before as_of
        since = (as_of - dt.timedelta(days=120)).replace(day=1)
        month = func.substr(SettlementRow.setl_time, 1, 7)
        rows = s.execute(select(SettlementRow.setl_type, SettlementRow.fixmedins_code, month,
                                func.min(SettlementRow.setl_time))
                         .where(source.live_settlements(), SettlementRow.setl_time >= since.isoformat(),
                                SettlementRow.setl_time < (as_of + dt.timedelta(days=1)).isoformat(),
                                SettlementRow.hifob_pay > 0)
                         .group_by(SettlementRow.setl_type, SettlementRow.fixmedins_code, month)).all()
        for kind, n, setl_type, rule in clocks:
            for st, code, mon, first_time in rows:
                if st != setl_type:
                    continue
                first_day = dt.date.fromisoformat(first_time[:10])
                if rule == "report":  # 15 working days after the monthly report, due by the 10th
                    start = _next_month_day(first_day, int(ops.get("advance_report_due_day", 10)))
                elif rule == "declaration":  # the institution declares a month at its end
                    start = _month_end(first_day)
                else:
                    start = first_day
                d = cal.due(start, n)
                if start <= as_of <= d.due:
                    yield kind, f"{'advance' if setl_type == '1' else 'manual'}:{code or '-'}:{mon}", d.due, d.assumed
    if dl.get("recheck_workdays"):
        for b in s.execute(select(BreachRow).where(BreachRow.contract == p["id"],
                                                   BreachRow.kind == "assessment_failed")).scalars():
            d = cal.due(b.day, int(dl["recheck_workdays"]))
            if b.day <= as_of <= d.due:
                yield "recheck", f"recheck:{b.id}", d.due, d.assumed
    period = p.get("period") or {}
    if period.get("from") and period.get("to"):
        c_first, c_last = dt.date.fromisoformat(period["from"]), dt.date.fromisoformat(period["to"])
        due_day = int(ops.get("report_due_day", 10))
        exported = set(s.execute(select(EventRow.entity_id).where(EventRow.action == "report.export")).scalars())
        for rep in p.get("reports") or []:
            kind = PERIOD_KIND.get(rep.get("period"), "")
            if kind == "year" and int(rep.get("count", 1)) == 2:
                kind = "halfyear"
            if not kind:
                continue
            ended = [x for x in _periods(kind, c_first, c_last) if x[1] < as_of]
            if not ended:
                continue
            a, b, lab = ended[-1]
            if report_key(p["id"], rep["id"], lab) in exported:
                continue
            due = _next_month_day(b, due_day)
            yield "report", f"report:{rep['id']}:{lab}", due, cal.is_assumed(due)


def deadlines(ws: Workspace, as_of: dt.date | None = None, contract: str | None = None) -> list[Deadline]:
    as_of = as_of or dt.date.today()
    p = common.profile(ws, contract)
    out = []
    with ws.store.read() as s:
        cal = workdays_service.calendar_in(s)
        for kind, ref, due, assumed in _raw_items(ws, p, as_of, s, cal):
            left = cal.workdays_between(as_of, due)
            out.append(Deadline(kind, ref, due, left.count, due < as_of, assumed or left.assumed))
    out.sort(key=lambda d: (d.due, d.kind, d.ref))
    return out


def to_json(as_of: dt.date, items: list[Deadline]) -> dict[str, Any]:
    return {"as_of": as_of.isoformat(),
            "items": [{"kind": d.kind, "ref": d.ref, "due": d.due.isoformat(), "days_left": d.days_left,
                       "overdue": d.overdue, "assumed": d.assumed} for d in items]}
