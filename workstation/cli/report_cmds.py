"""report deductions / monthly / quarterly / halfyear / annual (operations.md)."""
from __future__ import annotations


def register(rsub, common) -> None:
    return None
