"""The sampling plan form of the 抽样 view: preset, method, period, filter, size, strata, bands, seed.

Emits ``edited`` whenever the plan changes (the view then asks for a new
preview before drawing); ``plan()`` returns the plan the form describes.
"""
from __future__ import annotations

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from ...core.errors import NotFound, UsageError
from ...services import profile_service, sampling_service as svc
from ..context import UiContext


class PlanForm(QWidget):
    edited = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._in_profile: frozenset[str] = frozenset()  # preset ids of the active profile (load_profile_marks)
        self.preset = QComboBox()
        self.preset.setObjectName("preset")
        self.method = QComboBox()
        self.method.setObjectName("method")
        self.use_period = QCheckBox()
        self.use_period.setObjectName("usePeriod")
        self.date_from, self.date_to = QDateEdit(), QDateEdit()
        for w, name in ((self.date_from, "dateFrom"), (self.date_to, "dateTo")):
            w.setObjectName(name)
            w.setCalendarPopup(True)
            w.setDisplayFormat("yyyy-MM-dd")
        today = QDate.currentDate()
        first = QDate(today.year(), ((today.month() - 1) // 3) * 3 + 1, 1)
        self.date_from.setDate(first.addMonths(-3))
        self.date_to.setDate(first.addDays(-1))
        self.conditions = QLineEdit()
        self.conditions.setObjectName("conditions")
        self.size_kind = QComboBox()
        self.size_kind.setObjectName("sizeKind")
        self.size_value = QLineEdit("0.05")
        self.size_value.setObjectName("sizeValue")
        self.strata = QLineEdit()
        self.strata.setObjectName("strata")
        self.bands = QLineEdit()
        self.bands.setObjectName("bands")
        self.seed = QLineEdit()
        self.seed.setObjectName("seed")
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.labels = {k: QLabel() for k in ("preset", "method", "period", "conditions", "size", "strata", "bands",
                                             "seed")}
        form.addRow(self.labels["preset"], self.preset)
        form.addRow(self.labels["method"], self.method)
        period = QHBoxLayout()
        period.addWidget(self.use_period)
        period.addWidget(self.date_from, 1)
        period.addWidget(QLabel("—"))
        period.addWidget(self.date_to, 1)
        form.addRow(self.labels["period"], period)
        form.addRow(self.labels["conditions"], self.conditions)
        size = QHBoxLayout()
        size.addWidget(self.size_kind)
        size.addWidget(self.size_value, 1)
        form.addRow(self.labels["size"], size)
        strata_row = QHBoxLayout()  # #20 hook: "draw by risk tier" fills the strata with risk_tier
        strata_row.addWidget(self.strata, 1)
        self.risk_tier_button = QPushButton()
        self.risk_tier_button.setObjectName("riskTierButton")
        self.risk_tier_button.clicked.connect(self.draw_by_risk_tier)
        strata_row.addWidget(self.risk_tier_button)
        form.addRow(self.labels["strata"], strata_row)
        form.addRow(self.labels["bands"], self.bands)
        form.addRow(self.labels["seed"], self.seed)
        self.preset.currentIndexChanged.connect(self._preset_changed)
        self.method.currentIndexChanged.connect(self._method_changed)
        for w in (self.conditions, self.size_value, self.strata, self.bands, self.seed):
            w.textChanged.connect(self._emit)
        self.use_period.toggled.connect(self._emit)
        self.date_from.dateChanged.connect(self._emit)
        self.date_to.dateChanged.connect(self._emit)
        self.size_kind.currentIndexChanged.connect(self._emit)
        self.load_profile_marks()

    def draw_by_risk_tier(self) -> None:
        """#20 hook: stratify by the risk tier of the latest stored risk profile."""
        self.method.setCurrentIndex(self.method.findData("stratified"))
        self.strata.setText("risk_tier")

    def _emit(self, *_a) -> None:
        self.edited.emit()

    def retranslate(self) -> None:
        lab = self.labels
        lab["preset"].setText(self.tr("预设方案"))
        lab["method"].setText(self.tr("抽样方法"))
        lab["period"].setText(self.tr("结算期间"))
        lab["conditions"].setText(self.tr("筛选条件"))
        lab["size"].setText(self.tr("样本量"))
        lab["strata"].setText(self.tr("分层字段"))
        self.risk_tier_button.setText(self.tr("按风险等级分层"))  # #20 hook
        lab["bands"].setText(self.tr("金额分档（元）"))
        lab["seed"].setText(self.tr("随机种子"))
        self.use_period.setText(self.tr("限定"))
        self.conditions.setPlaceholderText(self.tr("如 med_type=inpatient; medfee_sumamt>=1000"))
        self.strata.setPlaceholderText(self.tr("如 fixmedins_code 或 amount_band,offsite_flag"))
        self.bands.setPlaceholderText(self.tr("如 1000,10000"))
        self.seed.setPlaceholderText(self.tr("由组长给定的数字或掷骰结果"))
        self.fill_combos()

    def load_profile_marks(self) -> None:
        """Mark (★) the presets the active contract profile names; the profile is read on the DB worker."""
        ws = self.ctx.ws

        def marks(_progress) -> frozenset[str]:
            try:
                return frozenset(profile_service.active_profile(ws).get("sampling_presets") or [])
            except NotFound:  # the active profile was deleted: the presets are listed unmarked
                return frozenset()

        self.ctx.run(marks, name="sampling-preset-marks", on_success=self._got_profile_marks)

    def _got_profile_marks(self, marks: frozenset[str]) -> None:
        if marks != self._in_profile:
            self._in_profile = marks
            self.fill_combos()

    def method_names(self) -> dict[str, str]:
        return {"srs": self.tr("简单随机抽样"), "stratified": self.tr("分层随机抽样"),
                "pps": self.tr("按金额概率比例（PPS）"), "census": self.tr("全量（普查）")}

    def fill_combos(self) -> None:
        keep_preset = self.preset.currentData()
        keep_method = self.method.currentData() or "srs"
        for combo in (self.preset, self.method, self.size_kind):
            combo.blockSignals(True)
        self.preset.clear()
        self.preset.addItem(self.tr("自定义方案"), None)
        in_profile = self._in_profile
        for p in svc.presets():
            name = p["name_en"] if self.ctx.lang == "en" else p["name_zh"]
            mark = " ★" if p["id"] in in_profile else ""
            self.preset.addItem(f"{name}{mark}", p["id"])
        self.preset.setCurrentIndex(max(self.preset.findData(keep_preset), 0))
        self.method.clear()
        for m, name in self.method_names().items():
            self.method.addItem(name, m)
        self.method.setCurrentIndex(max(self.method.findData(keep_method), 0))
        kind = self.size_kind.currentIndex()
        self.size_kind.clear()
        self.size_kind.addItem(self.tr("比例"), "rate")
        self.size_kind.addItem(self.tr("样本量"), "size")
        self.size_kind.setCurrentIndex(max(kind, 0))
        for combo in (self.preset, self.method, self.size_kind):
            combo.blockSignals(False)
        self._method_changed()

    def _preset_changed(self) -> None:
        pid = self.preset.currentData()
        if pid:
            p = svc.preset(pid)
            self.method.setCurrentIndex(self.method.findData(p["method"]))
            conds = []
            for f, op, v in p["conditions"]:
                conds.append(f"{f}{op}{','.join(v) if isinstance(v, list) else v}")
            self.conditions.setText("; ".join(conds))
            if p.get("rate"):
                self.size_kind.setCurrentIndex(0)
                self.size_value.setText(p["rate"])
            self.strata.clear()
            if not self.seed.text().strip():
                self.seed.setText(p.get("seed_contract", ""))
            self.use_period.setChecked(True)
        self._emit()

    def _method_changed(self) -> None:
        m = self.method.currentData()
        self.size_kind.setEnabled(m != "census")
        self.size_value.setEnabled(m != "census")
        self.strata.setEnabled(m == "stratified")
        self.bands.setEnabled(m == "stratified")
        self._emit()

    def plan(self) -> svc.Plan:
        m = self.method.currentData()
        conds = [svc.parse_condition(c) for c in self.conditions.text().replace("；", ";").split(";") if c.strip()]
        value = self.size_value.text().strip()
        rate = size = None
        if m != "census":
            if self.size_kind.currentData() == "rate":
                rate = value
            else:
                if not value.isdigit():
                    raise UsageError(detail=self.tr("样本量须为整数"))
                size = int(value)
        return svc.Plan(
            method=m, seed=self.seed.text().strip(), conditions=conds, rate=rate, size=size,
            date_from=self.date_from.date().toString("yyyy-MM-dd") if self.use_period.isChecked() else None,
            date_to=self.date_to.date().toString("yyyy-MM-dd") if self.use_period.isChecked() else None,
            strata=[s.strip() for s in self.strata.text().split(",") if s.strip()] if m == "stratified" else [],
            bands=[b.strip() for b in self.bands.text().split(",") if b.strip()] if m == "stratified" else [],
            preset=self.preset.currentData())
