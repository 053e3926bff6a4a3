"""One review unit: the settlement (header, fee lines with flags), its findings, evidence, decision.

Every action runs on the DB worker through ``ctx.run`` and is saved at once;
the view only reflects what the store says afterwards.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout, QInputDialog, QLabel, QListWidget, QListWidgetItem, QPushButton, QSizePolicy, QSplitter, QToolButton,
    QVBoxLayout, QWidget,
)

from ...services import activity_service as act
from ...services import appeals_service as ap
from ...services import evidence_service as ev
from ...services import review as rs
from ...services.review import UnitInfo, UnitView
from ..context import UiContext
from .common import STATUS_COLORS, category_name, status_label, yuan
from .evidence_panel import EvidencePanel, EvidencePreview
from .finding_editor import FindingEditor
from ...core.changes import Area, Changes


class RecordView(QWidget):
    loaded = Signal(int)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None, shortcut_host: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordView")
        self.ctx = ctx
        self.info: UnitInfo | None = None
        self.line_names: dict[int, tuple[str, str]] = {}
        self.line_rules: dict[int, str] = {}
        self._setl: str | None = None
        # On the office server: who else has this unit open (a heartbeat while it stays open).
        self.others: tuple[str, ...] = ()
        self._presence = QTimer(self)
        self._presence.setInterval(act.PRESENCE_SECONDS * 1000 // 3)
        self._presence.timeout.connect(self._heartbeat)
        from ..widgets.settlement_detail import SettlementDetailWidget

        self.detail = SettlementDetailWidget(ctx)
        self.detail.setObjectName("settlementDetail")
        # Long header values (institution names) must not widen the window past a 1366-px screen;
        # the detail widget already puts each value in its tooltip.
        # Column widths from the first rows only: resizeColumnsToContents over 2,000 lines took seconds.
        header = self.detail.table.horizontalHeader()
        header.setResizeContentsPrecision(25)
        # The flags column (the last) right after the serial number, so a reviewer sees flags on a laptop screen.
        header.moveSection(header.count() - 1, 1)
        for label in self.detail.findChildren(QLabel):
            if label.objectName().startswith("field_"):
                label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.title = QLabel()
        self.title.setObjectName("unitTitle")
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.btn_compliant = QPushButton()
        self.btn_violation = QPushButton()
        self.btn_doubtful = QPushButton()
        self.btn_submit = QPushButton()
        self.btn_undo = QPushButton()
        self.btn_finding = QToolButton()
        self.btn_finding.setObjectName("newFinding")
        self.btn_whole = QToolButton()
        self.btn_appeal = QToolButton()
        self.btn_delete = QToolButton()
        self.btn_compliant.clicked.connect(lambda: self.decide("compliant"))
        self.btn_violation.clicked.connect(lambda: self.decide("violation"))
        self.btn_doubtful.clicked.connect(lambda: self.decide("doubtful"))
        self.btn_submit.clicked.connect(self.submit)
        self.btn_undo.clicked.connect(self.undo)
        self.btn_finding.clicked.connect(self.new_finding)
        self.btn_whole.clicked.connect(lambda: self.new_finding(whole=True))
        self.btn_appeal.clicked.connect(self.send_appeal)
        self.btn_delete.clicked.connect(self.delete_finding)
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 2)
        bar.addWidget(self.title)
        self.hint = QLabel()
        self.hint.setObjectName("recordHint")
        self.hint.setStyleSheet("color: #b45309;")
        bar.addWidget(self.hint, 1)
        for b in (self.btn_undo, self.btn_compliant, self.btn_violation, self.btn_doubtful, self.btn_submit):
            bar.addWidget(b)

        self.findings = QListWidget()
        self.findings.setObjectName("findingList")
        self.findings.currentRowChanged.connect(self._finding_selected)
        self.findings_title = QLabel()
        fbar = QHBoxLayout()
        fbar.setContentsMargins(0, 0, 0, 0)
        for b in (self.btn_finding, self.btn_whole, self.btn_appeal, self.btn_delete):
            fbar.addWidget(b)
        fbar.addStretch(1)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(4, 2, 4, 2)
        ll.setSpacing(3)
        ll.addWidget(self.findings_title)
        ll.addWidget(self.findings, 1)
        ll.addLayout(fbar)
        self.editor = FindingEditor(ctx.lang)
        self.editor.save_requested.connect(self._save_finding)
        self.evidence = EvidencePanel()
        self.evidence.add_requested.connect(self.add_evidence)
        self.evidence.remove_requested.connect(self._remove_evidence)
        self.evidence.export_requested.connect(self._export_evidence)
        self.evidence.preview_requested.connect(self.preview_evidence)
        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(left)
        bottom.addWidget(self.editor)
        bottom.addWidget(self.evidence)
        bottom.setStretchFactor(0, 3)
        bottom.setStretchFactor(1, 4)
        bottom.setStretchFactor(2, 3)
        self.editor.setMinimumWidth(340)
        bottom.setChildrenCollapsible(False)
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.addWidget(self.detail)
        self.split.addWidget(bottom)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)
        self.split.setChildrenCollapsible(False)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addLayout(bar)
        lay.addWidget(self.split, 1)
        self.preview_dialog: EvidencePreview | None = None
        self._shortcuts(shortcut_host or self)
        self.retranslate()
        self._refresh_buttons()

    # -- keyboard ----------------------------------------------------------------------
    SHORTCUTS = (
        ("F", "new_finding"), ("Ctrl+N", "new_finding"), ("Shift+F", "new_whole"), ("Ctrl+Z", "undo"),
        ("Ctrl+Shift+C", "compliant"), ("Ctrl+Shift+V", "violation"), ("Ctrl+Shift+D", "doubtful"),
        ("Ctrl+Return", "submit"), ("Ctrl+E", "evidence"), ("Ctrl+Shift+A", "appeal"),
    )

    def _shortcuts(self, host: QWidget) -> None:
        actions = {"new_finding": self.new_finding, "new_whole": lambda: self.new_finding(whole=True),
                   "undo": self.undo, "compliant": lambda: self.decide("compliant"),
                   "violation": lambda: self.decide("violation"), "doubtful": lambda: self.decide("doubtful"),
                   "submit": self.submit, "evidence": self.evidence.pick_files, "appeal": self.send_appeal}
        self.shortcuts = []
        for key, name in self.SHORTCUTS:
            sc = QShortcut(QKeySequence(key), host)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(actions[name])
            self.shortcuts.append(sc)
        del_sc = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.findings)
        del_sc.setContext(Qt.ShortcutContext.WidgetShortcut)
        del_sc.activated.connect(self.delete_finding)
        self.shortcuts.append(del_sc)

    def retranslate(self) -> None:
        for b, text, key in ((self.btn_compliant, self.tr("合规"), "Ctrl+Shift+C"),
                             (self.btn_violation, self.tr("违规"), "Ctrl+Shift+V"),
                             (self.btn_doubtful, self.tr("存疑"), "Ctrl+Shift+D"),
                             (self.btn_submit, self.tr("提交"), "Ctrl+Enter"), (self.btn_undo, self.tr("撤销"), "Ctrl+Z"),
                             (self.btn_finding, self.tr("新发现"), "F"), (self.btn_whole, self.tr("整单发现"), "Shift+F")):
            b.setText(text)
            b.setToolTip(f"{text}（{key}）" if self.ctx.lang != "en" else f"{text} ({key})")
        self.btn_finding.setToolTip(self.tr("用所选费用明细新建发现（F）"))
        self.btn_appeal.setText(self.tr("发起申诉…"))
        self.btn_delete.setText(self.tr("删除"))
        self.findings_title.setText(self.tr("发现"))
        self.editor.retranslate()
        self.evidence.retranslate()
        self._show_title()

    # -- loading -----------------------------------------------------------------------
    def open_unit(self, unit_id: int) -> None:
        self.editor.flush()
        self._reload(unit_id, start=True)

    def _reload(self, unit_id: int | None = None, *, start: bool = False, select_finding: int | None = None,
                force_editor: bool = False) -> None:
        uid = unit_id if unit_id is not None else (self.info.id if self.info else None)
        if uid is None:
            return
        ws = self.ctx.ws
        keep = select_finding if select_finding is not None else self.current_finding_id()

        shown = self._setl

        def done(result: UnitView) -> None:
            info, names, rules, detail = result.unit, result.line_names, result.line_rules, result.detail
            new_unit = self.info is None or self.info.id != info.id
            self.info, self.line_names, self.line_rules = info, names, rules
            if detail is not None:  # read on the same trip: one worker job, one repaint
                self._setl = info.setl_id
                self.detail.show_detail(detail)
                flags_col = self.detail.model.columnCount() - 1
                if self.detail.table.columnWidth(flags_col) < 170:
                    self.detail.table.setColumnWidth(flags_col, 170)
                self.detail.loaded.emit(info.setl_id)
            self._show_findings(None if new_unit and select_finding is None else keep, force_editor or new_unit)
            self._show_title()
            self._refresh_buttons()
            self.loaded.emit(info.id)
            if new_unit and act.is_shared(ws):
                self._heartbeat()
                self._presence.start()

        self.ctx.run(lambda p: rs.unit_view(ws, uid, start=start, shown_setl_id=shown), name="review.load",
                     on_success=done)

    def current_finding_id(self) -> int | None:
        it = self.findings.currentItem()
        return it.data(Qt.ItemDataRole.UserRole) if it else None

    def _show_title(self) -> None:
        if self.info is None:
            self.title.setText(self.tr("在左侧队列中选择一个审核单元"))
            return
        st = self.info.status
        color = STATUS_COLORS[st].name()
        extra = self.tr("（已提交）") if self.info.submitted else ""
        others = ("　" + self.tr("<span style='color:#b35c00'>也在处理此单元：{names}</span>").format(
            names="、".join(self.others))) if self.others else ""
        self.title.setText(self.tr("结算 <b>{setl}</b>　状态 <b style='color:{c}'>{st}</b>{extra}").format(
            setl=self.info.setl_id, c=color, st=status_label(st, self.ctx.lang), extra=extra) + others)

    def _heartbeat(self) -> None:
        if self.info is None:
            return
        ws, uid = self.ctx.ws, self.info.id

        def done(others) -> None:
            if self.info is not None and self.info.id == uid and tuple(others) != self.others:
                self.others = tuple(others)
                self._show_title()

        self.ctx.run(lambda p: act.enter_unit(ws, uid), name="review.presence", on_success=done,
                     on_failure=lambda exc: None)

    def _show_findings(self, keep: int | None, force_editor: bool) -> None:
        self.findings.blockSignals(True)
        self.findings.clear()
        row_to_select = 0
        for i, f in enumerate(self.info.findings if self.info else []):
            lines = ", ".join(self.line_names.get(lid, (str(lid), ""))[0] for lid in f.fee_line_ids[:4])
            if len(f.fee_line_ids) > 4:
                lines += "…"
            text = self.tr("{n}. {cat} · {amt} 元 · {st}").format(
                n=i + 1, cat=category_name(f.category, self.ctx.lang), amt=yuan(f.amount),
                st=rs.FINDING_STATUS_LABELS[f.status].render(self.ctx.lang))
            sub = (self.tr("明细 {lines}").format(lines=lines) if f.fee_line_ids else self.tr("整张结算"))
            if f.evidence:
                sub += self.tr(" · 证据 {n} 个").format(n=len(f.evidence))
            it = QListWidgetItem(text + "\n    " + sub)
            it.setData(Qt.ItemDataRole.UserRole, f.id)
            self.findings.addItem(it)
            if f.id == keep:
                row_to_select = i
        self.findings.blockSignals(False)
        if self.findings.count():
            self.findings.setCurrentRow(row_to_select)
            self._finding_selected(row_to_select, force=force_editor)
        else:
            self._finding_selected(-1, force=True)

    def finding_info(self, fid: int | None):
        for f in (self.info.findings if self.info else []):
            if f.id == fid:
                return f
        return None

    def _finding_selected(self, row: int, force: bool = False) -> None:
        if self.editor.finding is not None and (row < 0 or self.current_finding_id() != self.editor.finding.id):
            self.editor.flush()
        f = self.finding_info(self.current_finding_id()) if row >= 0 else None
        self.editor.set_finding(f, force=force)
        editable = self.info is not None and not self.info.submitted
        self.editor.set_read_only(not editable)
        self.evidence.set_items(list(f.evidence) if f else [], f.id if f else None, editable)
        self._refresh_buttons()

    def _refresh_buttons(self) -> None:
        has = self.info is not None
        open_ = has and not self.info.submitted
        for b in (self.btn_compliant, self.btn_violation, self.btn_doubtful, self.btn_finding, self.btn_whole):
            b.setEnabled(open_)
        self.btn_submit.setEnabled(open_ and self.info.status in rs.DECIDED)
        self.btn_undo.setEnabled(open_ and self.info.can_undo)
        f = self.finding_info(self.current_finding_id())
        self.btn_delete.setEnabled(open_ and f is not None)
        self.btn_appeal.setEnabled(f is not None and f.status == "doubtful")

    # -- actions -----------------------------------------------------------------------
    def _run(self, fn, *, select_finding: int | None = None, force_editor: bool = False, after=None) -> None:
        uid = self.info.id

        def ok(result) -> None:
            self._reload(uid, select_finding=result if select_finding == -1 else select_finding,
                         force_editor=force_editor)
            if after:
                after(result)

        # the queue (and anything else showing review data) hears it on the bus
        self.ctx.run(fn, name="review.edit", on_success=ok, changes=Changes.of(Area.REVIEW, units=[uid]))

    def decide(self, status: str) -> None:
        if self.info is None or self.info.submitted:
            return
        self.editor.flush()
        ws, uid = self.ctx.ws, self.info.id
        self._run(lambda p: rs.decide_unit(ws, uid, status))

    def submit(self) -> None:
        if self.info is None or self.info.submitted:
            return
        self.editor.flush()
        ws, uid = self.ctx.ws, self.info.id
        self._run(lambda p: rs.submit_unit(ws, uid))

    def undo(self) -> None:
        if self.info is None or self.info.submitted:
            return
        self.editor.typing.stop()
        ws, uid = self.ctx.ws, self.info.id
        self._run(lambda p: rs.undo(ws, uid), force_editor=True)

    def new_finding(self, whole: bool = False) -> None:
        if self.info is None or self.info.submitted:
            return
        lines = [] if whole else list(self.detail.selected_fee_line_ids())
        if not lines and not whole:
            self.hint.setText(self.tr("先在明细表中选择费用明细（整单发现请按 Shift+F）"))
            return
        self.hint.clear()
        self.editor.flush()
        from ...services.catalog_service import rule_catalog

        category = "other"
        for lid in lines:
            rule = self.line_rules.get(lid)
            if rule:
                try:
                    category = rule_catalog().get(rule).category
                    break
                except KeyError:
                    pass
        ws, uid = self.ctx.ws, self.info.id
        self._run(lambda p: rs.create_finding(ws, uid, lines, category), select_finding=-1, force_editor=True,
                  after=lambda _r: self.editor.category.setFocus())

    def delete_finding(self) -> None:
        fid = self.current_finding_id()
        if fid is None or self.info is None or self.info.submitted:
            return
        ws = self.ctx.ws
        self._run(lambda p: rs.delete_finding(ws, fid), force_editor=True)

    def _save_finding(self, fid: int, changes: dict) -> None:
        ws = self.ctx.ws
        self._run(lambda p: rs.update_finding(ws, fid, **changes), select_finding=fid)

    def add_evidence(self, paths: list) -> None:
        fid = self.evidence.finding_id
        if fid is None:
            return
        ws = self.ctx.ws

        def job(progress):
            for i, path in enumerate(paths):
                progress.report(i, len(paths))
                ev.attach_file(ws, fid, path)
            return fid

        self._run(job, select_finding=fid)

    def _remove_evidence(self, eid: int) -> None:
        fid, ws = self.current_finding_id(), self.ctx.ws
        self._run(lambda p: ev.remove(ws, eid), select_finding=fid)

    def _export_evidence(self, eid: int, path: str) -> None:
        ws = self.ctx.ws
        self.ctx.run(lambda p: ev.export(ws, eid, path), name="review.export")

    def preview_evidence(self, eid: int) -> None:
        ws = self.ctx.ws

        def show(result) -> None:
            info, data = result
            self.preview_dialog = EvidencePreview(info, data, self)
            self.preview_dialog.open()

        self.ctx.run(lambda p: ev.content(ws, eid), name="review.preview", on_success=show)

    def send_appeal(self) -> None:
        f = self.finding_info(self.current_finding_id())
        if f is None or f.status != "doubtful":
            return
        days, ok = QInputDialog.getInt(self, self.tr("发起申诉"), self.tr("机构答复期限（工作日）："),
                                       ap.DEFAULT_WORKING_DAYS, 1, 120)
        if ok:
            ws, fid = self.ctx.ws, f.id
            self._run(lambda p: ap.send(ws, fid, working_days=days), select_finding=fid)
