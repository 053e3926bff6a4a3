"""Purge at project end (seed 004 art. 15: delete all inspection data when the project ends).

Removes the store, its -wal/-shm/-journal files, the key-slot sidecar, every
file in the store's known backups folder, the store's evidence cache folder
(``<user data>/cache/<store id>``, if any) and the keyring entries of every
user of the store; then writes a deletion certificate PDF listing what was
deleted (path, size, SHA-256 taken just before deletion), when and by whom.

Each file is overwritten once with random bytes and fsynced before it is
unlinked. That is a best effort only: on SSDs (wear levelling), copy-on-write
or journaling file systems and with snapshots the old blocks may survive; the
data was encrypted at rest all along, and with the key slots and keyring
entries gone the remaining ciphertext cannot be opened. Full-disk encryption
of the laptop (with its key destroyed) is the complete answer.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer
from sqlalchemy import select

from ..core.errors import BadInput, UsageError
from ..core.i18n import T
from ..paths import backups_dir_for, user_data_dir
from ..store.atomic import atomic_write_bytes
from ..store.keyslots import sidecar_path
from ..store import upgrade_backup
from ..store.models.identity import UserRow
from . import pdf_common, secrets_keyring
from .workspace import Workspace


@dataclass(frozen=True)
class DeletedFile:
    path: str
    size: int
    sha256: str
    removed: bool
    error: str = ""


@dataclass
class PurgeReport:
    store_id: str
    store_file: str
    by: str
    by_display: str
    at: str
    files: list[DeletedFile] = field(default_factory=list)
    keyring_entries: list[str] = field(default_factory=list)
    certificate: str | None = None

    def as_json(self) -> dict:
        return {"deleted": [f.path for f in self.files if f.removed], "certificate": self.certificate,
                "failed": [{"path": f.path, "error": f.error} for f in self.files if not f.removed],
                "keyring_entries": len(self.keyring_entries), "store_id": self.store_id}


def confirmation_text(ws: Workspace) -> str:
    """What the user must type: the store file's name without its extension."""
    return ws.store.path.stem


def cache_dir_for(store_id: str) -> Path:
    return user_data_dir() / "cache" / store_id


def files_to_delete(store_path: Path, store_id: str) -> list[Path]:
    store_path = Path(store_path)
    out = [store_path] + [Path(str(store_path) + suffix) for suffix in ("-wal", "-shm", "-journal")]
    out.append(sidecar_path(store_path))
    out += upgrade_backup.copies_of(store_path)  # the copies taken beside it before schema upgrades
    for folder in (backups_dir_for(store_path), cache_dir_for(store_id)):
        if folder.is_dir():
            out += sorted(p for p in folder.rglob("*") if p.is_file() or p.is_symlink())
    return [p for p in out if p.exists() or p.is_symlink()]


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
        return True
    except ValueError:
        return False


def _check_certificate_target(store_path: Path, store_id: str, certificate: Path) -> None:
    for folder in (backups_dir_for(store_path), cache_dir_for(store_id)):
        if _inside(certificate, folder):
            raise BadInput(T("删除证明不能保存在将被删除的文件夹中：{f}",
                             "The certificate cannot be saved in a folder that is being deleted: {f}"),
                           f=str(folder))
    if certificate.resolve() in {p.resolve() for p in files_to_delete(store_path, store_id)}:
        raise BadInput(T("删除证明不能覆盖将被删除的文件", "The certificate cannot overwrite a file being deleted"))
    certificate.parent.mkdir(parents=True, exist_ok=True)
    probe = certificate.parent / f".purge-probe-{secrets.token_hex(4)}"
    try:
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise BadInput(T("无法写入删除证明所在的文件夹：{e}", "Cannot write to the certificate's folder: {e}"),
                       e=exc.strerror or str(exc)) from None


def _digest(path: Path) -> tuple[int, str]:
    h = hashlib.sha256()
    size = 0
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
            size += len(chunk)
    return size, h.hexdigest()


def _overwrite_and_unlink(path: Path, size: int) -> None:
    if not path.is_symlink():
        with contextlib.suppress(OSError), open(path, "r+b") as fh:
            left = size
            while left > 0:
                n = min(left, 1 << 20)
                fh.write(secrets.token_bytes(n))
                left -= n
            fh.flush()
            os.fsync(fh.fileno())
    path.unlink()


def default_certificate(store_path: Path, now: dt.datetime) -> Path:
    """Where the certificate goes when nobody said: beside where the store was."""
    return Path(store_path).parent / f"deletion-certificate-{Path(store_path).stem}-{now:%Y%m%d-%H%M%S}.pdf"


