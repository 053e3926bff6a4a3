"""The settlements browser, the settlement detail and the import dialog, driven as a person would."""
from __future__ import annotations

import csv
import random
import time
from array import array
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import text

from tests.support.screens import has_ink, save_screenshot
from workstation.services import claims_query as cq
from workstation.services.demo import claims as demo_claims
from workstation.services.import_service import import_file

SIZE = (1366, 768)


@pytest.fixture
def demo_ws(ws):
    demo_claims.build(ws, random.Random("2025:claims"), "small")
    return ws


def wait_page(qtbot, model, timeout=10_000):
    qtbot.waitUntil(lambda: model.loaded_pages() > 0, timeout=timeout)


def test_settlements_view_with_demo_data(demo_ws, make_ctx, qtbot):
    from workstation.ui.views.settlements_view import SettlementsView

    ctx = make_ctx(demo_ws)
    view = SettlementsView(ctx)
    qtbot.addWidget(view)
    view.resize(*SIZE)
    view.show()
    with qtbot.waitSignal(view.ids_loaded, timeout=10_000) as sig:
        view.activated()
    assert sig.args[0] == cq.count_settlements(demo_ws)
    view.table.model().data(view.table.model().index(0, 0))
    wait_page(qtbot, view.model)
    qtbot.waitUntil(lambda: view.inst.count() > 10, timeout=10_000)
    # open the first inpatient settlement with the keyboard-free way a person uses: double-click
    row = next(r for r in range(200) if view.model.row_object(r).med_type.startswith("21"))
    view.table.scrollTo(view.model.index(row, 0))
    rect = view.table.visualRect(view.model.index(row, 0))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(view.detail.loaded, timeout=10_000):
        qtbot.keyClick(view.table, Qt.Key.Key_Return)  # Enter opens the selected settlement
    d = view.detail.detail
    assert d is not None and d.setl_id == view.model.row_object(row).setl_id
    certno_shown = view.detail._fields["certno"][1].text()
    assert "********" in certno_shown and len(certno_shown) == 18
    assert view.detail.model.rowCount() == len(d.lines)
    view.splitter.setSizes([420, 300])
    path = save_screenshot(view, "settlements_view", SIZE)
    assert has_ink(path)


def test_filter_by_institution_and_amount(demo_ws, make_ctx, qtbot):
    from workstation.ui.views.settlements_view import SettlementsView

    view = SettlementsView(make_ctx(demo_ws))
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.ids_loaded, timeout=10_000):
        view.activated()
    qtbot.waitUntil(lambda: view.inst.count() > 10, timeout=10_000)
    view.inst.setCurrentIndex(1)
    qtbot.keyClicks(view.amount_min, "500")
    with qtbot.waitSignal(view.ids_loaded, timeout=10_000) as sig:
        qtbot.keyClick(view.amount_min, Qt.Key.Key_Return)
    expected = cq.count_settlements(demo_ws, cq.SettlementFilter(institution=view.inst.currentData(),
                                                                amount_min=50_000))
    assert sig.args[0] == expected and 0 < expected < cq.count_settlements(demo_ws)
    assert "," not in view.count_label.text() or str(expected) in view.count_label.text().replace(",", "")


def test_bad_filter_value_is_reported_and_the_list_stays(demo_ws, make_ctx, qtbot):
    from workstation.ui.views.settlements_view import SettlementsView

    view = SettlementsView(make_ctx(demo_ws))
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.ids_loaded, timeout=10_000):
        view.activated()
    before = view.model.rowCount()
    view.date_from.setText("2025-13-45")
    view.apply_filter()
    box = view.findChild(type(QApplication.activeModalWidget() or view), "errorBox")
    assert view.model.rowCount() == before
    assert box is not None


class _NumbersModel:
    """A page source for the lazy model that needs no database (rows are computed from ids)."""


def test_lazy_model_opens_a_million_ids_as_fast_as_a_hundred(make_ctx, ws, qtbot):
    from PySide6.QtWidgets import QTableView

    from workstation.ui.widgets.lazy_table import LazyTableModel

    fetched = []

    class Numbers(LazyTableModel):
        def display(self, obj, column):
            return obj

    def fetch(ids):
        fetched.append(len(ids))
        return [f"row {i}" for i in ids]

    timings = {}
    for n in (100, 1_000_000):
        model = Numbers(make_ctx(ws), fetch)
        model.headers = ["#"]
        table = QTableView()
        qtbot.addWidget(table)
        table.setModel(model)
        table.resize(600, 500)
        table.show()
        started = time.perf_counter()
        model.set_ids(array("q", range(n)))
        QApplication.processEvents()
        timings[n] = time.perf_counter() - started
        qtbot.waitUntil(lambda m=model: m.loaded_pages() >= 1, timeout=5000)
        assert model.rowCount() == n
        assert table.model().data(table.model().index(0, 0)) == "row 0"
    assert all(size <= Numbers.PAGE for size in fetched)  # only pages were fetched, never all rows
    assert timings[1_000_000] < max(0.5, 20 * timings[100])


