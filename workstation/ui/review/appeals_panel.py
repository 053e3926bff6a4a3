"""Open and settled appeals with the working days left; record the institution's answer."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPlainTextEdit, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from ...core.money import yuan_to_fen
from ...services import appeals_service as ap
from ..context import UiContext
from .common import category_name, yuan
from ...core.changes import Area, Changes


class AnswerDialog(QDialog):
    def __init__(self, appeal: ap.AppealInfo, lang: str, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("appealAnswer")
        self.setWindowTitle(self.tr("记录机构答复"))
        self.text = QPlainTextEdit()
        self.text.setObjectName("appealText")
        self.outcome = QComboBox()
        self.outcome.setObjectName("appealOutcome")
        for code in ap.OUTCOMES:
            self.outcome.addItem(ap.OUTCOME_LABELS[code].render(lang), code)
        self.amount = QLineEdit(yuan(appeal.amount))
        self.amount.setObjectName("appealAmount")
        self.day = QDateEdit(dt.date.today())
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        form = QFormLayout(self)
        form.addRow(self.tr("结算 / 发现"), QLabel(f"{appeal.setl_id} · {category_name(appeal.category, lang)}"))
        form.addRow(self.tr("答复期限"), QLabel(appeal.deadline.isoformat()))
        form.addRow(self.tr("答复日期"), self.day)
        form.addRow(self.tr("答复内容"), self.text)
        form.addRow(self.tr("结果"), self.outcome)
        form.addRow(self.tr("调整后金额（元）"), self.amount)
        bb = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        bb.accepted.connect(self.accept)
        bb.rejected.connect(self.reject)
        form.addRow(bb)
        self.resize(480, 360)

    def values(self) -> dict:
        out = {"text": self.text.toPlainText(), "outcome": self.outcome.currentData(),
               "answered_on": self.day.date().toPython()}
        if out["outcome"] == "adjusted":
            out["amount"] = yuan_to_fen(self.amount.text() or "0")
        return out


class AppealsPanel(QWidget):
    open_unit = Signal(int)

    def __init__(self, ctx: UiContext, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("appealsPanel")
        self.ctx = ctx
        self.items: list[ap.AppealInfo] = []
        self.summary = QLabel()
        self.open_only = QCheckBox()
        self.open_only.setChecked(True)
        self.open_only.toggled.connect(lambda _c: self.refresh())
        self.answer_btn = QPushButton()
        self.answer_btn.clicked.connect(self.answer_current)
        self.open_btn = QPushButton()
        self.open_btn.clicked.connect(self._open_current)
        self.table = QTableWidget(0, 9)
        self.table.setObjectName("appealsTable")
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.itemActivated.connect(lambda _it: self._open_current())
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.open_only)
        top.addWidget(self.answer_btn)
        top.addWidget(self.open_btn)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.open_only.setText(self.tr("只看待答复"))
        self.answer_btn.setText(self.tr("记录答复…"))
        self.open_btn.setText(self.tr("打开审核单元"))
        self.table.setHorizontalHeaderLabels([
            self.tr("结算ID"), self.tr("机构"), self.tr("违规类别"), self.tr("金额（元）"), self.tr("发出日期"),
            self.tr("期限（工作日）"), self.tr("答复截止"), self.tr("剩余工作日"), self.tr("状态")])
        self._fill()

    def refresh(self) -> None:
        """Settle overdue appeals (silence = accepted), then list them."""
        ws, open_only = self.ctx.ws, self.open_only.isChecked()

        def job(progress):
            today = dt.date.today()
            settled = ap.settle_expired_appeals(ws, today)
            return settled, ap.list_appeals(ws, today=today, open_only=open_only)

        def done(result) -> None:
            settled, self.items = result
            if settled:
                self.ctx.bus.publish(Changes.of(Area.REVIEW))
            self._fill()

        self.ctx.run(job, name="review.appeals", on_success=done)

    def _fill(self) -> None:
        lang = self.ctx.lang
        self.table.setRowCount(len(self.items))
        open_n = sum(1 for a in self.items if a.status == "open")
        self.summary.setText(self.tr("待答复 {n} 件；逾期未答复的申诉打开本页时自动视为认可").format(n=open_n))
        for r, a in enumerate(self.items):
            left = str(a.days_left) if a.status == "open" else "—"
            cells = [a.setl_id, a.institution_name or a.institution_code, category_name(a.category, lang),
                     yuan(a.amount), a.sent_on.isoformat(), str(a.working_days), a.deadline.isoformat(), left,
                     ap.STATUS_LABELS[a.status].render(lang)
                     + (f"（{ap.OUTCOME_LABELS[a.outcome].render(lang)}）" if a.status == "answered" and a.outcome
                        else "")]
            for c, text in enumerate(cells):
                it = QTableWidgetItem(text)
                if c in (3, 5, 7):
                    it.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if c == 7 and a.status == "open" and a.days_left <= 2:
                    it.setForeground(QColor("#b91c1c"))
                self.table.setItem(r, c, it)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        if self.items and self.table.currentRow() < 0:
            self.table.selectRow(0)

    def current(self) -> ap.AppealInfo | None:
        r = self.table.currentRow()
        return self.items[r] if 0 <= r < len(self.items) else None

    def _open_current(self) -> None:
        a = self.current()
        if a:
            self.open_unit.emit(a.unit_id)

    def answer_current(self) -> None:
        a = self.current()
        if a is None or a.status != "open":
            return
        dlg = AnswerDialog(a, self.ctx.lang, self)
        self.answer_dialog = dlg

        def finished(code: int) -> None:
            if code != QDialog.DialogCode.Accepted:
                return
            try:
                vals = dlg.values()
            except ValueError:
                return
            ws, aid = self.ctx.ws, a.id
            self.ctx.run(lambda p: ap.answer(ws, aid, **vals), name="review.appeal.answer",
                         on_success=lambda _r: self.refresh(), changes=Changes.of(Area.REVIEW))

        dlg.finished.connect(finished)
        dlg.open()
