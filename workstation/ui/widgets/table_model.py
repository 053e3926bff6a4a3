"""The one base of the table models: rows, named columns, translatable headers.

A model holds what services return (frozen values, never ORM rows) in
``rows``; ``COLUMNS`` names the columns; ``set_headers`` sets their titles in
the interface language. Subclasses say how a cell looks (``data``), and
override ``row_count``/``column_count`` when the rows shown are not ``rows``
(a filtered list, a lazily paged list of ids, a grid).
"""
from __future__ import annotations

from typing import Any, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt


class TableModel(QAbstractTableModel):
    COLUMNS: tuple[str, ...] = ()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []
        self.headers: list[str] = list(self.COLUMNS)

    # -- contents --------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def set_headers(self, headers: Sequence[str]) -> None:
        self.headers = list(headers)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(self.column_count() - 1, 0))

    def row_count(self) -> int:
        return len(self.rows)

    def column_count(self) -> int:
        return len(self.COLUMNS)

    # -- Qt ---------------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self.row_count()

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self.column_count()

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section] if 0 <= section < len(self.headers) else None
        return None
