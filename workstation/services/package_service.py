"""Work packages for laptops and the results that come back.

A supervisor exports a *work* package for one reviewer or a team: the units
assigned to them (optionally only those of one sample) with their
settlements, fee lines, flags and the findings/evidence/appeals already made
on them, the catalog, the active contract profile and the versions of the
rule and violation catalogs - nothing else (no other settlement, no key slot,
no user, no other evidence). The laptop imports it into its own store; the
reviewer works; the laptop exports a *results* package (units, findings,
evidence, appeals and the events made since the import), which the
supervisor merges (``package_merge``).

Every package is one file (``package_format``) encrypted to a passphrase,
with an authenticated manifest: id, kind, for whom, by whom, when, expiry,
counts, source store.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select

from ..core.canonical import digest
from ..core.errors import BadInput, Conflict, NotPermitted
from ..core.progress import Progress, or_silent
from ..core.i18n import T
from ..paths import resource
from ..store.event_log import now_iso
from ..store.models.claims import CatalogItemRow, FeeLineRow, SettlementRow
from ..store.models.fieldwork import PackageLogRow
from ..store.models.identity import EventRow, ProfileRow, SettingRow
from ..store.models.review import AppealRow, EvidenceRow, FindingLineRow, FindingRow, ReviewUnitRow
from ..store.models.sampling import SampleRow
from ..store.models.screening import FlagRow
from . import package_format as fmt
from . import profile_service
from . import inspection_package  # issue 21
from .package_rows import finding_state, from_dict, to_dict, unit_state
from .workspace import Workspace

DEFAULT_EXPIRY_DAYS = 30
# Events a laptop makes about itself, which the supervisor's store has no use for.
LOCAL_ACTIONS = ("package.", "store.", "user.", "setting.", "profile.", "signing.", "backup.")



@dataclass
class PackageResult:
    file: str
    package_id: str
    kind: str
    units: int = 0
    findings: int = 0
    conflicts: int = 0
    sha256: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {"file": self.file, "units": self.units, "findings": self.findings, "conflicts": self.conflicts,
                "package_id": self.package_id, "kind": self.kind, "sha256": self.sha256} | self.extra


def catalog_versions() -> dict[str, str]:
    """SHA-256 of the shipped rule and violation catalogs (their 'version' for a package)."""
    out = {}
    for name in ("rules.json", "violations.json"):
        out[name] = hashlib.sha256(Path(resource("catalogs", name)).read_bytes()).hexdigest()
    return out


def _chunks(items: list, n: int = 500):
    for i in range(0, len(items), n):
        yield items[i:i + n]


# -- export of a work package ------------------------------------------------------------
def export_work(ws: Workspace, path: Path, passphrase: str, *, users: list[str], sample_id: int | None = None,
                expires: dt.date | None = None, progress: Progress | None = None) -> PackageResult:
    """Write a work package for ``users`` (supervisor or admin only)."""
    ws.require_supervisor()
    progress = or_silent(progress)
    users = [u.strip() for u in users if u and u.strip()]
    if not users:
        raise BadInput(T("请指定接收工作包的用户", "Name the user(s) the package is for"))
    expires = expires or dt.date.today() + dt.timedelta(days=DEFAULT_EXPIRY_DAYS)
    if expires < dt.date.today():
        raise BadInput(T("有效期不能早于今天", "The expiry date must not be in the past"))
    payload: dict[str, Any] = {}
    with ws.store.read() as s:
        q = select(ReviewUnitRow).where(ReviewUnitRow.assigned_to.in_(users)).order_by(ReviewUnitRow.id)
        if sample_id is not None:
            q = q.where(ReviewUnitRow.sample_id == int(sample_id))
        units = s.execute(q).scalars().all()
        if not units:
            raise BadInput(T("没有分配给 {who} 的审核单元", "No review units are assigned to {who}"),
                           who=", ".join(users))
        progress.report(1, 8)
        setl_ids = sorted({u.setl_id for u in units})
        samples = {}
        for u in units:
            if u.sample_id is not None and u.sample_id not in samples:
                samples[u.sample_id] = s.get(SampleRow, u.sample_id)
        payload["samples"] = [to_dict(r, exclude=("id",)) for r in samples.values()]
        payload["units"] = [to_dict(u, exclude=("id", "sample_id")) | {
            "sample_code": samples[u.sample_id].code if u.sample_id is not None else None} for u in units]
        unit_uuid = {u.id: u.uuid for u in units}
        settlements, fee_lines, flags = [], [], []
        for chunk in _chunks(setl_ids):
            settlements += [to_dict(r, exclude=("batch_id",)) for r in s.execute(
                select(SettlementRow).where(SettlementRow.setl_id.in_(chunk))).scalars()]
            fee_lines += [to_dict(r, exclude=("id", "batch_id")) for r in s.execute(
                select(FeeLineRow).where(FeeLineRow.setl_id.in_(chunk)).order_by(FeeLineRow.id)).scalars()]
            flags += [to_dict(r, exclude=("id", "run_id", "fee_line_id")) for r in s.execute(
                select(FlagRow).where(FlagRow.setl_id.in_(chunk)).order_by(FlagRow.id)).scalars()]
            progress.report(2, 8)
        payload |= {"settlements": settlements, "fee_lines": fee_lines, "flags": flags}
        payload["catalog"] = [to_dict(r, exclude=("batch_id",)) for r in s.execute(
            select(CatalogItemRow).order_by(CatalogItemRow.med_list_codg)).scalars()]
        progress.report(4, 8)
        findings, evidence, appeals = _review_rows(s, unit_uuid)
        payload |= {"findings": findings, "evidence": evidence, "appeals": appeals}
        payload["inspections"] = inspection_package.export_rows(s, users)  # issue 21
        progress.report(6, 8)
    profile_id = profile_service.active_profile_id(ws)
    profile = profile_service.get_profile(ws, profile_id)
    payload["profile"] = {"id": profile_id, "data": profile}
    base = {u["uuid"]: digest(unit_state(u)) for u in payload["units"]} | {
        f["uuid"]: digest(finding_state(f)) for f in findings}
    payload["base"] = base
    manifest = {
        "package_id": str(uuid.uuid4()),
        "kind": "work",
        "for": users,
        "by": ws.user.name,
        "created": now_iso(),
        "expires": expires.isoformat(),
        "source_store": ws.store_id,
        "sample_id": sample_id,
        "catalogs": catalog_versions(),
        "profile": profile_id,
        "counts": {"units": len(units), "settlements": len(settlements), "fee_lines": len(fee_lines),
                   "flags": len(flags), "findings": len(findings), "evidence": len(evidence),
                   "appeals": len(appeals), "catalog": len(payload["catalog"])},
    }
    sha = fmt.write_package(Path(path), manifest, payload, passphrase)
    progress.report(7, 8)
    with ws.store.session() as s:
        s.add(PackageLogRow(package_id=manifest["package_id"], direction="exported", file_sha256=sha,
                            manifest=json.dumps(manifest | {"base": base}, ensure_ascii=False), user=ws.user.name))
        ws.log(s, "package.export", "package", manifest["package_id"], after=manifest,
               details={"file": Path(path).name, "sha256": sha, "kind": "work", "for": users})
    progress.report(8, 8)
    return PackageResult(str(path), manifest["package_id"], "work", units=len(units), findings=len(findings),
                         sha256=sha, extra={"expires": manifest["expires"]})


def _review_rows(s, unit_uuid: dict[int, str]) -> tuple[list, list, list]:
    """Findings (with their lines as fee-line serial numbers), evidence and appeals of the units."""
    findings, evidence, appeals = [], [], []
    for chunk in _chunks(list(unit_uuid)):
        rows = s.execute(select(FindingRow).where(FindingRow.unit_id.in_(chunk)).order_by(FindingRow.id)).scalars().all()
        if not rows:
            continue
        fuuid = {f.id: f.uuid for f in rows}
        lines: dict[int, list[str]] = {}
        for fid, sn in s.execute(select(FindingLineRow.finding_id, FeeLineRow.feedetl_sn)
                                 .join(FeeLineRow, FeeLineRow.id == FindingLineRow.fee_line_id)
                                 .where(FindingLineRow.finding_id.in_(list(fuuid)))):
            lines.setdefault(fid, []).append(sn)
        for f in rows:
            findings.append(to_dict(f, exclude=("id", "unit_id")) | {"unit_uuid": unit_uuid[f.unit_id],
                                                                      "lines": sorted(lines.get(f.id, []))})
        for e in s.execute(select(EvidenceRow).where(EvidenceRow.finding_id.in_(list(fuuid)))
                           .order_by(EvidenceRow.id)).scalars():
            evidence.append(to_dict(e, exclude=("id", "finding_id")) | {"finding_uuid": fuuid[e.finding_id]})
        for a in s.execute(select(AppealRow).where(AppealRow.finding_id.in_(list(fuuid)))
                           .order_by(AppealRow.id)).scalars():
            appeals.append(to_dict(a, exclude=("id", "finding_id")) | {"finding_uuid": fuuid[a.finding_id]})
    return findings, evidence, appeals


# -- import of a work package on the laptop ---------------------------------------------------
def import_package(ws: Workspace, path: Path, passphrase: str, *, progress: Progress | None = None) -> PackageResult:
    """Bring a work package into this store. Importing the same package twice changes nothing."""
    progress = or_silent(progress)
    pkg = fmt.open_package(Path(path), passphrase)
    m, p = pkg.manifest, pkg.payload
    if m.get("kind") != "work":
        raise BadInput(T("这是结果包，应由组长合并（package merge），而不是导入",
                         "This is a results package: a supervisor merges it (package merge) rather than importing it"))
    if ws.user.name not in m.get("for", []) and not ws.user.is_admin:
        raise NotPermitted(detail=T("该工作包是发给 {who} 的", "the package is for {who}").render(
            ws.lang, who=", ".join(m.get("for", []))))
    pid = m["package_id"]
    with ws.store.session() as s:
        if s.execute(select(PackageLogRow.id).where(PackageLogRow.package_id == pid,
                                                     PackageLogRow.direction == "imported")).first():
            return PackageResult(str(path), pid, "work", sha256=pkg.sha256, extra={"already_imported": True})
        counts = _insert_work(s, p, progress)
        counts |= inspection_package.insert_rows(ws, s, p.get("inspections"))  # issue 21
        _install_profile(ws, s, p.get("profile"))
        s.add(PackageLogRow(package_id=pid, direction="imported", file_sha256=pkg.sha256,
                            manifest=json.dumps(m | {"base": p.get("base", {})}, ensure_ascii=False),
                            user=ws.user.name))
        mismatch = sorted(k for k, v in (m.get("catalogs") or {}).items() if catalog_versions().get(k) != v)
        ws.log(s, "package.import", "package", pid, after=m,
               details={"file": Path(path).name, "sha256": pkg.sha256, "counts": counts,
                        "source_store": m.get("source_store"), "catalog_mismatch": mismatch})
    return PackageResult(str(path), pid, "work", units=counts["units"], findings=counts["findings"],
                         sha256=pkg.sha256, extra={"catalog_mismatch": mismatch, "expires": m.get("expires")})


def _install_profile(ws: Workspace, s, profile: dict | None) -> None:
    if not profile:
        return
    pid, data = profile["id"], profile["data"]
    row = s.get(ProfileRow, pid)
    if row is None:
        s.add(ProfileRow(id=pid, name_zh=data.get("name_zh", pid), name_en=data.get("name_en", pid),
                         data=json.dumps(data, ensure_ascii=False), builtin=False, updated_by=ws.user.name))
        ws.log(s, "profile.add", "profile", pid, after=data, details={"from_package": True})
    active = s.get(SettingRow, profile_service.ACTIVE_KEY)
    if active is None or json.loads(active.value) != pid:
        from . import settings_service

        settings_service.put(ws, profile_service.ACTIVE_KEY, pid, session=s)


def _insert_work(s, p: dict, progress: Progress) -> dict[str, int]:
    """Insert what this store does not have yet; never overwrite what it has."""
    have_cat = set(s.execute(select(CatalogItemRow.med_list_codg)).scalars())
    cat = [from_dict(CatalogItemRow, r) for r in p.get("catalog", []) if r["med_list_codg"] not in have_cat]
    for chunk in _chunks(cat):
        s.execute(insert(CatalogItemRow), chunk)
    progress.report(1, 6)
    setl_ids = [r["setl_id"] for r in p.get("settlements", [])]
    have_setl = set()
    for chunk in _chunks(setl_ids):
        have_setl |= set(s.execute(select(SettlementRow.setl_id).where(SettlementRow.setl_id.in_(chunk))).scalars())
    new_setl = [from_dict(SettlementRow, r) for r in p.get("settlements", []) if r["setl_id"] not in have_setl]
    for chunk in _chunks(new_setl):
        s.execute(insert(SettlementRow), chunk)
    new_ids = {r["setl_id"] for r in new_setl}
    lines = [from_dict(FeeLineRow, r) for r in p.get("fee_lines", []) if r["setl_id"] in new_ids]
    for chunk in _chunks(lines):
        s.execute(insert(FeeLineRow), chunk)
    progress.report(2, 6)
    line_id = line_ids_of(s, setl_ids)
    flags = []
    for r in p.get("flags", []):
        if r["setl_id"] in new_ids:
            d = from_dict(FlagRow, r)
            d["fee_line_id"] = line_id.get((r["setl_id"], r.get("feedetl_sn"))) if r.get("feedetl_sn") else None
            flags.append(d)
    for chunk in _chunks(flags):
        s.execute(insert(FlagRow), chunk)
    progress.report(3, 6)
    sample_ids = {}
    for r in p.get("samples", []):
        row = s.execute(select(SampleRow).where(SampleRow.code == r["code"])).scalar_one_or_none()
        if row is None:
            row = SampleRow(**from_dict(SampleRow, r))
            s.add(row)
            s.flush()
        sample_ids[r["code"]] = row.id
    have_units = dict(s.execute(select(ReviewUnitRow.uuid, ReviewUnitRow.id)).all())
    new_units = []
    for r in p.get("units", []):
        if r["uuid"] not in have_units:
            d = from_dict(ReviewUnitRow, r)
            d["sample_id"] = sample_ids.get(r.get("sample_code"))
            new_units.append(d)
    for chunk in _chunks(new_units):
        s.execute(insert(ReviewUnitRow), chunk)
    n_units = len(new_units)
    if new_units:
        have_units = dict(s.execute(select(ReviewUnitRow.uuid, ReviewUnitRow.id)).all())
    progress.report(4, 6)
    n_findings = insert_review_rows(s, p, have_units, line_id)
    progress.report(6, 6)
    return {"units": n_units, "settlements": len(new_setl), "fee_lines": len(lines), "flags": len(flags),
            "catalog": len(cat), "findings": n_findings}


def line_ids_of(s, setl_ids: list[str]) -> dict[tuple[str, str], int]:
    out = {}
    for chunk in _chunks(setl_ids):
        for fid, sid, sn in s.execute(select(FeeLineRow.id, FeeLineRow.setl_id, FeeLineRow.feedetl_sn)
                                      .where(FeeLineRow.setl_id.in_(chunk))):
            out[(sid, sn)] = fid
    return out


def insert_review_rows(s, p: dict, unit_ids: dict[str, int], line_id: dict[tuple[str, str], int],
                       *, skip_findings: set[str] = frozenset()) -> int:
    """Insert the package's findings, lines, evidence and appeals this store lacks (by uuid)."""
    unit_setl = dict(s.execute(select(ReviewUnitRow.uuid, ReviewUnitRow.setl_id)
                               .where(ReviewUnitRow.uuid.in_(list(unit_ids)))).all()) if unit_ids else {}
    have_f = dict(s.execute(select(FindingRow.uuid, FindingRow.id)).all())
    n = 0
    for r in p.get("findings", []):
        if r["uuid"] in have_f or r["uuid"] in skip_findings or r["unit_uuid"] not in unit_ids:
            continue
        d = from_dict(FindingRow, r)
        d["unit_id"] = unit_ids[r["unit_uuid"]]
        row = FindingRow(**d)
        s.add(row)
        s.flush()
        have_f[r["uuid"]] = row.id
        setl = unit_setl[r["unit_uuid"]]
        missing = [sn for sn in r.get("lines", []) if (setl, sn) not in line_id]
        if missing:
            raise Conflict(detail=f"fee lines {missing[:3]} of settlement {setl} are not in this store")
        s.add_all([FindingLineRow(finding_id=row.id, fee_line_id=line_id[(setl, sn)]) for sn in r.get("lines", [])])
        n += 1
    have_e = set(s.execute(select(EvidenceRow.uuid)).scalars())
    for r in p.get("evidence", []):
        if r["uuid"] not in have_e and r["finding_uuid"] in have_f:
            d = from_dict(EvidenceRow, r)
            if hashlib.sha256(d["content"]).hexdigest() != d["sha256"]:
                raise BadInput(T("证据文件校验失败（SHA-256 不符）", "the evidence file fails its SHA-256 check"),
                               file=d.get("file_name"))
            s.add(EvidenceRow(**d, finding_id=have_f[r["finding_uuid"]]))
            have_e.add(r["uuid"])
    have_a = set(s.execute(select(AppealRow.uuid)).scalars())
    for r in p.get("appeals", []):
        if r["uuid"] not in have_a and r["finding_uuid"] in have_f:
            s.add(AppealRow(**from_dict(AppealRow, r), finding_id=have_f[r["finding_uuid"]]))
            have_a.add(r["uuid"])
    s.flush()
    return n


