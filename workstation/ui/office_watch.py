"""Keeps this window's lists current with other people's changes (office.md: within 5 s).

A light poll of the event log on the DB worker every few seconds; for each area
others changed, ``Bus.data_changed`` is emitted, which views already answer by
reloading. Only started for a shared store (the office server).
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from ..services import activity_service as act
from .context import UiContext


class OfficeWatcher(QObject):
    changed_by_others = Signal(tuple, tuple)  # areas, users

    def __init__(self, ctx: UiContext, parent: QObject | None = None, interval_ms: int | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.seq: int | None = None
        self._busy = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms or act.POLL_SECONDS * 1000)
        self.timer.timeout.connect(self.poll)

    def start(self) -> None:
        self.poll()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def poll(self) -> None:
        if self._busy:  # the previous poll is still waiting for the worker
            return
        self._busy = True
        ws, seq = self.ctx.ws, self.seq
        self.ctx.run(lambda p: act.changes_since(ws, seq), name="office.poll", on_success=self._done,
                     on_failure=self._failed)

    def _done(self, changes: act.Changes) -> None:
        self._busy = False
        self.seq = changes.seq
        for area in changes.areas:
            self.ctx.bus.data_changed.emit(area)
        if changes.areas:
            self.changed_by_others.emit(changes.areas, changes.by)

    def _failed(self, exc: BaseException) -> None:  # a network blip: try again at the next tick, quietly
        self._busy = False
