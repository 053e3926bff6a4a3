"""Screenshots of the review workspace in Chinese at 1366×768 on the demo store (for people to look at)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from tests.support.review_data import seed_units
from tests.support.screens import has_ink, save_screenshot
from tests.ui.test_queue_view import idle
from workstation.services import review_service as rs
from workstation.store.models.review import EvidenceRow
from workstation.store.models.screening import FlagRow

SIZE = (1366, 768)


def _window(make_ctx, qtbot, ws):
    from workstation.ui.main_window import MainWindow

    ctx = make_ctx(ws, "zh_CN")
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(*SIZE)
    win.show()
    qtbot.waitExposed(win)
    view = win.show_view("queue")
    idle(qtbot, ctx)
    return win, view, ctx


def test_review_screens_in_chinese(make_ctx, qtbot, tmp_path):
    from workstation.services.auth_service import unlock
    from workstation.services.demo import DEMO_PASSPHRASE, build_demo

    path = tmp_path / "demo.db"
    build_demo(path, size="small")
    rev = unlock(path, "demo-reviewer", DEMO_PASSPHRASE)
    try:
        with rev.store.read() as s:
            line_flagged = set(s.execute(select(FlagRow.setl_id).where(FlagRow.fee_line_id.is_not(None))).scalars())
        if not any(i.setl_id in line_flagged and i.status in ("pending", "in_progress") for i in rs.queue(rev).items):
            # no open unit of demo-reviewer has flagged lines: add flagged settlements for the picture
            seed_units(rev, n=3, lines=14, reviewer="demo-reviewer", prefix="SCR")
        win, view, ctx = _window(make_ctx, qtbot, rev)
        shots = []
        # queue + a decided unit with a finding and evidence
        with_ev = next(i for i in view.queue.items if i.findings and i.status == "violation")
        view.open_unit_id(with_ev.unit_id)
        idle(qtbot, ctx)
        shots.append(save_screenshot(win, "review_queue", SIZE))
        assert win.width() <= SIZE[0] and win.minimumSizeHint().width() <= SIZE[0]  # fits a 1366-px laptop
        # record view with flags: a flagged unit, lines filtered to flagged ones
        with rev.store.read() as s:
            line_flagged = set(s.execute(select(FlagRow.setl_id).where(FlagRow.fee_line_id.is_not(None))).scalars())
        flagged_unit = next(i for i in view.queue.items
                            if i.setl_id in line_flagged and i.status in ("pending", "in_progress"))
        view.open_unit_id(flagged_unit.unit_id)
        idle(qtbot, ctx)
        detail = view.record.detail
        assert detail.model.rowCount() > 0
        detail.flag_filter.setCurrentIndex(detail.flag_filter.findData("*"))  # only the flagged lines
        qtbot.wait(50)
        assert 0 < detail.model.rowCount()
        shots.append(save_screenshot(win, "review_record_flags", SIZE))
        # finding editor: a finding on two lines with an adjusted amount
        detail.flag_filter.setCurrentIndex(0)
        lines = [ln.id for ln in detail.detail.lines][:2]
        detail.select_fee_lines(lines)
        view.record.new_finding()
        idle(qtbot, ctx)
        ed = view.record.editor
        ed.basis.setText("《医疗保障基金使用监督管理条例》第十五条")
        ed.note.setPlainText("病历未见相应医嘱，收费依据不足。")
        ed.reason.setText("其中一项已由机构退费")
        auto = ed.finding.amount_auto
        ed.amount.setText(f"{max(auto - 1000, 0) // 100}.{max(auto - 1000, 0) % 100:02d}")
        ed.amount.editingFinished.emit()
        ed.flush()
        idle(qtbot, ctx)
        f = next(x for x in rs.unit(rev, flagged_unit.unit_id).findings if x.id == ed.finding.id)
        assert f.amount_reason == "其中一项已由机构退费" and f.basis.startswith("《医疗保障")
        shots.append(save_screenshot(win, "review_finding_editor", SIZE))
        # evidence preview: the scanned PDF (first page rendered from memory)
        with rev.store.read() as s:
            pdf_id = s.execute(select(EvidenceRow.id).where(EvidenceRow.mime == "application/pdf")).scalars().first()
            png_id = s.execute(select(EvidenceRow.id).where(EvidenceRow.mime == "image/png")).scalars().first()
        for eid, name in ((pdf_id, "review_evidence_preview"), (png_id, "review_evidence_preview_image")):
            view.record.preview_evidence(eid)
            idle(qtbot, ctx)
            dlg = view.record.preview_dialog
            assert dlg is not None and dlg.image.pixmap() is not None and not dlg.image.pixmap().isNull()
            dlg.resize(900, 640)
            shots.append(save_screenshot(dlg, name))
            dlg.close()
        # appeals list
        view.tabs.setCurrentIndex(1)
        idle(qtbot, ctx)
        assert view.appeals.table.rowCount() >= 1
        view.appeals.open_only.setChecked(False)
        idle(qtbot, ctx)
        shots.append(save_screenshot(win, "review_appeals", SIZE))
        # help overlay lines are translated texts, not empty
        assert len(view.shortcut_help()) >= 8
        for p in shots:
            assert has_ink(p), p
        win.idle.stop()
    finally:
        rev.close()


def test_review_screen_in_english_fits(ws, as_user, make_ctx, qtbot):
    data = seed_units(ws, n=3, lines=12)
    rev = as_user("reviewer", "en")
    rs.create_finding(rev, data["units"][0], data["lines"][data["units"][0]][:2], "over_standard",
                      basis="Art. 15", note="no order in the record")
    from workstation.ui.main_window import MainWindow

    ctx = make_ctx(rev, "en")
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(*SIZE)
    win.show()
    qtbot.waitExposed(win)
    view = win.show_view("queue")
    idle(qtbot, ctx)
    assert view.tabs.tabText(0) == "My queue" and view.record.btn_compliant.text() == "Compliant"
    assert "Reviewed 0 / 3" in view.progress.format()
    assert win.minimumSizeHint().width() <= SIZE[0]
    assert has_ink(save_screenshot(win, "review_queue_en", SIZE))
    win.idle.stop()
