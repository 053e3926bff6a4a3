"""Every statement on any engine, and every connection taken from a pool, passes the GUI-thread check.

Registered on the Engine and Pool classes (not one engine), so a SQLCipher store,
a PostgreSQL server and a raw DB-API cursor taken from a session are all
covered. See ``core/gui_thread.py`` for what the check does; it costs one
comparison while it is off.
"""
from __future__ import annotations

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.pool import Pool

from ..core import gui_thread


@event.listens_for(Engine, "before_cursor_execute")
def _before_cursor_execute(*_args, **_kw) -> None:
    gui_thread.check("SQL")


@event.listens_for(Pool, "checkout")
def _checkout(*_args, **_kw) -> None:
    gui_thread.check("A store connection")
