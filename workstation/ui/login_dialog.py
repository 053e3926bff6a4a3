"""Login (and re-login after the idle lock)."""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QMessageBox, QPushButton, QVBoxLayout, QWidget,
)

from ..core.errors import WorkstationError
from ..services import auth_service
from .credentials_dialog import CredentialsDialog
from .errors import message_for
from .i18n import Translations
from .prefs import Prefs
from .tasks import TaskRunner


class LoginDialog(QDialog):
    """Asks for the store, user name and passphrase, and unlocks in the background.

    In lock mode (``locked_user`` given) only the passphrase can be typed and
    the open workspace is kept: nothing the user was typing is lost.
    """

    language_changed = Signal(str)

    def __init__(self, prefs: Prefs, runner: TaskRunner, translations: Translations, *, db: Path | None = None,
                 user: str | None = None, locked_workspace=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.prefs, self.runner, self.translations = prefs, runner, translations
        self.locked = locked_workspace
        self.workspace = None
        self._task = None

        self.title = QLabel()
        self.title.setObjectName("loginTitle")
        f = QFont(self.font())
        f.setPointSizeF(f.pointSizeF() * 1.5)
        f.setBold(True)
        self.title.setFont(f)
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)

        # Where the store is: a local file, or the office server (a URL; never a user name or password).
        self.where = QComboBox()
        self.where.setObjectName("whereBox")
        self.where.addItem("local", False)
        self.where.addItem("server", True)
        self.server_edit = QLineEdit(prefs.server_url)
        self.server_edit.setObjectName("serverEdit")
        self.server_edit.setPlaceholderText("postgresql://db.office.lan/project?sslmode=verify-full&sslrootcert=ca.pem")
        self.db_edit = QLineEdit(str(db or prefs.last_db))
        self.db_edit.setObjectName("dbEdit")
        self.browse = QPushButton()
        self.new_store = QPushButton()
        db_row = QHBoxLayout()
        db_row.addWidget(self.db_edit, 1)
        db_row.addWidget(self.browse)
        db_row.addWidget(self.new_store)
        self.user_edit = QLineEdit(user or os.environ.get("WORKSTATION_USER", ""))
        self.user_edit.setObjectName("userEdit")
        self.pass_edit = QLineEdit()
        self.pass_edit.setObjectName("passEdit")
        self.pass_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox()
        self.remember.setObjectName("rememberBox")
        self.lang_box = QComboBox()
        self.lang_box.addItem("中文", "zh_CN")
        self.lang_box.addItem("English", "en")
        self.lang_box.setCurrentIndex(1 if translations.lang == "en" else 0)
        self.error = QLabel()
        self.error.setObjectName("loginError")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")

        self.form = QFormLayout()
        self.form.addRow("where", self.where)
        self.form.addRow("db", db_row)
        self.form.addRow("server", self.server_edit)
        self.form.addRow("user", self.user_edit)
        self.form.addRow("pass", self.pass_edit)
        self.form.addRow("", self.remember)
        self.form.addRow("lang", self.lang_box)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)

        self.browse.clicked.connect(self._browse)
        self.new_store.clicked.connect(self._create_store)
        self.lang_box.currentIndexChanged.connect(self._lang_changed)
        self.where.setCurrentIndex(1 if prefs.use_server and db is None else 0)
        self.where.currentIndexChanged.connect(self._where_changed)
        self._where_changed()

        if self.locked is not None:
            self.where.setCurrentIndex(1 if getattr(self.locked.store, "is_server", False) else 0)
            (self.server_edit if self.using_server() else self.db_edit).setText(str(self.locked.store.path))
            self.where.setEnabled(False)
            self.server_edit.setEnabled(False)
            self.user_edit.setText(self.locked.user.name)
            for w in (self.db_edit, self.browse, self.new_store, self.user_edit, self.remember, self.lang_box):
                w.setEnabled(False)
            self.pass_edit.setFocus()
        elif self.user_edit.text():
            self.pass_edit.setFocus()
        else:
            self.user_edit.setFocus()
        self.setMinimumWidth(560)
        self.retranslate()

    # -- text ----------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("医保审核工作站 — 登录"))
        self.title.setText(self.tr("医保审核工作站"))
        if self.locked is not None:
            self.subtitle.setText(self.tr("工作站已因长时间无操作而锁定。请输入口令继续，未保存的输入不会丢失。"))
        elif self.using_server():
            self.subtitle.setText(self.tr("连接办公室的数据库服务器；口令同时是您在服务器上的登录口令。"))
        else:
            self.subtitle.setText(self.tr("所有数据加密保存在本机，无需联网。"))
        self.where.setItemText(0, self.tr("本机数据库"))
        self.where.setItemText(1, self.tr("办公室服务器"))
        labels = [self.tr("位置"), self.tr("数据库"), self.tr("服务器地址"), self.tr("用户名"), self.tr("口令"), "",
                  self.tr("界面语言")]
        for row, text in enumerate(labels):
            item = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if item and item.widget():
                item.widget().setText(text)
        self.browse.setText(self.tr("浏览…"))
        self.new_store.setText(self.tr("新建…"))
        self.remember.setText(self.tr("在此电脑上记住（使用系统密钥环）"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("解锁") if self.locked is not None else self.tr("登录"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            self.tr("退出") if self.locked is not None else self.tr("取消"))
        demo = Path(self.db_edit.text()).name.startswith("demo") and not self.using_server()
        self.hint.setText(self.tr("演示数据库：用户 demo-reviewer、demo-supervisor 或 demo-admin，口令均为 demo。")
                          if demo and self.locked is None else "")

    def using_server(self) -> bool:
        return bool(self.where.currentData())

    def _where_changed(self) -> None:
        server = self.using_server()
        for w in (self.db_edit, self.browse, self.new_store):
            w.setVisible(not server)
        self.server_edit.setVisible(server)
        self.form.setRowVisible(1, not server)
        self.form.setRowVisible(2, server)
        self.remember.setVisible(not server)  # a server sign-in always needs the passphrase
        if server:
            self.remember.setChecked(False)
        if hasattr(self, "title") and self.title.text():
            self.retranslate()

    def _lang_changed(self) -> None:
        lang = self.lang_box.currentData()
        self.translations.set_language(lang)
        self.prefs.lang = lang
        self.retranslate()
        self.language_changed.emit(lang)

    # -- actions -------------------------------------------------------------------
    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择数据库"), self.db_edit.text(),
                                              self.tr("工作站数据库 (*.db)"))
        if path:
            self.db_edit.setText(path)
            self.retranslate()

    def _create_store(self) -> None:
        dlg = NewStoreDialog(self)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return
        self.create_store(*dlg.values())

    def create_store(self, path: Path, user: str, passphrase: str):
        """Create the store (scrypt, keys, CA and the admin's identity) on the worker, then sign in."""
        lang = self.translations.lang

        def ok(ws) -> None:
            self._set_busy(False)
            self.error.clear()
            self.db_edit.setText(str(path))
            self.user_edit.setText(user)
            self.workspace = ws
            self.prefs.last_db = Path(path)
            self.accept()

        def failed(exc) -> None:
            self._set_busy(False)
            self.error.clear()
            QMessageBox.warning(self, self.tr("无法新建数据库"), message_for(exc, lang))

        self._set_busy(True, self.tr("正在新建数据库…"))
        self._task = self.runner.run(lambda p: auth_service.create_store(path, user, passphrase, lang=lang),
                                     name="create_store", on_success=ok, on_failure=failed)
        return self._task

    def _set_busy(self, busy: bool, text: str | None = None) -> None:
        self.buttons.setEnabled(not busy)
        self.pass_edit.setEnabled(not busy)
        if busy:
            self.error.setText(text or self.tr("正在解锁…"))

    def _submit(self) -> None:
        user, passphrase = self.user_edit.text().strip(), self.pass_edit.text()
        lang = self.translations.lang
        server = self.using_server()
        if server:
            try:  # refused here, before any connection, if it holds a user name or password
                db = auth_service.server_location(self.server_edit.text())
            except WorkstationError as exc:
                self.error.setText(exc.message(lang))
                return
        else:
            db = Path(self.db_edit.text().strip())
        if not user:
            self.error.setText(self.tr("请输入用户名。"))
            return
        remember = self.remember.isChecked()

        def failed(exc) -> None:
            self._set_busy(False)
            self.error.setText(message_for(exc, lang))
            self.pass_edit.selectAll()
            self.pass_edit.setFocus()

        if self.locked is not None:
            locked = self.locked

            def unlocked(_) -> None:
                self._set_busy(False)
                self.workspace = locked
                self.accept()

            self._set_busy(True)
            self._task = self.runner.run(lambda p: locked.slots.unwrap(user, passphrase), name="unlock",
                                         on_success=unlocked, on_failure=failed)
            return

        def job(progress):
            ws = auth_service.unlock_remembered(db, user, lang=lang) if not passphrase and not server else None
            if ws is None:
                ws = auth_service.unlock(db, user, passphrase, lang=lang)
            return ws, (auth_service.remember_on_this_computer(ws) if remember else True)

        def ok(result) -> None:
            ws, remembered = result
            self._set_busy(False)
            self.workspace = ws
            self.prefs.use_server = server
            if server:
                self.prefs.server_url = db.url  # the parsed address: never a credential
            else:
                self.prefs.last_db = db
            if not remembered and not self.prefs.keyring_notice_shown:
                self.prefs.keyring_notice_shown = True
                QMessageBox.information(self, self.tr("系统密钥环不可用"), self.tr(
                    "本机没有可用的系统密钥环，无法记住口令。以后每次登录时请输入口令。"))
            self.accept()

        self._set_busy(True)
        self._task = self.runner.run(job, name="unlock", on_success=ok, on_failure=failed)


class NewStoreDialog(CredentialsDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("新建加密数据库"))
        self.path = QLineEdit()
        self.user = QLineEdit("admin")
        pick = QPushButton(self.tr("选择位置…"))
        pick.clicked.connect(self._pick)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(pick)
        self.form.addRow(self.tr("文件"), row)
        self.form.addRow(self.tr("管理员用户名"), self.user)
        self._finish_layout()

    def _pick(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("新数据库位置"), "", self.tr("工作站数据库 (*.db)"))
        if path:
            self.path.setText(path if path.endswith(".db") else path + ".db")

    def _other_problem(self) -> str | None:
        if not self.path.text().strip() or not self.user.text().strip():
            return self.tr("请填写文件位置和管理员用户名。")
        return None

    def values(self) -> tuple[Path, str, str]:
        return Path(self.path.text().strip()), self.user.text().strip(), self.p1.text()
