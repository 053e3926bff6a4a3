"""智能审核 view: run the screening rules (progress, cancel), flags grouped by rule and
by institution, the flags of a group with their explanations, the flagged
settlement beside them, and "open in review".

Every store access goes through ctx.run (the single DB worker). The flag list
loads in pages as it is scrolled (fetchMore), so 100,000 flags open as fast as 10.
"""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QProgressBar, QPushButton,
                               QSplitter, QTableView, QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout,
                               QWidget)

from ...core.changes import Area, Changes
from ...core.errors import Cancelled
from ...core.identity import Role
from ...core.money import fen_to_str
from ...services import screening_service as ss
from ..widgets.table_model import TableModel
from .base import View

PAGE = 500
ALL = object()  # "no filter" marker in the group tables


class FlagListModel(TableModel):
    """Flags of the current filter, fetched in pages on the DB worker."""

    COLUMNS = ("rule", "setl_id", "institution", "feedetl_sn", "amount", "explanation")

    def __init__(self, view: "FlagsView") -> None:
        super().__init__(view)
        self.view = view
        self.rows: list[ss.FlagInfo] = []
        self.total = 0
        self.rule_id: str | None = None
        self.inst: str | None = None
        self._loading = False
        self._generation = 0

    def reset(self, rule_id: str | None, inst: str | None, total: int) -> None:
        self.beginResetModel()
        self.rows = []
        self.rule_id, self.inst, self.total = rule_id, inst, total
        self._generation += 1
        self._loading = False
        self.endResetModel()
        if total:
            self.fetchMore(QModelIndex())

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and not self._loading and len(self.rows) < self.total

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: N802
        if not self.canFetchMore(parent):
            return
        self._loading = True
        gen, offset, rule_id, inst = self._generation, len(self.rows), self.rule_id, self.inst
        ws = self.view.ctx.ws

        def job(progress):
            return ss.list_flags(ws, rule_id=rule_id, fixmedins_code=inst, limit=PAGE, offset=offset)

        def done(rows, gen=gen):
            if gen != self._generation:
                return  # the filter changed meanwhile
            self._loading = False
            if not rows:
                self.total = len(self.rows)
                return
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()
            self.view.page_loaded()

        self.view.ctx.run(job, name="flags.page", on_success=done)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        f = self.rows[index.row()]
        col = self.COLUMNS[index.column()]
        lang = self.view.ctx.lang
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == "rule":
                return ss.rule_name(f.rule_id, lang)
            if col == "setl_id":
                return f.setl_id
            if col == "institution":
                return f.fixmedins_name or f.fixmedins_code or ""
            if col == "feedetl_sn":
                return f.feedetl_sn if f.feedetl_sn is not None else self.view.settlement_level_text()
            if col == "amount":
                return fen_to_str(f.amount)
            if col == "explanation":
                return ss.explain(f, lang)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == "amount":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class FlagsView(View):
    view_id = "flags"

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._handle = None
        self._rule_filter: str | None = None
        self._inst_filter: str | None = None
        self._current_setl: str | None = None
        self._by_rule: list[ss.Group] = []
        self._by_inst: list[ss.Group] = []

        # -- top bar: run, progress, cancel, parameters -------------------------------
        self.run_button = QPushButton()
        self.run_button.setObjectName("runScreen")
        self.run_button.clicked.connect(lambda: self.run_screen())
        self.run_rule_button = QPushButton()
        self.run_rule_button.setObjectName("runRule")
        self.run_rule_button.clicked.connect(lambda: self.run_screen([self._rule_filter]) if self._rule_filter
                                             else None)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancelScreen")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.params_button = QPushButton()
        self.params_button.setObjectName("ruleParams")
        self.params_button.clicked.connect(self.open_params)
        self.params_button.setVisible(ctx.ws.user.role in (Role.ADMIN, Role.SUPERVISOR))
        self.progress = QProgressBar()
        self.progress.setObjectName("screenProgress")
        self.progress.setVisible(False)
        self.progress.setMaximumWidth(280)
        self.status = QLabel()
        self.status.setObjectName("screenStatus")
        top = QHBoxLayout()
        for w in (self.run_button, self.run_rule_button, self.cancel_button, self.progress):
            top.addWidget(w)
        top.addWidget(self.status, 1)
        top.addWidget(self.params_button)

        # -- left: groups ---------------------------------------------------------
        self.rule_table = self._group_table("ruleGroups", 5)  # + precision (rule-templates.md)
        self._stats: dict = {}
        self._threshold = None
        self.inst_table = self._group_table("institutionGroups")
        self.rule_table.itemSelectionChanged.connect(self._rule_selected)
        self.inst_table.itemSelectionChanged.connect(self._inst_selected)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("groupTabs")
        self.tabs.addTab(self.rule_table, "")
        self.tabs.addTab(self.inst_table, "")

        # -- right: the flags of the group, the settlement ----------------------------
        self.model = FlagListModel(self)
        self.flag_table = QTableView()
        self.flag_table.setObjectName("flagList")
        self.flag_table.setModel(self.model)
        self.flag_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.flag_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.flag_table.setAlternatingRowColors(True)
        self.flag_table.verticalHeader().setVisible(False)
        self.flag_table.verticalHeader().setDefaultSectionSize(22)
        hh = self.flag_table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setStretchLastSection(True)
        for col, width in enumerate((130, 150, 150, 70, 90)):
            self.flag_table.setColumnWidth(col, width)
        self.flag_table.selectionModel().currentRowChanged.connect(self._flag_selected)
        self.flag_table.doubleClicked.connect(lambda _i: self.open_in_review())
        self.list_label = QLabel()
        self.list_label.setObjectName("flagCount")
        self.open_button = QPushButton()
        self.open_button.setObjectName("openSettlement")
        self.open_button.clicked.connect(self.open_settlement)
        self.review_button = QPushButton()
        self.review_button.setObjectName("openInReview")
        self.review_button.clicked.connect(self.open_in_review)
        self.risk_button = QPushButton()  # #20: the institution's risk profile
        self.risk_button.setObjectName("openRiskProfile")
        self.risk_button.clicked.connect(self.open_risk_profile)
        for b in (self.open_button, self.review_button):
            b.setEnabled(False)
        bar = QHBoxLayout()
        bar.addWidget(self.list_label, 1)
        bar.addWidget(self.open_button)
        bar.addWidget(self.review_button)
        bar.addWidget(self.risk_button)
        list_box = QWidget()
        ll = QVBoxLayout(list_box)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addLayout(bar)
        ll.addWidget(self.flag_table, 1)

        self.detail = self._make_detail()
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(list_box)
        right.addWidget(self.detail)
        right.setStretchFactor(0, 1)
        right.setStretchFactor(1, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.tabs)
        split.addWidget(right)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setSizes([400, 960])

        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(split, 1)
        self.retranslate()
        self.refresh()

    # -- widgets --------------------------------------------------------------------
    def _group_table(self, name: str, columns: int = 4) -> QTableWidget:
        t = QTableWidget(0, columns)
        t.setObjectName(name)
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.verticalHeader().setVisible(False)
        t.verticalHeader().setDefaultSectionSize(22)
        t.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in range(1, columns):
            t.horizontalHeader().setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        return t

    def _make_detail(self) -> QWidget:
        try:
            from ..widgets.settlement_detail import SettlementDetailWidget
        except ImportError:  # the settlements issue's widget is not there: a plain note instead
            w = QLabel()
            w.setObjectName("settlementDetail")
            w.setWordWrap(True)
            w.setAlignment(Qt.AlignmentFlag.AlignTop)
            self._plain_detail = True
            return w
        self._plain_detail = False
        return SettlementDetailWidget(self.ctx)

    def nav_title(self) -> str:
        return self.tr("智能审核")

    def settlement_level_text(self) -> str:
        return self.tr("（结算级）")

    def retranslate(self) -> None:
        self.run_button.setText(self.tr("运行全部规则"))
        self.run_rule_button.setText(self.tr("只运行所选规则"))
        self.cancel_button.setText(self.tr("取消"))
        self.params_button.setText(self.tr("规则参数…"))
        self.open_button.setText(self.tr("查看结算"))
        self.review_button.setText(self.tr("转入人工审核"))
        self.risk_button.setText(self.tr("机构风险画像"))
        self.tabs.setTabText(0, self.tr("按规则"))
        self.tabs.setTabText(1, self.tr("按机构"))
        self.rule_table.setHorizontalHeaderLabels([self.tr("规则"), self.tr("标记数"), self.tr("结算数"),
                                                   self.tr("涉及金额"), self.tr("精确率")])
        self.inst_table.setHorizontalHeaderLabels([self.tr("定点机构"), self.tr("标记数"), self.tr("结算数"),
                                                   self.tr("涉及金额")])
        self.model.set_headers([self.tr("规则"), self.tr("结算ID"), self.tr("定点机构"), self.tr("明细流水号"),
                             self.tr("金额"), self.tr("说明")])
        self._fill_groups()
        self._update_list_label()

    def activated(self) -> None:
        self.refresh()

    # -- loading --------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the groups (and then the list) from the store."""
        ws, lang, rule = self.ctx.ws, self.ctx.lang, self._rule_filter

        def job(progress):
            from ...services import rule_precision

            return (ss.groups_by_rule(ws, lang), ss.groups_by_institution(ws, rule), ss.last_run(ws),
                    ss.total_at_risk(ws), rule_precision.stats_by_rule(ws), rule_precision.threshold(ws))

        self.ctx.run(job, name="flags.groups", on_success=self._groups_loaded)

    def _groups_loaded(self, result) -> None:
        self._by_rule, self._by_inst, last, total, self._stats, self._threshold = result
        self._last, self._total = last, total
        self._fill_groups()
        self._reload_list()
        self._show_last_run()

    def _show_last_run(self) -> None:
        last, total = getattr(self, "_last", None), getattr(self, "_total", None)
        if self._handle is not None:
            return
        if not last:
            self.status.setText(self.tr("尚未运行智能审核。"))
            return
        at = last["at"].strftime("%Y-%m-%d %H:%M") if hasattr(last["at"], "strftime") else str(last["at"])
        self.status.setText(self.tr("上次运行：{at}（{user}）；共 {n} 条标记，涉及金额 {amount} 元（每条明细只计一次）")
                            .format(at=at, user=last["user"], n=f"{total['count']:,}", amount=total["amount"]))

    def _fill_groups(self) -> None:
        def fill(table: QTableWidget, groups: list[ss.Group], current: str | None, all_text: str) -> None:
            table.blockSignals(True)
            table.setRowCount(len(groups) + 1)
            # The "all" row shows no amount: the sum over groups would count a line flagged
            # by two rules twice; the status line gives the total counting each line once.
            rows = [(ALL, all_text, sum(g.count for g in groups), None, None)]
            rows += [(g.key, g.name, g.count, g.settlements, g.amount) for g in groups]
            select_row = 0
            for r, (key, name, count, setls, amount) in enumerate(rows):
                cells = (name, f"{count:,}", "" if setls is None else f"{setls:,}",
                         "" if amount is None else fen_to_str(amount))
                for c, text in enumerate(cells):
                    item = QTableWidgetItem(text)
                    item.setData(Qt.ItemDataRole.UserRole, key)
                    if c:
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    if c == 0 and key is not ALL and table is self.rule_table:
                        item.setToolTip(ss.rule_info(key).description(self.ctx.lang) if key in ss.rule_ids()
                                        else key)
                    table.setItem(r, c, item)
                if table is self.rule_table:
                    self._precision_cell(table, r, key)
                if key is not ALL and key == current:
                    select_row = r
            table.selectRow(select_row)
            table.blockSignals(False)

        fill(self.rule_table, self._by_rule, self._rule_filter, self.tr("全部规则"))
        inst_all = self.tr("全部机构") if self._rule_filter is None else \
            self.tr("全部机构 · {rule}").format(rule=ss.rule_name(self._rule_filter, self.ctx.lang))
        fill(self.inst_table, self._by_inst, self._inst_filter, inst_all)
        self.run_rule_button.setEnabled(self._rule_filter is not None and self._handle is None)

    def _precision_cell(self, table: QTableWidget, row: int, key) -> None:
        """A rule's precision from review outcomes; under the supervisor's threshold: highlighted,
        so a reviewer sees that the rule's leads are usually rejected."""
        stats = self._stats.get(key) if key is not ALL else None
        p = stats.precision if stats is not None else None
        item = QTableWidgetItem("" if key is ALL else "—" if p is None else f"{p * 100:.1f}%")
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if stats is not None:
            item.setToolTip(self.tr("确认 {c}，否定 {r}，待定 {o}").format(c=stats.confirmed, r=stats.rejected,
                                                                       o=stats.open))
        if p is not None and self._threshold is not None and p < self._threshold:
            from PySide6.QtGui import QBrush, QColor

            for c in range(table.columnCount()):
                cell = item if c == table.columnCount() - 1 else table.item(row, c)
                if cell is not None:
                    cell.setBackground(QBrush(QColor("#fde7e9")))
        table.setItem(row, table.columnCount() - 1, item)

    def _selected_key(self, table: QTableWidget):
        items = table.selectedItems()
        if not items:
            return None
        key = items[0].data(Qt.ItemDataRole.UserRole)
        return None if key is ALL else key

    def _rule_selected(self) -> None:
        key = self._selected_key(self.rule_table)
        if key != self._rule_filter:
            self._rule_filter = key
            self._inst_filter = None
            self.refresh()  # institution counts follow the rule chosen

    def open_risk_profile(self) -> None:
        """#20: the 风险画像 of the institution chosen on the left (or of the selected flag's settlement)."""
        flag = self.current_flag()
        code = self._inst_filter or (flag.fixmedins_code if flag is not None else None)
        if code:
            self.ctx.bus.open_risk_profile.emit(code)

    def _inst_selected(self) -> None:
        key = self._selected_key(self.inst_table)
        if key != self._inst_filter:
            self._inst_filter = key
            self._reload_list()

    def _reload_list(self) -> None:
        if self._inst_filter is not None:
            total = next((g.count for g in self._by_inst if g.key == self._inst_filter), 0)
        else:
            total = sum(g.count for g in self._by_inst)
        self.model.reset(self._rule_filter, self._inst_filter, total)
        self._update_list_label()
        self._flag_selected()

    def page_loaded(self) -> None:
        self._update_list_label()
        if self.flag_table.currentIndex().row() < 0 and self.model.rows and self._current_setl is None:
            self.flag_table.selectRow(0)

    def _update_list_label(self) -> None:
        self.list_label.setText(self.tr("标记 {shown} / {total} 条").format(
            shown=f"{len(self.model.rows):,}", total=f"{self.model.total:,}"))

    # -- selection, settlement, review -----------------------------------------------
    def current_flag(self) -> ss.FlagInfo | None:
        row = self.flag_table.currentIndex().row()
        return self.model.rows[row] if 0 <= row < len(self.model.rows) else None

    def _flag_selected(self, *_args) -> None:
        flag = self.current_flag()
        for b in (self.open_button, self.review_button):
            b.setEnabled(flag is not None)
        if flag is None:
            self._current_setl = None
            return
        if flag.setl_id != self._current_setl:
            self._current_setl = flag.setl_id
            self._show_settlement(flag.setl_id)
        if not self._plain_detail and flag.fee_line_id is not None:
            self._pending_line = flag.fee_line_id
            if self.detail.detail is not None and self.detail.detail.setl_id == flag.setl_id:
                self.detail.select_fee_lines([flag.fee_line_id])

    def _show_settlement(self, setl_id: str) -> None:
        if not self._plain_detail:
            def loaded(sid):
                line = getattr(self, "_pending_line", None)
                flag = self.current_flag()
                if flag is not None and flag.setl_id == sid and line is not None:
                    self.detail.select_fee_lines([line])

            if not getattr(self, "_detail_hooked", False):
                self.detail.loaded.connect(loaded)
                self._detail_hooked = True
            self.detail.set_settlement(setl_id)
            return
        ws, lang = self.ctx.ws, self.ctx.lang

        def job(progress):
            return ss.flags_of_settlement(ws, setl_id)

        def done(flags):
            lines = [self.tr("结算 {setl_id}").format(setl_id=setl_id)]
            lines += [f"{f.feedetl_sn or self.settlement_level_text()}  {ss.rule_name(f.rule_id, lang)}  "
                      f"{fen_to_str(f.amount)}  {ss.explain(f, lang)}" for f in flags]
            self.detail.setText("\n".join(lines))

        self.ctx.run(job, name="flags.settlement", on_success=done)

    def open_settlement(self) -> None:
        flag = self.current_flag()
        if flag is not None:
            self.ctx.bus.open_settlement.emit(flag.setl_id)

    def open_in_review(self) -> None:
        """Open (or find) the current user's review unit for the flag's settlement and go to the queue."""
        flag = self.current_flag()
        if flag is None:
            return
        ws, setl_id = self.ctx.ws, flag.setl_id

        def job(progress):
            from ...services import review as review_service

            return review_service.open_unit_for_settlement(ws, setl_id, source="flag", assigned_to=ws.user.name)

        def done(unit_id):
            self.ctx.bus.publish(Changes.of(Area.REVIEW, units=[int(unit_id)]))
            self.ctx.bus.open_review_unit.emit(int(unit_id))
            self.ctx.bus.navigate.emit("queue")

        self.ctx.run(job, name="flags.review", on_success=done)

    # -- running ----------------------------------------------------------------------
    def run_screen(self, rules: list[str] | None = None) -> None:
        if self._handle is not None:
            return
        ws = self.ctx.ws
        self._set_running(True)
        self.progress.setRange(0, 0)

        def job(progress):
            return ss.run_screen(ws, rules, progress=progress)

        def on_progress(done: int, total: int, rule_id: str) -> None:
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(done)
            name = ss.rule_name(rule_id, self.ctx.lang) if rule_id else ""
            self.progress.setFormat(f"{done}/{total} {name}")
            self.status.setText(self.tr("正在运行：{rule}").format(rule=name) if name else "")

        def done(result):
            self._handle = None
            self._set_running(False)
            self.ctx.bus.publish(Changes.of(Area.FLAGS))
            self.refresh()

        def failed(exc):
            self._handle = None
            self._set_running(False)
            if isinstance(exc, Cancelled):
                self.status.setText(self.tr("已取消；原有标记保持不变。"))
            else:
                self.status.setText(self.tr("运行失败。"))
                if self.ctx.runner.default_failure:
                    self.ctx.runner.default_failure(exc)

        self._handle = self.ctx.run(job, name="screen", on_success=done, on_failure=failed, on_progress=on_progress)

    def cancel(self) -> None:
        if self._handle is not None:
            self._handle.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("正在取消…"))

    def _set_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.run_button.setEnabled(not running)
        self.run_rule_button.setEnabled(not running and self._rule_filter is not None)
        self.cancel_button.setEnabled(running)
        self.params_button.setEnabled(not running)
        if running:
            self.status.setText(self.tr("正在运行智能审核…"))

    def open_params(self) -> None:
        from .flags_params import RuleParamsDialog

        dialog = RuleParamsDialog(self.ctx, self)
        dialog.open()
