"""Undo for review units: the inverse of the latest change, applied and logged like any edit.

What to invert is read back from the event log: each undoable event carries
``details.unit`` and the state before the change, and an undo event names the
event it undid (``details.undoes``). Refused once the unit is submitted.
"""
from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import text
from sqlalchemy.orm import Session

from ...core.errors import NotFound
from ...store import dialect
from ...store.models.review import EvidenceRow, FindingLineRow, FindingRow
from ..workspace import Workspace
from .findings import lines_sum
from .guards import (bump, check_lock, finding_state, flush_or_conflict, get_unit, may_edit, not_submitted,
                     unit_state)
from .model import EDITABLE_FINDING_FIELDS, UNDOABLE


def _unit_events(s: Session, unit_id: int) -> list[tuple[int, str, str, dict]]:
    rows = s.execute(text(
        "SELECT seq, action, entity_id, details FROM events WHERE action LIKE 'review.%' "
        f"AND {dialect.of(s).json_field('details', 'unit')} = :u "
        # events merged from a laptop carry the laptop's unit ids; only this store's own events count
        "AND origin = (SELECT origin FROM events WHERE seq = 1) ORDER BY seq"), {"u": str(unit_id)}).all()
    return [(r[0], r[1], r[2], json.loads(r[3])) for r in rows]


def last_undoable(s: Session, unit_id: int) -> tuple[int, str, str, dict] | None:
    events = _unit_events(s, unit_id)
    undone = {e[3].get("undoes") for e in events if e[1] == "review.undo"}
    for ev in reversed(events):
        if ev[1] == "review.unit.submit":
            return None
        if ev[1] in UNDOABLE and ev[0] not in undone:
            return ev
    return None


def undo(ws: Workspace, unit_id: int) -> str | None:
    """Revert the unit's latest change that is not yet undone; returns its action (None: nothing to undo)."""
    with ws.store.session() as s:
        u = get_unit(s, unit_id)
        may_edit(ws, u)
        not_submitted(ws, u)
        ev = last_undoable(s, unit_id)
        if ev is None:
            return None
        seq, action, entity_id, details = ev
        if action.startswith("review.finding."):
            row = s.get(FindingRow, int(entity_id))
            if row is None:
                raise NotFound(what=f"finding {entity_id}")
            check_lock(ws, s, row.id)
            before = finding_state(row)
            if action == "review.finding.create":
                row.deleted = True
            elif action == "review.finding.delete":
                row.deleted = False
            else:
                for k, v in details["before"].items():
                    if k in EDITABLE_FINDING_FIELDS or k == "deleted":
                        setattr(row, k, v)
                old_lines = details.get("before_lines")
                if old_lines is not None:
                    s.query(FindingLineRow).filter(FindingLineRow.finding_id == row.id).delete()
                    s.add_all([FindingLineRow(finding_id=row.id, fee_line_id=i) for i in old_lines])
                    row.amount_auto = lines_sum(s, u.setl_id, old_lines)[1]
            bump(row, ws)
            after = finding_state(row)
            entity = "finding"
        elif action.startswith("review.evidence."):
            row = s.get(EvidenceRow, int(entity_id))
            if row is None:
                raise NotFound(what=f"evidence {entity_id}")
            before = {"deleted": row.deleted}
            row.deleted = action == "review.evidence.add"
            after = {"deleted": row.deleted}
            entity = "evidence"
        else:  # review.unit.decide
            before = unit_state(u)
            b = details["before"]
            u.status = b["status"]
            u.decided_by = b["decided_by"]
            u.decided_at = dt.datetime.fromisoformat(b["decided_at"]) if b["decided_at"] else None
            u.note = b["note"]
            after = unit_state(u)
            entity = "review_unit"
        bump(u)
        flush_or_conflict(ws, s)
        ws.log(s, "review.undo", entity, entity_id, before=before, after=after,
               details={"unit": u.id, "undoes": seq, "action": action})
        return action
