"""Composition root: wires store → services → ui or cli."""
from __future__ import annotations

from pathlib import Path


def store_created_hooks() -> list:
    """Called after a new store is created, with (workspace, admin passphrase)."""
    from .services import signing

    return [signing.on_store_created]  # the project CA and the administrator's signing identity


def user_added_hooks() -> list:
    """Called after a user is added, with (workspace, user, their passphrase)."""
    from .services import signing

    return [signing.on_user_added]  # the user's key pair and certificate from the project CA


def run_gui(db: str | None = None, lang: str | None = None) -> int:
    from .ui.application import run

    return run(db=Path(db) if db else None, lang=lang)
