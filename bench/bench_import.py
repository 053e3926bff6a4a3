"""Import speed: 1,000,000 fee lines from CSV into the encrypted store.

Floor, measured in the same run on the same machine: the same rows parsed by
the ``csv`` module and inserted with raw ``sqlcipher3`` ``executemany`` into an
unindexed table of text columns of a fresh store (same pragmas), no
validation, one transaction. Target: import ≤ 2.0 × the floor, peak RSS ≤ 400 MB.
The earlier baseline (the same rows into the real fee_lines table) is reported
beside it.

    python -m bench import            # 1,000,000 lines
    python -m bench.bench_import --lines 100000
"""
from __future__ import annotations

import argparse
import csv
import os
import random
import shutil
import time
from pathlib import Path

from bench.util import peak_rss_children_mb, peak_rss_mb, scratch_dir

LINE_HEADER = ["feedetl_sn", "setl_id", "med_list_codg", "medins_list_codg", "hilist_name", "med_chrgitm_type",
               "chrgitm_lv", "fee_ocur_time", "cnt", "pric", "det_item_fee_sumamt", "pric_uplmt_amt",
               "bilg_dept_name", "bilg_dr_name"]
SETL_HEADER = ["setl_id", "psn_no", "psn_name", "gend", "brdy", "certno", "med_type", "setl_type", "offsite_flag",
               "fixmedins_code", "fixmedins_name", "begndate", "enddate", "setl_time", "medfee_sumamt", "hifp_pay"]
ITEMS = [("001102000010000", "床位费（三人间）", "01", "01", 3500), ("001201000020000", "一级护理", "07", "01", 3000),
         ("XB05BBA0080101", "0.9%氯化钠注射液", "09", "01", 420), ("XJ01DDA0060101", "注射用头孢曲松钠", "09", "01", 1280),
         ("002201000010000", "血常规", "04", "01", 2000), ("003101000010000", "静脉输液", "05", "01", 800)]


