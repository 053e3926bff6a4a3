"""Commands of this area (registered by cli.main). Filled in by its issue."""
from __future__ import annotations


def register(sub, common) -> None:
    """No commands yet."""
