"""Merging a results package into the supervisor's store.

Rules (per unit and per finding, identified by uuid; each side has a version
counter bumped on every change):

* the remote side is *unchanged* when its state (the fields a reviewer edits,
  with the finding's fee lines) equals the state last synchronised - the one
  exported in the work package, or the one a previous merge or resolution
  recorded (as SHA-256 digests); the local side likewise. Comparing states,
  not version counters, keeps a unit whose counter moved only because one
  of its findings changed from looking edited;
* only the remote changed -> the remote state is applied (with its version);
* only the local changed, or neither -> nothing is written;
* both changed to the same content -> nothing is written;
* both changed differently -> nothing is overwritten: both versions are kept
  in ``merge_conflicts`` for the supervisor to resolve (local / remote).

Remote events are appended to the local chain with their original event id,
user, time, origin store and origin sequence number (their before/after
digests and details unchanged). An event id already present is skipped, and
a package already merged is not merged again, so merging twice changes
nothing.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from ..core.canonical import digest
from ..core.errors import BadInput, Conflict, NotFound
from ..core.i18n import T
from ..store import event_log
from ..store.models.base import utcnow
from ..store.models.fieldwork import MergeConflictRow, PackageLogRow
from ..store.models.identity import EventRow
from ..store.models.review import EvidenceRow, FindingLineRow, FindingRow, ReviewUnitRow
from ..store.models.claims import FeeLineRow
from . import package_format as fmt
from . import inspection_package  # issue 21
from .package_rows import FINDING_STATE, UNIT_STATE, finding_state, from_dict, to_dict, unit_state
from ..core.progress import Progress, or_silent
from .package_service import PackageResult, insert_review_rows, line_ids_of
from .workspace import Workspace


@dataclass(frozen=True)
class ConflictInfo:
    id: int
    entity: str
    entity_uuid: str
    package_id: str
    local: dict
    remote: dict
    resolved: bool
    resolution: str | None
    resolved_by: str | None


def _sync_map(s, reply_to: list[str], payload_base: dict[str, str]) -> dict[str, tuple[str, str]]:
    """uuid -> (digest of the local state, digest of the remote state) at the last synchronisation.

    Starts from the state exported in the work package; later merges and
    resolutions record what they settled.
    """
    sync = {k: (v, v) for k, v in payload_base.items()}
    for row in s.execute(select(PackageLogRow).where(PackageLogRow.direction == "exported",
                                                     PackageLogRow.package_id.in_(reply_to))).scalars():
        sync |= {k: (v, v) for k, v in json.loads(row.manifest).get("base", {}).items()}
    for row in s.execute(select(PackageLogRow).where(PackageLogRow.direction.in_(("merged", "resolved")))
                         .order_by(PackageLogRow.id)).scalars():
        sync |= {k: tuple(v) for k, v in json.loads(row.manifest).get("sync", {}).items()}
    return sync


def _local_finding(s, row: FindingRow) -> dict[str, Any]:
    lines = sorted(s.execute(select(FeeLineRow.feedetl_sn).join(FindingLineRow, FindingLineRow.fee_line_id
                                                                 == FeeLineRow.id)
                             .where(FindingLineRow.finding_id == row.id)).scalars())
    return to_dict(row, exclude=("id", "unit_id")) | {"lines": lines}


def _apply_finding(s, row: FindingRow, remote: dict, setl_id: str, version: int) -> None:
    values = from_dict(FindingRow, remote)
    for k in FINDING_STATE + ("updated_by", "updated_at"):
        setattr(row, k, values[k])
    row.version = version
    want = sorted(remote.get("lines") or [])
    if want != _local_finding(s, row)["lines"]:
        ids = line_ids_of(s, [setl_id])
        s.query(FindingLineRow).filter(FindingLineRow.finding_id == row.id).delete()
        s.add_all([FindingLineRow(finding_id=row.id, fee_line_id=ids[(setl_id, sn)]) for sn in want])
    s.flush()


def _apply_unit(row: ReviewUnitRow, remote: dict, version: int) -> None:
    values = from_dict(ReviewUnitRow, remote)
    for k in UNIT_STATE:
        setattr(row, k, values[k])
    row.version = version
    row.updated_at = utcnow()


def append_foreign(s, ev: dict) -> bool:
    """Append a remote event keeping its id, author, time, origin and digests. False if already there."""
    if s.execute(select(EventRow.seq).where(EventRow.event_id == ev["event_id"])).first():
        return False
    seq, prev = event_log.head(s)
    fields = {
        "seq": seq + 1, "event_id": ev["event_id"], "at": ev["at"], "user": ev["user"], "action": ev["action"],
        "entity": ev["entity"], "entity_id": str(ev["entity_id"]), "before_digest": ev.get("before_digest"),
        "after_digest": ev.get("after_digest"), "details": ev.get("details") or "{}",
        "origin": ev.get("origin") or "", "origin_seq": ev.get("origin_seq") or ev.get("seq"), "prev_hash": prev,
    }
    s.add(EventRow(**fields, hash=event_log.compute_hash(fields)))
    s.flush()
    return True


def merge_results(ws: Workspace, path: Path, passphrase: str, *, progress: Progress | None = None) -> PackageResult:
    """Merge a results package (supervisor or admin only); see the module docstring."""
    ws.require_supervisor()
    progress = or_silent(progress)
    pkg = fmt.open_package(Path(path), passphrase)
    m, p = pkg.manifest, pkg.payload
    if m.get("kind") != "results":
        raise BadInput(T("这是工作包，应在外勤电脑上导入（package import），而不是合并",
                         "This is a work package: import it on the laptop (package import) rather than merging it"))
    pid = m["package_id"]
    if m.get("source_store") == ws.store_id:
        raise BadInput(T("不能把本数据库导出的结果包合并回本数据库", "A results package cannot be merged into the store "
                         "that wrote it"))
    with ws.store.session() as s:
        if s.execute(select(PackageLogRow.id).where(PackageLogRow.package_id == pid,
                                                     PackageLogRow.direction == "merged")).first():
            return PackageResult(str(path), pid, "results", sha256=pkg.sha256,
                                 extra={"already_merged": True, "events": 0})
        sync = _sync_map(s, list(m.get("in_reply_to") or []), p.get("base", {}))
        new_sync: dict[str, list[int]] = {}
        units = {u.uuid: u for u in s.execute(select(ReviewUnitRow).where(
            ReviewUnitRow.uuid.in_([r["uuid"] for r in p.get("units", [])]))).scalars()}
        changed_units = changed_findings = conflicts = 0
        total = len(p.get("units", [])) + len(p.get("findings", [])) + 1
        done = 0
        for r in p.get("units", []):
            done += 1
            local = units.get(r["uuid"])
            if local is None:
                continue  # the unit was not sent from here; nothing to attach it to
            mine, theirs = unit_state(to_dict(local)), unit_state(r)
            outcome = _decide(sync.get(r["uuid"]), mine, theirs)
            if outcome == "apply":
                _apply_unit(local, r, max(local.version, r["version"]))
                changed_units += 1
            elif outcome == "conflict":
                conflicts += _conflict(s, "unit", r["uuid"], pid, to_dict(local, exclude=("id", "sample_id")), r)
            if outcome in ("apply", "same"):
                new_sync[r["uuid"]] = [digest(theirs), digest(theirs)]
            progress.report(done, total)
        s.flush()
        unit_ids = {u: row.id for u, row in units.items()}
        unit_setl = {u: row.setl_id for u, row in units.items()}
        local_f = {f.uuid: f for f in s.execute(select(FindingRow).where(
            FindingRow.uuid.in_([r["uuid"] for r in p.get("findings", [])]))).scalars()}
        for r in p.get("findings", []):
            done += 1
            local = local_f.get(r["uuid"])
            if local is None or r["unit_uuid"] not in unit_ids:
                continue  # new findings are inserted below
            mine = _local_finding(s, local)
            theirs = finding_state(r)
            outcome = _decide(sync.get(r["uuid"]), finding_state(mine), theirs)
            if outcome == "apply":
                _apply_finding(s, local, r, unit_setl[r["unit_uuid"]], max(local.version, r["version"]))
                changed_findings += 1
            elif outcome == "conflict":
                conflicts += _conflict(s, "finding", r["uuid"], pid, mine, r)
            if outcome in ("apply", "same"):
                new_sync[r["uuid"]] = [digest(theirs), digest(theirs)]
            progress.report(done, total)
        inserted = insert_review_rows(s, p, unit_ids, line_ids_of(s, sorted(set(unit_setl.values()))))
        for r in p.get("findings", []):
            if r["uuid"] not in local_f and r["unit_uuid"] in unit_ids:
                new_sync[r["uuid"]] = [digest(finding_state(r))] * 2
        changed_findings += inserted
        _sync_evidence_deletions(s, p, conflicted={c for c in _conflicted(s, pid)})
        inspection_package.insert_rows(ws, s, p.get("inspections"), update_drafts=True)  # issue 21
        events = sum(append_foreign(s, ev) for ev in p.get("events", []))
        s.add(PackageLogRow(package_id=pid, direction="merged", file_sha256=pkg.sha256,
                            manifest=json.dumps(m | {"sync": new_sync}, ensure_ascii=False), user=ws.user.name))
        summary = {"units": changed_units, "findings": changed_findings, "conflicts": conflicts, "events": events}
        ws.log(s, "package.merge", "package", pid, after=m,
               details={"file": Path(path).name, "sha256": pkg.sha256, "source_store": m.get("source_store")}
               | summary)
        progress.report(total, total)
    return PackageResult(str(path), pid, "results", units=changed_units, findings=changed_findings,
                         conflicts=conflicts, sha256=pkg.sha256, extra={"events": events, "already_merged": False})


def _decide(synced: tuple[str, str] | None, local_state: dict, remote_state: dict) -> str:
    """apply | keep | same | conflict, by comparing each side's state with the last synchronised one."""
    if local_state == remote_state:
        return "same"
    base_local, base_remote = synced if synced else (None, None)
    if digest(remote_state) == base_remote:
        return "keep"
    if digest(local_state) == base_local:
        return "apply"
    return "conflict"


