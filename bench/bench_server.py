"""The office server (office.md), on a throwaway PostgreSQL 15 cluster, ≥ 1,000,000 fee lines.

Each figure is compared with a baseline measured in the same run on the same server:
- import: the program's import of the fee-line file (all validations, COPY inside the
  import's one transaction) against a raw psycopg COPY of the same rows into an
  unindexed table of text columns (target ratio ≤ 2.0);
- screening: every rule against one full scan of the fee-line table (target ≤ 15×);
- 20 reviewer processes each saving 50 findings at once: p95 save latency
  (target ≤ 150 ms) and lost or duplicated saves (target 0).
"""
from __future__ import annotations

import argparse
import os
import time

from bench.bench_import import write_files
from bench.util import scratch_dir


def main(argv: list[str]) -> dict:
    ap = argparse.ArgumentParser(prog="bench_server")
    ap.add_argument("--lines", type=int, default=1_000_000)
    ap.add_argument("--writers", type=int, default=20)
    ap.add_argument("--saves", type=int, default=50)
    args = ap.parse_args(argv)
    os.environ.setdefault("WORKSTATION_NO_LOGFILE", "1")
    os.environ.setdefault("WORKSTATION_KDF_LOG2N", "10")
    from sqlalchemy import text

    from bench.server_writers import percentile, run_writers
    from tests.support.pg_cluster import Cluster
    from tests.support.review_data import seed_units
    from tests.support.stores import FAST_KDF, new_server_store
    from workstation.core.identity import Role
    from workstation.services import audit_service, auth_service, screening_service
    from workstation.services.catalog_service import violations
    from workstation.services.import_service import import_file

    folder = scratch_dir("bench-server-")
    cluster = Cluster.start()
    out: dict = {"bench": "server", "fee_lines": args.lines}
    try:
        setl_csv, line_csv = write_files(folder, args.lines)
        ws = new_server_store(cluster, cluster.new_database("bench"))
        try:
            # -- baseline: raw COPY of the same rows into an unindexed table of text columns
            with cluster.superuser(ws.store.path.dbname) as conn:
                header = line_csv.open(encoding="utf-8").readline().strip().split(",")
                conn.execute("CREATE UNLOGGED TABLE IF NOT EXISTS raw_lines (%s)" % ", ".join(f"{c} text" for c in header))
                conn.execute("ALTER TABLE raw_lines SET LOGGED")
                started = time.perf_counter()
                with conn.cursor() as cur, cur.copy("COPY raw_lines FROM STDIN (FORMAT csv, HEADER true)") as copy:
                    with open(line_csv, "rb") as fh:
                        while chunk := fh.read(1 << 20):
                            copy.write(chunk)
                copy_seconds = time.perf_counter() - started
                conn.execute("DROP TABLE raw_lines")
            t0 = time.perf_counter()
            setl = import_file(ws, setl_csv)
            setl_seconds = time.perf_counter() - t0
            t0 = time.perf_counter()
            res = import_file(ws, line_csv)
            import_seconds = time.perf_counter() - t0
            assert res.inserted == args.lines, res.to_json()
            out["import"] = {"seconds": round(import_seconds, 2), "raw_copy_seconds": round(copy_seconds, 2),
                             "ratio": round(import_seconds / copy_seconds, 2), "target_ratio_max": 2.0,
                             "settlements": setl.inserted, "settlements_seconds": round(setl_seconds, 2)}
            # -- screening against one full scan
            with ws.store.engine.connect() as conn:
                conn.execute(text("ANALYZE"))
                t0 = time.perf_counter()
                conn.execute(text("SELECT count(*), sum(cnt), sum(pric), sum(det_item_fee_sumamt), "
                                  "max(setl_id), max(med_list_codg), max(fee_ocur_time) FROM fee_lines")).one()
                scan_seconds = time.perf_counter() - t0
            t0 = time.perf_counter()
            result = screening_service.run_screen(ws)
            screen_seconds = time.perf_counter() - t0
            out["screen"] = {"seconds": round(screen_seconds, 2), "full_scan_seconds": round(scan_seconds, 3),
                             "ratio": round(screen_seconds / scan_seconds, 2), "target_ratio_max": 15,
                             "flags": sum(x.count for x in result.summary),
                             "per_rule_seconds": {x.rule_id: round(x.seconds, 2) for x in result.summary}}
            # -- concurrent reviewers
            writers = {}
            for k in range(args.writers):
                name = f"bench{k}"
                auth_service.add_user(ws, name, Role.REVIEWER, f"{name}-pass", kdf=FAST_KDF)
                writers[name] = (f"{name}-pass",
                                 seed_units(ws, n=2, lines=2, reviewer=name, seed=1000 + k, prefix=f"B{k}")["units"])
            before = audit_service.verify(ws).events
            w = run_writers(str(ws.store.path), writers, args.saves, violations()[0].code)
            ids = [i for v in w["ids"].values() for i in v]
            with ws.store.read() as s:
                saved = s.execute(text("SELECT count(*) FROM findings WHERE created_by LIKE 'bench%'")).scalar_one()
            chain = audit_service.verify(ws)
            expected = args.writers * args.saves
            out["writers"] = {"processes": args.writers, "saves_each": args.saves,
                              "p50_ms": round(percentile(w["latencies"], 0.5) * 1000, 1),
                              "p95_ms": round(percentile(w["latencies"], 0.95) * 1000, 1),
                              "max_ms": round(max(w["latencies"], default=0) * 1000, 1),
                              "lost": expected - saved, "duplicated": len(ids) - len(set(ids)),
                              "errors": w["errors"][:3], "chain_valid": chain.valid,
                              "events_added": chain.events - before, "target_p95_ms_max": 150}
        finally:
            ws.close()
        out["load_average_1min"] = round(os.getloadavg()[0], 2)
        return out
    finally:
        cluster.stop()
        import shutil

        shutil.rmtree(folder, ignore_errors=True)
