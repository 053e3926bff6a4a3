"""卷宗 dossiers: list with status, compile with progress, preview pages, submit /
approve / return with comments, new revision, export the PDF and the CA certificate.

All store work runs through ctx.run on the database worker; the preview pages
are rendered there too (pypdfium2) and shown as images.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QMessageBox, QProgressBar, QPushButton,
    QScrollArea, QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from ...services import dossier_service as ds
from ..errors import show_error
from .base import View
from .dossier_dialogs import CompileDialog, PassphraseDialog, ReturnDialog
from ...core.changes import Area, Changes


class DossiersView(View):
    view_id = "dossiers"

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.items: list[ds.DossierInfo] = []
        self.page = 0
        self.page_count = 0
        self.dialog = None  # the open dialog, if any (tests fill it in)
        self.last_result = None
        self._shown: tuple | None = None

        self.compile_btn, self.refresh_btn = QPushButton(), QPushButton()
        self.submit_btn, self.approve_btn, self.return_btn = QPushButton(), QPushButton(), QPushButton()
        self.revise_btn, self.export_btn, self.ca_btn = QPushButton(), QPushButton(), QPushButton()
        for name, b in (("compileBtn", self.compile_btn), ("refreshBtn", self.refresh_btn),
                        ("submitBtn", self.submit_btn), ("approveBtn", self.approve_btn),
                        ("returnBtn", self.return_btn), ("reviseBtn", self.revise_btn),
                        ("exportBtn", self.export_btn), ("caBtn", self.ca_btn)):
            b.setObjectName(name)
        bar = QHBoxLayout()
        for b in (self.compile_btn, self.refresh_btn, self.submit_btn, self.approve_btn, self.return_btn,
                  self.revise_btn, self.export_btn):
            bar.addWidget(b)
        bar.addStretch(1)
        bar.addWidget(self.ca_btn)

        self.progress = QProgressBar()
        self.progress.setObjectName("compileProgress")
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setObjectName("dossierStatus")
        self.status.setWordWrap(True)

        self.table = QTableWidget(0, 8)
        self.table.setObjectName("dossierTable")
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

        self.details = QLabel()
        self.details.setObjectName("dossierDetails")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.table, 3)
        ll.addWidget(self.details, 1)

        self.prev_btn, self.next_btn = QPushButton("◀"), QPushButton("▶")
        self.prev_btn.setObjectName("prevPage")
        self.next_btn.setObjectName("nextPage")
        self.page_label = QLabel()
        self.page_label.setObjectName("pageLabel")
        self.image = QLabel()
        self.image.setObjectName("previewImage")
        self.image.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        scroll = self.scroll = QScrollArea()
        scroll.setWidget(self.image)
        scroll.setWidgetResizable(True)
        nav = QHBoxLayout()
        nav.addWidget(self.prev_btn)
        nav.addWidget(self.page_label, 1, Qt.AlignmentFlag.AlignCenter)
        nav.addWidget(self.next_btn)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addLayout(nav)
        rl.addWidget(scroll, 1)

        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([640, 640])
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(self.progress)
        lay.addWidget(self.status)
        lay.addWidget(split, 1)

        self.compile_btn.clicked.connect(self.open_compile)
        self.refresh_btn.clicked.connect(self.refresh_draft)
        self.submit_btn.clicked.connect(lambda: self.open_sign("submit"))
        self.approve_btn.clicked.connect(lambda: self.open_sign("approve"))
        self.return_btn.clicked.connect(self.open_return)
        self.revise_btn.clicked.connect(self.revise)
        self.export_btn.clicked.connect(self._export_dialog)
        self.ca_btn.clicked.connect(self._ca_dialog)
        self.prev_btn.clicked.connect(lambda: self.show_page(self.page - 1))
        self.next_btn.clicked.connect(lambda: self.show_page(self.page + 1))
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.retranslate()
        self.reload()

    # -- texts ----------------------------------------------------------------------
    def nav_title(self) -> str:
        return self.tr("卷宗")

    def retranslate(self) -> None:
        self.compile_btn.setText(self.tr("编制卷宗…"))
        self.refresh_btn.setText(self.tr("按最新数据重新编制"))
        self.submit_btn.setText(self.tr("提交并签名…"))
        self.approve_btn.setText(self.tr("审批并签名…"))
        self.return_btn.setText(self.tr("退回…"))
        self.revise_btn.setText(self.tr("更正（新版本）"))
        self.export_btn.setText(self.tr("导出 PDF…"))
        self.ca_btn.setText(self.tr("导出项目 CA 证书…"))
        self.table.setHorizontalHeaderLabels([self.tr("卷宗编号"), self.tr("版本"), self.tr("标题"), self.tr("状态"),
                                              self.tr("编制人"), self.tr("审批人"), self.tr("发现数"),
                                              self.tr("页数")])
        self._fill()
        self._update_page_label()

    def activated(self) -> None:
        self.reload()

    # -- list -----------------------------------------------------------------------
    def reload(self, select_id: int | None = None) -> None:
        def done(items) -> None:
            self.items = items
            self._fill(select_id)

        self.ctx.run(lambda p: ds.list_dossiers(self.ctx.ws), on_success=done, on_failure=self._fail)

    def _fill(self, select_id: int | None = None) -> None:
        keep = select_id if select_id is not None else (self.current().id if self.current() else None)
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.items))
        for r, d in enumerate(self.items):
            for c, v in enumerate([d.number, str(d.revision), d.title, d.status_label(self.ctx.lang), d.preparer,
                                   d.approver or "", str(d.findings), str(d.pages)]):
                item = QTableWidgetItem(v)
                if c in (1, 6, 7):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self.table.blockSignals(False)
        row = next((i for i, d in enumerate(self.items) if d.id == keep), 0 if self.items else -1)
        if row >= 0:
            self.table.selectRow(row)
        self._selection_changed()

    def current(self) -> ds.DossierInfo | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if rows and 0 <= rows[0].row() < len(self.items):
            return self.items[rows[0].row()]
        return None

    def _selection_changed(self) -> None:
        d = self.current()
        user = self.ctx.ws.user
        status = d.status if d else None
        self.refresh_btn.setEnabled(status == "draft")
        self.submit_btn.setEnabled(status == "draft" and d.preparer == user.name)
        self.approve_btn.setEnabled(status == "submitted" and user.can_supervise and d.preparer != user.name)
        self.return_btn.setEnabled(status == "submitted" and (user.can_supervise or d.preparer == user.name))
        self.revise_btn.setEnabled(status in ("locked", "approved") and user.can_supervise)
        self.export_btn.setEnabled(d is not None and d.pages > 0)
        if d is None:
            self.details.setText(self.tr("尚无卷宗。点击“编制卷宗…”从已审核的单元编制。"))
            self.image.clear()
            self._shown = None
            self.page_count = 0
            self._update_page_label()
            return
        lines = [self.tr("{n} 第 {r} 版 · {s}").format(n=d.number, r=d.revision, s=d.status_label(self.ctx.lang))]
        if d.submitted_at:
            lines.append(self.tr("提交：{at}").format(at=d.submitted_at))
        if d.approved_at:
            lines.append(self.tr("审批：{who} {at}").format(who=d.approver, at=d.approved_at))
        if d.supersedes_id:
            lines.append(self.tr("更正并取代卷宗 #{id}").format(id=d.supersedes_id))
        for c in d.comments:
            lines.append(self.tr("退回意见（{by}，{at}）：{text}").format(by=c["by"], at=c["at"], text=c["text"]))
        if d.pdf_sha256:
            lines.append("PDF SHA-256: " + d.pdf_sha256)
        self.details.setText("\n".join(lines))
        shown = (d.id, d.pdf_sha256)
        if shown != self._shown:  # a language change refills the list but keeps the preview
            self._shown = shown
            self.show_page(0)

    # -- preview --------------------------------------------------------------------
    def show_page(self, page: int) -> None:
        d = self.current()
        if d is None or d.pages == 0:
            return
        did = d.id

        def done(result) -> None:
            png, n = result
            cur = self.current()
            if cur is None or cur.id != did:
                return
            self.page_count = n
            self.page = max(0, min(page, n - 1))
            self._pixmap = QPixmap.fromImage(QImage.fromData(png, "PNG"))
            self._fit()
            self._update_page_label()

        self.ctx.run(lambda p: ds.render_page_png(self.ctx.ws, did, page, scale=1.6), on_success=done,
                     on_failure=self._fail)

    def _fit(self) -> None:
        """Show the page as wide as the preview pane (no horizontal scrolling)."""
        pm = getattr(self, "_pixmap", None)
        if pm is None or pm.isNull():
            return
        width = max(200, self.scroll.viewport().width() - 4)
        self.image.setPixmap(pm.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        self._fit()

    def _update_page_label(self) -> None:
        if self.page_count:
            self.page_label.setText(self.tr("第 {x} 页 共 {y} 页").format(x=self.page + 1, y=self.page_count))
        else:
            self.page_label.setText("")
        self.prev_btn.setEnabled(self.page > 0)
        self.next_btn.setEnabled(self.page + 1 < self.page_count)

    # -- actions --------------------------------------------------------------------
    def _fail(self, exc: BaseException) -> None:
        self.progress.setVisible(False)
        self._busy(False)
        show_error(self, exc, self.ctx.lang)

    def _busy(self, on: bool) -> None:
        for b in (self.compile_btn, self.refresh_btn, self.submit_btn, self.approve_btn, self.return_btn,
                  self.revise_btn):
            b.setEnabled(not on)
        if not on:
            self._selection_changed()

    def _progress(self, done: int, total: int, _text: str = "") -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))

    def _after(self, message: str):
        def done(result) -> None:
            self.last_result = result
            self.progress.setVisible(False)
            self._busy(False)
            self.status.setText(message)
            sel = result if isinstance(result, int) else getattr(result, "id", None)
            self.ctx.bus.publish(Changes.of(Area.DOSSIERS, dossiers=[sel] if sel is not None else []))
            self.reload(sel)

        return done

    def _run(self, fn, message: str, *, with_progress: bool = False) -> None:
        self._busy(True)
        if with_progress:
            self.progress.setRange(0, 0)
            self.progress.setVisible(True)
        self.ctx.run(fn, on_success=self._after(message), on_failure=self._fail,
                     on_progress=self._progress if with_progress else None)

    def open_compile(self) -> None:
        ws = self.ctx.ws
        self.ctx.run(lambda p: (ds.institutions(ws), ds.samples(ws), ds.best_institution(ws)),
                     on_success=lambda r: self._compile_dialog(*r), on_failure=self._fail)

    def _compile_dialog(self, institutions, samples, best) -> None:
        ws = self.ctx.ws
        dlg = CompileDialog(institutions, samples, best, self)
        self.dialog = dlg

        def accepted() -> None:
            sc = dlg.scope()
            self._run(lambda p: ds.build(ws, progress=p.report, **sc), self.tr("卷宗草稿已编制。"),
                      with_progress=True)

        dlg.accepted.connect(accepted)
        dlg.open()

    def refresh_draft(self) -> None:
        d = self.current()
        if d is not None:
            did = d.id
            self._run(lambda p: ds.refresh(self.ctx.ws, did, progress=p.report), self.tr("草稿已按最新数据重新编制。"),
                      with_progress=True)

    def open_sign(self, step: str) -> None:
        d = self.current()
        if d is None:
            return
        did = d.id
        what = (self.tr("提交卷宗 {n}：您将以编制人身份签名。") if step == "submit"
                else self.tr("审批卷宗 {n}：您将以审批人身份签名，签名后卷宗锁定。")).format(n=d.number)
        dlg = PassphraseDialog(what, self)
        self.dialog = dlg

        def accepted() -> None:
            pw = dlg.value()
            dlg.passphrase.clear()
            if step == "submit":
                self._run(lambda p: ds.submit(self.ctx.ws, did, pw, progress=p.report), self.tr("已签名提交。"),
                          with_progress=True)
            else:
                self._run(lambda p: ds.approve(self.ctx.ws, did, pw), self.tr("已审批签名并锁定。"))

        dlg.accepted.connect(accepted)
        dlg.open()

    def open_return(self) -> None:
        d = self.current()
        if d is None:
            return
        did = d.id
        dlg = ReturnDialog(self)
        self.dialog = dlg
        dlg.accepted.connect(lambda: self._run(lambda p: ds.return_(self.ctx.ws, did, dlg.text(), progress=p.report),
                                               self.tr("已退回编制人。"), with_progress=True))
        dlg.open()

    def revise(self) -> None:
        d = self.current()
        if d is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("更正卷宗"),
                          self.tr("将为卷宗 {n} 开启第 {r} 版更正草稿，原版本标记为已取代（其签名 PDF 保留不变）。继续吗？")
                          .format(n=d.number, r=d.revision + 1),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("reviseConfirm")
        self.dialog = box
        did = d.id
        box.accepted.connect(lambda: self._run(lambda p: ds.revise(self.ctx.ws, did, progress=p.report),
                                               self.tr("已开启更正版本。"), with_progress=True))
        box.open()

    def export_to(self, path: Path) -> None:
        d = self.current()
        if d is None:
            return
        did = d.id
        self.ctx.run(lambda p: ds.export(self.ctx.ws, did, Path(path)),
                     on_success=lambda r: self.status.setText(self.tr("已导出：{f}").format(f=r["file"])),
                     on_failure=self._fail)

    def export_ca_to(self, path: Path) -> None:
        self.ctx.run(lambda p: ds.export_ca(self.ctx.ws, Path(path)),
                     on_success=lambda r: self.status.setText(
                         self.tr("已导出项目 CA 证书：{f}（SHA-256 指纹 {fp}）").format(f=r["file"], fp=r["sha256_fingerprint"])),
                     on_failure=self._fail)

    def _export_dialog(self) -> None:
        d = self.current()
        if d is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出卷宗 PDF"), f"{d.number}-v{d.revision}.pdf",
                                              "PDF (*.pdf)")
        if path:
            self.export_to(Path(path))

    def _ca_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出项目 CA 证书"), "project-ca.pem",
                                              self.tr("证书") + " (*.pem *.crt)")
        if path:
            self.export_ca_to(Path(path))
