"""风险画像 view: institutions or doctors ranked against their peers (spec/risk.md).

The ranked table shows each measure's value with its percentile, amber for a
percentile flag and red for a robust one; beside it, for the selected entity,
the strip plot of a measure in its peer group (the entity marked), its monthly
trends and its Benford chart, drawn by the same matplotlib code as the PDF
export. Each flag opens the settlements behind it. Every store access runs
through ctx.run; the charts are drawn on the GUI thread from the computed
profile.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QDialog, QFileDialog,
                               QHBoxLayout, QHeaderView, QLabel, QListWidget, QListWidgetItem, QPushButton,
                               QSplitter, QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from ...core import risk
from ...core.money import fen_to_str
from ...services import risk_drill, risk_service
from ..errors import show_error
from .base import View

AMBER = QColor("#ffd98a")
RED = QColor("#f4a3a3")
FIXED_COLS = 8


def _chart():
    """A matplotlib canvas; matplotlib is imported on first use, not when the main window opens."""
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

    from ...services import risk_charts as rc

    fig = rc.new_figure(6.0, 3.2)
    canvas = FigureCanvasQTAgg(fig)
    canvas.setMinimumHeight(220)
    return canvas, fig


class RiskView(View):
    view_id = "risk"

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.profile: risk_service.Profile | None = None
        self._want_code: str | None = None
        self.stale = False
        # -- top bar
        self.level = QComboBox()
        self.level.setObjectName("riskLevel")
        self.use_period = QCheckBox()
        self.use_period.setObjectName("riskUsePeriod")
        self.date_from, self.date_to = QDateEdit(), QDateEdit()
        for w, name in ((self.date_from, "riskFrom"), (self.date_to, "riskTo")):
            w.setObjectName(name)
            w.setCalendarPopup(True)
            w.setDisplayFormat("yyyy-MM-dd")
            w.setEnabled(False)
        self.use_period.toggled.connect(lambda on: [w.setEnabled(on) for w in (self.date_from, self.date_to)])
        self.compute_button = QPushButton()
        self.compute_button.setObjectName("riskCompute")
        self.compute_button.clicked.connect(self.compute)
        self.export_button = QPushButton()
        self.export_button.setObjectName("riskExport")
        self.export_button.clicked.connect(self._ask_export)
        self.sample_button = QPushButton()
        self.sample_button.setObjectName("riskSample")
        self.sample_button.clicked.connect(lambda: self.ctx.bus.navigate.emit("sampling"))
        self.status = QLabel()
        self.status.setObjectName("riskStatus")
        self.status.setWordWrap(True)
        top = QHBoxLayout()
        for w in (self.level, self.use_period, self.date_from, self.date_to, self.compute_button):
            top.addWidget(w)
        top.addWidget(self.status, 1)
        top.addWidget(self.export_button)
        top.addWidget(self.sample_button)
        self.banner = QLabel()
        self.banner.setObjectName("riskLeadNote")
        self.banner.setStyleSheet("background:#fff4d6; color:#6b4a00; padding:3px 6px; border-radius:3px;")

        # -- left: the ranked table
        self.table = QTableWidget(0, FIXED_COLS)
        self.table.setObjectName("riskTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.itemSelectionChanged.connect(self._entity_selected)
        self.table.cellDoubleClicked.connect(self._cell_double_clicked)

        # -- right: measure, charts, the entity's flags
        self.measure = QComboBox()
        self.measure.setObjectName("riskMeasure")
        self.measure.currentIndexChanged.connect(lambda _i: self._draw())
        self.charts = QTabWidget()
        self.charts.setObjectName("riskCharts")
        self.strip_canvas = self.trend_canvas = self.benford_canvas = None
        self.strip_fig = self.trend_fig = self.benford_fig = None
        self._chart_pages = []
        for _k in range(3):
            page = QWidget()
            QVBoxLayout(page).setContentsMargins(0, 0, 0, 0)
            self._chart_pages.append(page)
            self.charts.addTab(page, "")
        self.flags_label = QLabel()
        self.flags = QListWidget()
        self.flags.setObjectName("riskFlags")
        self.flags.itemDoubleClicked.connect(lambda item: self.open_behind(item.data(Qt.ItemDataRole.UserRole)))
        self.behind_button = QPushButton()
        self.behind_button.setObjectName("riskBehind")
        self.behind_button.clicked.connect(lambda: self.open_behind(self._current_flag()))
        fl = QHBoxLayout()
        fl.addWidget(self.flags_label, 1)
        fl.addWidget(self.behind_button)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.measure)
        rl.addWidget(self.charts, 3)
        rl.addLayout(fl)
        rl.addWidget(self.flags, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([720, 620])

        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.banner)
        lay.addWidget(split, 1)
        ctx.bus.open_risk_profile.connect(self.show_institution)
        ctx.bus.data_changed.connect(self._data_changed)
        self.retranslate()

    # -- texts ------------------------------------------------------------------------
    def nav_title(self) -> str:
        return self.tr("风险画像")

    def lead_text(self) -> str:
        return self.tr("标记是供审核的线索，不是违规的认定。")

    def tier_text(self, t: str) -> str:
        return {"high": self.tr("高"), "medium": self.tr("中"), "low": self.tr("低"), "none": self.tr("无同组比较")}[t]

    def retranslate(self) -> None:
        current = self.level.currentData()
        self.level.blockSignals(True)
        self.level.clear()
        self.level.addItem(self.tr("机构"), "institution")
        self.level.addItem(self.tr("医生"), "doctor")
        self.level.setCurrentIndex(max(0, self.level.findData(current)))
        self.level.blockSignals(False)
        self.use_period.setText(self.tr("指定期间"))
        self.compute_button.setText(self.tr("计算画像"))
        self.export_button.setText(self.tr("导出…"))
        self.sample_button.setText(self.tr("按风险等级抽样…"))
        self.banner.setText(self.lead_text() + " " + self.tr("琥珀色：百分位标记（≥ 第 80 百分位）；红色：稳健标记（超出 Q3 + 3×IQR）。"))
        self.charts.setTabText(0, self.tr("同组分布"))
        self.charts.setTabText(1, self.tr("月度趋势"))
        self.charts.setTabText(2, self.tr("Benford 检验"))
        self.flags_label.setText(self.tr("所选对象的标记（双击查看背后的结算）："))
        self.behind_button.setText(self.tr("查看结算"))
        if self.profile is None:
            self.status.setText(self.tr("尚未计算。默认期间为数据中最新结算所在的自然年。"))
        self._fill()

    # -- computing ----------------------------------------------------------------------
    def _period(self) -> tuple[str | None, str | None]:
        if not self.use_period.isChecked():
            return None, None
        return self.date_from.date().toString("yyyy-MM-dd"), self.date_to.date().toString("yyyy-MM-dd")

    def compute(self):
        """Compute the profile (an institution-level one is stored for risk-based sampling)."""
        ws, level = self.ctx.ws, self.level.currentData()
        a, b = self._period()
        self.compute_button.setEnabled(False)
        self.status.setText(self.tr("正在计算…"))

        def job(progress):
            return risk_service.run(ws, level, a, b)

        def failed(exc):
            self.compute_button.setEnabled(True)
            self.status.setText("")
            show_error(self, exc, self.ctx.lang)

        return self.ctx.run(job, name="risk.profile", on_success=self._loaded, on_failure=failed)

    def _data_changed(self, area: str) -> None:
        """Claims or flags changed: the profile shown (and a stored one) may be out of date."""
        if area in ("claims", "flags") and self.profile is not None:
            self.stale = True
            self.status.setText(self.tr("数据或线索已改变：请重新计算画像（按风险等级抽样前也须重新计算）。"))

    def _loaded(self, p: risk_service.Profile) -> None:
        self.compute_button.setEnabled(True)
        self.stale = False
        if p.profile_id is not None:
            self.ctx.bus.data_changed.emit("risk")
        self.profile = p
        counts = {t: sum(1 for e in p.entities if e.tier == t) for t in risk.TIERS}
        text = self.tr("{a} 至 {b}：{n} 个对象，高 {h}、中 {m}、低 {l}").format(
            a=p.date_from, b=p.date_to, n=len(p.entities), h=counts["high"], m=counts["medium"], l=counts["low"])
        if p.profile_id is not None:
            text += self.tr("；已保存为画像 {id}，可用于按风险等级抽样").format(id=p.profile_id)
        if not p.screened:
            text += self.tr("；尚未运行智能审核，线索类指标为空")
        self.status.setText(text)
        if not self.use_period.isChecked():
            self.date_from.setDate(QDate.fromString(p.date_from, "yyyy-MM-dd"))
            self.date_to.setDate(QDate.fromString(p.date_to, "yyyy-MM-dd"))
        self._fill()
        if self._want_code is not None:
            self._select_code(self._want_code)
            self._want_code = None
        elif p.entities:
            self.table.selectRow(0)

    # -- the table ------------------------------------------------------------------------
    def _fill(self) -> None:
        p = self.profile
        heads = [self.tr("排名"), self.tr("对象"), self.tr("名称"), self.tr("同组"), self.tr("等级"), self.tr("稳健数"),
                 self.tr("百分位数"), self.tr("得分")]
        ms = p.measures if p else ()
        lang = self.ctx.lang
        self.table.setColumnCount(FIXED_COLS + len(ms))
        self.table.setHorizontalHeaderLabels(heads + [m.name(lang) for m in ms])
        self.measure.blockSignals(True)
        keep = self.measure.currentData()
        self.measure.clear()
        for m in ms:
            self.measure.addItem(m.name(lang), m.id)
        if keep is not None and self.measure.findData(keep) >= 0:
            self.measure.setCurrentIndex(self.measure.findData(keep))
        self.measure.blockSignals(False)
        if p is None:
            self.table.setRowCount(0)
            return
        self.table.setRowCount(len(p.entities))
        for r, e in enumerate(p.entities):
            who = " / ".join(e.key)
            name = e.name
            cells = [str(e.rank), who, name, e.peer_group, self.tier_text(e.tier), str(e.robust_count),
                     str(e.flag_count), f"{risk.to_decimal(e.score, 1)}"]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 4 and e.tier == "high":
                    item.setBackground(QBrush(RED))
                elif c == 4 and e.tier == "medium":
                    item.setBackground(QBrush(AMBER))
                self.table.setItem(r, c, item)
            for k, m in enumerate(ms):
                v, pct = e.values.get(m.id), e.percentiles.get(m.id)
                text = risk_service.value_text(m, v)
                if pct is not None:
                    text += f"  (P{risk.to_decimal(pct, 1)})"
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if m.id in e.robust_flags:
                    item.setBackground(QBrush(RED))
                    item.setToolTip(self.tr("稳健标记（超出四分位距围栏）。") + self.lead_text())
                elif m.id in e.flags:
                    item.setBackground(QBrush(AMBER))
                    item.setToolTip(self.tr("百分位标记。") + self.lead_text())
                self.table.setItem(r, FIXED_COLS + k, item)
        for c, w in enumerate((40, 100 if p.level == "institution" else 170, 130, 70, 70, 60, 60, 60)):
            self.table.setColumnWidth(c, w)
        for k in range(len(ms)):
            self.table.setColumnWidth(FIXED_COLS + k, 130)

    def current_entity(self) -> risk_service.EntityProfile | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or self.profile is None:
            return None
        return self.profile.entities[rows[0].row()]

    def _entity_selected(self) -> None:
        e = self.current_entity()
        self.flags.clear()
        if e is not None:
            for m in self.profile.measures:
                if m.id in e.robust_flags or m.id in e.flags:
                    robust = m.id in e.robust_flags
                    pct = e.percentiles.get(m.id)
                    item = QListWidgetItem(self.tr("{kind}：{name} = {v}（第 {p} 百分位）— 线索，不是认定").format(
                        kind=self.tr("稳健标记") if robust else self.tr("百分位标记"), name=m.name(self.ctx.lang),
                        v=risk_service.value_text(m, e.values.get(m.id)), p=risk.to_decimal(pct, 1)))
                    item.setBackground(QBrush(RED if robust else AMBER))
                    item.setData(Qt.ItemDataRole.UserRole, m.id)
                    self.flags.addItem(item)
            first = next((m.id for m in self.profile.measures if m.id in e.robust_flags + e.flags), None)
            if first is not None and self.measure.findData(first) >= 0:
                self.measure.setCurrentIndex(self.measure.findData(first))
        self._draw()

    def _cell_double_clicked(self, row: int, col: int) -> None:
        if col < FIXED_COLS or self.profile is None:
            return
        m = self.profile.measures[col - FIXED_COLS]
        e = self.profile.entities[row]
        if m.id in e.flags or m.id in e.robust_flags:
            self.open_behind(m.id)

    def _current_flag(self) -> str | None:
        item = self.flags.currentItem() or (self.flags.item(0) if self.flags.count() else None)
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    # -- charts ---------------------------------------------------------------------------
    def _ensure_charts(self) -> None:
        if self.strip_canvas is not None:
            return
        (self.strip_canvas, self.strip_fig), (self.trend_canvas, self.trend_fig), \
            (self.benford_canvas, self.benford_fig) = _chart(), _chart(), _chart()
        for page, canvas in zip(self._chart_pages, (self.strip_canvas, self.trend_canvas, self.benford_canvas)):
            page.layout().addWidget(canvas)

    def _draw(self) -> None:
        if self.profile is None:
            return
        from ...services import risk_charts as rc

        self._ensure_charts()
        for fig in (self.strip_fig, self.trend_fig, self.benford_fig):
            fig.clear()
        p, e = self.profile, self.current_entity()
        mid = self.measure.currentData()
        lang = self.ctx.lang
        if p is not None and e is not None and mid is not None:
            m = next(x for x in p.measures if x.id == mid)
            ax = self.strip_fig.add_subplot()
            if p.group(e.peer_group, m.id) is None:
                ax.set_axis_off()
                ax.text(0.5, 0.5, self.tr("同组不足 5 个数值，不作比较"), ha="center", va="center", fontsize=9)
            else:
                rc.draw_strip(ax, p, m, e.peer_group, mark=e.key[0] if p.level == "institution" else None,
                              lang=lang)
                if p.level == "doctor":  # mark the doctor by name
                    ax.set_title(f"{m.name(lang)}  [{e.peer_group}]  {e.key[2]}", fontsize=9, loc="left")
            if p.level == "institution":
                rc.draw_trend(self.trend_fig.add_subplot(), p, e.key[0], m, lang=lang)
                b = p.benford_of(e.key[0])
                if b is not None:
                    rc.draw_benford(self.benford_fig.add_subplot(), b, e.key[0], lang=lang)
            else:
                for fig in (self.trend_fig, self.benford_fig):
                    ax = fig.add_subplot()
                    ax.set_axis_off()
                    ax.text(0.5, 0.5, self.tr("仅机构层级有月度趋势与 Benford 检验"), ha="center", va="center", fontsize=9)
        for c in (self.strip_canvas, self.trend_canvas, self.benford_canvas):
            c.draw_idle()

    # -- navigation from elsewhere ------------------------------------------------------
    def show_institution(self, code: str) -> None:
        """Open the profile of an institution (from the flags view or the home screen)."""
        self.ctx.bus.navigate.emit(self.view_id)
        if self.profile is not None and self.profile.level == "institution":
            self._select_code(code)
            return
        self._want_code = code
        self.level.setCurrentIndex(self.level.findData("institution"))
        self.compute()

    def _select_code(self, code: str) -> None:
        for r, e in enumerate(self.profile.entities if self.profile else ()):
            if e.key[0] == code:
                self.table.selectRow(r)
                self.table.scrollToItem(self.table.item(r, 0))
                return

    # -- the settlements behind a flag ------------------------------------------------------
    def open_behind(self, measure_id: str | None):
        e, p = self.current_entity(), self.profile
        if e is None or p is None or measure_id is None:
            return None
        ws = self.ctx.ws

        def job(progress):
            return risk_drill.settlements_behind(ws, p.date_from, p.date_to, e.key, measure_id)

        def done(refs):
            m = next(x for x in p.measures if x.id == measure_id)
            self.behind_dialog = BehindDialog(self, e, m, refs)
            self.behind_dialog.show()

        return self.ctx.run(job, name="risk.behind", on_success=done)

    # -- export -------------------------------------------------------------------------
    def _ask_export(self) -> None:
        e = self.current_entity()
        path, _f = QFileDialog.getSaveFileName(self, self.tr("导出风险画像"), "risk-profile.xlsx",
                                               "Excel (*.xlsx);;PDF (*.pdf)")
        if path:
            self.export(Path(path), institution=e.key[0] if e is not None and self.profile.level == "institution"
                        and path.lower().endswith(".pdf") else None)

    def export(self, path: Path, institution: str | None = None):
        ws, p = self.ctx.ws, self.profile
        level = p.level if p else self.level.currentData()
        a, b = (p.date_from, p.date_to) if p else self._period()

        def job(progress):
            from ...services import risk_export

            return risk_export.export(ws, path, level=level, date_from=a, date_to=b, institution=institution)

        return self.ctx.run(job,
                            name="risk.export", db=True,
                            on_success=lambda r: self.status.setText(self.tr("已导出 {f}").format(f=r.file)),
                            on_failure=lambda exc: show_error(self, exc, self.ctx.lang))


class BehindDialog(QDialog):
    """The settlements behind one flag; double-click opens a settlement."""

    def __init__(self, view: RiskView, entity, measure: risk.Measure, refs: list) -> None:
        super().__init__(view)
        self.setObjectName("riskBehindDialog")
        self.view = view
        self.refs = refs
        who = " / ".join(entity.key)
        self.setWindowTitle(self.tr("标记背后的结算"))
        note = QLabel(self.tr("{who} — {m}：{n} 条结算。这是供审核的线索，不是违规的认定。").format(
            who=who, m=measure.name(view.ctx.lang), n=len(refs)))
        note.setWordWrap(True)
        self.table = QTableWidget(len(refs), 5)
        self.table.setObjectName("riskBehindTable")
        self.table.setHorizontalHeaderLabels([self.tr("结算ID"), self.tr("结算时间"), self.tr("医疗类别"),
                                              self.tr("医疗费总额"), self.tr("依据")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        for r, x in enumerate(refs):
            for c, text in enumerate((x.setl_id, x.setl_time, x.med_type, fen_to_str(x.medfee_sumamt), x.figure)):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.resizeColumnsToContents()
        self.table.cellDoubleClicked.connect(lambda r, _c: self.open(r))
        self.open_button = QPushButton(self.tr("查看结算"))
        self.open_button.clicked.connect(lambda: self.open(self.table.currentRow()))
        lay = QVBoxLayout(self)
        lay.addWidget(note)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignRight)
        self.resize(760, 480)

    def open(self, row: int) -> None:
        if 0 <= row < len(self.refs):
            self.view.ctx.bus.navigate.emit("settlements")
            self.view.ctx.bus.open_settlement.emit(self.refs[row].setl_id)
