"""Demo step: the contract's 5% inpatient re-review sample of 2025, assigned to both demo reviewers.

Drawn with the built-in preset and a fixed seed, so the same demo seed always
gives the same sample; ``workstation sample verify`` on the demo store passes.
"""
from __future__ import annotations

import random

from .. import sampling_service as svc
from ..workspace import Workspace

REVIEWERS = ["demo-reviewer", "demo-reviewer2"]
SEED = "002"


def build(ws: Workspace, rng: random.Random, size: str) -> dict:
    plan = svc.plan_from_preset("inpatient-recheck-5pct", SEED, "2025-01-01", "2025-12-31")
    d = svc.preview(ws, plan)
    if d.sample_size < 8:  # a tiny demo frame: take a fixed size instead so the queues have something
        plan.rate, plan.size = None, min(d.frame_size, 8)
    if d.frame_size == 0:
        return {"samples": 0, "sample_units": 0}
    out = svc.draw_and_store(ws, plan, note="demo")
    svc.assign(ws, out["sample_id"], REVIEWERS, by="count")
    return {"samples": 1, "sample_units": out["sample_size"], "sample_frame": out["frame_size"]}
