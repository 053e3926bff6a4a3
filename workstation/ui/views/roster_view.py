"""人员 view: staff, the compliance dashboard, staff changes, training and contract profiles.

Each tab lives in workstation/ui/roster/; this view holds them, reloads the
visible one when it is shown and when roster data changes elsewhere.
"""
from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ..context import UiContext
from ..roster.changes_tab import ChangesTab
from ..roster.compliance_tab import ComplianceTab
from ..roster.profile_editor import ProfileEditor
from ..roster.staff_tab import StaffTab
from ..roster.training_tab import TrainingTab
from .base import View
from ...core.changes import Area, Changes


class RosterView(View):
    view_id = "roster"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("rosterTabs")
        self.compliance = ComplianceTab(ctx)
        self.staff = StaffTab(ctx)
        self.changes = ChangesTab(ctx)
        self.training = TrainingTab(ctx)
        self.profiles = ProfileEditor(ctx)
        for w in (self.compliance, self.staff, self.changes, self.training, self.profiles):
            self.tabs.addTab(w, "")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addWidget(self.tabs)
        self._stale = {id(w): True for w in self._pages()}
        self.tabs.currentChanged.connect(lambda _i: self._refresh_current())
        ctx.bus.changes.connect(self._changed)
        self.retranslate()

    def _pages(self):
        return (self.compliance, self.staff, self.changes, self.training, self.profiles)

    def nav_title(self) -> str:
        return self.tr("人员")

    def retranslate(self) -> None:
        for i, text in enumerate((self.tr("合规检查"), self.tr("人员名单"), self.tr("人员变更"), self.tr("培训"),
                                  self.tr("合同配置"))):
            self.tabs.setTabText(i, text)
        for w in self._pages():
            w.retranslate()

    def activated(self) -> None:
        for w in self._pages():
            self._stale[id(w)] = True
        self._refresh_current()

    def _changed(self, changes: Changes) -> None:
        if changes.touches(Area.ROSTER):
            for w in self._pages():
                self._stale[id(w)] = True
            if self.isVisible():
                self._refresh_current()

    def _refresh_current(self) -> None:
        w = self.tabs.currentWidget()
        if self._stale.get(id(w)):
            self._stale[id(w)] = False
            w.reload()