def _conflict(s, entity: str, entity_uuid: str, pid: str, local: dict, remote: dict) -> int:
    s.add(MergeConflictRow(entity=entity, entity_uuid=entity_uuid, package_id=pid,
                           local=json.dumps(local, ensure_ascii=False, sort_keys=True, default=str),
                           remote=json.dumps(remote, ensure_ascii=False, sort_keys=True, default=str)))
    s.flush()
    return 1


def _conflicted(s, pid: str) -> list[str]:
    return list(s.execute(select(MergeConflictRow.entity_uuid).where(MergeConflictRow.package_id == pid)).scalars())


def _sync_evidence_deletions(s, p: dict, conflicted: set[str]) -> None:
    """An evidence file removed (or restored) remotely follows, unless its finding is in conflict."""
    remote = {r["uuid"]: r for r in p.get("evidence", []) if r["finding_uuid"] not in conflicted}
    if not remote:
        return
    for row in s.execute(select(EvidenceRow).where(EvidenceRow.uuid.in_(list(remote)))).scalars():
        want = bool(remote[row.uuid].get("deleted"))
        if row.deleted != want:
            row.deleted = want


# -- conflicts -----------------------------------------------------------------------------------
def list_conflicts(ws: Workspace, *, open_only: bool = True) -> list[ConflictInfo]:
    with ws.store.read() as s:
        q = select(MergeConflictRow).order_by(MergeConflictRow.id)
        if open_only:
            q = q.where(MergeConflictRow.resolved.is_(False))
        return [ConflictInfo(r.id, r.entity, r.entity_uuid, r.package_id, json.loads(r.local), json.loads(r.remote),
                             r.resolved, r.resolution, r.resolved_by) for r in s.execute(q).scalars()]


