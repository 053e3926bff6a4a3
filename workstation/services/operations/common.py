"""Shared by the operations services: which profile, which year, the store's calendar."""
from __future__ import annotations

import datetime as dt
from typing import Any

from ...core.errors import UsageError
from ...core.i18n import T
from .. import profile_service
from ..workspace import Workspace


def profile(ws: Workspace, contract: str | None) -> dict[str, Any]:
    return profile_service.get_profile(ws, contract) if contract else profile_service.active_profile(ws)


def ops(p: dict[str, Any]) -> dict[str, Any]:
    """The profile's ``operations`` section (numbers issue #19 added: headcount, profit tiers, payments...)."""
    return dict(p.get("operations") or {})


def year_bounds(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def parse_period(kind: str, text: str, lang: str = "zh_CN") -> tuple[dt.date, dt.date, str]:
    """(first, last, canonical label) of a month 2025-03, quarter 2025Q1, half 2025H1 or year 2025."""
    t = str(text).strip().upper()
    try:
        if kind == "month":
            y, m = t.split("-")
            first = dt.date(int(y), int(m), 1)
            last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
            return first, last, f"{first:%Y-%m}"
        if kind == "quarter":
            y, q = t.split("Q")
            q = int(q)
            if not 1 <= q <= 4:
                raise ValueError
            first = dt.date(int(y), 3 * q - 2, 1)
            last = (dt.date(int(y) + (q == 4), (3 * q) % 12 + 1, 1)) - dt.timedelta(days=1)
            return first, last, f"{int(y)}Q{q}"
        if kind == "halfyear":
            y, h = t.split("H")
            h = int(h)
            if h not in (1, 2):
                raise ValueError
            return (dt.date(int(y), 1, 1), dt.date(int(y), 6, 30), f"{int(y)}H1") if h == 1 else \
                (dt.date(int(y), 7, 1), dt.date(int(y), 12, 31), f"{int(y)}H2")
        if kind == "year":
            y = int(t)
            return dt.date(y, 1, 1), dt.date(y, 12, 31), str(y)
    except ValueError:
        pass
    examples = {"month": "2025-03", "quarter": "2025Q1", "halfyear": "2025H1", "year": "2025"}
    raise UsageError(detail=T("期间格式应为 {ex}", "the period is written {ex}").render(lang, ex=examples.get(kind, "")))
