"""The review workspace driven through real widgets on a real encrypted store."""
from __future__ import annotations

import json

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from sqlalchemy import select

from tests.support.review_data import seed_units
from tests.support.screens import has_ink, save_screenshot
from workstation.services import review_service as rs
from workstation.services.demo.review import tiny_png
from workstation.store.models.identity import EventRow


def idle(qtbot, ctx, timeout=5000):
    qtbot.waitUntil(lambda: not ctx.runner.busy, timeout=timeout)
    qtbot.wait(150)  # the queue's open-delay timer
    qtbot.waitUntil(lambda: not ctx.runner.busy, timeout=timeout)


def make_view(qtbot, ctx):
    from workstation.ui.views.queue_view import QueueView

    view = QueueView(ctx)
    qtbot.addWidget(view)
    view.resize(1234, 700)
    view.show()
    qtbot.waitExposed(view)
    idle(qtbot, ctx)
    return view


def test_keyboard_review_on_seeded_store(ws, as_user, make_ctx, qtbot, tmp_path):
    data = seed_units(ws, n=5, lines=6)
    rev = as_user("reviewer")
    ctx = make_ctx(rev)
    view = make_view(qtbot, ctx)
    assert view.model.rowCount() == 5
    assert "0 / 5" in view.progress.text() or "0 / 5" in view.progress.format()
    view.table.setFocus()
    assert view.record.info.id == data["units"][0]  # starts at the first pending unit
    qtbot.keyClick(view.table, Qt.Key.Key_J)
    idle(qtbot, ctx)
    assert view.record.info.id == data["units"][1]
    qtbot.keyClick(view.table, Qt.Key.Key_K)
    idle(qtbot, ctx)
    assert view.record.info.id == data["units"][0]
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    idle(qtbot, ctx)
    fee = view.record.detail.table
    qtbot.waitUntil(fee.hasFocus, timeout=3000)  # Return moves the keyboard into the unit's fee lines
    view.record.detail.select_fee_lines(data["lines"][data["units"][0]][:2])
    qtbot.keyClick(fee, Qt.Key.Key_F)
    idle(qtbot, ctx)
    info = rs.unit(rev, data["units"][0])
    assert len(info.findings) == 1 and len(info.findings[0].fee_line_ids) == 2


# -- a whole review by keyboard on the demo store ---------------------------------------------
def demo_workspace(tmp_path):
    """The demo store as demo-reviewer, with a few units still pending."""
    from workstation.services.auth_service import unlock
    from workstation.services.demo import DEMO_PASSPHRASE, build_demo

    path = tmp_path / "demo.db"
    build_demo(path, size="small")
    rev = unlock(path, "demo-reviewer", DEMO_PASSPHRASE)
    pending = [i for i in rs.queue(rev).items if i.status == "pending"]
    if len(pending) < 3:  # the claims/sampling demo steps are not there: give the reviewer work
        seed_units(rev, n=4, lines=8, reviewer="demo-reviewer", prefix="KB")
    return rev


