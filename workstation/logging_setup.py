"""Logging to a rotating file in the user's data folder.

Log lines name actions, ids and counts, never personal data (names, ID
numbers): code that logs must not format rows into messages. SQL parameters are
hidden from exception texts by the engine (hide_parameters).
"""
from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

from .paths import user_data_dir

_configured = False


def log_file() -> Path:
    return user_data_dir() / "logs" / "workstation.log"


def configure_logging(level: int = logging.INFO) -> None:
    global _configured
    if _configured:
        return
    _configured = True
    root = logging.getLogger("workstation")
    root.setLevel(level)
    if os.environ.get("WORKSTATION_NO_LOGFILE"):
        return
    path = log_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
