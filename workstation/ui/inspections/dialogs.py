"""Dialogs of the inspection view: a new inspection, and signing a record."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QGridLayout, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from ...services import inspection_service as ins
from ..widgets.signature_pad import SignaturePad


class NewInspectionDialog(QDialog):
    def __init__(self, lang: str, user: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newInspectionDialog")
        self.setWindowTitle(self.tr("新建现场检查"))
        self.code = QLineEdit()
        self.code.setObjectName("inspInstitutionCode")
        self.name = QLineEdit()
        self.name.setObjectName("inspInstitutionName")
        self.date = QDateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.kind = QComboBox()
        self.kind.setObjectName("inspKind")
        for k in ins.KINDS:
            self.kind.addItem(ins.KIND_LABELS[k].render(lang), k)
        self.team = QLineEdit(user)
        self.team.setObjectName("inspTeam")
        self.leads = QLineEdit()
        self.leads.setObjectName("inspLeads")
        self.leads.setPlaceholderText(self.tr("结算ID，以逗号分隔"))
        form = QFormLayout()
        form.addRow(self.tr("机构编号"), self.code)
        form.addRow(self.tr("机构名称（空则按编号查找）"), self.name)
        form.addRow(self.tr("检查日期"), self.date)
        form.addRow(self.tr("检查类型"), self.kind)
        form.addRow(self.tr("检查组成员（用户名，逗号分隔）"), self.team)
        form.addRow(self.tr("核查线索"), self.leads)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(buttons)
        self.resize(560, 300)

    def values(self) -> dict:
        split = lambda t: [x.strip() for x in t.replace("，", ",").split(",") if x.strip()]  # noqa: E731
        return {"institution_code": self.code.text().strip(), "institution_name": self.name.text().strip() or None,
                "date": self.date.date().toString("yyyy-MM-dd"), "kind": self.kind.currentData(),
                "team": split(self.team.text()), "leads": [ins.Lead(x) for x in split(self.leads.text())]}


class SignDialog(QDialog):
    """One pad per signer of the record's kind, or a photo of the paper signed by hand."""

    def __init__(self, kind: str, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signDialog")
        self.setWindowTitle(self.tr("签名并封存"))
        roles = ("interviewee", "interviewer", "recorder") if kind == "interview" else ("inspector", "present",
                                                                                        "recorder")
        self.pads: dict[str, SignaturePad] = {}
        grid = QGridLayout()
        for i, role in enumerate(roles):
            label = QLabel(ins.SIGNER_ROLES[role].render(lang) + ("" if role in ins.REQUIRED_SIGNERS[kind]
                                                                  else self.tr("（可选）")))
            pad = SignaturePad()
            pad.setObjectName(f"pad_{role}")
            pad.hint = self.tr("请在此处签名")
            clear = QPushButton(self.tr("清除"))
            clear.clicked.connect(pad.clear)
            grid.addWidget(label, i, 0)
            grid.addWidget(pad, i, 1)
            grid.addWidget(clear, i, 2)
            self.pads[role] = pad
        self.paper = QCheckBox(self.tr("改用签字纸质笔录的照片"))
        self.paper.setObjectName("usePaper")
        self.paper_btn = QPushButton(self.tr("选择照片…"))
        self.paper_label = QLabel()
        self.paper_path: Path | None = None
        self.paper_btn.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.addWidget(self.paper)
        row.addWidget(self.paper_btn)
        row.addWidget(self.paper_label, 1)
        note = QLabel(self.tr("封存后笔录不能再修改；如需更正，请新建更正笔录。"))
        note.setWordWrap(True)
        note.setStyleSheet("color: #8a4b00;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("签名并封存"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(grid)
        lay.addLayout(row)
        lay.addWidget(note)
        lay.addWidget(buttons)
        self.resize(760, 520)

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("签字纸质笔录的照片"), "",
                                              self.tr("图片或 PDF (*.jpg *.jpeg *.png *.pdf)"))
        if path:
            self.paper_path = Path(path)
            self.paper_label.setText(self.paper_path.name)
            self.paper.setChecked(True)

    def signatures(self) -> list[tuple[str, bytes]]:
        return [(role, pad.to_png()) for role, pad in self.pads.items() if not pad.is_empty()]

    def signed_paper_path(self) -> Path | None:
        """The photo of the signed paper (read on the worker, not here)."""
        return self.paper_path if self.paper.isChecked() else None
