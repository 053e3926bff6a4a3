"""Inspections in work packages (out to the laptop) and results (back to the office).

Rows travel by uuid (records point at their inspection's uuid, attachments at
their record's). Insert-only, like appeals — with one exception on merge: a
record that is still a draft here and arrives sealed is replaced by the sealed
version (the visit happened on the laptop). A sealed record is never changed;
a sealed record that arrives with another hash than the local one is counted
as a conflict and left alone. Each sealed record received is logged with its
hash (``inspection.record.receive``), so ``verify_seals`` can check it here too.

Hooks (one line each): ``package_service.export_work`` and ``export_results`` put
``export_rows(...)`` under ``payload["inspections"]``; ``import_package`` and
``package_merge.merge_results`` call ``insert_rows(ws, s, p.get("inspections"), ...)``.
"""
from __future__ import annotations

import json
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..store.models.inspection import InspectionAttachmentRow, InspectionRecordRow, InspectionRow
from .package_rows import from_dict, to_dict
from .workspace import Workspace

RECORD_STATE = ("content", "status", "seal_hash", "sealed_by", "sealed_at")


def export_rows(s: Session, users: list[str] | None) -> dict[str, list[dict[str, Any]]]:
    """Inspections carried by (or with a team member among) ``users``; all of them when None."""
    rows = s.execute(select(InspectionRow).order_by(InspectionRow.id)).scalars().all()
    if users is not None:
        wanted = set(users)
        rows = [r for r in rows if r.assigned_to in wanted or wanted & set(json.loads(r.team))]
    by_id = {r.id: r.uuid for r in rows}
    records = s.execute(select(InspectionRecordRow).where(InspectionRecordRow.inspection_id.in_(list(by_id)))
                        .order_by(InspectionRecordRow.id)).scalars().all() if by_id else []
    rec_uuid = {r.id: r.uuid for r in records}
    atts = s.execute(select(InspectionAttachmentRow).where(InspectionAttachmentRow.record_id.in_(list(rec_uuid)))
                     .order_by(InspectionAttachmentRow.id)).scalars().all() if rec_uuid else []
    return {
        "inspections": [to_dict(r, exclude=("id",)) for r in rows],
        "records": [to_dict(r, exclude=("id", "inspection_id", "corrects_id")) | {
            "inspection_uuid": by_id[r.inspection_id],
            "corrects_uuid": rec_uuid.get(r.corrects_id) if r.corrects_id else None} for r in records],
        "attachments": [to_dict(a, exclude=("id", "record_id")) | {"record_uuid": rec_uuid[a.record_id]}
                        for a in atts],
    }


def _insert_record(ws: Workspace, s: Session, r: dict, insp_id: int, corrects_id: int | None,
                   atts: list[dict]) -> InspectionRecordRow:
    d = from_dict(InspectionRecordRow, r)
    sealed = d.get("status") == "sealed"
    # attachments of a sealed record cannot be inserted (trigger): insert as draft, attach, then seal
    row = InspectionRecordRow(**(d | {"inspection_id": insp_id, "corrects_id": corrects_id, "status": "draft",
                                      "seal_hash": None, "sealed_by": None, "sealed_at": None}))
    s.add(row)
    s.flush()
    _insert_attachments(s, row.id, atts)
    if sealed:
        row.status, row.seal_hash, row.sealed_by, row.sealed_at = "sealed", d["seal_hash"], d["sealed_by"], \
            d["sealed_at"]
        s.flush()
        ws.log(s, "inspection.record.receive", "inspection_record", row.id, after={"seal_hash": row.seal_hash},
               details={"uuid": row.uuid, "number": row.number, "seal_hash": row.seal_hash})
    return row


def _insert_attachments(s: Session, record_id: int, atts: list[dict]) -> None:
    for a in atts:
        s.add(InspectionAttachmentRow(**(from_dict(InspectionAttachmentRow, a) | {"record_id": record_id})))
    s.flush()


def insert_rows(ws: Workspace, s: Session, p: dict | None, *, update_drafts: bool = False) -> dict[str, int]:
    """Insert what this store lacks; with ``update_drafts`` (merge) a local draft takes the arriving sealed record."""
    counts = {"inspections": 0, "inspection_records": 0, "inspection_conflicts": 0}
    if not p:
        return counts
    have = dict(s.execute(select(InspectionRow.uuid, InspectionRow.id)).all())
    for r in p.get("inspections", []):
        if r["uuid"] not in have:
            row = InspectionRow(**from_dict(InspectionRow, r))
            s.add(row)
            s.flush()
            have[r["uuid"]] = row.id
            counts["inspections"] += 1
    atts_of: dict[str, list[dict]] = {}
    for a in p.get("attachments", []):
        atts_of.setdefault(a["record_uuid"], []).append(a)
    local = {r.uuid: r for r in s.execute(select(InspectionRecordRow)).scalars()}
    for r in p.get("records", []):  # in id order: a correction comes after what it corrects
        insp_id = have.get(r["inspection_uuid"])
        if insp_id is None:
            continue
        corrects = local.get(r["corrects_uuid"]).id if r.get("corrects_uuid") in local else None
        mine = local.get(r["uuid"])
        if mine is None:
            local[r["uuid"]] = _insert_record(ws, s, r, insp_id, corrects, atts_of.get(r["uuid"], []))
            counts["inspection_records"] += 1
            continue
        if mine.status == "sealed":
            if r.get("status") == "sealed" and r.get("seal_hash") != mine.seal_hash:
                counts["inspection_conflicts"] += 1
            continue
        if update_drafts and r.get("status") == "sealed":
            s.execute(delete(InspectionAttachmentRow).where(InspectionAttachmentRow.record_id == mine.id))
            mine.content, mine.version, mine.updated_at = r["content"], max(mine.version, r["version"]) + 1, \
                r["updated_at"]
            s.flush()
            _insert_attachments(s, mine.id, atts_of.get(r["uuid"], []))
            mine.status, mine.seal_hash, mine.sealed_by, mine.sealed_at = "sealed", r["seal_hash"], \
                r["sealed_by"], r["sealed_at"]
            s.flush()
            ws.log(s, "inspection.record.receive", "inspection_record", mine.id, after={"seal_hash": mine.seal_hash},
                   details={"uuid": mine.uuid, "number": mine.number, "seal_hash": mine.seal_hash,
                            "replaced_draft": True})
            counts["inspection_records"] += 1
    return counts
