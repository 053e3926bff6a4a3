"""Appeals (申诉): a doubtful finding goes to the institution with a deadline in working days.

Contract 002: disputed items go to the institution for an answer within a set
time; silence means the finding is accepted. The deadline is the n-th working
day after the day it was sent (mainland calendar, 调休 included); the
institution may answer up to and including that day, so an appeal with no
answer becomes "confirmed by silence" from the next calendar day on
(``settle_expired_appeals``), which runs when the appeals list opens and in
the demo.
"""
from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import select

from ..core.errors import BadInput, Conflict, NotFound
from ..core.i18n import T
from ..store.models.base import utcnow
from ..store.models.claims import SettlementRow
from ..store.models.review import AppealRow, FindingRow, ReviewUnitRow
from . import review as rs
from . import workdays_service
from .workspace import Workspace

DEFAULT_WORKING_DAYS = 10
OUTCOMES = ("upheld", "withdrawn", "adjusted")
STATUS_LABELS = {
    "open": T("待答复", "Awaiting answer"),
    "answered": T("已答复", "Answered"),
    "confirmed_silence": T("逾期未答复，视为认可", "No answer in time: accepted"),
    "closed": T("已关闭", "Closed"),
}
OUTCOME_LABELS = {
    "upheld": T("维持（违规成立）", "Upheld (violation stands)"),
    "withdrawn": T("撤销（申诉成立）", "Withdrawn (appeal accepted)"),
    "adjusted": T("调整金额", "Amount adjusted"),
}


@dataclass(frozen=True)
class AppealInfo:
    id: int
    finding_id: int
    unit_id: int
    setl_id: str
    institution_code: str
    institution_name: str
    category: str
    amount: int
    sent_on: dt.date
    working_days: int
    deadline: dt.date
    status: str
    answer: str
    answered_on: dt.date | None
    outcome: str | None
    days_left: int  # working days in (today, deadline]; negative when overdue
    assumed: bool = False  # the count relied on the Monday–Friday guess (no calendar data)


def send(ws: Workspace, finding_id: int, *, working_days: int = DEFAULT_WORKING_DAYS,
         sent_on: dt.date | None = None) -> int:
    """Send a doubtful finding to its institution; the deadline is counted in working days."""
    if working_days < 1 or working_days > 120:
        raise BadInput(T("答复期限须为 1 到 120 个工作日", "the answer period must be 1 to 120 working days"))
    day = sent_on or dt.date.today()
    with ws.store.session() as s:
        f = rs.get_finding(s, finding_id)
        if f.status != "doubtful":
            raise Conflict(detail=T("只有存疑的发现可以发起申诉", "only a doubtful finding can be sent for appeal")
                           .render(ws.lang))
        u = rs.get_unit(s, f.unit_id)
        rs.may_edit(ws, u)
        rs.check_lock(ws, s, f.id)
        if s.execute(select(AppealRow.id).where(AppealRow.finding_id == f.id, AppealRow.status == "open")).first():
            raise Conflict(detail=T("该发现已有待答复的申诉", "the finding already has an open appeal").render(ws.lang))
        inst = s.execute(select(SettlementRow.fixmedins_code).where(SettlementRow.setl_id == u.setl_id)).scalar()
        due = workdays_service.calendar_in(s).due(day, working_days)
        row = AppealRow(uuid=str(uuid.uuid4()), finding_id=f.id, institution_code=inst or "", sent_on=day,
                        working_days=working_days, deadline=due.due, status="open",
                        answer="", created_by=ws.user.name, created_at=utcnow())
        s.add(row)
        s.flush()
        ws.log(s, "review.appeal.send", "appeal", row.id,
               after={"finding": f.id, "sent_on": day.isoformat(), "working_days": working_days,
                      "deadline": row.deadline.isoformat(), "assumed": due.assumed},
               details={"finding": f.id, "deadline": row.deadline.isoformat(), "working_days": working_days})
        return row.id


def _resolve_finding(ws: Workspace, s, f: FindingRow, status: str, amount: int | None, reason: str) -> None:
    """Apply the appeal's outcome to its finding, and the unit's decision if nothing stays doubtful."""
    before = rs.finding_state(f)
    f.status = status
    if amount is not None and amount != f.amount:
        f.amount = amount
        f.amount_reason = reason
    rs.bump(f, ws)
    rs.flush_or_conflict(ws, s)
    ws.log(s, "review.finding.appeal_outcome", "finding", f.id, before=before, after=rs.finding_state(f),
           details={"finding": f.id, "status": status})
    u = rs.get_unit(s, f.unit_id)
    if u.status != "doubtful":
        return
    states = s.execute(select(FindingRow.status).where(FindingRow.unit_id == u.id,
                                                       FindingRow.deleted.is_(False))).scalars().all()
    if "doubtful" in states:
        return
    ubefore = rs.unit_state(u)
    u.status = "violation" if "confirmed" in states else "compliant"
    rs.bump(u)
    ws.log(s, "review.unit.appeal_outcome", "review_unit", u.id, before=ubefore, after=rs.unit_state(u),
           details={"status": u.status})


