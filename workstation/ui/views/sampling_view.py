"""抽样 view: build or choose a plan, see the frame before drawing, draw, assign, print, appraise.

Every store access runs through ctx.run (the single DB worker) so that a frame
of a million settlements never freezes the window.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QFileDialog, QGroupBox, QHBoxLayout,
    QHeaderView, QLabel, QListWidget, QListWidgetItem, QProgressBar, QPushButton, QSplitter,
    QTableView, QTabWidget, QVBoxLayout, QWidget,
)

from ...core.identity import Role
from ...services import auth_service, sampling_record_pdf, sampling_service as svc
from ...services import sampling_models as sm
from ..context import UiContext
from ..errors import show_error
from ..sampling.appraisal_panel import AppraisalPanel
from ..sampling.plan_form import PlanForm
from ..sampling.size_planner import SizePlanner
from ..sampling.units_model import StrataModel, UnitsModel
from .base import View

METHODS = ("srs", "stratified", "pps", "census")


class SamplingView(View):
    view_id = "sampling"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.current: sm.SampleInfo | None = None  # the stored sample shown
        self.preview_draw = None
        self._handle = None
        # -- plan form (ui/sampling/plan_form.py); its widgets stay reachable as attributes of the view
        self.form = PlanForm(ctx)
        for name in ("preset", "method", "use_period", "date_from", "date_to", "conditions", "size_kind",
                     "size_value", "strata", "bands", "seed", "risk_tier_button"):
            setattr(self, name, getattr(self.form, name))
        self.preview_button = QPushButton()
        self.preview_button.setObjectName("previewButton")
        self.draw_button = QPushButton()
        self.draw_button.setObjectName("drawButton")
        self.draw_button.setEnabled(False)
        self.preview_text = QLabel()
        self.preview_text.setObjectName("previewText")
        self.preview_text.setWordWrap(True)
        self.preview_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar()
        self.progress.setObjectName("drawProgress")
        self.progress.setVisible(False)
        self.samples = QListWidget()
        self.samples.setObjectName("sampleList")

        self.plan_box = QGroupBox()
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.draw_button)
        pl = QVBoxLayout(self.plan_box)
        pl.addWidget(self.form)
        pl.addLayout(buttons)
        pl.addWidget(self.progress)
        pl.addWidget(self.preview_text)
        self.list_box = QGroupBox()
        ll = QVBoxLayout(self.list_box)
        ll.addWidget(self.samples)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.plan_box)
        lv.addWidget(self.list_box, 1)

        # -- right: the stored sample
        self.summary = QLabel()
        self.summary.setObjectName("sampleSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.strata_model = StrataModel(self)
        self.strata_table = QTableView()
        self.strata_table.setObjectName("strataTable")
        self.strata_table.setModel(self.strata_model)
        self.units_model = UnitsModel(self)
        self.units_table = QTableView()
        self.units_table.setObjectName("unitsTable")
        self.units_table.setModel(self.units_model)
        for t in (self.strata_table, self.units_table):
            t.verticalHeader().setVisible(False)
            t.verticalHeader().setDefaultSectionSize(22)
            t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            t.horizontalHeader().setStretchLastSection(True)
        sh = self.strata_table.horizontalHeader()
        sh.setStretchLastSection(False)
        sh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        sh.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        sh.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.reviewers = QListWidget()
        self.reviewers.setObjectName("reviewers")
        self.reviewers.setMaximumHeight(70)
        self.assign_by = QComboBox()
        self.assign_by.setObjectName("assignBy")
        self.assign_button = QPushButton()
        self.assign_button.setObjectName("assignButton")
        self.record_button = QPushButton()
        self.record_button.setObjectName("recordButton")
        self.verify_button = QPushButton()
        self.verify_button.setObjectName("verifyButton")
        self.verify_text = QLabel()
        self.verify_text.setObjectName("verifyText")
        self.verify_text.setWordWrap(True)
        sample_page = QWidget()
        sp = QVBoxLayout(sample_page)
        sp.addWidget(self.summary)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.strata_table)
        split.addWidget(self.units_table)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setSizes([290, 610])
        sp.addWidget(split, 1)
        actions = QHBoxLayout()
        self.assign_label = QLabel()
        actions.addWidget(self.assign_label)
        actions.addWidget(self.reviewers, 1)
        actions.addWidget(self.assign_by)
        actions.addWidget(self.assign_button)
        actions.addSpacing(12)
        actions.addWidget(self.verify_button)
        actions.addWidget(self.record_button)
        sp.addLayout(actions)
        sp.addWidget(self.verify_text)
        self.appraisal = AppraisalPanel(ctx)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("samplingTabs")
        self.tabs.addTab(sample_page, "")
        self.tabs.addTab(self.appraisal, "")
        self.planner = SizePlanner()
        planner_page = QWidget()
        pp = QVBoxLayout(planner_page)
        pp.addWidget(self.planner)
        pp.addStretch(1)
        self.tabs.addTab(planner_page, "")

        outer = QSplitter(Qt.Orientation.Horizontal)
        outer.addWidget(left)
        outer.addWidget(self.tabs)
        outer.setStretchFactor(0, 0)
        outer.setStretchFactor(1, 1)
        outer.setSizes([430, 900])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addWidget(outer)

        self.form.edited.connect(self._plan_edited)
        self.preset.currentIndexChanged.connect(self._preset_to_planner)
        self.preview_button.clicked.connect(self.preview)
        self.draw_button.clicked.connect(self.draw)
        self.samples.currentItemChanged.connect(lambda cur, _prev: self._open_sample(cur))
        self.assign_button.clicked.connect(self.assign)
        self.record_button.clicked.connect(self.print_record)
        self.verify_button.clicked.connect(self.verify)
        can_draw = ctx.ws.user.role in (Role.SUPERVISOR, Role.ADMIN)
        for w in (self.draw_button, self.assign_button):
            w.setVisible(can_draw)
        self._can_draw = can_draw
        self.retranslate()
        self._load_reviewers()
        self._set_sample(None)

    # -- texts -------------------------------------------------------------------------------------
    def nav_title(self) -> str:
        return self.tr("抽样")

    def retranslate(self) -> None:
        self.form.retranslate()
        self.plan_box.setTitle(self.tr("抽样方案"))
        self.list_box.setTitle(self.tr("已存样本"))
        self.preview_button.setText(self.tr("预览抽样框"))
        self.draw_button.setText(self.tr("抽取并保存"))
        self.assign_label.setText(self.tr("分配给"))
        self.assign_button.setText(self.tr("分配"))
        self.record_button.setText(self.tr("打印抽样记录…"))
        self.verify_button.setText(self.tr("重新核对"))
        self.tabs.setTabText(0, self.tr("样本与分配"))
        self.tabs.setTabText(1, self.tr("推算与合格率"))
        self.tabs.setTabText(2, self.tr("样本量测算"))
        self.planner.retranslate()
        self._fill_combos()
        self.units_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(UnitsModel.COLUMNS) - 1)
        self._show_summary()
        self.appraisal.retranslate()

    def _method_names(self) -> dict[str, str]:
        return self.form.method_names()

    def _fill_combos(self) -> None:
        self.assign_by.blockSignals(True)
        by = self.assign_by.currentIndex()
        self.assign_by.clear()
        self.assign_by.addItem(self.tr("按件数均衡"), "count")
        self.assign_by.addItem(self.tr("按金额均衡"), "amount")
        self.assign_by.addItem(self.tr("按机构"), "institution")
        self.assign_by.setCurrentIndex(max(by, 0))
        self.assign_by.blockSignals(False)

    def activated(self) -> None:
        self.refresh_list()

    # -- plan ---------------------------------------------------------------------------------------
    def _preset_to_planner(self, *_a) -> None:
        pid = self.preset.currentData()
        rate = self.size_value.text().strip() if self.size_kind.currentData() == "rate" else None
        self.planner.set_preset(self.preset.currentText() if pid else None, rate)


    def _plan_edited(self, *_a) -> None:
        self.preview_draw = None
        self.draw_button.setEnabled(False)
        self.preview_text.setText(self.tr("先预览抽样框：确认数量和指纹后再抽取。"))

    def plan(self) -> svc.Plan:
        return self.form.plan()

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)
        self.preview_button.setEnabled(not busy)
        if busy:
            self.draw_button.setEnabled(False)

    def _progress(self, done: int, total: int, _text: str) -> None:
        self.progress.setFormat(self.tr("已读取 {n} 条结算").format(n=f"{done:,}"))
        self.progress.setTextVisible(True)

    def preview(self) -> None:
        try:
            plan = self.plan()
        except Exception as exc:  # bad filter text: the same message as the CLI
            show_error(self, exc, self.ctx.lang)
            return
        self._busy(True)
        ws = self.ctx.ws

        def job(progress):
            return plan, svc.preview(ws, plan, progress.report)

        def done(result):
            self._busy(False)
            plan_, d = result
            self.preview_draw = (plan_, d)
            lines = [self.tr("抽样框数量 N = {N}").format(N=f"{d.frame_size:,}"),
                     self.tr("指纹 SHA-256：{fp}").format(fp=d.frame_sha256),
                     self.tr("将抽取 {n} 个单元，分 {h} 层").format(n=f"{d.sample_size:,}", h=len(d.strata))]
            if d.excluded:
                lines.append(self.tr("金额≤0 剔除 {k} 个").format(k=len(d.excluded)))
            self.preview_text.setText("\n".join(lines))
            self.draw_button.setEnabled(self._can_draw)
            self.planner.set_frame(d.frame_size, plan_.rate)

        def failed(exc):
            self._busy(False)
            show_error(self, exc, self.ctx.lang)

        self._handle = self.ctx.run(job, name="sample-preview", on_success=done, on_failure=failed,
                                    on_progress=self._progress)

    def draw(self) -> None:
        if not self.preview_draw:
            return
        plan, _d = self.preview_draw
        self._busy(True)
        ws = self.ctx.ws

        def job(progress):
            return sm.draw_sample(ws, plan, progress.report)

        def done(result):
            self._busy(False)
            self.preview_draw = None
            text = self.tr("已保存样本 {code}。").format(code=result.sample.code)
            for w in result.thin_strata:
                text += "\n" + self.tr("注意：分层 {h} 只抽到 {n} 个单元（该层 {N} 个）。少于 2 个且未全抽时，整个样本只能按实际发现"
                                        "主张，请抽取更大的样本。").format(h=w.stratum or "—", n=w.sample_size, N=w.frame_size)
            self.preview_text.setText(text)
            self.ctx.bus.data_changed.emit("samples")
            self.refresh_list(select=result.sample.sample_id)

        def failed(exc):
            self._busy(False)
            show_error(self, exc, self.ctx.lang)

        self.ctx.run(job, name="sample-draw", on_success=done, on_failure=failed, on_progress=self._progress)

    # -- stored samples -------------------------------------------------------------------------
    def refresh_list(self, select: int | None = None) -> None:
        keep = select if select is not None else (self.current.sample_id if self.current else None)

        def done(samples):
            self.samples.blockSignals(True)
            self.samples.clear()
            chosen = None
            for s in reversed(samples):
                item = QListWidgetItem(self.tr("{code}  {method}  种子 {seed}  {n}/{N}  已审 {r}").format(
                    code=s.code, method=self._method_names()[s.method], seed=s.seed, n=s.sample_size,
                    N=s.frame_size, r=s.reviewed))
                item.setData(Qt.ItemDataRole.UserRole, s.sample_id)
                self.samples.addItem(item)
                if s.sample_id == keep:
                    chosen = item
            self.samples.blockSignals(False)
            if chosen is not None:
                self.samples.setCurrentItem(chosen)

        self.ctx.run(lambda p: sm.sample_summaries(self.ctx.ws), name="sample-list", on_success=done)

    def _open_sample(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        sid = item.data(Qt.ItemDataRole.UserRole)
        ws = self.ctx.ws

        def job(progress):
            return sm.sample_info(ws, sid), sm.sample_units(ws, sid)

        self.ctx.run(job, name="sample-open", on_success=lambda r: self._set_sample(*r),
                     on_failure=lambda exc: show_error(self, exc, self.ctx.lang))

    def _set_sample(self, sample: sm.SampleInfo | None, units: tuple[sm.SampleUnit, ...] = ()) -> None:
        self.current = sample
        self.strata_model.set_rows([(x.stratum, x.frame_size, x.sample_size) for x in sample.strata]
                                   if sample else [])
        self.units_model.set_rows(list(units))
        self.units_table.resizeColumnsToContents()
        for w in (self.assign_button, self.record_button, self.verify_button):
            w.setEnabled(sample is not None)
        self.verify_text.clear()
        self.appraisal.set_sample(sample.sample_id if sample else None)
        self._show_summary()

    def _show_summary(self) -> None:
        s = self.current
        if not s:
            self.summary.setText(self.tr("尚未选择样本。左侧设定方案并抽取，或从已存样本中选择。"))
            return
        self.summary.setText(self.tr(
            "样本 {code}（{method}） 种子 {seed}；抽样框 N = {N}，样本 n = {n}；由 {who} 于 {at} 抽取。\n"
            "抽样框指纹 {fp}").format(code=s.code, method=self._method_names()[s.method], seed=s.seed,
                                   N=f"{s.frame_size:,}", n=f"{s.sample_size:,}", who=s.created_by,
                                   at=s.created_at, fp=s.frame_sha256)
            + "\n" + self.tr("审核队列按随机顺序（键序）列出本样本的单元：中期推算只使用按此顺序连续审完的单元，"
                             "跳着审会使推算暂停，直到前面的单元审完。"))

    def _load_reviewers(self) -> None:
        def done(users):
            self.reviewers.clear()
            for u in users:
                if u.active and u.role == Role.REVIEWER:
                    label = f"{u.display_name}（{u.name}）" if u.display_name and u.display_name != u.name else u.name
                    item = QListWidgetItem(label)
                    item.setData(Qt.ItemDataRole.UserRole, u.name)
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    item.setCheckState(Qt.CheckState.Checked)
                    self.reviewers.addItem(item)

        self.ctx.run(lambda p: auth_service.list_users(self.ctx.ws), name="users", on_success=done)

    def assign(self) -> None:
        if not self.current:
            return
        names = [self.reviewers.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.reviewers.count())
                 if self.reviewers.item(i).checkState() == Qt.CheckState.Checked]
        sid, by, ws = self.current.sample_id, self.assign_by.currentData(), self.ctx.ws

        def job(progress):
            return sm.assign_sample(ws, sid, names, by), sm.sample_units(ws, sid)

        def done(result):
            res, units = result
            self.units_model.set_rows(list(units))
            self.units_table.resizeColumnsToContents()
            self.verify_text.setText(self.tr("已分配：") + "，".join(f"{k} {v}" for k, v in res.assigned))
            self.ctx.bus.data_changed.emit("review")

        self.ctx.run(job, name="sample-assign", on_success=done,
                     on_failure=lambda exc: show_error(self, exc, self.ctx.lang))

    def verify(self) -> None:
        if not self.current:
            return
        sid, ws = self.current.sample_id, self.ctx.ws

        def done(v):
            if v.frame_matches and v.selection_matches and v.profile_matches is not False:  # #20 hook
                self.verify_text.setText(self.tr("核对通过：按存储的条件和种子重新抽取，抽样框与样本完全一致。"))
            else:
                self.verify_text.setText(self.tr(
                    "核对未通过：抽样框{f}，样本{s}。现有抽样框 {N} 条（抽样时 {N0} 条）。").format(
                    f=self.tr("一致") if v.frame_matches else self.tr("不一致"),
                    s=self.tr("一致") if v.selection_matches else self.tr("不一致"),
                    N=v.frame_size, N0=v.stored_frame_size))
                if v.profile_matches is False:  # #20 hook
                    self.verify_text.setText(self.verify_text.text() + self.tr("风险画像已改变（数据或线索有变）。"))

        self.ctx.run(lambda p: sm.verify_sample(ws, sid, p.report), name="sample-verify", on_success=done,
                     on_failure=lambda exc: show_error(self, exc, self.ctx.lang))

    def print_record(self) -> None:
        if not self.current:
            return
        path, _f = QFileDialog.getSaveFileName(self, self.tr("保存抽样记录"), f"{self.current.code}.pdf",
                                               "PDF (*.pdf)")
        if path:
            self.save_record(Path(path))

    def save_record(self, path: Path):
        sid, ws = self.current.sample_id, self.ctx.ws
        return self.ctx.run(lambda p: sampling_record_pdf.write_record(ws, sid, path), name="sample-record",
                            on_success=lambda r: self.verify_text.setText(self.tr("已保存抽样记录 {f}").format(f=r["file"])),
                            on_failure=lambda exc: show_error(self, exc, self.ctx.lang))