def _two_thousand_lines(ws, tmp_path: Path) -> str:
    with open(tmp_path / "s.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["setl_id", "psn_no", "psn_name", "gend", "brdy", "certno", "med_type", "fixmedins_code",
                    "fixmedins_name", "hosp_lv", "begndate", "enddate", "setl_time", "medfee_sumamt", "hifp_pay"])
        w.writerow(["BIG1", "P1", "王建国", "1", "1958-06-01", "410702195806011238", "21", "H41070200003",
                    "新乡市第一人民医院", "1", "2025-01-02", "2025-03-12", "2025-03-12 10:00:00", "2000.00", "0"])
    with open(tmp_path / "f.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["setl_id", "feedetl_sn", "med_list_codg", "hilist_name", "med_chrgitm_type", "chrgitm_lv",
                    "fee_ocur_time", "cnt", "pric", "det_item_fee_sumamt", "bilg_dept_name"])
        for i in range(2000):
            typ = ("01", "07", "09", "04")[i % 4]
            w.writerow(["BIG1", f"{i + 1:05d}", f"ITEM{typ}{i % 7}", f"项目{typ}-{i % 7}", typ, "01",
                        f"2025-01-{2 + i % 28:02d} 08:00:00", "1", "1.00", "1.00", "神经内科"])
    import_file(ws, tmp_path / "s.csv")
    import_file(ws, tmp_path / "f.csv")
    with ws.store.session() as s:
        ids = [r[0] for r in s.execute(text("SELECT id FROM fee_lines WHERE setl_id='BIG1' ORDER BY feedetl_sn "
                                            "LIMIT 3"))]
        s.execute(text("INSERT INTO flags (rule_id, setl_id, fee_line_id, feedetl_sn, amount, params) VALUES "
                       "('DUPLICATE_CHARGE', 'BIG1', :a, '00002', 100, '{}'), "
                       "('PRICE_OVER_LIMIT', 'BIG1', :b, '00003', 50, :p), "
                       "('BED_DAYS_EXCEED_STAY', 'BIG1', NULL, NULL, 3500, "
                       "'{\"bed_cnt\": \"70\", \"bed_amount\": \"70.00\", \"stay_days\": 69}')"),
                  {"a": ids[1], "b": ids[2], "p": '{"pric": "1.00", "cap": "0.50", "cap_source": "目录", "cnt": "1"}'})
    return "BIG1"


