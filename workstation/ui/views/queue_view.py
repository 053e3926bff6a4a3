"""审核队列: the reviewer's queue beside the record of the chosen unit; appeals; second review.

Keyboard first: J/K (or Ctrl+↓/↑) step through units, N jumps to the next
pending one, Enter goes into the record, Esc back to the queue; decisions and
findings have their own keys (see ``shortcut_help``, F1).
"""
from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QLineEdit, QProgressBar, QSplitter,
    QTableView, QTabWidget, QVBoxLayout, QWidget,
)

from ...services import review as rs
from ..context import UiContext
from ..review.appeals_panel import AppealsPanel
from ..review.common import status_label
from ..review.queue_model import ID_ROLE, STATUS_ROLE, QueueFilter, QueueModel
from ..review.record_view import RecordView
from ..review.second_review_panel import SecondReviewPanel
from .base import View
from ...core.changes import Area, Changes

OPEN_DELAY_MS = 120  # stepping quickly through the queue loads only where the reviewer stops


class QueueView(View):
    view_id = "queue"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = QueueModel(ctx.lang, self)
        self.proxy = QueueFilter(self)
        self.proxy.setSourceModel(self.model)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.search = QLineEdit()
        self.search.setObjectName("queueSearch")
        self.search.setClearButtonEnabled(True)
        self.all_users = QCheckBox()
        self.all_users.setObjectName("allUsers")
        self.all_users.setVisible(ctx.ws.user.can_supervise)
        self.progress = QProgressBar()
        self.progress.setObjectName("queueProgress")
        self.progress.setTextVisible(True)
        self.table = QTableView()
        self.table.setObjectName("queueTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        for col in (2, 3, 7):  # institution, date, source: the record shows them
            self.table.setColumnHidden(col, True)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.status_filter.currentIndexChanged.connect(lambda _i: self.proxy.set_status(
            self.status_filter.currentData() or ""))
        self.search.textChanged.connect(self.proxy.set_text)
        self.all_users.toggled.connect(lambda _c: self.refresh())

        self.record = RecordView(ctx, shortcut_host=self)
        left = QWidget()
        left.setObjectName("queuePane")
        ll = QVBoxLayout(left)
        ll.setContentsMargins(4, 4, 4, 4)
        ll.setSpacing(4)
        row = QHBoxLayout()
        row.addWidget(self.status_filter)
        row.addWidget(self.search, 1)
        ll.addLayout(row)
        ll.addWidget(self.all_users)
        ll.addWidget(self.progress)
        ll.addWidget(self.table, 1)
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(left)
        self.split.addWidget(self.record)
        self.split.setStretchFactor(1, 1)
        self.split.setSizes([330, 900])
        self.split.setChildrenCollapsible(False)
        left.setMinimumWidth(260)
        left.setMaximumWidth(480)

        self.appeals = AppealsPanel(ctx)
        self.appeals.open_unit.connect(self.open_unit_id)
        self.second = SecondReviewPanel(ctx)
        self.second.open_unit.connect(self.open_unit_id)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("reviewTabs")
        self.tabs.addTab(self.split, "")
        self.tabs.addTab(self.appeals, "")
        self.tabs.addTab(self.second, "")
        self.tabs.currentChanged.connect(self._tab_changed)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.tabs)

        self._open_timer = QTimer(self)
        self._open_timer.setSingleShot(True)
        self._open_timer.setInterval(OPEN_DELAY_MS)
        self._open_timer.timeout.connect(self._open_current)
        self._want_unit: int | None = None
        self._make_shortcuts()
        ctx.bus.open_review_unit.connect(self.open_unit_id)
        ctx.bus.changes.connect(self._changed)
        self.retranslate()
        self.refresh()

    # -- texts ---------------------------------------------------------------------------
    def nav_title(self) -> str:
        return self.tr("审核队列")

    def retranslate(self) -> None:
        lang = self.ctx.lang
        self.model.lang = lang
        self.model.set_headers([self.tr("状态"), self.tr("结算ID"), self.tr("机构"), self.tr("结算日期"),
                                self.tr("总额（元）"), self.tr("疑点"), self.tr("发现"), self.tr("来源")],
                               {"sample": self.tr("抽样"), "flag": self.tr("疑点")})
        current = self.status_filter.currentData()
        self.status_filter.blockSignals(True)
        self.status_filter.clear()
        self.status_filter.addItem(self.tr("全部状态"), "")
        for st in rs.STATUSES:
            self.status_filter.addItem(status_label(st, lang), st)
        self.status_filter.setCurrentIndex(max(0, self.status_filter.findData(current)))
        self.status_filter.blockSignals(False)
        self.search.setPlaceholderText(self.tr("结算ID / 机构"))
        self.all_users.setText(self.tr("显示所有审核员的单元"))
        self.tabs.setTabText(0, self.tr("我的队列"))
        self.tabs.setTabText(1, self.tr("申诉"))
        self.tabs.setTabText(2, self.tr("复核"))
        self._show_progress()

    def shortcut_help(self) -> list[str]:
        return [
            self.tr("J 或 Ctrl+↓：下一个单元；K 或 Ctrl+↑：上一个单元"),
            self.tr("N：跳到下一个待审单元"),
            self.tr("Enter：进入记录（费用明细）；Esc：回到队列"),
            self.tr("F 或 Ctrl+N：用所选明细新建发现；Shift+F：整单发现"),
            self.tr("Ctrl+Shift+C：判为合规；Ctrl+Shift+V：违规；Ctrl+Shift+D：存疑"),
            self.tr("Ctrl+Enter：提交单元（提交后不能再修改或撤销）"),
            self.tr("Ctrl+Z：撤销上一步（提交前）"),
            self.tr("Ctrl+E：为当前发现添加证据文件（也可拖入）；Ctrl+Shift+A：对存疑发现发起申诉"),
            self.tr("Delete（在发现列表中）：删除发现"),
        ]

    # -- keyboard ------------------------------------------------------------------------
    def _make_shortcuts(self) -> None:
        self.shortcuts = []
        for keys, fn in ((("J", "Ctrl+Down"), lambda: self.step(1)), (("K", "Ctrl+Up"), lambda: self.step(-1)),
                         (("N",), self.next_pending), (("Esc",), self.focus_queue)):
            for key in keys:
                sc = QShortcut(QKeySequence(key), self)
                sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                sc.activated.connect(fn)
                self.shortcuts.append(sc)
        for key in ("Return", "Enter"):
            sc = QShortcut(QKeySequence(key), self.table)
            sc.setContext(Qt.ShortcutContext.WidgetShortcut)
            sc.activated.connect(self.enter_record)
            self.shortcuts.append(sc)

    def step(self, delta: int) -> None:
        if self.tabs.currentIndex() != 0 or self.proxy.rowCount() == 0:
            return
        row = self.table.currentIndex().row()
        row = 0 if row < 0 else max(0, min(self.proxy.rowCount() - 1, row + delta))
        self._select_row(row)

    def next_pending(self) -> None:
        if self.tabs.currentIndex() != 0:
            return
        n = self.proxy.rowCount()
        start = self.table.currentIndex().row()
        for k in range(1, n + 1):
            r = (start + k) % n
            if self.proxy.index(r, 0).data(STATUS_ROLE) == "pending":
                self._select_row(r)
                return

    def enter_record(self) -> None:
        self._open_timer.stop()
        self._open_current()
        table = self.record.detail.table
        table.setFocus()
        if table.model().rowCount() and not table.selectionModel().selectedRows():
            table.selectionModel().setCurrentIndex(
                table.model().index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    def focus_queue(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.table.setFocus()

    def _select_row(self, row: int) -> None:
        idx = self.proxy.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            idx, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(idx)

    # -- data ----------------------------------------------------------------------------
    def activated(self) -> None:
        self.refresh()

    def _changed(self, changes: Changes) -> None:
        if changes.touches(Area.REVIEW, Area.SAMPLES):
            self.refresh()
            if self.tabs.currentIndex() == 1:
                self.appeals.refresh()

    def refresh(self) -> None:
        ws, all_users = self.ctx.ws, self.all_users.isChecked()

        def done(q: rs.Queue) -> None:
            keep = self.current_unit_id()
            self.queue = q
            self.table.selectionModel().blockSignals(True)
            self.model.set_items(q.items)
            self.table.selectionModel().blockSignals(False)
            self._show_progress()
            row = self.model.row_of(keep) if keep is not None else -1
            if keep is None and q.items:  # first show: start at the first pending unit
                self._select_row(0)
                if self.proxy.index(0, 0).data(STATUS_ROLE) != "pending":
                    self.next_pending()
            elif row >= 0:
                prow = self.proxy.mapFromSource(self.model.index(row, 0)).row()
                if prow >= 0:
                    self.table.selectionModel().blockSignals(True)
                    self._select_row(prow)
                    self.table.selectionModel().blockSignals(False)

        self.ctx.run(lambda p: rs.queue(ws, all_users=all_users), name="review.queue", on_success=done)

    def _show_progress(self) -> None:
        q = getattr(self, "queue", None)
        total, done = (q.total, q.reviewed) if q else (0, 0)
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(self.tr("已审 {n} / {total}").format(n=done, total=total))

    def current_unit_id(self) -> int | None:
        idx = self.table.currentIndex()
        return idx.data(ID_ROLE) if idx.isValid() else None

    def _current_changed(self, current, _previous) -> None:
        if current.isValid():
            self._want_unit = current.data(ID_ROLE)
            self._open_timer.start()

    def _open_current(self) -> None:
        uid = self.current_unit_id()
        if uid is not None and (self.record.info is None or self.record.info.id != uid):
            self.record.open_unit(uid)

    def open_unit_id(self, unit_id: int) -> None:
        """Show a unit (from the bus, the appeals list or the second-review list)."""
        self.ctx.bus.navigate.emit(self.view_id)
        self.tabs.setCurrentIndex(0)
        row = self.model.row_of(unit_id)
        prow = self.proxy.mapFromSource(self.model.index(row, 0)).row() if row >= 0 else -1
        if prow >= 0:
            self._select_row(prow)
        else:
            self.record.open_unit(unit_id)

    def _tab_changed(self, index: int) -> None:
        if index == 1:
            self.appeals.refresh()
        elif index == 2:
            self.second.refresh()
