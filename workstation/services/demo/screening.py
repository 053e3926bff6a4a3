"""Demo step "screening": run every rule over the demo claims so the flags view has something at once."""
from __future__ import annotations

import random

from .. import screening_service
from ..workspace import Workspace


def build(ws: Workspace, rng: random.Random, size: str) -> dict:
    result = screening_service.run_screen(ws)
    counts = {f"flags_{x.rule_id}": x.count for x in result.summary}
    counts["flags"] = sum(x.count for x in result.summary)
    return counts
