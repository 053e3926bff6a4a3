"""Evidence of the chosen finding: list, add by picker or drag-and-drop, preview from memory.

Files go from disk straight into the store; previews are decoded from the
bytes in memory (QImage.fromData; PDF pages via pypdfium2), never through a
temporary file. Export writes a copy only where the user chooses.
"""
from __future__ import annotations

import logging

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
    QScrollArea, QSpinBox, QToolButton, QVBoxLayout, QWidget,
)

from ...services import evidence_service as ev

FILE_FILTER = "*.png *.jpg *.jpeg *.gif *.bmp *.tif *.tiff *.webp *.pdf *.xlsx *.xls *.csv *.ofd *.doc *.docx"

log = logging.getLogger(__name__)


def pdf_page_count(data: bytes) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    try:
        return len(doc)
    finally:
        doc.close()


def render_pdf_page(data: bytes, index: int = 0, width: int = 800) -> QImage:
    """Render one PDF page from bytes in memory to a QImage (no file on disk)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    try:
        page = doc[index]
        w_pt = page.get_width() or 595
        bitmap = page.render(scale=max(0.2, width / w_pt))
        arr = bitmap.to_numpy()
        h, w = arr.shape[0], arr.shape[1]
        fmt = QImage.Format.Format_BGR888 if arr.shape[2] == 3 else QImage.Format.Format_RGBA8888
        img = QImage(arr.tobytes(), w, h, arr.strides[0], fmt).copy()
        page.close()
        return img
    finally:
        doc.close()


def preview_image(mime: str, data: bytes, width: int = 800, page: int = 0) -> QImage | None:
    if ev.is_image(mime):
        img = QImage.fromData(data)
        return None if img.isNull() else img
    if ev.is_pdf(mime):
        try:
            return render_pdf_page(data, page, width)
        except Exception as exc:  # a damaged PDF shows "no preview", it does not crash the view
            log.warning("no preview for a PDF evidence file: %s", type(exc).__name__)
            return None
    return None


class EvidencePanel(QWidget):
    """Lists the evidence of one finding; emits requests for the owner to run on the DB worker."""

    add_requested = Signal(list)  # paths
    remove_requested = Signal(int)
    export_requested = Signal(int, str)
    preview_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evidencePanel")
        self.setAcceptDrops(True)
        self.title = QLabel()
        self.list = QListWidget()
        self.list.setObjectName("evidenceList")
        self.list.itemActivated.connect(lambda it: self.preview_requested.emit(it.data(Qt.ItemDataRole.UserRole)))
        self.add_btn = QToolButton()
        self.add_btn.setObjectName("evidenceAdd")
        self.add_btn.clicked.connect(self.pick_files)
        self.view_btn = QToolButton()
        self.view_btn.clicked.connect(self._preview_current)
        self.export_btn = QToolButton()
        self.export_btn.clicked.connect(self._export_current)
        self.remove_btn = QToolButton()
        self.remove_btn.clicked.connect(self._remove_current)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for b in (self.add_btn, self.view_btn, self.export_btn, self.remove_btn):
            buttons.addWidget(b)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 4, 6, 4)
        lay.setSpacing(4)
        lay.addWidget(self.title)
        lay.addWidget(self.list, 1)
        lay.addLayout(buttons)
        self.editable = True
        self.retranslate()
        self.set_items([], None)

    def retranslate(self) -> None:
        self.title.setText(self.tr("证据（可拖入文件）"))
        self.add_btn.setText(self.tr("添加…"))
        self.add_btn.setToolTip(self.tr("Ctrl+E"))
        self.view_btn.setText(self.tr("预览"))
        self.export_btn.setText(self.tr("导出…"))
        self.remove_btn.setText(self.tr("删除"))

    def set_items(self, items: list[tuple[int, str, str, int]], finding_id: int | None, editable: bool = True) -> None:
        self.finding_id = finding_id
        self.editable = editable
        self.list.clear()
        for eid, name, mime, size in items:
            it = QListWidgetItem(f"{name}  ({_size(size)})")
            it.setData(Qt.ItemDataRole.UserRole, eid)
            it.setToolTip(mime)
            self.list.addItem(it)
        on = finding_id is not None
        self.add_btn.setEnabled(on and editable)
        self.remove_btn.setEnabled(on and editable and bool(items))
        self.view_btn.setEnabled(bool(items))
        self.export_btn.setEnabled(bool(items))
        if items:
            self.list.setCurrentRow(0)

    def current_id(self) -> int | None:
        it = self.list.currentItem()
        return it.data(Qt.ItemDataRole.UserRole) if it else None

    # -- adding ------------------------------------------------------------------------
    def pick_files(self) -> None:
        if self.finding_id is None or not self.editable:
            return
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("选择证据文件"), "",
                                                self.tr("证据文件") + f" ({FILE_FILTER});;" + self.tr("所有文件") + " (*)")
        if paths:
            self.add_requested.emit(paths)

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if self.finding_id is not None and self.editable and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        if self.finding_id is not None and self.editable and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        paths = [p for p in paths if Path(p).is_file()]
        if paths and self.finding_id is not None and self.editable:
            event.acceptProposedAction()
            self.add_requested.emit(paths)

    def _remove_current(self) -> None:
        eid = self.current_id()
        if eid is not None:
            self.remove_requested.emit(eid)

    def _preview_current(self) -> None:
        eid = self.current_id()
        if eid is not None:
            self.preview_requested.emit(eid)

    def _export_current(self) -> None:
        eid = self.current_id()
        if eid is None:
            return
        name = self.list.currentItem().text().rsplit("  (", 1)[0]
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出证据文件"), name)
        if path:
            self.export_requested.emit(eid, path)


def _size(n: int) -> str:
    if n < 1024:
        return f"{n} B"
    if n < 1024 * 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n / 1024 / 1024:.1f} MB"


class EvidencePreview(QDialog):
    """Shows an image or the pages of a PDF, decoded from memory."""

    def __init__(self, info: ev.EvidenceInfo, data: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evidencePreview")
        self.info, self.data = info, data
        self.setWindowTitle(self.tr("证据预览：{name}").format(name=info.file_name))
        self.meta = QLabel(self.tr("{name} · {mime} · {size} · SHA-256 {sha}").format(
            name=info.file_name, mime=info.mime, size=_size(info.size), sha=info.sha256[:16] + "…"))
        self.meta.setWordWrap(True)
        self.image = QLabel()
        self.image.setObjectName("evidenceImage")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.image)
        self.page = QSpinBox()
        self.page.setObjectName("evidencePage")
        self.pages = pdf_page_count(data) if ev.is_pdf(info.mime) else 1
        self.page.setRange(1, max(1, self.pages))
        self.page.setVisible(self.pages > 1)
        self.page.valueChanged.connect(self._show)
        self.page_label = QLabel(self.tr("页（共 {n} 页）").format(n=self.pages))
        self.page_label.setVisible(self.pages > 1)
        bb = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        bb.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.page)
        bottom.addWidget(self.page_label)
        bottom.addStretch(1)
        bottom.addWidget(bb)
        lay = QVBoxLayout(self)
        lay.addWidget(self.meta)
        lay.addWidget(scroll, 1)
        lay.addLayout(bottom)
        self.resize(900, 640)
        self._show()

    def _show(self) -> None:
        img = preview_image(self.info.mime, self.data, width=820, page=self.page.value() - 1)
        if img is None:
            self.image.setText(self.tr("此类型文件无法在应用内预览，可导出后用其他程序查看。"))
            return
        if img.width() > 840:
            img = img.scaledToWidth(840, Qt.TransformationMode.SmoothTransformation)
        self.image.setPixmap(QPixmap.fromImage(img))
