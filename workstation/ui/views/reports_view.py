"""报表 / Reports: choose contract, report, period and format; preview the PDF; export.

Rendering and export run through ctx.run (store work never on the GUI thread);
the preview shows the report's first pages as rendered PDF images.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea, QVBoxLayout,
    QWidget,
)

from ...services.operations import reports_ui
from ..errors import show_error
from .base import View

KINDS = ("monthly", "quarterly", "halfyear", "annual")
FORMATS = ("pdf", "docx", "xlsx")


class ReportsView(View):
    view_id = "reports"

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.choices: reports_ui.Choices | None = None
        self.contract = QComboBox()
        self.contract.setObjectName("reportContract")
        self.kind = QComboBox()
        self.kind.setObjectName("reportKind")
        self.period = QLineEdit()
        self.period.setObjectName("reportPeriod")
        self.period.setMaximumWidth(160)
        self.format = QComboBox()
        self.format.setObjectName("reportFormat")
        for f in FORMATS:
            self.format.addItem(f.upper(), f)
        self.preview_btn = QPushButton()
        self.preview_btn.setObjectName("reportPreview")
        self.export_btn = QPushButton()
        self.export_btn.setObjectName("reportExport")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.form = QFormLayout()
        self.form_labels = [QLabel() for _ in range(4)]
        for label, field in zip(self.form_labels, (self.contract, self.kind, self.period, self.format)):
            self.form.addRow(label, field)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_btn)
        buttons.addWidget(self.export_btn)
        left = QVBoxLayout()
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 16px; font-weight: bold; color: #1f3a5f;")
        left.addWidget(self.heading)
        left.addLayout(self.form)
        left.addLayout(buttons)
        left.addWidget(self.status)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #4a5a6a;")
        left.addWidget(self.hint)
        left.addStretch(1)
        side = QWidget()
        side.setLayout(left)
        side.setFixedWidth(330)
        self.pages = QLabel()
        self.pages.setObjectName("reportPages")
        self.pages.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.pages)
        scroll.setStyleSheet("QScrollArea { background: #e4e9f0; }")
        lay = QHBoxLayout(self)
        lay.addWidget(side)
        lay.addWidget(scroll, 1)
        self.contract.currentIndexChanged.connect(self._contract_changed)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.preview_btn.clicked.connect(self.preview)
        self.export_btn.clicked.connect(self.export)
        self.retranslate()

    def nav_title(self) -> str:
        return self.tr("报表")

    def kind_label(self, kind: str) -> str:
        return {"monthly": self.tr("月度报告"), "quarterly": self.tr("季度报告"), "halfyear": self.tr("半年度报告"),
                "annual": self.tr("年度报告")}[kind]

    def retranslate(self) -> None:
        self.heading.setText(self.tr("合同报表"))
        labels = (self.tr("合同"), self.tr("报告"), self.tr("期间"), self.tr("格式"))
        for label, text in zip(self.form_labels, labels):
            label.setText(text)
        self.preview_btn.setText(self.tr("预览"))
        self.export_btn.setText(self.tr("导出…"))
        self.period.setPlaceholderText("2025-03 / 2025Q1 / 2025H1 / 2025")
        self.hint.setText(self.tr("期间写法：月 2025-03，季度 2025Q1，半年 2025H1，年 2025。DOCX 按合同的报告模板生成，"
                                  "管理员可替换模板；PDF 含图表与页码。"))
        for i in range(self.kind.count()):
            self.kind.setItemText(i, self.kind_label(self.kind.itemData(i)))

    def activated(self) -> None:
        if self.choices is None:
            ws, lang = self.ctx.ws, self.ctx.lang
            self.ctx.run(lambda p: reports_ui.choices(ws, lang), name="reports.choices", on_success=self._fill,
                         on_failure=lambda e: show_error(self, e, self.ctx.lang))

    def _fill(self, choices: reports_ui.Choices) -> None:
        self.choices = choices
        self.contract.blockSignals(True)
        self.contract.clear()
        for c in choices.contracts:
            self.contract.addItem(c.name, c.id)
        self.contract.setCurrentIndex(max(0, self.contract.findData(choices.active)))
        self.contract.blockSignals(False)
        self._contract_changed()

    def _current(self) -> reports_ui.ContractChoice | None:
        if self.choices is None:
            return None
        cid = self.contract.currentData()
        return next((c for c in self.choices.contracts if c.id == cid), None)

    def _contract_changed(self) -> None:
        c = self._current()
        if c is None:
            return
        self.kind.blockSignals(True)
        self.kind.clear()
        for k in c.kinds:
            self.kind.addItem(self.kind_label(k), k)
        self.kind.blockSignals(False)
        self._kind_changed()

    def _kind_changed(self) -> None:
        c = self._current()
        kind = self.kind.currentData()
        if c is not None and kind:
            self.period.setText(c.default_periods.get(kind, ""))

    def _args(self):
        return self.contract.currentData(), self.kind.currentData(), self.period.text().strip(), self.format.currentData()

    def preview(self) -> None:
        contract, kind, period, _fmt = self._args()
        if not contract or not kind:
            return
        ws = self.ctx.ws
        self.status.setText(self.tr("正在生成预览…"))
        self.ctx.run(lambda p: reports_ui.preview(ws, kind, period, contract), name="reports.preview",
                     on_success=self._show_preview, on_failure=self._failed)

    def _failed(self, exc) -> None:
        self.status.setText("")
        show_error(self, exc, self.ctx.lang)

    def _show_preview(self, result: reports_ui.Preview) -> None:
        pix = QPixmap()
        pix.loadFromData(result.png, "PNG")
        self.pages.setPixmap(pix)
        self.status.setText(self.tr("共 {n} 页（预览第 1 页）").replace("{n}", str(result.pages)))

    def export(self) -> None:
        contract, kind, period, fmt = self._args()
        if not contract or not kind:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出报告"), f"{contract}-{kind}-{period}.{fmt}",
                                              f"{fmt.upper()} (*.{fmt})")
        if not path:
            return
        self.export_to(path)

    def export_to(self, path: str) -> None:
        contract, kind, period, fmt = self._args()
        ws = self.ctx.ws
        self.ctx.run(lambda p: reports_ui.export(ws, kind, period, path, fmt, contract), name="reports.export",
                     on_success=lambda r: self.status.setText(self.tr("已导出 {file}").replace("{file}", r.file)),
                     on_failure=self._failed)
