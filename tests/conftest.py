"""Fixtures shared by all layers: real encrypted stores, a real in-memory keyring."""
from __future__ import annotations

import os
import threading
from pathlib import Path

import keyring
import pytest

# Before anything imports Qt: no display in CI; no log file in the home folder.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("WORKSTATION_NO_LOGFILE", "1")
# Key derivation is deliberately slow; tests lower its cost (one test keeps the default).
os.environ.setdefault("WORKSTATION_KDF_LOG2N", "10")

from tests.support.memory_keyring import MemoryKeyring  # noqa: E402
from tests.support.stores import login, new_store  # noqa: E402

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("WORKSTATION_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def _no_store_work_on_the_gui_thread():
    """Fails a test in which ui code ran SQL, a KDF or the keyring on the GUI thread (core/gui_thread.py)."""
    from workstation.core import gui_thread

    gui_thread.take_violations()
    gui_thread.watch(threading.main_thread().ident)  # pytest-qt's QApplication lives on the main thread
    yield
    gui_thread.watch(None)
    violations = gui_thread.take_violations()
    if violations:
        pytest.fail("store work on the GUI thread:\n" + "\n".join(violations), pytrace=False)


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def ws(tmp_path):
    """The admin's workspace on a fresh store with four users."""
    workspace = new_store(tmp_path)
    yield workspace
    workspace.close()


@pytest.fixture
def as_user(ws):
    """Open the same store as another user: as_user('reviewer')."""
    opened = []

    def _open(name: str, lang: str = "zh_CN"):
        w = login(ws.store.path, name, lang)
        opened.append(w)
        return w

    yield _open
    for w in opened:
        w.close()


@pytest.fixture
def artifacts() -> Path:
    """Where tests save screenshots and PDF renders for people to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
