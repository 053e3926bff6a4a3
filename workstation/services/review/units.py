"""Review units: the queue, opening, loading, deciding and submitting a unit."""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...core.changes import Area, Changes
from ...core.errors import BadInput, Conflict
from ...core.i18n import T
from ...store.models.claims import FeeLineRow, SettlementRow
from ...store.models.review import EvidenceRow, FindingLineRow, FindingRow, ReviewUnitRow
from ...store.models.screening import FlagRow
from ..claims_query import SettlementDetail, settlement_detail
from ..workspace import Workspace
from .guards import bump, get_unit, last_change, may_edit, not_submitted, now, unit_state
from .model import DECIDED, EvidenceRef, FindingInfo, FindingStatus, Queue, QueueItem, UnitInfo, UnitStatus
from .undo import last_undoable

# -- queue --------------------------------------------------------------------------------
def queue(ws: Workspace, *, user: str | None = None, status: str | None = None, all_users: bool = False) -> Queue:
    """The units assigned to ``user`` (default: the acting user), with progress n of N."""
    who = user or ws.user.name
    with ws.store.read() as s:
        flag_counts = (select(FlagRow.setl_id.label("sid"), func.count().label("n"))
                       .group_by(FlagRow.setl_id).subquery())
        finding_counts = (select(FindingRow.unit_id.label("uid"), func.count().label("n"))
                          .where(FindingRow.deleted.is_(False)).group_by(FindingRow.unit_id).subquery())
        q = (select(ReviewUnitRow.id, ReviewUnitRow.setl_id, ReviewUnitRow.status, ReviewUnitRow.submitted,
                    ReviewUnitRow.source, ReviewUnitRow.assigned_to, SettlementRow.fixmedins_name,
                    SettlementRow.med_type, SettlementRow.setl_time, SettlementRow.medfee_sumamt,
                    func.coalesce(flag_counts.c.n, 0), func.coalesce(finding_counts.c.n, 0))
             .join(SettlementRow, SettlementRow.setl_id == ReviewUnitRow.setl_id)
             .outerjoin(flag_counts, flag_counts.c.sid == ReviewUnitRow.setl_id)
             .outerjoin(finding_counts, finding_counts.c.uid == ReviewUnitRow.id)
             .order_by(ReviewUnitRow.id))
        if not all_users:
            q = q.where(ReviewUnitRow.assigned_to == who)
        items = [QueueItem(r[0], r[1], UnitStatus(r[2]), bool(r[3]), r[4], r[5], r[6] or "", r[7] or "", r[8] or "", r[9] or 0,
                           r[10], r[11]) for r in s.execute(q)]
    total = len(items)
    reviewed = sum(1 for i in items if i.status in DECIDED)
    if status:
        items = [i for i in items if i.status == status]
    return Queue(items, reviewed, total)


def open_unit_for_settlement(ws: Workspace, setl_id: str, source: str = "flag", assigned_to: str | None = None) -> int:
    """Create (or return the existing open) review unit for this settlement and user."""
    with ws.store.session() as s:
        return open_unit_in(ws, s, setl_id, source, assigned_to)


def open_unit_in(ws: Workspace, s: Session, setl_id: str, source: str = "flag",
                 assigned_to: str | None = None) -> int:
    """``open_unit_for_settlement`` inside the caller's transaction."""
    who = assigned_to or ws.user.name
    if s.get(SettlementRow, setl_id) is None:
        raise NotFound(what=f"settlement {setl_id}")
    existing = s.execute(select(ReviewUnitRow.id).where(
        ReviewUnitRow.setl_id == setl_id, ReviewUnitRow.assigned_to == who,
        ReviewUnitRow.submitted.is_(False)).order_by(ReviewUnitRow.id)).scalars().first()
    if existing is not None:
        return existing
    row = ReviewUnitRow(uuid=str(uuid.uuid4()), setl_id=setl_id, sample_id=None, source=source,
                        assigned_to=who, status="pending", submitted=False, note="", version=1,
                        updated_at=now())
    s.add(row)
    s.flush()
    ws.log(s, "review.unit.open", "review_unit", row.id, after={"setl_id": setl_id, "source": source,
                                                                 "assigned_to": who},
           details={"unit": row.id, "setl_id": setl_id, "source": source, "assigned_to": who})
    return row.id


