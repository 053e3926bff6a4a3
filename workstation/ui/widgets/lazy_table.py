"""A table model that holds only the ids of its rows and fetches rows in pages as they are shown.

The Anki browser's way: a million ids cost 8 MB (an ``array('q')``); the row
data of a page (~200 rows) is read on the DB worker the first time one of its
rows is painted, and a bounded number of pages is kept.
"""
from __future__ import annotations

from array import array
from collections import OrderedDict
from typing import Any, Callable, Sequence

from PySide6.QtCore import Qt, Signal

from ..context import UiContext
from .table_model import TableModel


class LazyTableModel(TableModel):
    page_loaded = Signal(int)  # page number
    PAGE = 200
    MAX_PAGES = 60

    def __init__(self, ctx: UiContext, fetch: Callable[[Sequence[int]], list], parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._fetch = fetch  # ids → row objects, same order; runs on the DB worker
        self.ids: array = array("q")
        self._pages: OrderedDict[int, list] = OrderedDict()
        self._pending: set[int] = set()
        self._generation = 0
        self.headers = []

    # -- subclasses ---------------------------------------------------------------
    def display(self, row_obj: Any, column: int) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def extra_role(self, row_obj: Any, column: int, role: int) -> Any:
        return None

    # -- ids ------------------------------------------------------------------------
    def set_ids(self, ids: array) -> None:
        self.beginResetModel()
        self.ids = ids
        self._pages.clear()
        self._pending.clear()
        self._generation += 1
        self.endResetModel()

    def row_object(self, row: int) -> Any | None:
        """The loaded object of ``row`` or None (its page is then requested)."""
        if row < 0 or row >= len(self.ids):
            return None
        page = row // self.PAGE
        rows = self._pages.get(page)
        if rows is None:
            self._request(page)
            return None
        self._pages.move_to_end(page)
        i = row - page * self.PAGE
        return rows[i] if i < len(rows) else None

    def loaded_pages(self) -> int:
        return len(self._pages)

    def _request(self, page: int) -> None:
        if page in self._pending:
            return
        self._pending.add(page)
        ids = self.ids[page * self.PAGE:(page + 1) * self.PAGE].tolist()
        gen = self._generation
        fetch = self._fetch
        self.ctx.run(lambda progress: fetch(ids), name="lazy_page",
                     on_success=lambda rows, p=page, g=gen: self._arrived(p, g, rows))

    def _arrived(self, page: int, gen: int, rows: list) -> None:
        if gen != self._generation:
            return  # the ids changed meanwhile
        self._pending.discard(page)
        self._pages[page] = rows
        while len(self._pages) > self.MAX_PAGES:
            self._pages.popitem(last=False)
        first = page * self.PAGE
        last = min(first + self.PAGE, len(self.ids)) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))
        self.page_loaded.emit(page)

    # -- Qt -------------------------------------------------------------------------
    def row_count(self) -> int:
        return len(self.ids)

    def column_count(self) -> int:
        return len(self.headers)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        obj = self.row_object(index.row())
        if obj is None:
            return "…" if role == Qt.ItemDataRole.DisplayRole and index.column() == 0 else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(obj, index.column())
        return self.extra_role(obj, index.column(), role)
