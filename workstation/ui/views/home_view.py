"""首页 / Home: the first view after login, one screen of what needs attention for the user's role.

Each tile opens the view behind it. The figures come from
services.operations.home in one background task (ctx.run); charts are PNGs drawn
by the same chart code as the PDF reports.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSizePolicy, QVBoxLayout, QWidget,
)

from ...services.operations import home as home_service
from ..errors import show_error
from .base import View

STATUS_COLOURS = {"ok": "#3c8d5a", "warn": "#d08a12", "bad": "#c0392b", "info": "#3f7cac"}
COLUMNS = 3


class TileWidget(QFrame):
    """One figure with its detail lines; a click (or Enter) opens the view behind it."""

    activated = Signal(str)

    def __init__(self, tile: home_service.Tile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tile = tile
        self.setObjectName(f"homeTile_{tile.id}")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        colour = STATUS_COLOURS.get(tile.status, "#3f7cac")
        self.setStyleSheet(
            f"QFrame#{self.objectName()} {{ background: white; border: 1px solid #d5dce4; border-left: 5px solid {colour};"
            " border-radius: 4px; }"
            f"QFrame#{self.objectName()}:focus {{ border: 2px solid #2d5286; border-left: 5px solid {colour}; }}")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 8, 12, 8)
        lay.setSpacing(2)
        head = QHBoxLayout()
        self.title = QLabel(tile.title)
        self.title.setStyleSheet("color: #33475b; font-weight: bold;")
        self.value = QLabel(tile.value)
        self.value.setStyleSheet(f"color: {colour}; font-size: 20px; font-weight: bold;")
        head.addWidget(self.title, 1)
        head.addWidget(self.value)
        lay.addLayout(head)
        for line in tile.lines:
            lab = QLabel(line)
            lab.setStyleSheet("color: #4a5a6a;")
            lab.setWordWrap(True)
            lay.addWidget(lab)
        if tile.chart:
            pic = QLabel()
            pix = QPixmap()
            pix.loadFromData(tile.chart, "PNG")
            pic.setPixmap(pix.scaledToWidth(360, Qt.TransformationMode.SmoothTransformation))
            pic.setAlignment(Qt.AlignmentFlag.AlignCenter)
            lay.addWidget(pic)
        lay.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.activated.emit(self.tile.view)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.tile.view)
            return
        super().keyPressEvent(event)


class HomeView(View):
    view_id = "home"

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.data: home_service.Home | None = None
        self.tiles: list[TileWidget] = []
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 16px; font-weight: bold; color: #1f3a5f;")
        self.subtitle = QLabel()
        self.subtitle.setStyleSheet("color: #4a5a6a;")
        self.refresh_btn = QPushButton()
        self.refresh_btn.clicked.connect(self.reload)
        top = QHBoxLayout()
        texts = QVBoxLayout()
        texts.addWidget(self.heading)
        texts.addWidget(self.subtitle)
        top.addLayout(texts, 1)
        top.addWidget(self.refresh_btn, 0, Qt.AlignmentFlag.AlignTop)
        self.grid_host = QWidget()
        self.grid_host.setObjectName("homeGrid")
        self.grid_host.setStyleSheet("QWidget#homeGrid { background: #f2f5f9; }")
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(8, 8, 8, 8)
        self.grid.setSpacing(10)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.grid_host)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 10, 12, 6)
        lay.addLayout(top)
        lay.addWidget(scroll, 1)
        self.retranslate()

    def nav_title(self) -> str:
        return self.tr("首页")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("今日关注"))
        self.refresh_btn.setText(self.tr("刷新"))
        self._subtitle()
        if self.data is not None and self.data.tiles and self.isVisible():
            self.reload()  # tile texts come rendered in one language from the service

    def _subtitle(self) -> None:
        if self.data is None:
            self.subtitle.setText(self.tr("正在汇总…"))
            return
        self.subtitle.setText(self.tr("{contract}　截至 {day}　点击卡片打开对应页面").replace(
            "{contract}", self.data.contract_name).replace("{day}", self.data.as_of.isoformat()))

    def activated(self) -> None:
        self.reload()

    def reload(self) -> None:
        ws, lang = self.ctx.ws, self.ctx.lang
        self.ctx.run(lambda p: home_service.home(ws, lang), name="home.load", on_success=self._show,
                     on_failure=lambda e: show_error(self, e, self.ctx.lang))

    def _show(self, data: home_service.Home) -> None:
        self.data = data
        for t in self.tiles:
            t.setParent(None)
            t.deleteLater()
        self.tiles = []
        for n, tile in enumerate(data.tiles):
            w = TileWidget(tile)
            w.activated.connect(self.ctx.bus.navigate.emit)
            self.grid.addWidget(w, n // COLUMNS, n % COLUMNS)
            self.tiles.append(w)
        for c in range(COLUMNS):
            self.grid.setColumnStretch(c, 1)
        self.grid.setRowStretch(len(data.tiles) // COLUMNS + 1, 1)
        self._subtitle()
