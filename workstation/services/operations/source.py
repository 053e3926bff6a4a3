"""Where the operations figures read the data: one place per figure, so other areas can fill them.

- ``live_settlements()``: the WHERE clause every volume and report figure puts on
  ``settlements``. Reversed settlements (data-format.md, "Reversed settlements")
  are left out (the import marks them).
- ``receipts_checked()``: receipts verified in the counter check (#21).
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import and_, func, select
from sqlalchemy.sql import ColumnElement

from ...store.models.claims import SettlementRow


def live_settlements() -> ColumnElement[bool]:
    """Settlements that count in volumes and reports (not reversed)."""
    return SettlementRow.reversed.is_(False)  # data-format.md, "Reversed settlements"


def setl_time_between(first: dt.date, last: dt.date) -> ColumnElement[bool]:
    """setl_time (ISO text) on a day in [first, last]; text comparison, portable."""
    return and_(SettlementRow.setl_time >= first.isoformat(),
                SettlementRow.setl_time < (last + dt.timedelta(days=1)).isoformat())


def is_inpatient() -> ColumnElement[bool]:
    """med_type 21 or any 21xx code (data-format.md)."""
    return SettlementRow.med_type.like("21%")


def receipts_checked(session, first: dt.date, last: dt.date) -> int:
    """Receipts verified in the counter check between first and last (inclusive).

    Recorded by the counter's receipt check (#21).
    """
    from ..receipt_service import receipts_checked_in

    return receipts_checked_in(session, first, last)


def latest_settlement_day(session) -> dt.date | None:
    """The last day with a live settlement: defaults follow the data, not the clock."""
    top = session.execute(select(func.max(SettlementRow.setl_time)).where(live_settlements())).scalar()
    return dt.date.fromisoformat(top[:10]) if top else None
