"""Demo step: a dossier for the institution with the most findings, compiled and
submitted (signed) by demo-reviewer, waiting for demo-supervisor's approval."""
from __future__ import annotations

import random

from .. import dossier_service
from ..workspace import Workspace


def build(ws: Workspace, rng: random.Random, size: str) -> dict:
    from . import DEMO_PASSPHRASE, demo_workspace_for

    institution = dossier_service.best_institution(ws)
    if institution is None:
        return {}
    reviewer = demo_workspace_for(ws, "demo-reviewer")
    try:
        did = dossier_service.build(reviewer, institution=institution)
        dossier_service.submit(reviewer, did, DEMO_PASSPHRASE)
    finally:
        reviewer.close()
    return {"dossiers": 1}
