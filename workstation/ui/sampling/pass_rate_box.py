"""The quarter's pass rate (合格率) and the deduction it implies (split out of the appraisal panel)."""
from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ...core.money import yuan_to_fen
from ...services import appraisal_service
from ..context import UiContext
from ..errors import show_error


class PassRateBox(QGroupBox):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.quarter = QLineEdit()
        self.quarter.setObjectName("quarter")
        today = dt.date.today()
        self.quarter.setText(f"{today.year}Q{(today.month - 1) // 3 + 1}")
        self.fee = QLineEdit()
        self.fee.setObjectName("quarterFee")
        self.pass_button = QPushButton()
        self.pass_button.setObjectName("passRateButton")
        self.pass_button.clicked.connect(self.compute_pass_rate)
        self.pass_text = QLabel()
        self.pass_text.setObjectName("passRateText")
        self.pass_text.setWordWrap(True)
        form = QFormLayout()
        self.quarter_label, self.fee_label = QLabel(), QLabel()
        form.addRow(self.quarter_label, self.quarter)
        form.addRow(self.fee_label, self.fee)
        pl = QVBoxLayout(self)
        pl.addLayout(form)
        pl.addWidget(self.pass_button)
        pl.addWidget(self.pass_text)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("季度合格率（复核）"))
        self.quarter_label.setText(self.tr("季度（如 2025Q1）"))
        self.fee_label.setText(self.tr("本季度服务费（元，可空）"))
        self.fee.setPlaceholderText(self.tr("空 = 按合同参数与参保人数计算"))
        self.pass_button.setText(self.tr("计算合格率"))

    # -- pass rate ---------------------------------------------------------------------------------
    def compute_pass_rate(self) -> None:
        quarter = self.quarter.text().strip().upper()
        fee_text = self.fee.text().strip()
        try:
            fee = yuan_to_fen(fee_text) if fee_text else None
        except ValueError:
            self.pass_text.setText(self.tr("服务费不是金额：{v}").format(v=fee_text))
            return

        def job(progress):
            return appraisal_service.pass_rate(self.ctx.ws, quarter, fee_fen=fee)

        self.ctx.run(job, name="pass-rate", on_success=self._show_pass_rate,
                     on_failure=lambda exc: show_error(self, exc, self.ctx.lang))

    def _show_pass_rate(self, r: dict) -> None:
        if r["rate"] is None:
            self.pass_text.setText(self.tr("{q} 尚无已完成的复核。").format(q=r["quarter"]))
            return
        text = self.tr("{q}：复核 {checked} 个，合格 {passed} 个，合格率 {rate}（另有 {pending} 个待复核）。").format(
            q=r["quarter"], checked=r["checked"], passed=r["passed"], rate=f'{r["rate"]:.1%}', pending=r["pending"])
        if not r["has_tiers"]:
            text += self.tr("当前合同没有合格率扣款条款。")
        elif r["deduction_rate"] == 0:
            text += self.tr("达到合同要求，无扣款。")
        else:
            fee = r["deduction"] if r["deduction"] is not None else self.tr("（服务费未知）")
            text += self.tr("低于合同要求：扣本季度服务费的 {d}，即 {amt} 元。").format(
                d=f'{r["deduction_rate"]:.0%}', amt=fee)
            if r["rereview"]:
                text += self.tr("并须重新审核。")
        self.pass_text.setText(text)
