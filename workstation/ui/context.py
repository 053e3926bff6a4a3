"""What every view is given: the workspace, the task runner, translations, prefs.

Passed in explicitly (no global main-window singleton reached from everywhere).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QObject, Signal

from ..services.workspace import Workspace
from .i18n import Translations
from .prefs import Prefs
from .tasks import TaskRunner


class Bus(QObject):
    """Cross-view notifications (data changed, open a unit), owned by the main window."""

    data_changed = Signal(str)  # area: "claims", "flags", "samples", "review", "roster", "dossiers"
    open_settlement = Signal(str)  # setl_id
    open_review_unit = Signal(int)  # review unit id
    navigate = Signal(str)  # view id
    open_risk_profile = Signal(str)  # fixmedins_code: the 风险画像 view shows the institution (#20)


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

    def run(self, fn: Callable, **kw: Any):
        """Run ``fn(progress)`` on the database worker (see ui/tasks.py)."""
        return self.runner.run(fn, **kw)
