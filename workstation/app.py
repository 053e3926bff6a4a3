"""Composition root: wires store → services → ui or cli."""
from __future__ import annotations

from pathlib import Path


def store_created_hooks() -> list:
    """Called after a new store is created, with (workspace, admin passphrase)."""
    return []


def user_added_hooks() -> list:
    """Called after a user is added, with (workspace, user, their passphrase)."""
    return []


def run_gui(db: str | None = None, lang: str | None = None) -> int:
    from .ui.application import run

    return run(db=Path(db) if db else None, lang=lang)
