"""结算数据: browse imported settlements (lazily loaded, filtered) and open one with its fee lines."""
from __future__ import annotations

import time

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton,
                               QSplitter, QTableView, QVBoxLayout, QWidget)

from ...core import import_format as fmt
from ...core.money import fen_to_str, yuan_to_fen
from ...services import claims_query as cq
from ..errors import show_error
from ..widgets.lazy_table import LazyTableModel
from ..widgets.settlement_detail import SettlementDetailWidget
from .base import View
from ...core.changes import Area, Changes

MONEY_COLS = {"medfee_sumamt", "hifp_pay", "hifob_pay"}


class SettlementsModel(LazyTableModel):
    COLUMNS = ("setl_id", "psn_name", "certno_masked", "med_type", "setl_type", "offsite_flag", "fixmedins_name",
               "begndate", "enddate", "setl_time", "dise_name", "medfee_sumamt", "hifp_pay", "hifob_pay")

    def __init__(self, ctx, parent=None) -> None:
        ws = ctx.ws
        super().__init__(ctx, lambda ids: cq.settlement_page(ws, ids), parent)

    def display(self, s: cq.SettlementSummary, column: int):
        col = self.COLUMNS[column]
        lang = self.ctx.lang
        if col in MONEY_COLS:
            return fen_to_str(getattr(s, col))
        if col == "med_type":
            return fmt.code_label(fmt.MED_TYPES, s.med_type, lang)
        if col == "setl_type":
            return fmt.code_label(fmt.SETL_TYPES, s.setl_type, lang)
        if col == "offsite_flag":
            return fmt.code_label(fmt.OFFSITE_FLAGS, s.offsite_flag, lang)
        return getattr(s, col) or ""

    def extra_role(self, s, column: int, role: int):
        if role == Qt.ItemDataRole.TextAlignmentRole and self.COLUMNS[column] in MONEY_COLS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return s.setl_id
        return None


