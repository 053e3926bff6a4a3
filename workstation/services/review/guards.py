"""The rules every review write checks, and the loaders it starts from (public: used by
appeals, evidence and undo as much as by review itself)."""
from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import DatabaseError, IntegrityError
from sqlalchemy.orm import Session

from ...core.errors import Conflict, NotFound, NotPermitted
from ...core.i18n import T
from ...store.models.base import utcnow
from ...store.models.dossier import DossierFindingRow, DossierRow
from ...store.models.identity import EventRow
from ...store.models.review import FindingRow, ReviewUnitRow
from ..workspace import Workspace
from .model import EDITABLE_FINDING_FIELDS

def now() -> dt.datetime:
    return utcnow()


def get_unit(s: Session, unit_id: int, *, lock: bool = False) -> ReviewUnitRow:
    # lock: a save holds the row until it commits, so two people saving at once are
    # serialised and the second sees the first's version (no lost update on the server).
    row = s.get(ReviewUnitRow, unit_id)
    if row is None:
        raise NotFound(what=f"review unit {unit_id}")
    if lock:
        lock_row(s, ReviewUnitRow, row)
    return row


def lock_row(s: Session, model, row) -> None:
    """Hold the row until commit and re-read it. A row the server does not let this person change
    (row-level security) cannot be locked: it stays as read, and the edit is refused by the checks."""
    if s.execute(select(model.id).where(model.id == row.id).with_for_update()).scalar() is not None:
        s.refresh(row)


def get_finding(s: Session, finding_id: int, *, lock: bool = False) -> FindingRow:
    row = s.get(FindingRow, finding_id)
    if row is None or row.deleted:
        raise NotFound(what=f"finding {finding_id}")
    if lock:
        lock_row(s, FindingRow, row)
    return row


def last_change(s: Session, entity: str, entity_id: int) -> tuple[str, str]:
    """Who changed an entity last and when (from the event log), for "changed by X at T" refusals."""
    row = s.execute(select(EventRow.user, EventRow.at).where(EventRow.entity == entity,
                                                             EventRow.entity_id == str(entity_id))
                    .order_by(EventRow.seq.desc()).limit(1)).first()
    return (row[0], row[1].replace("T", " ").replace("Z", " UTC")) if row else ("?", "?")


def may_edit(ws: Workspace, unit: ReviewUnitRow) -> None:
    if unit.assigned_to not in (None, ws.user.name) and not ws.user.can_supervise:
        raise NotPermitted(detail=T("该审核单元分配给了 {who}", "this unit is assigned to {who}").render(
            ws.lang, who=unit.assigned_to))


def not_submitted(ws: Workspace, unit: ReviewUnitRow) -> None:
    if unit.submitted:
        raise Conflict(detail=T("审核单元已提交，不能再修改或撤销", "the unit is submitted; it can no longer be changed "
                                "or undone").render(ws.lang))


def locked_by_dossier(s: Session, finding_id: int) -> bool:
    return s.execute(select(func.count()).select_from(DossierFindingRow).join(
        DossierRow, DossierRow.id == DossierFindingRow.dossier_id).where(
        DossierFindingRow.finding_id == finding_id, DossierRow.status.in_(("approved", "locked")))).scalar_one() > 0


def check_lock(ws: Workspace, s: Session, finding_id: int) -> None:
    if locked_by_dossier(s, finding_id):
        raise Conflict(detail=T("该发现已收入已批准的卷宗，不能修改", "the finding is part of an approved dossier and "
                                "cannot be changed").render(ws.lang))


def bump(row: Any, ws: Workspace | None = None) -> None:
    row.version = (row.version or 0) + 1
    row.updated_at = now()
    if ws is not None and hasattr(row, "updated_by"):
        row.updated_by = ws.user.name


def finding_state(row: FindingRow) -> dict:
    return {k: getattr(row, k) for k in EDITABLE_FINDING_FIELDS} | {"deleted": row.deleted}


def unit_state(row: ReviewUnitRow) -> dict:
    return {"status": row.status, "decided_by": row.decided_by,
            "decided_at": row.decided_at.isoformat() if row.decided_at else None, "note": row.note}


def flush_or_conflict(ws: Workspace, s: Session) -> None:
    try:
        s.flush()
    except (IntegrityError, DatabaseError) as exc:
        if "locked by an approved dossier" in str(exc):
            raise Conflict(detail=T("该发现已收入已批准的卷宗，不能修改", "the finding is part of an approved dossier "
                                    "and cannot be changed").render(ws.lang)) from None
        raise
