"""The 智能审核 view on real data: groups, the flag list, the settlement, review, run and cancel."""
from __future__ import annotations

import json
import random

import pytest
from sqlalchemy import select

from tests.support.screen_data import S, add, catalog, line, settlement
from tests.support.screens import has_ink, save_screenshot
from workstation.services import screening_service as ss
from workstation.store.models.identity import EventRow
from workstation.ui.views.flags_view import FlagsView


def _demo_claims(ws):
    """The demo claims (small) when that step exists, else a hand-made handful."""
    try:
        from workstation.services.demo import claims
    except ImportError:
        add(ws, settlement("A", hifp_pay=100_00, hifob_pay=5_00), settlement("B", setl_time="2025-03-06 10:00:00",
                                                                            hifp_pay=100_00, hifob_pay=5_00),
            catalog("C001", pric_uplmt_amt=8_00, max_daily_cnt=1 * S), line("A", "1"), line("A", "2"),
            line("B", "1", pric=9_00))
        return
    claims.build(ws, random.Random("2025:claims"), "small")


@pytest.fixture
def demo_ws(ws):
    _demo_claims(ws)
    return ws


def _view(ctx, qtbot):
    view = FlagsView(ctx)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_flags_view_on_demo_data_screenshot(demo_ws, make_ctx, qtbot):
    ss.run_screen(demo_ws)
    view = _view(make_ctx(demo_ws), qtbot)
    qtbot.waitUntil(lambda: len(view.model.rows) > 0, timeout=20000)
    assert view.rule_table.rowCount() == 12  # "all" + eleven rules
    counts = {g.key: g.count for g in ss.groups_by_rule(demo_ws)}
    assert view.model.total == sum(counts.values())
    # Pick the first price flag: its explanation is Chinese with the numbers it stored.
    view.rule_table.selectRow(1 + list(counts).index("PRICE_OVER_LIMIT"))
    qtbot.waitUntil(lambda: bool(view.model.rows) and view.model.rows[0].rule_id == "PRICE_OVER_LIMIT", timeout=20000)
    assert view.model.total == counts["PRICE_OVER_LIMIT"]
    view.flag_table.selectRow(0)
    flag = view.current_flag()
    text = view.model.data(view.model.index(0, 5))
    assert "超过" in text and flag.params["pric"] in text
    if not view._plain_detail:
        qtbot.waitUntil(lambda: view.detail.detail is not None and view.detail.detail.setl_id == flag.setl_id,
                        timeout=20000)
        qtbot.waitUntil(lambda: view.detail.selected_fee_line_ids() == [flag.fee_line_id], timeout=5000)
    path = save_screenshot(view, "flags_view_zh", (1366, 768))
    assert has_ink(path)
    # Institutions follow the chosen rule.
    view.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: view.inst_table.rowCount() > 1, timeout=10000)
    inst_total = sum(int(view.inst_table.item(r, 1).text().replace(",", ""))
                     for r in range(1, view.inst_table.rowCount()))
    assert inst_total == counts["PRICE_OVER_LIMIT"]
    save_screenshot(view, "flags_view_by_institution_zh", (1366, 768))


def test_english_explanations(demo_ws, make_ctx, qtbot):
    ss.run_screen(demo_ws, ["DUPLICATE_CHARGE"])
    view = _view(make_ctx(demo_ws, "en"), qtbot)
    qtbot.waitUntil(lambda: len(view.model.rows) > 0, timeout=20000)
    assert view.model.data(view.model.index(0, 0)) == "Duplicate charge"
    assert view.model.data(view.model.index(0, 5)).startswith("Duplicates line ")
    save_screenshot(view, "flags_view_en", (1366, 768))


def test_run_with_progress_then_cancel_keeps_old_flags(demo_ws, make_ctx, qtbot):
    view = _view(make_ctx(demo_ws), qtbot)
    qtbot.waitUntil(lambda: "尚未运行" in view.status.text(), timeout=10000)
    view.run_button.click()
    assert view.cancel_button.isEnabled() and not view.run_button.isEnabled()
    qtbot.waitUntil(lambda: view._handle is None, timeout=60000)
    qtbot.waitUntil(lambda: "上次运行" in view.status.text(), timeout=10000)
    before = ss.total_at_risk(demo_ws)
    assert before["count"] > 0 and view.model.total == before["count"]
    view.run_button.click()
    view.cancel_button.click()  # at once: the run is rolled back
    qtbot.waitUntil(lambda: view._handle is None, timeout=60000)
    assert "已取消" in view.status.text()
    assert ss.total_at_risk(demo_ws) == before
    assert view.run_button.isEnabled() and not view.cancel_button.isEnabled()


def test_open_flag_in_review_and_settlement(demo_ws, make_ctx, qtbot):
    ss.run_screen(demo_ws)
    ctx = make_ctx(demo_ws)
    view = _view(ctx, qtbot)
    qtbot.waitUntil(lambda: len(view.model.rows) > 0, timeout=20000)
    view.flag_table.selectRow(0)
    setl_id = view.current_flag().setl_id
    with qtbot.waitSignal(ctx.bus.open_settlement, timeout=2000) as opened:
        view.open_button.click()
    assert opened.args == [setl_id]
    units, targets = [], []
    ctx.bus.open_review_unit.connect(units.append)
    ctx.bus.navigate.connect(targets.append)
    view.review_button.click()
    qtbot.waitUntil(lambda: targets == ["queue"], timeout=10000)
    from workstation.services import review_service

    assert units and units[0] == review_service.open_unit_for_settlement(demo_ws, setl_id)  # the same open unit


def test_params_dialog_only_for_supervisors_and_logged(ws, as_user, make_ctx, qtbot):
    reviewer_view = FlagsView(make_ctx(as_user("reviewer")))
    qtbot.addWidget(reviewer_view)
    assert not reviewer_view.params_button.isVisibleTo(reviewer_view)
    from workstation.ui.views.flags_params import RuleParamsDialog

    ctx = make_ctx(ws)
    dlg = RuleParamsDialog(ctx)
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: dlg.fields["basic_cap"].text() == "100000.00", timeout=10000)
    dlg.fields["readmission_days"].setText("10")
    dlg.fields["supp_rate"].setText("2")
    dlg.save()
    qtbot.waitUntil(lambda: dlg.error.text() != "", timeout=10000)
    dlg.fields["supp_rate"].setText("0.85")
    with qtbot.waitSignal(dlg.accepted, timeout=10000):
        dlg.save()
    assert ss.current_params(ws).readmission_days == 10
    with ws.store.read() as s:
        ev = s.execute(select(EventRow).where(EventRow.action == "profile.rule_params")).scalars().one()
        details = json.loads(ev.details)
    assert details["after"]["supp_rate"] == "0.85" and details["after"]["readmission_days"] == 10
