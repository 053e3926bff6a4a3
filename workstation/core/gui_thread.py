"""Debug guard: no SQL, no key derivation, no keyring call on the Qt GUI thread.

The GUI must never wait for the store: every database, key-derivation (scrypt)
or keyring job of a widget runs through ``ctx.run(fn)`` (``ui/tasks.py``), which
calls ``fn`` on the database worker and hands the result back on the GUI thread.

This module is the check, Qt-free so that the store and the services can call
it: ``check("SQL")`` sits in the SQLAlchemy engine events (``store/gui_guard.py``),
``check("key derivation")`` in each scrypt call, ``check("keyring")`` in the
keyring calls. It does nothing until the ui layer names the GUI thread
(``watch(thread_id)``); the test suite does that for every test
(``tests/conftest.py``) and fails a test in which a violation happened, and a
developer can turn it on in the program with ``WORKSTATION_GUI_GUARD=1``.

Only work *reached from ui code* counts: a test may set up data on the main
thread by calling services directly, and the command line has no GUI thread.
So when the check runs on the GUI thread it looks up the call stack for a
frame of a ``workstation.ui`` module, and names it in the error.
"""
from __future__ import annotations

import sys
import threading

_gui_thread: int | None = None
_violations: list[str] = []

# Ui modules whose remaining GUI-thread store calls another change is moving onto
# ctx.run. Not a place for new entries: delete the line when that change lands.
NOT_YET_MOVED = {
}

HOW_TO_FIX = ("move it into a job run by ctx.run(fn) (workstation/ui/tasks.py): fn(progress) runs on the "
              "database worker and its result comes back to on_success on the GUI thread")


class GuiThreadViolation(RuntimeError):
    """Store, key-derivation or keyring work was called from ui code on the GUI thread."""


def watch(thread_id: int | None) -> None:
    """Start checking calls made on ``thread_id`` (the Qt GUI thread); None stops checking."""
    global _gui_thread
    _gui_thread = thread_id


def take_violations() -> list[str]:
    """The violations since the last call (tests fail on any, even one a Qt slot swallowed)."""
    out = list(_violations)
    _violations.clear()
    return out


def _ui_caller() -> str | None:
    frame = sys._getframe(2)
    while frame is not None:
        name = frame.f_globals.get("__name__", "")
        if name.startswith("workstation.ui.") and name != "workstation.ui.tasks":
            if name in NOT_YET_MOVED:
                return None
            return f"{name}:{frame.f_lineno} ({frame.f_code.co_name})"
        frame = frame.f_back
    return None


def check(what: str) -> None:
    """Raise GuiThreadViolation when called from ui code on the watched GUI thread."""
    if _gui_thread is None or threading.get_ident() != _gui_thread:
        return
    caller = _ui_caller()
    if caller is None:
        return
    message = f"{what} on the Qt GUI thread, called from {caller}: {HOW_TO_FIX}"
    _violations.append(message)
    raise GuiThreadViolation(message)
