"""Other people's work, seen from this workstation: changes to refresh lists by, and who
else has a review unit open (office.md, "Many people at once").

Backend-neutral (a light poll of the event log and a presence heartbeat), so it works
the same on a local store shared by several windows and on the office server.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, func, select

from ..store.models.base import utcnow
from ..store.models.identity import EventRow
from ..store.models.server import PresenceRow
from .workspace import Workspace

POLL_SECONDS = 3  # lists refresh within 5 s of a change elsewhere
PRESENCE_SECONDS = 60  # a unit counts as open by someone who sent a heartbeat this recently

# event entity → the area whose lists show it (ui/context.Bus.data_changed)
AREAS = {
    "settlements": "claims", "fee_lines": "claims", "catalog_items": "claims", "import_batch": "claims",
    "screen_run": "flags", "flag": "flags",
    "sample": "samples",
    "review_unit": "review", "finding": "review", "evidence": "review", "appeal": "review",
    "second_review": "review",
    "staff": "roster", "staff_change": "roster", "attendance": "roster", "training_session": "roster",
    "dossier": "dossiers",
}


@dataclass(frozen=True)
class Changes:
    seq: int  # the newest event seen
    areas: tuple[str, ...]  # areas changed by others since the previous seq
    by: tuple[str, ...]  # who made them


def is_shared(ws: Workspace) -> bool:
    """True on the office server (others change the data while this window is open)."""
    return bool(getattr(ws.store, "is_server", False))


def changes_since(ws: Workspace, seq: int | None) -> Changes:
    """What others changed after event ``seq`` (None: just the current head)."""
    with ws.store.read() as s:
        if seq is None:
            head = s.execute(select(func.max(EventRow.seq))).scalar_one() or 0
            return Changes(head, (), ())
        rows = s.execute(select(EventRow.seq, EventRow.user, EventRow.entity).where(EventRow.seq > seq)
                         .order_by(EventRow.seq).limit(5000)).all()
    if not rows:
        return Changes(seq, (), ())
    others = [r for r in rows if r.user != ws.user.name]
    areas = tuple(sorted({AREAS[r.entity] for r in others if r.entity in AREAS}))
    return Changes(rows[-1].seq, areas, tuple(sorted({r.user for r in others})))


def enter_unit(ws: Workspace, unit_id: int | None) -> tuple[str, ...]:
    """Record that this person has ``unit_id`` open (None: none) and return who else has it open."""
    now = utcnow()
    with ws.store.session() as s:
        row = s.get(PresenceRow, ws.user.name)
        if row is None:
            s.add(PresenceRow(user=ws.user.name, unit_id=unit_id, seen_at=now))
        else:
            row.unit_id, row.seen_at = unit_id, now
    return others_on_unit(ws, unit_id) if unit_id is not None else ()


def others_on_unit(ws: Workspace, unit_id: int) -> tuple[str, ...]:
    since = utcnow() - dt.timedelta(seconds=PRESENCE_SECONDS)
    with ws.store.read() as s:
        return tuple(s.execute(select(PresenceRow.user).where(
            PresenceRow.unit_id == unit_id, PresenceRow.seen_at >= since, PresenceRow.user != ws.user.name)
            .order_by(PresenceRow.user)).scalars())


def leave(ws: Workspace) -> None:
    with ws.store.session() as s:
        s.execute(delete(PresenceRow).where(PresenceRow.user == ws.user.name))
