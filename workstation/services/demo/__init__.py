"""``workstation demo``: a store filled with synthetic but realistic data.

Building it is a pipeline of steps, one module per area, so each capability
adds what its views need to show (claims, flags, a sample reviewed in part,
roster, a dossier). Every step receives the admin workspace, a seeded
``random.Random`` and the size, and must be deterministic for a given seed.
"""
from __future__ import annotations

import importlib
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ...core.identity import Role
from ..auth_service import add_user, create_store
from ..workspace import Workspace

DEMO_PASSPHRASE = "demo"
DEMO_USERS = (("demo-admin", Role.ADMIN, "演示管理员"), ("demo-supervisor", Role.SUPERVISOR, "王组长"),
              ("demo-reviewer", Role.REVIEWER, "李审核"), ("demo-reviewer2", Role.REVIEWER, "赵审核"))
SIZES = ("small", "medium", "large")

# (module under services.demo, function name), run in this order. Each area
# adds its module; a step whose module is not written yet is skipped.
STEPS: tuple[tuple[str, str], ...] = (
    ("claims", "build"),  # catalog, institutions, a year of settlements and fee lines
    ("knowledge", "build"),  # the shipped knowledge file (rule-templates.md), before the screen
    ("screening", "build"),  # run the screen
    ("sampling", "build"),  # draw a sample and assign it to the reviewers
    ("review", "build"),  # review part of it: findings, evidence, an open appeal
    ("roster", "build"),  # team, certificates, attendance, training
    ("counter", "build"),  # issue 21: receipts checked at the counter, an inspection with a sealed transcript
    ("dossiers", "build"),  # a draft dossier
)


@dataclass
class DemoReport:
    db: str
    users: list[str]
    seed: str
    size: str
    counts: dict[str, int] = field(default_factory=dict)


def build_demo(path: Path, *, seed: str = "2025", size: str = "small",
               progress: Callable[[str], None] | None = None,
               steps: tuple[tuple[str, str], ...] = STEPS) -> DemoReport:
    """The demo store. ``steps`` (default all) lets a test rebuild the demo as an earlier release made it."""
    if size not in SIZES:
        raise ValueError(size)
    ws = create_store(Path(path), "demo-admin", DEMO_PASSPHRASE, display_name="演示管理员")
    try:
        users = [u[0] for u in DEMO_USERS]
        for name, role, display in DEMO_USERS[1:]:
            add_user(ws, name, role, DEMO_PASSPHRASE, display_name=display)
        report = DemoReport(db=str(path), users=users, seed=str(seed), size=size)
        for module, func in steps:
            if progress:
                progress(module)
            try:
                step = getattr(importlib.import_module(f"{__name__}.{module}"), func)
            except ModuleNotFoundError as exc:
                if exc.name != f"{__name__}.{module}":
                    raise
                continue
            rng = random.Random(f"{seed}:{module}")
            counts = step(ws, rng, size) or {}
            report.counts.update(counts)
        return report
    finally:
        ws.close()


def demo_workspace_for(ws: Workspace, user: str) -> Workspace:
    """Open the demo store as another demo user (for steps that act as a reviewer)."""
    from ..auth_service import unlock

    return unlock(ws.store.path, user, DEMO_PASSPHRASE, lang=ws.lang)
