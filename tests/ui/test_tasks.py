import threading
import time

import pytest
from PySide6.QtCore import QThread

from workstation.core.errors import BadInput, Cancelled
from workstation.core.i18n import T


def test_result_arrives_on_gui_thread(runner, qtbot):
    seen = {}

    def job(progress):
        seen["worker"] = threading.current_thread().name
        return 42

    def ok(result):
        seen["result"] = result
        seen["gui"] = QThread.currentThread() is qtbot_app_thread()

    handle = runner.run(job, on_success=ok)
    with qtbot.waitSignal(handle.finished, timeout=5000):
        pass
    assert seen["result"] == 42 and seen["gui"] is True
    assert seen["worker"].startswith("ws-db")


def qtbot_app_thread():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance().thread()


def test_progress_and_cancel(runner, qtbot):
    reports = []
    started = threading.Event()

    def job(progress):
        started.set()
        for i in range(1000):
            progress.report(i, 1000)
            time.sleep(0.002)
        return "finished"

    handle = runner.run(job, on_progress=lambda d, t, s: reports.append((d, t)))
    started.wait(2)
    qtbot.waitUntil(lambda: len(reports) >= 2, timeout=5000)
    handle.cancel()
    with qtbot.waitSignal(handle.failed, timeout=5000) as blocker:
        pass
    assert isinstance(blocker.args[0], Cancelled)
    assert reports and all(t == 1000 for _, t in reports)


def test_db_jobs_run_one_at_a_time_in_order(runner, qtbot):
    active, order, overlap = [0], [], []
    lock = threading.Lock()

    def make(i):
        def job(progress):
            with lock:
                active[0] += 1
                overlap.append(active[0])
            time.sleep(0.01)
            order.append(i)
            with lock:
                active[0] -= 1
        return job

    handles = [runner.run(make(i)) for i in range(10)]
    qtbot.waitUntil(lambda: all(h.done for h in handles), timeout=5000)
    assert order == list(range(10))
    assert max(overlap) == 1


def test_failure_is_delivered_not_eaten(runner, qtbot, caplog):
    def bad_input(progress):
        raise BadInput(T("坏", "bad"), file="a.csv", row=3, column="setl_id")

    def crash(progress):
        raise RuntimeError("boom")

    h1 = runner.run(bad_input)
    with qtbot.waitSignal(h1.failed, timeout=5000) as b1:
        pass
    assert b1.args[0].row == 3
    h2 = runner.run(crash)
    with qtbot.waitSignal(h2.failed, timeout=5000) as b2:
        pass
    assert isinstance(b2.args[0], RuntimeError)
    assert any("background task" in r.message for r in caplog.records)
