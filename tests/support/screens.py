"""Saving what a person would see, for people to look at (test-artifacts/screens)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parent.parent.parent / "test-artifacts" / "screens"


def save_screenshot(widget: QWidget, name: str, size: tuple[int, int] | None = None) -> Path:
    ROOT.mkdir(parents=True, exist_ok=True)
    if size:
        widget.resize(*size)
    QApplication.processEvents()
    path = ROOT / f"{name}.png"
    pixmap = widget.grab()
    assert not pixmap.isNull()
    assert pixmap.save(str(path)), path
    return path


def has_ink(path: Path, min_dark: int = 200) -> bool:
    """A crude check that a screenshot is not blank: enough dark pixels (text)."""
    from PySide6.QtGui import QImage

    img = QImage(str(path))
    dark = 0
    for y in range(0, img.height(), 2):
        for x in range(0, img.width(), 2):
            c = img.pixelColor(x, y)
            if c.lightness() < 100:
                dark += 1
                if dark >= min_dark:
                    return True
    return False
