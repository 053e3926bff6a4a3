"""现场检查 on-site inspections (issue 21) — replaced by the real view below."""
from __future__ import annotations

from .base import PendingView


class InspectionsView(PendingView):
    view_id = "inspections"
    issue = 21

    def nav_title(self) -> str:
        return self.tr("现场检查")
