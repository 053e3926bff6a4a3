"""票据核对 the counter's receipt check: keyboard only, all day.

The next settlement of the checker's batch comes up with its amounts. Each
receipt is scanned (a USB scanner types the QR payload and Enter into the
first field) or keyed (bill number, Enter, date, Enter, institution, Enter,
total, Enter). Enter on the empty first field confirms: a match is saved and
the next settlement comes up; a difference is shown first and a second Enter
records it (the service turns it into findings). Every store job runs through
ctx.run.
"""
from __future__ import annotations

import time

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QGridLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QSpinBox,
    QTableWidget, QTableWidgetItem, QVBoxLayout,
)

from ...core import receipts as rc
from ...core.errors import WorkstationError
from ...core.import_format import ValueProblem, parse_amount, parse_date
from ...core.money import fen_to_str
from ...services import auth_service, receipt_service as rs
from ..errors import message_for, show_error
from .base import View


def _yuan(fen: int) -> str:
    return fen_to_str(fen) or "0.00"


class ReceiptCheckView(View):
    view_id = "receipts"
    item_loaded = Signal(object)  # CheckItem | None, after each load (tests wait on it)
    saved = Signal(object)  # SavedCheck

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.item: rs.CheckItem | None = None
        self.receipts: list[rc.ReceiptEntry] = []
        self.validation: rs.Validation | None = None
        self._ack: tuple | None = None  # receipts whose differences were shown once
        self._busy = False
        self._ahead: list[str] = []  # what the scanner typed while a save or load was under way
        self._started = time.monotonic()
        self._session_receipts = 0

        self.title = QLabel()
        f = self.title.font()
        f.setPointSize(f.pointSize() + 3)
        f.setBold(True)
        self.title.setFont(f)
        self.batch_label = QLabel()
        self.batch_label.setObjectName("receiptBatch")
        self.rate_label = QLabel()
        self.rate_label.setObjectName("receiptRate")
        self.size_box = QSpinBox()
        self.size_box.setRange(1, 10_000)
        self.size_box.setValue(rs.DEFAULT_BATCH)
        self.size_box.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.assign_btn = QPushButton()
        self.assign_btn.setObjectName("assignBatchBtn")
        self.assign_btn.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.assign_btn.clicked.connect(self.assign_batch)
        self.for_user = QComboBox()  # supervisors hand batches to the people at the counter
        self.for_user.setObjectName("batchForUser")
        self.for_user.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.for_user.setVisible(ctx.ws.user.can_supervise)
        if ctx.ws.user.can_supervise:
            ws0 = ctx.ws
            ctx.run(lambda p: [u.name for u in auth_service.list_users(ws0) if u.active],
                    on_success=self._users_loaded)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addSpacing(16)
        top.addWidget(self.batch_label)
        top.addStretch(1)
        self.goto = QLineEdit()
        self.goto.setObjectName("gotoSettlement")
        self.goto.setFixedWidth(210)
        self.goto.returnPressed.connect(lambda: self.open_settlement(self.goto.text()))
        top.addWidget(self.goto)
        top.addSpacing(12)
        top.addWidget(self.rate_label)
        top.addSpacing(16)
        self.size_label = QLabel()
        top.addWidget(self.size_label)
        top.addWidget(self.size_box)
        top.addWidget(self.for_user)
        top.addWidget(self.assign_btn)

        # -- the settlement -----------------------------------------------------------------
        self.setl_box = QGroupBox()
        grid = QGridLayout(self.setl_box)
        self.caption: dict[str, QLabel] = {}
        self.value: dict[str, QLabel] = {}
        big = QFont(self.font())
        big.setPointSize(big.pointSize() + 6)
        big.setBold(True)
        places = {"setl_id": (0, 0), "person": (0, 1), "institution": (1, 0), "stay": (1, 1), "hifp": (2, 0),
                  "cash": (2, 1), "medfee": None}
        for key, place in places.items():
            cap, val = QLabel(), QLabel()
            val.setObjectName(f"setl_{key}")
            val.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.caption[key], self.value[key] = cap, val
            if place is None:  # the amount to match, large, on the right
                val.setFont(big)
                grid.addWidget(cap, 0, 4)
                grid.addWidget(val, 1, 4, 2, 1)
                continue
            row, col = place
            grid.addWidget(cap, row, col * 2)
            grid.addWidget(val, row, col * 2 + 1)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(3, 2)
        grid.setColumnStretch(4, 1)

        # -- entry -------------------------------------------------------------------------
        self.entry_box = QGroupBox()
        self.bill_no = QLineEdit()
        self.bill_no.setObjectName("billNo")
        self.bill_date = QLineEdit()
        self.bill_date.setObjectName("billDate")
        self.institution = QLineEdit()
        self.institution.setObjectName("billInstitution")
        self.total = QLineEdit()
        self.total.setObjectName("billTotal")
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.entry_caps = [QLabel() for _ in range(4)]
        eg = QGridLayout(self.entry_box)
        for i, (cap, w, stretch) in enumerate(zip(self.entry_caps, (self.bill_no, self.bill_date, self.institution,
                                                                    self.total), (4, 2, 4, 2))):
            eg.addWidget(cap, 0, i)
            eg.addWidget(w, 1, i)
            eg.setColumnStretch(i, stretch)
        self.bill_no.returnPressed.connect(self._bill_no_entered)
        self.bill_date.returnPressed.connect(self._date_entered)
        self.institution.returnPressed.connect(lambda: self._focus(self.total))
        self.total.returnPressed.connect(self._total_entered)

        # -- receipts ------------------------------------------------------------------------
        self.table = QTableWidget(0, 7)
        self.table.setObjectName("receiptTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.verticalHeader().setVisible(False)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        hh.setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.sum_label = QLabel()
        self.sum_label.setObjectName("receiptSum")
        sf = QFont(self.font())
        sf.setPointSize(sf.pointSize() + 2)
        self.sum_label.setFont(sf)
        self.message = QLabel()
        self.message.setObjectName("receiptMessage")
        self.message.setWordWrap(True)
        self.hint = QLabel()
        self.hint.setObjectName("receiptHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")

        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.setl_box)
        lay.addWidget(self.entry_box)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.sum_label)
        lay.addWidget(self.message)
        lay.addWidget(self.hint)

        for key, fn in (("Ctrl+B", self.assign_batch), ("Ctrl+G", lambda: self._focus(self.goto)),
                        ("Ctrl+Backspace", self.remove_last),
                        ("Escape", self.clear_entry)):
            sc = QShortcut(QKeySequence(key), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(fn)
        self.retranslate()
        self._show_item(None)
        self.load_next()

    # -- texts -------------------------------------------------------------------------------
    def nav_title(self) -> str:
        return self.tr("票据核对")

    def retranslate(self) -> None:
        self.title.setText(self.tr("票据核对（手工报销）"))
        self.size_label.setText(self.tr("批次大小"))
        self.goto.setPlaceholderText(self.tr("转到结算ID (Ctrl+G)"))
        self.assign_btn.setText(self.tr("领取批次 (Ctrl+B)"))
        self.setl_box.setTitle(self.tr("当前结算"))
        for key, text in (("setl_id", self.tr("结算ID")), ("person", self.tr("证件号码")),
                          ("institution", self.tr("定点机构")), ("stay", self.tr("就诊期间")),
                          ("medfee", self.tr("医疗费总额（元）")), ("hifp", self.tr("统筹基金支付")),
                          ("cash", self.tr("个人现金支付"))):
            self.caption[key].setText(text)
        self.entry_box.setTitle(self.tr("录入票据：扫码枪直接扫描，或逐项输入后按 Enter"))
        for cap, text in zip(self.entry_caps, (self.tr("票据号码 / 扫码"), self.tr("开票日期"), self.tr("开票单位"),
                                               self.tr("金额（元）"))):
            cap.setText(text)
        self.bill_no.setPlaceholderText(self.tr("扫码或输入票据号码；空白时按 Enter 确认本结算"))
        self.bill_date.setPlaceholderText("2025-03-01")
        self.total.setPlaceholderText("0.00")
        self.table.setHorizontalHeaderLabels([self.tr("票据代码"), self.tr("票据号码"), self.tr("开票日期"),
                                              self.tr("开票单位"), self.tr("金额"), self.tr("来源"),
                                              self.tr("问题")])
        self.hint.setText(self.tr("Enter：下一项 / 空白时确认本结算并进入下一张　Ctrl+Backspace：删除最后一张票据　"
                                  "Esc：清空当前输入　Ctrl+B：领取新批次　Ctrl+G：转到批次外的结算"))
        self._refresh()

    # -- loading ------------------------------------------------------------------------------
    def activated(self) -> None:
        if self.item is None and not self._busy:
            self.load_next()
        self._focus(self.bill_no)

    def load_next(self) -> None:
        ws = self.ctx.ws

        def job(progress):
            return rs.next_item(ws), rs.throughput(ws)

        self._run(job, self._loaded)

    def _loaded(self, result) -> None:
        item, thr = result
        self._throughput = thr
        self._show_item(item)
        self.item_loaded.emit(item)

    def _show_item(self, item: rs.CheckItem | None) -> None:
        self.item = item
        self.receipts = list(item.receipts) if item else []
        self.validation = None
        self._ack = None
        self.message.setText("")
        self.message.setStyleSheet("")
        if item is None:
            for v in self.value.values():
                v.setText("—")
        else:
            self.value["setl_id"].setText(item.setl_id)
            self.value["person"].setText(item.person)
            self.value["institution"].setText(f"{item.institution_name}（{item.institution_code}）")
            self.value["institution"].setToolTip(self.value["institution"].text())
            self.value["stay"].setText(f"{item.begndate} — {item.enddate}")
            self.value["medfee"].setText(_yuan(item.medfee_sumamt))
            self.value["hifp"].setText(_yuan(item.hifp_pay))
            self.value["cash"].setText(_yuan(item.psn_cash_pay))
        typed = self.bill_no.text()  # typed while the save and load were under way: keep it
        self.clear_entry()
        self.bill_no.setText(typed)
        self._refresh()
        if self.receipts:
            self._validate()
        self._replay_ahead()

    def _replay_ahead(self) -> None:
        ahead, self._ahead = self._ahead, []
        for text in ahead:  # scanned ahead while the previous settlement was being saved: nothing is lost
            if self.item is not None:
                self._take(text)

    # -- entry ---------------------------------------------------------------------------------
    def _focus(self, w: QLineEdit) -> None:
        w.setFocus(Qt.FocusReason.OtherFocusReason)
        w.selectAll()

    def clear_entry(self) -> None:
        self.bill_no.clear()
        self.bill_date.setText(self.item.begndate if self.item else "")
        self.institution.setText(self.item.institution_name if self.item else "")
        self.total.clear()
        self._focus(self.bill_no)

    def _say(self, text: str, bad: bool = True) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #b00020; font-weight: bold;" if bad else "color: #1b5e20;")

    def _bill_no_entered(self) -> None:
        text = self.bill_no.text().strip()
        if not text:
            self.confirm()
            return
        if self._busy and rc.parse_qr(text) is not None:
            # the next settlement is still loading: keep the scan for it
            self._ahead.append(text)
            self.bill_no.clear()
            return
        self._take(text)

    def _take(self, text: str) -> None:
        if self.item is None:
            self._say(self.tr("没有待核对的结算；按 Ctrl+B 领取新批次"))
            return
        scanned = rc.parse_qr(text)
        if scanned is not None:
            self._add(rc.ReceiptEntry(scanned.bill_no, scanned.bill_date, self.item.institution_name, scanned.total,
                                      scanned.bill_code, scanned.check_code, "scanned"))
            return
        if "," in text or "=" in text or "{" in text:
            self._say(self.tr("无法识别的扫码内容：{t}").replace("{t}", text[:60]))
            self.bill_no.clear()
            return
        self._focus(self.bill_date)

    def _date_entered(self) -> None:
        try:
            d = parse_date(self.bill_date.text())
        except ValueProblem as exc:
            self._say(exc.reason.render(self.ctx.lang, **exc.params))
            self._focus(self.bill_date)
            return
        if d is None:
            self._focus(self.bill_date)
            return
        self.bill_date.setText(d)
        self._focus(self.institution)

    def _total_entered(self) -> None:
        try:
            fen = parse_amount(self.total.text())
            d = parse_date(self.bill_date.text())
        except ValueProblem as exc:
            self._say(exc.reason.render(self.ctx.lang, **exc.params))
            self._focus(self.total)
            return
        if fen is None or fen < 0 or d is None or not self.bill_no.text().strip():
            self._focus(self.total if fen is None or fen < 0 else self.bill_no)
            return
        self._add(rc.ReceiptEntry(self.bill_no.text().strip(), d, self.institution.text().strip(), fen))

    def _add(self, r: rc.ReceiptEntry) -> None:
        key = rc.bill_key(r.bill_code, r.bill_no)
        if any(rc.bill_key(x.bill_code, x.bill_no) == key for x in self.receipts):
            self._say(self.tr("票据 {b} 已录入本结算").replace("{b}", r.bill_no))
            self.clear_entry()
            return
        self.receipts.append(r)
        self._ack = None
        self.clear_entry()
        self._refresh()
        self._validate()

    def remove_last(self) -> None:
        if self.receipts:
            self.receipts.pop()
            self._ack = None
            self._refresh()
            self._validate()
        self._focus(self.bill_no)

    # -- validation and saving -------------------------------------------------------------------
    def _validate(self) -> None:
        if self.item is None:
            return
        ws, setl_id, receipts = self.ctx.ws, self.item.setl_id, list(self.receipts)

        def job(progress):
            return receipts, rs.validate(ws, setl_id, receipts)

        self._run(job, self._validated, busy=False)

    def _validated(self, result) -> None:
        receipts, v = result
        if receipts == self.receipts:
            self.validation = v
            self._refresh()

    def confirm(self) -> None:
        """Enter on the empty field: save a match at once; show differences first, save on the second Enter."""
        if self.item is None or self._busy:
            if self.item is None:
                self._say(self.tr("没有待核对的结算；按 Ctrl+B 领取新批次"))
            return
        if not self.receipts:
            self._say(self.tr("请先录入或扫描票据"))
            return
        ws, item, receipts = self.ctx.ws, self.item, list(self.receipts)
        acknowledged = self._ack == tuple(receipts)

        def job(progress):
            v = rs.validate(ws, item.setl_id, receipts)
            if v.problems and not acknowledged:
                return ("differences", v)
            saved = rs.save_check(ws, item.setl_id, receipts, batch_id=item.batch_id)
            return ("saved", saved, rs.next_item(ws), rs.throughput(ws))

        self._run(job, self._confirmed)

    def _confirmed(self, result) -> None:
        if result[0] == "differences":
            self.validation = result[1]
            self._ack = tuple(self.receipts)
            self._refresh()
            lines = "；".join(p.message(self.ctx.lang) for p in result[1].problems)
            self._say(self.tr("发现差异：{p}。再按 Enter 记为发现并继续，Ctrl+Backspace 修改").replace("{p}", lines))
            self._focus(self.bill_no)
            self._replay_ahead()
            return
        _, saved, item, thr = result
        self._session_receipts += len(self.receipts)
        self._throughput = thr
        self.saved.emit(saved)
        self._show_item(item)
        if saved.result == "difference":
            self._say(self.tr("结算 {s} 已记录差异（{n} 项发现）").replace("{s}", saved.setl_id).replace(
                "{n}", str(len(saved.finding_ids))), bad=False)
        else:
            self._say(self.tr("结算 {s} 核对相符").replace("{s}", saved.setl_id), bad=False)
        self.item_loaded.emit(item)

    def open_settlement(self, setl_id: str) -> None:
        """A settlement outside the batches (someone at the counter with receipts for it)."""
        setl_id = setl_id.strip()
        if not setl_id:
            return
        ws = self.ctx.ws

        def job(progress):
            return rs.item_for(ws, setl_id), rs.throughput(ws)

        def shown(result):
            self.goto.clear()
            self._loaded(result)

        self._run(job, shown)

    def _users_loaded(self, names: list[str]) -> None:
        self.for_user.clear()
        for n in names:
            self.for_user.addItem(n, n)
        self.for_user.setCurrentIndex(max(0, self.for_user.findData(self.ctx.ws.user.name)))

    def assign_batch(self) -> None:
        """Take a batch; a supervisor may choose someone else in the combo box (the batch is theirs)."""
        ws, size = self.ctx.ws, self.size_box.value()
        who = self.for_user.currentData() if ws.user.can_supervise else None
        if who == ws.user.name:
            who = None

        def job(progress):
            b = rs.assign_batch(ws, size, user=who)
            return rs.next_item(ws), rs.throughput(ws), b

        def done(result):
            item, thr, b = result
            self._loaded((item, thr))
            if who:
                self._say(self.tr("已为 {u} 分配批次 #{b}（{n} 个结算）").replace("{u}", who).replace(
                    "{b}", str(b.id)).replace("{n}", str(b.size)), bad=False)

        self._run(job, done)

    # -- plumbing ------------------------------------------------------------------------------
    def _run(self, job, on_success, busy: bool = True) -> None:
        if busy:
            self._busy = True

        def done(result):
            if busy:
                self._busy = False
            on_success(result)

        def failed(exc):
            if busy:
                self._busy = False
            if isinstance(exc, WorkstationError):
                self._say(message_for(exc, self.ctx.lang))
                self.item_loaded.emit(self.item) if busy else None
            else:
                show_error(self, exc, self.ctx.lang)

        self.ctx.run(job, on_success=done, on_failure=failed)

    def _refresh(self) -> None:
        item = self.item
        thr = getattr(self, "_throughput", None)
        if item is None:
            self.batch_label.setText(self.tr("没有待核对的结算；按 Ctrl+B 领取新批次"))
        elif item.batch_id is not None:
            self.batch_label.setText(self.tr("批次 #{b}：第 {n} / {t} 张结算").replace("{b}", str(item.batch_id))
                                     .replace("{n}", str(item.batch_done + 1)).replace("{t}", str(item.batch_size)))
        if thr is not None:
            self.rate_label.setText(self.tr("今日已核对 {r} 张票据 · {s} 个结算 · 每小时 {h} 张").replace(
                "{r}", str(thr.receipts)).replace("{s}", str(thr.settlements)).replace(
                "{h}", f"{thr.per_hour:.0f}" if thr.per_hour else "—"))
        problems: dict[str, list[str]] = {}
        v = self.validation
        if v is not None:
            for p in v.problems:
                problems.setdefault(p.bill_no, []).append(p.message(self.ctx.lang))
        self.table.setRowCount(len(self.receipts))
        sources = {"keyed": self.tr("录入"), "scanned": self.tr("扫码"), "imported": self.tr("导入")}
        for i, r in enumerate(self.receipts):
            cells = (r.bill_code, r.bill_no, r.bill_date, r.institution, _yuan(r.total),
                     sources.get(r.source, r.source), "；".join(problems.get(r.bill_no, [])))
            for c, text in enumerate(cells):
                it = QTableWidgetItem(text)
                if c == 4:
                    it.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if c == 6 and text:
                    it.setForeground(Qt.GlobalColor.red)
                self.table.setItem(i, c, it)
        total = sum(r.total for r in self.receipts)
        if item is None:
            self.sum_label.setText("")
            return
        diff = item.medfee_sumamt - total
        self.sum_label.setText(self.tr("票据 {n} 张，合计 {s} 元；医疗费总额 {m} 元；差额 {d} 元").replace(
            "{n}", str(len(self.receipts))).replace("{s}", _yuan(total)).replace(
            "{m}", _yuan(item.medfee_sumamt)).replace("{d}", _yuan(diff)))
        color = "#1b5e20" if diff == 0 and self.receipts else ("#b00020" if self.receipts else "#333")
        self.sum_label.setStyleSheet(f"color: {color};")
