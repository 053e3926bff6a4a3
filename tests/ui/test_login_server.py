"""The login dialog signs in to an office server; the URL is remembered, never a password."""
from __future__ import annotations

from tests.support.screens import save_screenshot
from tests.support.stores import PASSPHRASES, new_server_store
from workstation.ui.login_dialog import LoginDialog
from workstation.ui.prefs import Prefs


def test_login_to_an_office_server(pg_cluster, pg_database, translations, runner, qtbot, tmp_path):
    server = new_server_store(pg_cluster, pg_database)
    server.close()
    url = pg_cluster.url(pg_database)
    prefs = Prefs(tmp_path / "ui.ini")
    dlg = LoginDialog(prefs, runner, translations)
    qtbot.addWidget(dlg)
    dlg.where.setCurrentIndex(1)
    assert dlg.server_edit.isVisible() is False or dlg.using_server()
    # credentials in the URL: refused on the spot, nothing remembered
    dlg.server_edit.setText(url.replace("postgresql://", "postgresql://reviewer:review-pass@"))
    dlg.user_edit.setText("reviewer")
    dlg.pass_edit.setText(PASSPHRASES["reviewer"])
    dlg._submit()
    assert dlg.error.text() and dlg.workspace is None and prefs.server_url == ""
    for lang in ("zh_CN", "en"):
        translations.set_language(lang)
        qtbot.wait(50)  # Qt's own LanguageChange renames the standard buttons first
        dlg.retranslate()
        dlg.resize(640, dlg.sizeHint().height())
        dlg.show()
        save_screenshot(dlg, f"login-server-{lang}")
    translations.set_language("zh_CN")
    dlg.server_edit.setText(url)
    dlg.pass_edit.setText("wrong")
    dlg._submit()
    qtbot.waitUntil(lambda: dlg.buttons.isEnabled() and dlg.error.text() != dlg.tr("正在解锁…"), timeout=15000)
    assert dlg.workspace is None
    dlg.pass_edit.setText(PASSPHRASES["reviewer"])
    with qtbot.waitSignal(dlg.accepted, timeout=15000):
        dlg._submit()
    ws = dlg.workspace
    try:
        assert ws.store.is_server and ws.user.name == "reviewer"
        assert prefs.server_url == url and prefs.use_server
        text = (tmp_path / "ui.ini").read_text(encoding="utf-8")
        assert PASSPHRASES["reviewer"] not in text and "reviewer" not in text
    finally:
        ws.close()
    again = LoginDialog(Prefs(tmp_path / "ui.ini"), runner, translations)  # remembered for this computer
    qtbot.addWidget(again)
    assert again.using_server() and again.server_edit.text() == url
