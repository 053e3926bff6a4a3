"""Drawing a 5% srs from a frame of 1,000,000 settlements takes ≤ 5 s (issue #5).

The settlements are inserted with raw executemany into a real encrypted store
(not timed). Timed: building the frame from the store (filter on the period),
the fingerprint, the draw (SHA-256 key per id, first n), and the whole
draw_and_store (frame + draw + writing the 50,000 sample units and the event).
Baseline in the same run: hashing the 1M "{seed}:{id}" texts with hashlib in a
plain loop, the irreducible cost of the spec's algorithm in Python.
"""
from __future__ import annotations

import hashlib
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("WORKSTATION_KDF_LOG2N", "10")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.util import peak_rss_mb, scratch_dir, timer  # noqa: E402


def _fill(ws, n: int) -> None:
    with ws.store.session() as s:
        cur = s.connection().connection.driver_connection.cursor()
        batch = []
        for i in range(n):
            month = 1 + i % 3
            batch.append((f"B{i:09d}", f"P{i % 50_000:06d}", "21" if i % 4 else "11", "1" if i % 5 else "2",
                          str(i % 3), f"H{i % 300:04d}", f"2025-{month:02d}-{1 + i % 28:02d} 09:30:00",
                          100 + (i * 7919) % 2_000_000))
            if len(batch) == 100_000:
                cur.executemany("INSERT INTO settlements (setl_id, psn_no, med_type, setl_type, offsite_flag, "
                                "fixmedins_code, setl_time, medfee_sumamt, inscp_scp_amt, hifp_pay, hifob_pay, "
                                "cvlserv_pay, acct_pay, psn_cash_pay, row_digest) "
                                "VALUES (?,?,?,?,?,?,?,?,0,0,0,0,0,0,'')", batch)
                batch = []
        if batch:
            cur.executemany("INSERT INTO settlements (setl_id, psn_no, med_type, setl_type, offsite_flag, "
                            "fixmedins_code, setl_time, medfee_sumamt, inscp_scp_amt, hifp_pay, hifob_pay, "
                            "cvlserv_pay, acct_pay, psn_cash_pay, row_digest) "
                            "VALUES (?,?,?,?,?,?,?,?,0,0,0,0,0,0,'')", batch)


def main(argv: list[str]) -> dict:
    from tests.support.stores import new_store
    from workstation.core import sampling as smp
    from workstation.services import sampling_service as svc

    n = int(argv[0]) if argv else 1_000_000
    ws = new_store(scratch_dir("ws-bench-sampling-"))
    try:
        t0 = time.perf_counter()
        _fill(ws, n)
        fill_seconds = time.perf_counter() - t0
        plan = svc.Plan(method="srs", seed="20250401", date_from="2025-01-01", date_to="2025-03-31", rate="0.05")
        svc.validate(plan)
        with ws.store.read() as s, timer() as t_frame:
            units = svc.load_frame(s, plan)
        ids = list(units)  # srs: the frame comes back as plain ids
        with timer() as t_fp:
            fp = smp.fingerprint(ids)
        with timer() as t_draw:
            d = smp.draw("srs", plan.seed, units, rate=plan.rate)
        with timer() as t_base:
            prefix = f"{plan.seed}:"
            keys = [hashlib.sha256((prefix + i).encode("utf-8")).digest() for i in ids]
        del keys
        cpu0 = time.process_time()
        with timer() as t_all:
            out = svc.draw_and_store(ws, plan)
        cpu_all = time.process_time() - cpu0
        with timer() as t_verify:
            v = svc.verify(ws, out["sample_id"])
        assert out["frame_sha256"] == fp == d.frame_sha256 and out["selected"] == d.selected_ids()
        return {
            "bench": "sampling", "frame_size": len(units), "sample_size": out["sample_size"],
            "seconds_insert_untimed": round(fill_seconds, 2),
            "seconds_frame_build": round(t_frame["seconds"], 2), "seconds_fingerprint": round(t_fp["seconds"], 2),
            "seconds_draw": round(t_draw["seconds"], 2),
            "seconds_draw_and_store_total": round(t_all["seconds"], 2),
            "cpu_seconds_draw_and_store": round(cpu_all, 2),
            "load_average_1min": round(os.getloadavg()[0], 2), "cpus": os.cpu_count(),
            "seconds_store_only_est": round(t_all["seconds"] - t_frame["seconds"] - t_draw["seconds"], 2),
            "seconds_verify": round(t_verify["seconds"], 2), "verify_ok": v["frame_matches"] and v["selection_matches"],
            "baseline_hash_loop_seconds": round(t_base["seconds"], 2),
            "ok": t_all["seconds"] <= 5.0, "peak_rss_mb": round(peak_rss_mb(), 1),
        }
    finally:
        ws.close()


if __name__ == "__main__":
    import json

    print(json.dumps(main(sys.argv[1:])))