def select_two_lines_by_keyboard(qtbot, view):
    fee = view.record.detail.table
    assert fee.hasFocus()
    qtbot.keyClick(fee, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(fee, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    ids = view.record.detail.selected_fee_line_ids()
    assert len(ids) == 2
    return ids


def drop_file(widget, path):
    """A drag entering with a file URL, then the drop (handlers called directly: offscreen Qt has no drag manager)."""
    from PySide6.QtGui import QDragEnterEvent

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    pos = QPointF(widget.width() / 2, widget.height() / 2)
    enter = QDragEnterEvent(pos.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    widget.dragEnterEvent(enter)
    assert enter.isAccepted()
    ev = QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    widget.dropEvent(ev)
    assert ev.isAccepted()


def test_whole_review_by_keyboard_on_demo_store(make_ctx, qtbot, tmp_path):
    rev = demo_workspace(tmp_path)
    try:
        ctx = make_ctx(rev)
        view = make_view(qtbot, ctx)
        start = view.queue.reviewed
        view.table.setFocus()
        for _ in range(view.model.rowCount()):  # a pending unit with at least two fee lines
            if view.record.detail.model.rowCount() >= 2:
                break
            qtbot.keyClick(view.table, Qt.Key.Key_N)
            idle(qtbot, ctx)
        first = view.record.info
        assert first.status in ("pending", "in_progress") and first.assigned_to == "demo-reviewer"
        # 1: a finding on two lines with an evidence file, decided as a violation
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
        idle(qtbot, ctx)
        lines = select_two_lines_by_keyboard(qtbot, view)
        qtbot.keyClick(view.record.detail.table, Qt.Key.Key_F)
        idle(qtbot, ctx)
        editor = view.record.editor
        assert editor.finding is not None and set(editor.finding.fee_line_ids) == set(lines)
        editor.basis.setFocus()
        qtbot.keyClicks(editor.basis, "Art. 15 of the fund regulation")
        qtbot.keyClick(editor.basis, Qt.Key.Key_Tab)
        idle(qtbot, ctx)
        png = tmp_path / "record-photo.png"
        png.write_bytes(tiny_png(64, 48, (220, 120, 60)))
        drop_file(view.record.evidence, png)
        idle(qtbot, ctx)
        assert view.record.evidence.list.count() == 1
        qtbot.keyClick(view.record.detail.table, Qt.Key.Key_V,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        idle(qtbot, ctx)
        assert view.record.info.status == "violation"
        # 2: next pending unit, compliant
        qtbot.keyClick(view.record.detail.table, Qt.Key.Key_Escape)
        qtbot.keyClick(view.table, Qt.Key.Key_N)
        idle(qtbot, ctx)
        second = view.record.info
        assert second.id != first.id and second.status in ("pending", "in_progress")
        qtbot.keyClick(view.table, Qt.Key.Key_C,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        idle(qtbot, ctx)
        assert view.record.info.status == "compliant"
        # 3: next pending unit, a doubtful finding on one line, doubtful
        qtbot.keyClick(view.table, Qt.Key.Key_N)
        idle(qtbot, ctx)
        third = view.record.info
        assert third.id not in (first.id, second.id)
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
        idle(qtbot, ctx)
        qtbot.keyClick(view.record.detail.table, Qt.Key.Key_F)
        idle(qtbot, ctx)
        status = view.record.editor.status
        status.setFocus()
        qtbot.keyClick(status, Qt.Key.Key_Down)
        idle(qtbot, ctx)
        qtbot.keyClick(status, Qt.Key.Key_D,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        idle(qtbot, ctx)
        assert view.record.info.status == "doubtful"
        assert view.queue.reviewed == start + 3
        # the store says what the screen said
        u1, u2, u3 = (rs.unit(rev, u.id) for u in (first, second, third))
        assert u1.status == "violation" and len(u1.findings) == 1
        f1 = u1.findings[0]
        assert set(f1.fee_line_ids) == set(lines) and f1.basis == "Art. 15 of the fund regulation"
        assert f1.evidence[0][1] == "record-photo.png" and f1.evidence[0][2] == "image/png"
        assert (u2.status, u2.findings) == ("compliant", [])
        assert u3.status == "doubtful" and [f.status for f in u3.findings] == ["doubtful"]
        with rev.store.read() as s:
            evs = s.execute(select(EventRow.user, EventRow.action, EventRow.details).where(
                EventRow.action.like("review.%")).order_by(EventRow.seq)).all()
        mine = [(a, json.loads(d)) for u, a, d in evs if json.loads(d).get("unit") in (u1.id, u2.id, u3.id)]
        assert all(u == "demo-reviewer" for u, a, d in evs if json.loads(d).get("unit") in (u1.id, u2.id, u3.id))
        actions = [a for a, _ in mine]
        assert actions.count("review.finding.create") == 2
        assert "review.evidence.add" in actions and "review.finding.update" in actions
        assert actions.count("review.unit.decide") == 3
    finally:
        rev.close()
