"""Second review (复核) for supervisors: draw a reviewer's 5% / 10% check, agree or disagree."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QHeaderView, QInputDialog, QLabel, QLineEdit, QPushButton, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from ...services import second_review_service as sr
from ..context import UiContext
from .common import status_label


class SecondReviewPanel(QWidget):
    open_unit = Signal(int)

    def __init__(self, ctx: UiContext, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("secondReviewPanel")
        self.ctx = ctx
        self.items: list[sr.CheckItem] = []
        self.reviewer = QComboBox()
        self.reviewer.setObjectName("srReviewer")
        self.quarter = QLineEdit(sr.quarter_of(dt.date.today()))
        self.quarter.setObjectName("srQuarter")
        self.quarter.setMaximumWidth(90)
        self.kind = QComboBox()
        for code, (_rate, _m, label) in sr.CHECK_KINDS.items():
            self.kind.addItem(label.render(ctx.lang), code)
        self.seed = QLineEdit()
        self.seed.setObjectName("srSeed")
        self.seed.setMaximumWidth(110)
        self.draw_btn = QPushButton()
        self.draw_btn.clicked.connect(self.draw)
        self.agree_btn = QPushButton()
        self.agree_btn.clicked.connect(lambda: self.record(True))
        self.disagree_btn = QPushButton()
        self.disagree_btn.clicked.connect(lambda: self.record(False))
        self.rate = QLabel()
        self.rate.setObjectName("srRate")
        self.labels = [QLabel() for _ in range(4)]
        top = QHBoxLayout()
        for lab, w in zip(self.labels, (self.reviewer, self.quarter, self.kind, self.seed)):
            top.addWidget(lab)
            top.addWidget(w)
        top.addWidget(self.draw_btn)
        top.addStretch(1)
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("srTable")
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.itemActivated.connect(self._open_current)
        bottom = QHBoxLayout()
        bottom.addWidget(self.rate, 1)
        bottom.addWidget(self.agree_btn)
        bottom.addWidget(self.disagree_btn)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        lay.addLayout(bottom)
        self.retranslate()

    def retranslate(self) -> None:
        for lab, text in zip(self.labels, (self.tr("审核员"), self.tr("季度"), self.tr("抽查"), self.tr("随机种子"))):
            lab.setText(text)
        self.draw_btn.setText(self.tr("抽取复核样本"))
        self.agree_btn.setText(self.tr("同意原结论"))
        self.disagree_btn.setText(self.tr("不同意…"))
        self.table.setHorizontalHeaderLabels([self.tr("结算ID"), self.tr("原审核员"), self.tr("原结论"),
                                              self.tr("抽查"), self.tr("复核结论"), self.tr("理由")])
        self._fill()

    def refresh(self) -> None:
        ws, quarter = self.ctx.ws, self.quarter.text().strip()

        def job(progress):
            return sr.overview(ws, quarter)

        def done(result) -> None:
            who, self.items, rate = result.reviewers, list(result.checks), result.pass_rate
            current = self.reviewer.currentText()
            self.reviewer.clear()
            self.reviewer.addItems(who)
            if current in who:
                self.reviewer.setCurrentText(current)
            agreed, decided, frac = rate
            self.rate.setText(self.tr("本季度合格率：{a} / {d} = {p}").format(
                a=agreed, d=decided, p=f"{float(frac) * 100:.1f}%" if frac is not None else "—"))
            self._fill()

        self.ctx.run(job, name="review.second", on_success=done)

    def _fill(self) -> None:
        lang = self.ctx.lang
        self.table.setRowCount(len(self.items))
        kinds = {k: v[2].render(lang) for k, v in sr.CHECK_KINDS.items()}
        for r, c in enumerate(self.items):
            verdict = "—" if c.agree is None else (self.tr("同意") if c.agree else self.tr("不同意"))
            for col, text in enumerate((c.setl_id, c.reviewed_by or "", status_label(c.unit_status, lang),
                                        kinds.get(c.check_kind, c.check_kind), verdict, c.reason)):
                self.table.setItem(r, col, QTableWidgetItem(text))
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        can = self.ctx.ws.user.can_supervise
        for w in (self.draw_btn, self.agree_btn, self.disagree_btn):
            w.setEnabled(can)

    def draw(self) -> None:
        ws = self.ctx.ws
        who, quarter, kind, seed = (self.reviewer.currentText(), self.quarter.text().strip(),
                                    self.kind.currentData(), self.seed.text().strip())
        self.ctx.run(lambda p: sr.draw(ws, who, quarter, kind, seed), name="review.second.draw",
                     on_success=lambda _d: self.refresh())

    def record(self, agree: bool) -> None:
        r = self.table.currentRow()
        if not 0 <= r < len(self.items):
            return
        reason = ""
        if not agree:
            reason, ok = QInputDialog.getText(self, self.tr("不同意原结论"), self.tr("理由："))
            if not ok:
                return
        ws, cid = self.ctx.ws, self.items[r].id
        self.ctx.run(lambda p: sr.record(ws, cid, agree=agree, reason=reason), name="review.second.record",
                     on_success=lambda _r: self.refresh())

    def _open_current(self, _item=None) -> None:
        r = self.table.currentRow()
        if 0 <= r < len(self.items):
            self.open_unit.emit(self.items[r].unit_id)
