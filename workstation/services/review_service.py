"""Review work: the reviewer's queue, units, findings, decisions, submit and undo.

Every edit is its own committed transaction with its event (no "save" to
forget). Undo is the inverse operation, applied and logged like any other
edit; what to invert is read back from the event log itself (each undoable
event carries ``details.unit`` and the state before the change), so the
history cannot drift from what the log says happened. Undo is refused once
the unit is submitted.
"""
from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any, Iterable

from sqlalchemy import func, select
from sqlalchemy.exc import DatabaseError, IntegrityError
from sqlalchemy.orm import Session

from ..core.errors import BadInput, Conflict, NotFound, NotPermitted
from ..core.i18n import T
from ..store.models.base import utcnow
from ..store.models.claims import FeeLineRow, SettlementRow
from ..store.models.dossier import DossierFindingRow, DossierRow
from ..store.models.identity import EventRow
from ..store.models.review import EvidenceRow, FindingLineRow, FindingRow, ReviewUnitRow
from ..store.models.screening import FlagRow
from .workspace import Workspace

STATUSES = ("pending", "in_progress", "compliant", "violation", "doubtful")
DECIDED = ("compliant", "violation", "doubtful")
STATUS_LABELS = {
    "pending": T("待审", "Pending"),
    "in_progress": T("审核中", "In progress"),
    "compliant": T("合规", "Compliant"),
    "violation": T("违规", "Violation"),
    "doubtful": T("存疑", "Doubtful"),
}
FINDING_STATUSES = ("confirmed", "doubtful", "withdrawn")
FINDING_STATUS_LABELS = {
    "confirmed": T("已确认", "Confirmed"),
    "doubtful": T("存疑", "Doubtful"),
    "withdrawn": T("已撤回", "Withdrawn"),
}
EDITABLE_FINDING_FIELDS = ("category", "amount", "amount_reason", "basis", "note", "status")
UNDOABLE = ("review.finding.create", "review.finding.update", "review.finding.delete", "review.unit.decide",
            "review.evidence.add", "review.evidence.delete")


# -- value objects handed to the UI (never ORM rows) ------------------------------------
@dataclass(frozen=True)
class QueueItem:
    unit_id: int
    setl_id: str
    status: str
    submitted: bool
    source: str
    assigned_to: str | None
    institution: str
    med_type: str
    setl_time: str
    medfee_sumamt: int
    flags: int
    findings: int


@dataclass(frozen=True)
class Queue:
    items: list[QueueItem]
    reviewed: int
    total: int


@dataclass(frozen=True)
class FindingInfo:
    id: int
    uuid: str
    unit_id: int
    category: str
    amount: int
    amount_auto: int
    amount_reason: str
    basis: str
    note: str
    status: str
    fee_line_ids: tuple[int, ...]
    evidence: tuple[tuple[int, str, str, int], ...]  # (id, file name, mime, size)
    version: int
    created_by: str
    updated_by: str


@dataclass(frozen=True)
class UnitInfo:
    id: int
    uuid: str
    setl_id: str
    sample_id: int | None
    source: str
    assigned_to: str | None
    status: str
    submitted: bool
    decided_by: str | None
    decided_at: dt.datetime | None
    note: str
    version: int
    findings: list[FindingInfo] = field(default_factory=list)
    can_undo: bool = False


# -- helpers ------------------------------------------------------------------------------
def _now() -> dt.datetime:
    return utcnow()


def _unit(s: Session, unit_id: int, *, lock: bool = False) -> ReviewUnitRow:
    # lock: a save holds the row until it commits, so two people saving at once are
    # serialised and the second sees the first's version (no lost update on the server).
    row = s.get(ReviewUnitRow, unit_id)
    if row is None:
        raise NotFound(what=f"review unit {unit_id}")
    if lock:
        _lock(s, ReviewUnitRow, row)
    return row


