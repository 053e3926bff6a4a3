"""Turns errors into dialogs in the interface language (the one place that does)."""
from __future__ import annotations

import logging

from PySide6.QtWidgets import QMessageBox, QWidget

from ..core.errors import Cancelled, WorkstationError
from ..core.i18n import T

log = logging.getLogger(__name__)

INTERNAL = T(
    "发生内部错误（{kind}）。已记录详细信息，您的数据没有丢失。",
    "An internal error occurred ({kind}). The details were logged; your data is safe.",
)


def message_for(exc: BaseException, lang: str) -> str:
    if isinstance(exc, WorkstationError):
        return exc.message(lang)
    return INTERNAL.render(lang, kind=type(exc).__name__)


def show_error(parent: QWidget | None, exc: BaseException, lang: str) -> None:
    if isinstance(exc, Cancelled):
        return
    if not isinstance(exc, WorkstationError):
        log.error("unexpected error shown to the user: %s", type(exc).__name__, exc_info=exc)
    title = T("错误", "Error").render(lang)
    box = QMessageBox(QMessageBox.Icon.Warning, title, message_for(exc, lang), QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorBox")
    box.open()
