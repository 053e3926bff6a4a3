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
from tests.support.stores import login, new_server_store, new_store  # noqa: E402

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


BACKENDS = ("sqlite", "postgresql")


def pytest_configure(config):
    config.addinivalue_line("markers", "sqlite_only(reason): runs on a local store only; the reason says why")


@pytest.fixture(scope="session")
def pg_cluster():
    """The session's throwaway PostgreSQL cluster (started on first use, stopped at the end)."""
    from tests.support.pg_cluster import Cluster, pg_bin

    if pg_bin() is None:
        pytest.skip("PostgreSQL binaries not installed (postgresql-15)")
    cluster = Cluster.start()
    yield cluster
    cluster.stop()


@pytest.fixture
def pg_database(pg_cluster):
    """A fresh database on the cluster, cloned from the migrated template; dropped afterwards."""
    name = pg_cluster.new_database()
    yield name
    pg_cluster.drop_database(name)


@pytest.fixture
def backend(request) -> str:
    """"sqlite" or "postgresql": the backend of this test's ``ws``."""
    return getattr(request, "param", "sqlite")


@pytest.fixture(params=BACKENDS)
def ws(request, tmp_path):
    """The admin's workspace on a fresh store with four users: a local encrypted file, or an office server."""
    if request.param == "postgresql":
        marker = request.node.get_closest_marker("sqlite_only")
        if marker is not None:
            pytest.skip("local store only: " + (marker.args[0] if marker.args else marker.kwargs.get("reason", "")))
        workspace = new_server_store(request.getfixturevalue("pg_cluster"), request.getfixturevalue("pg_database"))
    else:
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
