"""A 500-finding dossier builds and signs in ≤ 10 s and stays under 20 MB without
evidence images (issue #8). Baseline measured in the same run: a 50-finding
dossier, to show how the cost grows.

JSON: findings, seconds_build, seconds_sign (submit: re-compile + preparer's
signature), cpu_seconds_* (this process's CPU time: the wall time suffers when
other work shares the machine), seconds_approve (approver's incremental signature), seconds_verify,
bytes, pages, and the same for the baseline.
"""
from __future__ import annotations

import os
import random
import time
import sys
from pathlib import Path

os.environ.setdefault("WORKSTATION_KDF_LOG2N", "10")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.util import peak_rss_mb, scratch_dir, timer  # noqa: E402


def _run(folder: Path, findings: int) -> dict:
    from tests.support.dossier_data import seed
    from tests.support.stores import PASSPHRASES, login, new_store
    from workstation.services import dossier_service as ds

    ws = new_store(folder)
    try:
        seed(ws, random.Random(1), settlements=max(findings, 40), reviewed=findings, findings=findings,
             images=False, appeal=True)
        rv, sv = login(ws.store.path, "reviewer"), login(ws.store.path, "supervisor")
        cpu0 = time.process_time()
        with timer() as t_build:
            did = ds.build(rv, institution="H41070001")
        cpu1 = time.process_time()
        with timer() as t_sign:
            ds.submit(rv, did, PASSPHRASES["reviewer"])
        cpu2 = time.process_time()
        with timer() as t_approve:
            ds.approve(sv, did, PASSPHRASES["supervisor"])
        pdf = ds.pdf_bytes(sv, did)
        with timer() as t_verify:
            res = ds.verify_bytes(sv, pdf)
        info = ds.get(sv, did)
        rv.close()
        sv.close()
        return {"findings": info.findings, "seconds_build": round(t_build["seconds"], 2),
                "seconds_sign": round(t_sign["seconds"], 2),
                "cpu_seconds_build": round(cpu1 - cpu0, 2), "cpu_seconds_sign": round(cpu2 - cpu1, 2), "seconds_approve": round(t_approve["seconds"], 2),
                "seconds_verify": round(t_verify["seconds"], 2), "bytes": len(pdf), "pages": info.pages,
                "valid": res.valid}
    finally:
        ws.close()


def main(argv: list[str]) -> dict:
    n = int(argv[0]) if argv else 500
    base = _run(scratch_dir("ws-bench-dossier-base-"), 50)
    big = _run(scratch_dir("ws-bench-dossier-"), n)
    big_total = big["seconds_build"] + big["seconds_sign"]
    cpu_total = big["cpu_seconds_build"] + big["cpu_seconds_sign"]
    return {"bench": "dossier", **big, "seconds_build_and_sign": round(big_total, 2),
            "cpu_seconds_build_and_sign": round(cpu_total, 2), "ok_cpu": cpu_total <= 10,
            "ok": big_total <= 10 and big["bytes"] < 20 * 1024 * 1024 and big["valid"],
            "baseline_50": base, "peak_rss_mb": round(peak_rss_mb(), 1)}


if __name__ == "__main__":
    import json

    print(json.dumps(main(sys.argv[1:]), ensure_ascii=False))
