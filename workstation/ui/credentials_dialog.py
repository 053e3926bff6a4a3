"""The form shared by dialogs that set a new passphrase (new store, new user)."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

MIN_PASSPHRASE = 8


class CredentialsDialog(QDialog):
    """A form with the subclass's own rows, then a passphrase typed twice, an
    inline error line and OK/Cancel. Subclasses add rows to ``self.form`` before
    calling ``_finish_layout`` and implement ``_other_problem``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout()
        self.p1, self.p2 = QLineEdit(), QLineEdit()
        for p in (self.p1, self.p2):
            p.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")

    def _finish_layout(self) -> None:
        self.form.addRow(self.tr("口令"), self.p1)
        self.form.addRow(self.tr("再次输入口令"), self.p2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(self.form)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        self.setMinimumWidth(520)

    def _other_problem(self) -> str | None:
        """What is wrong with the subclass's own fields, or None."""
        return None

    def _ok(self) -> None:
        problem = self._other_problem()
        if problem is None and len(self.p1.text()) < MIN_PASSPHRASE:
            problem = self.tr("口令至少需要 8 个字符。")
        if problem is None and self.p1.text() != self.p2.text():
            problem = self.tr("两次输入的口令不一致。")
        if problem is None:
            self.accept()
        else:
            self.error.setText(problem)
