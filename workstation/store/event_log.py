"""The append-only, hash-chained event log.

Each event's hash is SHA-256 over the canonical JSON of its fields and the
previous event's hash, so that changing, removing or reordering any event
breaks the chain from that point on. Triggers refuse UPDATE and DELETE.

The chain proves order and integrity against edits made without rewriting
every later event; dossiers record the chain head they were signed at, which
anchors the log to signatures held outside the store.
"""
from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..core.canonical import canonical_json, digest
from . import dialect
from .models.identity import EventRow

GENESIS = "0" * 64


def now_iso() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _hash_fields(row: EventRow | dict) -> dict:
    get = row.get if isinstance(row, dict) else lambda k: getattr(row, k)
    return {
        "seq": get("seq"),
        "event_id": get("event_id"),
        "at": get("at"),
        "user": get("user"),
        "action": get("action"),
        "entity": get("entity"),
        "entity_id": get("entity_id"),
        "before_digest": get("before_digest"),
        "after_digest": get("after_digest"),
        "details": get("details"),
        "origin": get("origin"),
        "origin_seq": get("origin_seq"),
        "prev_hash": get("prev_hash"),
    }


def compute_hash(fields: dict) -> str:
    import hashlib

    return hashlib.sha256(canonical_json(fields).encode("utf-8")).hexdigest()


def head(session: Session) -> tuple[int, str]:
    """(seq, hash) of the last event, (0, GENESIS) for an empty log."""
    row = session.execute(select(EventRow.seq, EventRow.hash).order_by(EventRow.seq.desc()).limit(1)).first()
    return (row[0], row[1]) if row else (0, GENESIS)


def append(
    session: Session,
    *,
    user: str,
    action: str,
    entity: str,
    entity_id: Any,
    before: Any = None,
    after: Any = None,
    details: dict | None = None,
    at: str | None = None,
    origin: str = "",
    origin_seq: int | None = None,
    event_id: str | None = None,
) -> EventRow:
    """Append one event inside the caller's transaction (so it lands with the change).

    On the server, concurrent writers wait here for each other until their
    transactions end (an advisory lock), so every append extends the one chain.
    """
    dialect.of(session).serialize_appends(session)
    seq, prev = head(session)
    fields = {
        "seq": seq + 1,
        "event_id": event_id or str(uuid.uuid4()),
        "at": at or now_iso(),
        "user": user,
        "action": action,
        "entity": entity,
        "entity_id": str(entity_id),
        "before_digest": digest(before),
        "after_digest": digest(after),
        "details": canonical_json(details or {}),
        "origin": origin,
        "origin_seq": origin_seq,
        "prev_hash": prev,
    }
    row = EventRow(**fields, hash=compute_hash(fields))
    session.add(row)
    session.flush()
    return row


@dataclass(frozen=True)
class ChainCheck:
    valid: bool
    events: int
    first_bad_event: int | None


def verify(session: Session, batch: int = 5000) -> ChainCheck:
    """Walk the chain in seq order; report the first event that does not fit."""
    prev = GENESIS
    expected_seq = 1
    count = 0
    last = 0
    while True:
        rows = session.execute(
            select(EventRow).where(EventRow.seq > last).order_by(EventRow.seq).limit(batch)
        ).scalars().all()
        if not rows:
            break
        for row in rows:
            count += 1
            fields = _hash_fields(row)
            if row.seq != expected_seq or row.prev_hash != prev or compute_hash(fields) != row.hash:
                return ChainCheck(False, _count(session), row.seq)
            try:
                json.loads(row.details)
            except ValueError:
                return ChainCheck(False, _count(session), row.seq)
            prev = row.hash
            expected_seq += 1
            last = row.seq
        session.expunge_all()
    return ChainCheck(True, count, None)


def _count(session: Session) -> int:
    from sqlalchemy import func

    return session.execute(select(func.count()).select_from(EventRow)).scalar_one()
