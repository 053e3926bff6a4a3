"""Composition root: the entry points' way into the GUI.

Creating a store and adding a user are services (``auth_service``) that do
all of it, signing identities included; nothing below the entry points
imports this module (tests/test_layers.py).
"""
from __future__ import annotations

from pathlib import Path


def run_gui(db: str | None = None, lang: str | None = None) -> int:
    from .ui.application import run

    return run(db=Path(db) if db else None, lang=lang)
