"""Staff changes (seed 004, clause 7): written notice, approval, then the change.

A change request names who leaves and/or who joins, why, and the date Party A
was notified in writing. It takes effect only when it was approved by a
supervisor (with Party A's approval reference when there is one) AND on or
after notice date + ``notice_days`` (15 by default, from the active profile's
``staff_change``). Applying it ends the leaving person's record (end date = the
effective date, the first day they are gone) and creates the joining person's
record starting that day, in one transaction with the events.
"""
from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import select

from ..core.errors import BadInput, Conflict, NotFound
from ..core.i18n import T
from ..core.import_format import mask_certno
from ..store.models.base import utcnow
from ..store.models.roster import StaffChangeRow, StaffRow
from . import profile_service, roster_service
from ..core.workdays import default_calendar
from .workspace import Workspace

STATUSES = ("requested", "approved", "rejected", "effective")
STATUS_LABELS = {"requested": T("待审批", "requested"), "approved": T("已批准", "approved"),
                 "rejected": T("已驳回", "rejected"), "effective": T("已生效", "effective")}


def _terms(ws: Workspace) -> dict[str, Any]:
    return profile_service.staff_change_terms(profile_service.active_profile(ws))


def earliest_date(notice_date: dt.date, notice_days: int) -> dt.date:
    """The first day a change may take effect: notice date + notice_days (calendar days).

    Counted by the one deadline function (core.workdays.WorkCalendar.due) in
    calendar days, as the contract says 15 日, not working days.
    """
    return default_calendar().due(notice_date, notice_days, working=False).due


def _as_date(value: Any, column: str) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise BadInput(T("日期格式应为 YYYY-MM-DD", "dates are YYYY-MM-DD"), column=column) from None


def _public(row: StaffChangeRow, leaving: StaffRow | None, notice_days: int) -> dict[str, Any]:
    joining = json.loads(row.joining or "{}")
    if joining.get("certno"):
        joining["certno"] = mask_certno(joining["certno"])
    return {
        "id": row.id, "leaving_staff_id": row.leaving_staff_id,
        "leaving": {"staff_no": leaving.staff_no, "name": leaving.name} if leaving else None,
        "joining": joining or None, "reason": row.reason, "notice_date": row.notice_date.isoformat(),
        "planned_date": row.planned_date.isoformat() if row.planned_date else None,
        "earliest_date": earliest_date(row.notice_date, notice_days).isoformat(),
        "status": row.status, "requested_by": row.requested_by, "approved_by": row.approved_by,
        "approval_ref": row.approval_ref,
        "effective_date": row.effective_date.isoformat() if row.effective_date else None,
    }


def list_changes(ws: Workspace) -> list[dict[str, Any]]:
    days = _terms(ws)["notice_days"]
    with ws.store.read() as s:
        rows = s.execute(select(StaffChangeRow).order_by(StaffChangeRow.id.desc())).scalars().all()
        return [_public(r, s.get(StaffRow, r.leaving_staff_id) if r.leaving_staff_id else None, days) for r in rows]


def request_change(ws: Workspace, *, notice_date: dt.date | str, reason: str, leaving_staff_id: int | None = None,
                   joining: dict[str, Any] | None = None, planned_date: dt.date | str | None = None) -> int:
    """Record a change request (admin or supervisor). Nothing changes in the roster yet."""
    ws.require_supervisor()
    notice = _as_date(notice_date, "notice_date")
    if notice is None:
        raise BadInput(T("须填写书面通知甲方的日期", "the date Party A was notified in writing is required"),
                       column="notice_date")
    planned = _as_date(planned_date, "planned_date")
    if not (reason or "").strip():
        raise BadInput(T("须填写更换原因", "a reason is required"), column="reason")
    if leaving_staff_id is None and not joining:
        raise BadInput(T("须指定离岗人员或新增人员", "name who leaves or who joins"), column="leaving")
    clean_joining: dict[str, Any] = {}
    if joining:
        clean = roster_service.clean_fields(joining)
        if not clean.get("staff_no") or not clean.get("name"):
            raise BadInput(T("新增人员须有工号和姓名", "the joining person needs a staff number and a name"),
                           column="staff_no")
        clean_joining = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in clean.items()}
    with ws.store.session() as s:
        if leaving_staff_id is not None:
            leaving = s.get(StaffRow, leaving_staff_id)
            if leaving is None:
                raise NotFound(what=f"staff {leaving_staff_id}")
        if clean_joining:
            exists = s.execute(select(StaffRow.id).where(StaffRow.staff_no == clean_joining["staff_no"])).scalar()
            if exists is not None:
                raise BadInput(T("工号 {no} 已存在", "staff number {no} exists"), column="staff_no",
                               no=clean_joining["staff_no"])
        row = StaffChangeRow(leaving_staff_id=leaving_staff_id, joining=json.dumps(clean_joining, ensure_ascii=False),
                             reason=reason.strip(), notice_date=notice, planned_date=planned, status="requested",
                             requested_by=ws.user.name)
        s.add(row)
        s.flush()
        public = {**clean_joining, "certno": mask_certno(clean_joining.get("certno"))} if clean_joining else None
        ws.log(s, "staff_change.request", "staff_change", row.id,
               after={"leaving_staff_id": leaving_staff_id, "joining": public, "reason": row.reason,
                      "notice_date": notice.isoformat()},
               details={"leaving_staff_id": leaving_staff_id, "joining_staff_no": clean_joining.get("staff_no"),
                        "notice_date": notice.isoformat()})
        return row.id


