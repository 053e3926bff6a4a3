"""Reversed settlements (data-format.md, "Reversed settlements"): recognised after each settlements import.

A reversal R (refd_setl_flag 1) whose original O (init_setl_id) is in the
store makes both R and O ``reversed``; a reversal whose original is not in
the store is an orphan, kept, listed in the import report and also marked.
Marked settlements take part in no rule, sampling frame, volume or report.
Set-based and portable (SQLAlchemy Core): a few statements whatever the size.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, or_, select, update
from sqlalchemy.orm import Session

from ..store.models.claims import SettlementRow

REVERSAL_FLAG = "1"


@dataclass(frozen=True)
class ReversalReport:
    pairs: tuple[tuple[str, str], ...]  # (reversal, original)
    orphans: tuple[tuple[str, str | None], ...]  # (reversal, the id it names or None)


def _is_reversal():
    return SettlementRow.refd_setl_flag == REVERSAL_FLAG


def mark_reversals(s: Session) -> ReversalReport:
    """Mark every reversal and every original a reversal names; list pairs and orphans."""
    originals = select(SettlementRow.init_setl_id).where(_is_reversal(), SettlementRow.init_setl_id.is_not(None))
    s.execute(update(SettlementRow).where(_is_reversal(), SettlementRow.reversed.is_(False))
              .values(reversed=True).execution_options(synchronize_session=False))
    s.execute(update(SettlementRow).where(SettlementRow.setl_id.in_(originals), SettlementRow.reversed.is_(False))
              .values(reversed=True).execution_options(synchronize_session=False))
    orig = SettlementRow.__table__.alias("orig")
    rows = s.execute(select(SettlementRow.setl_id, SettlementRow.init_setl_id, orig.c.setl_id)
                     .outerjoin(orig, orig.c.setl_id == SettlementRow.init_setl_id)
                     .where(_is_reversal()).order_by(SettlementRow.setl_id)).all()
    pairs = tuple((r, o) for r, init, o in rows if o is not None)
    orphans = tuple((r, init) for r, init, o in rows if o is None)
    return ReversalReport(pairs, orphans)


def not_reversed():
    """The condition every frame, rule, volume and report puts on settlements."""
    return or_(SettlementRow.reversed.is_(False), SettlementRow.reversed.is_(None))


def reversed_ids(s: Session) -> list[str]:
    return list(s.execute(select(SettlementRow.setl_id).where(and_(SettlementRow.reversed.is_(True)))
                          .order_by(SettlementRow.setl_id)).scalars())
