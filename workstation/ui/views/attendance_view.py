"""考勤 view. Built by issue #7; until then it says so."""
from __future__ import annotations

from .base import PendingView


class AttendanceView(PendingView):
    view_id = "attendance"
    issue = 7

    def nav_title(self) -> str:
        return self.tr("考勤")
