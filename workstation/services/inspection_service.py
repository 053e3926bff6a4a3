"""On-site inspections (现场检查) and their records: 现场检查笔录 and 询问笔录.

A record is made on the laptop during the visit, signed on the screen (or a
photo of the signed paper is attached) and then sealed: its SHA-256 over the
canonical JSON of its content and its attachments' hashes is kept on the row
and in the event log (``inspection.record.seal``). A sealed record refuses
every edit (here, and on a local store by a trigger); a correction is a new
record that points at the one it corrects. ``verify_seals`` recomputes every
seal and compares it with the row and with the event log, so a change made
behind the service's back is detected on any backend.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from dataclasses import asdict, dataclass, field, replace

from sqlalchemy import func, select
from sqlalchemy.exc import DatabaseError, IntegrityError
from sqlalchemy.orm import Session

from ..core.canonical import canonical_json
from ..core.errors import BadInput, Conflict, NotFound
from ..core.i18n import T
from ..core.import_format import mask_certno
from ..store.models.claims import SettlementRow
from ..store.models.identity import EventRow
from ..store.models.inspection import InspectionAttachmentRow, InspectionRecordRow, InspectionRow
from .evidence_service import sniff_mime
from .workspace import Workspace

KINDS = ("routine", "special", "flying", "cross")
KIND_LABELS = {"routine": T("日常检查", "Routine"), "special": T("专项检查", "Special"),
               "flying": T("飞行检查", "Flying"), "cross": T("交叉检查", "Cross")}
RECORD_KINDS = ("site", "interview")
RECORD_LABELS = {"site": T("现场检查笔录", "Site inspection record"), "interview": T("询问笔录", "Interview transcript")}
ATTACHMENT_KINDS = ("evidence", "signature", "signed_paper")
SIGNER_ROLES = {"interviewee": T("被询问人", "Interviewee"), "interviewer": T("询问人", "Interviewer"),
                "recorder": T("记录人", "Recorder"), "inspector": T("检查人员", "Inspector"),
                "present": T("被检查单位在场人员", "Institution's representative")}
REQUIRED_SIGNERS = {"interview": ("interviewee", "interviewer"), "site": ("inspector", "present")}
MAX_ATTACHMENT = 64 * 1024 * 1024
# events that record a seal hash: sealed here, or received sealed in a package
SEAL_ACTIONS = ("inspection.record.seal", "inspection.record.receive")
SEALED = T("笔录已签名封存，不能修改；如需更正请新建更正笔录",
           "the record is signed and sealed; it cannot be changed — make a correction record instead")


def now_text() -> str:
    return dt.datetime.now().strftime("%Y-%m-%d %H:%M:%S")


@dataclass(frozen=True)
class QA:
    question: str
    answer: str


@dataclass(frozen=True)
class RecordContent:
    """The form's fields. For a site record ``interviewer`` holds the inspectors, ``interviewee_*``
    the institution's representative present, ``text`` what was checked and found."""

    place: str = ""
    started_at: str = ""  # 'YYYY-MM-DD HH:MM'
    ended_at: str = ""
    interviewer: str = ""
    recorder: str = ""
    interviewee_name: str = ""
    interviewee_id: str = ""  # full ID number: only inside the encrypted store; shown masked
    interviewee_unit: str = ""  # work unit and post
    text: str = ""
    qa: tuple[QA, ...] = ()

    def to_json(self) -> dict:
        d = asdict(self)
        d["qa"] = [asdict(q) for q in self.qa]
        return d

    @classmethod
    def from_json(cls, d: dict) -> "RecordContent":
        known = {k: v for k, v in d.items() if k in cls.__dataclass_fields__ and k != "qa"}
        return cls(**known, qa=tuple(QA(q.get("question", ""), q.get("answer", "")) for q in d.get("qa", [])))

    @property
    def interviewee_id_masked(self) -> str:
        return mask_certno(self.interviewee_id)


@dataclass(frozen=True)
class Lead:
    setl_id: str
    note: str = ""


@dataclass(frozen=True)
class AttachmentInfo:
    id: int
    uuid: str
    kind: str
    signer_role: str
    file_name: str
    mime: str
    size: int
    sha256: str
    added_by: str
    added_at: str


@dataclass(frozen=True)
class RecordInfo:
    id: int
    uuid: str
    inspection_id: int
    kind: str
    number: str
    status: str
    content: RecordContent
    corrects_id: int | None
    corrected_by: tuple[int, ...]
    seal_hash: str | None
    sealed_by: str | None
    sealed_at: str | None
    created_by: str
    created_at: str
    version: int
    attachments: tuple[AttachmentInfo, ...] = ()

    @property
    def sealed(self) -> bool:
        return self.status == "sealed"


