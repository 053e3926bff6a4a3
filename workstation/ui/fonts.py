"""The shipped CJK font: registered with Qt at start so Chinese never shows as boxes."""
from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from ..paths import cjk_font_path

log = logging.getLogger(__name__)
_family: str | None = None


def register_cjk_font(app: QApplication) -> str | None:
    """Add resources/fonts' CJK font and make it the fallback of the UI font."""
    global _family
    if _family is None:
        font_id = QFontDatabase.addApplicationFont(str(cjk_font_path()))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if not families:
            log.error("could not load the CJK font from %s", cjk_font_path())
            return None
        _family = families[0]
    font = QFont(app.font())
    # Latin text keeps the platform's font; anything it lacks comes from ours.
    families = [f for f in font.families() if f != _family] + [_family]
    font.setFamilies(families)
    if font.pointSizeF() < 9:
        font.setPointSizeF(10)
    app.setFont(font)
    QFont.insertSubstitution(font.family(), _family)
    return _family