def resolve_conflict(ws: Workspace, conflict_id: int, choice: str) -> None:
    """Keep the local or take the remote version; the result gets a version newer than both."""
    ws.require_supervisor()
    if choice not in ("local", "remote"):
        raise BadInput(T("未知的处理方式：{c}", "unknown resolution: {c}"), c=choice)
    with ws.store.session() as s:
        c = s.get(MergeConflictRow, conflict_id)
        if c is None:
            raise NotFound(what=f"conflict {conflict_id}")
        if c.resolved:
            raise Conflict(detail=T("该冲突已处理", "the conflict is already resolved").render(ws.lang))
        local, remote = json.loads(c.local), json.loads(c.remote)
        model = FindingRow if c.entity == "finding" else ReviewUnitRow
        row = s.execute(select(model).where(model.uuid == c.entity_uuid)).scalar_one()
        before = finding_state(_local_finding(s, row)) if c.entity == "finding" else unit_state(to_dict(row))
        version = max(row.version, int(remote["version"])) + 1
        if choice == "remote":
            if c.entity == "finding":
                unit = s.get(ReviewUnitRow, row.unit_id)
                _apply_finding(s, row, remote, unit.setl_id, version)
            else:
                _apply_unit(row, remote, version)
        else:
            row.version = version
        if c.entity == "finding":
            row.updated_by, row.updated_at = ws.user.name, utcnow()
        after = finding_state(_local_finding(s, row)) if c.entity == "finding" else unit_state(to_dict(row))
        c.resolved, c.resolution, c.resolved_by = True, choice, ws.user.name
        # both states are now settled: a later package still carrying the same remote state is "unchanged"
        state = finding_state if c.entity == "finding" else unit_state
        s.add(PackageLogRow(package_id=c.package_id, direction="resolved", file_sha256="",
                            manifest=json.dumps({"sync": {c.entity_uuid: [digest(after), digest(state(remote))]}}),
                            user=ws.user.name))
        ws.log(s, "package.conflict.resolve", c.entity, row.id, before=before, after=after,
               details={"conflict": c.id, "uuid": c.entity_uuid, "choice": choice, "package": c.package_id,
                        "local_version": local.get("version"), "remote_version": remote.get("version")})
