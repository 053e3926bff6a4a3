"""What a dossier contains: collected from the store into plain JSON (the snapshot).

The snapshot is what gets rendered and signed; its ``content_sha256`` (over
everything except the compile time and the event-log head) lets approval check
that nothing changed between submission and approval.
"""
from __future__ import annotations

import datetime as dt
import json
from fractions import Fraction
from dataclasses import dataclass

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from ..core.canonical import digest
from ..core.identity import ROLE_LABELS, Role
from ..core.import_format import price_text
from ..core.money import fen_to_str
from ..store import event_log
from ..store.models.claims import FeeLineRow, SettlementRow
from ..store.models.identity import ProfileRow, UserRow
from ..store.models.review import AppealRow, EvidenceRow, FindingLineRow, FindingRow, ReviewUnitRow
from ..store.models.sampling import SampleRow
from . import catalog_service, dossier_appraisal_text, profile_service
from .amount_basis import finding_fund_amounts
from . import inspection_exhibits  # issue 21
from .workspace import Workspace

FORMAT = "workstation-dossier/1"
CONFIDENCE = Fraction(9, 10)
# Units in these states have not been reviewed yet (the review area's queue states).
UNREVIEWED = ("pending", "assigned", "in_progress", "open", "draft")
FINDING_STATUS = {"confirmed": "确认违规", "doubtful": "疑点（待申诉）", "withdrawn": "已撤回"}
APPEAL_STATUS = {"open": "申诉期内", "answered": "已答复", "confirmed_silence": "逾期未申诉（视为认可）", "closed": "已结案"}
APPEAL_OUTCOME = {"upheld": "维持", "withdrawn": "撤销", "adjusted": "调整"}


@dataclass(frozen=True)
class Scope:
    institution: str | None = None
    period_from: dt.date | None = None
    period_to: dt.date | None = None
    sample_id: int | None = None


def mask_name(name: str | None) -> str:
    if not name:
        return ""
    return name[0] + "*" * max(1, len(name) - 1)


def mask_id(certno: str | None) -> str:
    if not certno:
        return ""
    if len(certno) <= 10:
        return certno[:2] + "*" * max(0, len(certno) - 2)
    return certno[:6] + "*" * (len(certno) - 10) + certno[-4:]


def _setl_date():
    return func.coalesce(func.substr(SettlementRow.setl_time, 1, 10), SettlementRow.enddate)


def _settlement_filter(scope: Scope) -> list:
    conds = []
    if scope.institution:
        conds.append(SettlementRow.fixmedins_code == scope.institution)
    if scope.period_from:
        conds.append(_setl_date() >= scope.period_from.isoformat())
    if scope.period_to:
        conds.append(_setl_date() <= scope.period_to.isoformat())
    return conds


def units_query(scope: Scope):
    q = select(ReviewUnitRow, SettlementRow).join(SettlementRow, SettlementRow.setl_id == ReviewUnitRow.setl_id)
    conds = _settlement_filter(scope)
    if scope.sample_id is not None:
        conds.append(ReviewUnitRow.sample_id == scope.sample_id)
    return q.where(and_(*conds)) if conds else q


def _reviewed(unit: ReviewUnitRow) -> bool:
    return unit.decided_at is not None or unit.status not in UNREVIEWED


def _users(s: Session) -> dict[str, UserRow]:
    return {u.name: u for u in s.execute(select(UserRow)).scalars()}


def _frame_units(s: Session, scope: Scope) -> int:
    """Settlements in the dossier's institution and period (the population of a dossier without a sample)."""
    q = select(func.count()).select_from(SettlementRow)
    conds = _settlement_filter(scope)
    return s.execute(q.where(and_(*conds)) if conds else q).scalar_one()


def _load_findings(s: Session, unit_ids: list[int]) -> list[FindingRow]:
    """The findings listed in the dossier: not deleted, not withdrawn, in unit order."""
    rows: list[FindingRow] = []
    for i in range(0, len(unit_ids), 500):
        rows += s.execute(select(FindingRow).where(
            FindingRow.unit_id.in_(unit_ids[i:i + 500]), FindingRow.deleted.is_(False),
            FindingRow.status != "withdrawn")).scalars().all()
    rows.sort(key=lambda f: (f.unit_id, f.id))
    return rows


@dataclass
class _Details:
    lines: dict[int, list[dict]]
    evidence: dict[int, list[dict]]
    appeals: dict[int, list[AppealRow]]