def test_detail_opens_2000_lines_fast_with_flags_and_selection(ws, tmp_path, make_ctx, qtbot):
    from workstation.ui.widgets.settlement_detail import SettlementDetailWidget

    setl_id = _two_thousand_lines(ws, tmp_path)
    w = SettlementDetailWidget(make_ctx(ws))
    qtbot.addWidget(w)
    w.resize(*SIZE)
    w.show()
    started = time.perf_counter()
    with qtbot.waitSignal(w.loaded, timeout=10_000):
        w.set_settlement(setl_id)
    QApplication.processEvents()
    elapsed = time.perf_counter() - started
    print(f"settlement with 2000 lines opened in {elapsed * 1000:.0f} ms")
    assert elapsed < 1.5  # target 300 ms on an idle machine; CI machines are shared
    assert w.model.rowCount() == 2000
    assert "超标准收费" in w.model.data(w.model.index(2, 11))
    tip = w.model.data(w.model.index(2, 11), Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("超标准收费") and "1.00" in tip and "0.50" in tip  # the rule's explanation with its numbers
    assert "超住院天数" in w.setl_flags.text() and "69" in w.setl_flags.text() and "{" not in w.setl_flags.text()
    # extended selection of rows → fee line ids
    with qtbot.waitSignal(w.selection_changed):
        w.table.selectRow(1)
    qtbot.mouseClick(w.table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier,
                     w.table.visualRect(w.model.index(2, 0)).center())
    assert len(w.selected_fee_line_ids()) == 2
    # filter by flag, then by item type
    w.flag_filter.setCurrentIndex(w.flag_filter.findData("*"))
    assert w.model.rowCount() == 2
    w.flag_filter.setCurrentIndex(0)
    w.type_filter.setCurrentIndex(w.type_filter.findData("01"))
    assert w.model.rowCount() == 500
    w.type_filter.setCurrentIndex(0)
    w.table.scrollToTop()
    path = save_screenshot(w, "settlement_detail", SIZE)
    assert has_ink(path)


def test_import_dialog_shows_rejection_report(ws, tmp_path, make_ctx, qtbot):
    from workstation.ui.import_dialog import ImportDialog

    src = Path(__file__).resolve().parent.parent / "fixtures" / "import" / "settlements_zh.csv"
    lines = src.read_text(encoding="utf-8").splitlines()
    bad = lines[:2] + [lines[2].replace("20250310,20250310", "20250310,2025-02-30").replace("86.50,86.50", "86.505,86.50")]
    bad.append(lines[1].replace("F0001", "F0003").replace("12345.67", "一万"))
    bad.append(lines[1])  # duplicate of row 2
    path = tmp_path / "结算信息-2025年3月.csv"
    path.write_text("\n".join(bad) + "\n", encoding="gbk")
    ctx = make_ctx(ws)
    dlg = ImportDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.resize(1100, 620)
    dlg.show()
    dlg.add_files([str(path)])
    with qtbot.waitSignal(dlg.finished_import, timeout=20_000):
        qtbot.mouseClick(dlg.start_btn, Qt.MouseButton.LeftButton)
    rows = [(r.row, r.column) for r in dlg.rej_model.rows]
    assert rows == [(3, "enddate"), (3, "medfee_sumamt"), (4, "medfee_sumamt"), (5, "setl_id")]
    assert "未导入任何数据" in dlg.status.text()
    assert dlg.export_btn.isEnabled()
    assert cq.count_settlements(ws) == 0
    target = tmp_path / "out" / "rejected.csv"
    dlg.export_report(str(target))
    qtbot.waitUntil(target.exists, timeout=5000)
    assert "86.505" not in target.read_text(encoding="utf-8-sig")
    path_png = save_screenshot(dlg, "import_dialog_rejections")
    assert has_ink(path_png)

    dlg.accept_valid.setChecked(True)
    with qtbot.waitSignal(dlg.finished_import, timeout=20_000):
        qtbot.mouseClick(dlg.start_btn, Qt.MouseButton.LeftButton)
    assert cq.count_settlements(ws) == 1 and "新增 1" in dlg.status.text()


@pytest.mark.parametrize("parse_in", ["thread", "process"])
def test_import_dialog_cancel_leaves_nothing(ws, tmp_path, make_ctx, qtbot, monkeypatch, parse_in):
    from bench.bench_import import write_files
    from workstation.services import import_rows
    from workstation.ui.import_dialog import ImportDialog

    monkeypatch.setattr(import_rows, "PROCESS_MIN_LINES", 0 if parse_in == "process" else 10**12)
    setl, lines = write_files(tmp_path, 30_000)
    dlg = ImportDialog(make_ctx(ws))
    qtbot.addWidget(dlg)
    dlg.add_files([str(setl), str(lines)])
    dlg.start()
    dlg.cancel()
    qtbot.waitUntil(lambda: dlg.handle is None, timeout=30_000)
    assert "取消" in dlg.status.text()
    assert cq.count_settlements(ws) == 0
    with ws.store.read() as s:
        assert s.execute(text("SELECT count(*) FROM fee_lines")).scalar_one() == 0


def test_import_dialog_runs_a_file_parsed_in_a_child_process(ws, tmp_path, make_ctx, qtbot, monkeypatch):
    """The dialog's import runs on the DB worker thread; its parse runs in a child process."""
    from bench.bench_import import write_files
    from tests.support.imports import record_parse_processes
    from workstation.services import import_rows
    from workstation.ui.import_dialog import ImportDialog

    monkeypatch.setattr(import_rows, "PROCESS_MIN_LINES", 0)
    started = record_parse_processes(monkeypatch)
    setl, lines = write_files(tmp_path, 12_000)
    dlg = ImportDialog(make_ctx(ws))
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.add_files([str(setl), str(lines)])
    with qtbot.waitSignal(dlg.finished_import, timeout=60_000):
        qtbot.mouseClick(dlg.start_btn, Qt.MouseButton.LeftButton)
    assert len(started) == 2 and all(c is not None for c in started)
    assert all(c[0].poll() is not None for c in started)  # both parsing processes ended
    assert "新增 12,000" in dlg.status.text() or "新增 12000" in dlg.status.text(), dlg.status.text()
    assert dlg.progress.value() == dlg.progress.maximum()
    with ws.store.read() as s:
        assert s.execute(text("SELECT count(*) FROM fee_lines")).scalar_one() == 12_000


def test_import_button_drag_and_drop_then_the_list_refreshes(ws, make_ctx, qtbot):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    from workstation.ui.views.settlements_view import SettlementsView

    fix = Path(__file__).resolve().parent.parent / "fixtures" / "import"
    view = SettlementsView(make_ctx(ws))
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitSignal(view.ids_loaded, timeout=10_000) as sig:
        view.activated()
    assert sig.args[0] == 0
    qtbot.mouseClick(view.import_btn, Qt.MouseButton.LeftButton)
    dlg = view.import_dialog
    assert dlg.isVisible()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(fix / "settlements_zh.csv")), QUrl.fromLocalFile(str(fix / "catalog.csv"))])
    drop = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    dlg.dropEvent(drop)
    assert [Path(p).name for p in dlg.paths()] == ["settlements_zh.csv", "catalog.csv"]
    with qtbot.waitSignal(view.ids_loaded, timeout=20_000) as sig:
        qtbot.mouseClick(dlg.start_btn, Qt.MouseButton.LeftButton)
    assert sig.args[0] == 2  # the browser refreshed itself after the import
    assert "医保目录" in dlg.status.text() and "新增 2" in dlg.status.text()
