"""智能审核 view. Built by issue #4; until then it says so."""
from __future__ import annotations

from .base import PendingView


class FlagsView(PendingView):
    view_id = "flags"
    issue = 4

    def nav_title(self) -> str:
        return self.tr("智能审核")
