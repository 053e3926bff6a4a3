"""The amount basis of an appraisal (spec/sampling.md, "Amount basis"): y_i and p_i per decided review unit.

Findings count when not deleted: confirmed ones into y (the found money),
doubtful ones into p (pending money). Withdrawn findings count nothing.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..core.sample_appraisal import Basis
from ..store.models.review import FindingRow

CHUNK = 500


@dataclass(frozen=True)
class UnitAmounts:
    basis: Basis
    confirmed: dict[int, int] = field(default_factory=dict)  # review unit id → fen
    doubtful: dict[int, int] = field(default_factory=dict)

    def of(self, unit_id: int | None) -> tuple[int, int]:
        return self.confirmed.get(unit_id, 0), self.doubtful.get(unit_id, 0)


def unit_amounts(s: Session, unit_ids: list[int]) -> UnitAmounts:
    """Sums of the findings of the given (decided) units, in the basis every unit allows."""
    confirmed: dict[int, int] = {}
    doubtful: dict[int, int] = {}
    for i in range(0, len(unit_ids), CHUNK):
        for uid, status, amount in s.execute(
                select(FindingRow.unit_id, FindingRow.status, FindingRow.amount)
                .where(FindingRow.unit_id.in_(unit_ids[i:i + CHUNK]), FindingRow.deleted.is_(False),
                       FindingRow.status.in_(("confirmed", "doubtful")))):
            target = confirmed if status == "confirmed" else doubtful
            target[uid] = target.get(uid, 0) + int(amount or 0)
    return UnitAmounts(Basis.CHARGED, confirmed, doubtful)
