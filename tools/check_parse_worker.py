"""Run a program as the import's parsing worker and check what it streams back.

    python tools/check_parse_worker.py PROGRAM FEE_LINES.csv

PROGRAM is the built application (it is started as ``PROGRAM --import-parse-worker``,
the way ``import_rows`` starts it when frozen). Prints ``parse_worker=ok rows=N``
and exits 0 when the worker said ready, sent every row and said done.
"""
from __future__ import annotations

import io
import pickle
import subprocess
import sys
from pathlib import Path

from workstation.services import import_readers, import_rows
from workstation.services.import_service import _read_header


def main(program: str, csv_path: str) -> int:
    path = Path(csv_path).resolve()
    facts = import_readers.inspect_file(path)
    kind, hmap = _read_header(path, facts)
    env = {"PATH": "/usr/bin:/bin", "HOME": str(path.parent)}  # nothing of this source tree
    proc = subprocess.Popen([program, import_rows.WORKER_FLAG], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            env=env, cwd=path.parent)
    proc.stdin.write(pickle.dumps((str(path), facts, kind, hmap, 1)))
    proc.stdin.close()
    reader = io.BufferedReader(proc.stdout)
    tags, rows, problems = [], 0, 0
    while True:
        try:
            tag, payload = pickle.load(reader)
        except EOFError:
            break
        tags.append(tag)
        if tag == "chunk":
            rows += len(payload[1])
            problems += len(payload[2])
        elif tag != "ready":
            if tag != "done":
                print(f"parse_worker=failed {tag} {payload}")
            break
    code = proc.wait(timeout=60)
    ok = tags[:1] == ["ready"] and tags[-1:] == ["done"] and code == 0 and problems == 0
    print(f"parse_worker={'ok' if ok else 'failed'} rows={rows} exit={code}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
