"""A year's report over the large demo store (issue #19): ≥ 1,000,000 fee lines, target ≤ 10 s.

The store is the demo "claims" step at size large (a year, 2025, of settlements
and ≥ 1,000,000 fee lines; not timed). Timed: the annual report of the
Xinxiang contract (figures of every section, then the PDF with its charts),
the monthly report's figures, the year's volumes, and the deadlines list.
Baseline in the same run: one full scan of the settlements and of the fee lines
through the driver cursor (SELECT of every row's amounts), the irreducible cost
of reading the year once; the ratio report / baseline stays meaningful under load.
"""
from __future__ import annotations

import datetime as dt
import os
import random
import sys
from pathlib import Path

os.environ.setdefault("WORKSTATION_KDF_LOG2N", "10")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.util import peak_rss_mb, scratch_dir, timer  # noqa: E402

TARGET_SECONDS = 10.0


def main(argv: list[str]) -> dict:
    from tests.support.stores import new_store
    from workstation.services.demo import claims
    from workstation.services.operations import deadlines, report_data, reports, volumes

    folder = scratch_dir("bench-reports-")
    ws = new_store(folder)
    try:
        with timer() as build:
            counts = claims.build(ws, random.Random("2025:claims"), "large")
        with ws.store.read() as s:
            cur = s.connection().connection.driver_connection.cursor()
            n_setl = cur.execute("SELECT count(*) FROM settlements").fetchone()[0]
            n_lines = cur.execute("SELECT count(*) FROM fee_lines").fetchone()[0]
            with timer() as base:
                total = 0
                for row in cur.execute("SELECT setl_id, fixmedins_code, setl_time, medfee_sumamt, hifp_pay, hifob_pay "
                                       "FROM settlements"):
                    total += row[5]
                for row in cur.execute("SELECT setl_id, det_item_fee_sumamt FROM fee_lines"):
                    total += row[1]
        with timer() as annual:
            _fig, pdf = reports.render(ws, "annual", "2025", "pdf", "xinxiang-2025")
        with timer() as annual_fig:
            fig = report_data.figures(ws, "annual", "2025", "xinxiang-2025")
        with timer() as monthly:
            report_data.figures(ws, "monthly", "2025-03", "xinxiang-2025")
        with timer() as vol:
            volumes.volumes(ws, 2025, "xinxiang-2025", as_of=dt.date(2025, 12, 31))
        with timer() as dl:
            deadlines.deadlines(ws, dt.date(2025, 12, 15), "xinxiang-2025")
        return {
            "bench": "reports", "settlements": n_setl, "fee_lines": n_lines, "build_seconds": round(build["seconds"], 1),
            "baseline_full_scan_seconds": round(base["seconds"], 3),
            "annual_report_pdf_seconds": round(annual["seconds"], 3), "annual_pdf_bytes": len(pdf),
            "annual_figures_seconds": round(annual_fig["seconds"], 3),
            "monthly_figures_seconds": round(monthly["seconds"], 3), "volumes_seconds": round(vol["seconds"], 3),
            "deadlines_seconds": round(dl["seconds"], 3),
            "ratio_annual_to_baseline": round(annual["seconds"] / base["seconds"], 2),
            "annual_total_supplementary": fig.sections["fund_payments"]["total"],
            "target_seconds": TARGET_SECONDS, "within_target": annual["seconds"] <= TARGET_SECONDS,
            "load_average": [round(x, 2) for x in os.getloadavg()], "peak_rss_mb": round(peak_rss_mb(), 1),
            "planted": {k: v for k, v in counts.items() if not k.startswith("planted_")},
        }
    finally:
        ws.close()
        import shutil

        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    import json

    print(json.dumps(main(sys.argv[1:]), ensure_ascii=False))
