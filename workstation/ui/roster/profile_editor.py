"""合同配置 editor (admin): create or edit a contract profile without code — staffing terms,
sampling presets, deadlines, rule parameters, fees and deduction tiers, staff change and training terms.

The editor works on a copy of the profile document; saving goes through
profile_service.save_profile, which validates and logs before/after.
"""
from __future__ import annotations

import copy
import json
import re

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QFormLayout, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPushButton, QSpinBox, QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget,
)

from ...core.changes import Area, Changes
from ...core.identity import Role
from ...services import profile_service, roster_service
from ..context import UiContext
from ..errors import show_error
from .profile_widgets import KeyValueTable, NewProfileDialog, number_or_text

KINDS = ("count", "per_county", "age_range", "education_min", "certificate_valid")
LEVELS = ("doctor", "master", "bachelor", "associate", "secondary")
LEVEL_ZH = {"doctor": "博士", "master": "硕士", "bachelor": "本科", "associate": "大专", "secondary": "中专/高中"}
QUAL_ZH = {k: v.zh for k, v in roster_service.QUALIFICATION_LABELS.items()}
ZH_QUAL = {v: k for k, v in QUAL_ZH.items()}
COLS = ("id", "kind", "label_zh", "label_en", "centre", "qualification", "post", "cert", "min", "max", "exact", "level")


