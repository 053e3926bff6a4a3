"""现场检查 on-site inspections: the visit, its records (现场检查笔录, 询问笔录), photos and
scans, signatures on the screen, sealing, corrections and the PDF on the standard form.

Store and file work runs through ctx.run. The public methods taking values or
paths are what the buttons call after their dialogs; tests call them directly.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QListWidget, QListWidgetItem,
    QPushButton, QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from ...services import inspection_pdf, inspection_service as ins
from ..errors import show_error
from ..inspections.dialogs import NewInspectionDialog, SignDialog
from ..inspections.record_editor import RecordEditor
from .base import View


class InspectionsView(View):
    view_id = "inspections"
    loaded = Signal()  # after each refresh (tests wait on it)

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.inspections: list[ins.InspectionInfo] = []
        self.current: ins.InspectionInfo | None = None
        self.record: ins.RecordInfo | None = None
        self._want: tuple[int | None, int | None] = (None, None)
        self.dirty = False

        self.new_btn = QPushButton()
        self.new_btn.setObjectName("newInspectionBtn")
        self.new_btn.clicked.connect(self._new_dialog)
        self.list = QListWidget()
        self.list.setObjectName("inspectionList")
        self.list.currentRowChanged.connect(self._pick_inspection)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.new_btn)
        ll.addWidget(self.list, 1)

        self.header = QLabel()
        self.header.setObjectName("inspectionHeader")
        self.header.setWordWrap(True)
        self.records = QTableWidget(0, 4)
        self.records.setObjectName("recordTable")
        self.records.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.records.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.records.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.records.verticalHeader().setVisible(False)
        self.records.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.records.horizontalHeader().setStretchLastSection(True)
        self.records.setMaximumHeight(130)
        self.records.currentCellChanged.connect(lambda r, *_: self._pick_record(r))
        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        for key, fn in (("site", lambda: self.new_record("site")), ("interview", lambda: self.new_record("interview")),
                        ("save", self.save), ("sign", self._sign_dialog), ("correct", self.new_correction),
                        ("attach", self._attach_dialog), ("export", self._export_dialog)):
            b = QPushButton()
            b.setObjectName(f"rec_{key}")
            b.clicked.connect(fn)
            self.buttons[key] = b
            bar.addWidget(b)
        bar.addStretch(1)
        self.editor = RecordEditor(ctx.lang)
        self.editor.changed.connect(self._mark_dirty)
        self.attachments = QListWidget()
        self.attachments.setObjectName("attachmentList")
        self.attachments.setMaximumHeight(72)
        self.status = QLabel()
        self.status.setObjectName("inspectionStatus")
        self.status.setWordWrap(True)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.header)
        rl.addWidget(self.records)
        rl.addLayout(bar)
        rl.addWidget(self.editor, 1)
        self.att_label = QLabel()
        rl.addWidget(self.att_label)
        rl.addWidget(self.attachments)
        rl.addWidget(self.status)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([250, 900])
        lay = QVBoxLayout(self)
        lay.addWidget(split)
        sc = QShortcut(QKeySequence("Ctrl+S"), self)
        sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        sc.activated.connect(self.save)
        self.retranslate()
        self.refresh()

    # -- texts -------------------------------------------------------------------------------------
    def nav_title(self) -> str:
        return self.tr("现场检查")

    def retranslate(self) -> None:
        self.new_btn.setText(self.tr("新建检查…"))
        for key, text in (("site", self.tr("新建现场检查笔录")), ("interview", self.tr("新建询问笔录")),
                          ("save", self.tr("保存 (Ctrl+S)")), ("sign", self.tr("签名并封存…")),
                          ("correct", self.tr("新建更正笔录")), ("attach", self.tr("添加照片/扫描件…")),
                          ("export", self.tr("导出 PDF…"))):
            self.buttons[key].setText(text)
        self.records.setHorizontalHeaderLabels([self.tr("编号"), self.tr("类型"), self.tr("状态"),
                                                self.tr("封存哈希")])
        self.att_label.setText(self.tr("附件（照片、扫描件、签名）"))
        self.editor.retranslate()
        self._show_current()

    # -- loading -----------------------------------------------------------------------------------
    def activated(self) -> None:
        self.refresh()

    def refresh(self, inspection_id: int | None = None, record_id: int | None = None) -> None:
        self._want = (inspection_id if inspection_id is not None else (self.current.id if self.current else None),
                      record_id if record_id is not None else (self.record.id if self.record else None))
        ws = self.ctx.ws
        self.ctx.run(lambda p: ins.list_inspections(ws), on_success=self._loaded, on_failure=self._failed)

    def _loaded(self, items: list[ins.InspectionInfo]) -> None:
        self.inspections = items
        want_i, want_r = self._want
        self.list.blockSignals(True)
        self.list.clear()
        row = 0 if items else -1
        for i, x in enumerate(items):
            it = QListWidgetItem(f"{x.date}　{ins.KIND_LABELS[x.kind].render(self.ctx.lang)}\n"
                                 f"{x.institution_name or x.institution_code}")
            it.setData(Qt.ItemDataRole.UserRole, x.id)
            self.list.addItem(it)
            if x.id == want_i:
                row = i
        self.list.setCurrentRow(row)
        self.list.blockSignals(False)
        self.current = items[row] if row >= 0 else None
        recs = self.current.records if self.current else ()
        self.record = next((r for r in recs if r.id == want_r), recs[-1] if recs else None)
        self.dirty = False
        self._show_current()
        self.loaded.emit()

    def _pick_inspection(self, row: int) -> None:
        if 0 <= row < len(self.inspections):
            self.current = self.inspections[row]
            self.record = self.current.records[-1] if self.current.records else None
            self.dirty = False
            self._show_current()

    def _pick_record(self, row: int) -> None:
        if self.current and 0 <= row < len(self.current.records) and (
                self.record is None or self.current.records[row].id != self.record.id):
            self.record = self.current.records[row]
            self.dirty = False
            self._show_record()

    def _show_current(self) -> None:
        c = self.current
        lang = self.ctx.lang
        if c is None:
            self.header.setText(self.tr("还没有现场检查。点击“新建检查…”开始。"))
            self.records.setRowCount(0)
        else:
            sep = ", " if lang == "en" else "、"
            leads = sep.join(x.setl_id for x in c.leads) or "—"
            self.header.setText(self.tr("{inst}（{code}）　{date}　{kind}　检查组：{team}　核查线索：{leads}")
                                .replace("{inst}", c.institution_name).replace("{code}", c.institution_code)
                                .replace("{date}", c.date).replace("{kind}", ins.KIND_LABELS[c.kind].render(lang))
                                .replace("{team}", sep.join(c.team)).replace("{leads}", leads))
            self.records.blockSignals(True)
            self.records.setRowCount(len(c.records))
            for i, r in enumerate(c.records):
                status = self.tr("已封存") if r.sealed else self.tr("草稿")
                if r.corrected_by:
                    status += self.tr("（已更正）")
                if r.corrects_id:
                    status += self.tr("（更正 #{n}）").replace("{n}", str(r.corrects_id))
                for col, text in enumerate((r.number, ins.RECORD_LABELS[r.kind].render(lang), status,
                                            (r.seal_hash or "")[:16])):
                    self.records.setItem(i, col, QTableWidgetItem(text))
                if self.record and r.id == self.record.id:
                    self.records.selectRow(i)
            self.records.blockSignals(False)
        self._show_record()

    def _show_record(self) -> None:
        r = self.record
        self.editor.show_record(r)
        self.attachments.clear()
        kinds = {"evidence": self.tr("照片/扫描件"), "signature": self.tr("签名"),
                 "signed_paper": self.tr("签字笔录照片")}
        for a in (r.attachments if r else ()):
            role = ins.SIGNER_ROLES[a.signer_role].render(self.ctx.lang) if a.signer_role in ins.SIGNER_ROLES else ""
            self.attachments.addItem(f"{kinds.get(a.kind, a.kind)}{('·' + role) if role else ''}　{a.file_name}　"
                                     f"SHA-256 {a.sha256[:16]}…")
        has_i, draft = self.current is not None, r is not None and not r.sealed
        self.buttons["site"].setEnabled(has_i)
        self.buttons["interview"].setEnabled(has_i)
        for key in ("save", "sign", "attach"):
            self.buttons[key].setEnabled(draft)
        self.buttons["correct"].setEnabled(r is not None and r.sealed and not r.corrected_by)
        self.buttons["export"].setEnabled(has_i and bool(self.current.records))

    def _mark_dirty(self) -> None:
        self.dirty = True

    # -- actions (public: what the buttons call after their dialogs) --------------------------------
    def _run(self, job, *, then=None, message: str = "") -> None:
        def ok(result):
            if message:
                self.status.setText(message)
            if then:
                then(result)

        self.ctx.run(job, on_success=ok, on_failure=self._failed)

    def _failed(self, exc) -> None:
        show_error(self, exc, self.ctx.lang)

    def create_inspection(self, values: dict) -> None:
        ws = self.ctx.ws
        self._run(lambda p: ins.create_inspection(ws, **values), then=lambda iid: self.refresh(iid, -1),
                  message=self.tr("已新建检查"))

    def new_record(self, kind: str, *, corrects_id: int | None = None, content=None) -> None:
        if self.current is None:
            return
        ws, iid = self.ctx.ws, self.current.id
        base = content or ins.RecordContent(interviewer="、".join(self.current.team),
                                            started_at=f"{self.current.date} ")
        self._run(lambda p: ins.create_record(ws, iid, kind, base, corrects_id=corrects_id),
                  then=lambda rid: self.refresh(iid, rid))

    def new_correction(self) -> None:
        r = self.record
        if r is not None and r.sealed:
            self.new_record(r.kind, corrects_id=r.id, content=r.content)

    def save(self, then=None) -> None:
        r = self.record
        if r is None or r.sealed:
            return
        ws, rid, content, iid = self.ctx.ws, r.id, self.editor.content(), r.inspection_id

        def done(_v):
            self.dirty = False
            self.refresh(iid, rid) if then is None else then()

        self._run(lambda p: ins.update_record(ws, rid, content), then=done, message=self.tr("已保存"))

    def sign(self, signatures: list[tuple[str, bytes]], paper: Path | None = None) -> None:
        r = self.record
        if r is None or r.sealed:
            return
        ws, rid, iid, content = self.ctx.ws, r.id, r.inspection_id, self.editor.content()

        def job(p):
            ins.update_record(ws, rid, content)  # what is on the screen is what gets sealed
            data = (paper.name, paper.read_bytes()) if paper is not None else None
            return ins.sign_and_seal(ws, rid, signatures=signatures, signed_paper=data)

        self._run(job, then=lambda h: self.refresh(iid, rid),
                  message=self.tr("已签名封存"))

    def attach_file(self, path: Path) -> None:
        r = self.record
        if r is None:
            return
        ws, rid, iid = self.ctx.ws, r.id, r.inspection_id
        self._run(lambda p: ins.add_attachment(ws, rid, Path(path).name, Path(path).read_bytes()),
                  then=lambda _a: self.refresh(iid, rid), message=self.tr("已添加附件"))

    def export_pdf(self, path: Path) -> None:
        if self.current is None:
            return
        ws, iid = self.ctx.ws, self.current.id
        self._run(lambda p: inspection_pdf.export(ws, iid, Path(path)),
                  message=self.tr("已导出：{f}").replace("{f}", str(path)))

    # -- dialogs ----------------------------------------------------------------------------------
    def _new_dialog(self) -> None:
        dlg = NewInspectionDialog(self.ctx.lang, self.ctx.ws.user.name, self)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            self.create_inspection(dlg.values())

    def _sign_dialog(self) -> None:
        if self.record is None or self.record.sealed:
            return
        dlg = SignDialog(self.record.kind, self.ctx.lang, self)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            self.sign(dlg.signatures(), dlg.signed_paper_path())

    def _attach_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("添加照片或扫描件"), "",
                                              self.tr("图片或 PDF (*.jpg *.jpeg *.png *.tif *.tiff *.pdf)"))
        if path:
            self.attach_file(Path(path))

    def _export_dialog(self) -> None:
        if self.current is None:
            return
        default = f"inspection-{self.current.institution_code}-{self.current.date}.pdf"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出笔录 PDF"), default, "PDF (*.pdf)")
        if path:
            self.export_pdf(Path(path))
