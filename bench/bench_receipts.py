"""The counter's receipt-check loop: its own time per receipt ≤ 30 ms median (issue #21).

On the large demo store (≥ 1,000,000 fee lines; built by the claims demo step in
a child process, or reused from ``WORKSTATION_BENCH_RECEIPTS_DB``, a store whose
admin passphrase is the tests' one). One loop step = what the checker's Enter
costs the store: load the next settlement of the batch (``next_item``),
validate its receipts (``validate``: the duplicate look-up over all receipts),
save (``save_check``: receipts, check row and event, one transaction). Each
settlement gets two receipts that match; time per receipt = step time / 2.
Baseline in the same run: one indexed settlement read (a fresh read session
and a primary-key SELECT), so the ratio stays meaningful on a loaded machine.

``python -m bench receipts`` (large) or ``python -m bench.bench_receipts [small|medium|large]``.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import random
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("WORKSTATION_KDF_LOG2N", "10")
os.environ.setdefault("WORKSTATION_NO_LOGFILE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.util import peak_rss_mb, scratch_dir  # noqa: E402

STEPS = 300
PER_SETTLEMENT = 2


def _build(folder: str, size: str, out) -> None:
    from tests.support.stores import new_store
    from workstation.services.demo import claims

    ws = new_store(Path(folder))
    try:
        start = time.perf_counter()
        claims.build(ws, random.Random("2025:claims"), size)
        out.put({"seconds": time.perf_counter() - start, "db": str(ws.store.path)})
    finally:
        ws.close()


def _receipts(item):
    from workstation.core.receipts import ReceiptEntry

    first = item.medfee_sumamt // PER_SETTLEMENT
    amounts = [first] * (PER_SETTLEMENT - 1) + [item.medfee_sumamt - first * (PER_SETTLEMENT - 1)]
    day = item.begndate or item.setl_date
    return [ReceiptEntry(f"B{item.setl_id}-{k}", day, item.institution_name, a, "41060125", "abc123",
                         "scanned" if k == 0 else "keyed") for k, a in enumerate(amounts)]


def main(argv: list[str]) -> dict:
    size = argv[0] if argv else os.environ.get("WORKSTATION_BENCH_RECEIPTS_SIZE", "large")
    reuse = os.environ.get("WORKSTATION_BENCH_RECEIPTS_DB")
    folder = None
    built_s = None
    if reuse:
        db = Path(reuse)
    else:
        folder = scratch_dir("ws-bench-receipts-")
        ctx = mp.get_context("spawn")
        q = ctx.Queue()
        child = ctx.Process(target=_build, args=(str(folder), size, q))
        child.start()
        built = q.get()
        child.join()
        db, built_s = Path(built["db"]), built["seconds"]

    from sqlalchemy import func, select, text

    from tests.support.stores import login
    from workstation.services import receipt_service as rs
    from workstation.store.models.claims import FeeLineRow, SettlementRow

    ws = login(db, "admin")
    try:
        with ws.store.read() as s:
            fee_lines = s.execute(select(func.count()).select_from(FeeLineRow)).scalar_one()
            manual = s.execute(select(func.count()).select_from(SettlementRow)
                               .where(SettlementRow.setl_type == "2")).scalar_one()
        batch = rs.assign_batch(ws, min(STEPS + 5, manual))
        steps = min(STEPS, batch.size - 1)
        loop_ms, base_ms = [], []
        part = {"next": [], "validate": [], "save": []}
        for i in range(steps + 1):
            t0 = time.perf_counter()
            item = rs.next_item(ws)
            t1 = time.perf_counter()
            receipts = _receipts(item)
            v = rs.validate(ws, item.setl_id, receipts)
            t2 = time.perf_counter()
            saved = rs.save_check(ws, item.setl_id, receipts, batch_id=batch.id)
            t3 = time.perf_counter()
            assert v.ok and saved.result == "match", (item.setl_id, v.problems)
            # baseline: one indexed settlement read, same store, same moment
            b0 = time.perf_counter()
            with ws.store.read() as s:
                s.execute(text("SELECT * FROM settlements WHERE setl_id = :s"), {"s": item.setl_id}).one()
            b1 = time.perf_counter()
            if i == 0:
                continue  # warm-up
            loop_ms.append((t3 - t0) * 1000 / PER_SETTLEMENT)
            part["next"].append((t1 - t0) * 1000)
            part["validate"].append((t2 - t1) * 1000)
            part["save"].append((t3 - t2) * 1000)
            base_ms.append((b1 - b0) * 1000)
        median = statistics.median(loop_ms)
        base = statistics.median(base_ms)
        return {"bench": "receipts", "size": size, "fee_lines": fee_lines, "manual_settlements": manual,
                "seconds_build": round(built_s, 1) if built_s is not None else None,
                "steps": steps, "receipts_per_settlement": PER_SETTLEMENT,
                "loop_ms_per_receipt_median": round(median, 2),
                "loop_ms_per_receipt_p90": round(sorted(loop_ms)[int(len(loop_ms) * 0.9)], 2),
                "per_settlement_ms_median": {k: round(statistics.median(v), 2) for k, v in part.items()},
                "baseline_indexed_settlement_read_ms_median": round(base, 3),
                "ratio_to_baseline": round(median / base, 1) if base else None,
                "load_average_1m": round(os.getloadavg()[0], 2), "cpus": os.cpu_count(),
                "peak_rss_mb": round(peak_rss_mb(), 1),
                "ok": median <= 30 and (fee_lines >= 1_000_000 or size != "large")}
    finally:
        ws.close()
        if folder is not None:
            for p in sorted(folder.rglob("*"), reverse=True):
                p.unlink() if p.is_file() else p.rmdir()
            folder.rmdir()


if __name__ == "__main__":
    import json

    print(json.dumps(main(sys.argv[1:]), ensure_ascii=False))
