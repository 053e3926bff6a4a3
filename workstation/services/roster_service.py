"""The team roster: staff records with certificates, their history, and the
compliance check against the active contract profile's staffing terms.

ID numbers leave this module masked only (first 6 + last 4); the event log
records which fields changed, old and new values, with ID numbers masked.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..core import staffing
from ..core.errors import BadInput, NotFound
from ..core.i18n import T
from ..core.import_format import mask_certno
from ..store.models.base import utcnow
from ..store.models.identity import EventRow
from ..store.models.roster import CertificateRow, StaffRow
from . import profile_service
from .workspace import Workspace

FIELDS = ("staff_no", "name", "certno", "birth_date", "qualification", "post", "centre", "education",
          "education_exception", "start_date", "end_date")
DATE_FIELDS = ("birth_date", "start_date", "end_date")
CERTNO_RE = re.compile(r"^(\d{17}[\dXx]|\d{15})$")
EXPIRY_WINDOW_DAYS = 30

QUALIFICATION_LABELS = {
    "medical": T("医学", "medical"), "pharmacy": T("药学", "pharmacy"), "finance": T("财务", "finance"),
    "it": T("信息", "IT"), "law": T("法律", "law"), "other": T("其他", "other"),
}


@dataclass(frozen=True)
class ExpiringCertificate:
    staff_id: int
    staff_no: str
    name: str
    certificate: str
    expiry: dt.date
    days_left: int

    @property
    def expired(self) -> bool:
        return self.days_left < 0


# -- reading ---------------------------------------------------------------------------------
def _certs_by_staff(session: Session) -> dict[int, list[CertificateRow]]:
    out: dict[int, list[CertificateRow]] = {}
    for c in session.execute(select(CertificateRow).order_by(CertificateRow.id)).scalars():
        out.setdefault(c.staff_id, []).append(c)
    return out


def _public(row: StaffRow, certs: list[CertificateRow], day: dt.date) -> dict[str, Any]:
    person = _person(row, certs)
    return {
        "id": row.id, "staff_no": row.staff_no, "name": row.name, "certno_masked": mask_certno(row.certno),
        "birth_date": person.birth().isoformat() if person.birth() else None, "age": person.age_on(day),
        "qualification": row.qualification, "post": row.post, "centre": row.centre, "education": row.education,
        "education_exception": row.education_exception,
        "start_date": row.start_date.isoformat() if row.start_date else None,
        "end_date": row.end_date.isoformat() if row.end_date else None,
        "active": person.active_on(day),
        "certificates": [{"id": c.id, "name": c.name, "expiry": c.expiry.isoformat() if c.expiry else None}
                         for c in certs],
        "updated_by": row.updated_by,
    }


def _person(row: StaffRow, certs: list[CertificateRow]) -> staffing.Person:
    return staffing.Person(
        staff_no=row.staff_no, name=row.name, certno=row.certno, birth_date=row.birth_date,
        qualification=row.qualification or "other", post=row.post or "", centre=row.centre or "市级",
        education=row.education or "", education_exception=row.education_exception or "",
        start_date=row.start_date, end_date=row.end_date,
        certificates=tuple(staffing.Certificate(c.name, c.expiry) for c in certs),
    )


def people(session: Session) -> list[staffing.Person]:
    certs = _certs_by_staff(session)
    rows = session.execute(select(StaffRow).order_by(StaffRow.staff_no)).scalars()
    return [_person(r, certs.get(r.id, [])) for r in rows]


def list_staff(ws: Workspace, *, day: dt.date | None = None, active_only: bool = False) -> list[dict[str, Any]]:
    """Every staff record as the views may show it (ID numbers masked)."""
    day = day or dt.date.today()
    with ws.store.read() as s:
        certs = _certs_by_staff(s)
        rows = s.execute(select(StaffRow).order_by(StaffRow.staff_no)).scalars().all()
        out = [_public(r, certs.get(r.id, []), day) for r in rows]
    return [r for r in out if r["active"]] if active_only else out


def get_staff(ws: Workspace, staff_id: int, *, day: dt.date | None = None) -> dict[str, Any]:
    with ws.store.read() as s:
        row = s.get(StaffRow, staff_id)
        if row is None:
            raise NotFound(what=f"staff {staff_id}")
        certs = list(s.execute(select(CertificateRow).where(CertificateRow.staff_id == staff_id)
                               .order_by(CertificateRow.id)).scalars())
        return _public(row, certs, day or dt.date.today())


# -- writing ---------------------------------------------------------------------------------
def clean_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """Validate and normalise editable fields; raise BadInput naming the field."""
    out: dict[str, Any] = {}
    for key, value in fields.items():
        if key not in FIELDS:
            continue
        if key in DATE_FIELDS:
            if value in (None, ""):
                out[key] = None
            elif isinstance(value, dt.date):
                out[key] = value
            else:
                try:
                    out[key] = dt.date.fromisoformat(str(value).strip())
                except ValueError:
                    raise BadInput(T("日期格式应为 YYYY-MM-DD", "dates are YYYY-MM-DD"), column=key) from None
        elif key == "certno":
            text = (value or "").strip().upper()
            if text and not CERTNO_RE.match(text):
                raise BadInput(T("身份证号应为 18 位（或旧 15 位）", "an ID number has 18 (or the old 15) characters"),
                               column=key)
            if text and staffing.birth_from_certno(text) is None:
                raise BadInput(T("身份证号中的出生日期无效", "the birth date in the ID number is not a date"), column=key)
            out[key] = text or None
        elif key == "qualification":
            q = (value or "other").strip()
            if q not in staffing.QUALIFICATIONS:
                raise BadInput(T("专业类别应为：{allowed}", "qualification must be one of: {allowed}"),
                               column=key, allowed=", ".join(staffing.QUALIFICATIONS))
            out[key] = q
        else:
            out[key] = (value or "").strip()
    if "staff_no" in out and not out["staff_no"]:
        raise BadInput(T("工号不能为空", "the staff number is required"), column="staff_no")
    if "name" in out and not out["name"]:
        raise BadInput(T("姓名不能为空", "the name is required"), column="name")
    if "centre" in out and not out["centre"]:
        out["centre"] = "市级"
    start, end = out.get("start_date"), out.get("end_date")
    if start and end and end < start:
        raise BadInput(T("离岗日期早于入职日期", "the end date is before the start date"), column="end_date")
    return out


def _loggable(key: str, value: Any) -> Any:
    if key == "certno":
        return mask_certno(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _snapshot(row: StaffRow) -> dict[str, Any]:
    return {k: _loggable(k, getattr(row, k)) for k in FIELDS}


def save_staff(ws: Workspace, fields: dict[str, Any], staff_id: int | None = None, *,
               session: Session | None = None, action: str | None = None) -> int:
    """Add (``staff_id`` None) or change a staff record; admin only; logged with the changed fields."""
    ws.require_admin()
    clean = clean_fields(fields)

    def _do(s: Session) -> int:
        if "staff_no" in clean:
            other = s.execute(select(StaffRow.id).where(StaffRow.staff_no == clean["staff_no"])).scalar()
            if other is not None and other != staff_id:
                raise BadInput(T("工号 {no} 已存在", "staff number {no} exists"), column="staff_no",
                               no=clean["staff_no"])
        if staff_id is None:
            if "staff_no" not in clean or "name" not in clean:
                raise BadInput(T("工号和姓名不能为空", "staff number and name are required"), column="staff_no")
            row = StaffRow(staff_no=clean["staff_no"], name=clean["name"], qualification="other", post="",
                           centre="市级", education="", education_exception="")
            s.add(row)
            before: dict[str, Any] | None = None
        else:
            row = s.get(StaffRow, staff_id)
            if row is None:
                raise NotFound(what=f"staff {staff_id}")
            before = _snapshot(row)
        for k, v in clean.items():
            setattr(row, k, v)
        if "certno" in clean and "birth_date" not in clean and clean["certno"]:
            row.birth_date = staffing.birth_from_certno(clean["certno"])
        row.updated_at = utcnow()
        row.updated_by = ws.user.name
        s.flush()
        after = _snapshot(row)
        changes = {k: [None if before is None else before[k], after[k]] for k in FIELDS
                   if before is None or before[k] != after[k]}
        if before is not None and not changes:
            return row.id
        ws.log(s, action or ("roster.add" if before is None else "roster.change"), "staff", row.id,
               before=before, after=after, details={"staff_no": row.staff_no, "changes": changes})
        return row.id

    if session is not None:
        return _do(session)
    with ws.store.session() as s:
        return _do(s)


def set_certificates(ws: Workspace, staff_id: int, certificates: list[tuple[str, dt.date | str | None]]) -> None:
    """Replace a person's certificates (name, expiry or None), logged."""
    ws.require_admin()
    clean = []
    for name, expiry in certificates:
        name = (name or "").strip()
        if not name:
            continue
        if isinstance(expiry, str):
            try:
                expiry = dt.date.fromisoformat(expiry.strip()) if expiry.strip() else None
            except ValueError:
                raise BadInput(T("证书有效期应为 YYYY-MM-DD", "a certificate's expiry is YYYY-MM-DD"),
                               column="certificates") from None
        clean.append((name, expiry))
    with ws.store.session() as s:
        row = s.get(StaffRow, staff_id)
        if row is None:
            raise NotFound(what=f"staff {staff_id}")
        old = [(c.name, c.expiry.isoformat() if c.expiry else None) for c in
               s.execute(select(CertificateRow).where(CertificateRow.staff_id == staff_id)
                         .order_by(CertificateRow.id)).scalars()]
        new = [(n, e.isoformat() if e else None) for n, e in clean]
        if old == new:
            return
        s.query(CertificateRow).filter_by(staff_id=staff_id).delete()
        for n, e in clean:
            s.add(CertificateRow(staff_id=staff_id, name=n, expiry=e))
        ws.log(s, "roster.certificates", "staff", staff_id, before=old, after=new,
               details={"staff_no": row.staff_no, "changes": {"certificates": [old, new]}})


