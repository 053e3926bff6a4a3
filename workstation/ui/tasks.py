"""The one place that runs work off the GUI thread (the Anki way).

``TaskRunner.run(fn, ...)`` calls ``fn(progress)`` on a worker and delivers
the result, the error or progress back on the GUI thread. Every job that
touches the store goes through a single worker thread (``db=True``, the
default), so writes never race; file-only work may use a small separate pool.
Long jobs call ``progress.report(done, total)`` and ``progress.check()``; the
latter raises Cancelled once the user pressed cancel.
"""
from __future__ import annotations

import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable

from PySide6.QtCore import QObject, Qt, Signal, Slot

from ..core.errors import Cancelled, WorkstationError

log = logging.getLogger(__name__)


class Progress:
    """Handed to the job; safe to call from the worker thread."""

    def __init__(self, handle: "TaskHandle", min_interval: float = 0.05) -> None:
        self._handle = handle
        self._min_interval = min_interval
        self._last = 0.0
        self.started = time.monotonic()

    @property
    def cancelled(self) -> bool:
        return self._handle._cancel.is_set()

    def check(self) -> None:
        if self._handle._cancel.is_set():
            raise Cancelled()

    def report(self, done: int, total: int = 0, text: str = "") -> None:
        now = time.monotonic()
        if now - self._last >= self._min_interval or (total and done >= total):
            self._last = now
            self._handle._progress.emit(int(done), int(total), text)
        self.check()


class TaskHandle(QObject):
    """One job's signals, delivered on the GUI thread."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    _progress = Signal(int, int, str)
    _done = Signal(object, object)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._cancel = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None
        self.done = False
        self._progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, text: str) -> None:
        self.progressed.emit(done, total, text)

    @Slot(object, object)
    def _on_done(self, result: Any, error: Any) -> None:
        self.done = True
        self.result, self.error = result, error
        if error is None:
            self.succeeded.emit(result)
        else:
            self.failed.emit(error)
        self.finished.emit()


class TaskRunner(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ws-db")
        self._files = ThreadPoolExecutor(max_workers=2, thread_name_prefix="ws-file")
        self._active: set[TaskHandle] = set()
        self.default_failure: Callable[[BaseException], None] | None = None

    def run(
        self,
        fn: Callable[[Progress], Any],
        *,
        name: str = "",
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        db: bool = True,
    ) -> TaskHandle:
        handle = TaskHandle(name or getattr(fn, "__name__", "task"), self)
        if on_success:
            handle.succeeded.connect(on_success)
        failure = on_failure or self.default_failure
        if failure:
            handle.failed.connect(failure)
        if on_progress:
            handle.progressed.connect(on_progress)
        self._active.add(handle)
        handle.finished.connect(lambda h=handle: self._active.discard(h))
        progress = Progress(handle)

        def job() -> None:
            try:
                result = fn(progress)
            except Cancelled as exc:
                handle._done.emit(None, exc)
            except WorkstationError as exc:
                handle._done.emit(None, exc)
            except BaseException as exc:  # logged with its traceback, never eaten
                log.exception("background task %s failed", handle.name)
                handle._done.emit(None, exc)
            else:
                handle._done.emit(result, None)

        (self._db if db else self._files).submit(job)
        return handle

    @property
    def busy(self) -> bool:
        return bool(self._active)

    def shutdown(self, wait: bool = True) -> None:
        for h in list(self._active):
            h.cancel()
        self._db.shutdown(wait=wait)
        self._files.shutdown(wait=wait)