def _lock(s: Session, model, row) -> None:
    """Hold the row until commit and re-read it. A row the server does not let this person change
    (row-level security) cannot be locked: it stays as read, and the edit is refused by the checks."""
    if s.execute(select(model.id).where(model.id == row.id).with_for_update()).scalar() is not None:
        s.refresh(row)


def _finding(s: Session, finding_id: int, *, lock: bool = False) -> FindingRow:
    row = s.get(FindingRow, finding_id)
    if row is None or row.deleted:
        raise NotFound(what=f"finding {finding_id}")
    if lock:
        _lock(s, FindingRow, row)
    return row


def _may_edit(ws: Workspace, unit: ReviewUnitRow) -> None:
    if unit.assigned_to not in (None, ws.user.name) and not ws.user.can_supervise:
        raise NotPermitted(detail=T("该审核单元分配给了 {who}", "this unit is assigned to {who}").render(
            ws.lang, who=unit.assigned_to))


def _not_submitted(ws: Workspace, unit: ReviewUnitRow) -> None:
    if unit.submitted:
        raise Conflict(detail=T("审核单元已提交，不能再修改或撤销", "the unit is submitted; it can no longer be changed "
                                "or undone").render(ws.lang))


def locked_by_dossier(s: Session, finding_id: int) -> bool:
    return s.execute(select(func.count()).select_from(DossierFindingRow).join(
        DossierRow, DossierRow.id == DossierFindingRow.dossier_id).where(
        DossierFindingRow.finding_id == finding_id, DossierRow.status.in_(("approved", "locked")))).scalar_one() > 0


def _check_lock(ws: Workspace, s: Session, finding_id: int) -> None:
    if locked_by_dossier(s, finding_id):
        raise Conflict(detail=T("该发现已收入已批准的卷宗，不能修改", "the finding is part of an approved dossier and "
                                "cannot be changed").render(ws.lang))


def _bump(row: Any, ws: Workspace | None = None) -> None:
    row.version = (row.version or 0) + 1
    row.updated_at = _now()
    if ws is not None and hasattr(row, "updated_by"):
        row.updated_by = ws.user.name


def _finding_state(row: FindingRow) -> dict:
    return {k: getattr(row, k) for k in EDITABLE_FINDING_FIELDS} | {"deleted": row.deleted}


def _unit_state(row: ReviewUnitRow) -> dict:
    return {"status": row.status, "decided_by": row.decided_by,
            "decided_at": row.decided_at.isoformat() if row.decided_at else None, "note": row.note}


def _flush_or_conflict(ws: Workspace, s: Session) -> None:
    try:
        s.flush()
    except (IntegrityError, DatabaseError) as exc:
        if "locked by an approved dossier" in str(exc):
            raise Conflict(detail=T("该发现已收入已批准的卷宗，不能修改", "the finding is part of an approved dossier "
                                    "and cannot be changed").render(ws.lang)) from None
        raise


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
        items = [QueueItem(r[0], r[1], r[2], bool(r[3]), r[4], r[5], r[6] or "", r[7] or "", r[8] or "", r[9] or 0,
                           r[10], r[11]) for r in s.execute(q)]
    total = len(items)
    reviewed = sum(1 for i in items if i.status in DECIDED)
    if status:
        items = [i for i in items if i.status == status]
    return Queue(items, reviewed, total)


def open_unit_for_settlement(ws: Workspace, setl_id: str, source: str = "flag", assigned_to: str | None = None) -> int:
    """Create (or return the existing open) review unit for this settlement and user."""
    who = assigned_to or ws.user.name
    with ws.store.session() as s:
        if s.get(SettlementRow, setl_id) is None:
            raise NotFound(what=f"settlement {setl_id}")
        existing = s.execute(select(ReviewUnitRow.id).where(
            ReviewUnitRow.setl_id == setl_id, ReviewUnitRow.assigned_to == who,
            ReviewUnitRow.submitted.is_(False)).order_by(ReviewUnitRow.id)).scalars().first()
        if existing is not None:
            return existing
        row = ReviewUnitRow(uuid=str(uuid.uuid4()), setl_id=setl_id, sample_id=None, source=source,
                            assigned_to=who, status="pending", submitted=False, note="", version=1,
                            updated_at=_now())
        s.add(row)
        s.flush()
        ws.log(s, "review.unit.open", "review_unit", row.id, after={"setl_id": setl_id, "source": source,
                                                                     "assigned_to": who},
               details={"unit": row.id, "setl_id": setl_id, "source": source, "assigned_to": who})
        return row.id


