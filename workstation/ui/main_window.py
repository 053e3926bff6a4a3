"""The main window: navigation rail, views, status bar, idle lock."""
from __future__ import annotations

import importlib
import logging

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication, QDialog, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow, QMessageBox,
    QStackedWidget, QWidget,
)

from ..core.identity import ROLE_LABELS
from .context import UiContext
from .views import VIEWS
from .views.base import View
from .views.settings_view import DEFAULT_IDLE_MINUTES, idle_minutes
from ..core.changes import Area, Changes

log = logging.getLogger(__name__)

INPUT_EVENTS = {
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}

RAIL_STYLE = """
QListWidget#navRail { background: #1f3a5f; color: #e8eef6; border: none; outline: none; }
QListWidget#navRail::item { padding: 12px 10px; border-left: 3px solid transparent; }
QListWidget#navRail::item:selected { background: #2d5286; color: white; border-left: 3px solid #ffb300; }
QListWidget#navRail::item:hover:!selected { background: #28476f; }
"""


class IdleWatcher(QObject):
    """Counts user input application-wide; calls ``on_idle`` after the timeout."""

    def __init__(self, minutes: int, on_idle, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(on_idle)
        self._fixed = False
        self.set_minutes(minutes)
        QApplication.instance().installEventFilter(self)

    def set_minutes(self, minutes: int) -> None:
        self.timer.setInterval(max(1, int(minutes)) * 60_000)
        self.timer.start()

    def stored_minutes(self, minutes: int) -> None:
        """The setting, read from the store in the background: applied unless an interval was set meanwhile."""
        if not self._fixed:
            self.set_minutes(minutes)

    def set_interval_ms(self, ms: int) -> None:  # tests
        self._fixed = True
        self.timer.setInterval(ms)
        self.timer.start()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if event.type() in INPUT_EVENTS and self.timer.isActive():
            self.timer.start()
        return False

    def stop(self) -> None:
        self.timer.stop()
        QApplication.instance().removeEventFilter(self)


class MainWindow(QMainWindow):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.ctx = ctx
        self.locked = False
        self.rail = QListWidget()
        self.rail.setObjectName("navRail")
        self.rail.setStyleSheet(RAIL_STYLE)
        self.rail.setFixedWidth(132)
        self.rail.setIconSize(QSize(0, 0))
        self.stack = QStackedWidget()
        self.views: dict[str, View] = {}
        for view_id, module, cls_name in VIEWS:
            try:
                cls = getattr(importlib.import_module(f"{__package__}.views.{module}"), cls_name)
                view = cls(ctx)
            except Exception:
                log.exception("view %s failed to load", view_id)
                raise
            self.views[view_id] = view
            self.stack.addWidget(view)
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, view_id)
            self.rail.addItem(item)
        self.rail.currentRowChanged.connect(self._show_row)

        central = QWidget()
        lay = QHBoxLayout(central)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.rail)
        lay.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.user_label = QLabel()
        self.user_label.setObjectName("statusUser")
        self.store_label = QLabel()
        self.statusBar().addPermanentWidget(self.store_label)
        self.statusBar().addPermanentWidget(self.user_label)

        self._make_actions()
        ctx.bus.navigate.connect(self.show_view)
        ctx.bus.changes.connect(self._changed)
        ctx.runner.default_failure = self._show_error
        self.idle = IdleWatcher(DEFAULT_IDLE_MINUTES, self.lock, self)
        self._read_idle_minutes()
        from ..services.activity_service import is_shared
        from .office_watch import OfficeWatcher

        self.office_watch = OfficeWatcher(ctx, self)  # others' changes refresh the lists (office server)
        if is_shared(ctx.ws):
            self.office_watch.start()
        self.retranslate()
        self.rail.setCurrentRow(0)
        self.resize(1280, 760)

    # -- layout ------------------------------------------------------------------------
    def _make_actions(self) -> None:
        self.lock_action = QAction(self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.keys_action = QAction(self)
        self.keys_action.setShortcut(QKeySequence("F1"))
        self.keys_action.triggered.connect(self.show_shortcuts)
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self.show_about)
        self.file_menu = self.menuBar().addMenu("")
        self.file_menu.addAction(self.lock_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.help_menu = self.menuBar().addMenu("")
        self.help_menu.addAction(self.keys_action)
        self.help_menu.addAction(self.about_action)
        for i in range(len(VIEWS)):
            act = QAction(self)
            act.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            act.triggered.connect(lambda _=False, row=i: self.rail.setCurrentRow(row))
            self.addAction(act)

    def retranslate(self) -> None:
        ws = self.ctx.ws
        self.setWindowTitle(self.tr("医保审核工作站") + f" — {ws.store.path.name}")
        for row, view in enumerate(self.views.values()):
            self.rail.item(row).setText(view.nav_title())
        role = ROLE_LABELS[ws.user.role].render(self.ctx.lang)
        self.user_label.setText(self.tr("用户：{name}（{role}）").format(name=ws.user.display_name, role=role))
        self.store_label.setText(self.tr("数据库：{name}").format(name=ws.store.path.name))
        self.file_menu.setTitle(self.tr("文件(&F)"))
        self.help_menu.setTitle(self.tr("帮助(&H)"))
        self.lock_action.setText(self.tr("锁定工作站"))
        self.quit_action.setText(self.tr("退出"))
        self.keys_action.setText(self.tr("快捷键一览"))
        self.about_action.setText(self.tr("关于"))

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- navigation ----------------------------------------------------------------
    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        view = self.stack.currentWidget()
        if isinstance(view, View):
            view.activated()

    def show_view(self, view_id: str) -> View | None:
        for row, vid in enumerate(self.views):
            if vid == view_id:
                self.rail.setCurrentRow(row)
                return self.views[vid]
        return None

    def current_view(self) -> View:
        return self.stack.currentWidget()

    def _changed(self, changes: Changes) -> None:
        if changes.touches(Area.SETTINGS):
            self._read_idle_minutes()

    def _read_idle_minutes(self) -> None:
        ws = self.ctx.ws
        self.ctx.run(lambda p: idle_minutes(ws), name="settings.idle", on_success=self.idle.stored_minutes)

    def _show_error(self, exc: BaseException) -> None:
        from .errors import show_error

        show_error(self, exc, self.ctx.lang)

    # -- lock ----------------------------------------------------------------------
    def lock(self) -> None:
        """Hide the work behind the login dialog; widgets (and typed input) stay as they are."""
        if self.locked:
            return
        from .login_dialog import LoginDialog

        self.locked = True
        self.idle.timer.stop()
        self.centralWidget().setVisible(False)
        self.statusBar().showMessage(self.tr("已锁定"))
        dlg = LoginDialog(self.ctx.prefs, self.ctx.runner, self.ctx.translations, locked_workspace=self.ctx.ws,
                          parent=self)
        dlg.setObjectName("lockDialog")
        self.lock_dialog = dlg

        def finished(result: int) -> None:
            self.lock_dialog = None
            if result == QDialog.DialogCode.Accepted:
                self.locked = False
                self.centralWidget().setVisible(True)
                self.statusBar().clearMessage()
                self.idle.timer.start()
            else:
                self.close()

        dlg.finished.connect(finished)
        dlg.open()

    # -- help ----------------------------------------------------------------------
    def show_shortcuts(self) -> None:
        lines = [
            self.tr("Ctrl+1 … Ctrl+8：切换视图"),
            self.tr("Ctrl+L：锁定工作站"),
            self.tr("F1：本快捷键一览"),
        ]
        extra = getattr(self.current_view(), "shortcut_help", None)
        if callable(extra):
            lines += extra()
        QMessageBox.information(self, self.tr("快捷键一览"), "\n".join(lines))

    def show_about(self) -> None:
        from .. import __version__

        QMessageBox.about(self, self.tr("关于"), self.tr("医保审核工作站 {v}\n离线、加密的医保审核与稽核工具。").format(
            v=__version__))

    def closeEvent(self, event) -> None:  # noqa: N802
        if self.ctx.runner.busy:
            answer = QMessageBox.question(self, self.tr("后台任务进行中"),
                                          self.tr("仍有后台任务在运行。现在退出将取消它们（已完成的部分会回滚）。确定退出？"))
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        self.idle.stop()
        super().closeEvent(event)
