from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit

from tests.support.screens import has_ink, save_screenshot
from tests.support.stores import PASSPHRASES
from workstation.ui.login_dialog import LoginDialog
from workstation.ui.prefs import Prefs


def _login_dialog(ws, runner, translations, qtbot, lang):
    translations.set_language(lang)
    dlg = LoginDialog(Prefs(), runner, translations, db=ws.store.path)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def test_login_by_keyboard(ws, runner, translations, qtbot):
    dlg = _login_dialog(ws, runner, translations, qtbot, "zh_CN")
    qtbot.keyClicks(dlg.user_edit, "reviewer")
    qtbot.keyClicks(dlg.pass_edit, "wrong")
    qtbot.keyClick(dlg.pass_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "口令错误" in dlg.error.text(), timeout=5000)
    assert dlg.result() != QDialog.DialogCode.Accepted
    dlg.pass_edit.clear()
    qtbot.keyClicks(dlg.pass_edit, PASSPHRASES["reviewer"])
    with qtbot.waitSignal(dlg.accepted, timeout=5000):
        qtbot.keyClick(dlg.pass_edit, Qt.Key.Key_Return)
    assert dlg.workspace.user.name == "reviewer"
    dlg.workspace.close()


def test_login_dialog_screenshots(ws, runner, translations, qtbot):
    for lang in ("zh_CN", "en"):
        dlg = _login_dialog(ws, runner, translations, qtbot, lang)
        dlg.user_edit.setText("reviewer")
        path = save_screenshot(dlg, f"login_{lang}")
        assert has_ink(path)
        title = dlg.windowTitle()
        assert ("登录" in title) if lang == "zh_CN" else ("Sign in" in title)
        dlg.close()


def test_main_window_screenshots_in_both_languages(main_window, translations, qtbot):
    main_window.resize(1366, 768)
    path = save_screenshot(main_window, "main_window_zh_CN")
    assert has_ink(path)
    assert main_window.rail.item(0).text() == "首页"  # the home screen is the first view (#19)
    assert main_window.rail.item(1).text() == "审核队列"
    settings = main_window.show_view("settings")
    settings.lang_box.setCurrentIndex(1)  # English, switched at runtime
    qtbot.waitUntil(lambda: main_window.rail.item(1).text() == "Review queue", timeout=3000)
    assert "User:" in main_window.user_label.text()
    main_window.show_view("queue")
    save_screenshot(main_window, "main_window_en")
    settings.lang_box.setCurrentIndex(0)
    qtbot.waitUntil(lambda: main_window.rail.item(1).text() == "审核队列", timeout=3000)


def test_every_nav_entry_opens_a_view(main_window):
    for row in range(main_window.rail.count()):
        main_window.rail.setCurrentRow(row)
        assert main_window.stack.currentIndex() == row


def test_idle_lock_keeps_unsaved_input(main_window, qtbot):
    # Something typed but not yet saved, in a view.
    view = main_window.show_view("settings")
    scratch = QLineEdit(view)
    scratch.setObjectName("scratch")
    scratch.show()
    qtbot.keyClicks(scratch, "unsaved draft")  # QtTest types ASCII only
    main_window.idle.set_interval_ms(150)
    qtbot.waitUntil(lambda: main_window.locked, timeout=5000)
    dlg = main_window.lock_dialog
    assert not main_window.centralWidget().isVisible()
    assert not dlg.user_edit.isEnabled() and dlg.user_edit.text() == "admin"
    qtbot.keyClicks(dlg.pass_edit, "not-it")
    qtbot.keyClick(dlg.pass_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dlg.pass_edit.isEnabled(), timeout=5000)  # the passphrase is checked on the worker
    assert main_window.locked and dlg.error.text()
    dlg.pass_edit.clear()
    qtbot.keyClicks(dlg.pass_edit, PASSPHRASES["admin"])
    qtbot.keyClick(dlg.pass_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not main_window.locked, timeout=5000)
    assert main_window.centralWidget().isVisible()
    assert view.findChild(QLineEdit, "scratch").text() == "unsaved draft"
    main_window.idle.set_minutes(10)


def test_new_passphrase_dialogs_validate_before_accepting(qtbot):
    from workstation.ui.login_dialog import NewStoreDialog
    from workstation.ui.views.settings_view import AddUserDialog

    dlg = AddUserDialog()
    qtbot.addWidget(dlg)
    dlg._ok()
    assert dlg.error.text() == "请输入用户名。" and dlg.result() != QDialog.DialogCode.Accepted
    dlg.name.setText("zhang")
    dlg.p1.setText("short")
    dlg.p2.setText("short")
    dlg._ok()
    assert "8" in dlg.error.text()
    dlg.p1.setText("long enough")
    dlg.p2.setText("long enougH")
    dlg._ok()
    assert dlg.error.text() == "两次输入的口令不一致。"
    dlg.p2.setText("long enough")
    dlg._ok()
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert dlg.values() == ("zhang", "reviewer", "long enough")

    new = NewStoreDialog()
    qtbot.addWidget(new)
    new.p1.setText("long enough")
    new.p2.setText("long enough")
    new._ok()
    assert new.error.text() == "请填写文件位置和管理员用户名。"
    new.path.setText("/tmp/x.db")
    new._ok()
    assert new.result() == QDialog.DialogCode.Accepted