def approve(ws: Workspace, change_id: int, approval_ref: str = "") -> None:
    """A supervisor records the approval (with Party A's written approval reference if any)."""
    ws.require_supervisor()
    with ws.store.session() as s:
        row = s.get(StaffChangeRow, change_id)
        if row is None:
            raise NotFound(what=f"staff change {change_id}")
        if row.status != "requested":
            raise Conflict(detail=T("该变更状态为“{status}”，不能审批", "the change is {status}; it cannot be approved")
                           .render(ws.lang, status=STATUS_LABELS[row.status].render(ws.lang)))
        row.status, row.approved_by, row.approved_at = "approved", ws.user.name, utcnow()
        row.approval_ref = (approval_ref or "").strip()
        ws.log(s, "staff_change.approve", "staff_change", change_id, before={"status": "requested"},
               after={"status": "approved", "approval_ref": row.approval_ref},
               details={"approval_ref": row.approval_ref})


def reject(ws: Workspace, change_id: int, comment: str = "") -> None:
    ws.require_supervisor()
    with ws.store.session() as s:
        row = s.get(StaffChangeRow, change_id)
        if row is None:
            raise NotFound(what=f"staff change {change_id}")
        if row.status not in ("requested", "approved"):
            raise Conflict(detail=T("该变更已{status}", "the change is already {status}")
                           .render(ws.lang, status=STATUS_LABELS[row.status].render(ws.lang)))
        before = row.status
        row.status = "rejected"
        ws.log(s, "staff_change.reject", "staff_change", change_id, before={"status": before},
               after={"status": "rejected"}, details={"comment": comment})


class ChangeRefused(Conflict):
    """A staff change that may not take effect (yet); the message lists every reason."""

    default = T("人员变更不能生效：{detail}", "The staff change cannot take effect: {detail}")

    def __init__(self, reasons: list[tuple[T, dict[str, Any]]]) -> None:
        self.reasons = reasons
        super().__init__(detail=self._join("en"))

    def _join(self, lang: str) -> str:
        return ("; " if lang == "en" else "；").join(t.render(lang, **p) for t, p in self.reasons)

    def message(self, lang: str) -> str:
        return self.text.render(lang, detail=self._join(lang))


def refusal_reasons(ws: Workspace, change: dict[str, Any] | StaffChangeRow,
                    effective: dt.date) -> list[tuple[T, dict[str, Any]]]:
    """Why the change cannot take effect on ``effective``; empty when it can."""
    terms = _terms(ws)
    status = change["status"] if isinstance(change, dict) else change.status
    notice = _as_date(change["notice_date"] if isinstance(change, dict) else change.notice_date, "notice_date")
    if status == "effective":
        return [(T("该变更已生效", "the change has already taken effect"), {})]
    if status == "rejected":
        return [(T("该变更已被驳回", "the change was rejected"), {})]
    reasons: list[tuple[T, dict[str, Any]]] = []
    if terms.get("approval_required", True) and status != "approved":
        reasons.append((T("尚未经主管审批（须先记录甲方同意）",
                          "it has not been approved by a supervisor (record Party A's consent first)"), {}))
    first = earliest_date(notice, int(terms["notice_days"]))
    if effective < first:
        reasons.append((T("书面通知日期为 {notice}，须提前 {days} 日通知，最早 {first} 生效",
                          "notice was given on {notice}; {days} days' notice means it can take effect on {first} "
                          "at the earliest"),
                        {"notice": notice.isoformat(), "days": terms["notice_days"], "first": first.isoformat()}))
    return reasons


def refusal(ws: Workspace, change: dict[str, Any] | StaffChangeRow, effective: dt.date) -> str | None:
    """The reasons in the workspace's language; None when the change may take effect."""
    reasons = refusal_reasons(ws, change, effective)
    return ChangeRefused(reasons)._join(ws.lang) if reasons else None


def apply_change(ws: Workspace, change_id: int, effective: dt.date | str) -> dict[str, Any]:
    """Make the change take effect on ``effective``, or refuse (Conflict) saying why."""
    ws.require_admin()  # the administrator keeps the roster; the approval is the supervisor's
    day = _as_date(effective, "effective_date")
    if day is None:
        raise BadInput(T("须填写生效日期", "the effective date is required"), column="effective_date")
    with ws.store.session() as s:
        row = s.get(StaffChangeRow, change_id)
        if row is None:
            raise NotFound(what=f"staff change {change_id}")
        reasons = refusal_reasons(ws, row, day)
        if reasons:
            raise ChangeRefused(reasons)
        joined_id = None
        if row.leaving_staff_id is not None:
            leaving = s.get(StaffRow, row.leaving_staff_id)
            if leaving.end_date is None or leaving.end_date > day:
                roster_service.save_staff(ws, {"end_date": day}, leaving.id, session=s, action="roster.leave")
        joining = json.loads(row.joining or "{}")
        if joining:
            joining = {**joining, "start_date": day, "end_date": None}
            joined_id = roster_service.save_staff(ws, joining, None, session=s, action="roster.join")
        row.status, row.effective_date = "effective", day
        ws.log(s, "staff_change.apply", "staff_change", change_id, before={"status": "approved"},
               after={"status": "effective", "effective_date": day.isoformat()},
               details={"leaving_staff_id": row.leaving_staff_id, "joined_staff_id": joined_id})
        return {"change_id": change_id, "status": "effective", "effective_date": day.isoformat(),
                "leaving_staff_id": row.leaving_staff_id, "joined_staff_id": joined_id}
