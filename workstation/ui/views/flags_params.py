"""The screening parameters of the active contract profile (supervisor/admin only).

Each change goes through screening_service.set_rule_params, which logs who,
when, before and after.
"""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ...core.errors import WorkstationError
from ...services import profile_service
from ...services import screening_service as ss
from ...services.catalog_service import rule_catalog


class RuleParamsDialog(QDialog):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("ruleParamsDialog")
        self.setWindowTitle(self.tr("规则参数"))
        self.profile_label = QLabel()
        self.error = QLabel()
        self.error.setObjectName("paramsError")
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for p in rule_catalog().parameters:
            edit = QLineEdit()
            edit.setObjectName(f"param_{p.name}")
            self.fields[p.name] = edit
            form.addRow(p.en if ctx.lang == "en" else p.zh, edit)
        hint = QLabel(self.tr("金额以元为单位；比例为 0 到 1 之间的小数；修改将记入审计日志，重新运行规则后生效。"))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.profile_label)
        lay.addLayout(form)
        lay.addWidget(hint)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self._profile_id: str | None = None
        self._values: dict = {}
        ws = ctx.ws
        ctx.run(lambda p: (profile_service.active_profile(ws), profile_service.rule_params(ws)),
                name="params.load", on_success=self._loaded)

    def _loaded(self, result) -> None:
        profile, values = result
        self._profile_id = profile["id"]
        self._values = dict(values)
        name = profile.get("name_en" if self.ctx.lang == "en" else "name_zh") or profile["id"]
        self.profile_label.setText(self.tr("合同项目：{name}").format(name=name))
        for key, edit in self.fields.items():
            edit.setText(str(values.get(key, "")))

    def changes(self) -> dict:
        return {k: e.text().strip() for k, e in self.fields.items() if e.text().strip() != str(self._values.get(k, ""))}

    def save(self) -> None:
        if self._profile_id is None:
            return
        changes = self.changes()
        if not changes:
            self.accept()
            return
        ws, pid = self.ctx.ws, self._profile_id

        def failed(exc):
            self.error.setText(exc.message(self.ctx.lang) if isinstance(exc, WorkstationError) else str(exc))

        self.ctx.run(lambda p: ss.set_rule_params(ws, pid, changes), name="params.save",
                     on_success=lambda _r: self.accept(), on_failure=failed)