def finding_infos(s: Session, unit_ids: Iterable[int]) -> dict[int, list[FindingInfo]]:
    ids = list(unit_ids)
    rows = s.execute(select(FindingRow).where(FindingRow.unit_id.in_(ids), FindingRow.deleted.is_(False))
                     .order_by(FindingRow.id)).scalars().all()
    fids = [r.id for r in rows]
    lines: dict[int, list[int]] = {}
    ev: dict[int, list[tuple]] = {}
    if fids:
        for fid, lid in s.execute(select(FindingLineRow.finding_id, FindingLineRow.fee_line_id).where(
                FindingLineRow.finding_id.in_(fids)).order_by(FindingLineRow.fee_line_id)):
            lines.setdefault(fid, []).append(lid)
        for e in s.execute(select(EvidenceRow.finding_id, EvidenceRow.id, EvidenceRow.file_name, EvidenceRow.mime,
                                  EvidenceRow.size).where(EvidenceRow.finding_id.in_(fids),
                                                          EvidenceRow.deleted.is_(False)).order_by(EvidenceRow.id)):
            ev.setdefault(e[0], []).append(EvidenceRef(e[1], e[2], e[3], e[4]))
    out: dict[int, list[FindingInfo]] = {}
    for r in rows:
        out.setdefault(r.unit_id, []).append(FindingInfo(
            r.id, r.uuid, r.unit_id, r.category, r.amount, r.amount_auto, r.amount_reason, r.basis, r.note,
            FindingStatus(r.status),
            tuple(lines.get(r.id, ())), tuple(ev.get(r.id, ())), r.version, r.created_by, r.updated_by))
    return out


def unit(ws: Workspace, unit_id: int) -> UnitInfo:
    with ws.store.read() as s:
        u = get_unit(s, unit_id)
        findings = finding_infos(s, [unit_id]).get(unit_id, [])
        can_undo = (not u.submitted) and last_undoable(s, unit_id) is not None
        return UnitInfo(u.id, u.uuid, u.setl_id, u.sample_id, u.source, u.assigned_to, UnitStatus(u.status), bool(u.submitted),
                        u.decided_by, u.decided_at, u.note, u.version, findings, can_undo)


def start_unit(ws: Workspace, unit_id: int) -> UnitInfo:
    """Opening a pending unit of one's own puts it in progress (logged once)."""
    _start(ws, unit_id)
    return unit(ws, unit_id)


def _start(ws: Workspace, unit_id: int) -> bool:
    """Put a pending unit of one's own in progress; True when it changed."""
    with ws.store.session() as s:
        u = get_unit(s, unit_id)
        if u.status == "pending" and not u.submitted and u.assigned_to == ws.user.name:
            before = unit_state(u)
            u.status = "in_progress"
            bump(u)
            ws.log(s, "review.unit.start", "review_unit", u.id, before=before, after=unit_state(u),
                   details={"unit": u.id})
            return True
    return False


