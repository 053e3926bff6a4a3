"""The 人员 view on a real store: dashboard with a shortfall (screenshot), staff editing, changes, training, profiles."""
from __future__ import annotations

import datetime as dt
import random

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.support.screens import has_ink, save_screenshot
from workstation.services import profile_service, roster_service, staff_change_service, training_service

SIZE = (1366, 768)


def idle(qtbot, ctx, timeout=8000):
    qtbot.waitUntil(lambda: not ctx.runner.busy, timeout=timeout)
    QApplication.processEvents()
    qtbot.waitUntil(lambda: not ctx.runner.busy, timeout=timeout)


def _demo_team(ws):
    from workstation.services.demo import roster

    roster.build(ws, random.Random("test:roster"), "small")


def _window(make_ctx, qtbot, ws, lang="zh_CN"):
    from workstation.ui.main_window import MainWindow

    ctx = make_ctx(ws, lang)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(*SIZE)
    win.show()
    qtbot.waitExposed(win)
    view = win.show_view("roster")
    idle(qtbot, ctx)
    return win, view, ctx


def test_dashboard_shows_shortfall_and_expiring_certificate(ws, make_ctx, qtbot):
    _demo_team(ws)
    win, view, ctx = _window(make_ctx, qtbot, ws)
    tab = view.compliance
    assert view.tabs.currentWidget() is tab and tab.result is not None
    rows = {tab.terms.item(r, 0).text(): [tab.terms.item(r, c).text() for c in range(1, 5)]
            for r in range(tab.terms.rowCount())}
    assert rows["派驻工作人员"] == ["≥ 20", "20", "19", "✘ 未达标"]
    assert rows["专职稽核员（持有效证书）"] == ["≥ 2", "2", "3", "✔ 达标"]
    assert "1 项未达标" in tab.summary.text()
    red = tab.terms.item(0, 4).foreground().color().name()
    assert red == "#b42318"
    assert tab.certs.rowCount() == 1 and "医疗保障基金稽核员证" in tab.certs.item(0, 2).text()
    path = save_screenshot(win, "roster_dashboard_shortfall", SIZE)
    assert has_ink(path)


def test_staff_tab_masks_ids_edits_and_shows_history(ws, make_ctx, qtbot):
    _demo_team(ws)
    win, view, ctx = _window(make_ctx, qtbot, ws)
    view.tabs.setCurrentWidget(view.staff)
    idle(qtbot, ctx)
    tab = view.staff
    assert tab.table.rowCount() == 19  # active only; the person who left is hidden
    certnos = [tab.table.item(r, 2).text() for r in range(tab.table.rowCount())]
    assert all(len(c) == 18 and c[6:14] == "********" for c in certnos)
    tab.active_only.setChecked(False)
    assert tab.table.rowCount() == 20
    tab.active_only.setChecked(True)
    # add a person through the dialog
    tab.edit(None)
    dlg = tab.dialog
    dlg.staff_no.setText("NEW01")
    dlg.name.setText("测试新人")
    dlg.certno.setText("410702199501011238")
    dlg.post.setCurrentText("稽核员")
    dlg._add_cert("稽核员证", "2030-01-01")
    dlg.accept()
    idle(qtbot, ctx)
    assert tab.table.rowCount() == 20
    r = next(i for i in range(tab.table.rowCount()) if tab.table.item(i, 0).text() == "NEW01")
    assert tab.table.item(r, 2).text() == "410702********1238"
    tab.table.selectRow(r)
    idle(qtbot, ctx)
    assert tab.history.count() == 2 and "新增" in tab.history.item(1).text() and "岗位: ∅ → 稽核员" in tab.history.item(1).text()
    save_screenshot(win, "roster_staff", SIZE)


def test_change_refused_then_approved_and_applied(ws, make_ctx, qtbot, as_user, monkeypatch):
    _demo_team(ws)
    win, view, ctx = _window(make_ctx, qtbot, ws)
    view.tabs.setCurrentWidget(view.changes)
    idle(qtbot, ctx)
    tab = view.changes
    assert tab.table.rowCount() == 1 and tab.table.item(0, 6).text() == "待审批"
    errors = []
    monkeypatch.setattr("workstation.ui.roster.changes_tab.show_error", lambda w, e, lang: errors.append(e.message(lang)))
    tab.table.selectRow(0)
    tab.apply()
    idle(qtbot, ctx)
    assert errors and "尚未经主管审批" in errors[-1]
    change = staff_change_service.list_changes(ws)[0]
    staff_change_service.approve(as_user("supervisor"), change["id"], "甲方函 2025-1")
    tab.reload()
    idle(qtbot, ctx)
    tab.table.selectRow(0)
    early = dt.date.fromisoformat(change["earliest_date"]) - dt.timedelta(days=1)
    tab.effective.setDate(early)
    tab.apply()
    idle(qtbot, ctx)
    assert "最早 " + change["earliest_date"] in errors[-1]
    tab.effective.setDate(dt.date.fromisoformat(change["earliest_date"]))
    tab.apply()
    idle(qtbot, ctx)
    assert tab.table.item(0, 6).text() == "已生效"
    save_screenshot(win, "roster_changes", SIZE)


