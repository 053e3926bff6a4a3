"""Helpers for import tests."""
from __future__ import annotations

from workstation.services import import_rows


def record_parse_processes(monkeypatch) -> list:
    """Every parsing process import_rows starts from now on, as (process, reader); None where it could not start."""
    started: list = []
    real_start = import_rows._start_child

    def spy(*args):
        started.append(real_start(*args))
        return started[-1]

    monkeypatch.setattr(import_rows, "_start_child", spy)
    return started
