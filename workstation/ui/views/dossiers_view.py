"""卷宗 view. Built by issue #8; until then it says so."""
from __future__ import annotations

from .base import PendingView


class DossiersView(PendingView):
    view_id = "dossiers"
    issue = 8

    def nav_title(self) -> str:
        return self.tr("卷宗")
