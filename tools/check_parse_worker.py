"""Run a program as the import's parsing worker and check what it streams back.

    python tools/check_parse_worker.py PROGRAM FEE_LINES.csv

PROGRAM is the built application, started as ``PROGRAM --import-parse-worker``
the way ``import_rows`` starts it when frozen, and read through import_rows's own
start-up and receiving code. Prints ``parse_worker=ok rows=N exit=CODE`` and
exits 0 when the worker said ready, sent every row without a rejection and ended.
"""
from __future__ import annotations

import sys
from pathlib import Path

from workstation.services import import_readers, import_rows
from workstation.services.import_service import _read_header


def main(program: str, csv_path: str) -> int:
    path = Path(csv_path).resolve()
    facts = import_readers.inspect_file(path)
    kind, hmap = _read_header(path, facts)
    import_rows._worker_command = lambda: [program, import_rows.WORKER_FLAG]
    child = import_rows._start_child(path, facts, kind, hmap, 1)
    if child is None:  # import_rows would fall back to a thread; here that is the failure
        print("parse_worker=failed did not start")
        return 1
    proc = child[0]
    rows = problems = 0
    try:
        for _n, chunk, probs in import_rows._in_child(*child):
            rows += len(chunk)
            problems += len(probs)
    except Exception as exc:  # noqa: BLE001 - reported, the check fails
        print(f"parse_worker=failed {type(exc).__name__}: {exc}")
        return 1
    ok = proc.returncode == 0 and problems == 0
    print(f"parse_worker={'ok' if ok else 'failed'} rows={rows} exit={proc.returncode}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
