"""Dossiers (稽核卷宗): compile, submit (preparer signs), approve (a supervisor
who is not the preparer signs; then locked), return with comments, correct by
a new revision, export, verify.

Status: draft → submitted → locked (approval locks at once; ``approved_at`` and
``approver`` record it), submitted → draft when returned, locked → superseded
when a correction revision is opened. While a dossier is approved or locked a
SQLite trigger refuses any change to the findings it covers.
"""
from __future__ import annotations

import datetime as dt
import json
from fractions import Fraction
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from sqlalchemy import delete, func, select

from ..core.canonical import sha256_hex
from ..core.errors import Conflict, NotFound, NotPermitted, UsageError
from ..core.i18n import T
from ..store import event_log
from ..store.atomic import atomic_write_bytes
from ..store.models.dossier import DossierFindingRow, DossierRow
from ..store.models.sampling import SampleRow
from . import dossier_pdf, signing
from .sample_appraisal_service import DEFAULT_CONFIDENCE, confidence_of
from .dossier_snapshot import Scope, collect, content_digest, evidence_loader, scope_of
from .workspace import Workspace

STATUS_LABELS = {
    "draft": T("草稿", "Draft"), "submitted": T("已提交待审批", "Submitted"), "approved": T("已审批", "Approved"),
    "locked": T("已审批锁定", "Approved and locked"), "superseded": T("已被更正版取代", "Superseded"),
}
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class DossierInfo:
    id: int
    number: str
    revision: int
    status: str
    title: str
    institution: str | None
    period_from: str | None
    period_to: str | None
    sample_id: int | None
    preparer: str
    approver: str | None
    created_at: str
    submitted_at: str | None
    approved_at: str | None
    findings: int
    pages: int
    pdf_sha256: str | None
    comments: list
    supersedes_id: int | None

    def status_label(self, lang: str) -> str:
        return STATUS_LABELS.get(self.status, T(self.status, self.status)).render(lang)


def _info(row: DossierRow, findings: int) -> DossierInfo:
    iso = lambda v: v.replace(microsecond=0).isoformat(sep=" ") if v else None  # noqa: E731
    return DossierInfo(
        id=row.id, number=row.number, revision=row.revision, status=row.status, title=row.title,
        institution=row.institution_code, period_from=row.period_from.isoformat() if row.period_from else None,
        period_to=row.period_to.isoformat() if row.period_to else None, sample_id=row.sample_id,
        preparer=row.preparer, approver=row.approver, created_at=iso(row.created_at), submitted_at=iso(row.submitted_at),
        approved_at=iso(row.approved_at), findings=findings, pages=row.pages, pdf_sha256=row.pdf_sha256,
        comments=json.loads(row.comments or "[]"), supersedes_id=row.supersedes_id)


def _counts(s, ids: list[int] | None = None) -> dict[int, int]:
    q = select(DossierFindingRow.dossier_id, func.count()).group_by(DossierFindingRow.dossier_id)
    if ids is not None:
        q = q.where(DossierFindingRow.dossier_id.in_(ids))
    return dict(s.execute(q).all())


def list_dossiers(ws: Workspace) -> list[DossierInfo]:
    with ws.store.read() as s:
        rows = s.execute(select(DossierRow).order_by(DossierRow.id.desc())).scalars().all()
        counts = _counts(s)
        return [_info(r, counts.get(r.id, 0)) for r in rows]


def get(ws: Workspace, dossier_id: int) -> DossierInfo:
    with ws.store.read() as s:
        row = _row(s, dossier_id)
        return _info(row, _counts(s, [row.id]).get(row.id, 0))


def snapshot(ws: Workspace, dossier_id: int) -> dict:
    with ws.store.read() as s:
        return json.loads(_row(s, dossier_id).snapshot)


def pdf_bytes(ws: Workspace, dossier_id: int) -> bytes:
    with ws.store.read() as s:
        row = _row(s, dossier_id)
        if not row.pdf:
            raise NotFound(what=f"PDF {row.number}")
        return row.pdf


