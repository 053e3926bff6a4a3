"""The appraisal tab and the size planner on real widgets: interim/final, pending, estimators side by side,
the Stringer table of a pps sample; screenshots at 1366×768 in Chinese and English."""
from __future__ import annotations

import datetime as dt
import uuid

import pytest
from PySide6.QtCore import Qt

from tests.services.test_sampling_service import add_settlements
from tests.support.screens import has_ink, save_screenshot
from workstation.core import sampling as smp
from workstation.core.sample_size import attribute_size
from workstation.services import sampling_service
from workstation.store.models.review import FindingRow, ReviewUnitRow
from workstation.ui.views.sampling_view import SamplingView


def _wait_idle(qtbot, view):
    qtbot.waitUntil(lambda: not view.ctx.runner.busy, timeout=20_000)


def _review(ws, sample_id, ids, amount_of, doubtful=()):
    with ws.store.session() as s:
        for sid in ids:
            u = ReviewUnitRow(uuid=str(uuid.uuid4()), setl_id=sid, sample_id=sample_id, source="sample",
                              assigned_to="reviewer", status="doubtful" if sid in doubtful else
                              ("violation" if amount_of(sid) else "compliant"), decided_at=dt.datetime(2025, 6, 1))
            s.add(u)
            s.flush()
            if sid in doubtful:
                s.add(FindingRow(uuid=str(uuid.uuid4()), unit_id=u.id, category="over_standard", amount=77_00,
                                 status="doubtful", created_by="reviewer", updated_by="reviewer"))
            elif amount_of(sid):
                s.add(FindingRow(uuid=str(uuid.uuid4()), unit_id=u.id, category="over_standard",
                                 amount=amount_of(sid), created_by="reviewer", updated_by="reviewer"))


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_appraisal_tab_final_srs_and_pps(ws, make_ctx, qtbot, lang):
    add_settlements(ws, 400, day="2025-02-14", medfee_sumamt=50_000)
    srs = sampling_service.draw_and_store(ws, sampling_service.Plan(method="srs", seed="ui", size=20))
    _review(ws, srs["sample_id"], srs["selected"], lambda sid: 1_000 * (int(sid[3:]) % 7),
            doubtful={srs["selected"][0]})
    view = SamplingView(make_ctx(ws, lang))
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    view.activated()
    _wait_idle(qtbot, view)
    view.refresh_list(select=srs["sample_id"])
    _wait_idle(qtbot, view)
    view.tabs.setCurrentIndex(1)
    qtbot.mouseClick(view.appraisal.run_button, Qt.MouseButton.LeftButton)
    _wait_idle(qtbot, view)
    a = view.appraisal.result.appraisal
    assert not a.interim and a.pending == 77_00 and [e.name for e in a.estimators] == ["mean_per_unit", "ratio"]
    assert view.appraisal.estimators.isVisible() and view.appraisal.estimators.rowCount() == 2
    assert not view.appraisal.stringer.isVisible()
    assert view.appraisal.values["pending"].text() == "77.00"
    shot = save_screenshot(view, f"sampling_appraisal_final_{lang}", (1366, 768))
    assert has_ink(shot)

    pps = sampling_service.draw_and_store(ws, sampling_service.Plan(method="pps", seed="ui", size=12))
    ids = sorted(set(pps["selected"]))
    _review(ws, pps["sample_id"], ids, lambda sid: 9_000 if int(sid[3:]) % 3 == 0 else 0)
    view.refresh_list(select=pps["sample_id"])
    _wait_idle(qtbot, view)
    qtbot.waitUntil(lambda: view.current is not None and view.current.sample_id == pps["sample_id"])
    view.tabs.setCurrentIndex(1)
    qtbot.mouseClick(view.appraisal.run_button, Qt.MouseButton.LeftButton)
    _wait_idle(qtbot, view)
    b = view.appraisal.result.appraisal
    assert b.stringer is not None and view.appraisal.stringer.isVisible()
    assert view.appraisal.stringer.rowCount() == b.stringer.errors
    shot = save_screenshot(view, f"sampling_appraisal_pps_{lang}", (1366, 768))
    assert has_ink(shot)

    view.tabs.setCurrentIndex(2)
    view.preset.setCurrentIndex(view.preset.findData("inpatient-recheck-5pct"))
    assert view.planner.preset_name and view.planner.preset_name in view.planner.title()
    view.planner.set_frame(4000, "0.05")
    assert "200" in view.planner.buys.text()
    view.planner.tolerable.setText("0.05")
    view.planner.errors.setValue(1)
    view.planner.confidence.setCurrentIndex(view.planner.confidence.findData("0.95"))
    assert f"{attribute_size('0.95', '0.05', 1):,}" in view.planner.attr.text()  # 93
    shot = save_screenshot(view, f"sampling_planner_{lang}", (1366, 768))
    assert has_ink(shot)


def test_assigned_units_reach_the_queue_in_key_order(ws):
    from workstation.services import review_service
    from tests.support.stores import login

    add_settlements(ws, 300)
    out = sampling_service.draw_and_store(ws, sampling_service.Plan(method="srs", seed="q", size=15))
    sampling_service.assign(ws, out["sample_id"], ["reviewer"], by="amount")
    rv = login(ws.store.path, "reviewer", "zh_CN")
    try:
        queued = [i.setl_id for i in review_service.queue(rv).items]
    finally:
        rv.close()
    assert queued == smp.random_order("q", out["selected"])


def test_gui_draw_says_which_strata_are_too_thin(ws, make_ctx, qtbot):
    add_settlements(ws, 60, fixmedins_code="H01")
    add_settlements(ws, 3, start=60, fixmedins_code="H02")
    view = SamplingView(make_ctx(ws))
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    view.activated()
    _wait_idle(qtbot, view)
    view.method.setCurrentIndex(view.method.findData("stratified"))
    view.strata.setText("fixmedins_code")
    view.size_kind.setCurrentIndex(view.size_kind.findData("size"))
    view.size_value.setText("10")
    view.seed.setText("thin")
    qtbot.mouseClick(view.preview_button, Qt.MouseButton.LeftButton)
    _wait_idle(qtbot, view)
    qtbot.mouseClick(view.draw_button, Qt.MouseButton.LeftButton)
    _wait_idle(qtbot, view)
    qtbot.waitUntil(lambda: view.current is not None, timeout=10_000)
    assert "H02" in view.preview_text.text() and "注意" in view.preview_text.text()
    assert view.current.sample_size == 10 and {x.stratum for x in view.current.strata} == {"H01", "H02"}
