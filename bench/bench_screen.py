"""All eleven screening rules over a store with ≥ 1,000,000 fee lines (issue #4).

Target: the whole screen in ≤ 12 × a baseline full scan of the fee-line table
measured in the same run, peak RSS ≤ 500 MB. The store is built by the demo
claims step (size "large") in a child process, so that the peak RSS reported is
that of opening the store and screening it, not of generating the data.

``python -m bench screen`` (large), or ``python -m bench.bench_screen [small|medium|large]``;
``WORKSTATION_BENCH_SCREEN_SIZE`` sets the size for the former.
JSON: fee_lines, settlements, seconds_build (child), seconds_baseline_scan
(best of two, one before and one after the screen), seconds_screen (the whole
run: deletes, checks, inserts, commit), per-rule seconds and flag counts, the
ratio, peak_rss_mb, ok.
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
    from workstation.services.demo import claims

    ws = new_store(Path(folder))
    try:
        start = time.perf_counter()
        counts = claims.build(ws, random.Random("2025:claims"), size)
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
    size = argv[0] if argv else os.environ.get("WORKSTATION_BENCH_SCREEN_SIZE", "large")
    folder = scratch_dir("ws-bench-screen-")
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    child = ctx.Process(target=_build, args=(str(folder), size, q))
    child.start()
    built = q.get()
    child.join()

    from tests.support.stores import login
    from workstation.services import screening_service as ss

    ws = login(Path(built["db"]), "admin")
    try:
        with ws.store.read() as s:
            cur = s.connection().connection.dbapi_connection.cursor()
            fee_lines = cur.execute("SELECT count(*) FROM fee_lines").fetchone()[0]
            settlements = cur.execute("SELECT count(*) FROM settlements").fetchone()[0]
        base_before = _baseline(ws)
        with timer() as t_screen:
            result = ss.run_screen(ws)
        base_after = _baseline(ws)
        baseline = min(base_before, base_after)
        planted = {k[len("planted_"):]: v for k, v in built["counts"].items() if k.startswith("planted_")}
        rules = {x.rule_id: {"seconds": round(x.seconds, 3), "flags": x.count, "planted": planted.get(x.rule_id)}
                 for x in result.summary}
        ratio = t_screen["seconds"] / baseline
        rss = peak_rss_mb()
        return {"bench": "screen", "size": size, "fee_lines": fee_lines, "settlements": settlements,
                "seconds_build": round(built["seconds"], 1),
                "seconds_baseline_scan": round(baseline, 3),
                "seconds_baseline_scan_before_after": [round(base_before, 3), round(base_after, 3)],
                "seconds_screen": round(t_screen["seconds"], 3), "ratio_to_baseline": round(ratio, 2),
                "rules": rules, "peak_rss_mb": round(rss, 1),
                # other work on the machine slows the long screen more than the short scan
                "load_average_1m": round(os.getloadavg()[0], 2), "cpus": os.cpu_count(),
                "ok": ratio <= 12 and rss <= 500 and fee_lines >= (1_000_000 if size == "large" else 0)}
    finally:
        ws.close()
        for p in sorted(folder.rglob("*"), reverse=True):
            p.unlink() if p.is_file() else p.rmdir()
        folder.rmdir()


if __name__ == "__main__":
    import json

    print(json.dumps(main(sys.argv[1:]), ensure_ascii=False))
