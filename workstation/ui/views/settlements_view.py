"""结算数据 view. Built by issue #3; until then it says so."""
from __future__ import annotations

from .base import PendingView


class SettlementsView(PendingView):
    view_id = "settlements"
    issue = 3

    def nav_title(self) -> str:
        return self.tr("结算数据")