def _row(s, dossier_id: int) -> DossierRow:
    row = s.get(DossierRow, int(dossier_id))
    if row is None:
        raise NotFound(what=T("卷宗 {id}", "dossier {id}").render("zh_CN", id=dossier_id))
    return row


def _new_number(s, year: int) -> str:
    prefix = f"JZ-{year}-"
    used = s.execute(select(DossierRow.number).where(DossierRow.number.like(prefix + "%"))).scalars().all()
    seq = max((int(n[len(prefix):]) for n in used if n[len(prefix):].isdigit()), default=0) + 1
    return f"{prefix}{seq:04d}"


def _render(s, snap: dict, fids: list[int], progress: Progress | None) -> dossier_pdf.Rendered:
    rendered = dossier_pdf.render(snap, images=evidence_loader(s, fids), progress=progress)
    pdf = signing.add_empty_fields(rendered.pdf, rendered.fields)
    return dossier_pdf.Rendered(pdf=pdf, pages=rendered.pages, fields=rendered.fields)


def _confidence(row: DossierRow) -> Fraction:
    """The confidence the dossier was built with (kept in its snapshot's appraisal)."""
    try:
        c = (json.loads(row.snapshot or "{}").get("appraisal") or {}).get("confidence")
    except ValueError:
        c = None
    return Fraction(str(c)) if c is not None else DEFAULT_CONFIDENCE


def _compile_into(ws: Workspace, s, row: DossierRow, progress: Progress | None, *, reuse: bool = False,
                  confidence: Fraction | None = None) -> dict:
    """(Re)collect the content, render the unsigned PDF and relink the findings.

    With ``reuse``, a draft whose content has not changed keeps its PDF (the
    signatures page then shows the event-log head of when it was compiled).
    """
    sup = None
    if row.supersedes_id:
        old = s.get(DossierRow, row.supersedes_id)
        sup = {"id": old.id, "number": old.number, "revision": old.revision, "pdf_sha256": old.pdf_sha256}
    snap, fids = collect(ws, s, scope_of(row), number=row.number, revision=row.revision, preparer=row.preparer,
                         title=row.title, supersedes=sup,
                         progress=(lambda d, t: progress(d, 4 * max(t, 1))) if progress else None,
                         confidence=confidence if confidence is not None else _confidence(row))
    if reuse and row.pdf and row.status == "draft":
        stored = json.loads(row.snapshot or "{}")
        if stored.get("content_sha256") == snap["content_sha256"]:
            return stored
    rendered = _render(s, snap, fids, (lambda d, t: progress(t + 3 * d, 4 * max(t, 1))) if progress else None)
    s.execute(delete(DossierFindingRow).where(DossierFindingRow.dossier_id == row.id))
    s.add_all([DossierFindingRow(dossier_id=row.id, finding_id=f) for f in fids])
    row.title = snap["title"]
    row.snapshot = json.dumps(snap, ensure_ascii=False)
    row.pdf, row.pdf_sha256, row.pages = rendered.pdf, sha256_hex(rendered.pdf), rendered.pages
    return snap


def build(ws: Workspace, *, institution: str | None = None, period_from: dt.date | None = None,
          period_to: dt.date | None = None, sample_id: int | None = None, progress: Progress | None = None,
          confidence: Fraction | str = DEFAULT_CONFIDENCE) -> int:
    """Compile a draft dossier; the acting user is its preparer. Returns its id."""
    if not institution and sample_id is None:
        raise UsageError(detail=T("需要指定机构或样本", "an institution or a sample is required").render(ws.lang))
    if period_from and period_to and period_from > period_to:
        raise UsageError(detail=T("起始日期晚于截止日期", "the period starts after it ends").render(ws.lang))
    if sample_id is not None and (period_from is None) != (period_to is None):
        raise UsageError(detail=T("按样本编制时 --from 与 --to 须同时给出",
                                  "with a sample, --from and --to go together").render(ws.lang))
    with ws.store.session() as s:
        if sample_id is not None and s.get(SampleRow, sample_id) is None:
            raise NotFound(what=T("样本 {id}", "sample {id}").render(ws.lang, id=sample_id))
        row = DossierRow(number=_new_number(s, (period_to or dt.date.today()).year), revision=1,
                         institution_code=institution, period_from=period_from, period_to=period_to,
                         sample_id=sample_id, status="draft", preparer=ws.user.name, title="")
        s.add(row)
        s.flush()
        snap = _compile_into(ws, s, row, progress, confidence=confidence_of(confidence))
        ws.log(s, "dossier.build", "dossier", row.id, after=_audit(row, snap))
        return row.id


