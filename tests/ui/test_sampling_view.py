"""The sampling view with real widgets on a real store: preview, draw, assign, record, appraise, pass rate."""
from __future__ import annotations

import uuid

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.services.test_sampling_service import add_settlements
from tests.support.screens import has_ink, save_screenshot
from workstation.services import review_service, sampling_service
from workstation.store.models.review import FindingRow, ReviewUnitRow, SecondReviewRow
from workstation.ui.views.sampling_view import SamplingView


def _wait_idle(qtbot, view):
    qtbot.waitUntil(lambda: not view.ctx.runner.busy, timeout=20_000)


@pytest.fixture
def view(ws, make_ctx, qtbot):
    add_settlements(ws, 600, day="2025-02-14")
    v = SamplingView(make_ctx(ws))
    qtbot.addWidget(v)
    v.resize(1366, 768)
    v.show()
    v.activated()
    _wait_idle(qtbot, v)
    return v


def test_preview_then_draw_assign_and_screenshot(view, ws, qtbot, as_user, tmp_path, artifacts):
    idx = view.preset.findData("inpatient-recheck-5pct")
    view.preset.setCurrentIndex(idx)
    assert view.method.currentData() == "srs" and view.size_value.text() == "0.05"
    view.date_from.setDate(view.date_from.date().fromString("2025-01-01", "yyyy-MM-dd"))
    view.date_to.setDate(view.date_to.date().fromString("2025-03-31", "yyyy-MM-dd"))
    view.seed.setText("")
    qtbot.keyClicks(view.seed, "20250402")
    assert not view.draw_button.isEnabled()  # must see the frame first
    qtbot.mouseClick(view.preview_button, Qt.MouseButton.LeftButton)
    _wait_idle(qtbot, view)
    plan, d = view.preview_draw
    assert d.frame_size > 0 and d.frame_sha256 in view.preview_text.text()
    assert view.draw_button.isEnabled()
    qtbot.mouseClick(view.draw_button, Qt.MouseButton.LeftButton)
    _wait_idle(qtbot, view)
    qtbot.waitUntil(lambda: view.current is not None, timeout=10_000)
    _wait_idle(qtbot, view)
    stored = sampling_service.describe(ws, view.current.sample_id)
    assert stored["frame_sha256"] == d.frame_sha256 and stored["seed"] == "20250402"
    assert view.units_model.rowCount() == stored["sample_size"]
    assert view.strata_model.rowCount() == 2  # the whole frame + total
    view.assign_by.setCurrentIndex(view.assign_by.findData("amount"))
    qtbot.mouseClick(view.assign_button, Qt.MouseButton.LeftButton)
    _wait_idle(qtbot, view)
    q = review_service.queue(as_user("reviewer"))
    q2 = review_service.queue(as_user("reviewer2"))
    assert len(q.items) + len(q2.items) == stored["sample_size"]
    shot = save_screenshot(view, "sampling_view_zh", (1366, 768))
    assert has_ink(shot)

    # the one-page record, rendered for people to look at
    target = artifacts / "sampling_record.pdf"
    view.save_record(target)
    _wait_idle(qtbot, view)
    pdf = pdfium.PdfDocument(str(target))
    assert len(pdf) == 1
    text = pdf[0].get_textpage().get_text_range()
    assert stored["frame_sha256"] in text.replace("\r", "").replace("\n", "") or stored["frame_sha256"][:32] in text
    img = pdf[0].render(scale=1.2).to_pil()
    img.save(artifacts / "screens" / "sampling_record_pdf.png")


def test_appraisal_and_pass_rate_panel(view, ws, qtbot, artifacts):
    out = sampling_service.draw_and_store(ws, sampling_service.Plan(method="srs", seed="5", size=20))
    with ws.store.session() as s:
        for k, sid in enumerate(out["selected"][:12]):
            u = ReviewUnitRow(uuid=str(uuid.uuid4()), setl_id=sid, sample_id=out["sample_id"], source="sample",
                              assigned_to="reviewer", status="violation" if k % 4 == 0 else "compliant")
            s.add(u)
            s.flush()
            if k % 4 == 0:
                s.add(FindingRow(uuid=str(uuid.uuid4()), unit_id=u.id, category="X", amount=10_000 * (k + 1),
                                 created_by="reviewer", updated_by="reviewer"))
            s.add(SecondReviewRow(unit_id=u.id, quarter="2025Q1", reviewer="supervisor", agree=k not in (1, 2)))
    view.refresh_list(select=out["sample_id"])
    _wait_idle(qtbot, view)
    qtbot.waitUntil(lambda: view.current is not None and view.current.sample_id == out["sample_id"])
    _wait_idle(qtbot, view)
    view.tabs.setCurrentIndex(1)
    qtbot.mouseClick(view.appraisal.run_button, Qt.MouseButton.LeftButton)
    _wait_idle(qtbot, view)
    r = view.appraisal.result
    assert r and r.appraisal.decided == 12 and r.appraisal.selected == 20
    # the twelve were not reviewed in key order: interim, and the leading run decides what is projected
    assert r.appraisal.interim and "中期" in view.appraisal.status.text()
    assert view.appraisal.values["found"].text().replace(",", "") == f"{r.appraisal.found / 100:.2f}"
    view.appraisal.pass_box.quarter.setText("2025Q1")
    view.appraisal.pass_box.fee.setText("100000")
    qtbot.mouseClick(view.appraisal.pass_box.pass_button, Qt.MouseButton.LeftButton)
    _wait_idle(qtbot, view)
    assert "83.3%" in view.appraisal.pass_box.pass_text.text()  # 10 of 12 agreed
    shot = save_screenshot(view, "sampling_appraisal_zh", (1366, 768))
    assert has_ink(shot)


def test_bad_filter_shows_error_not_crash(view, qtbot):
    view.conditions.setText("nonsense")
    view.seed.setText("1")
    qtbot.mouseClick(view.preview_button, Qt.MouseButton.LeftButton)
    box = view.findChild(QMessageBox, "errorBox")
    assert box is not None and "nonsense" in box.text()
    assert view.preview_draw is None and not view.draw_button.isEnabled()
    box.close()


def test_english_view_is_translated(ws, make_ctx, qtbot):
    add_settlements(ws, 50)
    sampling_service.draw_and_store(ws, sampling_service.Plan(method="stratified", seed="3", size=10,
                                                              strata=["fixmedins_code"]))
    v = SamplingView(make_ctx(ws, "en"))
    qtbot.addWidget(v)
    v.resize(1366, 768)
    v.show()
    v.activated()
    _wait_idle(qtbot, v)
    qtbot.waitUntil(lambda: v.samples.count() == 1)
    v.samples.setCurrentRow(0)
    _wait_idle(qtbot, v)
    qtbot.waitUntil(lambda: v.current is not None)
    assert v.draw_button.text() == "Draw and store" and v.tabs.tabText(1) == "Appraisal and pass rate"
    assert v.units_model.headerData(1, Qt.Orientation.Horizontal) == "Settlement ID"
    assert "Frame fingerprint" in v.summary.text()
    save_screenshot(v, "sampling_view_en", (1366, 768))
