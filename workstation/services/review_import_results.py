"""``review import-results``: results written on paper (a flying inspection), recorded as if entered in the GUI.

spec/sampling.md, "Recording results from the command line". The whole file is
one transaction: it is checked row by row first (a bad row names its row and
column and changes nothing), then every unit, finding and decision is written
in one session with the same events the GUI writes (review.unit.open,
review.finding.create, review.unit.decide, review.unit.submit) and one
``review.import_results`` event for the file. The review service's functions
each commit on their own, so this module writes the same rows and events in
its own single session instead of calling them one by one.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..core.errors import BadInput
from ..core.i18n import T
from ..core.money import yuan_to_fen
from ..store.models.review import FindingRow, ReviewUnitRow
from ..store.models.sampling import SampleUnitRow
from . import catalog_service
from .import_readers import inspect_file, iter_rows
from .review_service import DECIDED, EDITABLE_FINDING_FIELDS
from .sampling_service import resolve
from .workspace import Workspace

COLUMNS = ("setl_id", "decision", "amount", "category", "basis")
DECISIONS = ("compliant", "violation", "doubtful")


@dataclass(frozen=True)
class ResultRow:
    row: int
    setl_id: str
    decision: str
    amount: int | None  # fen
    category: str
    basis: str


@dataclass(frozen=True)
class ImportedResults:
    file: str
    sample_id: int | None
    rows: int
    units: int
    findings: int

    def as_json(self) -> dict:
        return {"file": self.file, "sample_id": self.sample_id, "rows": self.rows, "units": self.units,
                "findings": self.findings}


def _bad(path: Path, row: int, column: str | None, zh: str, en: str, **kw) -> BadInput:
    return BadInput(T(zh, en), file=path.name, row=row, column=column, **kw)


def read_rows(path: Path) -> list[ResultRow]:
    """The file's rows, checked one by one (encoding detected as for imports)."""
    path = Path(path)
    facts = inspect_file(path)
    rows = iter_rows(path, facts)
    try:
        _, header = next(rows)
    except StopIteration:
        raise _bad(path, 1, None, "文件为空", "the file is empty") from None
    names = [str(h or "").strip().lstrip("\ufeff").lower() for h in header]
    missing = [c for c in COLUMNS if c not in names]
    if missing:
        raise _bad(path, 1, missing[0], "缺少列 {c}", "column {c} is missing", c=missing[0])
    idx = {c: names.index(c) for c in COLUMNS}
    categories = {v.code for v in catalog_service.violations()}
    out = []
    for number, cells in rows:
        if not any(str(c).strip() for c in cells):
            continue
        get = {c: (str(cells[i]).strip() if i < len(cells) and cells[i] is not None else "") for c, i in idx.items()}
        if not get["setl_id"]:
            raise _bad(path, number, "setl_id", "结算ID为空", "setl_id is empty")
        decision = get["decision"].lower()
        if decision not in DECISIONS:
            raise _bad(path, number, "decision", "结论应为 compliant、violation 或 doubtful：“{v}”",
                       "decision must be compliant, violation or doubtful: \"{v}\"", v=get["decision"])
        amount = None
        if get["amount"]:
            try:
                amount = yuan_to_fen(get["amount"])
            except ValueError:
                raise _bad(path, number, "amount", "金额无效（元，最多两位小数）：“{v}”",
                           "bad amount (yuan, at most 2 decimals): \"{v}\"", v=get["amount"]) from None
        if decision == "compliant":
            if amount not in (None, 0):
                raise _bad(path, number, "amount", "合规行不能有金额", "a compliant row has no amount")
            for c in ("category", "basis"):
                if get[c]:
                    raise _bad(path, number, c, "合规行此列须为空", "a compliant row leaves this column empty")
        else:
            if amount is None:
                raise _bad(path, number, "amount", "违规或疑点行需要金额", "a violation or doubtful row needs an amount")
            if get["category"] not in categories:
                raise _bad(path, number, "category", "未知的违规类别：“{v}”", "unknown violation category: \"{v}\"",
                           v=get["category"])
        out.append(ResultRow(number, get["setl_id"], decision, amount, get["category"], get["basis"]))
    return out


def _decision(rows: list[ResultRow], path: Path) -> str:
    kinds = {r.decision for r in rows}
    if "compliant" in kinds and len(kinds) > 1:
        r = next(r for r in rows if r.decision == "compliant")
        raise _bad(path, r.row, "decision", "同一结算既有合规行又有其他结论", "a compliant row beside another decision "
                   "for the same setl_id")
    return "doubtful" if "doubtful" in kinds else "violation" if "violation" in kinds else "compliant"


