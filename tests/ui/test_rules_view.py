"""规则库 on the demo store: filters, precision sort and highlight, the flags behind a count,
the point editor's validation and preview, activate/deactivate; screenshots at 1366×768."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import text

from tests.support.screens import has_ink, save_screenshot
from workstation.services import knowledge_service as ks
from workstation.services import rule_precision as rp
from workstation.services.auth_service import unlock
from workstation.services.demo import DEMO_PASSPHRASE, build_demo


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    build_demo(path, size="small")
    return path


@pytest.fixture
def sup(demo_path, tmp_path):
    import shutil

    copy = tmp_path / "demo.db"
    for f in demo_path.parent.iterdir():  # the store and its side files (key slots)
        if f.name.startswith("demo.db"):
            shutil.copy(f, tmp_path / f.name)
    w = unlock(copy, "demo-supervisor", DEMO_PASSPHRASE)
    yield w
    w.close()


def _view(ctx, qtbot):
    from workstation.ui.views.rules_view import RulesView

    view = RulesView(ctx)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: view.row_count() > 11, timeout=30000)
    return view


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_library_filters_precision_and_screenshot(sup, make_ctx, qtbot, lang):
    view = _view(make_ctx(sup, lang), qtbot)
    stats = {s.rule_id: s for s in rp.rule_stats(sup)}
    assert view.row_count() == 11 + len(ks.list_points(sup))
    low = [r for r in view.rows if r.precision is not None and r.precision < view.threshold]
    assert low, "the demo has a rule whose leads are mostly rejected"
    # precision filter "below the threshold" shows exactly those, highlighted
    view.precision_box.setCurrentIndex(view.precision_box.findData("low"))
    assert view.row_count() == len(low)
    assert all(view.is_row_highlighted(i) for i in range(view.row_count()))
    view.precision_box.setCurrentIndex(0)
    # template filter
    view.template_box.setCurrentIndex(view.template_box.findData("ITEM_PAIR"))
    shown = {view.cell_text(i, 0) for i in range(view.row_count())}
    assert shown == {r.rule_id for r in view.rows if r.template == "ITEM_PAIR"}
    view.template_box.setCurrentIndex(0)
    # sort by precision: ascending, the worst first and rules without outcomes ("—") last
    view.table.sortByColumn(10, Qt.SortOrder.AscendingOrder)
    first, last = view.cell_text(0, 0), view.cell_text(view.row_count() - 1, 10)
    assert stats[first].precision == min(s.precision for s in stats.values() if s.precision is not None)
    assert last == "—"
    view.table.sortByColumn(6, Qt.SortOrder.DescendingOrder)  # flag counts as numbers, not as text
    assert stats[view.cell_text(0, 0)].flags == max(s.flags for s in stats.values())
    # the flags behind the rejected count of a low-precision rule
    target = next(r.rule_id for r in low if r.kind == "knowledge")
    view.select_rule(target)
    view.outcome_box.setCurrentIndex(view.outcome_box.findData("rejected"))
    qtbot.waitUntil(lambda: len(view.behind_model.rows) == min(stats[target].rejected, 200), timeout=20000)
    assert view.behind_model.rows and target in view.behind_model.rows[0][3]
    path = save_screenshot(view, f"rules_library_{lang}", (1366, 768))
    assert has_ink(path)


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_point_editor_validation_preview_and_save(sup, make_ctx, qtbot, lang):
    view = _view(make_ctx(sup, lang), qtbot)
    dlg = view.open_editor(None)
    qtbot.addWidget(dlg)
    dlg.resize(1366, 768)
    dlg.fields["rule_id"].setText("KB9-ZC-0001")
    dlg.template.setCurrentIndex(dlg.template.findData("ITEM_PAIR"))
    dlg.fields["rule_name"].setText("静脉输液与输液器同一小时" if lang != "en" else "Infusion and infusion set, same hour")
    dlg.fields["item_codes"].setText("003101000010000")
    dlg.fields["other_codes"].setText("C0001000100001")
    dlg.fields["window"].setText("15天")  # not allowed for ITEM_PAIR
    problems = dlg.validate()
    assert [p.column for p in problems] == ["window"]
    assert dlg.fields["window"].styleSheet() and ("15天" in dlg.errors.text())
    assert ("not allowed" in dlg.errors.text()) == (lang == "en")
    assert not dlg.preview_button.isEnabled()
    save_screenshot(dlg, f"point_editor_error_{lang}", (1366, 768))
    dlg.fields["window"].setText("同一小时")
    assert dlg.validate() == [] and dlg.preview_button.isEnabled()
    flags_before = _count(sup, "flags")
    events_before = _count(sup, "events")
    dlg.run_preview()
    qtbot.waitUntil(lambda: hasattr(dlg, "last_preview"), timeout=30000)
    assert dlg.last_preview.count > 0 and dlg.preview_model.rows
    assert (_count(sup, "flags"), _count(sup, "events")) == (flags_before, events_before)  # nothing recorded
    assert "KB9-ZC-0001" not in ks.all_rule_ids(sup)
    # show an error beside the preview for the screenshot, then fix it and save
    dlg.fields["effective_from"].setText("2025-13-01")
    assert [p.column for p in dlg.validate()] == ["effective_from"]
    path = save_screenshot(dlg, f"point_editor_preview_{lang}", (1366, 768))
    assert has_ink(path)
    dlg.fields["effective_from"].setText("2025-01-01")
    with qtbot.waitSignal(dlg.accepted, timeout=20000):
        dlg.save()
    assert ks.get_point(sup, "KB9-ZC-0001").window == "hour"


def test_toggle_logs_and_reviewer_sees_no_edit_buttons(sup, make_ctx, qtbot, demo_path):
    view = _view(make_ctx(sup), qtbot)
    view.select_rule("KB2-GC-0001")
    view.toggle_selected()
    qtbot.waitUntil(lambda: not ks.get_point(sup, "KB2-GC-0001").active, timeout=20000)
    assert _count(sup, "events WHERE action = 'knowledge.deactivate'") == 1


def _count(ws, table: str) -> int:
    with ws.store.read() as s:
        return s.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_flags_view_shows_precision_and_highlights_low_rules(sup, make_ctx, qtbot, lang):
    from workstation.ui.views.flags_view import FlagsView

    view = FlagsView(make_ctx(sup, lang))
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: view.rule_table.rowCount() > 12 and bool(view._stats), timeout=30000)
    stats = rp.stats_by_rule(sup)
    low = {k for k, s in stats.items() if s.precision is not None and s.precision < rp.threshold(sup)}
    seen_low = set()
    for r in range(1, view.rule_table.rowCount()):
        key = view.rule_table.item(r, 0).data(Qt.ItemDataRole.UserRole)
        cell = view.rule_table.item(r, 4).text()
        p = stats[key].precision
        assert cell == ("—" if p is None else f"{p * 100:.1f}%")
        if view.rule_table.item(r, 0).background().color().name() == "#fde7e9":
            seen_low.add(key)
    assert seen_low == low and low
    path = save_screenshot(view, f"flags_precision_{lang}", (1366, 768))
    assert has_ink(path)


def test_record_lines_violating_and_involved_are_marked_differently(sup, make_ctx, qtbot):
    from workstation.services import screening_service as ss
    from workstation.ui.widgets.settlement_detail import FLAGGED_BG, INVOLVED_BG, SettlementDetailWidget

    flag = ss.list_flags(sup, rule_id="KB2-ZC-0001", limit=1)[0]
    w = SettlementDetailWidget(make_ctx(sup))
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.loaded, timeout=20000):
        w.set_settlement(flag.setl_id)
    model = w.model
    rows = {model.line_at(r).feedetl_sn: r for r in range(model.rowCount())}
    flags_col = model.columnCount() - 1

    def bg(sn):
        return model.data(model.index(rows[sn], 0), Qt.ItemDataRole.BackgroundRole).color()

    partner = flag.params["partner_sn"]
    assert bg(flag.feedetl_sn) == FLAGGED_BG
    if not any(f.rule_id for f in model.line_at(rows[partner]).flags):
        assert bg(partner) == INVOLVED_BG
        assert model.data(model.index(rows[partner], flags_col)).startswith("涉及")
    tip = model.data(model.index(rows[flag.feedetl_sn], 0), Qt.ItemDataRole.ToolTipRole)
    assert "KB2-ZC-0001" in tip and partner in tip
