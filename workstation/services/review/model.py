"""What the review services hand to the UI (frozen values, never ORM rows) and the review vocabulary."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple

from ...core.i18n import T


class UnitStatus(StrEnum):
    """A review unit's state (a str: compares equal to the stored text)."""

    PENDING = "pending"
    IN_PROGRESS = "in_progress"
    COMPLIANT = "compliant"
    VIOLATION = "violation"
    DOUBTFUL = "doubtful"


class FindingStatus(StrEnum):
    CONFIRMED = "confirmed"
    DOUBTFUL = "doubtful"
    WITHDRAWN = "withdrawn"


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
class EvidenceRef(NamedTuple):
    """One piece of evidence of a finding, as listed (the content is read on demand)."""

    id: int
    file_name: str
    mime: str
    size: int


@dataclass(frozen=True)
class QueueItem:
    unit_id: int
    setl_id: str
    status: UnitStatus
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
    status: FindingStatus
    fee_line_ids: tuple[int, ...]
    evidence: tuple[EvidenceRef, ...]
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
    status: UnitStatus
    submitted: bool
    decided_by: str | None
    decided_at: dt.datetime | None
    note: str
    version: int
    findings: list[FindingInfo] = field(default_factory=list)
    can_undo: bool = False
