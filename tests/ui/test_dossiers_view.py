"""The dossiers view with real widgets: compile with progress, preview, submit, return,
approve, export; screenshots in both languages."""
from __future__ import annotations

import random

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.support.dossier_data import seed
from tests.support.screens import has_ink, save_screenshot
from tests.support.stores import PASSPHRASES
from workstation.services import dossier_service as ds
from workstation.services import signing
from workstation.ui.views.dossiers_view import DossiersView


def _view(ctx, qtbot) -> DossiersView:
    v = DossiersView(ctx)
    qtbot.addWidget(v)
    v.resize(1366, 760)
    v.show()
    qtbot.waitExposed(v)
    return v


def _idle(view, qtbot) -> None:
    qtbot.waitUntil(lambda: not view.ctx.runner.busy, timeout=30000)


def test_compile_submit_return_approve_in_the_gui(ws, as_user, make_ctx, qtbot, tmp_path):
    seed(ws, random.Random(5))
    rv = as_user("reviewer")
    view = _view(make_ctx(rv), qtbot)
    _idle(view, qtbot)
    assert view.table.rowCount() == 0 and "尚无卷宗" in view.details.text()
    assert not view.submit_btn.isEnabled() and not view.approve_btn.isEnabled()

    qtbot.mouseClick(view.compile_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.dialog is not None and view.dialog.isVisible(), timeout=10000)
    dlg = view.dialog
    assert dlg.institution.currentData() == "H41070001"  # the institution with the most findings
    dlg.accept()
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=30000)
    _idle(view, qtbot)
    qtbot.waitUntil(lambda: view.page_count > 0, timeout=10000)
    d = view.current()
    assert d.status == "draft" and view.table.item(0, 3).text() == "草稿"
    assert view.page_label.text() == f"第 1 页 共 {d.pages} 页"
    assert not view.image.pixmap().isNull()
    qtbot.mouseClick(view.next_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.page == 1, timeout=10000)
    assert save_screenshot(view, "dossiers_draft_zh_CN") and has_ink(save_screenshot(view, "dossiers_draft_zh_CN"))

    # submit with a wrong passphrase: an error, nothing signed
    assert view.submit_btn.isEnabled() and not view.approve_btn.isEnabled()
    qtbot.mouseClick(view.submit_btn, Qt.MouseButton.LeftButton)
    view.dialog.passphrase.setText("wrong")
    view.dialog.accept()
    qtbot.waitUntil(lambda: view.findChild(QMessageBox, "errorBox") is not None, timeout=10000)
    _idle(view, qtbot)
    assert ds.get(rv, d.id).status == "draft"
    box = view.findChild(QMessageBox, "errorBox")
    assert box is not None and "口令" in box.text()
    box.close()
    box.deleteLater()
    qtbot.waitUntil(lambda: view.findChild(QMessageBox, "errorBox") is None, timeout=5000)

    qtbot.mouseClick(view.submit_btn, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(view.dialog.passphrase, PASSPHRASES["reviewer"])
    view.dialog.accept()
    qtbot.waitUntil(lambda: view.current() is not None and view.current().status == "submitted", timeout=30000)
    assert "已签名提交" in view.status.text()

    # the supervisor returns it with a comment, then the reviewer resubmits and the supervisor approves
    sv = as_user("supervisor")
    sview = _view(make_ctx(sv), qtbot)
    _idle(sview, qtbot)
    assert sview.approve_btn.isEnabled() and sview.return_btn.isEnabled()
    qtbot.mouseClick(sview.return_btn, Qt.MouseButton.LeftButton)
    sview.dialog.comment.setPlainText("请补充第 1 项的证据说明")
    sview.dialog.accept()
    qtbot.waitUntil(lambda: sview.current() is not None and sview.current().status == "draft", timeout=30000)
    assert "请补充第 1 项的证据说明" in sview.details.text()

    view.reload()
    _idle(view, qtbot)
    qtbot.mouseClick(view.submit_btn, Qt.MouseButton.LeftButton)
    view.dialog.passphrase.setText(PASSPHRASES["reviewer"])
    view.dialog.accept()
    qtbot.waitUntil(lambda: view.current().status == "submitted", timeout=30000)

    sview.reload()
    _idle(sview, qtbot)
    qtbot.mouseClick(sview.approve_btn, Qt.MouseButton.LeftButton)
    sview.dialog.passphrase.setText(PASSPHRASES["supervisor"])
    sview.dialog.accept()
    qtbot.waitUntil(lambda: sview.current().status == "locked", timeout=30000)
    _idle(sview, qtbot)
    assert sview.table.item(0, 3).text() == "已审批锁定" and sview.table.item(0, 5).text() == "supervisor"
    assert sview.revise_btn.isEnabled() and not sview.approve_btn.isEnabled()

    # export the signed PDF and the CA certificate; Party A's check passes
    pdf, pem = tmp_path / "out.pdf", tmp_path / "ca.pem"
    sview.export_to(pdf)
    sview.export_ca_to(pem)
    _idle(sview, qtbot)
    qtbot.waitUntil(lambda: pdf.exists() and pem.exists(), timeout=10000)
    res = signing.verify_pdf(pdf.read_bytes(), pem.read_text())
    assert res.valid and len(res.signers) == 2
    sview.show_page(d.pages - 1)  # the signatures page, with both visible signatures
    qtbot.waitUntil(lambda: sview.page == d.pages - 1, timeout=10000)
    assert has_ink(save_screenshot(sview, "dossiers_locked_signatures_zh_CN"))


def test_english_screenshot(ws, as_user, make_ctx, qtbot):
    seed(ws, random.Random(6), settlements=20, reviewed=10, findings=3)
    rv = as_user("reviewer", "en")
    ds.build(rv, institution="H41070001")
    view = _view(make_ctx(rv, "en"), qtbot)
    _idle(view, qtbot)
    qtbot.waitUntil(lambda: view.page_count > 0, timeout=10000)
    assert view.compile_btn.text() == "Compile dossier…"
    assert view.table.item(0, 3).text() == "Draft"
    assert view.page_label.text().startswith("Page 1 of")
    assert has_ink(save_screenshot(view, "dossiers_en"))
