"""``workstation inspection list|export`` (issue 21). Filled in below."""
from __future__ import annotations


def register(sub, common) -> None:
    """Registered once the inspection service exists."""
