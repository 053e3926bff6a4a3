"""A signature pad: the signer writes with a pen (tablet) or the mouse; the strokes become a PNG."""
from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPainterPath, QPen, QTabletEvent
from PySide6.QtWidgets import QSizePolicy, QWidget


class SignaturePad(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signaturePad")
        self.setMinimumSize(280, 110)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.strokes: list[list[QPointF]] = []
        self._drawing = False
        self.hint = ""

    # -- input -------------------------------------------------------------------------------------
    def _begin(self, p: QPointF) -> None:
        self._drawing = True
        self.strokes.append([p])
        self.update()

    def _extend(self, p: QPointF) -> None:
        if self._drawing and self.strokes:
            self.strokes[-1].append(p)
            self.update()

    def _end(self) -> None:
        if self._drawing:
            self._drawing = False
            self.changed.emit()

    def mousePressEvent(self, e: QMouseEvent) -> None:  # noqa: N802 - Qt naming
        if e.button() == Qt.MouseButton.LeftButton:
            self._begin(e.position())

    def mouseMoveEvent(self, e: QMouseEvent) -> None:  # noqa: N802
        self._extend(e.position())

    def mouseReleaseEvent(self, e: QMouseEvent) -> None:  # noqa: N802
        self._extend(e.position())
        self._end()

    def tabletEvent(self, e: QTabletEvent) -> None:  # noqa: N802 - a pen: same strokes
        t = e.type()
        if t == QTabletEvent.Type.TabletPress:
            self._begin(e.position())
        elif t == QTabletEvent.Type.TabletMove:
            self._extend(e.position())
        elif t == QTabletEvent.Type.TabletRelease:
            self._end()
        e.accept()

    def add_stroke(self, points: list[tuple[float, float]]) -> None:
        """Programmatic stroke (tests; also a way to replay a captured signature)."""
        self.strokes.append([QPointF(x, y) for x, y in points])
        self.update()
        self.changed.emit()

    # -- state -------------------------------------------------------------------------------------
    def is_empty(self) -> bool:
        return not any(len(s) > 1 for s in self.strokes)

    def clear(self) -> None:
        self.strokes.clear()
        self.update()
        self.changed.emit()

    def _paint(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#0b1f4d"), 2.6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                            Qt.PenJoinStyle.RoundJoin))
        for stroke in self.strokes:
            if len(stroke) == 1:
                painter.drawPoint(stroke[0])
                continue
            path = QPainterPath(stroke[0])
            for p in stroke[1:]:
                path.lineTo(p)
            painter.drawPath(path)

    def paintEvent(self, _e) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setPen(QPen(QColor("#9aa5b1"), 1, Qt.PenStyle.DashLine))
        y = self.height() - 24
        painter.drawLine(12, y, self.width() - 12, y)
        if self.is_empty() and self.hint:
            painter.setPen(QColor("#9aa5b1"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.hint)
        self._paint(painter)
        painter.setPen(QPen(QColor("#9aa5b1"), 1))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.end()

    def to_png(self) -> bytes:
        """The strokes on a transparent background, at 2× for print."""
        img = QImage(self.width() * 2, self.height() * 2, QImage.Format.Format_ARGB32)
        img.fill(Qt.GlobalColor.transparent)
        painter = QPainter(img)
        painter.scale(2, 2)
        self._paint(painter)
        painter.end()
        data = QByteArray()
        buf = QBuffer(data)
        buf.open(QIODevice.OpenModeFlag.WriteOnly)
        img.save(buf, "PNG")
        buf.close()
        return bytes(data)
