"""Seed 004's monthly work plan and work summary (月度工作计划 / 工作总结): documents the team writes.

A plan is one per contract and month: an opening text, numbered items, and a
closing summary. Each item can link to an inspection or a dossier (by its
number) and is marked done / not done with what came of it; the plan prints the
items, the summary prints them with their results. Supervisors and the admin
write; everyone reads. Every save is logged with before/after.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select

from ...core.errors import BadInput
from ...core.i18n import T
from ...store.models.base import utcnow
from ...store.models.operations import WorkPlanItemRow, WorkPlanRow
from ..workspace import Workspace
from . import common

LINK_KINDS = ("", "inspection", "dossier")


@dataclass(frozen=True)
class PlanItem:
    text: str
    done: bool = False
    result: str = ""
    link_kind: str = ""  # '' | inspection | dossier
    link_ref: str = ""


@dataclass(frozen=True)
class WorkPlan:
    contract: str
    month: str
    intro: str
    summary: str
    items: tuple[PlanItem, ...]
    updated_by: str = ""

    @property
    def done_count(self) -> int:
        return sum(1 for i in self.items if i.done)


def get_plan(ws: Workspace, month: str, contract: str | None = None) -> WorkPlan:
    p = common.profile(ws, contract)
    _f, _l, label = common.parse_period("month", month, ws.lang)
    with ws.store.read() as s:
        row = s.execute(select(WorkPlanRow).where(WorkPlanRow.contract == p["id"], WorkPlanRow.month == label)).scalar()
        if row is None:
            return WorkPlan(p["id"], label, "", "", ())
        items = s.execute(select(WorkPlanItemRow).where(WorkPlanItemRow.plan_id == row.id)
                          .order_by(WorkPlanItemRow.position, WorkPlanItemRow.id)).scalars()
        return WorkPlan(p["id"], label, row.intro, row.summary,
                        tuple(PlanItem(i.text, i.done, i.result, i.link_kind, i.link_ref) for i in items), row.updated_by)


def _state(plan: WorkPlan) -> dict:
    return {"intro": plan.intro, "summary": plan.summary,
            "items": [[i.text, i.done, i.result, i.link_kind, i.link_ref] for i in plan.items]}


def save_plan(ws: Workspace, plan: WorkPlan) -> WorkPlan:
    """Replace the month's plan (supervisors and the admin); one transaction, one logged event."""
    ws.require_supervisor()
    _f, _l, label = common.parse_period("month", plan.month, ws.lang)
    for n, item in enumerate(plan.items, start=1):
        if not item.text.strip():
            raise BadInput(T("第 {n} 项计划内容为空", "plan item {n} is empty"), n=n)
        if item.link_kind not in LINK_KINDS:
            raise BadInput(T("关联类型应为 inspection 或 dossier", "a link is to an inspection or a dossier"))
    before = get_plan(ws, label, plan.contract)
    with ws.store.session() as s:
        row = s.execute(select(WorkPlanRow).where(WorkPlanRow.contract == plan.contract,
                                                  WorkPlanRow.month == label)).scalar()
        if row is None:
            row = WorkPlanRow(contract=plan.contract, month=label)
            s.add(row)
        row.intro, row.summary, row.updated_by, row.updated_at = plan.intro, plan.summary, ws.user.name, utcnow()
        s.flush()
        s.execute(delete(WorkPlanItemRow).where(WorkPlanItemRow.plan_id == row.id))
        s.add_all([WorkPlanItemRow(plan_id=row.id, position=n, text=i.text.strip(), done=i.done, result=i.result,
                                   link_kind=i.link_kind, link_ref=i.link_ref) for n, i in enumerate(plan.items)])
        ws.log(s, "workplan.save", "work_plan", f"{plan.contract}:{label}",
               before=_state(before) if before.items or before.intro else None, after=_state(plan),
               details={"items": len(plan.items), "done": plan.done_count})
    return get_plan(ws, label, plan.contract)
