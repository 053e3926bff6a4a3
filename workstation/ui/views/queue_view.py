"""审核队列 view. Built by issue #6; until then it says so."""
from __future__ import annotations

from .base import PendingView


class QueueView(PendingView):
    view_id = "queue"
    issue = 6

    def nav_title(self) -> str:
        return self.tr("审核队列")