@dataclass(frozen=True)
class InspectionInfo:
    id: int
    uuid: str
    institution_code: str
    institution_name: str
    date: str
    kind: str
    team: tuple[str, ...]
    leads: tuple[Lead, ...]
    note: str
    assigned_to: str
    created_by: str
    records: tuple[RecordInfo, ...] = field(default=())


# -- helpers ---------------------------------------------------------------------------------------
def _inspection_row(s: Session, inspection_id: int) -> InspectionRow:
    row = s.get(InspectionRow, inspection_id)
    if row is None:
        raise NotFound(what=T("检查 {id}", "inspection {id}").render("zh_CN", id=inspection_id))
    return row


def _record_row(s: Session, record_id: int) -> InspectionRecordRow:
    row = s.get(InspectionRecordRow, record_id)
    if row is None:
        raise NotFound(what=T("笔录 {id}", "record {id}").render("zh_CN", id=record_id))
    return row


def _attachment_info(a: InspectionAttachmentRow) -> AttachmentInfo:
    return AttachmentInfo(a.id, a.uuid, a.kind, a.signer_role, a.file_name, a.mime, a.size, a.sha256, a.added_by,
                          a.added_at)


def _record_info(s: Session, r: InspectionRecordRow) -> RecordInfo:
    atts = s.execute(select(InspectionAttachmentRow).where(InspectionAttachmentRow.record_id == r.id)
                     .order_by(InspectionAttachmentRow.id)).scalars().all()
    later = s.execute(select(InspectionRecordRow.id).where(InspectionRecordRow.corrects_id == r.id)
                      .order_by(InspectionRecordRow.id)).scalars().all()
    return RecordInfo(r.id, r.uuid, r.inspection_id, r.kind, r.number, r.status,
                      RecordContent.from_json(json.loads(r.content)), r.corrects_id, tuple(later), r.seal_hash,
                      r.sealed_by, r.sealed_at, r.created_by, r.created_at, r.version,
                      tuple(_attachment_info(a) for a in atts))


def _info(s: Session, row: InspectionRow, with_records: bool = True) -> InspectionInfo:
    records = ()
    if with_records:
        records = tuple(_record_info(s, r) for r in s.execute(select(InspectionRecordRow).where(
            InspectionRecordRow.inspection_id == row.id).order_by(InspectionRecordRow.id)).scalars())
    return InspectionInfo(row.id, row.uuid, row.institution_code, row.institution_name, row.date, row.kind,
                          tuple(json.loads(row.team)), tuple(Lead(**x) for x in json.loads(row.leads)), row.note,
                          row.assigned_to, row.created_by, records)


def _check_date(value: str) -> str:
    try:
        return dt.date.fromisoformat(value).isoformat()
    except (TypeError, ValueError):
        raise BadInput(T("日期无效：{d}（应为 2025-03-01）", "bad date {d} (expected 2025-03-01)"), d=value) from None


# -- inspections -----------------------------------------------------------------------------------
def create_inspection(ws: Workspace, *, institution_code: str, date: str, kind: str, team: list[str],
                      leads: list[Lead] | None = None, note: str = "", institution_name: str | None = None,
                      assigned_to: str | None = None) -> int:
    if kind not in KINDS:
        raise BadInput(T("检查类型应为 routine、special、flying 或 cross", "the type is routine, special, flying "
                         "or cross"))
    code = (institution_code or "").strip()
    if not code:
        raise BadInput(T("请填写被检查机构", "name the institution inspected"))
    team = [t.strip() for t in team if t and t.strip()]
    if not team:
        raise BadInput(T("检查组至少一人", "the team needs at least one member"))
    date = _check_date(date)
    now = now_text()
    with ws.store.session() as s:
        name = institution_name
        if name is None:
            name = s.execute(select(SettlementRow.fixmedins_name).where(
                SettlementRow.fixmedins_code == code, SettlementRow.fixmedins_name.is_not(None)).limit(1)
            ).scalar_one_or_none() or ""
        row = InspectionRow(uuid=str(uuid.uuid4()), institution_code=code, institution_name=name, date=date,
                            kind=kind, team=json.dumps(team, ensure_ascii=False),
                            leads=json.dumps([asdict(x) for x in (leads or [])], ensure_ascii=False), note=note,
                            assigned_to=assigned_to or ws.user.name, created_by=ws.user.name, created_at=now,
                            updated_at=now, version=1)
        s.add(row)
        s.flush()
        ws.log(s, "inspection.create", "inspection", row.id,
               after={"institution": code, "date": date, "kind": kind, "team": team,
                      "leads": [x.setl_id for x in (leads or [])]}, details={"uuid": row.uuid})
        return row.id