def _audit(row: DossierRow, snap: dict) -> dict:
    return {"number": row.number, "revision": row.revision, "status": row.status,
            "content_sha256": snap.get("content_sha256"), "pdf_sha256": row.pdf_sha256,
            "findings": [f["id"] for f in snap.get("findings", [])]}


def refresh(ws: Workspace, dossier_id: int, progress: Progress | None = None) -> DossierInfo:
    """Re-compile a draft from the current review data."""
    with ws.store.session() as s:
        row = _row(s, dossier_id)
        _require_status(ws, row, "draft")
        before = json.loads(row.snapshot).get("content_sha256")
        snap = _compile_into(ws, s, row, progress)
        ws.log(s, "dossier.refresh", "dossier", row.id, before={"content_sha256": before}, after=_audit(row, snap))
    return get(ws, dossier_id)


def _require_status(ws: Workspace, row: DossierRow, *allowed: str) -> None:
    if row.status not in allowed:
        raise Conflict(detail=T("卷宗 {n} 当前状态为“{st}”，不能执行此操作",
                                "dossier {n} is {st}; this step is not possible").render(
            ws.lang, n=row.number, st=STATUS_LABELS.get(row.status, T(row.status, row.status)).render(ws.lang)))


def _now_text() -> str:
    return dt.datetime.now().astimezone().replace(microsecond=0).isoformat(sep=" ")


def submit(ws: Workspace, dossier_id: int, passphrase: str, progress: Progress | None = None) -> DossierInfo:
    """The preparer re-compiles the draft from current data and signs it (certifying signature)."""
    cred = signing.unlock_credential(ws, passphrase)
    with ws.store.session() as s:
        row = _row(s, dossier_id)
        _require_status(ws, row, "draft")
        if row.preparer != ws.user.name:
            raise NotPermitted(detail=T("只有编制人可以提交卷宗", "only the preparer submits a dossier").render(ws.lang))
        snap = _compile_into(ws, s, row, progress, reuse=True)
        stamp = dossier_pdf.stamp_pdf("编制人", cred.user.display_name, signing.role_label(cred.user.role),
                                      _now_text(), f"卷宗摘要 {snap['content_sha256'][:32]}")
        row.pdf = signing.sign_pdf(row.pdf, cred, field_name=dossier_pdf.PREPARER_FIELD, stamp_pdf=stamp,
                                   reason=f"编制并提交稽核卷宗 {row.number} 第 {row.revision} 版", certify=True)
        row.pdf_sha256 = sha256_hex(row.pdf)
        row.status, row.submitted_at = "submitted", dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        ws.log(s, "dossier.submit", "dossier", row.id, before={"status": "draft"}, after=_audit(row, snap))
    return get(ws, dossier_id)


def check_approver(ws: Workspace, row: DossierRow) -> None:
    if not ws.user.can_supervise:
        raise NotPermitted(detail=T("审批卷宗需要审核组长或管理员", "approving needs a supervisor").render(ws.lang))
    if row.preparer == ws.user.name:
        raise NotPermitted(detail=T("编制人不能审批自己编制的卷宗", "the preparer cannot approve their own dossier")
                           .render(ws.lang))


