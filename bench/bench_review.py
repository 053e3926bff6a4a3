"""Opening a review unit whose settlement has 2,000 fee lines takes ≤ 300 ms (issue #6).

Measured: the record view's whole load — the unit and its findings, the
settlement detail with its flags (on the DB worker), and filling the fee-lines
model and the findings list on the GUI thread — from ``open_unit`` until both
parts show. Baseline in the same run: a raw SELECT of the same 2,000 lines.
Two 2,000-line units are opened alternately so that nothing is skipped as
"already shown". A small unit (20 lines) is timed too, to show the growth.
"""
from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("WORKSTATION_KDF_LOG2N", "10")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("WORKSTATION_NO_LOGFILE", "1")
os.environ.setdefault("WORKSTATION_HOME", str(Path(os.environ.get("TMPDIR", "/tmp")) / "ws-bench-home"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.util import peak_rss_mb, scratch_dir  # noqa: E402

LINES = 2000
RUNS = 6


def _store(folder: Path):
    from tests.support.review_data import seed_units
    from tests.support.stores import login, new_store
    from workstation.services import review_service as rs
    from workstation.store.models.screening import FlagRow

    ws = new_store(folder)
    big = seed_units(ws, n=2, lines=LINES, prefix="BIG")
    small = seed_units(ws, n=1, lines=20, prefix="SMALL")
    # flags on every 10th line so the inline flag column and its filter have work to do
    with ws.store.session() as s:
        for uid in big["units"]:
            setl = rs.unit(ws, uid).setl_id
            for lid in big["lines"][uid][1::10]:
                s.add(FlagRow(rule_id="DUPLICATE_CHARGE", setl_id=setl, fee_line_id=lid, feedetl_sn="",
                              amount=100, params='{"first_sn": "00001"}'))
    rev = login(ws.store.path, "reviewer")
    return ws, rev, big["units"], small["units"]


def main(argv: list[str]) -> dict:
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import text

    from workstation.ui.context import Bus, UiContext
    from workstation.ui.fonts import register_cjk_font
    from workstation.ui.i18n import Translations
    from workstation.ui.prefs import Prefs
    from workstation.ui.review.record_view import RecordView
    from workstation.ui.tasks import TaskRunner

    app = QApplication.instance() or QApplication([])
    register_cjk_font(app)
    ws, rev, big, small = _store(scratch_dir("ws-bench-review-"))
    tr = Translations(app)
    tr.set_language("zh_CN")
    runner = TaskRunner()
    ctx = UiContext(rev, runner, tr, Prefs(), Bus())
    view = RecordView(ctx)
    view.resize(1234, 700)
    view.show()

    def open_and_wait(uid: int) -> float:
        done = {"unit": False, "detail": False}
        c1 = view.loaded.connect(lambda _u: done.__setitem__("unit", True))
        c2 = view.detail.loaded.connect(lambda _s: done.__setitem__("detail", True))
        if view.info is not None and view.info.setl_id == rev_setl[uid]:
            done["detail"] = True
        t0 = time.perf_counter()
        view.open_unit(uid)
        while not all(done.values()):
            app.processEvents()
            time.sleep(0.0005)
        elapsed = time.perf_counter() - t0
        view.loaded.disconnect(c1)
        view.detail.loaded.disconnect(c2)
        return elapsed * 1000

    from workstation.services import review_service as rs

    rev_setl = {u: rs.unit(rev, u).setl_id for u in big + small}
    open_and_wait(small[0])  # warm-up: imports, fonts, first queries
    big_ms = [open_and_wait(big[i % 2]) for i in range(RUNS)]
    small_ms = []
    for _ in range(3):
        small_ms.append(open_and_wait(small[0]))
        open_and_wait(big[0])
    raw_ms = []
    for i in range(RUNS):
        t0 = time.perf_counter()
        with rev.store.read() as s:
            rows = s.execute(text("SELECT * FROM fee_lines WHERE setl_id = :s ORDER BY feedetl_sn"),
                             {"s": rev_setl[big[i % 2]]}).all()
        raw_ms.append((time.perf_counter() - t0) * 1000)
    assert len(rows) == LINES and view.detail.model.rowCount() == LINES
    runner.shutdown()
    view.close()
    view.deleteLater()
    app.processEvents()
    rev.close()
    ws.close()
    median = statistics.median(big_ms)
    return {"bench": "review", "fee_lines": LINES, "runs": RUNS,
            "open_unit_ms_median": round(median, 1), "open_unit_ms_max": round(max(big_ms), 1),
            "open_unit_ms_all": [round(x, 1) for x in big_ms],
            "baseline_raw_select_ms_median": round(statistics.median(raw_ms), 1),
            "small_unit_20_lines_ms_median": round(statistics.median(small_ms), 1),
            "ok": median <= 300, "peak_rss_mb": round(peak_rss_mb(), 1)}


if __name__ == "__main__":
    import json

    print(json.dumps(main(sys.argv[1:]), ensure_ascii=False))
