"""The import dialog: pick or drop files, import on the DB worker with progress and cancel,
see what was rejected (file, row, column, reason) and export that report if wanted."""
from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QDialog, QFileDialog, QHBoxLayout, QHeaderView, QLabel,
                               QListWidget, QMessageBox, QProgressBar, QPushButton, QTableView, QVBoxLayout, QWidget)

from ..core import import_format as fmt
from ..core.changes import Area, Changes
from ..core.errors import Cancelled
from ..services.import_service import ImportFileResult, ImportRejected, Rejection, import_files, write_rejection_report
from .context import UiContext
from .errors import show_error
from .widgets.table_model import TableModel

FILE_PATTERNS = "*.csv *.txt *.xlsx *.xlsm *.xls"


class RejectionsModel(TableModel):
    COLUMNS = ("file", "row", "column", "reason")

    def __init__(self, lang: str, parent=None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.headers = ["", "", "", ""]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        r = self.rows[index.row()]
        col = index.column()
        if col == 0:
            return r.file
        if col == 1:
            return "" if r.row is None else r.row
        if col == 2:
            return _column_text(r, self.lang)
        return r.message(self.lang)


def _column_text(r: Rejection, lang: str) -> str:
    if not r.column:
        return ""
    for spec in fmt.SPECS.values():
        for c in spec.columns:
            if c.code == r.column:
                return f"{c.code}（{c.zh}）" if lang != "en" else f"{c.code} ({c.zh})"
    return r.column


class ImportDialog(QDialog):
    finished_import = Signal(object)  # list[ImportFileResult] (also when rejected)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("importDialog")
        self.setAcceptDrops(True)
        self.resize(900, 600)
        self.results: list[ImportFileResult] = []
        self.handle = None
        self._started = 0.0

        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.files = QListWidget()
        self.files.setObjectName("importFiles")
        self.files.setMaximumHeight(110)
        self.add_btn = QPushButton()
        self.add_btn.clicked.connect(self.pick_files)
        self.remove_btn = QPushButton()
        self.remove_btn.clicked.connect(self._remove_selected)
        self.accept_valid = QCheckBox()
        self.accept_valid.setObjectName("acceptValidRows")
        self.start_btn = QPushButton()
        self.start_btn.setObjectName("startImport")
        self.start_btn.clicked.connect(self.start)
        self.cancel_btn = QPushButton()
        self.cancel_btn.setObjectName("cancelImport")
        self.cancel_btn.clicked.connect(self.cancel)
        self.cancel_btn.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.progress.setTextVisible(True)
        self.rate_label = QLabel()
        self.rate_label.setObjectName("importRate")
        self.status = QLabel()
        self.status.setObjectName("importStatus")
        self.status.setWordWrap(True)
        self.rej_model = RejectionsModel(ctx.lang, self)
        self.rej_table = QTableView()
        self.rej_table.setObjectName("rejectionsTable")
        self.rej_table.setModel(self.rej_model)
        self.rej_table.verticalHeader().setVisible(False)
        self.rej_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rej_table.horizontalHeader().setStretchLastSection(True)
        self.rej_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.rej_table.setColumnWidth(0, 150)
        self.rej_table.setColumnWidth(1, 60)
        self.rej_table.setColumnWidth(2, 210)
        self.rej_label = QLabel()
        self.export_btn = QPushButton()
        self.export_btn.setObjectName("exportRejections")
        self.export_btn.clicked.connect(self.export_report)
        self.export_btn.setEnabled(False)
        self.close_btn = QPushButton()
        self.close_btn.clicked.connect(self.reject)

        row1 = QHBoxLayout()
        row1.addWidget(self.files, 1)
        col = QVBoxLayout()
        col.addWidget(self.add_btn)
        col.addWidget(self.remove_btn)
        col.addStretch(1)
        row1.addLayout(col)
        row2 = QHBoxLayout()
        row2.addWidget(self.accept_valid)
        row2.addStretch(1)
        row2.addWidget(self.start_btn)
        row2.addWidget(self.cancel_btn)
        row3 = QHBoxLayout()
        row3.addWidget(self.progress, 1)
        row3.addWidget(self.rate_label)
        bottom = QHBoxLayout()
        bottom.addWidget(self.export_btn)
        bottom.addStretch(1)
        bottom.addWidget(self.close_btn)
        lay = QVBoxLayout(self)
        lay.addWidget(self.hint)
        lay.addLayout(row1)
        lay.addLayout(row2)
        lay.addLayout(row3)
        lay.addWidget(self.status)
        lay.addWidget(self.rej_label)
        lay.addWidget(self.rej_table, 1)
        lay.addLayout(bottom)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("导入数据"))
        self.hint.setText(self.tr("选择或拖入结算信息、费用明细、医保目录或人员名册文件（CSV 或 XLSX）。"
                                  "文件类型由表头自动识别；每个文件要么全部导入，要么不导入。"))
        self.add_btn.setText(self.tr("添加文件…"))
        self.remove_btn.setText(self.tr("移除"))
        self.accept_valid.setText(self.tr("只导入合格的行（不合格的行列入报告）"))
        self.start_btn.setText(self.tr("开始导入"))
        self.cancel_btn.setText(self.tr("取消"))
        self.export_btn.setText(self.tr("导出不合格行报告…"))
        self.close_btn.setText(self.tr("关闭"))
        self.rej_label.setText(self.tr("不合格的行"))
        self.rej_model.set_headers([self.tr("文件"), self.tr("行"), self.tr("列"), self.tr("原因")])

    # -- files ------------------------------------------------------------------------
    def add_files(self, paths: list[str]) -> None:
        present = {self.files.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.files.count())}
        for p in paths:
            if p and p not in present:
                self.files.addItem(Path(p).name)
                item = self.files.item(self.files.count() - 1)
                item.setData(Qt.ItemDataRole.UserRole, p)
                item.setToolTip(p)
                present.add(p)

    def paths(self) -> list[str]:
        return [self.files.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.files.count())]

    def pick_files(self) -> None:
        chosen, _ = QFileDialog.getOpenFileNames(self, self.tr("选择要导入的文件"), "",
                                                 self.tr("数据文件") + f" ({FILE_PATTERNS})")
        self.add_files(chosen)

    def _remove_selected(self) -> None:
        for item in self.files.selectedItems():
            self.files.takeItem(self.files.row(item))

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        self.add_files([u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()])
        event.acceptProposedAction()

    # -- running ----------------------------------------------------------------------
    def start(self) -> None:
        paths = self.paths()
        if not paths or self.handle is not None:
            return
        ws, accept = self.ctx.ws, self.accept_valid.isChecked()
        self.rej_model.set_rows([])
        self.export_btn.setEnabled(False)
        self.status.setText(self.tr("正在导入…"))
        self.progress.setRange(0, 0)
        self._started = time.monotonic()
        self._set_running(True)
        self.handle = self.ctx.run(lambda progress: import_files(ws, paths, accept_valid_rows=accept,
                                                                 progress=progress),
                                   name="import", on_success=self._done, on_failure=self._failed,
                                   on_progress=self._progressed)

    def cancel(self) -> None:
        if self.handle is not None:
            self.handle.cancel()
            self.status.setText(self.tr("正在取消…"))

    def _set_running(self, running: bool) -> None:
        for w in (self.start_btn, self.add_btn, self.remove_btn, self.accept_valid, self.close_btn):
            w.setEnabled(not running)
        self.cancel_btn.setEnabled(running)

    def _progressed(self, done: int, total: int, _text: str) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
        elapsed = max(time.monotonic() - self._started, 1e-6)
        self.rate_label.setText(self.tr("{done} 行，{rate} 行/秒").replace("{done}", f"{done:,}")
                                .replace("{rate}", f"{int(done / elapsed):,}"))

    def _done(self, results: list[ImportFileResult]) -> None:
        self.handle = None
        self._set_running(False)
        self.results = results
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        lines = []
        for r in results:
            lines.append(self._summary(r))
        rejected = [rej for r in results for rej in r.rejections]
        self.rej_model.set_rows(rejected)
        self.export_btn.setEnabled(bool(rejected))
        self.status.setText("\n".join(lines))
        roster = any(r.kind == fmt.ROSTER for r in results)
        self.ctx.bus.publish(Changes.of(Area.CLAIMS, *([Area.ROSTER] if roster else [])))
        self.finished_import.emit(results)

    def _summary(self, r: ImportFileResult) -> str:
        kind = fmt.KIND_LABELS[r.kind].render(self.ctx.lang)
        text = (self.tr("{file}：{kind}，{rows} 行，新增 {inserted}，更新 {updated}，未变 {unchanged}，不合格 {rejected}")
                .replace("{file}", Path(r.file).name).replace("{kind}", kind).replace("{rows}", str(r.rows))
                .replace("{inserted}", str(r.inserted)).replace("{updated}", str(r.updated))
                .replace("{unchanged}", str(r.unchanged)).replace("{rejected}", str(r.rejected)))
        if r.rows and r.unchanged == r.rows:
            text += self.tr("（与已导入的数据相同，未作任何更改）")
        return text

    def _failed(self, exc: BaseException) -> None:
        self.handle = None
        self._set_running(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        if isinstance(exc, Cancelled):
            self.status.setText(self.tr("导入已取消，未导入任何数据。"))
            return
        if isinstance(exc, ImportRejected):
            self.results = exc.results
            rejected = [rej for r in exc.results for rej in r.rejections]
            self.rej_model.set_rows(rejected)
            self.export_btn.setEnabled(bool(rejected))
            self.status.setText(self.tr("有 {n} 行不合格，未导入任何数据。可以改正文件后重新导入，"
                                        "或勾选“只导入合格的行”。").replace("{n}", str(exc.count)))
            self.status.setStyleSheet("color: #b3261e;")
            self.finished_import.emit(exc.results)
            return
        self.status.setText(self.tr("导入失败，未导入任何数据。"))
        show_error(self, exc, self.ctx.lang)

    def export_report(self, target: str | None = None) -> None:
        """Write the rejected rows (file, row, column, reason; no values) to a CSV the user picks."""
        if not target:
            target, _ = QFileDialog.getSaveFileName(self, self.tr("导出不合格行报告"), "rejected-rows.csv",
                                                    "CSV (*.csv)")
        if not target:
            return
        results, lang = list(self.results), self.ctx.lang
        self.ctx.runner.run(lambda progress: write_rejection_report(results, Path(target), lang), db=False,
                            name="rejection_report",
                            on_success=lambda p: self.status.setText(self.tr("报告已保存：") + str(p)),
                            on_failure=lambda e: show_error(self, e, self.ctx.lang))

    def reject(self) -> None:  # closing while an import runs cancels it first
        if self.handle is not None:
            if QMessageBox.question(self, self.windowTitle(), self.tr("正在导入，要取消吗？")) \
                    != QMessageBox.StandardButton.Yes:
                return
            self.cancel()
            return
        super().reject()