def approve(ws: Workspace, dossier_id: int, passphrase: str) -> DossierInfo:
    """A supervisor who is not the preparer signs the submitted PDF (incremental update); it is then locked."""
    with ws.store.read() as s:
        check_approver(ws, _row(s, dossier_id))
    cred = signing.unlock_credential(ws, passphrase)
    with ws.store.session() as s:
        row = _row(s, dossier_id)
        check_approver(ws, row)
        _require_status(ws, row, "submitted")
        snap = json.loads(row.snapshot)
        current, _ = collect(ws, s, scope_of(row), number=row.number, revision=row.revision, preparer=row.preparer,
                             title=row.title, supersedes=snap.get("supersedes"), confidence=_confidence(row))
        if content_digest(current) != snap["content_sha256"]:
            raise Conflict(detail=T("提交后审核数据已有变化，请退回编制人重新提交",
                                    "the review data changed after submission; return it for resubmission")
                           .render(ws.lang))
        seq, head = event_log.head(s)
        stamp = dossier_pdf.stamp_pdf("审批人", cred.user.display_name, signing.role_label(cred.user.role),
                                      _now_text(), f"日志链头 #{seq} {head}")
        row.pdf = signing.sign_pdf(row.pdf, cred, field_name=dossier_pdf.APPROVER_FIELD, stamp_pdf=stamp,
                                   reason=f"审批稽核卷宗 {row.number} 第 {row.revision} 版")
        row.pdf_sha256 = sha256_hex(row.pdf)
        now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        snap["approval"] = {"approver": ws.user.name, "at": now.isoformat(), "event_head": {"seq": seq, "hash": head},
                            "pdf_sha256": row.pdf_sha256}
        row.snapshot = json.dumps(snap, ensure_ascii=False)
        row.status, row.approver, row.approved_at = "approved", ws.user.name, now
        ws.log(s, "dossier.approve", "dossier", row.id, before={"status": "submitted"}, after=_audit(row, snap))
        s.flush()
        row.status = "locked"
        ws.log(s, "dossier.lock", "dossier", row.id, before={"status": "approved"},
               after={"status": "locked", "pdf_sha256": row.pdf_sha256})
    return get(ws, dossier_id)


def return_(ws: Workspace, dossier_id: int, comment: str, progress: Progress | None = None) -> DossierInfo:
    """A supervisor (or the preparer, withdrawing) sends a submitted dossier back to draft with comments."""
    comment = (comment or "").strip()
    if not comment:
        raise UsageError(detail=T("退回需要填写意见", "a return needs a comment").render(ws.lang))
    with ws.store.session() as s:
        row = _row(s, dossier_id)
        if not ws.user.can_supervise and row.preparer != ws.user.name:
            raise NotPermitted(detail=T("退回卷宗需要审核组长", "returning needs a supervisor").render(ws.lang))
        _require_status(ws, row, "submitted")
        comments = json.loads(row.comments or "[]")
        comments.append({"by": ws.user.name, "at": _now_text(), "text": comment})
        row.comments = json.dumps(comments, ensure_ascii=False)
        row.status, row.submitted_at = "draft", None
        snap = _compile_into(ws, s, row, progress)  # the signed copy is replaced by a fresh unsigned draft
        ws.log(s, "dossier.return", "dossier", row.id, before={"status": "submitted"},
               after={"status": "draft", "comment": comment, "content_sha256": snap["content_sha256"]})
    return get(ws, dossier_id)


def revise(ws: Workspace, dossier_id: int, progress: Progress | None = None) -> int:
    """Open a correction: a new draft revision referencing the locked one, which becomes superseded.

    Only then may the findings it covers change again; the old signed PDF stays
    in the store, unchanged and verifiable.
    """
    ws.require_supervisor()
    with ws.store.session() as s:
        old = _row(s, dossier_id)
        _require_status(ws, old, "locked", "approved")
        rev = s.execute(select(func.max(DossierRow.revision)).where(DossierRow.number == old.number)).scalar_one()
        row = DossierRow(number=old.number, revision=rev + 1, supersedes_id=old.id,
                         institution_code=old.institution_code, period_from=old.period_from,
                         period_to=old.period_to, sample_id=old.sample_id, status="draft",
                         preparer=ws.user.name, title="")
        s.add(row)
        old.status = "superseded"
        s.flush()
        ws.log(s, "dossier.supersede", "dossier", old.id, before={"status": "locked"},
               after={"status": "superseded", "by": row.id})
        snap = _compile_into(ws, s, row, progress, confidence=_confidence(old))
        ws.log(s, "dossier.build", "dossier", row.id, after=_audit(row, snap) | {"supersedes": old.id})
        return row.id


