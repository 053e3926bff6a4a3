"""培训: sessions with date, topic and attendees; the quarterly check (each person ≥ 1 per quarter)."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QSpinBox, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from ...core.identity import Role
from ...services import roster_service, training_service as ts
from ..context import UiContext
from ..errors import show_error


class SessionDialog(QDialog):
    def __init__(self, staff: list[dict], session: dict | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionDialog")
        self.setWindowTitle(self.tr("培训记录"))
        self.day = QDateEdit(QDate.fromString(session["day"], "yyyy-MM-dd") if session else QDate.currentDate())
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.topic = QLineEdit(session["topic"] if session else "")
        self.topic.setObjectName("topic")
        self.people = QListWidget()
        self.people.setObjectName("attendees")
        chosen = set(session["attendees"]) if session else set()
        for s in staff:
            if not s["active"] and s["id"] not in chosen:
                continue
            item = QListWidgetItem(f"{s['staff_no']} {s['name']}")
            item.setData(Qt.ItemDataRole.UserRole, s["id"])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if (s["id"] in chosen or not session) else Qt.CheckState.Unchecked)
            self.people.addItem(item)
        self.day.setEnabled(session is None)
        self.topic.setEnabled(session is None)
        form = QFormLayout()
        form.addRow(self.tr("日期"), self.day)
        form.addRow(self.tr("主题"), self.topic)
        form.addRow(self.tr("参训人员"), self.people)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(buttons)
        self.resize(440, 520)

    def attendees(self) -> list[int]:
        return [self.people.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.people.count())
                if self.people.item(i).checkState() == Qt.CheckState.Checked]


class TrainingTab(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.sessions: list[dict] = []
        self.staff: list[dict] = []
        self.check: dict | None = None
        self.new_btn, self.edit_btn = QPushButton(), QPushButton()
        self.new_btn.setObjectName("newSession")
        self.edit_btn.setObjectName("editAttendees")
        can = ctx.ws.user.role in (Role.ADMIN, Role.SUPERVISOR)
        self.new_btn.setEnabled(can)
        self.edit_btn.setEnabled(can)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("sessions")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        today = dt.date.today()
        self.year = QSpinBox()
        self.year.setObjectName("year")
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.quarter = QComboBox()
        self.quarter.setObjectName("quarter")
        for q in range(1, 5):
            self.quarter.addItem(f"Q{q}", q)
        self.quarter.setCurrentIndex(ts.quarter_of(today)[1] - 1)
        self.check_box = QGroupBox()
        self.result = QLabel()
        self.result.setObjectName("trainingResult")
        self.result.setWordWrap(True)
        self.people = QTableWidget(0, 3)
        self.people.setObjectName("trainingPeople")
        self.people.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.people.verticalHeader().setVisible(False)
        self.people.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        cl = QVBoxLayout(self.check_box)
        row = QHBoxLayout()
        row.addWidget(self.year)
        row.addWidget(self.quarter)
        row.addStretch(1)
        cl.addLayout(row)
        cl.addWidget(self.result)
        cl.addWidget(self.people)
        left = QVBoxLayout()
        top = QHBoxLayout()
        top.addWidget(self.new_btn)
        top.addWidget(self.edit_btn)
        top.addStretch(1)
        left.addLayout(top)
        left.addWidget(self.table)
        lay = QHBoxLayout(self)
        lay.addLayout(left, 3)
        lay.addWidget(self.check_box, 2)
        self.new_btn.clicked.connect(lambda: self.edit(None))
        self.edit_btn.clicked.connect(lambda: self.edit(self.current()))
        self.year.valueChanged.connect(lambda _v: self.reload())
        self.quarter.currentIndexChanged.connect(lambda _i: self.reload())
        self.retranslate()

    def retranslate(self) -> None:
        self.new_btn.setText(self.tr("新建培训…"))
        self.edit_btn.setText(self.tr("修改参训人员…"))
        self.check_box.setTitle(self.tr("季度培训检查（每人每季度至少 1 次）"))
        self.table.setHorizontalHeaderLabels([self.tr("日期"), self.tr("主题"), self.tr("参训人数")])
        self.people.setHorizontalHeaderLabels([self.tr("工号"), self.tr("姓名"), self.tr("本季度参训次数")])
        if self.check:
            self._show((self.sessions, self.staff, self.check))

    def current(self) -> dict | None:
        r = self.table.currentRow()
        return self.sessions[r] if 0 <= r < len(self.sessions) else None

    def reload(self) -> None:
        ws, year, q = self.ctx.ws, self.year.value(), self.quarter.currentData()
        self.ctx.run(lambda p: (ts.list_sessions(ws), roster_service.list_staff(ws), ts.quarterly_check(ws, year, q)),
                     name="training.list", on_success=self._show,
                     on_failure=lambda e: show_error(self, e, self.ctx.lang))

    def _show(self, result) -> None:
        self.sessions, self.staff, self.check = result
        self.table.setRowCount(len(self.sessions))
        for r, s in enumerate(self.sessions):
            for c, text in enumerate([s["day"], s["topic"], str(len(s["attendees"]))]):
                self.table.setItem(r, c, QTableWidgetItem(text))
        chk = self.check
        if chk["ok"]:
            self.result.setText(self.tr("✔ 本季度在岗人员均已参训"))
            self.result.setStyleSheet("color: #1e7b34; font-weight: bold;")
        else:
            self.result.setText(self.tr("✘ {n} 人本季度未参训").replace("{n}", str(len(chk["missing"]))))
            self.result.setStyleSheet("color: #b42318; font-weight: bold;")
        if not chk["contract_requires"]:
            self.result.setText(self.result.text() + "　" + self.tr("（当前合同未约定季度培训）"))
        people = sorted(chk["people"], key=lambda p: (p["sessions"] >= chk["required"], p["staff_no"]))  # short first
        self.people.setRowCount(len(people))
        for r, p in enumerate(people):
            short = p["sessions"] < chk["required"]
            for c, text in enumerate([p["staff_no"], p["name"], str(p["sessions"])]):
                item = QTableWidgetItem(text)
                if short:
                    item.setForeground(QBrush(QColor("#b42318")))
                self.people.setItem(r, c, item)

    def edit(self, session: dict | None) -> None:
        dlg = SessionDialog(self.staff, session, self)
        ws = self.ctx.ws

        def save() -> None:
            who = dlg.attendees()
            if session is None:
                day, topic = dlg.day.date().toString("yyyy-MM-dd"), dlg.topic.text()
                fn = lambda p: ts.add_session(ws, day, topic, who)  # noqa: E731
            else:
                fn = lambda p: ts.set_attendees(ws, session["id"], who)  # noqa: E731
            self.ctx.run(fn, name="training.save", on_success=lambda _r: self.reload(),
                         on_failure=lambda e: show_error(self, e, self.ctx.lang))

        dlg.accepted.connect(save)
        dlg.open()
        self.dialog = dlg
