"""数据与外勤 data and field work: work packages out and back, merge conflicts,
backup and restore, and the purge at project end.

Every store or file job runs through ctx.run (packages are encrypted and
decrypted on the database worker). The public methods taking paths are what
the buttons call after their file dialogs; tests call them directly.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QMainWindow, QMessageBox,
    QProgressBar, QPushButton, QScrollArea, QVBoxLayout, QWidget,
)

from ...core.changes import Changes
from ...services import backup_service, package_merge, package_service, purge_service
from ..errors import show_error
from .base import View
from .fieldwork_conflicts import ConflictsBox
from .fieldwork_dialogs import PassphraseDialog, PurgeDialog


class FieldworkView(View):
    view_id = "fieldwork"

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        ws = ctx.ws
        self.dialog = None
        self.last_result = None
        is_sup, is_admin = ws.user.can_supervise, ws.user.is_admin

        self.reminder = QLabel()
        self.reminder.setObjectName("backupReminder")
        self.reminder.setWordWrap(True)
        self.reminder.setStyleSheet("background: #fff4ce; color: #5c4400; padding: 6px; border-radius: 3px;")
        self.reminder.setVisible(False)
        self.status = QLabel()
        self.status.setObjectName("fieldworkStatus")
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setVisible(False)

        # -- work packages --------------------------------------------------------------
        self.pkg_box = QGroupBox()
        self.user_box = QComboBox()
        self.user_box.setObjectName("packageUser")
        self.sample_box = QComboBox()
        self.sample_box.setObjectName("packageSample")
        self.expires = QDateEdit()
        self.expires.setObjectName("packageExpires")
        self.expires.setCalendarPopup(True)
        self.expires.setDisplayFormat("yyyy-MM-dd")
        self.expires.setDate(QDate.currentDate().addDays(package_service.DEFAULT_EXPIRY_DAYS))
        self.expires.setMinimumDate(QDate.currentDate())
        self.export_btn, self.import_btn = QPushButton(), QPushButton()
        self.results_btn, self.merge_btn = QPushButton(), QPushButton()
        for name, b in (("exportWorkBtn", self.export_btn), ("importBtn", self.import_btn),
                        ("exportResultsBtn", self.results_btn), ("mergeBtn", self.merge_btn)):
            b.setObjectName(name)
        for w in (self.user_box, self.sample_box, self.expires, self.export_btn, self.merge_btn):
            w.setEnabled(is_sup)
        self.pkg_form = QFormLayout()
        self.pkg_form.addRow("user", self.user_box)
        self.pkg_form.addRow("sample", self.sample_box)
        self.pkg_form.addRow("expires", self.expires)
        pbar = QHBoxLayout()
        for b in (self.export_btn, self.import_btn, self.results_btn, self.merge_btn):
            pbar.addWidget(b)
        pbar.addStretch(1)
        self.pkg_hint = QLabel()
        self.pkg_hint.setWordWrap(True)
        self.pkg_hint.setStyleSheet("color: #555;")
        play = QVBoxLayout(self.pkg_box)
        play.addLayout(self.pkg_form)
        play.addLayout(pbar)
        play.addWidget(self.pkg_hint)

        # -- conflicts (fieldwork_conflicts.py) ---------------------------------------------------
        self.conf_box = ConflictsBox(ctx)
        self.table, self.keep_local_btn, self.take_remote_btn = (
            self.conf_box.table, self.conf_box.keep_local_btn, self.conf_box.take_remote_btn)

        # -- backup -----------------------------------------------------------------------------
        self.backup_box = QGroupBox()
        self.backup_age = QLabel()
        self.backup_age.setObjectName("backupAge")
        self.backup_btn, self.restore_btn = QPushButton(), QPushButton()
        self.backup_btn.setObjectName("backupBtn")
        self.restore_btn.setObjectName("restoreBtn")
        self.backup_btn.setEnabled(is_sup)
        blay = QHBoxLayout(self.backup_box)
        blay.addWidget(self.backup_age, 1)
        blay.addWidget(self.backup_btn)
        blay.addWidget(self.restore_btn)

        # -- purge -----------------------------------------------------------------------------
        self.purge_box = QGroupBox()
        self.purge_text = QLabel()
        self.purge_text.setWordWrap(True)
        self.purge_btn = QPushButton()
        self.purge_btn.setObjectName("purgeBtn")
        self.purge_btn.setStyleSheet("color: #b00020;")
        self.purge_btn.setEnabled(is_admin)
        ulay = QHBoxLayout(self.purge_box)
        ulay.addWidget(self.purge_text, 1)
        ulay.addWidget(self.purge_btn)

        inner = QWidget()
        lay = QVBoxLayout(inner)
        lay.addWidget(self.reminder)
        lay.addWidget(self.pkg_box)
        lay.addWidget(self.conf_box, 1)
        lay.addWidget(self.backup_box)
        lay.addWidget(self.purge_box)
        lay.addWidget(self.progress)
        lay.addWidget(self.status)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self.export_btn.clicked.connect(self._export_dialog)
        self.import_btn.clicked.connect(self._import_dialog)
        self.results_btn.clicked.connect(self._results_dialog)
        self.merge_btn.clicked.connect(self._merge_dialog)
        self.keep_local_btn.clicked.connect(lambda: self.resolve_selected("local"))
        self.take_remote_btn.clicked.connect(lambda: self.resolve_selected("remote"))
        self.backup_btn.clicked.connect(self.backup_now)
        self.restore_btn.clicked.connect(self._restore_dialog)
        self.purge_btn.clicked.connect(self.open_purge)
        self.retranslate()
        self.reload()

    # -- texts ----------------------------------------------------------------------------------
    def nav_title(self) -> str:
        return self.tr("数据与外勤")

    def retranslate(self) -> None:
        self.pkg_box.setTitle(self.tr("外勤工作包"))
        self.pkg_form.labelForField(self.user_box).setText(self.tr("接收人"))
        self.pkg_form.labelForField(self.sample_box).setText(self.tr("样本"))
        self.pkg_form.labelForField(self.expires).setText(self.tr("有效期至"))
        self.export_btn.setText(self.tr("导出工作包…"))
        self.import_btn.setText(self.tr("导入工作包…"))
        self.results_btn.setText(self.tr("导出审核结果…"))
        self.merge_btn.setText(self.tr("合并审核结果…"))
        self.pkg_hint.setText(self.tr(
            "工作包只含分配给接收人的审核单元及其结算、费用明细、疑点、目录、规则与合同配置，以口令加密并防篡改；"
            "外勤电脑导入后审核，再导出结果包交回组长合并。"))
        self.backup_box.setTitle(self.tr("备份与恢复"))
        self.backup_btn.setText(self.tr("立即备份"))
        self.restore_btn.setText(self.tr("从备份恢复…"))
        self.purge_box.setTitle(self.tr("项目结束"))
        self.purge_text.setText(self.tr(
            "合同要求项目结束时删除检查中获取的全部数据。删除后生成删除证明 PDF（仅管理员）。"))
        self.purge_btn.setText(self.tr("删除全部数据…"))
        self._fill_choices()
        self._show_backup_age()

    def activated(self) -> None:
        self.reload()

    # -- loading ---------------------------------------------------------------------------------
    def reload(self) -> None:
        ws = self.ctx.ws

        def load(progress):
            choices = package_service.export_choices(ws) if ws.user.can_supervise else {"users": [], "samples": []}
            conflicts = package_merge.list_conflicts(ws) if ws.user.can_supervise else []
            # only those who may back up are reminded to (supervisors, administrators)
            reminder = backup_service.reminder(ws) if ws.user.can_supervise else None
            return choices, conflicts, backup_service.last_backup_at(ws), reminder

        self.ctx.run(load, on_success=self._loaded, on_failure=self._fail)

    def _loaded(self, result) -> None:
        self._choices, conflicts, self._last_backup, reminder = result
        self._fill_choices()
        self.conf_box.set_conflicts(conflicts)
        self._show_backup_age()
        self.reminder.setVisible(bool(reminder))
        self.reminder.setText(reminder or "")
        win = self.window()
        if reminder and isinstance(win, QMainWindow):
            win.statusBar().showMessage(reminder, 20000)

    def _fill_choices(self) -> None:
        choices = getattr(self, "_choices", None)
        if choices is None:
            return
        keep_user, keep_sample = self.user_box.currentData(), self.sample_box.currentData()
        self.user_box.clear()
        for user, n in choices["users"]:
            self.user_box.addItem(self.tr("{user}（{n} 个单元）").format(user=user, n=n), user)
        self.sample_box.clear()
        self.sample_box.addItem(self.tr("（全部分配的单元）"), None)
        for sid, code in choices["samples"]:
            self.sample_box.addItem(code, sid)
        for box, value in ((self.user_box, keep_user), (self.sample_box, keep_sample)):
            i = box.findData(value)
            if i >= 0:
                box.setCurrentIndex(i)

    @property
    def conflicts(self) -> list[package_merge.ConflictInfo]:
        return self.conf_box.conflicts

    def current_conflict(self) -> package_merge.ConflictInfo | None:
        return self.conf_box.current()

    def _show_backup_age(self) -> None:
        last = getattr(self, "_last_backup", None)
        if last is None:
            self.backup_age.setText(self.tr("上次备份：从未备份"))
            return
        days = (dt.datetime.now(dt.timezone.utc) - last).days
        local = last.astimezone().strftime("%Y-%m-%d %H:%M")
        self.backup_age.setText(self.tr("上次备份：{when}（{days} 天前）").format(when=local, days=days))

    # -- running jobs ------------------------------------------------------------------------------
    def _fail(self, exc: BaseException) -> None:
        self.progress.setVisible(False)
        self.status.setText("")
        show_error(self, exc, self.ctx.lang)

    def _progress(self, done: int, total: int, _text: str) -> None:
        self.progress.setVisible(True)
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _run(self, fn, message, *, area: str | None = None):
        def ok(result) -> None:
            self.progress.setVisible(False)
            self.last_result = result
            self.status.setText(message(result))
            self.reload()
            if area:
                self.ctx.bus.publish(Changes.of(*area.split(",")))

        self.status.setText(self.tr("正在处理…"))
        return self.ctx.run(fn, on_success=ok, on_failure=self._fail, on_progress=self._progress)

    # -- packages ----------------------------------------------------------------------------------------
    def export_work(self, path: Path, passphrase: str, users: list[str], sample_id: int | None,
                    expires: dt.date):
        ws = self.ctx.ws
        return self._run(lambda p: package_service.export_work(ws, Path(path), passphrase, users=users,
                                                               sample_id=sample_id, expires=expires,
                                                               progress=p),
                         lambda r: self.tr("已导出工作包：{n} 个审核单元，{f} 条发现 → {file}").format(
                             n=r.units, f=r.findings, file=r.file))

    def import_package(self, path: Path, passphrase: str):
        ws = self.ctx.ws
        return self._run(lambda p: package_service.import_package(ws, Path(path), passphrase,
                                                                  progress=p),
                         self._imported, area="review")

    def _imported(self, r) -> str:
        if r.extra.get("already_imported"):
            return self.tr("该工作包已导入过，未做任何更改。")
        return self.tr("已导入工作包：{n} 个审核单元，{f} 条发现。").format(n=r.units, f=r.findings)

    def export_results(self, path: Path, passphrase: str):
        ws = self.ctx.ws
        return self._run(lambda p: package_service.export_results(ws, Path(path), passphrase,
                                                                  progress=p),
                         lambda r: self.tr("已导出审核结果：{n} 个审核单元，{f} 条发现 → {file}").format(
                             n=r.units, f=r.findings, file=r.file))

    def merge(self, path: Path, passphrase: str):
        ws = self.ctx.ws
        return self._run(lambda p: package_merge.merge_results(ws, Path(path), passphrase, progress=p),
                         self._merged, area="review")

    def _merged(self, r) -> str:
        if r.extra.get("already_merged"):
            return self.tr("该结果包已合并过，未做任何更改。")
        return self.tr("已合并：{u} 个审核单元、{f} 条发现有更新，{c} 处冲突待处理，{e} 条事件。").format(
            u=r.units, f=r.findings, c=r.conflicts, e=r.extra.get("events", 0))

    def resolve_selected(self, choice: str):
        c = self.current_conflict()
        if c is None:
            return None
        ws = self.ctx.ws
        return self._run(lambda p: package_merge.resolve_conflict(ws, c.id, choice),
                         lambda r: self.tr("冲突 {id} 已处理。").format(id=c.id), area="review")

    def _ask_passphrase(self, title: str, confirm: bool, then) -> None:
        dlg = PassphraseDialog(title, confirm=confirm, parent=self)
        self.dialog = dlg
        dlg.accepted.connect(lambda: then(dlg.passphrase()))
        dlg.open()

    def _export_dialog(self) -> None:
        user = self.user_box.currentData()
        if not user:
            self.status.setText(self.tr("没有已分配审核单元的用户。"))
            return
        default = f"{user}-{dt.date.today():%Y%m%d}.wspkg"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出工作包"), default, self.tr("工作包 (*.wspkg)"))
        if not path:
            return
        expires = self.expires.date().toPython()
        sample = self.sample_box.currentData()
        self._ask_passphrase(self.tr("设置工作包口令"), True,
                             lambda pw: self.export_work(Path(path), pw, [user], sample, expires))

    def _open_file(self, title: str) -> str:
        path, _ = QFileDialog.getOpenFileName(self, title, "", self.tr("工作包 (*.wspkg);;所有文件 (*)"))
        return path

    def _import_dialog(self) -> None:
        path = self._open_file(self.tr("导入工作包"))
        if path:
            self._ask_passphrase(self.tr("工作包口令"), False, lambda pw: self.import_package(Path(path), pw))

    def _results_dialog(self) -> None:
        default = f"results-{self.ctx.ws.user.name}-{dt.date.today():%Y%m%d}.wspkg"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出审核结果"), default, self.tr("工作包 (*.wspkg)"))
        if path:
            self._ask_passphrase(self.tr("设置结果包口令"), True, lambda pw: self.export_results(Path(path), pw))

    def _merge_dialog(self) -> None:
        path = self._open_file(self.tr("合并审核结果"))
        if path:
            self._ask_passphrase(self.tr("结果包口令"), False, lambda pw: self.merge(Path(path), pw))

    # -- backup --------------------------------------------------------------------------------------------
    def backup_now(self, target: Path | None = None):
        ws = self.ctx.ws
        return self._run(lambda p: backup_service.backup(ws, target),
                         lambda r: self.tr("已备份到 {file}").format(file=r.file))

    def restore(self, backup_file: Path, target: Path, passphrase: str):
        ws = self.ctx.ws
        return self._run(lambda p: backup_service.restore_and_verify(Path(backup_file), Path(target), ws.user.name,
                                                                     passphrase, lang=ws.lang),
                         lambda r: self.tr("已恢复到新数据库 {db}，事件日志校验通过（{n} 条事件）。").format(
                             db=r["db"], n=r["events"]))

    def _restore_dialog(self) -> None:
        src, _ = QFileDialog.getOpenFileName(self, self.tr("选择备份文件"), "", self.tr("备份 (*.wsbak)"))
        if not src:
            return
        dst, _ = QFileDialog.getSaveFileName(self, self.tr("恢复为新的数据库"), "", self.tr("数据库 (*.db)"))
        if not dst:
            return
        dlg = PassphraseDialog(self.tr("用您的口令校验恢复结果"), confirm=False, login=True, parent=self)
        self.dialog = dlg
        dlg.accepted.connect(lambda: self.restore(Path(src), Path(dst), dlg.passphrase()))
        dlg.open()

    # -- purge -------------------------------------------------------------------------------------------------
    def open_purge(self) -> PurgeDialog:
        ws = self.ctx.ws
        default = str(Path.home() / f"deletion-certificate-{ws.store.path.stem}-{dt.date.today():%Y%m%d}.pdf")
        dlg = PurgeDialog(purge_service.confirmation_text(ws), default, self)
        self.dialog = dlg
        dlg.accepted.connect(lambda: self.purge(dlg.typed.text(), Path(dlg.certificate.text())))
        dlg.open()
        return dlg

    def purge(self, confirm: str, certificate: Path):
        ws = self.ctx.ws

        def done(report) -> None:
            self.last_result = report
            self.status.setText(self.tr("已删除 {n} 个文件，删除证明：{c}").format(
                n=len(report.as_json()["deleted"]), c=report.certificate))
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("数据已删除"),
                              self.tr("数据库及其全部文件已删除，删除证明已保存到：\n{c}\n\n程序将关闭。").format(
                                  c=report.certificate), QMessageBox.StandardButton.Ok, self)
            box.setObjectName("purgedBox")
            win = self.window()
            if isinstance(win, QMainWindow):
                box.finished.connect(lambda _r: win.close())
            self.dialog = box
            box.open()

        return self.ctx.run(lambda p: purge_service.purge(ws, confirm, certificate), on_success=done,
                            on_failure=self._fail)
