"""Importing the staff roster (a kind of import_service's files): staff rows and their certificates."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Callable

from sqlalchemy.orm import Session

from ..core import import_format as fmt
from ..store.models.roster import CertificateRow, StaffRow
from .import_rows import DUPLICATE_KEY, data_rows, make_rejection, record_rejection, row_digest, row_parser
from .workspace import Workspace


def _parse_certificates(text: str | None) -> list[tuple[str, dt.date | None]]:
    """'医保审核员证 2026-12-31；执业医师资格证' → [(name, expiry or None), ...]."""
    import re

    if not text:
        return []
    out = []
    for part in re.split(r"[;；\n]", text):
        part = part.strip()
        if not part:
            continue
        m = re.search(r"[\s:：(（,，]*(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{8})[)）]?$", part)
        expiry = None
        name = part
        if m:
            expiry = dt.date.fromisoformat(fmt.parse_date(m.group(1)))
            name = part[:m.start()].strip() or part
        out.append((name, expiry))
    return out


def _birth_from_certno(certno: str | None) -> dt.date | None:
    if not certno or len(certno) != 18 or not certno[:17].isdigit():
        return None
    try:
        return dt.date(int(certno[6:10]), int(certno[10:12]), int(certno[12:14]))
    except ValueError:
        return None


def import_roster(ws: Workspace, session: Session, path: Path, facts, hmap: fmt.HeaderMap, batch_id: int,
                  res: "ImportFileResult", tick: Callable[[int], None]) -> None:
    parse = row_parser(fmt.ROSTER, hmap, path.name)
    codes = fmt.SPECS[fmt.ROSTER].codes
    seen: dict[str, int] = {}
    for number, cells in data_rows(path, facts):
        res.rows += 1
        values, extra, problems = parse(number, cells)
        if not problems:
            rec = dict(zip(codes, values))
            try:
                certs = _parse_certificates(rec["certificates"])
            except fmt.ValueProblem as exc:
                problems = [make_rejection(path.name, number, "certificates", exc.reason, **exc.params)]
        if problems:
            for p in problems:
                record_rejection(res, p, count=p is problems[0])
            continue
        if rec["staff_no"] in seen:
            record_rejection(res, make_rejection(path.name, number, "staff_no", DUPLICATE_KEY, first=seen[rec["staff_no"]],
                                    key=rec["staff_no"]))
            continue
        seen[rec["staff_no"]] = number
        digest = row_digest(values, extra)
        fields = dict(
            name=rec["name"], certno=rec["certno"], birth_date=_birth_from_certno(rec["certno"]),
            qualification=rec["qualification"] or "other", post=rec["post"] or "", centre=rec["centre"] or "市级",
            education=rec["education"] or "",
            start_date=dt.date.fromisoformat(rec["start_date"]) if rec["start_date"] else None,
            end_date=dt.date.fromisoformat(rec["end_date"]) if rec["end_date"] else None,
            extra=extra, row_digest=digest, updated_by=ws.user.name,
        )
        staff = session.query(StaffRow).filter_by(staff_no=rec["staff_no"]).one_or_none()
        if staff is not None and staff.row_digest == digest:
            res.unchanged += 1
            continue
        public = {"staff_no": rec["staff_no"], "row_digest": digest}
        if staff is None:
            staff = StaffRow(staff_no=rec["staff_no"], **fields)
            session.add(staff)
            session.flush()
            res.inserted += 1
            ws.log(session, "roster.import", "staff", staff.id, after=public, details={"row": number})
        else:
            before = {"staff_no": staff.staff_no, "row_digest": staff.row_digest}
            for k, v in fields.items():
                setattr(staff, k, v)
            staff.updated_at = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)
            session.query(CertificateRow).filter_by(staff_id=staff.id).delete()
            res.updated += 1
            ws.log(session, "roster.import", "staff", staff.id, before=before, after=public,
                   details={"row": number})
        for name, expiry in certs:
            session.add(CertificateRow(staff_id=staff.id, name=name, expiry=expiry))
        session.flush()
        if res.rows % 200 == 0:
            tick(res.rows)
    tick(res.rows)


