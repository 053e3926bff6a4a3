"""规则库 rule library: every rule, fixed and knowledge point, searchable and filterable by
template, source batch, active state and precision; precision sortable, with the flags
behind each count; rules under the supervisor's threshold highlighted; the point editor
(new, edit), activate/deactivate. Every store access goes through ctx.run.
"""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QInputDialog, QLabel,
                               QLineEdit, QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget)

from ...core import knowledge as kn
from ...core.identity import Role
from ...core.money import fen_to_str
from ...services import knowledge_service as ks
from ...services import rule_precision as rp
from .base import View
from .text_table_model import TextTableModel

LOW = QColor("#fde7e9")
SORT_ROLE = Qt.ItemDataRole.UserRole
RULE_ROLE = Qt.ItemDataRole.UserRole + 1
COLS = 11
PREC_COL = 10


class LibraryModel(QAbstractTableModel):
    """The visible rules; Qt asks for cells (few Python calls per fill: PySide 6's void-method
    wrappers over-release None, so filling thousands of QTableWidgetItems one call at a time
    would corrupt the interpreter). Sorting is by SORT_ROLE: numbers as numbers."""

    def __init__(self, view: "RulesView") -> None:
        super().__init__(view)
        self.view = view
        self.rows: list[ks.LibraryRow] = []
        self.titles: list[str] = [""] * COLS

    def set_rows(self, rows: list[ks.LibraryRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else COLS

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.titles[section]
        return None

    def cell(self, r: ks.LibraryRow, c: int):
        v = self.view
        if c == 0:
            return r.rule_id, r.rule_id
        if c == 1:
            name = v._template_name(r.template)
            return name, name
        if c == 2:
            return r.name, r.name
        if c == 3:
            return r.source, r.source
        if c == 4:
            dates = (r.effective_from or "") + ("–" + r.effective_to if r.effective_to else "")
            return dates, dates
        if c == 5:
            return v.state_text(r.active), int(r.active)
        if c in (6, 7, 8, 9):
            n = (r.flags, r.confirmed, r.rejected, r.open)[c - 6]
            return f"{n:,}", n
        if r.precision is None:
            return "—", 9.0  # no outcomes yet: after every precision when sorted ascending
        return f"{r.precision * 100:.1f}%", float(r.precision)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        r = self.rows[index.row()]
        c = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.cell(r, c)[0]
        if role == SORT_ROLE:
            return self.cell(r, c)[1]
        if role == RULE_ROLE:
            return r.rule_id
        if role == Qt.ItemDataRole.TextAlignmentRole and c >= 6:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and self.view.is_low(r):
            return QBrush(LOW)
        if role == Qt.ItemDataRole.ForegroundRole and not r.active:
            return QBrush(QColor("#777777"))
        return None


def batch_of(source: str) -> str:
    """The batch part of a source: the text before the first space (国家…知识库（第一批）)."""
    return source.split()[0] if source.strip() else ""


class RulesView(View):
    view_id = "rules"

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.rows: list[ks.LibraryRow] = []
        self._behind_key: str | None = "-"
        self._filling = False
        self.threshold = Decimal(rp.DEFAULT_THRESHOLD)
        self.search = QLineEdit()
        self.search.setObjectName("ruleSearch")
        self.search.textChanged.connect(self._fill)
        self.template_box = QComboBox()
        self.template_box.setObjectName("templateFilter")
        self.batch_box = QComboBox()
        self.batch_box.setObjectName("batchFilter")
        self.active_box = QComboBox()
        self.active_box.setObjectName("activeFilter")
        self.precision_box = QComboBox()
        self.precision_box.setObjectName("precisionFilter")
        for box in (self.template_box, self.batch_box, self.active_box, self.precision_box):
            box.currentIndexChanged.connect(self._fill)
        self.batch_box.setMinimumContentsLength(16)
        supervisor = ctx.ws.user.role in (Role.ADMIN, Role.SUPERVISOR)
        self.new_button = QPushButton()
        self.new_button.setObjectName("newPoint")
        self.new_button.clicked.connect(lambda: self.open_editor(None))
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("editPoint")
        self.edit_button.clicked.connect(self.edit_selected)
        self.toggle_button = QPushButton()
        self.toggle_button.setObjectName("togglePoint")
        self.toggle_button.clicked.connect(self.toggle_selected)
        self.threshold_button = QPushButton()
        self.threshold_button.setObjectName("thresholdButton")
        self.threshold_button.clicked.connect(self.set_threshold)
        for b in (self.new_button, self.edit_button, self.toggle_button, self.threshold_button):
            b.setVisible(supervisor)
        self.summary = QLabel()
        self.summary.setObjectName("librarySummary")

        top = QHBoxLayout()
        top.addWidget(self.search, 2)
        for w in (self.template_box, self.batch_box, self.active_box, self.precision_box):
            top.addWidget(w, 1)
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        for b in (self.new_button, self.edit_button, self.toggle_button, self.threshold_button):
            bar.addWidget(b)

        self.model = LibraryModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setObjectName("ruleLibrary")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.setSortingEnabled(True)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in enumerate((140, 170, 260, 220, 90, 64, 64, 78, 70, 56, 72)):
            self.table.setColumnWidth(col, width)
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())

        self.behind_label = QLabel()
        self.behind_label.setObjectName("behindLabel")
        self.outcome_box = QComboBox()
        self.outcome_box.setObjectName("outcomeBox")
        self.outcome_box.currentIndexChanged.connect(self._load_behind)
        self.behind_model = TextTableModel(self, 4, right_aligned=(2,))
        self.behind = QTableView()
        self.behind.setModel(self.behind_model)
        self.behind.setObjectName("flagsBehind")
        self.behind.verticalHeader().setVisible(False)
        self.behind.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        bh = self.behind.horizontalHeader()
        for c in (0, 1, 2):
            bh.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        bh.setStretchLastSection(True)
        low = QWidget()
        ll = QVBoxLayout(low)
        ll.setContentsMargins(0, 0, 0, 0)
        brow = QHBoxLayout()
        brow.addWidget(self.behind_label, 1)
        brow.addWidget(self.outcome_box)
        ll.addLayout(brow)
        ll.addWidget(self.behind, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        upper = QWidget()
        ul = QVBoxLayout(upper)
        ul.setContentsMargins(0, 0, 0, 0)
        ul.addLayout(bar)
        ul.addWidget(self.table, 1)
        split.addWidget(upper)
        split.addWidget(low)
        split.setSizes([480, 200])
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(split, 1)
        self.retranslate()
        self.refresh()

    def nav_title(self) -> str:
        return self.tr("规则库")

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("搜索规则编号、名称、来源或编码"))
        self.new_button.setText(self.tr("新建知识点…"))
        self.edit_button.setText(self.tr("编辑…"))
        self.toggle_button.setText(self.tr("启用/停用"))
        self.threshold_button.setText(self.tr("精确率阈值…"))
        self.outcome_box.blockSignals(True)
        current = self.outcome_box.currentIndex()
        self.outcome_box.clear()
        for key, text in (("rejected", self.tr("否定的标记")), ("confirmed", self.tr("确认的标记")),
                          ("open", self.tr("待定的标记"))):
            self.outcome_box.addItem(text, key)
        self.outcome_box.setCurrentIndex(max(current, 0))
        self.outcome_box.blockSignals(False)
        self.behind_model.set_titles([self.tr("结算ID"), self.tr("明细流水号"), self.tr("金额"), self.tr("说明")])
        self.model.titles = [
            self.tr("规则编号"), self.tr("模板"), self.tr("名称"), self.tr("依据来源"), self.tr("生效日期"),
            self.tr("状态"), self.tr("标记数"), self.tr("确认"), self.tr("否定"), self.tr("待定"), self.tr("精确率")]
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLS - 1)
        self._fill_filters()
        self._fill()

    def activated(self) -> None:
        self.refresh()

    # -- loading ----------------------------------------------------------------------
    def refresh(self) -> None:
        ws, lang = self.ctx.ws, self.ctx.lang
        self.ctx.run(lambda p: (ks.library(ws, lang), rp.threshold(ws)), name="rules.library",
                     on_success=self._loaded)

    def _loaded(self, result) -> None:
        self.rows, self.threshold = result
        self._fill_filters()
        self._fill()

    def _fill_filters(self) -> None:
        def refill(box: QComboBox, items: list[tuple[str, str]]) -> None:
            data = box.currentData() if box.count() else ""  # never ask an empty combo (PySide returns None)
            box.blockSignals(True)
            box.clear()
            for text, key in items:
                box.addItem(text, key)
            i = box.findData(data)
            box.setCurrentIndex(i if i >= 0 else 0)
            box.blockSignals(False)

        refill(self.template_box, [(self.tr("全部模板"), ""), (self.tr("固定规则"), "fixed")]
               + [(self._template_name(t), t) for t in kn.TEMPLATES])
        batches = sorted({batch_of(r.source) for r in self.rows if r.source.strip()})
        refill(self.batch_box, [(self.tr("全部来源批次"), "")] + [(b, b) for b in batches])
        refill(self.active_box, [(self.tr("启用与停用"), ""), (self.tr("仅启用"), "1"), (self.tr("仅停用"), "0")])
        refill(self.precision_box, [(self.tr("全部精确率"), ""), (self.tr("低于阈值"), "low"),
                                    (self.tr("不低于阈值"), "ok"), (self.tr("尚无审核结果"), "none")])

    def _template_name(self, tid: str | None) -> str:
        if tid is None:
            return self.tr("固定规则")
        name = kn.TEMPLATES[tid]
        return name.render(self.ctx.lang)

    def visible_rows(self) -> list[ks.LibraryRow]:
        text = self.search.text().strip().lower()
        tmpl, batch = self.template_box.currentData(), self.batch_box.currentData()
        active, prec = self.active_box.currentData(), self.precision_box.currentData()
        out = []
        for r in self.rows:
            if text:
                hay = " ".join([r.rule_id, r.name, r.source] + (list(r.point.item_codes + r.point.other_codes)
                                                                 if r.point else [])).lower()
                if text not in hay:
                    continue
            if tmpl == "fixed" and r.kind != "fixed" or tmpl not in ("", "fixed") and r.template != tmpl:
                continue
            if batch and batch_of(r.source) != batch:
                continue
            if active and r.active != (active == "1"):
                continue
            if prec == "low" and not (r.precision is not None and r.precision < self.threshold):
                continue
            if prec == "ok" and not (r.precision is not None and r.precision >= self.threshold):
                continue
            if prec == "none" and r.precision is not None:
                continue
            out.append(r)
        return out

    def state_text(self, active: bool) -> str:
        return self.tr("已启用") if active else self.tr("已停用")

    def is_low(self, r: ks.LibraryRow) -> bool:
        return r.precision is not None and r.precision < self.threshold

    def _fill(self) -> None:
        rows = self.visible_rows()
        selected = self.current_rule()
        self._filling = True
        try:
            self.model.set_rows(rows)
            if selected is not None:
                self.select_rule(selected)
        finally:
            self._filling = False
        points = sum(1 for r in self.rows if r.kind == "knowledge")
        low_count = sum(1 for r in rows if self.is_low(r))
        self.summary.setText(self.tr("共 {n} 条规则（固定 {fixed}，知识点 {points}），显示 {shown}；精确率低于 {t} 的 {low} 条以红底标出")
                             .format(n=len(self.rows), fixed=len(self.rows) - points, points=points, shown=len(rows),
                                     t=f"{self.threshold * 100:.0f}%", low=low_count))
        self._update_buttons()
        if self.current_rule() != self._behind_key:
            self._load_behind()

    # -- what the table shows (in its current sort order) ----------------------------------------
    def row_count(self) -> int:
        return self.proxy.rowCount()

    def cell_text(self, row: int, col: int) -> str:
        return self.proxy.data(self.proxy.index(row, col))

    def is_row_highlighted(self, row: int) -> bool:
        return self.proxy.data(self.proxy.index(row, 0), Qt.ItemDataRole.BackgroundRole) is not None

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def select_rule(self, rule_id: str) -> None:
        for i in range(self.proxy.rowCount()):
            if self.proxy.data(self.proxy.index(i, 0), RULE_ROLE) == rule_id:
                self.table.selectRow(i)
                return

    # -- selection, flags behind a count ----------------------------------------------------
    def current_rule(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.proxy.data(rows[0], RULE_ROLE) if rows else None

    def current_row(self) -> ks.LibraryRow | None:
        rid = self.current_rule()
        return next((r for r in self.rows if r.rule_id == rid), None)

    def _selected(self) -> None:
        if self._filling:
            return
        self._update_buttons()
        if self.current_rule() != self._behind_key:
            self._load_behind()

    def _update_buttons(self) -> None:
        row = self.current_row()
        is_point = row is not None and row.kind == "knowledge"
        self.edit_button.setEnabled(is_point)
        self.toggle_button.setEnabled(is_point)
        if is_point:
            self.toggle_button.setText(self.tr("停用") if row.active else self.tr("启用"))

    def _load_behind(self) -> None:
        row = self.current_row()
        self._behind_key = None if row is None else row.rule_id
        if row is None:
            self.behind_label.setText(self.tr("选择一条规则，查看其计数背后的标记"))
            self.behind_model.set_rows([])
            return
        outcome = self.outcome_box.currentData() if self.outcome_box.count() else "rejected"
        self.behind_label.setText(self.tr("{rule} 的标记：确认 {c}，否定 {r}，待定 {o}")
                                  .format(rule=row.rule_id, c=row.confirmed, r=row.rejected, o=row.open))
        ws, lang, rid = self.ctx.ws, self.ctx.lang, row.rule_id
        self.ctx.run(lambda p: rp.flags_behind(ws, rid, outcome, lang), name="rules.behind",
                     on_success=self._behind_loaded)

    def _behind_loaded(self, flags: list[rp.FlagBehind]) -> None:
        self.behind_model.set_rows([(f.setl_id, f.feedetl_sn or self.tr("（结算级）"), fen_to_str(f.amount),
                                     f.explanation) for f in flags])

    # -- editing -------------------------------------------------------------------------
    def open_editor(self, point: kn.Point | None):
        from .point_editor import PointEditor

        dlg = PointEditor(self.ctx, point, self)
        dlg.accepted.connect(self.refresh)
        dlg.open()
        return dlg

    def edit_selected(self):
        row = self.current_row()
        if row is None or row.point is None:
            return None
        return self.open_editor(row.point)

    def toggle_selected(self) -> None:
        row = self.current_row()
        if row is None or row.point is None:
            return
        ws, rid, active = self.ctx.ws, row.rule_id, not row.active
        self.ctx.run(lambda p: ks.set_active(ws, rid, active), name="rules.toggle",
                     on_success=lambda _r: self.refresh())

    def set_threshold(self) -> None:
        value, ok = QInputDialog.getText(self, self.tr("精确率阈值"),
                                         self.tr("低于此精确率（0 至 1）的规则以红底标出："), text=str(self.threshold))
        if not ok:
            return
        ws = self.ctx.ws
        self.ctx.run(lambda p: rp.set_threshold(ws, value), name="rules.threshold",
                     on_success=lambda _r: self.refresh())