def answer(ws: Workspace, appeal_id: int, *, text: str, outcome: str, answered_on: dt.date | None = None,
           amount: int | None = None) -> None:
    """Record the institution's answer and its outcome for the finding."""
    if outcome not in OUTCOMES:
        raise BadInput(T("未知的申诉结果：{o}", "unknown appeal outcome: {o}"), o=outcome)
    if not text.strip():
        raise BadInput(T("请填写机构的答复内容", "enter the institution's answer"))
    if outcome == "adjusted" and (amount is None or amount < 0):
        raise BadInput(T("调整金额时须给出新金额", "an adjusted outcome needs the new amount"))
    day = answered_on or dt.date.today()
    with ws.store.session() as s:
        a = s.get(AppealRow, appeal_id)
        if a is None:
            raise NotFound(what=f"appeal {appeal_id}")
        if a.status != "open":
            raise Conflict(detail=T("该申诉已结束（{s}）", "the appeal is already settled ({s})").render(
                ws.lang, s=STATUS_LABELS[a.status].render(ws.lang)))
        if day < a.sent_on:
            raise BadInput(T("答复日期早于发出日期", "the answer is dated before the appeal was sent"))
        if day > a.deadline:
            raise Conflict(detail=T("答复晚于期限 {d}：逾期未答复视为认可", "the answer came after the deadline {d}: "
                                    "silence counts as accepted").render(ws.lang, d=a.deadline.isoformat()))
        f = s.get(FindingRow, a.finding_id)
        rs.may_edit(ws, rs.get_unit(s, f.unit_id))
        before = {"status": a.status}
        a.status, a.answer, a.answered_on, a.outcome = "answered", text, day, outcome
        ws.log(s, "review.appeal.answer", "appeal", a.id, before=before,
               after={"status": a.status, "outcome": outcome, "answered_on": day.isoformat()},
               details={"finding": f.id, "outcome": outcome})
        _resolve_finding(ws, s, f, "withdrawn" if outcome == "withdrawn" else "confirmed",
                         amount if outcome == "adjusted" else None,
                         T("申诉调整", "adjusted on appeal").render(ws.lang))


def settle_expired_appeals(ws: Workspace, today: dt.date | None = None) -> list[int]:
    """Open appeals whose deadline has passed with no answer become confirmed by silence."""
    day = today or dt.date.today()
    done = []
    with ws.store.session() as s:
        rows = s.execute(select(AppealRow).where(AppealRow.status == "open", AppealRow.deadline < day)
                         .order_by(AppealRow.id)).scalars().all()
        for a in rows:
            f = s.get(FindingRow, a.finding_id)
            if rs.locked_by_dossier(s, f.id):
                continue
            a.status, a.outcome = "confirmed_silence", "upheld"
            ws.log(s, "review.appeal.silence", "appeal", a.id, before={"status": "open"},
                   after={"status": a.status, "deadline": a.deadline.isoformat(), "settled_on": day.isoformat()},
                   details={"finding": f.id, "deadline": a.deadline.isoformat()})
            if f.status == "doubtful":
                _resolve_finding(ws, s, f, "confirmed", None, "")
            done.append(a.id)
    return done


def list_appeals(ws: Workspace, *, today: dt.date | None = None, open_only: bool = False) -> list[AppealInfo]:
    day = today or dt.date.today()
    with ws.store.read() as s:
        q = (select(AppealRow, FindingRow.unit_id, FindingRow.category, FindingRow.amount, ReviewUnitRow.setl_id,
                    SettlementRow.fixmedins_name)
             .join(FindingRow, FindingRow.id == AppealRow.finding_id)
             .join(ReviewUnitRow, ReviewUnitRow.id == FindingRow.unit_id)
             .join(SettlementRow, SettlementRow.setl_id == ReviewUnitRow.setl_id)
             .order_by(AppealRow.deadline, AppealRow.id))
        if open_only:
            q = q.where(AppealRow.status == "open")
        out = []
        cal = workdays_service.calendar_in(s)
        for a, unit_id, cat, amount, setl_id, inst_name in s.execute(q):
            left = cal.workdays_between(day, a.deadline)
            assumed = left.assumed or cal.due(a.sent_on, a.working_days).assumed
            out.append(AppealInfo(a.id, a.finding_id, unit_id, setl_id, a.institution_code, inst_name or "", cat,
                                  amount, a.sent_on, a.working_days, a.deadline, a.status, a.answer, a.answered_on,
                                  a.outcome, left.count, assumed))
    return out
