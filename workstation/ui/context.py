"""What every view is given: the workspace, the task runner, translations, prefs.

Passed in explicitly (no global main-window singleton reached from everywhere).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QObject, Signal

from ..core.changes import Area, Changes
from ..services.workspace import Workspace
from .i18n import Translations
from .prefs import Prefs
from .tasks import TaskRunner


class Bus(QObject):
    """Cross-view notifications (what changed, open a unit), owned by the main window.

    ``changes`` carries a ``core.changes.Changes`` after every write: a view
    subscribes and refreshes itself when ``changes.touches(Area...)``; nobody
    refreshes a neighbour by hand. Publish with ``publish(Changes.of(Area.REVIEW,
    units=[...]))`` or let ``ctx.run(fn, changes=...)`` do it after the job.
    ``data_changed(area)`` is the older form of the same message, still emitted
    for each area (and a ``data_changed`` emitted directly is re-published as
    ``changes``), so code written against either hears both.
    """

    changes = Signal(object)  # core.changes.Changes
    data_changed = Signal(str)  # area: "claims", "flags", "samples", "review", "roster", "dossiers", ...
    open_settlement = Signal(str)  # setl_id
    open_review_unit = Signal(int)  # review unit id
    navigate = Signal(str)  # view id
    open_risk_profile = Signal(str)  # fixmedins_code: the 风险画像 view shows the institution (#20)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._publishing = False
        self.data_changed.connect(self._legacy)

    def publish(self, changes: Changes) -> None:
        if not changes:
            return
        self._publishing = True
        try:
            self.changes.emit(changes)
            for area in sorted(changes.areas, key=lambda a: a.value):
                self.data_changed.emit(area.value)
        finally:
            self._publishing = False

    def _legacy(self, area: str) -> None:
        if not self._publishing and area in Area._value2member_map_:
            self.changes.emit(Changes.of(area))


@dataclass
class UiContext:
    ws: Workspace
    runner: TaskRunner
    translations: Translations
    prefs: Prefs
    bus: Bus

    @property
    def lang(self) -> str:
        return self.translations.lang

    def run(self, fn: Callable, *, changes: Changes | Callable[[Any], Changes] | None = None, **kw: Any):
        """Run ``fn(progress)`` on the database worker (see ui/tasks.py).

        After it succeeds, what it changed is published on ``bus.changes``: ``changes``
        (or ``changes(result)``), or the result itself when it is a ``Changes`` or carries
        one as ``.changes``. Every view subscribed to the bus then refreshes itself.
        """
        handle = self.runner.run(fn, **kw)

        def publish(result: Any) -> None:
            found = changes(result) if callable(changes) else changes
            if found is None:
                found = result if isinstance(result, Changes) else getattr(result, "changes", None)
            if isinstance(found, Changes):
                self.bus.publish(found)

        handle.succeeded.connect(publish)
        return handle
