"""Rows to plain JSON values and back, for packages (no ORM object leaves a store).

Datetimes and dates become ISO text, bytes become base64; columns that only
make sense inside one store (autoincrement ids, import batches, screen runs)
are left out and the rows are tied together by their natural keys instead:
settlements by ``setl_id``, fee lines by ``(setl_id, feedetl_sn)``, units,
findings, evidence and appeals by ``uuid``, samples by ``code``.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Iterable

from sqlalchemy import DateTime, Date, LargeBinary

from .package_format import b64, unb64


def to_dict(row: Any, exclude: Iterable[str] = ()) -> dict[str, Any]:
    skip = set(exclude)
    out: dict[str, Any] = {}
    for col in row.__table__.columns:
        if col.key in skip:
            continue
        value = getattr(row, col.key)
        if isinstance(value, (dt.datetime, dt.date)):
            value = value.isoformat()
        elif isinstance(value, (bytes, bytearray, memoryview)):
            value = b64(bytes(value))
        out[col.key] = value
    return out


def from_dict(model: type, data: dict[str, Any]) -> dict[str, Any]:
    """Column values for ``model`` from a package dict (unknown keys dropped)."""
    out: dict[str, Any] = {}
    for col in model.__table__.columns:
        if col.key not in data:
            continue
        value = data[col.key]
        if value is not None:
            if isinstance(col.type, DateTime):
                value = dt.datetime.fromisoformat(value)
            elif isinstance(col.type, Date):
                value = dt.date.fromisoformat(value)
            elif isinstance(col.type, LargeBinary):
                value = unb64(value)
        out[col.key] = value
    return out


FINDING_STATE = ("category", "amount", "amount_auto", "amount_reason", "basis", "note", "status", "deleted")
UNIT_STATE = ("status", "submitted", "decided_by", "decided_at", "note")


def finding_state(d: dict[str, Any]) -> dict[str, Any]:
    """What two versions of a finding must agree on to be the same (lines as sorted serial numbers)."""
    return {k: d.get(k) for k in FINDING_STATE} | {"lines": sorted(d.get("lines") or [])}


def unit_state(d: dict[str, Any]) -> dict[str, Any]:
    return {k: d.get(k) for k in UNIT_STATE}
