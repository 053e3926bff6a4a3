"""The 考勤 view: calendar marks, keyboard bulk entry on a range, fill, totals, export; screenshot."""
from __future__ import annotations

from PySide6.QtCore import QDate, QItemSelection, QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication

from tests.support.screens import save_screenshot
from workstation.core.workdays import DayKind
from workstation.services import attendance_service as att, roster_service

SIZE = (1366, 768)


def idle(qtbot, ctx, timeout=8000):
    qtbot.waitUntil(lambda: not ctx.runner.busy, timeout=timeout)
    QApplication.processEvents()
    qtbot.waitUntil(lambda: not ctx.runner.busy, timeout=timeout)


def _view(ws, make_ctx, qtbot, month, lang="zh_CN"):
    from workstation.ui.views.attendance_view import AttendanceView

    ctx = make_ctx(ws, lang)
    view = AttendanceView(ctx)
    qtbot.addWidget(view)
    view.resize(*SIZE)
    view.show()
    qtbot.waitExposed(view)
    view.month.setDate(QDate(int(month[:4]), int(month[5:]), 1))
    view.activated()
    idle(qtbot, ctx)
    return view, ctx


def _team(ws, n=4):
    return [roster_service.save_staff(ws, {"staff_no": f"A{i:02d}", "name": f"员工{i}", "start_date": "2024-01-01"})
            for i in range(n)]


def _select(view, rows, cols):
    sel = QItemSelection(view.model.index(rows[0], cols[0]), view.model.index(rows[1], cols[1]))
    view.table.selectionModel().select(sel, QItemSelectionModel.SelectionFlag.ClearAndSelect)


def test_grid_marks_holidays_and_makeup_days(ws, make_ctx, qtbot):
    _team(ws, 2)
    view, ctx = _view(ws, make_ctx, qtbot, "2026-01")
    m = view.model
    assert m.columnCount() == 31 + 6
    assert m.headerData(3, Qt.Orientation.Horizontal) == "4\n日\n班"  # 2026-01-04: a working Sunday
    assert m.headerData(0, Qt.Orientation.Horizontal) == "1\n四\n节"
    assert m.headerData(9, Qt.Orientation.Horizontal) == "10\n六"
    bg = lambda c: m.data(m.index(0, c), Qt.ItemDataRole.BackgroundRole)  # noqa: E731
    assert bg(0).color().name() == "#f8d7d3" and bg(3).color().name() == "#fdf0c2"
    assert bg(9).color().name() == "#e3e7ec" and bg(5) is None
    view.month.setDate(QDate(2025, 10, 1))
    idle(qtbot, ctx)
    assert all(m.headerData(c, Qt.Orientation.Horizontal).endswith("节") for c in range(8))
    assert m.headerData(10, Qt.Orientation.Horizontal).endswith("班")  # 2025-10-11
    view.month.setDate(QDate(2025, 1, 1))
    idle(qtbot, ctx)
    assert m.headerData(25, Qt.Orientation.Horizontal) == "26\n日\n班"  # 2025-01-26


def test_keyboard_entry_fill_and_totals(ws, make_ctx, qtbot, tmp_path, artifacts):
    ids = _team(ws, 4)
    view, ctx = _view(ws, make_ctx, qtbot, "2025-10")
    view.fill_calendar()
    idle(qtbot, ctx)
    assert view.model.grid["people"][0]["totals"]["present"] == 18
    view.table.setFocus()
    _select(view, (0, 1), (8, 9))  # two people, 9-10 Oct
    qtbot.keyClick(view.table, Qt.Key.Key_3)
    idle(qtbot, ctx)
    p0 = view.model.grid["people"][0]
    assert p0["statuses"]["2025-10-09"] == "trip" and p0["totals"]["trip"] == 2
    _select(view, (2, 2), (12, 16))
    qtbot.keyClick(view.table, Qt.Key.Key_I)
    idle(qtbot, ctx)
    assert view.model.grid["people"][2]["totals"]["inspection"] == 5
    _select(view, (3, 3), (12, 12))
    view.fill_status.setCurrentIndex(view.fill_status.findData("leave"))
    view.fill_btn.click()
    idle(qtbot, ctx)
    assert att.grid(ws, "2025-10")["people"][3]["statuses"]["2025-10-13"] == "leave"
    _select(view, (3, 3), (12, 12))
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    idle(qtbot, ctx)
    assert "2025-10-13" not in att.grid(ws, "2025-10")["people"][3]["statuses"]
    totals_col = 31
    assert view.model.data(view.model.index(0, totals_col + 2)) == "2"  # trip total shown
    save_screenshot(view, "attendance_grid", SIZE)
    out = tmp_path / "oct.pdf"
    view.export("pdf", str(out))
    idle(qtbot, ctx)
    assert out.exists() and out.read_bytes().startswith(b"%PDF")
    assert "已导出" in view.status.text()
    assert ids


def test_attendance_english(ws, make_ctx, qtbot):
    _team(ws, 1)
    view, ctx = _view(ws, make_ctx, qtbot, "2026-01", "en")
    assert view.model.headerData(3, Qt.Orientation.Horizontal) == "4\nSu\nM"
    assert view.fill_btn.text() == "Fill the selection"
    save_screenshot(view, "attendance_grid_en", SIZE)
