"""Dialogs of the dossiers view: compile, signing passphrase, return with comments."""
from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QPlainTextEdit, QVBoxLayout, QWidget,
)


class CompileDialog(QDialog):
    """Scope of a new dossier: an institution and a period, or a sample."""

    def __init__(self, institutions: list[tuple[str, str]], samples: list[tuple[int, str]],
                 default_institution: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compileDialog")
        self.setWindowTitle(self.tr("编制卷宗"))
        self.institution = QComboBox()
        self.institution.setObjectName("institutionBox")
        self.institution.addItem(self.tr("（不限机构）"), None)
        for code, name in institutions:
            self.institution.addItem(f"{name}（{code}）", code)
        if default_institution:
            i = self.institution.findData(default_institution)
            if i >= 0:
                self.institution.setCurrentIndex(i)
        self.use_period = QCheckBox(self.tr("限定期间"))
        self.use_period.setObjectName("usePeriod")
        self.date_from, self.date_to = QDateEdit(), QDateEdit()
        for d, v in ((self.date_from, QDate(QDate.currentDate().year(), 1, 1)), (self.date_to, QDate.currentDate())):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
            d.setDate(v)
            d.setEnabled(False)
        self.use_period.toggled.connect(self.date_from.setEnabled)
        self.use_period.toggled.connect(self.date_to.setEnabled)
        self.sample = QComboBox()
        self.sample.setObjectName("sampleBox")
        self.sample.addItem(self.tr("（不限样本）"), None)
        for sid, code in samples:
            self.sample.addItem(code, sid)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        period = QHBoxLayout()
        period.addWidget(self.use_period)
        period.addWidget(self.date_from)
        period.addWidget(QLabel(self.tr("至")))
        period.addWidget(self.date_to)
        form = QFormLayout()
        form.addRow(self.tr("定点医药机构"), self.institution)
        form.addRow(self.tr("稽核期间"), period)
        form.addRow(self.tr("样本"), self.sample)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("编制"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        self.setMinimumWidth(520)

    def scope(self) -> dict:
        period = self.use_period.isChecked()
        return {
            "institution": self.institution.currentData(),
            "period_from": self.date_from.date().toPython() if period else None,
            "period_to": self.date_to.date().toPython() if period else None,
            "sample_id": self.sample.currentData(),
        }

    def _ok(self) -> None:
        sc = self.scope()
        if not sc["institution"] and sc["sample_id"] is None:
            self.error.setText(self.tr("请选择机构或样本。"))
            return
        if sc["period_from"] and sc["period_to"] and sc["period_from"] > sc["period_to"]:
            self.error.setText(self.tr("起始日期晚于截止日期。"))
            return
        self.accept()


class PassphraseDialog(QDialog):
    """Asks the acting user's passphrase to unlock their signing key."""

    def __init__(self, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signDialog")
        self.setWindowTitle(self.tr("数字签名"))
        text = QLabel(what + "\n" + self.tr("请输入您的登录口令以解锁签名私钥。"))
        text.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("signPassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("签名"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(text)
        lay.addWidget(self.passphrase)
        lay.addWidget(buttons)
        self.setMinimumWidth(420)

    def value(self) -> str:
        return self.passphrase.text()


class ReturnDialog(QDialog):
    """Comments for returning a submitted dossier to its preparer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("returnDialog")
        self.setWindowTitle(self.tr("退回卷宗"))
        self.comment = QPlainTextEdit()
        self.comment.setObjectName("returnComment")
        self.comment.setPlaceholderText(self.tr("退回意见（必填）"))
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("退回"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("卷宗将退回编制人，状态变为草稿。")))
        lay.addWidget(self.comment)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        self.setMinimumWidth(440)

    def text(self) -> str:
        return self.comment.toPlainText().strip()

    def _ok(self) -> None:
        if not self.text():
            self.error.setText(self.tr("请填写退回意见。"))
            return
        self.accept()