def _load_details(s: Session, fids: list[int], progress=None) -> _Details:
    """Fee lines, evidence metadata and appeals of the findings, in chunks."""
    d = _Details({}, {}, {})
    for i in range(0, len(fids), 500):
        chunk = fids[i:i + 500]
        for fid, fl in s.execute(select(FindingLineRow.finding_id, FeeLineRow).join(
                FeeLineRow, FeeLineRow.id == FindingLineRow.fee_line_id).where(
                FindingLineRow.finding_id.in_(chunk)).order_by(FeeLineRow.feedetl_sn)):
            d.lines.setdefault(fid, []).append({
                "feedetl_sn": fl.feedetl_sn, "code": fl.med_list_codg or fl.medins_list_codg or "",
                "name": fl.hilist_name or "", "cnt": fl.cnt,
                "pric": price_text(fl.pric_micro if fl.pric_micro is not None else fl.pric * 10_000),
                "amount": fen_to_str(fl.det_item_fee_sumamt), "time": fl.fee_ocur_time or ""})
        for e in s.execute(select(EvidenceRow.finding_id, EvidenceRow.file_name, EvidenceRow.mime, EvidenceRow.size,
                                  EvidenceRow.sha256).where(EvidenceRow.finding_id.in_(chunk),
                                                            EvidenceRow.deleted.is_(False))
                           .order_by(EvidenceRow.id)):
            d.evidence.setdefault(e.finding_id, []).append(
                {"file_name": e.file_name, "mime": e.mime, "size": e.size, "sha256": e.sha256})
        for a in s.execute(select(AppealRow).where(AppealRow.finding_id.in_(chunk)).order_by(AppealRow.id)).scalars():
            d.appeals.setdefault(a.finding_id, []).append(a)
        if progress:
            progress(i, len(fids))
    return d


@dataclass
class _Listing:
    findings: list[dict]
    violations: list[dict]
    appeals: list[dict]
    team: set[str]


def _list_findings(frows: list[FindingRow], units: dict, details: _Details, display, preparer: str) -> _Listing:
    """The findings as printed, by category, with their appeals; and who took part."""
    names = {v.code: v.zh for v in catalog_service.violations()}
    findings, by_cat, appeal_rows = [], {}, []
    team = {preparer}
    for no, f in enumerate(frows, 1):
        u, st = units[f.unit_id]
        team.add(f.created_by)
        if u.decided_by:
            team.add(u.decided_by)
        visit = " 至 ".join(x for x in (st.begndate, st.enddate) if x) or (st.setl_time or "")[:10]
        person = " · ".join(x for x in (mask_name(st.psn_name), mask_id(st.certno)) if x)
        findings.append({
            "no": no, "id": f.id, "uuid": f.uuid, "unit_id": u.id, "setl_id": st.setl_id, "visit": visit,
            "person": person, "category": f.category, "category_name": names.get(f.category, f.category),
            "amount": fen_to_str(f.amount), "amount_auto": fen_to_str(f.amount_auto),
            "amount_reason": f.amount_reason, "basis": f.basis, "note": f.note, "status": f.status,
            "status_label": FINDING_STATUS.get(f.status, f.status), "created_by": f.created_by,
            "created_by_display": display(f.created_by), "version": f.version,
            "lines": details.lines.get(f.id, []), "evidence": details.evidence.get(f.id, []),
        })
        c = by_cat.setdefault(f.category, [0, 0])
        c[0] += 1
        c[1] += f.amount
        for a in details.appeals.get(f.id, []):
            appeal_rows.append({"finding_no": no, "setl_id": st.setl_id, "sent_on": a.sent_on.isoformat(),
                                "deadline": a.deadline.isoformat(), "status": a.status,
                                "status_label": APPEAL_STATUS.get(a.status, a.status), "outcome": a.outcome,
                                "outcome_label": APPEAL_OUTCOME.get(a.outcome or "", a.outcome), "answer": a.answer})
    violations = [{"category": k, "name": names.get(k, k), "count": v[0], "amount": fen_to_str(v[1])}
                  for k, v in sorted(by_cat.items())]
    return _Listing(findings, violations, appeal_rows, team)


def _appraise(s: Session, scope: Scope, sample: SampleRow | None, units: dict, confidence: Fraction):
    """The one appraisal (sample_appraisal_service), on the sample's domain or on the units without a sample."""
    from . import sample_appraisal_service as sas

    if sample is None:
        return sas.appraise_review_units(s, sorted(units), confidence)
    dom = sas.domain(scope.institution, scope.period_from, scope.period_to)
    return sas.appraise_sample(s, sample, dom, confidence)


