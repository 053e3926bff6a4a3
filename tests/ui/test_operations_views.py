"""首页 per role and 报表 on the demo store: tiles open their views, reports preview and export, 1366×768 zh/en."""
import pytest
from PySide6.QtCore import Qt

from tests.support.screens import has_ink, save_screenshot
from workstation.services import auth_service
from workstation.services.demo import DEMO_PASSPHRASE, build_demo

SIZE = (1366, 768)


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    build_demo(path, size="small")
    return path


@pytest.fixture
def open_as(demo_path):
    opened = []

    def _open(user, lang="zh_CN"):
        w = auth_service.unlock(demo_path, user, DEMO_PASSPHRASE, lang=lang)
        opened.append(w)
        return w

    yield _open
    for w in opened:
        w.close()


def _window(ws, make_ctx, qtbot, lang):
    from workstation.ui.main_window import MainWindow

    win = MainWindow(make_ctx(ws, lang))
    qtbot.addWidget(win)
    win.resize(*SIZE)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.mark.parametrize("user, expected", [
    ("demo-supervisor", {"dossiers", "appeals", "pass_rate", "coverage", "staffing", "certificates", "reports_due"}),
    ("demo-reviewer", {"queue", "due"}),
    ("demo-admin", {"backup", "events", "calendar"}),
])
@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_home_is_the_first_view_per_role(open_as, make_ctx, qtbot, user, expected, lang):
    ws = open_as(user, lang)
    win = _window(ws, make_ctx, qtbot, lang)
    home = win.current_view()
    assert home.view_id == "home"
    qtbot.waitUntil(lambda: len(home.tiles) > 0, timeout=60000)
    assert {t.tile.id for t in home.tiles} == expected
    for t in home.tiles:  # nothing clipped: every tile's text fits its width at 1366×768
        assert t.title.sizeHint().width() <= t.width(), t.tile.id
    path = save_screenshot(win, f"home-{user.split('-')[1]}-{lang}", SIZE)
    assert has_ink(path)
    target = home.tiles[0]
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton)
    assert win.current_view().view_id == target.tile.view
    qtbot.waitUntil(lambda: not win.ctx.runner.busy, timeout=60000)  # closing with work running asks
    win.idle.stop()


def test_reports_view_previews_and_exports(open_as, make_ctx, qtbot, tmp_path):
    ws = open_as("demo-supervisor")
    win = _window(ws, make_ctx, qtbot, "zh_CN")
    view = win.show_view("reports")
    qtbot.waitUntil(lambda: view.contract.count() == 5, timeout=30000)
    assert view.contract.currentData() == "xinxiang-2025"
    assert [view.kind.itemData(i) for i in range(view.kind.count())] == ["monthly", "annual"]
    assert view.period.text() == "2025-12"  # the latest imported month within the contract
    view.period.setText("2025-03")
    qtbot.mouseClick(view.preview_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.pages.pixmap() is not None and not view.pages.pixmap().isNull(), timeout=60000)
    assert "共" in view.status.text()
    path = save_screenshot(win, "reports-zh_CN", SIZE)
    assert has_ink(path)
    view.format.setCurrentIndex(view.format.findData("docx"))
    out = tmp_path / "m.docx"
    view.export_to(str(out))
    qtbot.waitUntil(lambda: out.exists() and "已导出" in view.status.text(), timeout=60000)
    qtbot.waitUntil(lambda: not win.ctx.runner.busy, timeout=60000)  # closing with work running asks
    win.idle.stop()


def test_reports_view_english(open_as, make_ctx, qtbot):
    ws = open_as("demo-supervisor", "en")
    win = _window(ws, make_ctx, qtbot, "en")
    view = win.show_view("reports")
    qtbot.waitUntil(lambda: view.contract.count() == 5, timeout=30000)
    view.period.setText("2025-03")
    qtbot.mouseClick(view.preview_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.pages.pixmap() is not None and not view.pages.pixmap().isNull(), timeout=60000)
    save_screenshot(win, "reports-en", SIZE)
    assert view.preview_btn.text() == "Preview"
    qtbot.waitUntil(lambda: not win.ctx.runner.busy, timeout=60000)  # closing with work running asks
    win.idle.stop()