def export(ws: Workspace, dossier_id: int, path: Path) -> dict:
    """Write the dossier's PDF (signed once submitted) atomically; logged."""
    path = Path(path)
    with ws.store.session() as s:
        row = _row(s, dossier_id)
        if not row.pdf:
            raise NotFound(what=f"PDF {row.number}")
        atomic_write_bytes(path, row.pdf)
        ws.log(s, "dossier.export", "dossier", row.id, details={"file": path.name, "sha256": row.pdf_sha256,
                                                                 "status": row.status})
        return {"dossier_id": row.id, "file": str(path), "sha256": row.pdf_sha256}


def export_ca(ws: Workspace, path: Path) -> dict:
    pem = signing.ca_certificate_pem(ws)
    atomic_write_bytes(Path(path), pem.encode("ascii"))
    with ws.store.session() as s:
        ws.log(s, "signing.ca.export", "signing_identity", signing.CA_NAME, details={"file": Path(path).name})
    return {"file": str(path), "sha256_fingerprint": signing.ca_fingerprint(ws)}


def verify_bytes(ws: Workspace | None, pdf: bytes, ca_pem: str | None = None) -> signing.Verification:
    if ca_pem is None:
        if ws is None:
            raise UsageError(detail="CA")
        ca_pem = signing.ca_certificate_pem(ws)
    return signing.verify_pdf(pdf, ca_pem, ws.lang if ws else "zh_CN")


def best_institution(ws: Workspace) -> str | None:
    """The institution with the most findings (used by the demo and as the GUI's default)."""
    from ..store.models.claims import SettlementRow
    from ..store.models.review import FindingRow, ReviewUnitRow

    with ws.store.read() as s:
        row = s.execute(select(SettlementRow.fixmedins_code, func.count()).join(
            ReviewUnitRow, ReviewUnitRow.setl_id == SettlementRow.setl_id).join(
            FindingRow, FindingRow.unit_id == ReviewUnitRow.id).where(
            FindingRow.deleted.is_(False), SettlementRow.fixmedins_code.is_not(None)).group_by(
            SettlementRow.fixmedins_code).order_by(func.count().desc(), SettlementRow.fixmedins_code).limit(1)).first()
        return row[0] if row else None


def institutions(ws: Workspace) -> list[tuple[str, str]]:
    """(code, name) of institutions with review units, for the compile dialog."""
    from ..store.models.claims import SettlementRow
    from ..store.models.review import ReviewUnitRow

    with ws.store.read() as s:
        rows = s.execute(select(SettlementRow.fixmedins_code, func.max(SettlementRow.fixmedins_name)).join(
            ReviewUnitRow, ReviewUnitRow.setl_id == SettlementRow.setl_id).where(
            SettlementRow.fixmedins_code.is_not(None)).group_by(SettlementRow.fixmedins_code).order_by(
            SettlementRow.fixmedins_code)).all()
        return [(r[0], r[1] or r[0]) for r in rows]


def samples(ws: Workspace) -> list[tuple[int, str]]:
    with ws.store.read() as s:
        return [(r.id, r.code) for r in s.execute(select(SampleRow).order_by(SampleRow.id)).scalars()]


__all__ = ["Scope", "DossierInfo", "build", "submit", "approve", "return_", "revise", "export", "export_ca",
           "verify_bytes", "list_dossiers", "get", "snapshot", "pdf_bytes", "refresh", "best_institution",
           "institutions", "samples"]


def render_page_png(ws: Workspace, dossier_id: int, page: int, scale: float = 1.25) -> tuple[bytes, int]:
    """One page of the dossier's PDF as PNG bytes (for the in-app preview), and the page count."""
    import io

    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf_bytes(ws, dossier_id))
    try:
        doc.init_forms()  # so that the signature widgets' appearances (name, role, time) are drawn
        n = len(doc)
        page = max(0, min(page, n - 1))
        img = doc[page].render(scale=scale, may_draw_forms=True).to_pil()
        buf = io.BytesIO()
        img.save(buf, format="PNG")
        return buf.getvalue(), n
    finally:
        doc.close()
