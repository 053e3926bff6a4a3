"""Helpers for benchmarks: timers, peak memory, a throw-away store."""
from __future__ import annotations

import contextlib
import os
import resource
import tempfile
import time
from pathlib import Path
from typing import Iterator


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def peak_rss_children_mb() -> float:
    """Peak resident memory of the largest child process that has ended, in MB."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


@contextlib.contextmanager
def timer() -> Iterator[dict]:
    box = {}
    start = time.perf_counter()
    try:
        yield box
    finally:
        box["seconds"] = time.perf_counter() - start


def scratch_dir(prefix: str) -> Path:
    base = Path(os.environ.get("WORKSTATION_BENCH_DIR", tempfile.gettempdir()))
    return Path(tempfile.mkdtemp(prefix=prefix, dir=base))
