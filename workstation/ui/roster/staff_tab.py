"""人员名单: the staff table (ID numbers masked), add/edit dialog with certificates, history, import."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
    QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListWidget, QPushButton, QSplitter, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from ...core.identity import Role
from ...services import roster_service
from ..context import UiContext
from ..errors import show_error
from .tables import record_table
from ...core.changes import Area, Changes

QUALS = ("medical", "pharmacy", "finance", "it", "law", "other")


class OptionalDate(QWidget):
    """A date that may be empty (a check box in front of a date edit)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enabled = QCheckBox()
        self.edit = QDateEdit(QDate.currentDate())
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setEnabled(False)
        self.enabled.toggled.connect(self.edit.setEnabled)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.enabled)
        lay.addWidget(self.edit, 1)

    def set_value(self, iso: str | None) -> None:
        self.enabled.setChecked(bool(iso))
        if iso:
            self.edit.setDate(QDate.fromString(iso, "yyyy-MM-dd"))

    def value(self) -> str | None:
        return self.edit.date().toString("yyyy-MM-dd") if self.enabled.isChecked() else None


class StaffDialog(QDialog):
    """Add or edit one person; returns the fields and the certificates."""

    def __init__(self, lang: str, staff: dict | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("staffDialog")
        self.setWindowTitle(self.tr("人员信息"))
        self.staff = staff or {}
        self.staff_no, self.name = QLineEdit(self.staff.get("staff_no", "")), QLineEdit(self.staff.get("name", ""))
        self.staff_no.setObjectName("staffNo")
        self.name.setObjectName("name")
        self.certno = QLineEdit()
        self.certno.setObjectName("certno")
        self.certno.setPlaceholderText(self.staff.get("certno_masked") or self.tr("18 位身份证号"))
        self.qualification = QComboBox()
        self.qualification.setObjectName("qualification")
        for q in QUALS:
            self.qualification.addItem(roster_service.QUALIFICATION_LABELS[q].render(lang), q)
        self.qualification.setCurrentIndex(max(0, self.qualification.findData(self.staff.get("qualification", "other"))))
        self.post = QComboBox()
        self.post.setObjectName("post")
        self.post.setEditable(True)
        self.post.addItems(["审核员", "稽核员", "项目负责人", "巡查负责人", "信息员", "财务"])
        self.post.setCurrentText(self.staff.get("post", ""))
        self.centre = QLineEdit(self.staff.get("centre", "市级"))
        self.centre.setObjectName("centre")
        self.education = QComboBox()
        self.education.setObjectName("education")
        self.education.setEditable(True)
        self.education.addItems(["博士研究生", "硕士研究生", "本科", "大专", "中专", "高中"])
        self.education.setCurrentText(self.staff.get("education", ""))
        self.exception = QLineEdit(self.staff.get("education_exception", ""))
        self.exception.setObjectName("educationException")
        self.birth = OptionalDate()
        self.birth.set_value(self.staff.get("birth_date") if staff and not staff.get("certno_masked") else None)
        self.start, self.end = OptionalDate(), OptionalDate()
        self.start.set_value(self.staff.get("start_date") or (None if staff else dt.date.today().isoformat()))
        self.end.set_value(self.staff.get("end_date"))
        self.certs = QTableWidget(0, 2)
        self.certs.setObjectName("certificates")
        self.certs.setHorizontalHeaderLabels([self.tr("证书名称"), self.tr("有效期至（YYYY-MM-DD，可空）")])
        self.certs.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.certs.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        for c in self.staff.get("certificates", []):
            self._add_cert(c["name"], c["expiry"] or "")
        add_cert, del_cert = QPushButton(self.tr("添加证书")), QPushButton(self.tr("删除所选证书"))
        add_cert.setObjectName("addCert")
        add_cert.clicked.connect(lambda: self._add_cert("", ""))
        del_cert.clicked.connect(lambda: self.certs.removeRow(self.certs.currentRow()))

        form = QFormLayout()
        form.addRow(self.tr("工号"), self.staff_no)
        form.addRow(self.tr("姓名"), self.name)
        form.addRow(self.tr("身份证号（留空则不变）") if staff else self.tr("身份证号"), self.certno)
        form.addRow(self.tr("出生日期（无身份证号时）"), self.birth)
        form.addRow(self.tr("专业类别"), self.qualification)
        form.addRow(self.tr("岗位"), self.post)
        form.addRow(self.tr("服务中心（市级或县区名）"), self.centre)
        form.addRow(self.tr("学历"), self.education)
        form.addRow(self.tr("学历放宽理由"), self.exception)
        form.addRow(self.tr("入职日期"), self.start)
        form.addRow(self.tr("离岗日期（当日起不在岗）"), self.end)
        box = QGroupBox(self.tr("证书"))
        bl = QVBoxLayout(box)
        bl.addWidget(self.certs)
        row = QHBoxLayout()
        row.addWidget(add_cert)
        row.addWidget(del_cert)
        row.addStretch(1)
        bl.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(box)
        lay.addWidget(buttons)
        self.resize(560, 640)

    def _add_cert(self, name: str, expiry: str) -> None:
        r = self.certs.rowCount()
        self.certs.insertRow(r)
        self.certs.setItem(r, 0, QTableWidgetItem(name))
        self.certs.setItem(r, 1, QTableWidgetItem(expiry))

    def fields(self) -> dict:
        out = {"staff_no": self.staff_no.text(), "name": self.name.text(),
               "qualification": self.qualification.currentData(), "post": self.post.currentText(),
               "centre": self.centre.text(), "education": self.education.currentText(),
               "education_exception": self.exception.text(), "start_date": self.start.value(),
               "end_date": self.end.value()}
        if self.certno.text().strip():
            out["certno"] = self.certno.text().strip()
        elif self.birth.value():
            out["birth_date"] = self.birth.value()
        return out

    def certificates(self) -> list[tuple[str, str]]:
        out = []
        for r in range(self.certs.rowCount()):
            name = self.certs.item(r, 0).text() if self.certs.item(r, 0) else ""
            exp = self.certs.item(r, 1).text() if self.certs.item(r, 1) else ""
            out.append((name, exp))
        return out


class StaffTab(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[dict] = []
        self.add_btn, self.edit_btn, self.import_btn = QPushButton(), QPushButton(), QPushButton()
        self.add_btn.setObjectName("addStaff")
        self.edit_btn.setObjectName("editStaff")
        self.import_btn.setObjectName("importRoster")
        self.active_only = QCheckBox()
        self.active_only.setObjectName("activeOnly")
        self.active_only.setChecked(True)
        self.table = record_table(10, "staffTable")
        self.history_box = QGroupBox()
        self.history = QListWidget()
        self.history.setObjectName("history")
        self.history.setWordWrap(True)
        hl = QVBoxLayout(self.history_box)
        hl.addWidget(self.history)
        self.status = QLabel()
        top = QHBoxLayout()
        for w in (self.add_btn, self.edit_btn, self.import_btn):
            top.addWidget(w)
        top.addSpacing(12)
        top.addWidget(self.active_only)
        top.addStretch(1)
        top.addWidget(self.status)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.history_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(split, 1)
        self.add_btn.clicked.connect(lambda: self.edit(None))
        self.edit_btn.clicked.connect(lambda: self.edit(self.current()))
        self.table.doubleClicked.connect(lambda _i: self.edit(self.current()))
        self.import_btn.clicked.connect(self.import_file)
        self.active_only.toggled.connect(lambda _c: self._fill())
        self.table.itemSelectionChanged.connect(self.load_history)
        is_admin = ctx.ws.user.role is Role.ADMIN
        for b in (self.add_btn, self.edit_btn, self.import_btn):
            b.setEnabled(is_admin)
        self.retranslate()

    def retranslate(self) -> None:
        self.add_btn.setText(self.tr("新增人员…"))
        self.edit_btn.setText(self.tr("编辑…"))
        self.import_btn.setText(self.tr("导入…"))
        self.active_only.setText(self.tr("只显示在岗人员"))
        self.history_box.setTitle(self.tr("变更记录"))
        self.table.setHorizontalHeaderLabels([
            self.tr("工号"), self.tr("姓名"), self.tr("身份证号"), self.tr("年龄"), self.tr("专业类别"), self.tr("岗位"),
            self.tr("服务中心"), self.tr("学历"), self.tr("在岗期间"), self.tr("证书")])
        self._fill()

    def reload(self) -> None:
        ws = self.ctx.ws
        self.ctx.run(lambda p: roster_service.list_staff(ws), name="roster.list", on_success=self._loaded,
                     on_failure=lambda e: show_error(self, e, self.ctx.lang))

    def _loaded(self, rows: list[dict]) -> None:
        self.rows = rows
        self._fill()

    def shown_rows(self) -> list[dict]:
        return [r for r in self.rows if r["active"] or not self.active_only.isChecked()]

    def _fill(self) -> None:
        lang = self.ctx.lang
        rows = self.shown_rows()
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            period = f"{r['start_date'] or '…'} — {r['end_date'] or ''}"
            certs = "；".join(c["name"] + (f"（{c['expiry']}）" if c["expiry"] else "") for c in r["certificates"])
            edu = r["education"] + ("*" if r["education_exception"] else "")
            cells = [r["staff_no"], r["name"], r["certno_masked"], "" if r["age"] is None else str(r["age"]),
                     roster_service.QUALIFICATION_LABELS.get(r["qualification"], roster_service.QUALIFICATION_LABELS["other"]).render(lang),
                     r["post"], r["centre"], edu, period, certs]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, r["id"])
                if not r["active"]:
                    item.setForeground(QBrush(QColor("#8a94a6")))
                self.table.setItem(i, c, item)
        n_active = sum(1 for r in self.rows if r["active"])
        self.status.setText(self.tr("在岗 {n} 人，共 {m} 条记录").replace("{n}", str(n_active)).replace("{m}", str(len(self.rows))))

    def current(self) -> dict | None:
        r = self.table.currentRow()
        rows = self.shown_rows()
        return rows[r] if 0 <= r < len(rows) else None

    def load_history(self) -> None:
        cur = self.current()
        self.history.clear()
        if cur is None:
            return
        ws, sid = self.ctx.ws, cur["id"]
        self.ctx.run(lambda p: roster_service.history(ws, sid), name="roster.history", on_success=self._show_history)

    def _labels(self) -> tuple[dict[str, str], dict[str, str]]:
        fields = {"staff_no": self.tr("工号"), "name": self.tr("姓名"), "certno": self.tr("身份证号"),
                  "birth_date": self.tr("出生日期"), "qualification": self.tr("专业类别"), "post": self.tr("岗位"),
                  "centre": self.tr("服务中心"), "education": self.tr("学历"),
                  "education_exception": self.tr("学历放宽理由"), "start_date": self.tr("入职日期"),
                  "end_date": self.tr("离岗日期")}
        actions = {"roster.add": self.tr("新增"), "roster.change": self.tr("修改"), "roster.leave": self.tr("离岗（人员变更）"),
                   "roster.join": self.tr("入职（人员变更）"), "roster.certificates": self.tr("证书"),
                   "roster.import": self.tr("导入")}
        return fields, actions

    def _show_history(self, events: list[dict]) -> None:
        self.history.clear()
        fields, actions = self._labels()
        for e in events:
            parts = []
            for k, (old, new) in e["changes"].items():
                if k == "certificates":
                    parts.append(self.tr("证书已修改"))
                elif old not in (None, "") or new not in (None, ""):
                    parts.append(f"{fields.get(k, k)}: {old if old not in (None, '') else '∅'} → "
                                 f"{new if new not in (None, '') else '∅'}")
            when = e["at"].replace("T", " ").rstrip("Z")
            self.history.addItem(f"{when} UTC  {e['user']}  {actions.get(e['action'], e['action'])}\n" + "；".join(parts))

    def edit(self, staff: dict | None) -> None:
        dlg = StaffDialog(self.ctx.lang, staff, self)
        dlg.setModal(True)
        dlg.accepted.connect(lambda: self._save(staff["id"] if staff else None, dlg.fields(), dlg.certificates()))
        dlg.open()
        self.dialog = dlg

    def _save(self, staff_id: int | None, fields: dict, certs: list) -> None:
        ws = self.ctx.ws

        def job(p):
            sid = roster_service.save_staff(ws, fields, staff_id)
            roster_service.set_certificates(ws, sid, certs)
            return sid

        self.ctx.run(job, name="roster.save", on_success=lambda _sid: self._changed(),
                     on_failure=lambda e: show_error(self, e, self.ctx.lang))

    def _changed(self) -> None:
        self.reload()
        self.ctx.bus.publish(Changes.of(Area.ROSTER))

    def import_file(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("导入人员名册"), "",
                                                  self.tr("名册文件 (*.csv *.xlsx *.xls)"))
            if not path:
                return
        ws = self.ctx.ws

        def job(p):
            from ...services import import_service

            return import_service.import_file(ws, path, progress=p)

        self.ctx.run(job, name="roster.import", on_failure=lambda e: show_error(self, e, self.ctx.lang),
                     on_success=lambda res: (self.status.setText(
                         self.tr("已导入：新增 {i}，更新 {u}，未变 {n}").replace("{i}", str(res.inserted))
                         .replace("{u}", str(res.updated)).replace("{n}", str(res.unchanged))), self._changed()))