def write_files(folder: Path, lines: int, per_setl: int = 20, seed: int = 1) -> tuple[Path, Path]:
    rng = random.Random(seed)
    n_setl = (lines + per_setl - 1) // per_setl
    setl_path, line_path = folder / "settlements.csv", folder / "fee_lines.csv"
    with open(setl_path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(SETL_HEADER)
        for i in range(n_setl):
            w.writerow([f"S{i:09d}", f"P{i % 9000:06d}", "张三", "1", "1960-03-01", "410702196003011234", "21", "1",
                        "0", "H001", "新乡市第一人民医院", "2025-03-01", "2025-03-08", "2025-03-08 10:00:00",
                        "1000.00", "800.00"])
    with open(line_path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(LINE_HEADER)
        done = 0
        for i in range(n_setl):
            for k in range(min(per_setl, lines - done)):
                code, name, typ, lv, price = rng.choice(ITEMS)
                cnt = rng.randint(1, 3)
                w.writerow([f"{k + 1:05d}", f"S{i:09d}", code, code[-6:], name, typ, lv,
                            f"2025-03-0{1 + k % 7} {8 + k % 10:02d}:{k % 60:02d}:00", str(cnt),
                            f"{price // 100}.{price % 100:02d}", f"{price * cnt // 100}.{price * cnt % 100:02d}",
                            "", "呼吸内科", "王建华"])
                done += 1
    return setl_path, line_path


def baseline(path: Path, key: bytes, setl_csv: Path, line_csv: Path) -> tuple[float, float]:
    """csv module + raw sqlcipher3 executemany, no validation; (wall, CPU) seconds for the fee lines."""
    from workstation.store.engine import connect_raw

    conn = connect_raw(path, key)
    try:
        with open(setl_csv, newline="", encoding="utf-8") as fh:
            r = csv.reader(fh)
            next(r)
            conn.execute("BEGIN")
            cols = SETL_HEADER + ["inscp_scp_amt", "hifob_pay", "cvlserv_pay", "acct_pay", "psn_cash_pay",
                                  "row_digest"]
            conn.executemany(f"INSERT INTO settlements ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                             (row + [0, 0, 0, 0, 0, ""] for row in r))
            conn.execute("COMMIT")
        started, cpu0 = time.perf_counter(), time.process_time()
        with open(line_csv, newline="", encoding="utf-8") as fh:
            r = csv.reader(fh)
            next(r)
            conn.execute("BEGIN")
            # row_digest is NOT NULL; the baseline gives it an empty string and does nothing else
            cols = LINE_HEADER + ["row_digest"]
            conn.executemany(f"INSERT INTO fee_lines ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                             (row + [""] for row in r))
            conn.execute("COMMIT")
        return time.perf_counter() - started, time.process_time() - cpu0
    finally:
        conn.close()


def floor(path: Path, key: bytes, line_csv: Path) -> tuple[float, float]:
    """The floor (issue #15): csv module + raw sqlcipher3 executemany into an UNINDEXED table of text columns
    (no key, no constraint, no type), the fastest a store can take the file in; (wall, CPU) seconds."""
    from workstation.store.engine import connect_raw

    conn = connect_raw(path, key)
    try:
        cols = ", ".join(f"{c} TEXT" for c in LINE_HEADER)
        conn.execute(f"CREATE TABLE floor_lines ({cols})")
        started, cpu0 = time.perf_counter(), time.process_time()
        with open(line_csv, newline="", encoding="utf-8") as fh:
            r = csv.reader(fh)
            next(r)
            conn.execute("BEGIN")
            conn.executemany(f"INSERT INTO floor_lines VALUES ({', '.join('?' * len(LINE_HEADER))})", r)
            conn.execute("COMMIT")
        return time.perf_counter() - started, time.process_time() - cpu0
    finally:
        conn.close()


def main(argv: list[str]) -> dict:
    ap = argparse.ArgumentParser(prog="bench_import")
    ap.add_argument("--lines", type=int, default=1_000_000)
    args = ap.parse_args(argv)
    os.environ.setdefault("WORKSTATION_NO_LOGFILE", "1")
    from workstation.services import auth_service
    from workstation.services.import_service import import_file
    from workstation.store.keyslots import KdfParams

    folder = scratch_dir("bench-import-")
    try:
        setl_csv, line_csv = write_files(folder, args.lines)
        base_ws = auth_service.create_store(folder / "baseline.db", "admin", "bench-pass", kdf=KdfParams(n=2**10))
        base_path, base_key = base_ws.store.path, base_ws.key
        base_ws.store.engine.dispose()
        base_seconds, base_cpu = baseline(base_path, base_key, setl_csv, line_csv)
        floor_seconds, floor_cpu = floor(base_path, base_key, line_csv)
        base_ws.close()

        ws = auth_service.create_store(folder / "bench.db", "admin", "bench-pass", kdf=KdfParams(n=2**10))
        t0 = time.perf_counter()
        setl = import_file(ws, setl_csv)
        setl_seconds = time.perf_counter() - t0
        t0, cpu0 = time.perf_counter(), time.process_time()
        res = import_file(ws, line_csv)
        seconds = time.perf_counter() - t0
        cpu = time.process_time() - cpu0
        t0 = time.perf_counter()
        again = import_file(ws, line_csv)
        reimport_seconds = time.perf_counter() - t0
        ws.close()
        assert res.inserted == args.lines and again.unchanged == args.lines, (res.to_json(), again.to_json())
        return {
            "bench": "import",
            "fee_lines": args.lines,
            "settlements": setl.inserted,
            "csv_mb": round(line_csv.stat().st_size / 1e6, 1),
            "import_seconds": round(seconds, 2),
            # the target's floor: an unindexed table of text columns
            "floor_seconds": round(floor_seconds, 2),
            "ratio": round(seconds / floor_seconds, 2),
            "floor_cpu_seconds": round(floor_cpu, 2),
            # the earlier baseline: the same rows into the real (indexed, typed) fee_lines table
            "baseline_seconds": round(base_seconds, 2),
            "ratio_to_baseline": round(seconds / base_seconds, 2),
            "rows_per_second": int(args.lines / seconds),
            # CPU time of this process (both threads): less disturbed by other load on the machine
            "import_cpu_seconds": round(cpu, 2),
            "baseline_cpu_seconds": round(base_cpu, 2),
            "cpu_ratio": round(cpu / base_cpu, 2),
            "load_average_1min": round(os.getloadavg()[0], 2),
            "settlements_import_seconds": round(setl_seconds, 2),
            "reimport_unchanged_seconds": round(reimport_seconds, 2),
            "peak_rss_mb": round(peak_rss_mb(), 1),
            # the parsing process of a large CSV (import_rows): the largest child this benchmark ran
            "peak_rss_parse_process_mb": round(peak_rss_children_mb(), 1),
            "target": {"ratio_max": 2.0, "peak_rss_mb_max": 400},
            "ok": seconds / floor_seconds <= 2.0 and peak_rss_mb() <= 400 and peak_rss_children_mb() <= 400,
        }
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    import json
    import sys

    print(json.dumps(main(sys.argv[1:]), ensure_ascii=False))
