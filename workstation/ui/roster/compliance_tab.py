"""合规检查: each staffing term of the active profile, required vs actual, red/green; expiring certificates."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView, QDateEdit, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from ...services import roster_service
from ..context import UiContext
from ..errors import show_error

GREEN, RED = QColor("#1e7b34"), QColor("#b42318")
GREEN_BG, RED_BG = QColor("#e3f4e6"), QColor("#fde4e1")


class ComplianceTab(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.result = None
        self.profile_label = QLabel()
        self.profile_label.setObjectName("profileLabel")
        f = self.profile_label.font()
        f.setPointSizeF(f.pointSizeF() * 1.15)
        f.setBold(True)
        self.profile_label.setFont(f)
        self.date = QDateEdit(QDate.currentDate())
        self.date.setObjectName("checkDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date_label = QLabel()
        self.refresh_btn = QPushButton()
        self.refresh_btn.setObjectName("refreshCheck")
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.terms = QTableWidget(0, 5)
        self.terms.setObjectName("terms")
        self.terms.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.terms.verticalHeader().setVisible(False)
        self.terms.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.terms.horizontalHeader().setMinimumSectionSize(72)
        for c in range(1, 5):
            self.terms.horizontalHeader().setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.certs_box = QGroupBox()
        self.certs = QTableWidget(0, 4)
        self.certs.setObjectName("expiring")
        self.certs.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.certs.verticalHeader().setVisible(False)
        self.certs.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.certs.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        bl = QVBoxLayout(self.certs_box)
        bl.addWidget(self.certs)
        top = QHBoxLayout()
        top.addWidget(self.profile_label, 1)
        top.addWidget(self.date_label)
        top.addWidget(self.date)
        top.addWidget(self.refresh_btn)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.summary)
        lay.addWidget(self.terms, 3)
        lay.addWidget(self.certs_box, 2)
        self.refresh_btn.clicked.connect(self.reload)
        self.date.dateChanged.connect(lambda _d: self.reload())
        self.retranslate()

    def retranslate(self) -> None:
        self.date_label.setText(self.tr("检查日期："))
        self.refresh_btn.setText(self.tr("重新检查"))
        self.terms.setHorizontalHeaderLabels([self.tr("人员配备条款"), self.tr("要求"), self.tr("应达"),
                                              self.tr("实际"), self.tr("结果")])
        self.certs_box.setTitle(self.tr("30 日内到期（或已过期）的证书"))
        self.certs.setHorizontalHeaderLabels([self.tr("工号"), self.tr("姓名"), self.tr("证书"), self.tr("有效期至")])
        if self.result is not None:
            self._show(self.result)

    def check_day(self) -> dt.date:
        d = self.date.date()
        return dt.date(d.year(), d.month(), d.day())

    def reload(self) -> None:
        ws, day = self.ctx.ws, self.check_day()

        def job(p):
            profile, res = roster_service.check(ws, None, day)
            return profile, res, roster_service.expiring_certificates(ws, day)

        self.ctx.run(job, name="roster.check", on_success=self._show,
                     on_failure=lambda e: show_error(self, e, self.ctx.lang))

    def _show(self, result) -> None:
        self.result = result
        profile, res, expiring = result
        lang = self.ctx.lang
        name = profile.get("name_en" if lang == "en" else "name_zh", profile["id"])
        paren = " ({})" if lang == "en" else "（{}）"
        self.profile_label.setText(self.tr("当前合同：") + name + paren.format(profile["id"]))
        bad = [t for t in res.terms if not t.ok]
        if not res.terms:
            self.summary.setText(self.tr("该合同没有数量化的人员配备条款。") + " " +
                                 self.tr("在岗 {n} 人。").replace("{n}", str(res.headcount)))
            self.summary.setStyleSheet("")
        elif bad:
            self.summary.setText(self.tr("✘ {n} 项未达标").replace("{n}", str(len(bad))) + "　" +
                                 self.tr("在岗 {n} 人。").replace("{n}", str(res.headcount)))
            self.summary.setStyleSheet(f"color: {RED.name()}; font-weight: bold;")
        else:
            self.summary.setText(self.tr("✔ 全部达标") + "　" + self.tr("在岗 {n} 人。").replace("{n}", str(res.headcount)))
            self.summary.setStyleSheet(f"color: {GREEN.name()}; font-weight: bold;")
        self.terms.setRowCount(len(res.terms))
        for r, t in enumerate(res.terms):
            cells = [t.label(lang), t.requirement, str(t.required), str(t.actual),
                     self.tr("✔ 达标") if t.ok else self.tr("✘ 未达标")]
            if t.staff and not t.ok:
                cells[0] += "　" + self.tr("（不符：{who}）").replace("{who}", "、".join(t.staff[:8]) + ("…" if len(t.staff) > 8 else ""))
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c >= 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setBackground(QBrush(GREEN_BG if t.ok else RED_BG))
                if c == 4:
                    item.setForeground(QBrush(GREEN if t.ok else RED))
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                self.terms.setItem(r, c, item)
        paren = " ({})" if lang == "en" else "（{}）"
        self.certs.setRowCount(len(expiring))
        for r, c in enumerate(expiring):
            left = (self.tr("已过期 {n} 天").replace("{n}", str(-c.days_left)) if c.expired
                    else self.tr("剩 {n} 天").replace("{n}", str(c.days_left)))
            for col, text in enumerate([c.staff_no, c.name, c.certificate, c.expiry.isoformat() + paren.format(left)]):
                item = QTableWidgetItem(text)
                item.setForeground(QBrush(RED if c.expired or c.days_left <= 7 else QColor("#8a5a00")))
                self.certs.setItem(r, col, item)
