"""Base of the main window's views."""
from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..context import UiContext


class View(QWidget):
    """A page of the main window. Subclasses set ``view_id`` and implement
    ``nav_title`` (translated), ``retranslate`` and optionally ``activated``."""

    view_id = ""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName(f"view_{self.view_id}")

    def nav_title(self) -> str:
        raise NotImplementedError

    def retranslate(self) -> None:
        """Set every visible text again (called on a language change)."""

    def activated(self) -> None:
        """The view was brought to front: refresh what may be stale."""

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class PendingView(View):
    """A view whose capability has not been built yet; it says so plainly."""

    issue = 0

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.label = QLabel()
        self.label.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(self.label)
        lay.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.label.setText(self.tr("此功能尚未完成。") + f" (#{self.issue})")
