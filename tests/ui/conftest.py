import pytest

from tests.support.stores import new_store

from workstation.ui.context import Bus, UiContext
from workstation.ui.fonts import register_cjk_font
from workstation.ui.i18n import Translations
from workstation.ui.prefs import Prefs
from workstation.ui.tasks import TaskRunner


@pytest.fixture
def ws(tmp_path):
    """UI tests run on a local store; the services below them run on both backends (tests/conftest.py)."""
    workspace = new_store(tmp_path)
    yield workspace
    workspace.close()


@pytest.fixture(autouse=True)
def _app(qapp):
    register_cjk_font(qapp)
    yield qapp


@pytest.fixture
def translations(qapp):
    tr = Translations(qapp)
    tr.set_language("zh_CN")
    yield tr
    tr.set_language("zh_CN")


@pytest.fixture
def runner():
    r = TaskRunner()
    yield r
    r.shutdown()


@pytest.fixture
def make_ctx(translations, runner):
    def _make(ws, lang="zh_CN"):
        translations.set_language(lang)
        ws.lang = lang
        return UiContext(ws, runner, translations, Prefs(), Bus())

    return _make


@pytest.fixture
def main_window(ws, make_ctx, qtbot):
    from workstation.ui.main_window import MainWindow

    win = MainWindow(make_ctx(ws))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    # the home view loads in the background on opening: closing with a task running asks first
    qtbot.waitUntil(lambda: not win.ctx.runner.busy, timeout=60000)
    win.idle.stop()
