"""One settlement: its header, its settlement-level flags and its fee lines with their flags.

``SettlementDetailWidget(ctx)``; ``set_settlement(setl_id)`` loads on the DB
worker and emits ``loaded(setl_id)`` when shown (``show_detail(detail)`` sets
already-loaded data directly). Rows select extended; ``selected_fee_line_ids()``
and ``selection_changed`` serve whoever builds findings from selected lines.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFrame, QGridLayout, QHBoxLayout, QHeaderView,
                               QLabel, QTableView, QVBoxLayout, QWidget)

from ...core import import_format as fmt
from ...core.money import fen_to_str
from ...services import catalog_service
from ...services.claims_query import FeeLine, Flag, SettlementDetail, cnt_text, settlement_detail
from ..context import UiContext
from .table_model import TableModel

FLAGGED_BG = QColor("#fff1e6")  # a violating line (违规项): a flag is on it
INVOLVED_BG = QColor("#e8f0fe")  # an involved line (涉及项): named by a flag on another line (rule-templates.md)


def rule_name(rule_id: str, lang: str) -> str:
    try:
        return catalog_service.rule_catalog().get(rule_id).name(lang)
    except KeyError:
        return rule_id


def flag_explanation(flag: Flag, lang: str) -> str:
    try:
        rule = catalog_service.rule_catalog().get(flag.rule_id)
    except KeyError:
        if "template" in flag.params:  # a knowledge point's flag: names the point, its source and numbers
            from ...core.knowledge_text import explain

            sep = ("（", "）") if lang != "en" else (" (", ")")
            return f"{explain(flag.params, lang)}{sep[0]}{fen_to_str(flag.amount)}{sep[1]}"
        return flag.rule_id
    text = rule.explain(lang, flag.params)
    if "{" in text:  # a flag stored without the numbers its explanation names: say what the rule checks
        text = rule.description(lang)
    return f"{rule.name(lang)}：{text}（{fen_to_str(flag.amount)}）" if lang != "en" \
        else f"{rule.name(lang)}: {text} ({fen_to_str(flag.amount)})"


class FeeLinesModel(TableModel):
    COLUMNS = ("feedetl_sn", "fee_ocur_time", "med_list_codg", "hilist_name", "med_chrgitm_type", "chrgitm_lv",
               "cnt", "pric", "det_item_fee_sumamt", "pric_uplmt_amt", "bilg_dept_name", "flags")

    def __init__(self, lang: str, parent=None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.lines: list[FeeLine] = []
        self.visible: list[int] = []
        self.involved: dict[str, list[Flag]] = {}

    def set_lines(self, lines: list[FeeLine], visible: list[int]) -> None:
        self.beginResetModel()
        self.lines = lines
        self.visible = visible
        # sn -> the flags that name this line as involved (the partner of a pair, the main line)
        self.involved: dict[str, list[Flag]] = {}
        for line in lines:
            for f in line.flags:
                for sn in f.params.get("involved") or ():
                    self.involved.setdefault(str(sn), []).append(f)
        self.endResetModel()

    def line_at(self, row: int) -> FeeLine:
        return self.lines[self.visible[row]]

    def row_count(self) -> int:
        return len(self.visible)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        line = self.line_at(index.row())
        col = self.COLUMNS[index.column()]
        involved = self.involved.get(line.feedetl_sn, ()) if not line.flags else ()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == "flags" and involved:
                names = dict.fromkeys(f.rule_id for f in involved)
                return ("涉及：" + "、".join(names)) if self.lang != "en" else ("involved: " + ", ".join(names))
            if col == "flags":
                return "、".join(dict.fromkeys(rule_name(f.rule_id, self.lang) for f in line.flags)) \
                    if self.lang != "en" else ", ".join(dict.fromkeys(rule_name(f.rule_id, self.lang) for f in line.flags))
            if col == "cnt":
                return cnt_text(line.cnt)
            if col in ("pric", "det_item_fee_sumamt", "pric_uplmt_amt"):
                return fen_to_str(getattr(line, col)) or ""
            if col == "med_chrgitm_type":
                return fmt.code_label(fmt.ITEM_TYPES, line.med_chrgitm_type, self.lang)
            if col == "chrgitm_lv":
                return fmt.code_label(fmt.ITEM_LEVELS, line.chrgitm_lv, self.lang)
            return getattr(line, col) or ""
        if role == Qt.ItemDataRole.ToolTipRole and line.flags:
            return "\n".join(flag_explanation(f, self.lang) for f in line.flags)
        if role == Qt.ItemDataRole.ToolTipRole and involved:
            head = "涉及项（违规项见明细 {sn}）" if self.lang != "en" else "Involved line (the violating line is {sn})"
            colon = "：" if self.lang != "en" else ": "
            return "\n".join(head.format(sn=f.feedetl_sn) + colon + flag_explanation(f, self.lang) for f in involved)
        if role == Qt.ItemDataRole.BackgroundRole and line.flags:
            return QBrush(FLAGGED_BG)
        if role == Qt.ItemDataRole.BackgroundRole and involved:
            return QBrush(INVOLVED_BG)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in ("cnt", "pric", "det_item_fee_sumamt",
                                                                   "pric_uplmt_amt"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return line.id
        return None


class SettlementDetailWidget(QWidget):
    selection_changed = Signal()
    loaded = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail: SettlementDetail | None = None
        self._pending: str | None = None
        self.setObjectName("settlementDetail")

        self.title = QLabel()
        self.title.setObjectName("detailTitle")
        f = self.title.font()
        f.setPointSize(f.pointSize() + 2)
        f.setBold(True)
        self.title.setFont(f)
        self.header = QGridLayout()
        self.header.setHorizontalSpacing(16)
        self.header.setVerticalSpacing(2)
        self._fields: dict[str, tuple[QLabel, QLabel]] = {}
        for i, key in enumerate(("person", "certno", "gend_brdy", "institution", "med_type", "setl_type", "dates",
                                 "setl_time", "diagnosis", "medfee_sumamt", "inscp_scp_amt", "hifp_pay", "hifob_pay",
                                 "cvlserv_pay", "acct_pay", "psn_cash_pay")):
            name, value = QLabel(), QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setObjectName(f"field_{key}")
            self._fields[key] = (name, value)
            row, col = divmod(i, 4)
            self.header.addWidget(name, row, col * 2)
            self.header.addWidget(value, row, col * 2 + 1)
        for c in range(8):
            self.header.setColumnStretch(c, 1 if c % 2 else 0)
        self.setl_flags = QLabel()
        self.setl_flags.setObjectName("settlementFlags")
        self.setl_flags.setWordWrap(True)
        self.setl_flags.setStyleSheet("color: #b3261e;")

        self.flag_filter = QComboBox()
        self.flag_filter.setObjectName("flagFilter")
        self.type_filter = QComboBox()
        self.type_filter.setObjectName("typeFilter")
        self.count_label = QLabel()
        self.flag_filter_label, self.type_filter_label = QLabel(), QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.flag_filter_label)
        bar.addWidget(self.flag_filter)
        bar.addWidget(self.type_filter_label)
        bar.addWidget(self.type_filter)
        bar.addStretch(1)
        bar.addWidget(self.count_label)

        self.model = FeeLinesModel(ctx.lang, self)
        self.table = QTableView()
        self.table.setObjectName("feeLines")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        # fixed widths: measuring the contents of thousands of lines would cost seconds
        for col, width in enumerate((60, 130, 130, 200, 100, 60, 50, 70, 80, 70, 90, 200)):
            self.table.setColumnWidth(col, width)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.selection_changed.emit())
        self.flag_filter.currentIndexChanged.connect(self._apply_filter)
        self.type_filter.currentIndexChanged.connect(self._apply_filter)

        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.title)
        lay.addLayout(self.header)
        lay.addWidget(self.setl_flags)
        lay.addWidget(line)
        lay.addLayout(bar)
        lay.addWidget(self.table, 1)
        self.retranslate()

    # -- public API --------------------------------------------------------------
    def set_settlement(self, setl_id: str) -> None:
        """Load a settlement on the DB worker; ``loaded`` is emitted when it shows."""
        self._pending = setl_id
        ws = self.ctx.ws
        self.ctx.run(lambda progress: settlement_detail(ws, setl_id), name="settlement_detail",
                     on_success=lambda d, sid=setl_id: self._on_loaded(sid, d))

    def show_detail(self, detail: SettlementDetail | None) -> None:
        self.detail = detail
        self._fill()

    def selected_fee_line_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.line_at(r).id for r in rows]

    def select_fee_lines(self, ids: list[int]) -> None:
        from PySide6.QtCore import QItemSelection, QItemSelectionModel

        wanted = set(ids)
        sel = QItemSelection()
        for r in range(self.model.rowCount()):
            if self.model.line_at(r).id in wanted:
                sel.select(self.model.index(r, 0), self.model.index(r, self.model.columnCount() - 1))
        self.table.selectionModel().select(sel, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    # -- internals ---------------------------------------------------------------
    def _on_loaded(self, setl_id: str, detail: SettlementDetail | None) -> None:
        if setl_id != self._pending:
            return  # a later request superseded this one
        self.show_detail(detail)
        self.loaded.emit(setl_id)

    def retranslate(self) -> None:
        names = {
            "person": self.tr("参保人"), "certno": self.tr("证件号码"), "gend_brdy": self.tr("性别/出生"),
            "institution": self.tr("定点机构"), "med_type": self.tr("医疗类别"), "setl_type": self.tr("结算方式"),
            "dates": self.tr("起止日期"), "setl_time": self.tr("结算时间"), "diagnosis": self.tr("主诊断"),
            "medfee_sumamt": self.tr("医疗费总额"), "inscp_scp_amt": self.tr("政策范围内"),
            "hifp_pay": self.tr("统筹基金"), "hifob_pay": self.tr("大额补助"), "cvlserv_pay": self.tr("公务员补助"),
            "acct_pay": self.tr("个人账户"), "psn_cash_pay": self.tr("个人现金"),
        }
        for key, (label, _value) in self._fields.items():
            label.setText(names[key] + ("：" if self.ctx.lang != "en" else ":"))
            label.setStyleSheet("color: #555;")
        self.flag_filter_label.setText(self.tr("按标记："))
        self.type_filter_label.setText(self.tr("按项目类别："))
        self.model.lang = self.ctx.lang
        self.model.set_headers([self.tr("流水号"), self.tr("发生时间"), self.tr("目录编码"), self.tr("项目名称"),
                             self.tr("项目类别"), self.tr("等级"), self.tr("数量"), self.tr("单价"), self.tr("金额"),
                             self.tr("限价"), self.tr("开单科室"), self.tr("标记")])
        self._fill()

    def _fill(self) -> None:
        d = self.detail
        lang = self.ctx.lang
        if d is None:
            self.title.setText(self.tr("未选择结算") if self._pending is None else self.tr("未找到该结算"))
            for _label, value in self._fields.values():
                value.setText("")
            self.setl_flags.setText("")
            self._set_filters([], [])
            self.model.set_lines([], [])
            self.count_label.setText("")
            return
        days = self.tr("{n} 天").replace("{n}", str(d.stay_days))
        self.title.setText(self.tr("结算 {setl_id}").format(setl_id=d.setl_id))
        values = {
            "person": f"{d.psn_name or ''}（{d.psn_no}）" if lang != "en" else f"{d.psn_name or ''} ({d.psn_no})",
            "certno": d.certno_masked,
            "gend_brdy": f"{fmt.GENDERS[d.gend].render(lang) if d.gend in fmt.GENDERS else (d.gend or '')} "
                         f"{d.brdy or ''}",
            "institution": f"{d.fixmedins_name or ''} {fmt.code_label(fmt.HOSP_LEVELS, d.hosp_lv, lang)}".strip(),
            "med_type": fmt.code_label(fmt.MED_TYPES, d.med_type, lang),
            "setl_type": " · ".join(x for x in (fmt.code_label(fmt.SETL_TYPES, d.setl_type, lang),
                                                fmt.code_label(fmt.OFFSITE_FLAGS, d.offsite_flag, lang)) if x),
            "dates": f"{d.begndate or ''} – {d.enddate or ''}" + (f"（{days}）" if d.inpatient else ""),
            "setl_time": d.setl_time or "",
            "diagnosis": f"{d.dise_codg or ''} {d.dise_name or ''}".strip(),
        }
        for key in ("medfee_sumamt", "inscp_scp_amt", "hifp_pay", "hifob_pay", "cvlserv_pay", "acct_pay",
                    "psn_cash_pay"):
            values[key] = fen_to_str(getattr(d, key))
        for key, (_label, value) in self._fields.items():
            value.setText(values.get(key, ""))
            value.setToolTip(values.get(key, ""))
        if d.flags:
            self.setl_flags.setText(self.tr("结算级标记：") + "；".join(flag_explanation(f, lang) for f in d.flags))
        else:
            self.setl_flags.setText("")
        rules = sorted({f.rule_id for line in d.lines for f in line.flags})
        types = sorted({line.med_chrgitm_type for line in d.lines if line.med_chrgitm_type})
        self._set_filters(rules, types)
        self._apply_filter()

    def _set_filters(self, rules: list[str], types: list[str]) -> None:
        lang = self.ctx.lang
        for combo, items in ((self.flag_filter, [("", self.tr("全部明细")), ("*", self.tr("有标记的明细"))]
                              + [(r, rule_name(r, lang)) for r in rules]),
                             (self.type_filter, [("", self.tr("全部类别"))]
                              + [(t, fmt.code_label(fmt.ITEM_TYPES, t, lang)) for t in types])):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for data, text in items:
                combo.addItem(text, data)
            i = combo.findData(current)
            combo.setCurrentIndex(i if i >= 0 else 0)
            combo.blockSignals(False)

    def _apply_filter(self) -> None:
        d = self.detail
        lines = list(d.lines) if d else []
        flag = self.flag_filter.currentData() or ""
        typ = self.type_filter.currentData() or ""
        visible = []
        for i, line in enumerate(lines):
            if flag == "*" and not line.flags:
                continue
            if flag and flag != "*" and not any(f.rule_id == flag for f in line.flags):
                continue
            if typ and line.med_chrgitm_type != typ:
                continue
            visible.append(i)
        self.model.set_lines(lines, visible)
        self.count_label.setText(self.tr("明细 {shown}/{total} 条").replace("{shown}", str(len(visible)))
                                 .replace("{total}", str(len(lines))))
        self.selection_changed.emit()
