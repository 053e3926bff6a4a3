"""Appraisal of a stored sample (the one appraisal of sampling.md) with plain-words explanations.

Shows whether the appraisal is interim or final, the found and the pending
money, the estimators side by side, the Stringer table of a pps sample, and
which figure to claim and why. The figures come typed (``SampleAppraisal``);
the pass rate lives in its own box (pass_rate_box).
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QGridLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from ...core import sample_appraisal as sa
from ...services import appraisal_service
from ..context import UiContext
from ..errors import show_error
from .pass_rate_box import PassRateBox

FIGURES = ("progress", "found", "pending", "point", "lower", "upper", "claimed", "basis")


def _yuan(fen: int | None) -> str:
    if fen is None:
        return "—"
    sign = "-" if fen < 0 else ""
    return f"{sign}{abs(fen) // 100:,}.{abs(fen) % 100:02d}"


class AppraisalPanel(QWidget):
    """The chosen sample's appraisal: domain, confidence, figures, estimators, Stringer table, claim."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.sample_id: int | None = None
        self.result: appraisal_service.SampleAppraisal | None = None
        self.confidence = QComboBox()
        self.confidence.setObjectName("confidence")
        for c in ("0.90", "0.95", "0.99"):
            self.confidence.addItem(f"{int(float(c) * 100)}%", c)
        self.institution = QLineEdit()
        self.institution.setObjectName("domainInstitution")
        self.period = QLineEdit()
        self.period.setObjectName("domainPeriod")
        self.period.setMinimumWidth(190)
        self.attribute = QCheckBox()
        self.attribute.setObjectName("attribute")
        self.run_button = QPushButton()
        self.run_button.setObjectName("appraiseButton")
        self.run_button.clicked.connect(self.appraise)
        self.status = QLabel()
        self.status.setObjectName("appraisalStatus")
        self.status.setWordWrap(True)
        self.values: dict[str, QLabel] = {}
        self.captions: dict[str, QLabel] = {}
        grid = QGridLayout()
        for k, key in enumerate(FIGURES):
            cap, val = QLabel(), QLabel("—")
            val.setObjectName(f"value_{key}")
            self.captions[key], self.values[key] = cap, val
            grid.addWidget(cap, k // 2, (k % 2) * 2)
            grid.addWidget(val, k // 2, (k % 2) * 2 + 1)
        self.estimators = QTableWidget(0, 6)
        self.estimators.setObjectName("estimatorsTable")
        self.stringer = QTableWidget(0, 4)
        self.stringer.setObjectName("stringerTable")
        for t in (self.estimators, self.stringer):
            t.verticalHeader().setVisible(False)
            t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            t.verticalHeader().setDefaultSectionSize(22)
            t.setMaximumHeight(150)
        self.stringer_note = QLabel()
        self.stringer_note.setWordWrap(True)
        self.explain = QLabel()
        self.explain.setObjectName("claimExplanation")
        self.explain.setWordWrap(True)
        self.box = QGroupBox()
        bl = QVBoxLayout(self.box)
        row = QHBoxLayout()
        self.conf_label, self.inst_label, self.period_label = QLabel(), QLabel(), QLabel()
        for w in (self.conf_label, self.confidence, self.inst_label, self.institution, self.period_label,
                  self.period, self.attribute):
            row.addWidget(w)
        row.addStretch(1)
        row.addWidget(self.run_button)
        bl.addLayout(row)
        bl.addWidget(self.status)
        bl.addLayout(grid)
        bl.addWidget(self.estimators)
        bl.addWidget(self.stringer_note)
        bl.addWidget(self.stringer)
        bl.addWidget(self.explain)
        self.pass_box = PassRateBox(ctx)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.box)
        lay.addWidget(self.pass_box)
        lay.addStretch(1)
        self._tables_visible(None)
        self.retranslate()

    def retranslate(self) -> None:
        self.box.setTitle(self.tr("推算（确认的违规金额；待定金额另列）"))
        self.conf_label.setText(self.tr("置信度"))
        self.inst_label.setText(self.tr("机构"))
        self.period_label.setText(self.tr("期间"))
        self.institution.setPlaceholderText(self.tr("全部"))
        self.period.setPlaceholderText(self.tr("如 2025-01-01~2025-03-31"))
        self.attribute.setText(self.tr("按差错率（属性）推算"))
        self.run_button.setText(self.tr("推算"))
        caps = {"progress": self.tr("抽中 / 已审结 / 用于推算"), "found": self.tr("确认违规金额（元）"),
                "pending": self.tr("待定（疑点）金额（元）"), "point": self.tr("点估计"),
                "lower": self.tr("下限"), "upper": self.tr("上限"), "claimed": self.tr("主张金额"),
                "basis": self.tr("金额口径")}
        for k, cap in caps.items():
            self.captions[k].setText(cap)
        self.estimators.setHorizontalHeaderLabels([self.tr("估计量"), self.tr("点估计"), self.tr("标准误"),
                                                   self.tr("自由度"), self.tr("下限"), self.tr("上限")])
        self.stringer.setHorizontalHeaderLabels([self.tr("序号"), self.tr("污染率（降序）"), self.tr("泊松上限 λ"),
                                                 self.tr("增量系数")])
        self.pass_box.retranslate()
        if self.result:
            self._show(self.result)
        else:
            self.explain.setText(self.tr("选择一个已存样本后点击“推算”。"))

    def set_sample(self, sample_id: int | None) -> None:
        self.sample_id = sample_id
        self.result = None
        for v in self.values.values():
            v.setText("—")
        self.status.setText("")
        self._tables_visible(None)
        self.run_button.setEnabled(sample_id is not None)
        self.explain.setText(self.tr("选择一个已存样本后点击“推算”。"))

    def _tables_visible(self, a: sa.Appraisal | None) -> None:
        self.estimators.setVisible(bool(a and a.estimators))
        has_stringer = bool(a and a.stringer is not None)
        self.stringer.setVisible(has_stringer)
        self.stringer_note.setVisible(has_stringer)

    # -- appraisal ---------------------------------------------------------------------------------
    def _domain(self) -> dict:
        text = self.period.text().strip().replace("～", "~")
        d1 = d2 = None
        if text:
            try:
                left, right = (x.strip() for x in text.split("~"))
                d1, d2 = dt.date.fromisoformat(left), dt.date.fromisoformat(right)
            except ValueError:
                raise ValueError(self.tr("期间应写作 2025-01-01~2025-03-31")) from None
        return {"institution": self.institution.text().strip() or None, "date_from": d1, "date_to": d2}

    def appraise(self) -> None:
        if self.sample_id is None:
            return
        try:
            dom = self._domain()
        except ValueError as exc:
            self.explain.setText(str(exc))
            return
        sid, conf, attr = self.sample_id, self.confidence.currentData(), self.attribute.isChecked()
        self.run_button.setEnabled(False)

        def job(progress):
            return appraisal_service.appraise_stored(self.ctx.ws, sid, conf, attribute=attr, **dom)

        def done(result):
            self.run_button.setEnabled(True)
            self._show(result)

        def failed(exc):
            self.run_button.setEnabled(True)
            show_error(self, exc, self.ctx.lang)

        self.ctx.run(job, name="appraise", on_success=done, on_failure=failed)

    def _method_text(self, a: sa.Appraisal) -> str:
        names = {sa.Method.MEAN_PER_UNIT: self.tr("均值估计"), sa.Method.STRATIFIED: self.tr("分层均值估计"),
                 sa.Method.STRINGER: self.tr("货币单位抽样（Stringer 上限）"), sa.Method.FOUND: self.tr("不外推")}
        reasons = {
            sa.Reason.NO_SAMPLE: self.tr("未指定样本"),
            sa.Reason.FRAME_CHANGED: self.tr("抽样框自抽样后已变化"),
            sa.Reason.PPS_INTERIM: self.tr("金额概率样本须全部审结后才推算"),
            sa.Reason.INTERIM_SHORT: self.tr("按随机顺序连续审完的单元不足一半（请按队列顺序审核）"),
            sa.Reason.TOO_FEW_UNITS: self.tr("某层可用单元少于 2 个"),
        }
        text = names[a.method]
        if a.reason is not None:
            text += self.tr("：{why}").format(why=reasons[a.reason])
        return text

    def _show(self, r: appraisal_service.SampleAppraisal) -> None:
        self.result = r
        a = r.appraisal
        phase = self.tr("中期推算（尚有未审结单元，只用按随机顺序连续审完的单元）") if a.interim else self.tr("终期推算")
        self.status.setText(f"{phase} · {self._method_text(a)}")
        v = self.values
        v["progress"].setText(f"{a.selected} / {a.decided} / {a.units}")
        v["found"].setText(_yuan(a.found))
        v["pending"].setText(_yuan(a.pending))
        v["point"].setText(_yuan(a.point))
        v["lower"].setText(_yuan(a.lower))
        v["upper"].setText(_yuan(a.upper))
        v["claimed"].setText(_yuan(a.claimed))
        v["claimed"].setStyleSheet("font-weight: bold; color: #1f3a5f;")
        v["basis"].setText(self.tr("基金支付金额") if a.amount_basis is sa.Basis.FUND
                           else self.tr("医疗费用金额（未导入符合范围金额）"))
        self._fill_tables(a)
        if r.attribute is not None:
            at = r.attribute
            self.explain.setText(self.tr(
                "属性推算：用于推算的 {n} 个单元中 {x} 个有确认的违规金额，差错率 {rate}，Clopper–Pearson {c} 区间 "
                "{lo} 至 {hi}。对外引用时以下限为准。").format(
                n=at.sample_size, x=at.errors, rate=f"{at.rate:.2%}", c=f"{at.confidence:.0%}",
                lo=f"{at.rate_lower:.2%}", hi=f"{at.rate_upper:.2%}"))
            return
        if a.method is sa.Method.FOUND:
            self.explain.setText(self.tr(
                "本次不外推，主张样本中已确认的 {found} 元；待定的 {pending} 元（疑点）不计入，申诉结束后再定。").format(
                found=_yuan(a.found), pending=_yuan(a.pending)))
            return
        if a.claim_basis == "found":
            self.explain.setText(self.tr(
                "下限 {lower} 元不高于已确认的 {found} 元：样本太小或差异太大。此时只主张已确认的 {found} 元。"
                "待定的 {pending} 元不计入推算。").format(lower=_yuan(a.lower), found=_yuan(a.found),
                                                      pending=_yuan(a.pending)))
            return
        self.explain.setText(self.tr(
            "应主张的金额是下限 {lower} 元：在 {c} 的双侧置信度下，总体真实多付金额低于它的可能只有 {tail}，"
            "对被审核机构最有利，因此经得起申诉和诉讼。点估计 {point} 元；待定的 {pending} 元不计入。").format(
            lower=_yuan(a.lower), point=_yuan(a.point), c=f"{float(a.confidence):.0%}",
            tail=f"{float(1 - a.confidence) / 2:.0%}", pending=_yuan(a.pending)))

    def _fill_tables(self, a: sa.Appraisal) -> None:
        names = {"mean_per_unit": self.tr("均值估计（主张依据）"), "ratio": self.tr("比率估计（参考）")}
        self.estimators.setRowCount(len(a.estimators))
        for i, e in enumerate(a.estimators):
            cells = [names.get(e.name, e.name), _yuan(e.point), f"{float(e.se):,.2f}",
                     "—" if e.df is None else str(e.df), _yuan(e.lower), _yuan(e.upper)]
            for j, text in enumerate(cells):
                self.estimators.setItem(i, j, QTableWidgetItem(text))
        st = a.stringer
        if st is not None:
            self.stringer_note.setText(self.tr(
                "抽样间距 {J} 元，{n} 个抽样点，必选单元 {c} 个，有错报的非必选单元 {k} 个；基本精度 {bp} 元，"
                "增量准备 {ia} 元，上限 {upper} 元。").format(J=_yuan(st.interval), n=st.points, c=st.certainty,
                                                        k=st.errors, bp=_yuan(st.basic_precision),
                                                        ia=_yuan(st.incremental_allowance), upper=_yuan(a.upper)))
            self.stringer.setRowCount(len(st.rows))
            for i, (k, tau, lam, factor) in enumerate(st.rows):
                for j, text in enumerate((str(k), f"{float(tau):.4f}", f"{float(lam):.4f}", f"{float(factor):.4f}")):
                    self.stringer.setItem(i, j, QTableWidgetItem(text))
        self._tables_visible(a)