class SettlementsView(View):
    view_id = "settlements"
    ids_loaded = Signal(int)  # number of settlements matching the filter

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._stale = True
        self._filter = cq.SettlementFilter()

        self.import_btn = QPushButton()
        self.import_btn.setObjectName("importButton")
        self.import_btn.clicked.connect(self.open_import)
        self.refresh_btn = QPushButton()
        self.refresh_btn.clicked.connect(self.refresh)
        self.count_label = QLabel()
        self.count_label.setObjectName("settlementCount")

        self.inst = QComboBox()
        self.inst.setObjectName("filterInstitution")
        self.inst.setMinimumContentsLength(12)
        self.inst.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.med_type = QComboBox()
        self.med_type.setObjectName("filterMedType")
        self.setl_type = QComboBox()
        self.setl_type.setObjectName("filterSetlType")
        self.offsite = QComboBox()
        self.offsite.setObjectName("filterOffsite")
        self.date_from, self.date_to = QLineEdit(), QLineEdit()
        self.date_from.setObjectName("filterDateFrom")
        self.date_to.setObjectName("filterDateTo")
        self.amount_min, self.amount_max = QLineEdit(), QLineEdit()
        self.amount_min.setObjectName("filterAmountMin")
        self.amount_max.setObjectName("filterAmountMax")
        self.search = QLineEdit()
        self.search.setObjectName("filterSearch")
        for w in (self.date_from, self.date_to):
            w.setFixedWidth(96)
        for w in (self.amount_min, self.amount_max):
            w.setFixedWidth(80)
        self.search.setFixedWidth(140)
        self.apply_btn = QPushButton()
        self.apply_btn.setObjectName("applyFilter")
        self.apply_btn.clicked.connect(self.apply_filter)
        self.clear_btn = QPushButton()
        self.clear_btn.clicked.connect(self.clear_filter)
        for w in (self.date_from, self.date_to, self.amount_min, self.amount_max, self.search):
            w.returnPressed.connect(self.apply_filter)
        for combo in (self.inst, self.med_type, self.setl_type, self.offsite):
            combo.activated.connect(lambda *_: self.apply_filter())

        top = QHBoxLayout()
        self.title = QLabel()
        f = self.title.font()
        f.setPointSize(f.pointSize() + 3)
        f.setBold(True)
        self.title.setFont(f)
        top.addWidget(self.title)
        top.addSpacing(12)
        top.addWidget(self.count_label)
        top.addStretch(1)
        top.addWidget(self.refresh_btn)
        top.addWidget(self.import_btn)

        filters1 = QHBoxLayout()
        self.labels = {k: QLabel() for k in ("inst", "med_type", "setl_type", "offsite", "dates", "amounts",
                                             "search", "to1", "to2")}
        for key, widget in (("inst", self.inst), ("med_type", self.med_type), ("setl_type", self.setl_type),
                            ("offsite", self.offsite)):
            filters1.addWidget(self.labels[key])
            filters1.addWidget(widget)
        filters1.addStretch(1)
        filters2 = QHBoxLayout()
        filters2.addWidget(self.labels["dates"])
        filters2.addWidget(self.date_from)
        filters2.addWidget(self.labels["to1"])
        filters2.addWidget(self.date_to)
        filters2.addSpacing(8)
        filters2.addWidget(self.labels["amounts"])
        filters2.addWidget(self.amount_min)
        filters2.addWidget(self.labels["to2"])
        filters2.addWidget(self.amount_max)
        filters2.addSpacing(8)
        filters2.addWidget(self.labels["search"])
        filters2.addWidget(self.search)
        filters2.addWidget(self.apply_btn)
        filters2.addWidget(self.clear_btn)
        filters2.addStretch(1)

        self.model = SettlementsModel(ctx, self)
        self.table = QTableView()
        self.table.setObjectName("settlementsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda idx: self.open_row(idx.row()))
        self.table.activated.connect(lambda idx: self.open_row(idx.row()))

        self.detail = SettlementDetailWidget(ctx)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addLayout(filters1)
        lay.addLayout(filters2)
        lay.addWidget(self.splitter, 1)
        ctx.bus.changes.connect(self._on_changes)
        ctx.bus.open_settlement.connect(self.show_settlement)
        self.retranslate()
        for col, width in enumerate((126, 60, 148, 110, 92, 76, 200, 84, 84, 138, 120, 84, 76, 76)):
            self.table.setColumnWidth(col, width)

    # -- View ---------------------------------------------------------------------
    def nav_title(self) -> str:
        return self.tr("结算数据")

    def retranslate(self) -> None:
        self.title.setText(self.tr("结算数据"))
        self.import_btn.setText(self.tr("导入…"))
        self.refresh_btn.setText(self.tr("刷新"))
        self.apply_btn.setText(self.tr("查询"))
        self.clear_btn.setText(self.tr("清除条件"))
        texts = {"inst": self.tr("定点机构"), "med_type": self.tr("医疗类别"), "setl_type": self.tr("结算方式"),
                 "offsite": self.tr("异地"), "dates": self.tr("结算日期"), "amounts": self.tr("医疗费总额"),
                 "search": self.tr("结算ID/人员编号"), "to1": self.tr("至"), "to2": self.tr("至")}
        for k, label in self.labels.items():
            label.setText(texts[k])
        self.date_from.setPlaceholderText("2025-01-01")
        self.date_to.setPlaceholderText("2025-12-31")
        self.amount_min.setPlaceholderText(self.tr("最小"))
        self.amount_max.setPlaceholderText(self.tr("最大"))
        self.search.setPlaceholderText(self.tr("前缀"))
        self.model.set_headers([self.tr("结算ID"), self.tr("姓名"), self.tr("证件号码"), self.tr("医疗类别"),
                              self.tr("结算方式"), self.tr("异地"), self.tr("定点机构"), self.tr("开始日期"),
                              self.tr("结束日期"), self.tr("结算时间"), self.tr("主诊断"), self.tr("医疗费总额"),
                              self.tr("统筹支付"), self.tr("大额支付")])
        self._fill_static_combos()
        self._update_count()

    def activated(self) -> None:
        if self._stale:
            self.refresh()

    # -- filters --------------------------------------------------------------------
    def _fill_static_combos(self) -> None:
        lang = self.ctx.lang
        for combo, table in ((self.setl_type, fmt.SETL_TYPES), (self.offsite, fmt.OFFSITE_FLAGS)):
            current = combo.currentData()
            combo.clear()
            combo.addItem(self.tr("全部"), None)
            for code in table:
                combo.addItem(fmt.code_label(table, code, lang), code)
            i = combo.findData(current)
            combo.setCurrentIndex(max(i, 0))

    def _fill_dynamic_combos(self, institutions: list[tuple[str, str]], med_types: list[str]) -> None:
        lang = self.ctx.lang
        cur_inst, cur_mt = self.inst.currentData(), self.med_type.currentData()
        self.inst.clear()
        self.inst.addItem(self.tr("全部"), None)
        for code, name in institutions:
            self.inst.addItem(f"{name}（{code}）" if lang != "en" else f"{name} ({code})", code)
        self.med_type.clear()
        self.med_type.addItem(self.tr("全部"), None)
        codes = sorted({("21" if fmt.is_inpatient(m) else m) for m in med_types})
        for code in codes:
            self.med_type.addItem(fmt.code_label(fmt.MED_TYPES, code, lang), code)
        self.inst.setCurrentIndex(max(self.inst.findData(cur_inst), 0))
        self.med_type.setCurrentIndex(max(self.med_type.findData(cur_mt), 0))

    def current_filter(self) -> cq.SettlementFilter:
        """The filter the widgets describe; bad dates or amounts raise BadInput."""
        from ...core.errors import BadInput

        def date(edit: QLineEdit) -> str | None:
            text = edit.text().strip()
            if not text:
                return None
            try:
                return fmt.parse_date(text)
            except fmt.ValueProblem as exc:
                raise BadInput(exc.reason, **exc.params) from None

        def amount(edit: QLineEdit) -> int | None:
            text = edit.text().strip()
            if not text:
                return None
            try:
                return yuan_to_fen(text)
            except ValueError:
                raise BadInput(fmt.BAD_AMOUNT, value=text) from None

        flt = cq.SettlementFilter(
            institution=self.inst.currentData(), med_type=self.med_type.currentData(),
            setl_type=self.setl_type.currentData(), offsite_flag=self.offsite.currentData(),
            date_from=date(self.date_from), date_to=date(self.date_to),
            amount_min=amount(self.amount_min), amount_max=amount(self.amount_max),
            search=self.search.text().strip() or None,
        )
        return flt

    def apply_filter(self) -> None:
        try:
            self._filter = self.current_filter()
        except Exception as exc:  # BadInput: shown, the previous filter stays
            show_error(self, exc, self.ctx.lang)
            return
        self._load_ids()

    def clear_filter(self) -> None:
        for combo in (self.inst, self.med_type, self.setl_type, self.offsite):
            combo.setCurrentIndex(0)
        for edit in (self.date_from, self.date_to, self.amount_min, self.amount_max, self.search):
            edit.clear()
        self.apply_filter()

    # -- loading --------------------------------------------------------------------
    def refresh(self) -> None:
        self._stale = False
        ws = self.ctx.ws

        def job(progress):
            return cq.institutions(ws), cq.med_types(ws)

        self.ctx.run(job, name="settlement_filters", on_success=lambda r: self._fill_dynamic_combos(*r))
        self._load_ids()

    def _load_ids(self) -> None:
        ws, flt = self.ctx.ws, self._filter
        started = time.perf_counter()
        self.count_label.setText(self.tr("正在查询…"))

        def done(ids):
            self.model.set_ids(ids)
            self.last_load_seconds = time.perf_counter() - started
            self._update_count()
            self.ids_loaded.emit(len(ids))

        self.ctx.run(lambda progress: cq.settlement_rowids(ws, flt, progress), name="settlement_ids",
                     on_success=done)

    def _update_count(self) -> None:
        n = self.model.rowCount()
        self.count_label.setText(self.tr("共 {n} 条结算").replace("{n}", f"{n:,}"))

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(Area.CLAIMS):
            self._stale = True
            if self.isVisible():
                self.refresh()

    # -- opening a settlement -----------------------------------------------------------
    def open_row(self, row: int) -> None:
        obj = self.model.row_object(row)
        if obj is not None:
            self.detail.set_settlement(obj.setl_id)

    def show_settlement(self, setl_id: str) -> None:
        self.detail.set_settlement(setl_id)

    def open_import(self) -> None:
        from ..import_dialog import ImportDialog

        dlg = ImportDialog(self.ctx, self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.open()
        self.import_dialog = dlg
