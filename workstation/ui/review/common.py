"""Small helpers shared by the review widgets: colours, money text, status labels."""
from __future__ import annotations

from PySide6.QtGui import QColor

from ...core.money import fen_to_str
from ...services import review as rs

STATUS_COLORS = {
    "pending": QColor("#6b7280"),
    "in_progress": QColor("#1d4ed8"),
    "compliant": QColor("#15803d"),
    "violation": QColor("#b91c1c"),
    "doubtful": QColor("#b45309"),
}


def yuan(fen: int | None) -> str:
    return fen_to_str(fen) or ""


def status_label(status: str, lang: str) -> str:
    t = rs.STATUS_LABELS.get(status)
    return t.render(lang) if t else status


def category_name(code: str, lang: str) -> str:
    from ...services.catalog_service import violation

    try:
        return violation(code).name(lang)
    except KeyError:
        return code
