"""Undo by keyboard, the appeals list and the second-review panel, through real widgets."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from sqlalchemy import update

from tests.support.review_data import seed_units
from tests.ui.test_queue_view import idle, make_view
from workstation.services import appeals_service as ap
from workstation.services import review_service as rs
from workstation.services import second_review_service as sr
from workstation.store.models.review import ReviewUnitRow

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_undo_by_keyboard_until_submitted(ws, as_user, make_ctx, qtbot):
    data = seed_units(ws, n=2, lines=5)
    rev = as_user("reviewer")
    ctx = make_ctx(rev)
    view = make_view(qtbot, ctx)
    uid = view.record.info.id
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    idle(qtbot, ctx)
    fee = view.record.detail.table
    qtbot.keyClick(fee, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(fee, Qt.Key.Key_F)
    idle(qtbot, ctx)
    qtbot.keyClick(fee, Qt.Key.Key_V, CTRL_SHIFT)
    idle(qtbot, ctx)
    assert rs.unit(rev, uid).status == "violation"
    qtbot.keyClick(fee, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    idle(qtbot, ctx)
    assert rs.unit(rev, uid).status == "in_progress" and view.record.info.status == "in_progress"
    qtbot.keyClick(fee, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    idle(qtbot, ctx)
    assert rs.unit(rev, uid).findings == [] and view.record.findings.count() == 0
    # decide, submit: undo is closed
    qtbot.keyClick(fee, Qt.Key.Key_C, CTRL_SHIFT)
    idle(qtbot, ctx)
    qtbot.keyClick(fee, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    idle(qtbot, ctx)
    assert rs.unit(rev, uid).submitted and not view.record.btn_undo.isEnabled()
    qtbot.keyClick(fee, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    idle(qtbot, ctx)
    info = rs.unit(rev, uid)
    assert info.status == "compliant" and info.submitted and not info.can_undo
    assert not view.record.editor.isEnabled() or view.record.editor.basis.isReadOnly()


def test_appeals_list_answer_and_silence(ws, as_user, make_ctx, qtbot):
    data = seed_units(ws, n=2, lines=3)
    rev = as_user("reviewer")
    ids = []
    for k, uid in enumerate(data["units"]):
        fid = rs.create_finding(rev, uid, data["lines"][uid][:1], "over_standard", status="doubtful")
        rs.decide_unit(rev, uid, "doubtful")
        sent = dt.date.today() - dt.timedelta(days=60) if k == 0 else dt.date.today()
        ids.append(ap.send(rev, fid, working_days=10, sent_on=sent))
    ctx = make_ctx(rev)
    view = make_view(qtbot, ctx)
    view.tabs.setCurrentIndex(1)
    idle(qtbot, ctx)
    panel = view.appeals
    # opening the list settled the overdue one: silence = accepted
    assert [a.id for a in panel.items] == [ids[1]] and panel.table.rowCount() == 1
    assert rs.unit(rev, data["units"][0]).status == "violation"
    assert int(panel.table.item(0, 7).text()) == ap.list_appeals(rev)[1].days_left
    panel.table.selectRow(0)
    panel.answer_current()
    dlg = panel.answer_dialog
    dlg.text.setPlainText("医嘱与病历齐全，附说明")
    dlg.outcome.setCurrentIndex(dlg.outcome.findData("withdrawn"))
    dlg.accept()
    idle(qtbot, ctx)
    assert panel.items == []
    a = next(x for x in ap.list_appeals(rev) if x.id == ids[1])
    assert (a.status, a.outcome) == ("answered", "withdrawn")
    assert rs.unit(rev, data["units"][1]).status == "compliant"


def test_second_review_panel(ws, as_user, make_ctx, qtbot):
    data = seed_units(ws, n=25, lines=2, setl_type="2")
    rev = as_user("reviewer")
    for uid in data["units"]:
        rs.decide_unit(rev, uid, "compliant")
        rs.submit_unit(rev, uid)
    quarter = sr.quarter_of(dt.date.today())
    sup = as_user("supervisor")
    ctx = make_ctx(sup)
    view = make_view(qtbot, ctx)
    view.tabs.setCurrentIndex(2)
    idle(qtbot, ctx)
    panel = view.second
    panel.reviewer.setCurrentText("reviewer")
    panel.quarter.setText(quarter)
    panel.seed.clear()
    qtbot.keyClicks(panel.seed, "20250331")
    qtbot.mouseClick(panel.draw_btn, Qt.MouseButton.LeftButton)
    idle(qtbot, ctx)
    assert panel.table.rowCount() == 3  # ceil(25 × 10%)
    panel.table.selectRow(0)
    qtbot.mouseClick(panel.agree_btn, Qt.MouseButton.LeftButton)
    idle(qtbot, ctx)
    assert sr.pass_rate(sup, quarter) == (1, 1, 1)
    assert "1 / 1" in panel.rate.text()