# -- decisions ----------------------------------------------------------------------------
def decide_unit(ws: Workspace, unit_id: int, status: str, *, note: str | None = None,
                expected_version: int | None = None) -> None:
    """Record the unit's decision: compliant, violation or doubtful (or back to in progress).

    ``expected_version``: the version the person saw; a unit changed since is refused naming who and when.
    """
    if status not in DECIDED + ("in_progress",):
        raise BadInput(T("未知的审核结论：{s}", "unknown decision: {s}"), s=status)
    with ws.store.session() as s:
        u = get_unit(s, unit_id, lock=True)
        if expected_version is not None and expected_version != u.version:
            who, at = last_change(s, "review_unit", u.id)
            raise Conflict(detail=T("该审核单元已被 {who} 于 {at} 修改，请重新打开后再保存",
                                    "the review unit was changed by {who} at {at}; reopen it before saving")
                           .render(ws.lang, who=who, at=at))
        may_edit(ws, u)
        not_submitted(ws, u)
        active = s.execute(select(FindingRow.status).where(FindingRow.unit_id == u.id,
                                                            FindingRow.deleted.is_(False))).scalars().all()
        live = [a for a in active if a != "withdrawn"]
        if status == "compliant" and live:
            raise Conflict(detail=T("该单元还有 {n} 条有效发现，不能判为合规（先删除或撤回）",
                                    "the unit still has {n} findings; withdraw or delete them before marking it "
                                    "compliant").render(ws.lang, n=len(live)))
        if status == "violation" and "confirmed" not in live:
            raise Conflict(detail=T("判为违规需要至少一条已确认的发现", "a violation needs at least one confirmed "
                                    "finding").render(ws.lang))
        before = unit_state(u)
        if note is not None:
            u.note = note
        u.status = status
        u.decided_by = ws.user.name if status in DECIDED else None
        u.decided_at = now() if status in DECIDED else None
        if unit_state(u) == before:
            return
        bump(u)
        ws.log(s, "review.unit.decide", "review_unit", u.id, before=before, after=unit_state(u),
               details={"unit": u.id, "before": before, "status": status})


def submit_unit(ws: Workspace, unit_id: int) -> None:
    """Hand the unit in: from now on it is read-only for the reviewer and undo is closed."""
    with ws.store.session() as s:
        u = get_unit(s, unit_id)
        may_edit(ws, u)
        not_submitted(ws, u)
        if u.status not in DECIDED:
            raise Conflict(detail=T("请先给出审核结论再提交", "decide the unit before submitting it").render(ws.lang))
        u.submitted = True
        bump(u)
        ws.log(s, "review.unit.submit", "review_unit", u.id, before={"submitted": False},
               after={"submitted": True, "status": u.status}, details={"unit": u.id, "status": u.status})


@dataclass(frozen=True)
class UnitView:
    """Everything the record view shows of a unit, read in one trip to the database worker."""

    unit: UnitInfo
    line_names: dict[int, tuple[str, str]]  # fee line id -> (feedetl_sn, item name), for the lines findings name
    line_rules: dict[int | None, str]  # fee line id (None: the settlement) -> its first flag's rule
    detail: SettlementDetail | None  # None when the caller already shows this settlement
    changes: Changes | None = None  # set when opening the unit started it (the queue shows its new status)


def unit_view(ws: Workspace, unit_id: int, *, start: bool = True, shown_setl_id: str | None = "?") -> UnitView:
    """The unit (started if it is one's own and pending), the names of its findings' lines, each flagged
    line's first rule, and the settlement's detail unless it is ``shown_setl_id`` (the one already shown)."""
    started = _start(ws, unit_id) if start else False
    info = unit(ws, unit_id)
    ids = sorted({i for f in info.findings for i in f.fee_line_ids})
    with ws.store.read() as s:
        names = {r[0]: (r[1], r[2] or "") for r in s.execute(select(
            FeeLineRow.id, FeeLineRow.feedetl_sn, FeeLineRow.hilist_name).where(FeeLineRow.id.in_(ids)))} if ids else {}
        rules: dict[int | None, str] = {}
        for lid, rule in s.execute(select(FlagRow.fee_line_id, FlagRow.rule_id).where(
                FlagRow.setl_id == info.setl_id).order_by(FlagRow.id)):
            rules.setdefault(lid, rule)
    detail = settlement_detail(ws, info.setl_id) if info.setl_id != shown_setl_id else None
    return UnitView(info, names, rules, detail,
                    Changes.of(Area.REVIEW, units=[unit_id]) if started else None)
