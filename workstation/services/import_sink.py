"""The one place where imported rows are written: "insert these rows into this table".

Kept narrow so that another backend can put its own bulk path here (for
PostgreSQL, COPY) without touching parsing, validation or the lookups of
import_service. ``rows`` are tuples in the order of ``columns``.
"""
from __future__ import annotations

from typing import Any, Sequence


def insert_rows(db: Any, cur: Any, table: str, columns: Sequence[str], rows: Sequence[tuple]) -> None:
    """Append rows to a claims table inside the caller's transaction: ``executemany`` on a local
    store, COPY on the office server (``store/dialect.py``, ``bulk_insert``)."""
    db.bulk_insert(cur, table, columns, rows)
