"""Where the program finds its resources and keeps its files.

Resources live in the repository's top-level ``resources/`` (editable install)
or beside the executable in a PyInstaller build. WORKSTATION_RESOURCES
overrides both, for unusual layouts.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

_REPO = Path(__file__).resolve().parent.parent


def _bundle_root() -> Path | None:
    base = getattr(sys, "_MEIPASS", None)
    return Path(base) if base else None


def resources_dir() -> Path:
    env = os.environ.get("WORKSTATION_RESOURCES")
    if env:
        return Path(env)
    bundle = _bundle_root()
    if bundle and (bundle / "resources").is_dir():
        return bundle / "resources"
    return _REPO / "resources"


def migrations_dir() -> Path:
    bundle = _bundle_root()
    if bundle and (bundle / "db").is_dir():
        return bundle / "db"
    return _REPO / "db"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def cjk_font_path() -> Path:
    return resource("fonts", "wqy-microhei.ttc")


def user_data_dir() -> Path:
    """The per-user folder holding the default store and its backups."""
    env = os.environ.get("WORKSTATION_HOME")
    if env:
        return Path(env)
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    return base / "workstation"


def default_store_path() -> Path:
    return user_data_dir() / "workstation.db"


def backups_dir_for(store: Path) -> Path:
    """Backups of a store go to a known folder beside it (purge removes it)."""
    return store.parent / f"{store.stem}-backups"
