"""The form of one record: 现场检查笔录 or 询问笔录, editable while a draft, read-only once sealed."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QFormLayout, QGridLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPlainTextEdit,
    QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from ...services import inspection_service as ins


class RecordEditor(QWidget):
    changed = Signal()

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.info: ins.RecordInfo | None = None
        self.banner = QLabel()
        self.banner.setObjectName("recordBanner")
        self.banner.setWordWrap(True)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.place, self.started, self.ended = QLineEdit(), QLineEdit(), QLineEdit()
        self.interviewer, self.recorder = QLineEdit(), QLineEdit()
        self.person, self.person_id, self.person_unit = QLineEdit(), QLineEdit(), QLineEdit()
        for name, w in (("recPlace", self.place), ("recStarted", self.started), ("recEnded", self.ended),
                        ("recInterviewer", self.interviewer), ("recRecorder", self.recorder),
                        ("recPerson", self.person), ("recPersonId", self.person_id), ("recPersonUnit",
                                                                                    self.person_unit)):
            w.setObjectName(name)
            w.textEdited.connect(self.changed)
        self.started.setPlaceholderText("2025-03-04 10:15")
        self.ended.setPlaceholderText("2025-03-04 11:00")
        self.labels = [QLabel() for _ in range(8)]
        grid = QGridLayout()
        pairs = [(self.place, 0, 0, 3), (self.started, 1, 0, 1), (self.ended, 1, 2, 1),
                 (self.interviewer, 2, 0, 1), (self.recorder, 2, 2, 1), (self.person, 3, 0, 1),
                 (self.person_id, 3, 2, 1), (self.person_unit, 4, 0, 3)]
        for lab, (w, r, c, span) in zip(self.labels, pairs):
            grid.addWidget(lab, r, c)
            grid.addWidget(w, r, c + 1, 1, span)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.text = QPlainTextEdit()
        self.text.setObjectName("recText")
        self.text.textChanged.connect(self.changed)
        self.qa = QTableWidget(0, 2)
        self.qa.setObjectName("recQa")
        self.qa.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.qa.verticalHeader().setDefaultSectionSize(28)
        self.qa.setWordWrap(True)
        self.qa.itemChanged.connect(lambda *_: self.changed.emit())
        self.add_q = QPushButton()
        self.add_q.setObjectName("addQa")
        self.del_q = QPushButton()
        self.add_q.clicked.connect(self.add_question)
        self.del_q.clicked.connect(self._remove_question)
        qbar = QHBoxLayout()
        qbar.addWidget(self.add_q)
        qbar.addWidget(self.del_q)
        qbar.addStretch(1)
        self.text_label = QLabel()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.banner)
        lay.addLayout(grid)
        lay.addWidget(self.text_label)
        lay.addWidget(self.text, 1)
        lay.addWidget(self.qa, 1)
        lay.addLayout(qbar)
        self.retranslate()
        self.show_record(None)

    def retranslate(self) -> None:
        interview = self.info is None or self.info.kind == "interview"
        texts = [self.tr("地点"), self.tr("开始时间"), self.tr("结束时间"),
                 self.tr("询问人") if interview else self.tr("检查人员"), self.tr("记录人"),
                 self.tr("被询问人") if interview else self.tr("在场人员"), self.tr("身份证号码"),
                 self.tr("工作单位及职务")]
        for lab, t in zip(self.labels, texts):
            lab.setText(t)
        self.text_label.setText(self.tr("检查情况"))
        self.qa.setHorizontalHeaderLabels([self.tr("问"), self.tr("答")])
        self.add_q.setText(self.tr("添加问答"))
        self.del_q.setText(self.tr("删除所选问答"))
        self._banner()

    def _banner(self) -> None:
        r = self.info
        if r is None:
            self.banner.setText(self.tr("请选择或新建一份笔录。"))
            self.banner.setStyleSheet("color: #555;")
        elif r.sealed:
            self.banner.setText(self.tr("已签名封存（{who}，{at}），不能修改。封存哈希：{h}")
                                .replace("{who}", r.sealed_by or "").replace("{at}", r.sealed_at or "")
                                .replace("{h}", r.seal_hash or ""))
            self.banner.setStyleSheet("background: #e8f5e9; color: #1b5e20; padding: 4px;")
        else:
            self.banner.setText(self.tr("草稿 {n}：填写完毕后签名并封存。").replace("{n}", r.number))
            self.banner.setStyleSheet("background: #fff4ce; color: #5c4400; padding: 4px;")

    def show_record(self, r: ins.RecordInfo | None) -> None:
        self.info = r
        c = r.content if r else ins.RecordContent()
        self.blockSignals(True)
        self.place.setText(c.place)
        self.started.setText(c.started_at)
        self.ended.setText(c.ended_at)
        self.interviewer.setText(c.interviewer)
        self.recorder.setText(c.recorder)
        self.person.setText(c.interviewee_name)
        # the full ID number only while the record is a draft being written; masked once sealed
        self.person_id.setText(c.interviewee_id_masked if r is not None and r.sealed else c.interviewee_id)
        self.person_unit.setText(c.interviewee_unit)
        self.text.setPlainText(c.text)
        self.qa.setRowCount(0)
        for q in c.qa:
            self._append(q.question, q.answer)
        self.qa.resizeRowsToContents()
        self.blockSignals(False)
        interview = r is None or r.kind == "interview"
        self.qa.setVisible(interview)
        self.add_q.setVisible(interview)
        self.del_q.setVisible(interview)
        self.text.setVisible(not interview)
        self.text_label.setVisible(not interview)
        editable = r is not None and not r.sealed
        for w in (self.place, self.started, self.ended, self.interviewer, self.recorder, self.person,
                  self.person_id, self.person_unit):
            w.setReadOnly(not editable)
        self.text.setReadOnly(not editable)
        self.qa.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers if editable
                                else QAbstractItemView.EditTrigger.NoEditTriggers)
        self.add_q.setEnabled(editable)
        self.del_q.setEnabled(editable)
        self.retranslate()

    def _append(self, q: str, a: str) -> None:
        row = self.qa.rowCount()
        self.qa.insertRow(row)
        self.qa.setItem(row, 0, QTableWidgetItem(q))
        self.qa.setItem(row, 1, QTableWidgetItem(a))

    def add_question(self, question: str = "", answer: str = "") -> None:
        self._append(question if isinstance(question, str) else "", answer)
        self.qa.setCurrentCell(self.qa.rowCount() - 1, 0)
        self.changed.emit()

    def _remove_question(self) -> None:
        row = self.qa.currentRow()
        if row >= 0:
            self.qa.removeRow(row)
            self.changed.emit()

    def content(self) -> ins.RecordContent:
        qa = []
        for row in range(self.qa.rowCount()):
            q = self.qa.item(row, 0).text().strip() if self.qa.item(row, 0) else ""
            a = self.qa.item(row, 1).text().strip() if self.qa.item(row, 1) else ""
            if q or a:
                qa.append(ins.QA(q, a))
        return ins.RecordContent(place=self.place.text().strip(), started_at=self.started.text().strip(),
                                 ended_at=self.ended.text().strip(), interviewer=self.interviewer.text().strip(),
                                 recorder=self.recorder.text().strip(), interviewee_name=self.person.text().strip(),
                                 interviewee_id=self.person_id.text().strip(),
                                 interviewee_unit=self.person_unit.text().strip(),
                                 text=self.text.toPlainText().strip(), qa=tuple(qa))
