"""Checking the event log."""
from __future__ import annotations

from ..store import event_log
from .workspace import Workspace


def verify(ws: Workspace) -> event_log.ChainCheck:
    with ws.store.read() as s:
        return event_log.verify(s)
