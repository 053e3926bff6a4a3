"""设置 settings: language, auto-lock, this computer's keyring, users, store checks."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox, QDialog, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QMessageBox, QPushButton, QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from ...core.identity import ROLE_LABELS, Role
from ...services import audit_service, auth_service, secrets_keyring, settings_service
from ..credentials_dialog import CredentialsDialog
from ..errors import show_error
from .base import View
from ...core.changes import Area, Changes

IDLE_KEY = "ui.idle_lock_minutes"
DEFAULT_IDLE_MINUTES = 10


def idle_minutes(ws) -> int:
    """The auto-lock setting (reads the store: call it inside a ctx.run job)."""
    return int(settings_service.get(ws, IDLE_KEY, DEFAULT_IDLE_MINUTES))


class SettingsView(View):
    view_id = "settings"

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        ws = ctx.ws
        self.general = QGroupBox()
        self.lang_box = QComboBox()
        self.lang_box.setObjectName("langBox")
        self.lang_box.addItem("中文", "zh_CN")
        self.lang_box.addItem("English", "en")
        self.lang_box.setCurrentIndex(1 if ctx.lang == "en" else 0)
        self.idle = QSpinBox()
        self.idle.setObjectName("idleSpin")
        self.idle.setRange(1, 240)
        self.idle.setValue(DEFAULT_IDLE_MINUTES)  # the stored value follows from _load
        self.idle.setEnabled(ws.user.is_admin)
        self.keyring_label = QLabel()
        self.keyring_label.setWordWrap(True)
        self.forget_btn = QPushButton()
        self.gform = QFormLayout(self.general)
        self.gform.addRow("lang", self.lang_box)
        self.gform.addRow("idle", self.idle)
        krow = QHBoxLayout()
        krow.addWidget(self.keyring_label, 1)
        krow.addWidget(self.forget_btn)
        self.gform.addRow("keyring", krow)

        self.users_box = QGroupBox()
        self.users = QTableWidget(0, 3)
        self.users.setObjectName("usersTable")
        self.users.verticalHeader().setVisible(False)
        self.users.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.users.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.add_user_btn = QPushButton()
        self.remove_user_btn = QPushButton()
        for b in (self.add_user_btn, self.remove_user_btn):
            b.setEnabled(ws.user.is_admin)
        ulay = QVBoxLayout(self.users_box)
        ulay.addWidget(self.users)
        brow = QHBoxLayout()
        brow.addWidget(self.add_user_btn)
        brow.addWidget(self.remove_user_btn)
        brow.addStretch(1)
        ulay.addLayout(brow)

        self.store_box = QGroupBox()
        self.store_label = QLabel()
        self.store_label.setWordWrap(True)
        self.verify_btn = QPushButton()
        self.verify_result = QLabel()
        slay = QVBoxLayout(self.store_box)
        slay.addWidget(self.store_label)
        vrow = QHBoxLayout()
        vrow.addWidget(self.verify_btn)
        vrow.addWidget(self.verify_result, 1)
        slay.addLayout(vrow)

        lay = QVBoxLayout(self)
        lay.addWidget(self.general)
        lay.addWidget(self.users_box, 1)
        lay.addWidget(self.store_box)

        self.lang_box.currentIndexChanged.connect(self._lang)
        self.idle.editingFinished.connect(self._idle)
        self.forget_btn.clicked.connect(self._forget)
        self.add_user_btn.clicked.connect(self._add_user)
        self.remove_user_btn.clicked.connect(self._remove_user)
        self.verify_btn.clicked.connect(self._verify)
        self._users: list = []
        self.retranslate()
        self._load(with_idle=True)

    def nav_title(self) -> str:
        return self.tr("设置")

    def retranslate(self) -> None:
        ws = self.ctx.ws
        self.general.setTitle(self.tr("常规"))
        for row, text in enumerate([self.tr("界面语言"), self.tr("无操作自动锁定（分钟）"), self.tr("系统密钥环")]):
            item = self.gform.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if item and item.widget():
                item.widget().setText(text)
        self.keyring_label.setText(
            self.tr("可用：登录时可选择在此电脑上记住。") if secrets_keyring.available()
            else self.tr("本机没有可用的系统密钥环，每次登录都需要输入口令。"))
        self.forget_btn.setText(self.tr("忘记此电脑上保存的密钥"))
        self.users_box.setTitle(self.tr("用户"))
        self.users.setHorizontalHeaderLabels([self.tr("用户名"), self.tr("角色"), self.tr("状态")])
        self.add_user_btn.setText(self.tr("添加用户…"))
        self.remove_user_btn.setText(self.tr("停用所选用户"))
        self.store_box.setTitle(self.tr("数据库"))
        self.store_label.setText(self.tr("文件：{path}\n数据库标识：{sid}").format(path=str(ws.store.path), sid=ws.store_id))
        self.verify_btn.setText(self.tr("校验事件日志"))
        self._show_users()

    def _load(self, *, with_idle: bool = False) -> None:
        """Read the users (and the auto-lock minutes) on the database worker."""
        ws = self.ctx.ws

        def job(progress):
            return auth_service.list_users(ws), (idle_minutes(ws) if with_idle else None)

        self.ctx.run(job, name="settings.load", on_success=self._loaded,
                     on_failure=lambda e: show_error(self, e, self.ctx.lang))

    def _loaded(self, result) -> None:
        self._users, minutes = result
        if minutes is not None:
            self.idle.setValue(minutes)
        self._show_users()

    def _show_users(self) -> None:
        users = self._users
        self.users.setRowCount(len(users))
        for i, u in enumerate(users):
            self.users.setItem(i, 0, QTableWidgetItem(u.name))
            self.users.setItem(i, 1, QTableWidgetItem(ROLE_LABELS[u.role].render(self.ctx.lang)))
            self.users.setItem(i, 2, QTableWidgetItem(self.tr("启用") if u.active else self.tr("已停用")))

    def _lang(self) -> None:
        lang = self.lang_box.currentData()
        self.ctx.prefs.lang = lang
        self.ctx.ws.lang = lang
        self.ctx.translations.set_language(lang)

    def _idle(self) -> None:
        ws, minutes = self.ctx.ws, self.idle.value()
        self.ctx.run(lambda p: settings_service.put(ws, IDLE_KEY, minutes), name="settings.idle",
                     changes=Changes.of(Area.SETTINGS), on_failure=lambda e: show_error(self, e, self.ctx.lang))

    def _forget(self) -> None:
        ws = self.ctx.ws
        self.ctx.run(lambda p: auth_service.forget_on_this_computer(ws), name="settings.forget",
                     on_success=lambda _: QMessageBox.information(
                         self, self.tr("已忘记"), self.tr("此电脑上不再保存该用户的密钥。")),
                     on_failure=lambda e: show_error(self, e, self.ctx.lang))

    def _add_user(self) -> None:
        dlg = AddUserDialog(self)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return
        self.add_user(*dlg.values())

    def add_user(self, name: str, role: str, passphrase: str):
        """Add the user (key slot, scrypt and signing identity on the worker); the list follows."""
        ws = self.ctx.ws

        def failed(exc) -> None:
            show_error(self, exc, self.ctx.lang)
            self._load()

        return self.ctx.run(lambda p: auth_service.add_user(ws, name, role, passphrase), name="settings.add_user",
                            on_success=lambda _: self._load(), on_failure=failed, changes=Changes.of(Area.USERS))

    def _remove_user(self) -> None:
        row = self.users.currentRow()
        if row < 0:
            return
        name = self.users.item(row, 0).text()
        if QMessageBox.question(self, self.tr("停用用户"), self.tr("停用用户 {name}？其密钥槽将被删除。").format(name=name)) \
                != QMessageBox.StandardButton.Yes:
            return
        ws = self.ctx.ws

        def failed(exc) -> None:
            show_error(self, exc, self.ctx.lang)
            self._load()

        self.ctx.run(lambda p: auth_service.remove_user(ws, name), name="settings.remove_user",
                     on_success=lambda _: self._load(), on_failure=failed, changes=Changes.of(Area.USERS))

    def _verify(self) -> None:
        def done(check) -> None:
            if check.valid:
                self.verify_result.setText(self.tr("完好：共 {n} 条事件，链条连续。").format(n=check.events))
                self.verify_result.setStyleSheet("color: #1b5e20;")
            else:
                self.verify_result.setText(self.tr("损坏：第 {n} 条事件不符！").format(n=check.first_bad_event))
                self.verify_result.setStyleSheet("color: #b00020; font-weight: bold;")

        self.ctx.run(lambda p: audit_service.verify(self.ctx.ws), on_success=done,
                     on_failure=lambda e: show_error(self, e, self.ctx.lang))


class AddUserDialog(CredentialsDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("添加用户"))
        self.name = QLineEdit()
        self.role = QComboBox()
        for label, role in ((self.tr("审核员"), Role.REVIEWER), (self.tr("审核组长"), Role.SUPERVISOR),
                            (self.tr("管理员"), Role.ADMIN)):
            self.role.addItem(label, role.value)
        self.form.addRow(self.tr("用户名"), self.name)
        self.form.addRow(self.tr("角色"), self.role)
        self._finish_layout()

    def _other_problem(self) -> str | None:
        return self.tr("请输入用户名。") if not self.name.text().strip() else None

    def values(self) -> tuple[str, str, str]:
        return self.name.text().strip(), self.role.currentData(), self.p1.text()
