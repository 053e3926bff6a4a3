"""Widgets of the contract-profile editor: a dict edited as key/value rows, the new-profile dialog."""
from __future__ import annotations

import json
import re

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHeaderView, QLineEdit, QTableWidget, QTableWidgetItem, QWidget,
)


def number_or_text(text: str) -> int | str | None:
    """A cell's text as an int when it is digits, None when empty, else the text itself."""
    text = (text or "").strip()
    return int(text) if re.fullmatch(r"\d+", text) else (None if not text else text)


class KeyValueTable(QTableWidget):
    """A flat dict edited as rows of key / value; keeps each value's type (int, text, list)."""

    def __init__(self, name: str, ints: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(0, 2, parent)
        self.setObjectName(name)
        self.ints = ints
        self.original: dict = {}
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setVisible(False)

    def set_dict(self, data: dict | None) -> None:
        self.original = dict(data or {})
        self.setRowCount(0)
        for k, v in self.original.items():
            self.add_row(k, v if isinstance(v, str) else json.dumps(v, ensure_ascii=False))

    def add_row(self, key: str = "", value: str = "") -> None:
        r = self.rowCount()
        self.insertRow(r)
        self.setItem(r, 0, QTableWidgetItem(key))
        self.setItem(r, 1, QTableWidgetItem(value))

    def to_dict(self) -> dict:
        out = {}
        for r in range(self.rowCount()):
            key = (self.item(r, 0).text() if self.item(r, 0) else "").strip()
            text = (self.item(r, 1).text() if self.item(r, 1) else "").strip()
            if not key:
                continue
            old = self.original.get(key)
            if text[:1] in "[{" or (old is not None and not isinstance(old, str) and not isinstance(old, int)):
                try:
                    out[key] = json.loads(text)
                    continue
                except ValueError:
                    pass
            if re.fullmatch(r"-?\d+", text) and (self.ints or isinstance(old, int)) and not isinstance(old, str):
                out[key] = int(text)
            else:
                out[key] = text
        return out


class NewProfileDialog(QDialog):
    def __init__(self, profiles: list[dict], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newProfileDialog")
        self.setWindowTitle(self.tr("新建合同配置"))
        self.pid, self.name_zh, self.name_en = QLineEdit(), QLineEdit(), QLineEdit()
        self.pid.setObjectName("newId")
        self.pid.setPlaceholderText("kaifeng-2026")
        self.copy_of = QComboBox()
        self.copy_of.addItem(self.tr("（空白配置）"), None)
        for p in profiles:
            self.copy_of.addItem(f"{p['name_zh']}（{p['id']}）", p["id"])
        form = QFormLayout(self)
        form.addRow(self.tr("配置 ID（小写字母、数字、-）"), self.pid)
        form.addRow(self.tr("中文名称"), self.name_zh)
        form.addRow(self.tr("英文名称"), self.name_en)
        form.addRow(self.tr("复制自"), self.copy_of)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("创建"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
