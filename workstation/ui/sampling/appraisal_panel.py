"""Appraisal of a stored sample and the quarter's pass rate, with plain-words explanations."""
from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QVBoxLayout, QWidget,
)

from ...core.money import yuan_to_fen
from ...services import appraisal_service
from ..context import UiContext
from ..errors import show_error


def _money(v: float | None) -> str:
    return "—" if v is None else f"{v:,.2f}"


class AppraisalPanel(QWidget):
    """Point, SE, bounds, precision and df of the chosen sample; which figure to claim and why."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.sample_id: int | None = None
        self.result: dict | None = None
        self.confidence = QComboBox()
        self.confidence.setObjectName("confidence")
        for c in ("0.90", "0.95", "0.99"):
            self.confidence.addItem(f"{int(float(c) * 100)}%", c)
        self.attribute = QCheckBox()
        self.attribute.setObjectName("attribute")
        self.run_button = QPushButton()
        self.run_button.setObjectName("appraiseButton")
        self.run_button.clicked.connect(self.appraise)
        self.values: dict[str, QLabel] = {}
        self.captions: dict[str, QLabel] = {}
        grid = QGridLayout()
        for k, key in enumerate(("reviewed", "found", "point_estimate", "standard_error", "lower", "upper",
                                 "precision", "df")):
            cap, val = QLabel(), QLabel("—")
            val.setObjectName(f"value_{key}")
            self.captions[key], self.values[key] = cap, val
            grid.addWidget(cap, k // 2, (k % 2) * 2)
            grid.addWidget(val, k // 2, (k % 2) * 2 + 1)
        self.explain = QLabel()
        self.explain.setObjectName("claimExplanation")
        self.explain.setWordWrap(True)
        self.box = QGroupBox()
        bl = QVBoxLayout(self.box)
        row = QHBoxLayout()
        self.conf_label = QLabel()
        row.addWidget(self.conf_label)
        row.addWidget(self.confidence)
        row.addWidget(self.attribute)
        row.addStretch(1)
        row.addWidget(self.run_button)
        bl.addLayout(row)
        bl.addLayout(grid)
        bl.addWidget(self.explain)

        # pass rate
        self.pass_box = QGroupBox()
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
        pl = QVBoxLayout(self.pass_box)
        pl.addLayout(form)
        pl.addWidget(self.pass_button)
        pl.addWidget(self.pass_text)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.box)
        lay.addWidget(self.pass_box)
        lay.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.box.setTitle(self.tr("推算（按已审核单元）"))
        self.conf_label.setText(self.tr("置信度"))
        self.attribute.setText(self.tr("按差错率（属性）推算"))
        self.run_button.setText(self.tr("推算"))
        caps = {"reviewed": self.tr("已审核 / 样本"), "found": self.tr("样本中发现金额（元）"),
                "point_estimate": self.tr("点估计"), "standard_error": self.tr("标准误"),
                "lower": self.tr("下限"), "upper": self.tr("上限"), "precision": self.tr("精确度"),
                "df": self.tr("自由度")}
        for k, cap in caps.items():
            self.captions[k].setText(cap)
        self.pass_box.setTitle(self.tr("季度合格率（复核）"))
        self.quarter_label.setText(self.tr("季度（如 2025Q1）"))
        self.fee_label.setText(self.tr("本季度服务费（元，可空）"))
        self.fee.setPlaceholderText(self.tr("空 = 按合同参数与参保人数计算"))
        self.pass_button.setText(self.tr("计算合格率"))
        if self.result:
            self._show(self.result)
        else:
            self.explain.setText(self.tr("选择一个已存样本后点击“推算”。"))

    def set_sample(self, sample_id: int | None) -> None:
        self.sample_id = sample_id
        self.result = None
        for v in self.values.values():
            v.setText("—")
        self.run_button.setEnabled(sample_id is not None)
        self.explain.setText(self.tr("选择一个已存样本后点击“推算”。"))

    # -- appraisal ---------------------------------------------------------------------------------
    def appraise(self) -> None:
        if self.sample_id is None:
            return
        sid, conf, attr = self.sample_id, self.confidence.currentData(), self.attribute.isChecked()
        self.run_button.setEnabled(False)

        def job(progress):
            return appraisal_service.appraise_sample(self.ctx.ws, sid, conf, attribute=attr)

        def done(result):
            self.run_button.setEnabled(True)
            self._show(result)

        def failed(exc):
            self.run_button.setEnabled(True)
            show_error(self, exc, self.ctx.lang)

        self.ctx.run(job, name="appraise", on_success=done, on_failure=failed)

    def _show(self, r: dict) -> None:
        self.result = r
        attr = r.get("method") == "attribute"
        v = self.values
        v["reviewed"].setText(f'{r["reviewed"]} / {r["sampled"]}')
        v["found"].setText(r["found"])
        if attr:
            v["point_estimate"].setText(self.tr("{rate} 差错率，推算 {n} 件").format(
                rate=f'{r["rate"]:.2%}', n=f'{r["point_estimate"]:,.0f}'))
            v["standard_error"].setText(_money(r["standard_error"]))
            v["lower"].setText(f'{r["rate_lower"]:.2%}（{r["lower"]:,.0f}）')
            v["upper"].setText(f'{r["rate_upper"]:.2%}（{r["upper"]:,.0f}）')
            v["precision"].setText("—")
            v["df"].setText("—")
            self.explain.setText(self.tr(
                "属性推算：样本中 {x} 个单元有差错。按 Clopper–Pearson 精确区间，总体差错率有 {c} 的把握落在下限与上限之间。"
                "对外引用时以下限为准，它对被审核机构最有利，最经得起质疑。").format(x=r["errors"], c=f'{r["confidence"]:.0%}'))
            return
        v["point_estimate"].setText(_money(r["point_estimate"]))
        v["standard_error"].setText(_money(r["standard_error"]))
        v["lower"].setText(_money(r["lower"]))
        v["upper"].setText(_money(r["upper"]))
        v["precision"].setText("—" if r["precision"] is None else f'{r["precision"]:.1%}')
        v["df"].setText("—" if r["df"] is None else f'{r["df"]:.1f}')
        v["lower"].setStyleSheet("font-weight: bold; color: #1f3a5f;")
        if r.get("claim_basis") == "found":
            self.explain.setText(self.tr(
                "下限 {lower} 元低于样本中已查实的 {found} 元：样本太小或差异太大，推算不够精确。"
                "此时只主张已查实的 {found} 元；如要外推到总体，请扩大样本后再推算。"
                "（点估计 {point} 元，{c} 双侧置信区间 {lower} 至 {upper} 元。）").format(
                lower=_money(r["lower"]), upper=_money(r["upper"]), found=r["found"],
                point=_money(r["point_estimate"]), c=f'{r["confidence"]:.0%}'))
            return
        self.explain.setText(self.tr(
            "应主张的金额是下限 {lower} 元。在 {c} 的双侧置信度下，总体真实多付金额低于下限的可能只有 {tail}。"
            "点估计 {point} 元是最可能的值，但约有一半可能高估；以下限主张对被审核机构最有利，因此经得起申诉和诉讼。"
            "精确度是区间半宽与点估计之比，越小越可靠。").format(
            lower=_money(r["lower"]), point=_money(r["point_estimate"]), c=f'{r["confidence"]:.0%}',
            tail=f'{(1 - r["confidence"]) / 2:.0%}'))

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
