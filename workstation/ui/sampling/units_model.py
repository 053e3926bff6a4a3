"""Table models of the sampling view: selected units (typed ``SampleUnit``) and strata."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from ...core.money import fen_to_str


class UnitsModel(QAbstractTableModel):
    """The sample's units (up to hundreds of thousands: data() formats only visible cells)."""

    COLUMNS = ("rank", "setl_id", "stratum", "fixmedins_name", "setl_time", "amount", "hits", "assigned_to", "status")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list = []  # SampleUnit

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def headers(self) -> list[str]:
        return [self.tr("序号"), self.tr("结算ID"), self.tr("层"), self.tr("机构"), self.tr("结算时间"), self.tr("金额（元）"),
                self.tr("命中"), self.tr("审核人"), self.tr("状态")]

    def status_text(self, status: str | None) -> str:
        return {None: self.tr("未分配"), "pending": self.tr("待审核"), "in_progress": self.tr("审核中"),
                "compliant": self.tr("合规"), "violation": self.tr("违规"),
                "doubtful": self.tr("疑点")}.get(status, status or "")

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if col == "rank":
                return row.rank + 1
            if col == "amount":
                return fen_to_str(row.amount)
            if col == "stratum":
                return row.stratum or self.tr("（全部）")
            if col == "fixmedins_name":
                return row.fixmedins_name or row.fixmedins_code
            if col == "status":
                return self.status_text(row.status)
            value = getattr(row, col)
            return value if value is not None else ""
        if role == Qt.ItemDataRole.TextAlignmentRole and col in ("rank", "amount", "hits"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None




class StrataModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, int, int]] = []

    def set_rows(self, rows: list[tuple[str, int, int]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows) + (1 if self.rows else 0)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 3

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [self.tr("层"), self.tr("抽样框数量"), self.tr("样本量")][section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if index.row() == len(self.rows):
                return [self.tr("合计"), sum(r[1] for r in self.rows), sum(r[2] for r in self.rows)][index.column()]
            r = self.rows[index.row()]
            if index.column() == 0:
                return r[0] or self.tr("（全部）")
            return r[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
