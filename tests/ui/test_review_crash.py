"""Nothing typed is lost: kill the application after a finding is entered, find it on reopening."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.support.review_data import seed_units
from tests.support.stores import login
from workstation.services import review_service as rs

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = textwrap.dedent("""
    import os, signal, sys, time
    sys.path.insert(0, {root!r})
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from tests.support.stores import login
    from workstation.ui.context import Bus, UiContext
    from workstation.ui.i18n import Translations
    from workstation.ui.prefs import Prefs
    from workstation.ui.tasks import TaskRunner
    from workstation.ui.review.record_view import RecordView

    app = QApplication([])
    ws = login({db!r}, "reviewer")
    tr = Translations(app)
    tr.set_language("zh_CN")
    ctx = UiContext(ws, TaskRunner(), tr, Prefs(), Bus())
    view = RecordView(ctx)
    view.resize(1200, 700)
    view.show()

    def idle():
        for _ in range(200):
            app.processEvents()
            if not ctx.runner.busy:
                QTest.qWait(50)
                if not ctx.runner.busy:
                    return
            QTest.qWait(20)
        raise SystemExit("worker never went idle")

    view.open_unit({unit})
    idle()
    view.detail.select_fee_lines({lines})
    QTest.keyClick(view.detail.table, Qt.Key.Key_F)
    idle()
    view.editor.note.setFocus()
    QTest.keyClicks(view.editor.note, "typed just before the crash")
    QTest.qWait(700)  # the editor saves shortly after typing stops; no save button
    idle()
    os.kill(os.getpid(), signal.SIGKILL)
""")


def test_finding_survives_a_kill(ws, as_user, tmp_path):
    data = seed_units(ws, n=1, lines=4)
    uid = data["units"][0]
    lines = data["lines"][uid][:2]
    db = str(ws.store.path)
    ws.close()
    script = tmp_path / "crash.py"
    script.write_text(SCRIPT.format(root=str(ROOT), db=db, unit=uid, lines=lines), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, str(script)], env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == -signal.SIGKILL, proc.stderr[-2000:]
    again = login(Path(db), "reviewer")
    try:
        info = rs.unit(again, uid)
        assert len(info.findings) == 1
        f = info.findings[0]
        assert set(f.fee_line_ids) == set(lines) and f.note == "typed just before the crash"
        assert info.can_undo  # still open: the work can be undone after the restart
    finally:
        again.close()
