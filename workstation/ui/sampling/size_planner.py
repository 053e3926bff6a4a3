"""Sample-size planner beside the plan form: "what precision does 5% buy here?" and "how many for this?".

Pure computation (core.sample_size, the same as ``workstation sample size``):
no store access, so it runs on the GUI thread as the user types.
"""
from __future__ import annotations

import math
from fractions import Fraction

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QSpinBox, QWidget

from ...core import sample_size as ss


class SizePlanner(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sizePlanner")
        self.frame_size: int | None = None
        self.rate: str | None = None
        self.preset_name: str | None = None
        self.confidence = QComboBox()
        self.confidence.setObjectName("plannerConfidence")
        for c in ("0.90", "0.95"):
            self.confidence.addItem(f"{int(float(c) * 100)}%", c)
        self.sd = QLineEdit("500")
        self.sd.setObjectName("plannerSd")
        self.precision = QLineEdit("50000")
        self.precision.setObjectName("plannerPrecision")
        self.tolerable = QLineEdit("0.05")
        self.tolerable.setObjectName("plannerTolerable")
        self.errors = QSpinBox()
        self.errors.setObjectName("plannerErrors")
        self.errors.setRange(0, 20)
        self.buys = QLabel()
        self.buys.setObjectName("plannerBuys")
        self.buys.setWordWrap(True)
        self.needs = QLabel()
        self.needs.setObjectName("plannerNeeds")
        self.needs.setWordWrap(True)
        self.attr = QLabel()
        self.attr.setObjectName("plannerAttribute")
        self.attr.setWordWrap(True)
        self.labels = [QLabel() for _ in range(5)]
        form = QFormLayout(self)
        form.addRow(self.labels[0], self.confidence)
        form.addRow(self.labels[1], self.sd)
        form.addRow(self.buys)
        form.addRow(self.labels[2], self.precision)
        form.addRow(self.needs)
        form.addRow(self.labels[3], self.tolerable)
        form.addRow(self.labels[4], self.errors)
        form.addRow(self.attr)
        for w in (self.sd, self.precision, self.tolerable):
            w.textChanged.connect(self.update_figures)
        self.confidence.currentIndexChanged.connect(self.update_figures)
        self.errors.valueChanged.connect(self.update_figures)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("样本量测算") + (self.tr("（预设：{p}）").format(p=self.preset_name)
                                               if self.preset_name else ""))
        texts = (self.tr("置信度"), self.tr("每单元违规金额标准差（元，试点估计）"), self.tr("想要的精度（元，t·SE）"),
                 self.tr("可容忍差错率"), self.tr("预期差错数"))
        for lab, text in zip(self.labels, texts):
            lab.setText(text)
        self.update_figures()

    def set_preset(self, name: str | None, rate: str | None) -> None:
        """The contract preset chosen in the plan form: its rate is what the figures price."""
        self.preset_name, self.rate = name, rate
        self.retranslate()

    def set_frame(self, frame_size: int | None, rate: str | None) -> None:
        """The previewed frame's size and the plan's rate (None when the plan gives a size)."""
        self.frame_size, self.rate = frame_size, rate
        self.update_figures()

    def update_figures(self, *_a) -> None:
        c = self.confidence.currentData()
        N = self.frame_size
        try:
            sd = Fraction(self.sd.text().strip())
            P = Fraction(self.precision.text().strip())
        except (ValueError, ZeroDivisionError):
            sd = P = None
        if not N or sd is None or sd < 0:
            self.buys.setText(self.tr("先预览抽样框，再看这个比例能买到的精度。"))
            self.needs.setText("")
        else:
            n = math.ceil(Fraction(self.rate) * N) if self.rate else None
            if n and n >= 2:
                half = ss.variables_half_width(min(n, N), N, sd, c) if n < N else 0.0
                self.buys.setText(self.tr("抽样框 {N} 个，按比例 {r} 抽 {n} 个：总额的 t·SE 约 {h} 元。").format(
                    N=f"{N:,}", r=self.rate, n=f"{n:,}", h=f"{half:,.0f}"))
            else:
                self.buys.setText(self.tr("抽样框 {N} 个。").format(N=f"{N:,}"))
            if P is not None and P > 0:
                need = ss.variables_size(c, P, sd, N)
                self.needs.setText(self.tr("要使 t·SE 不超过 {p} 元，需抽 {n} 个（{share} 的抽样框）。").format(
                    p=f"{float(P):,.0f}", n=f"{need:,}", share=f"{need / N:.1%}"))
            else:
                self.needs.setText("")
        try:
            n_attr = ss.attribute_size(c, self.tolerable.text().strip(), self.errors.value(), N)
            self.attr.setText(self.tr("属性抽样（单侧 {c}）：差错率不超过 {r}、预期 {e} 个差错时需抽 {n} 个。").format(
                c=f"{float(c):.0%}", r=self.tolerable.text().strip(), e=self.errors.value(), n=f"{n_attr:,}"))
        except ss.SampleSizeError:
            self.attr.setText(self.tr("可容忍差错率应在 0 与 1 之间。"))
