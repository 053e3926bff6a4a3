"""Many reviewers saving findings on one office server at the same moment.

Used by tests/store/test_office_concurrency.py (8 processes) and
bench/bench_server.py (20 processes × 50 findings, p95 save latency). Each
process signs in as its own reviewer and records findings on its own units;
they start together at a barrier, so the saves really overlap on the server.
"""
from __future__ import annotations

import multiprocessing
import os
import time


def _writer(url: str, user: str, passphrase: str, unit_ids: list[int], n: int, category: str, barrier, out) -> None:
    from workstation.services import auth_service, review_service as rs
    from workstation.store.address import ServerAddress

    ws = auth_service.unlock(ServerAddress.parse(url), user, passphrase)
    try:
        barrier.wait(timeout=300)
        ids, lat = [], []
        for i in range(n):
            started = time.perf_counter()
            ids.append(rs.create_finding(ws, unit_ids[i % len(unit_ids)], [], category, note=f"{user}#{i}"))
            lat.append(time.perf_counter() - started)
        out.put((user, ids, lat, None))
    except BaseException as exc:  # reported to the parent, which fails the run
        out.put((user, [], [], f"{type(exc).__name__}: {exc}"))
    finally:
        ws.close()


def run_writers(url: str, writers: dict[str, tuple[str, list[int]]], n: int, category: str) -> dict:
    """writers: user → (passphrase, unit ids). Returns ids and latencies per user, and errors."""
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(len(writers))
    out = ctx.Queue()
    procs = [ctx.Process(target=_writer, args=(url, user, pw, units, n, category, barrier, out))
             for user, (pw, units) in writers.items()]
    env_kdf = os.environ.get("WORKSTATION_KDF_LOG2N")
    for p in procs:
        p.start()
    results = [out.get(timeout=900) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    del env_kdf
    return {"ids": {u: ids for u, ids, _, _ in results}, "latencies": [x for _, _, lat, _ in results for x in lat],
            "errors": [e for _, _, _, e in results if e]}


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    k = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[k]
