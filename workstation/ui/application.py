"""Starting the GUI: font, translations, login, main window."""
from __future__ import annotations

import logging
import os
import sys
import threading
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from ..core import gui_thread
from ..core.i18n import normalize_lang
from ..services import auth_service
from .context import Bus, UiContext
from .fonts import register_cjk_font
from .i18n import Translations
from .prefs import Prefs
from .tasks import TaskRunner

log = logging.getLogger(__name__)


def make_app() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("workstation")
    app.setOrganizationName("workstation")
    app.setApplicationDisplayName("医保审核工作站")
    register_cjk_font(app)
    return app


def _install_excepthook() -> None:
    previous = sys.excepthook

    def hook(kind, value, tb) -> None:
        log.critical("uncaught exception", exc_info=(kind, value, tb))
        previous(kind, value, tb)

    sys.excepthook = hook


def run(db: Path | None = None, lang: str | None = None) -> int:
    from .login_dialog import LoginDialog
    from .main_window import MainWindow

    app = make_app()
    _install_excepthook()
    if os.environ.get("WORKSTATION_GUI_GUARD"):  # developers: fail loudly on store work in the GUI thread
        gui_thread.watch(threading.get_ident())
    prefs = Prefs()
    translations = Translations(app)
    translations.set_language(normalize_lang(lang or prefs.lang))
    runner = TaskRunner()
    login = LoginDialog(prefs, runner, translations, db=db)
    if login.exec() != QDialog.DialogCode.Accepted or login.workspace is None:
        runner.shutdown()
        return 0
    ws = login.workspace
    ws.lang = translations.lang
    window = MainWindow(UiContext(ws, runner, translations, prefs, Bus()))
    window.show()
    upgrade = auth_service.schema_upgrade(ws)
    if upgrade is not None:  # the store was upgraded on opening: say where the backup taken before is
        QMessageBox.information(window, upgrade.TITLE.render(ws.lang), upgrade.message().render(ws.lang, **upgrade.params()))
    try:
        return app.exec()
    finally:
        runner.shutdown()
        ws.close()
