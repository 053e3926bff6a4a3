"""The knowledge point editor (知识点编辑): the spec's validation in the user's language,
effective dates, exclusions, active state, and a preview of the flags the point alone
would record now (nothing recorded) before it is saved or activated.

Validation is the same pure function as the knowledge-file import
(``core.knowledge.parse_point``: no store, so it runs as the user types); the
preview and the save go through ctx.run.
"""
from __future__ import annotations

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QPushButton, QTableView, QVBoxLayout, QWidget)

from ...core import knowledge as kn
from ...core.errors import WorkstationError
from ...core.money import fen_to_str
from ...services import knowledge_service as ks
from .text_table_model import TextTableModel

TEXT_FIELDS = ("rule_id", "rule_name", "item_codes", "other_codes", "med_class_lmt", "hosp_lv_lmt", "insutype_lmt",
               "dise_lmt", "window", "limit", "exclude_dx", "source", "effective_from", "effective_to")
ERROR_STYLE = "border: 1px solid #b3261e;"


class PointEditor(QDialog):
    def __init__(self, ctx, point: kn.Point | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.creating = point is None
        self.setObjectName("pointEditor")
        self.fields: dict[str, QLineEdit] = {}
        self.labels: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.template = QComboBox()
        self.template.setObjectName("field_template")
        for tid, name in kn.TEMPLATES.items():
            self.template.addItem(f"{name.render(ctx.lang)}（{tid}）" if ctx.lang != "en" else f"{name.en} ({tid})", tid)
        for code in TEXT_FIELDS:
            edit = QLineEdit()
            edit.setObjectName(f"field_{code}")
            edit.textChanged.connect(self.validate)
            self.fields[code] = edit
        self.active = QCheckBox()
        self.active.setObjectName("field_active")
        self.active.setChecked(True)
        order = ["rule_id", "template", "rule_name", "item_codes", "other_codes", "med_class_lmt", "hosp_lv_lmt",
                 "insutype_lmt", "dise_lmt", "window", "limit", "exclude_dx", "source", "effective_from",
                 "effective_to", "active"]
        for code in order:
            label = QLabel()
            self.labels[code] = label
            widget = self.template if code == "template" else self.active if code == "active" else self.fields[code]
            form.addRow(label, widget)
        self.template.currentIndexChanged.connect(self._template_changed)
        self.errors = QLabel()
        self.errors.setObjectName("pointErrors")
        self.errors.setStyleSheet("color: #b3261e;")
        self.errors.setWordWrap(True)
        self.preview_button = QPushButton()
        self.preview_button.setObjectName("previewPoint")
        self.preview_button.clicked.connect(self.run_preview)
        self.preview_label = QLabel()
        self.preview_label.setObjectName("previewSummary")
        self.preview_label.setWordWrap(True)
        self.preview_model = TextTableModel(self, 4, right_aligned=(2,))
        self.preview_table = QTableView()
        self.preview_table.setModel(self.preview_model)
        self.preview_table.setObjectName("previewSample")
        self.preview_table.verticalHeader().setVisible(False)
        self.preview_table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        hh = self.preview_table.horizontalHeader()
        for c in (0, 1, 2):
            hh.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        hh.setStretchLastSection(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.setObjectName("editorButtons")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.errors)
        left.addStretch(1)
        right = QVBoxLayout()
        prow = QHBoxLayout()
        prow.addWidget(self.preview_button)
        prow.addWidget(self.preview_label, 1)
        right.addLayout(prow)
        right.addWidget(self.preview_table, 1)
        body = QHBoxLayout()
        body.addLayout(left, 5)
        body.addLayout(right, 6)
        lay = QVBoxLayout(self)
        lay.addLayout(body, 1)
        lay.addWidget(self.buttons)
        self.resize(1280, 700)
        if point is not None:
            self.load(point)
        self.retranslate()
        self._template_changed()

    # -- texts --------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("新建知识点") if self.creating else self.tr("编辑知识点"))
        names = {
            "rule_id": self.tr("规则编号"), "template": self.tr("规则模板"), "rule_name": self.tr("规则名称"),
            "item_codes": self.tr("项目编码"), "other_codes": self.tr("关联项目编码"),
            "med_class_lmt": self.tr("限定就医方式"), "hosp_lv_lmt": self.tr("限定医院等级"),
            "insutype_lmt": self.tr("限定险种"), "dise_lmt": self.tr("限定诊断"), "window": self.tr("时间窗口"),
            "limit": self.tr("限定值"), "exclude_dx": self.tr("排除诊断"), "source": self.tr("依据来源"),
            "effective_from": self.tr("生效日期"), "effective_to": self.tr("失效日期"), "active": self.tr("启用"),
        }
        for code, label in self.labels.items():
            label.setText(names[code])
        hints = {
            "item_codes": self.tr("多个编码用 ; 或 、 分隔"), "other_codes": self.tr("多个编码用 ; 或 、 分隔"),
            "med_class_lmt": self.tr("住院；门诊；药店"), "hosp_lv_lmt": self.tr("如 1;2"), "insutype_lmt": self.tr("如 310;390"),
            "dise_lmt": self.tr("诊断编码前缀，如 E11;I10"), "window": self.tr("同一小时、单日、单次就诊、6小时、15天"),
            "exclude_dx": self.tr("诊断编码前缀，如 Z51"), "effective_from": self.tr("2025-01-01，可空"),
            "effective_to": self.tr("可空"), "source": self.tr("批次、文件、条款"),
        }
        for code, hint in hints.items():
            self.fields[code].setPlaceholderText(hint)
        self.active.setText(self.tr("启用（下次运行智能审核时生效）"))
        self.preview_button.setText(self.tr("预览"))
        self.preview_model.set_titles([self.tr("结算ID"), self.tr("明细流水号"), self.tr("金额"), self.tr("说明")])
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))

    # -- values -------------------------------------------------------------------
    def load(self, point: kn.Point) -> None:
        cells = kn.point_row_values(point)
        for code, edit in self.fields.items():
            edit.setText(cells.get(code, ""))
        self.fields["rule_id"].setReadOnly(True)
        self.template.setCurrentIndex(max(0, self.template.findData(point.template)))
        self.active.setChecked(point.active)

    def values(self) -> dict[str, str]:
        out = {code: edit.text() for code, edit in self.fields.items()}
        out["template"] = self.template.currentData()
        out["active"] = "1" if self.active.isChecked() else "0"
        return out

    def _template_changed(self) -> None:
        allowed = kn.ALLOWED[self.template.currentData()]
        for code in kn.PARAM_COLUMNS:
            self.fields[code].setEnabled(code in allowed)
            if code not in allowed:
                self.fields[code].clear()
        self.validate()

    def validate(self) -> list[kn.PointProblem]:
        """Show every problem beside its field, in the interface language."""
        _point, problems = ks.validate(self.values())
        bad = {p.column for p in problems}
        for code, edit in self.fields.items():
            edit.setStyleSheet(ERROR_STYLE if code in bad else "")
        lang = self.ctx.lang
        self.errors.setText("\n".join(f"{self.labels[p.column].text()}：{p.message(lang)}" if lang != "en"
                                      else f"{self.labels[p.column].text()}: {p.message(lang)}"
                                      for p in problems if p.column in self.labels))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not problems)
        self.preview_button.setEnabled(not problems)
        return problems

    # -- preview and save ---------------------------------------------------------------
    def run_preview(self) -> None:
        if self.validate():
            return
        ws, values, lang = self.ctx.ws, self.values(), self.ctx.lang
        self.preview_label.setText(self.tr("正在计算…"))
        self.ctx.run(lambda p: ks.preview(ws, values, lang), name="knowledge.preview",
                     on_success=self._previewed, on_failure=self._failed)

    def _previewed(self, result: ks.Preview) -> None:
        self.last_preview = result
        self.preview_label.setText(self.tr("此知识点单独运行将产生 {n} 条标记，涉及金额 {amount} 元（仅预览，未记录）。")
                                   .format(n=f"{result.count:,}", amount=fen_to_str(result.amount)))
        self.preview_model.set_rows([(setl_id, sn or self.tr("（结算级）"), fen_to_str(amount), text)
                                     for setl_id, sn, amount, text in result.sample])

    def _failed(self, exc: BaseException) -> None:
        self.preview_label.setText("")
        self.errors.setText(exc.message(self.ctx.lang) if isinstance(exc, WorkstationError) else str(exc))

    def save(self) -> None:
        if self.validate():
            return
        ws, values, create = self.ctx.ws, self.values(), self.creating
        self.ctx.run(lambda p: ks.save_point(ws, values, create=create), name="knowledge.save",
                     on_success=lambda _r: self.accept(), on_failure=self._failed)
