"""Evidence files attached to findings, kept only inside the encrypted store.

The bytes go straight from the picked file (or a drop) into a BLOB with their
SHA-256, size and type. Previews are rendered from memory by the UI; the only
way out to disk in plaintext is ``export``, which the user asks for and which
is logged.
"""
from __future__ import annotations

import hashlib
import mimetypes
import os
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from ..core.errors import BadInput, NotFound
from ..core.i18n import T
from ..store.models.base import utcnow
from ..store.models.review import EvidenceRow, FindingRow
from . import review as rs
from .workspace import Workspace

MAX_BYTES = 64 * 1024 * 1024  # a phone photo or a scanned record is far below this

# Sniffed from the first bytes: a renamed file keeps its real type.
MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"%PDF-", "application/pdf"),
    (b"BM", "image/bmp"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class EvidenceInfo:
    id: int
    uuid: str
    finding_id: int
    file_name: str
    mime: str
    size: int
    sha256: str
    added_by: str


def sniff_mime(name: str, data: bytes) -> str:
    for magic, mime in MAGIC:
        if data.startswith(magic):
            return mime
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    guessed, _ = mimetypes.guess_type(name)
    if data.startswith(b"PK\x03\x04") and (guessed is None or guessed == "application/zip"):
        return XLSX if name.lower().endswith(".xlsx") else "application/zip"
    return guessed or "application/octet-stream"


def is_image(mime: str) -> bool:
    return mime.startswith("image/")


def is_pdf(mime: str) -> bool:
    return mime == "application/pdf"


def attach(ws: Workspace, finding_id: int, file_name: str, data: bytes, mime: str | None = None) -> int:
    """Store ``data`` as evidence of the finding; saved at once, undoable while the unit is open."""
    if not data:
        raise BadInput(T("文件为空", "the file is empty"), file=file_name)
    if len(data) > MAX_BYTES:
        raise BadInput(T("文件过大（上限 {mb} MB）", "the file is too large (limit {mb} MB)"), file=file_name,
                       mb=MAX_BYTES // (1024 * 1024))
    name = Path(file_name).name[:512]
    kind = mime or sniff_mime(name, data)
    digest = hashlib.sha256(data).hexdigest()
    with ws.store.session() as s:
        f = rs.get_finding(s, finding_id)
        u = rs.get_unit(s, f.unit_id)
        rs.may_edit(ws, u)
        rs.not_submitted(ws, u)
        rs.check_lock(ws, s, f.id)
        row = EvidenceRow(uuid=str(uuid.uuid4()), finding_id=f.id, file_name=name, mime=kind, size=len(data),
                          sha256=digest, content=data, added_by=ws.user.name, added_at=utcnow(), deleted=False)
        s.add(row)
        s.flush()
        rs.bump(u)
        meta = {"file_name": name, "mime": kind, "size": len(data), "sha256": digest}
        ws.log(s, "review.evidence.add", "evidence", row.id, after=meta,
               details={"unit": u.id, "finding": f.id} | meta)
        return row.id


def attach_file(ws: Workspace, finding_id: int, path: str | os.PathLike) -> int:
    """Read a file the user picked or dropped and attach it (the file itself is left alone)."""
    p = Path(path)
    if not p.is_file():
        raise BadInput(T("不是文件", "not a file"), file=p.name)
    if p.stat().st_size > MAX_BYTES:
        raise BadInput(T("文件过大（上限 {mb} MB）", "the file is too large (limit {mb} MB)"), file=p.name,
                       mb=MAX_BYTES // (1024 * 1024))
    return attach(ws, finding_id, p.name, p.read_bytes())


def remove(ws: Workspace, evidence_id: int) -> None:
    with ws.store.session() as s:
        row = s.get(EvidenceRow, evidence_id)
        if row is None or row.deleted:
            raise NotFound(what=f"evidence {evidence_id}")
        f = s.get(FindingRow, row.finding_id)
        u = rs.get_unit(s, f.unit_id)
        rs.may_edit(ws, u)
        rs.not_submitted(ws, u)
        rs.check_lock(ws, s, f.id)
        row.deleted = True
        rs.bump(u)
        ws.log(s, "review.evidence.delete", "evidence", row.id, before={"deleted": False}, after={"deleted": True},
               details={"unit": u.id, "finding": f.id, "sha256": row.sha256})


def list_for_finding(ws: Workspace, finding_id: int) -> list[EvidenceInfo]:
    with ws.store.read() as s:
        rows = s.execute(select(EvidenceRow.id, EvidenceRow.uuid, EvidenceRow.finding_id, EvidenceRow.file_name,
                                EvidenceRow.mime, EvidenceRow.size, EvidenceRow.sha256, EvidenceRow.added_by)
                         .where(EvidenceRow.finding_id == finding_id, EvidenceRow.deleted.is_(False))
                         .order_by(EvidenceRow.id)).all()
    return [EvidenceInfo(*r) for r in rows]


def content(ws: Workspace, evidence_id: int) -> tuple[EvidenceInfo, bytes]:
    """The file's bytes, in memory (for previews); checked against its SHA-256."""
    with ws.store.read() as s:
        row = s.get(EvidenceRow, evidence_id)
        if row is None or row.deleted:
            raise NotFound(what=f"evidence {evidence_id}")
        data = bytes(row.content)
        info = EvidenceInfo(row.id, row.uuid, row.finding_id, row.file_name, row.mime, row.size, row.sha256,
                            row.added_by)
    if hashlib.sha256(data).hexdigest() != info.sha256:
        raise BadInput(T("证据文件校验失败（SHA-256 不符）", "the evidence file fails its SHA-256 check"),
                       file=info.file_name)
    return info, data


def export(ws: Workspace, evidence_id: int, target: str | os.PathLike) -> str:
    """Write one evidence file to a place the user chose (atomic, logged); returns its SHA-256."""
    info, data = content(ws, evidence_id)
    target = Path(target)
    fd, tmp = tempfile.mkstemp(prefix=".export-", dir=str(target.parent))
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    with ws.store.session() as s:
        ws.log(s, "review.evidence.export", "evidence", info.id, details={"sha256": info.sha256,
                                                                           "file_name": info.file_name})
    return info.sha256