def _finding_infos(s: Session, unit_ids: Iterable[int]) -> dict[int, list[FindingInfo]]:
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
            ev.setdefault(e[0], []).append((e[1], e[2], e[3], e[4]))
    out: dict[int, list[FindingInfo]] = {}
    for r in rows:
        out.setdefault(r.unit_id, []).append(FindingInfo(
            r.id, r.uuid, r.unit_id, r.category, r.amount, r.amount_auto, r.amount_reason, r.basis, r.note, r.status,
            tuple(lines.get(r.id, ())), tuple(ev.get(r.id, ())), r.version, r.created_by, r.updated_by))
    return out


def unit(ws: Workspace, unit_id: int) -> UnitInfo:
    with ws.store.read() as s:
        u = _unit(s, unit_id)
        findings = _finding_infos(s, [unit_id]).get(unit_id, [])
        can_undo = (not u.submitted) and _last_undoable(s, unit_id) is not None
        return UnitInfo(u.id, u.uuid, u.setl_id, u.sample_id, u.source, u.assigned_to, u.status, bool(u.submitted),
                        u.decided_by, u.decided_at, u.note, u.version, findings, can_undo)


def start_unit(ws: Workspace, unit_id: int) -> UnitInfo:
    """Opening a pending unit of one's own puts it in progress (logged once)."""
    with ws.store.session() as s:
        u = _unit(s, unit_id)
        if u.status == "pending" and not u.submitted and u.assigned_to == ws.user.name:
            before = _unit_state(u)
            u.status = "in_progress"
            _bump(u)
            ws.log(s, "review.unit.start", "review_unit", u.id, before=before, after=_unit_state(u),
                   details={"unit": u.id})
    return unit(ws, unit_id)


# -- findings -----------------------------------------------------------------------------
def lines_sum(s: Session, setl_id: str, fee_line_ids: Iterable[int]) -> tuple[list[int], int]:
    ids = sorted(set(int(i) for i in fee_line_ids))
    if not ids:
        return [], 0
    rows = s.execute(select(FeeLineRow.id, FeeLineRow.det_item_fee_sumamt, FeeLineRow.setl_id).where(
        FeeLineRow.id.in_(ids))).all()
    if len(rows) != len(ids) or any(r[2] != setl_id for r in rows):
        raise BadInput(T("所选费用明细不属于该结算", "the chosen fee lines do not belong to this settlement"))
    return ids, sum(r[1] or 0 for r in rows)


def _check_amount(ws: Workspace, amount: int, auto: int, reason: str) -> None:
    if not isinstance(amount, int) or isinstance(amount, bool):
        raise BadInput(T("金额必须是整数分", "the amount must be integer fen"))
    if amount < 0:
        raise BadInput(T("金额不能为负", "the amount cannot be negative"))
    if amount != auto and not (reason or "").strip():
        raise BadInput(T("金额与所选明细合计（{auto}）不同，须填写调整理由",
                         "the amount differs from the sum of the chosen lines ({auto}); give a reason"),
                       auto=_yuan(auto))


def _yuan(fen: int) -> str:
    from ..core.money import fen_to_str

    return fen_to_str(fen) or "0.00"


def _check_category(code: str) -> None:
    from .catalog_service import violations

    if code not in {v.code for v in violations()}:
        raise BadInput(T("未知的违规类别：{code}", "unknown violation category: {code}"), code=code)