# -- results package on the laptop ---------------------------------------------------------------
def export_results(ws: Workspace, path: Path, passphrase: str, *, expires: dt.date | None = None,
                   progress: Progress | None = None) -> PackageResult:
    """Write what was done here on the units of the imported work packages."""
    progress = or_silent(progress)
    expires = expires or dt.date.today() + dt.timedelta(days=DEFAULT_EXPIRY_DAYS)
    with ws.store.read() as s:
        imported = s.execute(select(PackageLogRow).where(PackageLogRow.direction == "imported")
                             .order_by(PackageLogRow.id)).scalars().all()
        if not imported:
            raise BadInput(T("此数据库没有导入过工作包，无结果可导出",
                             "No work package was imported into this store; there are no results to export"))
        base: dict[str, str] = {}
        replies, senders = [], set()
        for row in imported:
            m = json.loads(row.manifest)
            base |= m.get("base", {})
            replies.append(m["package_id"])
            senders.add(m.get("by", ""))
        first_seq = s.execute(select(EventRow.seq).where(EventRow.action == "package.import")
                              .order_by(EventRow.seq).limit(1)).scalar_one()
        units = s.execute(select(ReviewUnitRow).where(ReviewUnitRow.uuid.in_(
            [k for k in base]))).scalars().all()
        progress.report(1, 4)
        unit_uuid = {u.id: u.uuid for u in units}
        payload: dict[str, Any] = {"units": [to_dict(u, exclude=("id", "sample_id")) for u in units]}
        findings, evidence, appeals = _review_rows(s, unit_uuid)
        payload |= {"findings": findings, "evidence": evidence, "appeals": appeals, "base": base}
        payload["inspections"] = inspection_package.export_rows(s, None)  # issue 21
        progress.report(2, 4)
        events = []
        for ev in s.execute(select(EventRow).where(EventRow.seq > first_seq).order_by(EventRow.seq)).scalars():
            if not ev.action.startswith(LOCAL_ACTIONS):
                events.append(to_dict(ev, exclude=("prev_hash", "hash")))
        payload["events"] = events
        progress.report(3, 4)
    manifest = {
        "package_id": str(uuid.uuid4()),
        "kind": "results",
        "for": sorted(senders),
        "by": ws.user.name,
        "created": now_iso(),
        "expires": expires.isoformat(),
        "source_store": ws.store_id,
        "in_reply_to": replies,
        "counts": {"units": len(units), "findings": len(findings), "evidence": len(evidence),
                   "appeals": len(appeals), "events": len(events)},
    }
    sha = fmt.write_package(Path(path), manifest, payload, passphrase)
    with ws.store.session() as s:
        s.add(PackageLogRow(package_id=manifest["package_id"], direction="results_out", file_sha256=sha,
                            manifest=json.dumps(manifest, ensure_ascii=False), user=ws.user.name))
        ws.log(s, "package.results", "package", manifest["package_id"], after=manifest,
               details={"file": Path(path).name, "sha256": sha, "kind": "results"})
    progress.report(4, 4)
    return PackageResult(str(path), manifest["package_id"], "results", units=len(units), findings=len(findings),
                         sha256=sha, extra={"events": len(events), "expires": manifest["expires"]})


def export_choices(ws: Workspace) -> dict[str, list]:
    """Who has units assigned (with counts) and which samples they come from, for the export form."""
    from sqlalchemy import func

    with ws.store.read() as s:
        users = [(u, n) for u, n in s.execute(
            select(ReviewUnitRow.assigned_to, func.count()).where(ReviewUnitRow.assigned_to.is_not(None))
            .group_by(ReviewUnitRow.assigned_to).order_by(ReviewUnitRow.assigned_to)).all()]
        samples = [(i, c) for i, c in s.execute(
            select(SampleRow.id, SampleRow.code).where(SampleRow.id.in_(
                select(ReviewUnitRow.sample_id).where(ReviewUnitRow.sample_id.is_not(None))))
            .order_by(SampleRow.id)).all()]
    return {"users": users, "samples": samples}