def list_inspections(ws: Workspace) -> list[InspectionInfo]:
    with ws.store.read() as s:
        rows = s.execute(select(InspectionRow).order_by(InspectionRow.date.desc(), InspectionRow.id.desc())
                         ).scalars().all()
        return [_info(s, r) for r in rows]


def inspection(ws: Workspace, inspection_id: int) -> InspectionInfo:
    with ws.store.read() as s:
        return _info(s, _inspection_row(s, inspection_id))


# -- records ---------------------------------------------------------------------------------------
def create_record(ws: Workspace, inspection_id: int, kind: str, content: RecordContent, *,
                  corrects_id: int | None = None) -> int:
    """A new draft record; with ``corrects_id`` a correction of a sealed record of the same inspection."""
    if kind not in RECORD_KINDS:
        raise BadInput(T("笔录类型应为 site 或 interview", "a record is site or interview"))
    now = now_text()
    with ws.store.session() as s:
        insp = _inspection_row(s, inspection_id)
        if corrects_id is not None:
            old = _record_row(s, corrects_id)
            if old.inspection_id != insp.id or old.kind != kind or old.status != "sealed":
                raise Conflict(detail=T("只能更正本次检查中已封存的同类笔录", "only a sealed record of the same "
                                        "kind and inspection can be corrected").render(ws.lang))
        n = s.execute(select(func.count()).select_from(InspectionRecordRow).where(
            InspectionRecordRow.inspection_id == insp.id)).scalar_one()
        prefix = {"routine": "RC", "special": "ZX", "flying": "FX", "cross": "JC"}[insp.kind]
        number = f"{prefix}-{insp.date[:4]}-{insp.id:04d}-{n + 1:02d}"
        row = InspectionRecordRow(uuid=str(uuid.uuid4()), inspection_id=insp.id, kind=kind, number=number,
                                  content=json.dumps(content.to_json(), ensure_ascii=False), status="draft",
                                  corrects_id=corrects_id, created_by=ws.user.name, created_at=now, updated_at=now,
                                  version=1)
        s.add(row)
        s.flush()
        ws.log(s, "inspection.record.create", "inspection_record", row.id,
               after=_digestable(content) | {"kind": kind}, details={"inspection": insp.id, "number": number,
                                                                     "uuid": row.uuid, "corrects": corrects_id})
        return row.id


def _digestable(content: RecordContent) -> dict:
    """What the event keeps of a record: a digest of the content (personal data stays out of the log)."""
    return {"content_sha256": hashlib.sha256(canonical_json(content.to_json()).encode("utf-8")).hexdigest()}


def _refuse_sealed(ws: Workspace, row: InspectionRecordRow) -> None:
    if row.status == "sealed":
        raise Conflict(SEALED)


def _flush_sealed(ws: Workspace, s: Session) -> None:
    try:
        s.flush()
    except (IntegrityError, DatabaseError) as exc:
        if "sealed" in str(exc):
            raise Conflict(SEALED) from None
        raise


def update_record(ws: Workspace, record_id: int, content: RecordContent, *, expected_version: int | None = None
                  ) -> int:
    with ws.store.session() as s:
        row = _record_row(s, record_id)
        _refuse_sealed(ws, row)
        if expected_version is not None and row.version != expected_version:
            raise Conflict(detail=T("笔录已被他人修改", "the record was changed meanwhile").render(ws.lang))
        before = RecordContent.from_json(json.loads(row.content))
        row.content = json.dumps(content.to_json(), ensure_ascii=False)
        row.version += 1
        row.updated_at = now_text()
        _flush_sealed(ws, s)
        ws.log(s, "inspection.record.update", "inspection_record", row.id, before=_digestable(before),
               after=_digestable(content), details={"inspection": row.inspection_id, "version": row.version})
        return row.version


def record(ws: Workspace, record_id: int) -> RecordInfo:
    with ws.store.read() as s:
        return _record_info(s, _record_row(s, record_id))