def purge(ws: Workspace, confirm: str, certificate: Path | None = None, *, now: dt.datetime | None = None) -> PurgeReport:
    if ws.store.is_server:
        raise UsageError(T("办公室服务器上的项目数据库由服务器管理员删除（DROP DATABASE）",
                           "A project database on the office server is deleted by the server's administrator (DROP DATABASE)"))
    """Delete the store and everything that belongs to it (admin only, typed confirmation).

    The workspace is closed by this call. ``certificate`` defaults to
    ``deletion-certificate-<store>-<date>.pdf`` in the folder the store was in (never the
    current folder: a command run from anywhere must not leave files there unasked).
    """
    ws.require_admin()
    expected = confirmation_text(ws)
    if (confirm or "").strip() != expected:
        raise UsageError(T("确认文字不符：请输入数据库文件名（不含扩展名）“{name}”",
                           "The confirmation does not match: type the store file's name without its extension, "
                           "\"{name}\""), name=expected)
    now = now or dt.datetime.now(dt.timezone.utc)
    store_path, store_id = ws.store.path.resolve(), ws.store_id
    certificate = Path(certificate) if certificate else default_certificate(store_path, now)
    _check_certificate_target(store_path, store_id, certificate)
    with ws.store.read() as s:
        users = list(s.execute(select(UserRow.name).order_by(UserRow.name)).scalars())
    report = PurgeReport(store_id=store_id, store_file=str(store_path), by=ws.user.name,
                         by_display=ws.user.display_name, at=now.replace(microsecond=0).isoformat())
    lang = ws.lang
    ws.close()  # checkpoints the WAL and lets go of every connection
    for path in files_to_delete(store_path, store_id):
        try:
            size, sha = _digest(path)
            _overwrite_and_unlink(path, size)
            report.files.append(DeletedFile(str(path), size, sha, True))
        except OSError as exc:
            report.files.append(DeletedFile(str(path), 0, "", False, exc.strerror or str(exc)))
    for folder in (cache_dir_for(store_id), backups_dir_for(store_path)):
        if folder.is_dir():
            for sub in sorted((p for p in folder.rglob("*") if p.is_dir()), reverse=True):
                with contextlib.suppress(OSError):
                    sub.rmdir()
            with contextlib.suppress(OSError):
                folder.rmdir()
    for user in users:
        if secrets_keyring.forget(store_id, user):
            report.keyring_entries.append(f"{secrets_keyring.SERVICE} / {store_id}:{user}")
    atomic_write_bytes(certificate, certificate_pdf(report, lang))
    report.certificate = str(certificate)
    return report


def certificate_pdf(report: PurgeReport, lang: str = "zh_CN") -> bytes:
    st = pdf_common.styles()
    en = lang == "en"
    tr = (lambda zh, e: e) if en else (lambda zh, e: zh)  # noqa: E731 - a local helper reads better here
    story = [Paragraph(pdf_common.esc(tr("数据删除证明", "Data deletion certificate")), st.title),
             Paragraph(pdf_common.esc(tr(
                 "依据服务合同关于项目结束时删除检查中获取的全部数据的约定，本工作站已删除下列数据。",
                 "Under the service contract's term that all data obtained in inspections be deleted when the "
                 "project ends, this workstation deleted the data listed below.")), st.body),
             Spacer(1, 4 * mm)]
    ok = [f for f in report.files if f.removed]
    failed = [f for f in report.files if not f.removed]
    facts = [[tr("项目", "Item"), tr("内容", "Value")],
             [tr("数据库标识", "Store id"), report.store_id],
             [tr("数据库文件", "Store file"), report.store_file],
             [tr("删除时间（UTC）", "Deleted at (UTC)"), report.at],
             [tr("执行人", "Deleted by"), f"{report.by_display} ({report.by})" if report.by_display != report.by
              else report.by],
             [tr("删除的文件数", "Files deleted"), str(len(ok))],
             [tr("删除的字节数", "Bytes deleted"), f"{sum(f.size for f in ok):,}"],
             [tr("删除的密钥环条目", "Keyring entries removed"), str(len(report.keyring_entries))]]
    story += [pdf_common.table(facts, [45 * mm, 129 * mm]), Spacer(1, 5 * mm),
              Paragraph(pdf_common.esc(tr("已删除的文件（删除前的 SHA-256）", "Files deleted (SHA-256 before deletion)")),
                        st.h1)]
    rows = [[tr("文件", "File"), tr("字节", "Bytes"), "SHA-256"]]
    rows += [[f.path, f"{f.size:,}", f.sha256] for f in ok] or [[tr("（无）", "(none)"), "", ""]]
    story.append(pdf_common.table(rows, [78 * mm, 20 * mm, 76 * mm], align_right=(1,)))
    if failed:
        story += [Paragraph(pdf_common.esc(tr("未能删除的文件", "Files that could not be deleted")), st.h1),
                  pdf_common.table([[tr("文件", "File"), tr("原因", "Reason")]] + [[f.path, f.error] for f in failed],
                                   [110 * mm, 64 * mm])]
    story.append(Paragraph(pdf_common.esc(tr("已删除的密钥环条目", "Keyring entries removed")), st.h1))
    story.append(pdf_common.table([[tr("服务 / 条目", "Service / entry")]]
                                  + ([[e] for e in report.keyring_entries] or [[tr("（无）", "(none)")]]),
                                  [174 * mm]))
    story += [Spacer(1, 4 * mm), Paragraph(pdf_common.esc(tr(
        "说明：每个文件在删除前用随机数据覆盖一次并写入磁盘。在固态硬盘、写时复制或带快照的文件系统上，"
        "旧数据块可能仍然存在；这些数据一直是加密保存的，密钥槽与密钥环条目已一并删除，剩余密文无法再打开。"
        "彻底的保证需要整盘加密并销毁其密钥。",
        "Note: each file was overwritten once with random data and flushed before deletion. On SSDs, copy-on-write "
        "or snapshotting file systems old blocks may survive; the data was encrypted at rest throughout and the "
        "key slots and keyring entries were deleted with it, so remaining ciphertext cannot be opened. A complete "
        "guarantee needs full-disk encryption with its key destroyed.")), st.small),
              Spacer(1, 12 * mm),
              pdf_common.table([[tr("执行人签字", "Signature of the operator"), tr("甲方见证人签字", "Witness for Party A")],
                                [Spacer(1, 16 * mm), Spacer(1, 16 * mm)], [tr("日期：", "Date:"), tr("日期：", "Date:")]],
                               [87 * mm, 87 * mm])]
    title = tr("数据删除证明", "Data deletion certificate")
    return pdf_common.build_pdf(story, title=title, header=f"{title} · {report.store_id}", lang=lang,
                                author=report.by)
