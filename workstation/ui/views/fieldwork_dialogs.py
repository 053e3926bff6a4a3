"""Dialogs of the field-work view: package passphrase, typed purge confirmation."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout,
    QWidget,
)


class PassphraseDialog(QDialog):
    """Asks for a package passphrase (twice when it protects a new file)."""

    def __init__(self, title: str, *, confirm: bool, login: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("packagePassphraseDialog")
        self.setWindowTitle(title)
        self.first, self.second = QLineEdit(), QLineEdit()
        for name, e in (("passFirst", self.first), ("passSecond", self.second)):
            e.setObjectName(name)
            e.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setObjectName("passError")
        self.error.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        form.addRow(self.tr("您的登录口令") if login else self.tr("工作包口令"), self.first)
        self.confirm = confirm
        if confirm:
            form.addRow(self.tr("再次输入"), self.second)
        if login:
            hint = QLabel(self.tr("恢复后将用您的账户打开新数据库并校验事件日志。"))
        else:
            hint = QLabel(self.tr("口令请通过另一渠道（当面或电话）告知接收人，不要与文件一起发送。")
                          if confirm else self.tr("请输入发送人告知的工作包口令。"))
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(hint)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        self.setMinimumWidth(420)

    def passphrase(self) -> str:
        return self.first.text()

    def _ok(self) -> None:
        if not self.first.text():
            self.error.setText(self.tr("口令不能为空"))
            return
        if self.confirm and self.first.text() != self.second.text():
            self.error.setText(self.tr("两次输入的口令不一致"))
            return
        self.accept()


class PurgeDialog(QDialog):
    """Typed confirmation (the store file's name without extension) and where to save the certificate."""

    def __init__(self, expected: str, default_certificate: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("purgeDialog")
        self.setWindowTitle(self.tr("项目结束：删除全部数据"))
        self.expected = expected
        warn = QLabel(self.tr(
            "此操作将永久删除本数据库、其日志文件、密钥槽、备份文件夹中的所有备份、证据缓存以及本机密钥环中的条目，"
            "无法撤销。删除后将生成删除证明 PDF。"))
        warn.setWordWrap(True)
        warn.setStyleSheet("color: #b00020; font-weight: bold;")
        ask = QLabel(self.tr("请输入数据库文件名（不含扩展名）以确认：<b>{name}</b>").format(name=expected))
        ask.setWordWrap(True)
        self.typed = QLineEdit()
        self.typed.setObjectName("purgeConfirm")
        self.certificate = QLineEdit(default_certificate)
        self.certificate.setObjectName("purgeCertificate")
        browse = QPushButton(self.tr("选择…"))
        browse.setObjectName("purgeBrowse")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.certificate, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("确认文字"), self.typed)
        form.addRow(self.tr("删除证明保存到"), row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("永久删除"))
        self.ok_button.setObjectName("purgeOk")
        self.ok_button.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.typed.textChanged.connect(self._check)
        self.certificate.textChanged.connect(self._check)
        lay = QVBoxLayout(self)
        lay.addWidget(warn)
        lay.addWidget(ask)
        lay.addLayout(form)
        lay.addWidget(self.buttons)
        self.setMinimumWidth(560)

    def _check(self) -> None:
        self.ok_button.setEnabled(self.typed.text().strip() == self.expected and bool(self.certificate.text().strip()))

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("删除证明保存到"), self.certificate.text(), "PDF (*.pdf)")
        if path:
            self.certificate.setText(path)
