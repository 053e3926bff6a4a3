"""Demo step "knowledge": import the shipped knowledge file (resources/knowledge) before the
screen runs, so the rule library and its precision have something to show at once."""
from __future__ import annotations

import random

from ...paths import resource
from .. import import_service
from ..workspace import Workspace


def build(ws: Workspace, rng: random.Random, size: str) -> dict:
    res = import_service.import_file(ws, resource("knowledge", "demo_knowledge.csv"))
    return {"knowledge_points": res.inserted}
