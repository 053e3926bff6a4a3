"""抽样 view. Built by issue #5; until then it says so."""
from __future__ import annotations

from .base import PendingView


class SamplingView(PendingView):
    view_id = "sampling"
    issue = 5

    def nav_title(self) -> str:
        return self.tr("抽样")
