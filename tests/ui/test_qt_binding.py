"""The Qt binding itself: PySide6 6.12.0 on Python 3.11 drops one reference to None on
every call of a Qt method that returns nothing, so after a few thousand such calls (a
table resized, a label set) the interpreter aborts with "deallocating None". The
program pins a release without it; this test fails on one that has it."""
from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_qt_calls_keep_nones_reference_count(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(2000):  # well below the ~5,000 that abort the process on the broken release
        label.setText("x")
    assert sys.getrefcount(None) - before > -100
