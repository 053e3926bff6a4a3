"""The debug guard: SQL, key derivation or the keyring reached from ui code on the GUI thread fails
the test (tests/conftest.py turns it on for every test); the same work through ctx.run passes."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer

from tests.support.stores import PASSPHRASES
from workstation.core import gui_thread
from workstation.core.gui_thread import GuiThreadViolation
from workstation.ui.views.settings_view import idle_minutes


def _as_ui_code(source: str, **names):
    """A function compiled as if it were written in a ui module (a deliberately wrong view method)."""
    scope = {"__name__": "workstation.ui.views.wrong_view", **names}
    exec(compile(source, "wrong_view.py", "exec"), scope)
    return scope["wrong"]


def test_sql_from_ui_code_on_the_gui_thread_fails_and_says_to_use_ctx_run(ws):
    with pytest.raises(GuiThreadViolation) as err:
        idle_minutes(ws)  # a ui helper that reads the store, called directly on the GUI thread
    message = str(err.value)
    assert message.startswith("SQL on the Qt GUI thread") or message.startswith("A store connection")
    assert "workstation.ui.views.settings_view" in message and "ctx.run(fn)" in message
    assert gui_thread.take_violations() == [message]  # recorded too, for the fixture that fails the test


def test_a_violation_in_a_slot_that_swallows_errors_is_still_recorded(ws, qtbot):
    swallowing = _as_ui_code(
        "def wrong(ws, done):\n"
        "    try:\n"
        "        idle_minutes(ws)\n"
        "    except Exception:\n"
        "        pass\n"
        "    done.append(1)\n", idle_minutes=idle_minutes)
    done = []
    QTimer.singleShot(0, lambda: swallowing(ws, done))
    qtbot.waitUntil(lambda: bool(done), timeout=3000)
    recorded = gui_thread.take_violations()  # the autouse fixture would fail the test on these
    assert recorded and all("settings_view" in v for v in recorded)


def test_key_derivation_and_keyring_from_ui_code_fail(ws, memory_keyring):
    unwrap = _as_ui_code("def wrong(slots, pw):\n    return slots.unwrap('admin', pw)\n")
    with pytest.raises(GuiThreadViolation, match=r"^Key derivation \(scrypt\) on the Qt GUI thread"):
        unwrap(ws.slots, PASSPHRASES["admin"])
    remember = _as_ui_code("def wrong(ws):\n    return auth_service.remember_on_this_computer(ws)\n",
                           auth_service=__import__("workstation.services.auth_service", fromlist=["x"]))
    with pytest.raises(GuiThreadViolation, match=r"^Keyring on the Qt GUI thread"):
        remember(ws)
    assert len(gui_thread.take_violations()) == 2


def test_the_same_work_through_ctx_run_passes(ws, make_ctx, qtbot):
    ctx = make_ctx(ws)
    with qtbot.waitSignal(ctx.run(lambda p: idle_minutes(ws)).succeeded, timeout=5000) as got:
        pass
    assert got.args == [10]
    assert gui_thread.take_violations() == []


def test_store_work_in_the_tests_own_code_is_not_ui_work(ws):
    """Setting up data by calling services directly on the main thread is fine: no ui frame on the stack."""
    from workstation.services import settings_service

    assert settings_service.get(ws, "ui.idle_lock_minutes", 10) == 10
    assert gui_thread.take_violations() == []
