"""The 数据与外勤 view with real widgets: export, merge with a conflict resolved, backup, purge dialog."""
from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QMainWindow

from tests.support.review_data import seed_units
from tests.support.screens import has_ink, save_screenshot
from tests.support.stores import FAST_KDF, PASSPHRASES
from workstation.services import auth_service, package_service
from workstation.services import review_service as rs
from workstation.ui.views.fieldwork_view import FieldworkView

PKG = "ui-package-pass"


def _wait(qtbot, handle):
    qtbot.waitUntil(lambda: handle.done, timeout=30000)
    assert handle.error is None, handle.error
    return handle.result


def _view(qtbot, ctx):
    win = QMainWindow()
    view = FieldworkView(ctx)
    win.setCentralWidget(view)
    qtbot.addWidget(win)
    win.resize(1100, 820)
    win.show()
    qtbot.waitExposed(win)
    return win, view


def test_supervisor_exports_merges_and_resolves(ws, as_user, make_ctx, qtbot, tmp_path):
    data = seed_units(ws, n=3, lines=3, reviewer="reviewer")
    rev = as_user("reviewer")
    fid = rs.create_finding(rev, data["units"][0], data["lines"][data["units"][0]][:1], "duplicate_charge", note="a")
    sup = as_user("supervisor")
    win, view = _view(qtbot, make_ctx(sup))
    qtbot.waitUntil(lambda: view.user_box.count() == 1, timeout=10000)
    assert view.reminder.isVisible() and "备份" in view.reminder.text()
    assert not view.purge_btn.isEnabled()  # supervisors do not purge

    work = tmp_path / "w.wspkg"
    r = _wait(qtbot, view.export_work(work, PKG, [view.user_box.currentData()], None,
                                      dt.date.today() + dt.timedelta(days=10)))
    assert r.units == 3 and work.exists()
    qtbot.waitUntil(lambda: "已导出工作包" in view.status.text())

    laptop = auth_service.create_store(tmp_path / "laptop.db", "reviewer", "lp", kdf=FAST_KDF)
    try:
        package_service.import_package(laptop, work, PKG)
        with laptop.store.read() as s:
            from sqlalchemy import select
            from workstation.store.models.review import FindingRow

            lf = s.execute(select(FindingRow.id)).scalar_one()
        rs.update_finding(laptop, lf, note="laptop version")
        package_service.export_results(laptop, tmp_path / "r.wspkg", PKG)
    finally:
        laptop.close()
    rs.update_finding(sup, fid, note="office version")

    _wait(qtbot, view.merge(tmp_path / "r.wspkg", PKG))
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=10000)
    assert "office version" in view.table.item(0, 3).text() and "laptop version" in view.table.item(0, 4).text()
    view.table.selectRow(0)
    assert view.take_remote_btn.isEnabled()
    shot = save_screenshot(win, "fieldwork-conflict")
    assert has_ink(shot)
    view.take_remote_btn.click()
    qtbot.waitUntil(lambda: view.table.rowCount() == 0, timeout=10000)
    assert rs.unit(sup, data["units"][0]).findings[0].note == "laptop version"

    _wait(qtbot, view.backup_now(tmp_path / "b.wsbak"))
    qtbot.waitUntil(lambda: not view.reminder.isVisible(), timeout=10000)
    assert "天前" in view.backup_age.text()


def test_admin_purge_dialog_needs_the_typed_name(ws, make_ctx, qtbot, tmp_path, memory_keyring):
    win, view = _view(qtbot, make_ctx(ws, "en"))
    assert view.purge_btn.isEnabled()
    dlg = view.open_purge()
    assert not dlg.ok_button.isEnabled()
    dlg.typed.setText("store.db")
    assert not dlg.ok_button.isEnabled()
    dlg.typed.setText("store")
    cert = tmp_path / "certs" / "deleted.pdf"
    dlg.certificate.setText(str(cert))
    assert dlg.ok_button.isEnabled()
    save_screenshot(dlg, "fieldwork-purge-dialog-en")
    save_screenshot(win, "fieldwork-view-en")
    store = ws.store.path
    dlg.ok_button.click()
    qtbot.waitUntil(lambda: cert.exists() and view.dialog is not dlg, timeout=30000)
    assert not store.exists() and not (store.parent / "store.db.keys").exists()
    assert str(cert) in view.status.text()


def test_reminder_in_the_main_window_status_bar_at_login(main_window, qtbot):
    """All views are built at login, so the reminder reaches the status bar without opening the view."""
    qtbot.waitUntil(lambda: "备份" in main_window.statusBar().currentMessage(), timeout=10000)
    view = main_window.show_view("fieldwork")
    qtbot.waitUntil(lambda: view.reminder.isVisible(), timeout=10000)
    save_screenshot(main_window, "fieldwork-main-window")


def test_reviewer_is_not_reminded_and_cannot_back_up(as_user, make_ctx, qtbot):
    win, view = _view(qtbot, make_ctx(as_user("reviewer")))
    qtbot.waitUntil(lambda: hasattr(view, "_choices"), timeout=10000)  # the first load has arrived
    assert not view.reminder.isVisible()
    assert not view.backup_btn.isEnabled() and not view.export_btn.isEnabled() and not view.purge_btn.isEnabled()
    assert view.import_btn.isEnabled() and view.results_btn.isEnabled()
