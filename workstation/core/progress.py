"""The one progress protocol: what a long job reports and how it learns it was cancelled.

The UI hands every job a ``ui.tasks.Progress``; a service that reports takes
``progress: Progress | None = None`` and calls ``report(done, total, text)``
now and then and ``check()`` where stopping is safe (it raises ``Cancelled``).
The CLI and tests pass nothing (``SILENT``) or their own object of this shape.
"""
from __future__ import annotations

from typing import Protocol, runtime_checkable


@runtime_checkable
class Progress(Protocol):
    def report(self, done: int, total: int = 0, text: str = "") -> None: ...

    def check(self) -> None: ...


class _Silent:
    """Reports nowhere and is never cancelled."""

    cancelled = False

    def report(self, done: int, total: int = 0, text: str = "") -> None:
        return None

    def check(self) -> None:
        return None


SILENT: Progress = _Silent()


def or_silent(progress: Progress | None) -> Progress:
    return SILENT if progress is None else progress