def create_finding(ws: Workspace, unit_id: int, fee_line_ids: Iterable[int], category: str, *,
                   amount: int | None = None, amount_reason: str = "", basis: str = "", note: str = "",
                   status: str = "confirmed") -> int:
    """A finding on the chosen fee lines (none = on the settlement as a whole); saved at once."""
    _check_category(category)
    if status not in FINDING_STATUSES:
        raise BadInput(T("未知的发现状态：{s}", "unknown finding status: {s}"), s=status)
    with ws.store.session() as s:
        u = _unit(s, unit_id)
        _may_edit(ws, u)
        _not_submitted(ws, u)
        ids, auto = lines_sum(s, u.setl_id, fee_line_ids)
        amt = auto if amount is None else amount
        _check_amount(ws, amt, auto, amount_reason)
        now = _now()
        row = FindingRow(uuid=str(uuid.uuid4()), unit_id=u.id, category=category, amount=amt, amount_auto=auto,
                         amount_reason=amount_reason if amt != auto else "", basis=basis, note=note, status=status,
                         deleted=False, created_by=ws.user.name, created_at=now, updated_by=ws.user.name,
                         updated_at=now, version=1)
        s.add(row)
        s.flush()
        s.add_all([FindingLineRow(finding_id=row.id, fee_line_id=i) for i in ids])
        if u.status == "pending":
            u.status = "in_progress"
        _bump(u)
        ws.log(s, "review.finding.create", "finding", row.id, after=_finding_state(row) | {"lines": ids},
               details={"unit": u.id, "finding": row.id, "lines": ids, "uuid": row.uuid})
        return row.id


def update_finding(ws: Workspace, finding_id: int, *, expected_version: int | None = None, **changes: Any) -> int:
    """Change some fields of a finding; returns its new version. A no-op change writes nothing."""
    bad = set(changes) - set(EDITABLE_FINDING_FIELDS) - {"fee_line_ids"}
    if bad:
        raise BadInput(T("不能修改的字段：{f}", "fields that cannot be changed: {f}"), f=", ".join(sorted(bad)))
    if "category" in changes:
        _check_category(changes["category"])
    if "status" in changes and changes["status"] not in FINDING_STATUSES:
        raise BadInput(T("未知的发现状态：{s}", "unknown finding status: {s}"), s=changes["status"])
    with ws.store.session() as s:
        u = _unit(s, _finding(s, finding_id).unit_id, lock=True)
        row = _finding(s, finding_id, lock=True)
        _may_edit(ws, u)
        _not_submitted(ws, u)
        _check_lock(ws, s, row.id)
        if expected_version is not None and expected_version != row.version:
            raise Conflict(detail=T("该发现已被 {who} 于 {at} 修改，请重新打开后再保存",
                                    "the finding was changed by {who} at {at}; reopen it before saving")
                           .render(ws.lang, who=row.updated_by, at=f"{row.updated_at:%Y-%m-%d %H:%M:%S} UTC"))
        before = _finding_state(row)
        old_lines = sorted(s.execute(select(FindingLineRow.fee_line_id).where(
            FindingLineRow.finding_id == row.id)).scalars())
        new_lines = old_lines
        auto = row.amount_auto
        if "fee_line_ids" in changes:
            new_lines, auto = lines_sum(s, u.setl_id, changes.pop("fee_line_ids"))
        amount = changes.get("amount", row.amount if new_lines == old_lines or row.amount != row.amount_auto else auto)
        reason = changes.get("amount_reason", row.amount_reason)
        _check_amount(ws, amount, auto, reason)
        changes["amount"] = amount
        changes["amount_reason"] = reason if amount != auto else ""
        after = before | {k: changes[k] for k in changes}
        if after == before and new_lines == old_lines:
            return row.version
        for k, v in changes.items():
            setattr(row, k, v)
        row.amount_auto = auto
        if new_lines != old_lines:
            s.query(FindingLineRow).filter(FindingLineRow.finding_id == row.id).delete()
            s.add_all([FindingLineRow(finding_id=row.id, fee_line_id=i) for i in new_lines])
        _bump(row, ws)
        _bump(u)
        _flush_or_conflict(ws, s)
        ws.log(s, "review.finding.update", "finding", row.id, before=before | {"lines": old_lines},
               after=_finding_state(row) | {"lines": new_lines},
               details={"unit": u.id, "finding": row.id, "before": before, "before_lines": old_lines,
                        "changed": sorted(k for k in after if after[k] != before.get(k))
                        + (["lines"] if new_lines != old_lines else [])})
        return row.version


