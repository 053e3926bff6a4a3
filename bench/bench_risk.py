"""Risk profiles over a store with ≥ 1,000,000 fee lines (issue #20).

Targets, against one full scan of the fee-line table measured in the same run:
the institution profile with trends and Benford ≤ 10 × the scan; the doctor
profile ≤ 15 × the scan. The store is the demo claims (size "large") screened
once, built in a child process (so that peak RSS is that of the profiles);
``WORKSTATION_BENCH_RISK_DB`` names an existing store instead (opened as
admin with the test passphrase), which is kept.

``python -m bench risk`` or ``python -m bench.bench_risk [small|medium|large]``.
JSON: fee_lines, settlements, flags, seconds_baseline_scan (best of a scan
before and one after), seconds_institution, seconds_doctor, the ratios, peak
RSS, the load average, ok.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import random
import sys
import time
from pathlib import Path

os.environ.setdefault("WORKSTATION_KDF_LOG2N", "10")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.util import peak_rss_mb, scratch_dir, timer  # noqa: E402

BASELINE_SQL = "SELECT count(*), sum(det_item_fee_sumamt), sum(cnt) FROM fee_lines"


def _build(folder: str, size: str, out) -> None:
    from tests.support.stores import new_store
    from workstation.services import screening_service
    from workstation.services.demo import claims

    ws = new_store(Path(folder))
    try:
        start = time.perf_counter()
        counts = claims.build(ws, random.Random("2025:claims"), size)
        screening_service.run_screen(ws)
        out.put({"seconds": time.perf_counter() - start, "counts": counts, "db": str(ws.store.path)})
    finally:
        ws.close()


def _baseline(ws) -> float:
    with ws.store.read() as s:
        cur = s.connection().connection.dbapi_connection.cursor()
        start = time.perf_counter()
        cur.execute(BASELINE_SQL).fetchone()
        return time.perf_counter() - start


def main(argv: list[str]) -> dict:
    size = argv[0] if argv else os.environ.get("WORKSTATION_BENCH_RISK_SIZE", "large")
    existing = os.environ.get("WORKSTATION_BENCH_RISK_DB")
    folder = None
    if existing:
        db, seconds_build = Path(existing), None
    else:
        folder = scratch_dir("ws-bench-risk-")
        ctx = mp.get_context("spawn")
        q = ctx.Queue()
        child = ctx.Process(target=_build, args=(str(folder), size, q))
        child.start()
        built = q.get()
        child.join()
        db, seconds_build = Path(built["db"]), built["seconds"]

    from tests.support.stores import login
    from workstation.services import risk_service as rs

    ws = login(db, "admin")
    try:
        with ws.store.read() as s:
            cur = s.connection().connection.dbapi_connection.cursor()
            fee_lines = cur.execute("SELECT count(*) FROM fee_lines").fetchone()[0]
            settlements = cur.execute("SELECT count(*) FROM settlements").fetchone()[0]
            flags = cur.execute("SELECT count(*) FROM flags").fetchone()[0]
        base_before = _baseline(ws)
        with timer() as t_inst:
            inst = rs.compute(ws, "institution")
        with timer() as t_doc:
            doc = rs.compute(ws, "doctor")
        base_after = _baseline(ws)
        baseline = min(base_before, base_after)
        r_inst, r_doc = t_inst["seconds"] / baseline, t_doc["seconds"] / baseline
        return {"bench": "risk", "size": size, "fee_lines": fee_lines, "settlements": settlements, "flags": flags,
                "institutions": len(inst.entities), "trend_rows": len(inst.trends), "doctors": len(doc.entities),
                "seconds_build": None if seconds_build is None else round(seconds_build, 1),
                "seconds_baseline_scan": round(baseline, 3),
                "seconds_baseline_scan_before_after": [round(base_before, 3), round(base_after, 3)],
                "seconds_institution": round(t_inst["seconds"], 3), "ratio_institution": round(r_inst, 2),
                "seconds_doctor": round(t_doc["seconds"], 3), "ratio_doctor": round(r_doc, 2),
                "peak_rss_mb": round(peak_rss_mb(), 1),
                "load_average_1m": round(os.getloadavg()[0], 2), "cpus": os.cpu_count(),
                "ok": r_inst <= 10 and r_doc <= 15 and fee_lines >= (1_000_000 if size == "large" else 0)}
    finally:
        ws.close()
        if folder is not None:
            for p in sorted(folder.rglob("*"), reverse=True):
                p.unlink() if p.is_file() else p.rmdir()
            folder.rmdir()


if __name__ == "__main__":
    import json

    print(json.dumps(main(sys.argv[1:]), ensure_ascii=False))