def _unit_for(s: Session, ws: Workspace, path: Path, sample_id: int | None, r: ResultRow) -> tuple[ReviewUnitRow,
                                                                                                        int, bool]:
    if sample_id is None:
        samples = s.execute(select(SampleUnitRow.sample_id).where(SampleUnitRow.setl_id == r.setl_id)).scalars().all()
        if len(samples) != 1:
            raise _bad(path, r.row, "setl_id", "结算 {v} 须恰在一个样本中被抽中（现为 {n} 个），请用 --sample 指定",
                       "setl_id {v} must be selected in exactly one sample (it is in {n}); name it with --sample",
                       v=r.setl_id, n=len(samples))
        sample_id = samples[0]
    elif s.get(SampleUnitRow, (sample_id, r.setl_id)) is None:
        raise _bad(path, r.row, "setl_id", "结算 {v} 不在该样本中", "setl_id {v} is not selected in the sample",
                   v=r.setl_id)
    u = s.execute(select(ReviewUnitRow).where(ReviewUnitRow.sample_id == sample_id,
                                              ReviewUnitRow.setl_id == r.setl_id)).scalar_one_or_none()
    if u is not None and (u.status in DECIDED or u.submitted):
        raise _bad(path, r.row, "setl_id", "结算 {v} 的审核单元已有结论", "the unit of setl_id {v} is already decided",
                   v=r.setl_id)
    created = u is None
    if created:
        u = ReviewUnitRow(uuid=str(uuid.uuid4()), setl_id=r.setl_id, sample_id=sample_id, source="sample",
                          assigned_to=ws.user.name, status="pending", submitted=False, note="", version=1,
                          updated_at=_now())
        s.add(u)
        s.flush()
        ws.log(s, "review.unit.open", "review_unit", u.id,
               after={"setl_id": r.setl_id, "source": "sample", "assigned_to": ws.user.name},
               details={"unit": u.id, "setl_id": r.setl_id, "source": "sample", "assigned_to": ws.user.name})
    return u, sample_id, created


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)


def _unit_state(u: ReviewUnitRow) -> dict:
    return {"status": u.status, "decided_by": u.decided_by,
            "decided_at": u.decided_at.isoformat() if u.decided_at else None, "note": u.note}


def import_results(ws: Workspace, path: Path, sample_ref: str | int | None = None) -> ImportedResults:
    """Record the file's decisions and findings (supervisor or admin), all or nothing."""
    ws.require_supervisor()
    path = Path(path)
    rows = read_rows(path)
    by_setl: dict[str, list[ResultRow]] = {}
    for r in rows:
        by_setl.setdefault(r.setl_id, []).append(r)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    findings = 0
    with ws.store.session() as s:
        sample_id = resolve(s, sample_ref).id if sample_ref is not None else None
        samples = set()
        for setl_id, group in by_setl.items():
            decision = _decision(group, path)
            u, sid, _ = _unit_for(s, ws, path, sample_id, group[0])
            samples.add(sid)
            now = _now()
            for r in group:
                if r.decision == "compliant":
                    continue
                f = FindingRow(uuid=str(uuid.uuid4()), unit_id=u.id, category=r.category, amount=r.amount,
                               amount_auto=0, amount_reason="", basis=r.basis, note="",
                               status="confirmed" if r.decision == "violation" else "doubtful", deleted=False,
                               created_by=ws.user.name, created_at=now, updated_by=ws.user.name, updated_at=now,
                               version=1)
                s.add(f)
                s.flush()
                findings += 1
                ws.log(s, "review.finding.create", "finding", f.id,
                       after={k: getattr(f, k) for k in EDITABLE_FINDING_FIELDS} | {"deleted": False, "lines": []},
                       details={"unit": u.id, "finding": f.id, "lines": [], "uuid": f.uuid})
            before = _unit_state(u)
            u.status, u.decided_by, u.decided_at = decision, ws.user.name, now
            u.version = (u.version or 0) + 1
            u.updated_at = now
            ws.log(s, "review.unit.decide", "review_unit", u.id, before=before, after=_unit_state(u),
                   details={"unit": u.id, "before": before, "status": decision})
            u.submitted = True
            u.version += 1
            ws.log(s, "review.unit.submit", "review_unit", u.id, before={"submitted": False},
                   after={"submitted": True, "status": u.status}, details={"unit": u.id, "status": u.status})
        shown = sample_id if sample_id is not None else (next(iter(samples)) if len(samples) == 1 else None)
        ws.log(s, "review.import_results", "sample", shown if shown is not None else "",
               after={"file_sha256": digest, "sample_id": shown, "samples": sorted(samples), "rows": len(rows)},
               details={"file": path.name, "rows": len(rows), "units": len(by_setl), "findings": findings})
    return ImportedResults(str(path), shown, len(rows), len(by_setl), findings)