def history(ws: Workspace, staff_id: int) -> list[dict[str, Any]]:
    """Who changed what and when, newest first."""
    with ws.store.read() as s:
        rows = s.execute(select(EventRow).where(EventRow.entity == "staff", EventRow.entity_id == str(staff_id))
                         .order_by(EventRow.seq.desc())).scalars().all()
        out = []
        for e in rows:
            details = json.loads(e.details or "{}")
            out.append({"at": e.at, "user": e.user, "action": e.action, "changes": details.get("changes", {}),
                        "details": {k: v for k, v in details.items() if k != "changes"}})
        return out


# -- checking --------------------------------------------------------------------------------
def check(ws: Workspace, profile_id: str | None = None, day: dt.date | None = None) -> tuple[dict, staffing.CheckResult]:
    """The roster against a profile's staffing terms on ``day`` (today by default)."""
    profile = profile_service.get_profile(ws, profile_id) if profile_id else profile_service.active_profile(ws)
    day = day or dt.date.today()
    with ws.store.read() as s:
        snapshot = people(s)
    return profile, staffing.evaluate(profile_service.staffing_terms(profile), snapshot, day)


def expiring_certificates(ws: Workspace, day: dt.date | None = None,
                          window_days: int = EXPIRY_WINDOW_DAYS) -> list[ExpiringCertificate]:
    """Certificates of people active on ``day`` that expire within ``window_days`` (or already have)."""
    day = day or dt.date.today()
    limit = day + dt.timedelta(days=window_days)
    out = []
    with ws.store.read() as s:
        rows = s.execute(select(CertificateRow, StaffRow).join(StaffRow, StaffRow.id == CertificateRow.staff_id)
                         .where(CertificateRow.expiry.is_not(None), CertificateRow.expiry <= limit)
                         .order_by(CertificateRow.expiry, StaffRow.staff_no)).all()
        for cert, staff in rows:
            if not _person(staff, []).active_on(day):
                continue
            out.append(ExpiringCertificate(staff.id, staff.staff_no, staff.name, cert.name, cert.expiry,
                                           (cert.expiry - day).days))
    return out
