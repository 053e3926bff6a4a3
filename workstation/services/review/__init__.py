"""Review work: the reviewer's queue, units, findings, decisions, submit and undo.

Every edit is its own committed transaction with its event (no "save" to
forget). Undo is the inverse operation, applied and logged like any other
edit; what to invert is read back from the event log itself (each undoable
event carries ``details.unit`` and the state before the change), so the
history cannot drift from what the log says happened. Undo is refused once
the unit is submitted.

This package's public face is what this module exports: the values handed to
the UI (``model``), the guards and loaders that every review write starts from
and that appeals and evidence share (``guards``), and the operations
(``units``, ``findings``, ``undo``). Other modules import from here, never a
submodule's underscore names.
"""
from __future__ import annotations

from .findings import create_finding, create_finding_in, delete_finding, lines_sum, update_finding
from .guards import (
    bump, check_lock, finding_state, flush_or_conflict, get_finding, get_unit, locked_by_dossier, may_edit,
    not_submitted, now, unit_state,
)
from .model import (
    DECIDED, EDITABLE_FINDING_FIELDS, FINDING_STATUS_LABELS, FINDING_STATUSES, STATUS_LABELS, STATUSES, UNDOABLE,
    EvidenceRef, FindingInfo, FindingStatus, Queue, QueueItem, UnitInfo, UnitStatus,
)
from .undo import last_undoable, undo
from .units import (
    UnitView, decide_unit, finding_infos, open_unit_for_settlement, open_unit_in, queue, start_unit, submit_unit, unit, unit_view,
)

__all__ = [
    "DECIDED", "EDITABLE_FINDING_FIELDS", "FINDING_STATUSES", "FINDING_STATUS_LABELS", "STATUSES", "STATUS_LABELS",
    "UNDOABLE", "EvidenceRef", "FindingInfo", "FindingStatus", "Queue", "QueueItem", "UnitInfo", "UnitStatus",
    "UnitView",
    "bump", "check_lock", "create_finding", "create_finding_in", "decide_unit", "delete_finding", "finding_infos", "finding_state",
    "flush_or_conflict", "get_finding", "get_unit", "last_undoable", "lines_sum", "locked_by_dossier", "may_edit",
    "not_submitted", "now", "open_unit_for_settlement", "open_unit_in", "queue", "start_unit", "submit_unit", "undo", "unit",
    "unit_state", "unit_view", "update_finding",
]