def _add_attachment(ws: Workspace, s: Session, row: InspectionRecordRow, kind: str, file_name: str, data: bytes,
                    signer_role: str = "") -> InspectionAttachmentRow:
    if kind not in ATTACHMENT_KINDS:
        raise BadInput(T("未知的附件类型", "unknown attachment kind"))
    if not data:
        raise BadInput(T("文件为空", "the file is empty"))
    if len(data) > MAX_ATTACHMENT:
        raise BadInput(T("文件超过 64 MB", "the file exceeds 64 MB"))
    if kind != "evidence" and signer_role not in SIGNER_ROLES:
        raise BadInput(T("签名人身份无效", "unknown signer role"))
    _refuse_sealed(ws, row)
    a = InspectionAttachmentRow(uuid=str(uuid.uuid4()), record_id=row.id, kind=kind, signer_role=signer_role,
                                file_name=file_name, mime=sniff_mime(file_name, data), size=len(data),
                                sha256=hashlib.sha256(data).hexdigest(), content=data, added_by=ws.user.name,
                                added_at=now_text())
    s.add(a)
    _flush_sealed(ws, s)
    ws.log(s, "inspection.attachment.add", "inspection_attachment", a.id,
           after={"kind": kind, "role": signer_role, "sha256": a.sha256, "size": a.size, "mime": a.mime},
           details={"record": row.id, "uuid": a.uuid})
    return a


def add_attachment(ws: Workspace, record_id: int, file_name: str, data: bytes, *, kind: str = "evidence",
                   signer_role: str = "") -> int:
    """A photo or scan as evidence (or a signature / signed paper, usually through ``sign_and_seal``)."""
    with ws.store.session() as s:
        return _add_attachment(ws, s, _record_row(s, record_id), kind, file_name, data, signer_role).id


def remove_attachment(ws: Workspace, attachment_id: int) -> None:
    with ws.store.session() as s:
        a = s.get(InspectionAttachmentRow, attachment_id)
        if a is None:
            raise NotFound(what=f"attachment {attachment_id}")
        _refuse_sealed(ws, _record_row(s, a.record_id))
        info = {"kind": a.kind, "sha256": a.sha256}
        s.delete(a)
        _flush_sealed(ws, s)
        ws.log(s, "inspection.attachment.remove", "inspection_attachment", attachment_id, before=info,
               details={"record": a.record_id})


def attachment_content(ws: Workspace, attachment_id: int) -> tuple[AttachmentInfo, bytes]:
    with ws.store.read() as s:
        a = s.get(InspectionAttachmentRow, attachment_id)
        if a is None:
            raise NotFound(what=f"attachment {attachment_id}")
        data = bytes(a.content)
        if hashlib.sha256(data).hexdigest() != a.sha256:
            raise Conflict(detail=T("附件内容与其哈希不符", "the attachment does not match its hash").render(ws.lang))
        return _attachment_info(a), data


# -- sealing ---------------------------------------------------------------------------------------
def _seal_material(s: Session, row: InspectionRecordRow) -> dict:
    insp = s.get(InspectionRow, row.inspection_id)
    corrects = s.get(InspectionRecordRow, row.corrects_id).uuid if row.corrects_id else None
    atts = s.execute(select(InspectionAttachmentRow.uuid, InspectionAttachmentRow.kind,
                            InspectionAttachmentRow.signer_role, InspectionAttachmentRow.file_name,
                            InspectionAttachmentRow.sha256).where(InspectionAttachmentRow.record_id == row.id)
                     .order_by(InspectionAttachmentRow.uuid)).all()
    return {"format": "ws-inspection-record-1", "uuid": row.uuid, "inspection": insp.uuid,
            "institution": insp.institution_code, "inspection_date": insp.date, "inspection_kind": insp.kind,
            "kind": row.kind, "number": row.number, "content": json.loads(row.content), "corrects": corrects,
            "attachments": [{"uuid": a[0], "kind": a[1], "role": a[2], "file_name": a[3], "sha256": a[4]}
                            for a in atts]}


def seal_digest(material: dict) -> str:
    return hashlib.sha256(canonical_json(material).encode("utf-8")).hexdigest()