def test_training_tab_quarterly_check(ws, make_ctx, qtbot):
    _demo_team(ws)
    win, view, ctx = _window(make_ctx, qtbot, ws)
    view.tabs.setCurrentWidget(view.training)
    idle(qtbot, ctx)
    tab = view.training
    assert tab.table.rowCount() == len(training_service.list_sessions(ws))
    assert "1 人本季度未参训" in tab.result.text()
    save_screenshot(win, "roster_training", SIZE)


def test_profile_editor_creates_and_edits_without_code(ws, make_ctx, qtbot):
    win, view, ctx = _window(make_ctx, qtbot, ws)
    view.tabs.setCurrentWidget(view.profiles)
    idle(qtbot, ctx)
    ed = view.profiles
    assert ed.chooser.count() == 5
    ed.new_profile({"id": "kaifeng-2026", "name_zh": "开封项目", "name_en": "Kaifeng", "copy_of": "luoyang-2024"})
    idle(qtbot, ctx)
    assert ed.chooser.currentData() == "kaifeng-2026" and ed.terms.rowCount() == 8
    # raise the total to 45, add an age term, make the notice 30 days, add a fee item
    ed.terms.item(0, 8).setText("45")
    ed._add_term({"id": "age", "kind": "age_range", "min_age": 22, "max_age": 60, "label_zh": "年龄", "label_en": "Age"})
    ed.notice_days.setValue(30)
    ed.fees.add_row("deposit", "50000.00")
    ed.deadlines.add_row("report_workdays", "10")
    ed.tiers.item(0, 0).setText("0.85")
    ed.save()
    idle(qtbot, ctx)
    saved = profile_service.get_profile(ws, "kaifeng-2026")
    assert saved["staffing"][0]["min"] == 45 and saved["staffing"][1]["where"] == {"centre": "city"}
    assert saved["staffing"][5]["where"]["qualification"] == ["other", "law", "pharmacy"]
    assert saved["staffing"][-1] == {"id": "age", "kind": "age_range", "label_zh": "年龄", "label_en": "Age",
                                     "min_age": 22, "max_age": 60}
    assert saved["staff_change"]["notice_days"] == 30 and saved["fees"]["deposit"] == "50000.00"
    assert saved["fees"]["per_insured_per_year"] == "1.45" and saved["deadlines"] == {"report_workdays": 10}
    assert saved["pass_rate"]["tiers"][0]["below"] == "0.85" and saved["training"]["period"] == "quarter"
    # a bad value is refused with the reason, nothing saved
    errors = []
    import workstation.ui.roster.profile_editor as pe

    orig = pe.show_error
    pe.show_error = lambda w, e, lang: errors.append(e.message(lang))
    try:
        ed.terms.item(0, 8).setText("many")
        ed.save()
        idle(qtbot, ctx)
    finally:
        pe.show_error = orig
    assert errors and "min" in errors[0]
    assert profile_service.get_profile(ws, "kaifeng-2026")["staffing"][0]["min"] == 45
    ed.use_selected()
    idle(qtbot, ctx)
    assert profile_service.active_profile_id(ws) == "kaifeng-2026" and "当前使用" in ed.active_label.text()
    ed.tabs.setCurrentIndex(1)
    save_screenshot(win, "roster_profile_editor", SIZE)


def test_roster_view_in_english(ws, make_ctx, qtbot):
    _demo_team(ws)
    win, view, ctx = _window(make_ctx, qtbot, ws, "en")
    assert view.tabs.tabText(0) == "Compliance"
    assert "Resident staff" in view.compliance.terms.item(0, 0).text()
    assert view.compliance.terms.item(0, 4).text().endswith("Not met")
    save_screenshot(win, "roster_dashboard_en", SIZE)
