"""Creating a store from the login dialog and adding a user from the settings view run on the task runner
(scrypt, key generation and SQL off the GUI thread; the guard would fail these tests otherwise)."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog

from workstation.services import auth_service, signing
from workstation.ui.login_dialog import LoginDialog
from workstation.ui.prefs import Prefs


def test_new_store_from_the_login_dialog(tmp_path, runner, translations, qtbot):
    dlg = LoginDialog(Prefs(), runner, translations, db=tmp_path / "other.db")
    qtbot.addWidget(dlg)
    path = tmp_path / "new.db"
    with qtbot.waitSignal(dlg.accepted, timeout=10000):
        dlg.create_store(path, "boss", "long enough")
    ws = dlg.workspace
    try:
        assert ws.user.name == "boss" and dlg.db_edit.text() == str(path)
        assert signing.has_ca(ws) and signing.identity_certificate(ws, "boss") is not None
    finally:
        ws.close()
    assert dlg.result() == QDialog.DialogCode.Accepted


def test_a_store_that_exists_is_not_overwritten_and_the_dialog_stays(ws, runner, translations, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    dlg = LoginDialog(Prefs(), runner, translations, db=ws.store.path)
    qtbot.addWidget(dlg)
    handle = dlg.create_store(ws.store.path, "boss", "long enough")
    qtbot.waitUntil(lambda: handle.done, timeout=10000)
    assert shown and "已存在" in shown[0] and dlg.workspace is None and dlg.buttons.isEnabled()


def test_add_user_from_settings(ws, make_ctx, qtbot):
    from workstation.ui.views.settings_view import SettingsView

    view = SettingsView(make_ctx(ws))
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.users.rowCount() == 4, timeout=5000)
    handle = view.add_user("zhang", "reviewer", "long enough")
    qtbot.waitUntil(lambda: view.users.rowCount() == 5, timeout=10000)
    assert handle.error is None
    assert "zhang" in [view.users.item(r, 0).text() for r in range(view.users.rowCount())]
    assert signing.identity_certificate(ws, "zhang") is not None  # issued with the user, one transaction
    zhang = auth_service.unlock(ws.store.path, "zhang", "long enough")
    try:
        assert zhang.user.name == "zhang"
    finally:
        zhang.close()