def sign_and_seal(ws: Workspace, record_id: int, *, signatures: list[tuple[str, bytes]] = (),
                  signed_paper: tuple[str, bytes] | None = None) -> str:
    """Attach the signatures (PNG per signer role) or the photo of the signed paper, then seal.

    Needs the record's required signers (interview: interviewee and interviewer; site: inspector and
    the institution's representative), or a photo of the signed paper. Returns the seal hash.
    """
    with ws.store.session() as s:
        row = _record_row(s, record_id)
        _refuse_sealed(ws, row)
        content = RecordContent.from_json(json.loads(row.content))
        if row.kind == "interview" and not (content.interviewee_name and content.interviewer and content.qa):
            raise BadInput(T("询问笔录需要被询问人、询问人和至少一问一答", "an interview transcript needs the "
                             "interviewee, the interviewer and at least one question and answer"))
        if row.kind == "site" and not content.text.strip():
            raise BadInput(T("现场检查笔录需要填写检查情况", "a site record needs what was checked and found"))
        for role, png in signatures:
            _add_attachment(ws, s, row, "signature", f"signature-{role}.png", png, role)
        if signed_paper is not None:
            _add_attachment(ws, s, row, "signed_paper", signed_paper[0], signed_paper[1], "interviewee"
                            if row.kind == "interview" else "present")
        roles = set(s.execute(select(InspectionAttachmentRow.signer_role).where(
            InspectionAttachmentRow.record_id == row.id, InspectionAttachmentRow.kind == "signature")).scalars())
        has_paper = s.execute(select(func.count()).select_from(InspectionAttachmentRow).where(
            InspectionAttachmentRow.record_id == row.id, InspectionAttachmentRow.kind == "signed_paper")
        ).scalar_one() > 0
        missing = [r for r in REQUIRED_SIGNERS[row.kind] if r not in roles]
        if missing and not has_paper:
            raise BadInput(T("缺少签名：{who}", "signatures missing: {who}"),
                           who="、".join(SIGNER_ROLES[r].render(ws.lang) for r in missing))
        s.flush()
        material = _seal_material(s, row)
        h = seal_digest(material)
        row.status, row.seal_hash, row.sealed_by, row.sealed_at = "sealed", h, ws.user.name, now_text()
        row.version += 1
        row.updated_at = row.sealed_at
        ws.log(s, "inspection.record.seal", "inspection_record", row.id, after={"seal_hash": h},
               details={"uuid": row.uuid, "number": row.number, "seal_hash": h, "inspection": row.inspection_id,
                        "attachments": [a["sha256"] for a in material["attachments"]]})
        return h


@dataclass(frozen=True)
class SealProblem:
    record_id: int
    number: str
    reason: str


def verify_seals(ws: Workspace) -> list[SealProblem]:
    """Recompute every sealed record's hash; compare with the row and with its seal event."""
    problems = []
    with ws.store.read() as s:
        logged: dict[str, str] = {}
        for det in s.execute(select(EventRow.details).where(EventRow.action.in_(SEAL_ACTIONS))).scalars():
            d = json.loads(det) if isinstance(det, str) else det
            logged[d.get("uuid", "")] = d.get("seal_hash", "")
        for row in s.execute(select(InspectionRecordRow).order_by(InspectionRecordRow.id)).scalars():
            if row.status != "sealed":
                if row.uuid in logged:
                    problems.append(SealProblem(row.id, row.number, "unsealed after sealing"))
                continue
            h = seal_digest(_seal_material(s, row))
            if h != row.seal_hash:
                problems.append(SealProblem(row.id, row.number, "content or attachments changed"))
            elif logged.get(row.uuid) != h:
                problems.append(SealProblem(row.id, row.number, "seal hash not in the event log"))
            else:
                for a in s.execute(select(InspectionAttachmentRow).where(
                        InspectionAttachmentRow.record_id == row.id)).scalars():
                    if hashlib.sha256(bytes(a.content)).hexdigest() != a.sha256:
                        problems.append(SealProblem(row.id, row.number, "attachment bytes changed"))
                        break
    return problems


# -- dossier exhibits --------------------------------------------------------------------------------
def sealed_records_for(ws_or_session, institution: str | None, period_from: dt.date | None,
                       period_to: dt.date | None) -> list[tuple[InspectionInfo, RecordInfo]]:
    """Sealed records of inspections at ``institution`` whose date is in the period (all when None)."""
    s: Session = ws_or_session
    q = select(InspectionRow).order_by(InspectionRow.date, InspectionRow.id)
    if institution:
        q = q.where(InspectionRow.institution_code == institution)
    if period_from:
        q = q.where(InspectionRow.date >= period_from.isoformat())
    if period_to:
        q = q.where(InspectionRow.date <= period_to.isoformat())
    out = []
    for insp in s.execute(q).scalars():
        info = _info(s, insp, with_records=False)
        for r in s.execute(select(InspectionRecordRow).where(InspectionRecordRow.inspection_id == insp.id,
                                                             InspectionRecordRow.status == "sealed")
                           .order_by(InspectionRecordRow.id)).scalars():
            out.append((info, _record_info(s, r)))
    return out


def with_content(info: RecordInfo, content: RecordContent) -> RecordInfo:
    return replace(info, content=content)


def seal_material(s: Session, record_id: int) -> dict:
    """The seal material of a record read in the caller's session (for the dossier's exhibits)."""
    return _seal_material(s, _record_row(s, record_id))
