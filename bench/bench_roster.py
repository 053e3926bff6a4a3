"""Roster and attendance at the size of a large province-wide team (issue #7).

2,000 staff over 60 county centres with two certificates each, and a year of
attendance (2,000 × 365 = 730,000 cells, inserted raw, not timed). Timed: the
staffing check of the Luoyang profile (per county, per qualification), the
expiring-certificates list, one month's grid (62,000 cells), a bulk entry of a
whole month through the service (one transaction, one event), and the monthly
sheet as PDF and XLSX. Baseline in the same run: a raw SELECT of the month's
attendance rows through the driver cursor (the irreducible read cost).
"""
from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

os.environ.setdefault("WORKSTATION_KDF_LOG2N", "10")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.util import peak_rss_mb, scratch_dir, timer  # noqa: E402

N_STAFF = 2_000


def _fill(ws, n: int) -> None:
    quals = ("medical", "medical", "finance", "it", "other", "law", "pharmacy")
    start = dt.date(2025, 1, 1)
    with ws.store.session() as s:
        cur = s.connection().connection.driver_connection.cursor()
        cur.executemany(
            "INSERT INTO staff (id, staff_no, name, certno, birth_date, qualification, post, centre, education, "
            "education_exception, start_date, end_date, row_digest, updated_at, updated_by) "
            "VALUES (?,?,?,?,?,?,?,?,?,'',?,NULL,'','2025-01-01 00:00:00','bench')",
            [(i + 1, f"B{i:05d}", f"人员{i}", f"41070219{80 + i % 20}0101{i % 1000:03d}X",
              f"19{80 + i % 20}-01-01", quals[i % len(quals)], "审核员", "市级" if i < 600 else f"县区{i % 60:02d}",
              "本科", "2024-01-01") for i in range(n)])
        cur.executemany("INSERT INTO staff_certificates (staff_id, name, expiry) VALUES (?,?,?)",
                        [(i + 1, f"证书{k}", (start + dt.timedelta(days=(i * 7 + k * 180) % 700)).isoformat())
                         for i in range(n) for k in range(2)])
        rows = []
        for d in range(365):
            day = (start + dt.timedelta(days=d)).isoformat()
            rows.extend((i + 1, day, "present" if d % 7 < 5 else "rest") for i in range(n))
        cur.executemany("INSERT INTO attendance (staff_id, day, status, updated_by, updated_at) "
                        "VALUES (?,?,?,'bench','2025-01-01 00:00:00')", rows)


def main(argv: list[str]) -> dict:
    from tests.support.stores import new_store
    from workstation.services import attendance_service as att, profile_service, roster_service

    folder = scratch_dir("bench-roster-")
    ws = new_store(folder)
    try:
        _fill(ws, N_STAFF)
        profile_service.set_active_profile(ws, "luoyang-2024")
        day = dt.date(2025, 6, 30)
        with ws.store.read() as s:
            cur = s.connection().connection.driver_connection.cursor()
            with timer() as base:
                cur.execute("SELECT staff_id, day, status FROM attendance WHERE day BETWEEN '2025-03-01' AND "
                            "'2025-03-31'")
                baseline_rows = len(cur.fetchall())
        with timer() as t_check:
            _p, res = roster_service.check(ws, None, day)
        with timer() as t_exp:
            expiring = roster_service.expiring_certificates(ws, day)
        with timer() as t_grid:
            g = att.grid(ws, "2025-03")
        entries = [(p["id"], d, "inspection") for p in g["people"] for d in p["duty_days"]]
        with timer() as t_set:
            changed = att.set_statuses(ws, entries)
        with timer() as t_pdf:
            out = att.export(ws, "2025-03", folder / "march.pdf")
        with timer() as t_xlsx:
            att.export(ws, "2025-03", folder / "march.xlsx")
        return {
            "bench": "roster", "staff": N_STAFF, "attendance_cells": N_STAFF * 365,
            "baseline_raw_select_month_s": round(base["seconds"], 3), "baseline_rows": baseline_rows,
            "check_s": round(t_check["seconds"], 3), "terms_evaluated": len(res.terms),
            "expiring_s": round(t_exp["seconds"], 3), "expiring": len(expiring),
            "grid_month_s": round(t_grid["seconds"], 3), "grid_cells": sum(len(p["statuses"]) for p in g["people"]),
            "grid_vs_baseline": round(t_grid["seconds"] / max(base["seconds"], 1e-6), 1),
            "bulk_set_month_s": round(t_set["seconds"], 3), "cells_changed": changed,
            "pdf_s": round(t_pdf["seconds"], 3), "pdf_bytes": (folder / "march.pdf").stat().st_size,
            "xlsx_s": round(t_xlsx["seconds"], 3), "people": out["people"],
            "peak_rss_mb": round(peak_rss_mb(), 1),
        }
    finally:
        ws.close()
        for f in folder.iterdir():
            f.unlink()
        folder.rmdir()


if __name__ == "__main__":
    import json

    print(json.dumps(main(sys.argv[1:]), ensure_ascii=False))
