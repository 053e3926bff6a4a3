"""人员变更: requests with notice date, supervisor approval, making them effective (or being told why not)."""
from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QInputDialog, QLabel,
    QLineEdit, QPushButton, QTableWidgetItem, QVBoxLayout, QWidget,
)

from ...core.identity import Role
from ...services import roster_service, staff_change_service as sc
from ..context import UiContext
from ..errors import show_error
from .tables import record_table
from ...core.changes import Area, Changes


def _date_edit(name: str) -> QDateEdit:
    e = QDateEdit(QDate.currentDate())
    e.setObjectName(name)
    e.setCalendarPopup(True)
    e.setDisplayFormat("yyyy-MM-dd")
    return e


class ChangeDialog(QDialog):
    """A new change request: who leaves, who joins, why, when Party A was notified."""

    def __init__(self, lang: str, staff: list[dict], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changeDialog")
        self.setWindowTitle(self.tr("人员变更申请"))
        self.leaving = QComboBox()
        self.leaving.setObjectName("leaving")
        self.leaving.addItem(self.tr("（无人离岗）"), None)
        for s in staff:
            if s["active"]:
                self.leaving.addItem(f"{s['staff_no']} {s['name']}（{s['post']}）", s["id"])
        self.j_no, self.j_name, self.j_certno = QLineEdit(), QLineEdit(), QLineEdit()
        self.j_no.setObjectName("joiningNo")
        self.j_name.setObjectName("joiningName")
        self.j_certno.setObjectName("joiningCertno")
        self.j_post = QComboBox()
        self.j_post.setEditable(True)
        self.j_post.addItems(["审核员", "稽核员", "项目负责人", "巡查负责人"])
        self.j_qual = QComboBox()
        for q, label in roster_service.QUALIFICATION_LABELS.items():
            self.j_qual.addItem(label.render(lang), q)
        self.j_edu = QComboBox()
        self.j_edu.setEditable(True)
        self.j_edu.addItems(["本科", "硕士研究生", "博士研究生", "大专"])
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.notice = _date_edit("noticeDate")
        self.planned = _date_edit("plannedDate")
        self.planned.setDate(QDate.currentDate().addDays(15))
        form = QFormLayout()
        form.addRow(self.tr("离岗人员"), self.leaving)
        join = QGroupBox(self.tr("接替/新增人员（可空）"))
        jf = QFormLayout(join)
        jf.addRow(self.tr("工号"), self.j_no)
        jf.addRow(self.tr("姓名"), self.j_name)
        jf.addRow(self.tr("身份证号"), self.j_certno)
        jf.addRow(self.tr("专业类别"), self.j_qual)
        jf.addRow(self.tr("岗位"), self.j_post)
        jf.addRow(self.tr("学历"), self.j_edu)
        form2 = QFormLayout()
        form2.addRow(self.tr("更换原因"), self.reason)
        form2.addRow(self.tr("书面通知甲方日期"), self.notice)
        form2.addRow(self.tr("计划生效日期"), self.planned)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("提交申请"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(join)
        lay.addLayout(form2)
        lay.addWidget(buttons)
        self.resize(520, 520)

    def values(self) -> dict:
        joining = None
        if self.j_no.text().strip() or self.j_name.text().strip():
            joining = {"staff_no": self.j_no.text(), "name": self.j_name.text(), "certno": self.j_certno.text(),
                       "qualification": self.j_qual.currentData(), "post": self.j_post.currentText(),
                       "education": self.j_edu.currentText()}
        return {"leaving_staff_id": self.leaving.currentData(), "joining": joining, "reason": self.reason.text(),
                "notice_date": self.notice.date().toString("yyyy-MM-dd"),
                "planned_date": self.planned.date().toString("yyyy-MM-dd")}


class ChangesTab(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.changes: list[dict] = []
        self.staff: list[dict] = []
        self.new_btn, self.approve_btn, self.reject_btn, self.apply_btn = (QPushButton() for _ in range(4))
        for b, name in ((self.new_btn, "newChange"), (self.approve_btn, "approveChange"),
                        (self.reject_btn, "rejectChange"), (self.apply_btn, "applyChange")):
            b.setObjectName(name)
        self.effective = _date_edit("effectiveDate")
        self.effective_label = QLabel()
        self.rule = QLabel()
        self.rule.setObjectName("rule")
        self.rule.setWordWrap(True)
        self.table = record_table(8, "changes")
        top = QHBoxLayout()
        top.addWidget(self.new_btn)
        top.addWidget(self.approve_btn)
        top.addWidget(self.reject_btn)
        top.addSpacing(16)
        top.addWidget(self.effective_label)
        top.addWidget(self.effective)
        top.addWidget(self.apply_btn)
        top.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(self.rule)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        self.new_btn.clicked.connect(self.new_request)
        self.approve_btn.clicked.connect(self.approve)
        self.reject_btn.clicked.connect(self.reject)
        self.apply_btn.clicked.connect(self.apply)
        role = ctx.ws.user.role
        self.new_btn.setEnabled(role in (Role.ADMIN, Role.SUPERVISOR))
        self.approve_btn.setEnabled(role in (Role.ADMIN, Role.SUPERVISOR))
        self.reject_btn.setEnabled(role in (Role.ADMIN, Role.SUPERVISOR))
        self.apply_btn.setEnabled(role is Role.ADMIN)
        self.retranslate()

    def retranslate(self) -> None:
        self.new_btn.setText(self.tr("新建变更申请…"))
        self.approve_btn.setText(self.tr("审批通过…"))
        self.reject_btn.setText(self.tr("驳回"))
        self.apply_btn.setText(self.tr("执行变更"))
        self.effective_label.setText(self.tr("生效日期："))
        self.rule.setText(self.tr("按合同约定，更换人员须提前 15 日书面通知甲方并经同意：变更须由主管记录审批（可填甲方同意文号），"
                                  "且生效日期不早于通知日期后第 15 日，否则系统拒绝并说明原因。"))
        self.table.setHorizontalHeaderLabels([self.tr("编号"), self.tr("离岗人员"), self.tr("接替人员"), self.tr("原因"),
                                              self.tr("通知日期"), self.tr("最早生效"), self.tr("状态"), self.tr("审批")])
        self._fill()

    def reload(self) -> None:
        ws = self.ctx.ws
        self.ctx.run(lambda p: (sc.list_changes(ws), roster_service.list_staff(ws)), name="changes.list",
                     on_success=self._loaded, on_failure=lambda e: show_error(self, e, self.ctx.lang))

    def _loaded(self, result) -> None:
        self.changes, self.staff = result
        self._fill()

    def _fill(self) -> None:
        lang = self.ctx.lang
        self.table.setRowCount(len(self.changes))
        for r, c in enumerate(self.changes):
            leaving = f"{c['leaving']['staff_no']} {c['leaving']['name']}" if c["leaving"] else ""
            joining = f"{c['joining']['staff_no']} {c['joining']['name']}" if c["joining"] else ""
            approval = (f"{c['approved_by']} {c['approval_ref']}".strip() if c["approved_by"] else "")
            if c["effective_date"]:
                approval += ("；" if approval else "") + self.tr("生效于 ") + c["effective_date"]
            cells = [str(c["id"]), leaving, joining, c["reason"], c["notice_date"], c["earliest_date"],
                     sc.STATUS_LABELS[c["status"]].render(lang), approval]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, c["id"])
                self.table.setItem(r, col, item)

    def current(self) -> dict | None:
        r = self.table.currentRow()
        return self.changes[r] if 0 <= r < len(self.changes) else None

    def _run(self, fn, name: str) -> None:
        self.ctx.run(fn, name=name, on_success=lambda _r: self.reload(), changes=Changes.of(Area.ROSTER),
                     on_failure=lambda e: show_error(self, e, self.ctx.lang))

    def new_request(self) -> None:
        dlg = ChangeDialog(self.ctx.lang, self.staff, self)
        ws = self.ctx.ws
        dlg.accepted.connect(lambda: self._run(lambda p, v=dlg.values(): sc.request_change(ws, **v), "changes.request"))
        dlg.open()
        self.dialog = dlg

    def approve(self, ref: str | None = None) -> None:
        c = self.current()
        if c is None:
            return
        if ref is None:
            ref, ok = QInputDialog.getText(self, self.tr("审批通过"), self.tr("甲方书面同意文号（可空）："))
            if not ok:
                return
        ws = self.ctx.ws
        self._run(lambda p: sc.approve(ws, c["id"], ref), "changes.approve")

    def reject(self) -> None:
        c = self.current()
        if c is not None:
            ws = self.ctx.ws
            self._run(lambda p: sc.reject(ws, c["id"]), "changes.reject")

    def apply(self) -> None:
        c = self.current()
        if c is None:
            return
        ws, day = self.ctx.ws, self.effective.date().toString("yyyy-MM-dd")
        self._run(lambda p: sc.apply_change(ws, c["id"], day), "changes.apply")
