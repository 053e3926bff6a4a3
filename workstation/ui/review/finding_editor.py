"""The finding editor: every field saves itself (no "save" button to forget).

Text fields save when editing finishes and also shortly after typing stops,
so nothing typed is lost if the laptop dies. The amount starts as the sum of
the chosen lines; a different amount needs a reason, and is only saved with
one.
"""
from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget,
)

from ...core.money import yuan_to_fen
from ...services import review as rs
from ...services.catalog_service import violations
from ...services.review import FindingInfo
from .common import yuan

TYPING_SAVE_MS = 400


class FindingEditor(QWidget):
    """Edits one finding; emits ``save_requested(finding_id, changes)`` for the owner to run."""

    save_requested = Signal(int, dict)

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findingEditor")
        self.lang = lang
        self.finding: FindingInfo | None = None
        self._loading = False
        self.category = QComboBox()
        self.category.setObjectName("findingCategory")
        for v in violations():
            self.category.addItem(v.name(lang), v.code)
        self.status = QComboBox()
        self.status.setObjectName("findingStatus")
        for code in ("confirmed", "doubtful"):
            self.status.addItem(rs.FINDING_STATUS_LABELS[code].render(lang), code)
        self.amount = QLineEdit()
        self.amount.setObjectName("findingAmount")
        self.amount.setMinimumWidth(90)
        self.amount.setMaximumWidth(130)
        self.auto_label = QLabel()
        self.auto_label.setObjectName("findingAuto")
        self.reason = QLineEdit()
        self.reason.setObjectName("findingReason")
        self.basis = QLineEdit()
        self.basis.setObjectName("findingBasis")
        self.note = QPlainTextEdit()
        self.note.setObjectName("findingNote")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(52)
        self.hint = QLabel()
        self.hint.setObjectName("findingHint")
        self.hint.setStyleSheet("color: #b91c1c;")
        self.hint.setWordWrap(True)
        amount_row = QHBoxLayout()
        amount_row.setContentsMargins(0, 0, 0, 0)
        amount_row.addWidget(self.amount)
        amount_row.addWidget(self.auto_label, 1)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(6, 4, 6, 4)
        self.form.setVerticalSpacing(4)
        self.labels = [QLabel() for _ in range(6)]
        self.form.addRow(self.labels[0], self.category)
        self.form.addRow(self.labels[1], self.status)
        self.form.addRow(self.labels[2], amount_row)
        self.form.addRow(self.labels[3], self.reason)
        self.form.addRow(self.labels[4], self.basis)
        self.form.addRow(self.labels[5], self.note)
        self.form.addRow(self.hint)
        self.typing = QTimer(self)
        self.typing.setSingleShot(True)
        self.typing.setInterval(TYPING_SAVE_MS)
        self.typing.timeout.connect(self._save_texts)
        self.category.activated.connect(lambda _i: self._save({"category": self.category.currentData()}))
        self.status.activated.connect(lambda _i: self._save({"status": self.status.currentData()}))
        self.amount.editingFinished.connect(self._save_amount)
        self.reason.editingFinished.connect(self._save_amount)
        for w in (self.basis, self.note, self.reason):
            w.textChanged.connect(self._typed)
        self.basis.editingFinished.connect(self._save_texts)
        self.retranslate()
        self.set_finding(None)

    def retranslate(self) -> None:
        for label, text in zip(self.labels, (self.tr("违规类别"), self.tr("状态"), self.tr("金额（元）"),
                                             self.tr("调整理由"), self.tr("政策依据"), self.tr("备注"))):
            label.setText(text)
        self.basis.setPlaceholderText(self.tr("如：《医疗保障基金使用监督管理条例》第十五条"))
        self.reason.setPlaceholderText(self.tr("金额与明细合计不同时必填"))

    # -- showing ---------------------------------------------------------------------
    def set_finding(self, f: FindingInfo | None, *, force: bool = False) -> None:
        same = f is not None and self.finding is not None and f.id == self.finding.id
        self.finding = f
        self.setEnabled(f is not None)
        if same and not force:
            self._show_auto()
            return
        self._loading = True
        try:
            self.typing.stop()
            self.hint.clear()
            if f is None:
                for w in (self.amount, self.reason, self.basis):
                    w.clear()
                self.note.clear()
                self.auto_label.clear()
                return
            self.category.setCurrentIndex(max(0, self.category.findData(f.category)))
            self.status.setCurrentIndex(max(0, self.status.findData(f.status)))
            self.amount.setText(yuan(f.amount))
            self.reason.setText(f.amount_reason)
            self.basis.setText(f.basis)
            self.note.setPlainText(f.note)
            self._show_auto()
        finally:
            self._loading = False

    def set_read_only(self, ro: bool) -> None:
        for w in (self.amount, self.reason, self.basis):
            w.setReadOnly(ro)
        self.note.setReadOnly(ro)
        self.category.setEnabled(not ro)
        self.status.setEnabled(not ro)

    def _show_auto(self) -> None:
        f = self.finding
        if f is None:
            return
        n = len(f.fee_line_ids)
        self.auto_label.setText(self.tr("明细合计 {amt} 元（{n} 条）").format(amt=yuan(f.amount_auto), n=n) if n
                                else self.tr("整张结算（未选明细）"))

    # -- saving ----------------------------------------------------------------------
    def _typed(self) -> None:
        if not self._loading and self.finding is not None:
            self.typing.start()

    def flush(self) -> None:
        """Save what was typed now (before switching finding or unit)."""
        if self.typing.isActive():
            self.typing.stop()
            self._save_texts()

    def _save(self, changes: dict) -> None:
        if self._loading or self.finding is None:
            return
        current = {k: getattr(self.finding, k) for k in changes}
        if current != changes:
            self.save_requested.emit(self.finding.id, changes)

    def _save_texts(self) -> None:
        self.typing.stop()
        self._save({"basis": self.basis.text(), "note": self.note.toPlainText()})
        if self.finding is not None and self.reason.text() != self.finding.amount_reason:
            self._save_amount()

    def _save_amount(self) -> None:
        if self._loading or self.finding is None:
            return
        try:
            fen = yuan_to_fen(self.amount.text() or "0")
        except ValueError:
            self.hint.setText(self.tr("金额格式不对：最多两位小数"))
            return
        if fen < 0:
            self.hint.setText(self.tr("金额不能为负"))
            return
        reason = self.reason.text().strip()
        if fen != self.finding.amount_auto and not reason:
            self.hint.setText(self.tr("金额与明细合计不同，请填写调整理由后才会保存"))
            return
        self.hint.clear()
        self._save({"amount": fen, "amount_reason": reason if fen != self.finding.amount_auto else ""})
