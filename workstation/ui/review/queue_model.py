"""Table model of a reviewer's queue (value objects from review_service, never ORM rows)."""
from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt

from ...services.review import QueueItem
from ..widgets.table_model import TableModel
from .common import STATUS_COLORS, status_label, yuan

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
STATUS_ROLE = Qt.ItemDataRole.UserRole + 3


class QueueModel(TableModel):
    COLUMNS = ("status", "setl_id", "institution", "setl_time", "amount", "flags", "findings", "source")

    def __init__(self, lang: str, parent=None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.headers = [""] * len(self.COLUMNS)
        self.source_labels: dict[str, str] = {}

    @property
    def items(self) -> list[QueueItem]:
        return self.rows

    def set_items(self, items: list[QueueItem]) -> None:
        self.set_rows(items)

    def set_headers(self, headers: list[str], source_labels: dict[str, str] | None = None) -> None:
        if source_labels is not None:
            self.source_labels = source_labels
        super().set_headers(headers)

    def row_of(self, unit_id: int) -> int:
        for i, it in enumerate(self.items):
            if it.unit_id == unit_id:
                return i
        return -1

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        it = self.items[index.row()]
        col = self.COLUMNS[index.column()]
        if role == ID_ROLE:
            return it.unit_id
        if role == STATUS_ROLE:
            return it.status
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                "status": status_label(it.status, self.lang) + (" ✓" if it.submitted else ""),
                "setl_id": it.setl_id,
                "institution": it.institution,
                "setl_time": it.setl_time[:10],
                "amount": yuan(it.medfee_sumamt),
                "flags": str(it.flags) if it.flags else "",
                "findings": str(it.findings) if it.findings else "",
                "source": self.source_labels.get(it.source, it.source),
            }[col]
        if role == SORT_ROLE:
            return {"status": it.status, "setl_id": it.setl_id, "institution": it.institution,
                    "setl_time": it.setl_time, "amount": it.medfee_sumamt, "flags": it.flags,
                    "findings": it.findings, "source": it.source}[col]
        if role == Qt.ItemDataRole.ForegroundRole and col == "status":
            return STATUS_COLORS.get(it.status)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in ("amount", "flags", "findings"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class QueueFilter(QSortFilterProxyModel):
    """Status and free-text filter; sorting by the raw values (amounts as integers)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.status = ""
        self.text = ""
        self.setSortRole(SORT_ROLE)

    def set_status(self, status: str) -> None:
        self.status = status
        self.invalidateFilter()

    def set_text(self, text: str) -> None:
        self.text = text.strip().lower()
        self.invalidateFilter()

    def filterAcceptsRow(self, row, parent) -> bool:  # noqa: N802
        it = self.sourceModel().items[row]
        if self.status and it.status != self.status:
            return False
        if self.text and self.text not in it.setl_id.lower() and self.text not in it.institution.lower():
            return False
        return True