class ProfileEditor(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.profiles: list[dict] = []
        self.active_id = ""
        self.data: dict | None = None
        self.chooser = QComboBox()
        self.chooser.setObjectName("profileChooser")
        self.active_label = QLabel()
        self.active_label.setObjectName("activeLabel")
        self.use_btn, self.new_btn, self.save_btn, self.revert_btn = (QPushButton() for _ in range(4))
        for b, n in ((self.use_btn, "useProfile"), (self.new_btn, "newProfile"), (self.save_btn, "saveProfile"),
                     (self.revert_btn, "revertProfile")):
            b.setObjectName(n)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("profileTabs")
        self.add_param_btn, self.add_deadline_btn = QPushButton(), QPushButton()
        # basic
        self.pid = QLabel()
        self.name_zh, self.name_en, self.party_a = QLineEdit(), QLineEdit(), QLineEdit()
        self.name_zh.setObjectName("nameZh")
        self.name_en.setObjectName("nameEn")
        self.p_from, self.p_to = QDateEdit(), QDateEdit()
        for e in (self.p_from, self.p_to):
            e.setDisplayFormat("yyyy-MM-dd")
            e.setCalendarPopup(True)
        basic = QWidget()
        self.basic_form = QFormLayout(basic)
        # staffing terms
        self.terms = QTableWidget(0, len(COLS))
        self.terms.setObjectName("termsEditor")
        self.terms.verticalHeader().setVisible(False)
        self.terms.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.terms.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.terms.horizontalHeader().setMinimumSectionSize(56)
        self.add_term_btn, self.del_term_btn = QPushButton(), QPushButton()
        self.add_term_btn.setObjectName("addTerm")
        self.terms_help = QLabel()
        self.terms_help.setWordWrap(True)
        staffing = QWidget()
        sl = QVBoxLayout(staffing)
        sl.addWidget(self.terms_help)
        sl.addWidget(self.terms, 1)
        row = QHBoxLayout()
        row.addWidget(self.add_term_btn)
        row.addWidget(self.del_term_btn)
        row.addStretch(1)
        sl.addLayout(row)
        # sampling, deadlines, staff change, training
        self.presets = QLineEdit()
        self.presets.setObjectName("presets")
        self.deadlines = KeyValueTable("deadlines", ints=True)
        self.notice_days = QSpinBox()
        self.notice_days.setObjectName("noticeDays")
        self.notice_days.setRange(0, 365)
        self.approval = QCheckBox()
        self.training = QCheckBox()
        self.training.setObjectName("quarterlyTraining")
        self.training_min = QSpinBox()
        self.training_min.setRange(1, 12)
        self.monthly_sheet = QCheckBox()
        terms_page = QWidget()
        self.terms_form = QFormLayout(terms_page)
        # rule params
        self.rule_params = KeyValueTable("ruleParams")
        # fees and deductions
        self.fees = KeyValueTable("fees")
        self.pass_period = QComboBox()
        self.pass_period.setObjectName("passPeriod")
        self.tiers = QTableWidget(0, 3)
        self.tiers.setObjectName("tiers")
        self.tiers.verticalHeader().setVisible(False)
        self.tiers.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.add_tier_btn, self.del_tier_btn = QPushButton(), QPushButton()
        self.add_fee_btn = QPushButton()
        fees_page = QWidget()
        fl = QVBoxLayout(fees_page)
        self.fees_label, self.tiers_label, self.period_label = QLabel(), QLabel(), QLabel()
        fl.addWidget(self.fees_label)
        fl.addWidget(self.fees, 1)
        fl.addWidget(self.add_fee_btn, 0, Qt.AlignmentFlag.AlignLeft)
        pr = QHBoxLayout()
        pr.addWidget(self.tiers_label)
        pr.addStretch(1)
        pr.addWidget(self.period_label)
        pr.addWidget(self.pass_period)
        fl.addLayout(pr)
        fl.addWidget(self.tiers, 1)
        tr_row = QHBoxLayout()
        tr_row.addWidget(self.add_tier_btn)
        tr_row.addWidget(self.del_tier_btn)
        tr_row.addStretch(1)
        fl.addLayout(tr_row)
        params_page = QWidget()
        ppl = QVBoxLayout(params_page)
        ppl.addWidget(self.rule_params, 1)
        ppl.addWidget(self.add_param_btn, 0, Qt.AlignmentFlag.AlignLeft)
        self.form_labels: dict[str, QLabel] = {}

        def row(form: QFormLayout, key: str | None, widget: QWidget) -> None:
            label = QLabel()
            if key:
                self.form_labels[key] = label
            form.addRow(label, widget)

        for key, w in (("pid", self.pid), ("name_zh", self.name_zh), ("name_en", self.name_en),
                       ("party_a", self.party_a), ("from", self.p_from), ("to", self.p_to), ("presets", self.presets)):
            row(self.basic_form, key, w)
        for key, w in (("deadlines", self.deadlines), (None, self.add_deadline_btn), ("notice", self.notice_days),
                       (None, self.approval), ("training", self.training), ("training_min", self.training_min),
                       ("attendance", self.monthly_sheet)):
            row(self.terms_form, key, w)
        self.tabs.addTab(basic, "")
        self.tabs.addTab(staffing, "")
        self.tabs.addTab(terms_page, "")
        self.tabs.addTab(params_page, "")
        self.tabs.addTab(fees_page, "")
        top = QHBoxLayout()
        top.addWidget(self.chooser, 1)
        top.addWidget(self.active_label)
        top.addWidget(self.use_btn)
        top.addStretch(1)
        top.addWidget(self.new_btn)
        top.addWidget(self.revert_btn)
        top.addWidget(self.save_btn)
        self.status = QLabel()
        self.status.setObjectName("profileStatus")
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.tabs, 1)
        lay.addWidget(self.status)
        self.chooser.currentIndexChanged.connect(lambda _i: self._show_selected())
        self.use_btn.clicked.connect(self.use_selected)
        self.new_btn.clicked.connect(self.new_profile)
        self.save_btn.clicked.connect(self.save)
        self.revert_btn.clicked.connect(self._show_selected)
        self.add_term_btn.clicked.connect(lambda: self._add_term({"id": f"term-{self.terms.rowCount() + 1}",
                                                                   "kind": "count", "min": 1}))
        self.del_term_btn.clicked.connect(lambda: self.terms.removeRow(self.terms.currentRow()))
        self.add_tier_btn.clicked.connect(lambda: self._add_tier({"below": "0.90", "deduction_rate": "0.02",
                                                                   "rereview": False}))
        self.del_tier_btn.clicked.connect(lambda: self.tiers.removeRow(self.tiers.currentRow()))
        self.add_fee_btn.clicked.connect(lambda: self.fees.add_row())
        self.add_param_btn.clicked.connect(lambda: self.rule_params.add_row())
        self.add_deadline_btn.clicked.connect(lambda: self.deadlines.add_row())
        admin = ctx.ws.user.role is Role.ADMIN
        for w in (self.use_btn, self.new_btn, self.save_btn, self.revert_btn, self.add_term_btn, self.del_term_btn,
                  self.add_tier_btn, self.del_tier_btn, self.add_fee_btn, self.add_param_btn, self.add_deadline_btn):
            w.setEnabled(admin)
        self.tabs.setEnabled(True)
        self.retranslate()

    # -- texts -------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.use_btn.setText(self.tr("设为当前合同"))
        self.new_btn.setText(self.tr("新建配置…"))
        self.save_btn.setText(self.tr("保存配置"))
        self.revert_btn.setText(self.tr("放弃修改"))
        for i, t in enumerate((self.tr("基本信息"), self.tr("人员配备条款"), self.tr("期限、培训与变更"),
                               self.tr("审核规则参数"), self.tr("费用与扣款"))):
            self.tabs.setTabText(i, t)
        texts = {
            "pid": self.tr("配置 ID"), "name_zh": self.tr("中文名称"), "name_en": self.tr("英文名称"),
            "party_a": self.tr("甲方"), "from": self.tr("合同期自"), "to": self.tr("合同期至"),
            "presets": self.tr("抽样预设（逗号分隔）"), "deadlines": self.tr("期限（工作日）"),
            "notice": self.tr("人员更换提前通知天数"), "training": self.tr("培训"),
            "training_min": self.tr("每人每季度至少参训次数"), "attendance": self.tr("考勤"),
        }
        for key, label in self.form_labels.items():
            label.setText(texts.get(key, ""))
        self.approval.setText(self.tr("须经审批"))
        self.training.setText(self.tr("约定季度培训"))
        self.monthly_sheet.setText(self.tr("按月向甲方报送考勤表"))
        self.add_term_btn.setText(self.tr("添加条款"))
        self.del_term_btn.setText(self.tr("删除所选条款"))
        self.add_tier_btn.setText(self.tr("添加扣款档"))
        self.del_tier_btn.setText(self.tr("删除所选档"))
        self.add_fee_btn.setText(self.tr("添加费用项"))
        self.add_param_btn.setText(self.tr("添加参数"))
        self.add_deadline_btn.setText(self.tr("添加期限"))
        self.fees_label.setText(self.tr("费用（金额以元计，两位小数）"))
        self.tiers_label.setText(self.tr("合格率扣款档（合格率低于 below 时扣 deduction_rate）"))
        self.period_label.setText(self.tr("考核周期："))
        cur = self.pass_period.currentData()
        self.pass_period.clear()
        for code, label in ((None, self.tr("不考核合格率")), ("quarter", self.tr("季度")), ("month", self.tr("月度")),
                            ("year", self.tr("年度"))):
            self.pass_period.addItem(label, code)
        self.pass_period.setCurrentIndex(max(0, self.pass_period.findData(cur)))
        self.terms_help.setText(self.tr(
            "每行一条人员配备条款。类型：人数（按服务中心/专业类别/岗位/持证筛选后计数）、每个县区中心、年龄范围（下限/上限为年龄）、"
            "最低学历、均持有效证书。专业类别可填：医学、药学、财务、信息、法律、其他（用顿号分隔）；服务中心填 市级、县区 或具体名称。"))
        for k, v in (("deadlines", self.deadlines), ("fees", self.fees), ("rule_params", self.rule_params)):
            v.setHorizontalHeaderLabels([self.tr("项目"), self.tr("值")])
        self.tiers.setHorizontalHeaderLabels([self.tr("合格率低于"), self.tr("扣款比例"), self.tr("须复审")])
        self.terms.setHorizontalHeaderLabels([
            "ID", self.tr("类型"), self.tr("中文名称"), self.tr("英文名称"), self.tr("服务中心"), self.tr("专业类别"),
            self.tr("岗位"), self.tr("须持有效证书"), self.tr("下限"), self.tr("上限"), self.tr("恰好"), self.tr("学历")])
        self._kind_labels = {"count": self.tr("人数"), "per_county": self.tr("每个县区中心"),
                             "age_range": self.tr("年龄范围"), "education_min": self.tr("最低学历"),
                             "certificate_valid": self.tr("均持有效证书")}
        self._fill_chooser()

    # -- loading --------------------------------------------------------------------------------
    def reload(self) -> None:
        ws = self.ctx.ws
        self.ctx.run(lambda p: (profile_service.list_profiles(ws), profile_service.active_profile_id(ws)),
                     name="profiles.list", on_success=self._loaded,
                     on_failure=lambda e: show_error(self, e, self.ctx.lang))

    def _loaded(self, result, select: str | None = None) -> None:
        self.profiles, self.active_id = result
        self._fill_chooser(select)

    def _fill_chooser(self, select: str | None = None) -> None:
        keep = select or self.chooser.currentData() or self.active_id
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for p in self.profiles:
            name = p["name_en"] if self.ctx.lang == "en" else p["name_zh"]
            self.chooser.addItem(f"{name}（{p['id']}）", p["id"])
        self.chooser.setCurrentIndex(max(0, self.chooser.findData(keep)))
        self.chooser.blockSignals(False)
        self._show_selected()

    def selected(self) -> dict | None:
        pid = self.chooser.currentData()
        return next((p for p in self.profiles if p["id"] == pid), None)

    def _show_selected(self) -> None:
        p = self.selected()
        if p is None:
            return
        self.data = copy.deepcopy(p)
        d = self.data
        self.active_label.setText(self.tr("（当前使用）") if d["id"] == self.active_id else "")
        self.pid.setText(d["id"])
        self.name_zh.setText(d.get("name_zh", ""))
        self.name_en.setText(d.get("name_en", ""))
        self.party_a.setText(d.get("party_a", ""))
        period = d.get("period") or {}
        self.p_from.setDate(QDate.fromString(period.get("from", ""), "yyyy-MM-dd"))
        self.p_to.setDate(QDate.fromString(period.get("to", ""), "yyyy-MM-dd"))
        self.presets.setText(", ".join(d.get("sampling_presets") or []))
        self.terms.setRowCount(0)
        for t in d.get("staffing") or []:
            self._add_term(t)
        self.deadlines.set_dict(d.get("deadlines"))
        change = profile_service.staff_change_terms(d)
        self.notice_days.setValue(int(change["notice_days"]))
        self.approval.setChecked(bool(change["approval_required"]))
        tr = d.get("training") or {}
        self.training.setChecked(bool(tr))
        self.training_min.setValue(int(tr.get("min_per_person", 1)) if tr else 1)
        self.monthly_sheet.setChecked(bool((d.get("attendance") or {}).get("monthly_sheet")))
        self.rule_params.set_dict(d.get("rule_params"))
        self.fees.set_dict(d.get("fees"))
        pr = d.get("pass_rate") or {}
        self.pass_period.setCurrentIndex(max(0, self.pass_period.findData(pr.get("period") if pr else None)))
        self.tiers.setRowCount(0)
        for tier in pr.get("tiers", []) if pr else []:
            self._add_tier(tier)
        self.status.setText("")

    def _add_term(self, t: dict) -> None:
        r = self.terms.rowCount()
        self.terms.insertRow(r)
        where = t.get("where") or {}
        kind = QComboBox()
        for k in KINDS:
            kind.addItem(getattr(self, "_kind_labels", {}).get(k, k), k)
        kind.setCurrentIndex(max(0, kind.findData(t.get("kind", "count"))))
        self.terms.setCellWidget(r, 1, kind)
        centre = {"city": "市级", "county": "县区"}.get(where.get("centre"), where.get("centre") or "")
        quals = where.get("qualification")
        quals = quals if isinstance(quals, list) else ([quals] if quals else [])
        posts = where.get("post")
        posts = posts if isinstance(posts, list) else ([posts] if posts else [])
        age = t.get("kind") == "age_range"
        texts = {"id": t.get("id", ""), "label_zh": t.get("label_zh", ""), "label_en": t.get("label_en", ""),
                 "centre": centre, "qualification": "、".join(QUAL_ZH.get(q, q) for q in quals),
                 "post": "、".join(posts),
                 "min": str(t.get("min_age" if age else "min", "") if t.get("min_age" if age else "min") is not None else ""),
                 "max": str(t.get("max_age" if age else "max", "") if t.get("max_age" if age else "max") is not None else ""),
                 "exact": "" if t.get("exact") is None else str(t["exact"])}
        for c, col in enumerate(COLS):
            if col in texts:
                item = QTableWidgetItem(texts[col])
                if col == "id":
                    item.setData(Qt.ItemDataRole.UserRole, json.dumps(t, ensure_ascii=False))
                self.terms.setItem(r, c, item)
        cert = QTableWidgetItem("")
        cert.setFlags(cert.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        cert.setCheckState(Qt.CheckState.Checked if where.get("certificate_valid") else Qt.CheckState.Unchecked)
        self.terms.setItem(r, COLS.index("cert"), cert)
        level = QComboBox()
        level.addItem("", None)
        for lv in LEVELS:
            level.addItem(LEVEL_ZH[lv], lv)
        level.setCurrentIndex(max(0, level.findData(t.get("level"))))
        self.terms.setCellWidget(r, COLS.index("level"), level)

    def _add_tier(self, tier: dict) -> None:
        r = self.tiers.rowCount()
        self.tiers.insertRow(r)
        self.tiers.setItem(r, 0, QTableWidgetItem(str(tier.get("below", ""))))
        self.tiers.setItem(r, 1, QTableWidgetItem(str(tier.get("deduction_rate", ""))))
        chk = QTableWidgetItem("")
        chk.setFlags(chk.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        chk.setCheckState(Qt.CheckState.Checked if tier.get("rereview") else Qt.CheckState.Unchecked)
        self.tiers.setItem(r, 2, chk)

    # -- collecting -----------------------------------------------------------------------------
    def _text(self, r: int, col: str) -> str:
        item = self.terms.item(r, COLS.index(col))
        return item.text().strip() if item else ""

    def terms_data(self) -> list[dict]:
        out = []
        for r in range(self.terms.rowCount()):
            id_item = self.terms.item(r, 0)
            base = json.loads(id_item.data(Qt.ItemDataRole.UserRole) or "{}") if id_item else {}
            t = {k: v for k, v in base.items() if k not in ("min", "max", "exact", "min_age", "max_age", "level", "where")}
            t["id"] = self._text(r, "id")
            t["kind"] = self.terms.cellWidget(r, 1).currentData()
            t["label_zh"], t["label_en"] = self._text(r, "label_zh"), self._text(r, "label_en")
            where = {k: v for k, v in (base.get("where") or {}).items()
                     if k not in ("centre", "qualification", "post", "certificate_valid")}
            centre = self._text(r, "centre")
            if centre:
                where["centre"] = {"市级": "city", "县区": "county", "city": "city", "county": "county"}.get(centre, centre)
            quals = [ZH_QUAL.get(q.strip(), q.strip()) for q in re.split(r"[,，、]", self._text(r, "qualification")) if q.strip()]
            if quals:
                where["qualification"] = quals[0] if len(quals) == 1 else quals
            posts = [p.strip() for p in re.split(r"[,，、]", self._text(r, "post")) if p.strip()]
            if posts:
                where["post"] = posts[0] if len(posts) == 1 else posts
            if self.terms.item(r, COLS.index("cert")).checkState() == Qt.CheckState.Checked:
                where["certificate_valid"] = True
            if where:
                t["where"] = where
            lo, hi, ex = number_or_text(self._text(r, "min")), number_or_text(self._text(r, "max")), number_or_text(self._text(r, "exact"))
            if t["kind"] == "age_range":
                t["min_age"], t["max_age"] = lo, hi
            else:
                for k, v in (("min", lo), ("max", hi), ("exact", ex)):
                    if v is not None:
                        t[k] = v
            level = self.terms.cellWidget(r, COLS.index("level")).currentData()
            if t["kind"] == "education_min":
                t["level"] = level or "bachelor"
            out.append(t)
        return out

    def to_data(self) -> dict:
        d = copy.deepcopy(self.data or {})
        d.update(name_zh=self.name_zh.text().strip(), name_en=self.name_en.text().strip(),
                 party_a=self.party_a.text().strip(),
                 period={"from": self.p_from.date().toString("yyyy-MM-dd"), "to": self.p_to.date().toString("yyyy-MM-dd")},
                 sampling_presets=[p.strip() for p in re.split(r"[,，、]", self.presets.text()) if p.strip()],
                 staffing=self.terms_data(), deadlines=self.deadlines.to_dict(), rule_params=self.rule_params.to_dict(),
                 fees=self.fees.to_dict())
        d["staff_change"] = {**(d.get("staff_change") or {}), "notice_days": self.notice_days.value(),
                             "approval_required": self.approval.isChecked()}
        d["training"] = ({**(d.get("training") or {"period": "quarter", "label_zh": "季度培训",
                                                    "label_en": "Quarterly training"}),
                          "min_per_person": self.training_min.value()} if self.training.isChecked() else None)
        d["attendance"] = {**(d.get("attendance") or {}), "monthly_sheet": self.monthly_sheet.isChecked()}
        period = self.pass_period.currentData()
        if period is None:
            d["pass_rate"] = None
        else:
            tiers = []
            for r in range(self.tiers.rowCount()):
                tiers.append({"below": self.tiers.item(r, 0).text().strip(),
                              "deduction_rate": self.tiers.item(r, 1).text().strip(),
                              "rereview": self.tiers.item(r, 2).checkState() == Qt.CheckState.Checked})
            d["pass_rate"] = {**(d.get("pass_rate") or {}), "period": period, "tiers": tiers}
        return d

    # -- actions --------------------------------------------------------------------------------
    def save(self) -> None:
        data, ws = self.to_data(), self.ctx.ws
        self.ctx.run(lambda p: (profile_service.save_profile(ws, data), profile_service.list_profiles(ws),
                                profile_service.active_profile_id(ws)),
                     name="profiles.save", on_success=self._saved,
                     on_failure=lambda e: show_error(self, e, self.ctx.lang))

    def _saved(self, result) -> None:
        saved, profiles, active = result
        self._loaded((profiles, active), saved["id"])
        self.status.setText(self.tr("已保存"))
        self.ctx.bus.publish(Changes.of(Area.ROSTER))

    def use_selected(self) -> None:
        pid, ws = self.chooser.currentData(), self.ctx.ws
        self.ctx.run(lambda p: (profile_service.set_active_profile(ws, pid), profile_service.list_profiles(ws),
                                profile_service.active_profile_id(ws)),
                     name="profiles.use", on_success=lambda r: self._loaded(r[1:], pid),
                     changes=Changes.of(Area.ROSTER),
                     on_failure=lambda e: show_error(self, e, self.ctx.lang))

    def new_profile(self, values: dict | None = None) -> None:
        ws = self.ctx.ws

        def create(v: dict) -> None:
            self.ctx.run(lambda p: (profile_service.create_profile(ws, v["id"], v["name_zh"], v["name_en"],
                                                                   copy_of=v["copy_of"]),
                                    profile_service.list_profiles(ws), profile_service.active_profile_id(ws)),
                         name="profiles.create", on_success=self._saved,
                         on_failure=lambda e: show_error(self, e, self.ctx.lang))

        if values is not None:
            create(values)
            return
        dlg = NewProfileDialog(self.profiles, self)
        dlg.accepted.connect(lambda: create({"id": dlg.pid.text().strip(), "name_zh": dlg.name_zh.text().strip(),
                                             "name_en": dlg.name_en.text().strip(),
                                             "copy_of": dlg.copy_of.currentData()}))
        dlg.open()
        self.dialog = dlg
