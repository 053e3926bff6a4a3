"""The merge conflicts of the fieldwork view: what both sides changed, side by side, and the choice."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView, QGroupBox, QHBoxLayout, QHeaderView, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout,
)

from ...core.money import fen_to_str
from ...services import package_merge
from ...services.catalog_service import violations

FIELD_LABELS = ("category", "amount", "status", "note", "basis", "lines", "deleted", "decided_by", "submitted")


class ConflictsBox(QGroupBox):
    """The conflicts table and the two buttons that settle the selected one (the view runs the job)."""

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.conflicts: list[package_merge.ConflictInfo] = []
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("conflictTable")
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        hh.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(150)
        self.keep_local_btn, self.take_remote_btn = QPushButton(), QPushButton()
        self.keep_local_btn.setObjectName("keepLocalBtn")
        self.take_remote_btn.setObjectName("takeRemoteBtn")
        for b in (self.keep_local_btn, self.take_remote_btn):
            b.setEnabled(False)
        cbar = QHBoxLayout()
        cbar.addStretch(1)
        cbar.addWidget(self.keep_local_btn)
        cbar.addWidget(self.take_remote_btn)
        clay = QVBoxLayout(self)
        clay.addWidget(self.table)
        clay.addLayout(cbar)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("合并冲突（两边都修改过的内容）"))
        self.table.setHorizontalHeaderLabels([self.tr("编号"), self.tr("类型"), self.tr("标识"),
                                              self.tr("本机版本"), self.tr("外勤版本")])
        self.keep_local_btn.setText(self.tr("保留本机版本"))
        self.take_remote_btn.setText(self.tr("采用外勤版本"))
        self._fill()

    def changeEvent(self, event) -> None:  # noqa: N802
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_conflicts(self, conflicts: list[package_merge.ConflictInfo]) -> None:
        self.conflicts = list(conflicts)
        self._fill()

    def current(self) -> package_merge.ConflictInfo | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.conflicts[rows[0].row()] if rows and rows[0].row() < len(self.conflicts) else None

    def _field_labels(self) -> dict[str, str]:
        return {"category": self.tr("类别"), "amount": self.tr("金额"), "status": self.tr("状态"),
                "note": self.tr("说明"), "basis": self.tr("依据"), "lines": self.tr("费用明细"),
                "deleted": self.tr("已删除"), "decided_by": self.tr("结论人"), "submitted": self.tr("已提交")}

    def describe(self, state: dict) -> str:
        """One side of a conflict as lines of "field: value" in the interface language."""
        names = {v.code: (v.en if self.ctx.lang == "en" else v.zh) for v in violations()}
        labels = self._field_labels()
        parts = []
        for k in FIELD_LABELS:
            v = state.get(k)
            if v in (None, "", [], False):
                continue
            if k == "amount":
                v = fen_to_str(int(v))
            elif k == "category":
                v = names.get(v, v)
            elif k == "lines":
                v = ", ".join(v)
            elif isinstance(v, bool):
                v = self.tr("是")
            parts.append(f"{labels[k]}: {v}")
        who = state.get("updated_by") or state.get("decided_by") or ""
        return "\n".join(parts + ([f"— {who}"] if who else []))

    def _fill(self) -> None:
        self.table.setRowCount(len(self.conflicts))
        kinds = {"finding": self.tr("发现"), "unit": self.tr("审核单元")}
        for r, c in enumerate(self.conflicts):
            for col, text in enumerate([str(c.id), kinds.get(c.entity, c.entity), c.entity_uuid[:8],
                                        self.describe(c.local), self.describe(c.remote)]):
                self.table.setItem(r, col, QTableWidgetItem(text))
        self.table.resizeRowsToContents()
        self._selection_changed()

    def _selection_changed(self) -> None:
        ok = self.current() is not None and self.ctx.ws.user.can_supervise
        self.keep_local_btn.setEnabled(ok)
        self.take_remote_btn.setEnabled(ok)