def collect(ws: Workspace, s: Session, scope: Scope, *, number: str, revision: int, preparer: str,
            title: str = "", supersedes: dict | None = None, progress=None,
            confidence: Fraction = CONFIDENCE) -> tuple[dict, list[int]]:
    """Build the snapshot and the ids of the findings it covers."""
    users = _users(s)

    def display(name: str | None) -> str:
        u = users.get(name or "")
        return (u.display_name or u.name) if u else (name or "")

    def role_label(name: str) -> str:
        u = users.get(name)
        return ROLE_LABELS[Role(u.role)].render("zh_CN") if u else ""

    units = {u.id: (u, st) for u, st in s.execute(units_query(scope).order_by(ReviewUnitRow.id)).all()}
    sample = s.get(SampleRow, scope.sample_id) if scope.sample_id is not None else None
    frows = _load_findings(s, list(units))
    fids = [f.id for f in frows]
    listing = _list_findings(frows, units, _load_details(s, fids, progress), display, preparer)
    fund = finding_fund_amounts(s, fids)
    for f in listing.findings:  # each finding carries its charged and, where the data allow, its fund amount
        f["fund_amount"] = fen_to_str(fund.get(f["id"]))
    appraisal = _appraise(s, scope, sample, units, confidence)
    reviewed = sum(1 for u, _ in units.values() if _reviewed(u))
    sampled = sum(1 for u, _ in units.values() if u.sample_id is not None or u.source == "sample")
    frame = appraisal.frame_size if appraisal.frame_size is not None else (
        sample.frame_size if sample is not None else _frame_units(s, scope))
    profile_service.ensure_profiles(ws, session=s)
    prow = s.get(ProfileRow, profile_service.active_profile_id(ws))
    profile = json.loads(prow.data) if prow is not None else {}
    inst_name = None
    if scope.institution:
        inst_name = s.execute(select(SettlementRow.fixmedins_name).where(
            SettlementRow.fixmedins_code == scope.institution, SettlementRow.fixmedins_name.is_not(None)
        ).limit(1)).scalar_one_or_none()
    content = {
        "format": FORMAT, "number": number, "revision": revision, "supersedes": supersedes,
        "title": title or _title(scope, inst_name, sample),
        "contract": {"id": profile.get("id"), "name": profile.get("name_zh"), "party_a": profile.get("party_a")},
        "institution": {"code": scope.institution, "name": inst_name} if scope.institution else None,
        "period": {"from": scope.period_from.isoformat() if scope.period_from else None,
                   "to": scope.period_to.isoformat() if scope.period_to else None},
        "sample": ({"id": sample.id, "code": sample.code, "method": sample.method, "seed": sample.seed,
                    "frame_sha256": sample.frame_sha256} if sample else None),
        "preparer": preparer, "preparer_display": display(preparer), "preparer_role_label": role_label(preparer),
        "team": [{"name": n, "display_name": display(n), "role_label": role_label(n)}
                 for n in sorted(listing.team) if n],
        "frame": {"units_in_frame": frame, "sampled": sampled, "reviewed": reviewed},
        "violations": listing.violations,
        "violations_total": {"count": len(listing.findings), "amount": fen_to_str(sum(f.amount for f in frows))},
        "appraisal": appraisal.as_json(),
        "appraisal_page": dossier_appraisal_text.page(s, appraisal, sample, scope, listing.violations),
        "appeals": listing.appeals,
        "findings": listing.findings,
    }
    exhibits = inspection_exhibits.collect(s, scope.institution, scope.period_from, scope.period_to)  # issue 21
    if exhibits:  # issue 21: sealed inspection records as exhibits (absent key keeps older digests)
        content["inspection_exhibits"] = exhibits
    snap = dict(content)
    snap["content_sha256"] = digest(content)
    seq, head = event_log.head(s)
    snap["event_head"] = {"seq": seq, "hash": head}
    snap["compiled_at"] = dt.datetime.now().replace(microsecond=0).isoformat(sep=" ")
    return snap, fids


def content_digest(snap: dict) -> str:
    content = {k: v for k, v in snap.items()
               if k not in ("content_sha256", "event_head", "compiled_at", "approval")}
    return digest(content)


def _title(scope: Scope, inst_name: str | None, sample) -> str:
    parts = []
    if scope.institution:
        parts.append(inst_name or scope.institution)
    if scope.period_from or scope.period_to:
        parts.append(f"{scope.period_from or '…'} 至 {scope.period_to or '…'}")
    if sample is not None:
        parts.append(f"样本 {sample.code}")
    return "　".join(parts) + " 稽核卷宗"


def scope_of(row) -> Scope:
    return Scope(row.institution_code, row.period_from, row.period_to, row.sample_id)


def evidence_loader(s: Session, fids: list[int]):
    """images(sha256) → bytes, loading only image evidence of the given findings, lazily."""
    cache: dict[str, bytes | None] = {}

    def load(sha: str) -> bytes | None:
        if sha not in cache:
            cache[sha] = s.execute(select(EvidenceRow.content).where(
                EvidenceRow.sha256 == sha, EvidenceRow.finding_id.in_(fids) if len(fids) < 900 else True,
                EvidenceRow.mime.like("image/%")).limit(1)).scalar_one_or_none()
        return cache[sha]

    return load
