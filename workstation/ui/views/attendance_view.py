"""考勤 view: the month grid (people × days), keyboard bulk entry, fill a range, totals, export.

Keys on a selected range: 1/P 出勤, 2/L 请假, 3/T 出差, 4/I 外出检查, 5/A 缺勤,
6/R 休息; Delete or Backspace clears. Weekends and public holidays are shaded,
make-up working days (调休上班) marked 班. Every read and write goes through
ctx.run (the single DB worker).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDateEdit, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView,
    QVBoxLayout, QWidget,
)

from ...core.workdays import DayKind
from ...services import attendance_service as att
from ..context import UiContext
from ..errors import show_error
from ..widgets.table_model import TableModel
from .base import View
from ...core.changes import Area, Changes

SHADE = {DayKind.WEEKEND: QColor("#e3e7ec"), DayKind.HOLIDAY: QColor("#f8d7d3"),
         DayKind.MAKEUP_WORKDAY: QColor("#fdf0c2")}
STATUS_COLOURS = {"absent": QColor("#b42318"), "leave": QColor("#8a5a00"), "trip": QColor("#1d4ed8"),
                  "inspection": QColor("#0f766e")}


class AttendanceModel(TableModel):
    """Rows: people; columns: the month's days, then one total per status."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.grid: dict = {"days": [], "people": []}
        self.duty: list[set[str]] = []
        self.lang = "zh_CN"

    def load(self, grid: dict, lang: str) -> None:
        self.beginResetModel()
        self.grid, self.lang = grid, lang
        self.duty = [set(p["duty_days"]) for p in grid["people"]]  # membership per painted cell
        self.endResetModel()

    @property
    def ndays(self) -> int:
        return len(self.grid["days"])

    def row_count(self) -> int:
        return len(self.grid["people"])

    def column_count(self) -> int:
        return self.ndays + len(att.STATUSES)

    def day(self, column: int) -> dict | None:
        return self.grid["days"][column] if 0 <= column < self.ndays else None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole and section < len(self.grid["people"]):
                return self.grid["people"][section]["name"]
            return None
        d = self.day(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if d is None:
                return att.STATUSES[section - self.ndays].label.render(self.lang)
            num, sub = att.day_header(self.lang, d)
            return f"{num}\n{sub}"
        if role == Qt.ItemDataRole.ToolTipRole and d is not None:
            return f"{d['date']} {att.KIND_LABELS[DayKind(d['kind'])].render(self.lang)}"
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        person = self.grid["people"][index.row()]
        d = self.day(index.column())
        if d is None:
            code = att.STATUSES[index.column() - self.ndays].code
            if role == Qt.ItemDataRole.DisplayRole:
                return str(person["totals"][code])
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter)
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QColor("#f2f5f9"))
            return None
        code = person["statuses"].get(d["date"])
        on_duty = d["date"] in self.duty[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return att.BY_CODE[code].symbol if code else ("" if on_duty else "—")
        if role == Qt.ItemDataRole.ToolTipRole and code:
            return f"{d['date']} {att.BY_CODE[code].label.render(self.lang)}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            shade = SHADE.get(DayKind(d["kind"]))
            return QBrush(shade) if shade else None
        if role == Qt.ItemDataRole.ForegroundRole and code in STATUS_COLOURS:
            return QBrush(STATUS_COLOURS[code])
        if role == Qt.ItemDataRole.UserRole:
            return code
        return None

    def flags(self, index: QModelIndex):
        base = Qt.ItemFlag.ItemIsEnabled
        if self.day(index.column()) is not None:
            base |= Qt.ItemFlag.ItemIsSelectable
        return base


class AttendanceTable(QTableView):
    """Types a status into every selected cell."""

    status_typed = Signal(object)  # a status code or None (clear)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        text = event.text().lower()
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.status_typed.emit(None)
            return
        if text in att.BY_KEY:
            self.status_typed.emit(att.BY_KEY[text])
            return
        super().keyPressEvent(event)


class AttendanceView(View):
    view_id = "attendance"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = AttendanceModel(self)
        self.month = QDateEdit()
        self.month.setObjectName("month")
        self.month.setDisplayFormat("yyyy-MM")
        self.month.setCalendarPopup(False)
        today = QDate.currentDate()
        self.month.setDate(QDate(today.year(), today.month(), 1))
        self.prev_btn, self.next_btn = QPushButton("◀"), QPushButton("▶")
        self.prev_btn.setObjectName("prevMonth")
        self.next_btn.setObjectName("nextMonth")
        self.fill_status = QComboBox()
        self.fill_status.setObjectName("fillStatus")
        self.fill_btn = QPushButton()
        self.fill_btn.setObjectName("fillRange")
        self.clear_btn = QPushButton()
        self.clear_btn.setObjectName("clearRange")
        self.calendar_btn = QPushButton()
        self.calendar_btn.setObjectName("fillCalendar")
        self.pdf_btn, self.xlsx_btn = QPushButton(), QPushButton()
        self.pdf_btn.setObjectName("exportPdf")
        self.xlsx_btn.setObjectName("exportXlsx")
        self.table = AttendanceTable()
        self.table.setObjectName("grid")
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setDefaultSectionSize(30)
        self.table.horizontalHeader().setMinimumHeight(44)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.legend = QLabel()
        self.legend.setObjectName("legend")
        self.legend.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("status")

        top = QHBoxLayout()
        self.month_label = QLabel()
        for w in (self.month_label, self.prev_btn, self.month, self.next_btn):
            top.addWidget(w)
        top.addSpacing(16)
        for w in (self.fill_status, self.fill_btn, self.clear_btn, self.calendar_btn):
            top.addWidget(w)
        top.addStretch(1)
        top.addWidget(self.pdf_btn)
        top.addWidget(self.xlsx_btn)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.legend)
        lay.addWidget(self.status)

        self.prev_btn.clicked.connect(lambda: self._shift(-1))
        self.next_btn.clicked.connect(lambda: self._shift(1))
        self.month.dateChanged.connect(lambda _d: self.reload())
        self.fill_btn.clicked.connect(lambda: self.apply_status(self.fill_status.currentData()))
        self.clear_btn.clicked.connect(lambda: self.apply_status(None))
        self.calendar_btn.clicked.connect(self.fill_calendar)
        self.table.status_typed.connect(self.apply_status)
        self.pdf_btn.clicked.connect(lambda: self.export("pdf"))
        self.xlsx_btn.clicked.connect(lambda: self.export("xlsx"))
        from ...core.identity import Role

        can_edit = ctx.ws.user.role in (Role.ADMIN, Role.SUPERVISOR)
        for w in (self.fill_btn, self.clear_btn, self.calendar_btn, self.fill_status):
            w.setEnabled(can_edit)
        self.retranslate()
        self._loaded = False

    def nav_title(self) -> str:
        return self.tr("考勤")

    def retranslate(self) -> None:
        lang = self.ctx.lang
        self.month_label.setText(self.tr("月份："))
        current = self.fill_status.currentData()
        self.fill_status.clear()
        for s in att.STATUSES:
            self.fill_status.addItem(f"{s.symbol} {s.label.render(lang)}", s.code)
        if current:
            self.fill_status.setCurrentIndex(max(0, self.fill_status.findData(current)))
        self.fill_btn.setText(self.tr("填充所选区域"))
        self.clear_btn.setText(self.tr("清除所选"))
        self.calendar_btn.setText(self.tr("按日历补齐空白"))
        self.pdf_btn.setText(self.tr("导出 PDF…"))
        self.xlsx_btn.setText(self.tr("导出 XLSX…"))
        keys = "　".join(f"{s.keys[0]}/{s.keys[1].upper()} {s.label.render(lang)}" for s in att.STATUSES)
        self.legend.setText(self.tr("键盘录入：选中单元格后按") + " " + keys + "　" +
                            self.tr("Delete 清除。灰色：周末；红色：节假日（节）；黄色：调休上班（班）；—：不在岗。"))
        self.model.lang = lang
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, self.model.columnCount() - 1))

    def activated(self) -> None:
        self.reload()

    def month_text(self) -> str:
        d = self.month.date()
        return f"{d.year()}-{d.month():02d}"

    def _shift(self, months: int) -> None:
        self.month.setDate(self.month.date().addMonths(months))

    def reload(self) -> None:
        month, ws = self.month_text(), self.ctx.ws
        self.ctx.run(lambda p: att.grid(ws, month), name="attendance.grid", on_success=self._show,
                     on_failure=lambda e: show_error(self, e, self.ctx.lang))

    def _show(self, grid: dict) -> None:
        if grid["month"] != self.month_text():
            return
        self.model.load(grid, self.ctx.lang)
        self.table.horizontalHeader().setMinimumSectionSize(20)
        for i, d in enumerate(grid["days"]):
            self.table.setColumnWidth(i, 30)
        for j in range(len(att.STATUSES)):
            self.table.setColumnWidth(len(grid["days"]) + j, 58)
        counts = len(grid["people"])
        self.status.setText(self.tr("本月在岗人员 {n} 人").replace("{n}", str(counts)))
        self._loaded = True

    def selected_cells(self) -> list[tuple[int, str]]:
        out = []
        for idx in self.table.selectionModel().selectedIndexes():
            d = self.model.day(idx.column())
            person = self.model.grid["people"][idx.row()]
            if d is not None and d["date"] in self.model.duty[idx.row()]:
                out.append((person["id"], d["date"]))
        return out

    def apply_status(self, status: str | None) -> None:
        cells = self.selected_cells()
        if not cells:
            return
        ws = self.ctx.ws
        entries = [(sid, day, status) for sid, day in cells]
        self.ctx.run(lambda p: att.set_statuses(ws, entries), name="attendance.set",
                     on_success=lambda _n: self.reload(), changes=Changes.of(Area.ROSTER),
                     on_failure=lambda e: show_error(self, e, self.ctx.lang))

    def fill_calendar(self) -> None:
        month, ws = self.month_text(), self.ctx.ws
        self.ctx.run(lambda p: att.fill_by_calendar(ws, month), name="attendance.fill",
                     on_success=lambda _n: self.reload(), on_failure=lambda e: show_error(self, e, self.ctx.lang))

    def export(self, kind: str, path: str | None = None) -> None:
        month = self.month_text()
        if path is None:
            suggested = str(Path.home() / f"考勤表-{month}.{kind}")
            flt = "PDF (*.pdf)" if kind == "pdf" else "Excel (*.xlsx)"
            path, _ = QFileDialog.getSaveFileName(self, self.tr("导出考勤表"), suggested, flt)
            if not path:
                return
            if not path.lower().endswith(f".{kind}"):
                path += f".{kind}"
        ws = self.ctx.ws
        self.ctx.run(lambda p: att.export(ws, month, path), name="attendance.export",
                     on_success=lambda out: self.status.setText(self.tr("已导出：") + out["file"]),
                     on_failure=lambda e: show_error(self, e, self.ctx.lang))
