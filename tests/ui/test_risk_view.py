"""The 风险画像 view on a real store: ranked table with amber/red flags, charts, the settlements behind a flag,
the link from the flags view, screenshots at 1366×768 in Chinese and English."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.risk_data import add_flags, peer_store
from tests.support.screens import has_ink, save_screenshot
from workstation.services import risk_service as rs
from workstation.ui.views.risk_view import AMBER, FIXED_COLS, RED, RiskView


def _view(ctx, qtbot):
    view = RiskView(ctx)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    qtbot.waitExposed(view)
    return view


def _computed(view, qtbot):
    h = view.compute()
    qtbot.waitUntil(lambda: h.done, timeout=30000)
    assert h.error is None, h.error
    return view.profile


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_risk_view_ranked_table_flags_charts_and_screenshot(ws, make_ctx, qtbot, lang):
    ids = peer_store(ws)
    add_flags(ws, [(sid, None, 500_00) for sid in ids["H3"][:20]] + [(ids["H1"][0], None, 10_00)])
    view = _view(make_ctx(ws, lang), qtbot)
    p = _computed(view, qtbot)
    assert p.profile_id == rs.stored(ws).profile_id  # the institution profile is stored for sampling
    assert view.table.rowCount() == len(p.entities)
    assert [view.table.item(r, 1).text() for r in range(view.table.rowCount())] == [e.key[0] for e in p.entities]
    e = p.entities[0]
    assert e.key == ("H6",) and e.tier == "high"
    cost = [m.id for m in p.measures].index("cost_per_stay")
    assert view.table.item(0, FIXED_COLS + cost).background().color() == RED
    amber_cells = [(r, k) for r, x in enumerate(p.entities) for k, m in enumerate(p.measures)
                   if m.id in x.flags and m.id not in x.robust_flags]
    assert amber_cells and all(view.table.item(r, FIXED_COLS + k).background().color() == AMBER
                               for r, k in amber_cells)
    lead = "not a finding" if lang == "en" else "不是违规的认定"
    assert lead in view.banner.text()
    view.table.selectRow(0)
    assert view.flags.count() == len(set(e.flags) | set(e.robust_flags))
    assert all(lead.split()[-1] in view.flags.item(i).text() or "认定" in view.flags.item(i).text()
               for i in range(view.flags.count()))
    assert view.strip_fig.axes and view.trend_fig.axes and view.benford_fig.axes
    marked = [t.get_text() for t in view.strip_fig.axes[0].texts]
    assert "H6" in marked  # the selected institution is marked on its strip
    for i, name in enumerate(("strip", "trend", "benford")):
        view.charts.setCurrentIndex(i)
        path = save_screenshot(view, f"risk-view-{name}-{lang}", (1366, 768))
        assert has_ink(path)
    # the settlements behind the red flag
    h = view.open_behind("cost_per_stay")
    qtbot.waitUntil(lambda: h.done, timeout=20000)
    dlg = view.behind_dialog
    assert dlg.table.rowCount() == 24 and dlg.table.item(0, 0).text().startswith("H6-I")
    save_screenshot(dlg, f"risk-view-behind-{lang}")
    opened = []
    view.ctx.bus.open_settlement.connect(opened.append)
    dlg.open(0)
    assert opened == [dlg.table.item(0, 0).text()]
    dlg.close()


def test_doctor_level_and_flags_view_link(ws, make_ctx, qtbot):
    peer_store(ws)
    ctx = make_ctx(ws)
    view = _view(ctx, qtbot)
    view.level.setCurrentIndex(view.level.findData("doctor"))
    p = _computed(view, qtbot)
    assert p.level == "doctor" and p.profile_id is None and view.table.rowCount() == len(p.entities)
    save_screenshot(view, "risk-view-doctors-zh_CN", (1366, 768))
    # the flags view's link opens an institution's profile (computed at institution level)
    from workstation.ui.views.flags_view import FlagsView

    flags = FlagsView(ctx)
    qtbot.addWidget(flags)
    flags._inst_filter = "H2"
    navigated = []
    ctx.bus.navigate.connect(navigated.append)
    flags.open_risk_profile()
    qtbot.waitUntil(lambda: view.profile is not None and view.profile.level == "institution"
                    and view.current_entity() is not None, timeout=30000)
    assert view.current_entity().key == ("H2",) and "risk" in navigated


def test_export_from_the_view(ws, make_ctx, qtbot, tmp_path):
    peer_store(ws)
    view = _view(make_ctx(ws), qtbot)
    _computed(view, qtbot)
    h = view.export(tmp_path / "r.xlsx")
    qtbot.waitUntil(lambda: h.done, timeout=30000)
    assert h.error is None and Path(h.result.file).exists()


def test_sampling_view_draws_by_risk_tier(ws, make_ctx, qtbot):
    from workstation.services import sampling_service as svc
    from workstation.ui.views.sampling_view import SamplingView

    ids = peer_store(ws)
    rs.run(ws)
    view = SamplingView(make_ctx(ws))
    qtbot.addWidget(view)
    view.risk_tier_button.click()
    assert view.method.currentData() == "stratified" and view.strata.text() == "risk_tier"
    view.seed.setText("42")
    view.size_value.setText("0.5")
    plan = view.plan()
    d = svc.preview(ws, plan)
    assert {x.stratum for x in d.strata} <= {"high", "medium", "low", "none"}
    assert sum(x.frame_size for x in d.strata if x.stratum == "high") >= len(ids["H6"])


def test_view_says_when_flags_changed(ws, make_ctx, qtbot):
    peer_store(ws)
    ctx = make_ctx(ws)
    view = _view(ctx, qtbot)
    seen = []
    ctx.bus.data_changed.connect(seen.append)
    _computed(view, qtbot)
    assert seen == ["risk"] and not view.stale
    ctx.bus.data_changed.emit("flags")
    assert view.stale and "重新计算" in view.status.text()