def delete_finding(ws: Workspace, finding_id: int) -> None:
    with ws.store.session() as s:
        u = _unit(s, _finding(s, finding_id).unit_id, lock=True)
        row = _finding(s, finding_id, lock=True)
        _may_edit(ws, u)
        _not_submitted(ws, u)
        _check_lock(ws, s, row.id)
        before = _finding_state(row)
        row.deleted = True
        _bump(row, ws)
        _bump(u)
        _flush_or_conflict(ws, s)
        ws.log(s, "review.finding.delete", "finding", row.id, before=before, after=_finding_state(row),
               details={"unit": u.id, "finding": row.id})


# -- decisions ----------------------------------------------------------------------------
def _last_change(s: Session, entity: str, entity_id: int) -> tuple[str, str]:
    """Who changed an entity last and when (from the event log), for "changed by X at T" refusals."""
    row = s.execute(select(EventRow.user, EventRow.at).where(EventRow.entity == entity,
                                                             EventRow.entity_id == str(entity_id))
                    .order_by(EventRow.seq.desc()).limit(1)).first()
    return (row[0], row[1].replace("T", " ").replace("Z", " UTC")) if row else ("?", "?")


def decide_unit(ws: Workspace, unit_id: int, status: str, *, note: str | None = None,
                expected_version: int | None = None) -> None:
    """Record the unit's decision: compliant, violation or doubtful (or back to in progress).

    ``expected_version``: the version the person saw; a unit changed since is refused naming who and when.
    """
    if status not in DECIDED + ("in_progress",):
        raise BadInput(T("未知的审核结论：{s}", "unknown decision: {s}"), s=status)
    with ws.store.session() as s:
        u = _unit(s, unit_id, lock=True)
        if expected_version is not None and expected_version != u.version:
            who, at = _last_change(s, "review_unit", u.id)
            raise Conflict(detail=T("该审核单元已被 {who} 于 {at} 修改，请重新打开后再保存",
                                    "the review unit was changed by {who} at {at}; reopen it before saving")
                           .render(ws.lang, who=who, at=at))
        _may_edit(ws, u)
        _not_submitted(ws, u)
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
        before = _unit_state(u)
        if note is not None:
            u.note = note
        u.status = status
        u.decided_by = ws.user.name if status in DECIDED else None
        u.decided_at = _now() if status in DECIDED else None
        if _unit_state(u) == before:
            return
        _bump(u)
        ws.log(s, "review.unit.decide", "review_unit", u.id, before=before, after=_unit_state(u),
               details={"unit": u.id, "before": before, "status": status})


def submit_unit(ws: Workspace, unit_id: int) -> None:
    """Hand the unit in: from now on it is read-only for the reviewer and undo is closed."""
    with ws.store.session() as s:
        u = _unit(s, unit_id)
        _may_edit(ws, u)
        _not_submitted(ws, u)
        if u.status not in DECIDED:
            raise Conflict(detail=T("请先给出审核结论再提交", "decide the unit before submitting it").render(ws.lang))
        u.submitted = True
        _bump(u)
        ws.log(s, "review.unit.submit", "review_unit", u.id, before={"submitted": False},
               after={"submitted": True, "status": u.status}, details={"unit": u.id, "status": u.status})


# -- undo (review_undo.py) ------------------------------------------------------------
from .review_undo import last_undoable as _last_undoable, undo  # noqa: E402,F401  (re-exported; needs the helpers above)
