"""Second review (复核): a supervisor re-checks a sample of a reviewer's completed units.

Seed 000's quarterly checks: 10% of manual (零星) reimbursements and 5% of
manual sample reviews. The draw is reproducible like every sample
(``spec/sampling.md``): the key of a unit is SHA-256 of ``"{seed}:{setl_id}"``,
sort ascending, take the first ceil(rate × N). The frame is the reviewer's
submitted units decided in the quarter (for the 10% check, only manual
reimbursements, setl_type 2). The agree/disagree results feed the pass rate.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from dataclasses import dataclass
from fractions import Fraction

from sqlalchemy import select

from ..core.errors import BadInput, Conflict, NotFound
from ..core.i18n import T
from ..store.models.base import utcnow
from ..store.models.claims import SettlementRow
from ..store.models.review import SecondReviewRow, ReviewUnitRow
from .review import DECIDED
from .workspace import Workspace

CHECK_KINDS = {
    # kind: (rate, manual reimbursements only, label)
    "manual-reimbursement-10pct": (Fraction(1, 10), True, T("零星报销 10% 抽查", "10% check of manual reimbursements")),
    "manual-review-5pct": (Fraction(1, 20), False, T("人工审核 5% 抽查", "5% check of manual reviews")),
}


@dataclass(frozen=True)
class CheckItem:
    id: int
    unit_id: int
    setl_id: str
    quarter: str
    check_kind: str
    reviewer: str  # the supervisor who re-reviews
    reviewed_by: str | None  # the reviewer whose work is checked
    unit_status: str
    agree: bool | None
    reason: str


@dataclass(frozen=True)
class Draw:
    quarter: str
    check_kind: str
    seed: str
    frame_size: int
    frame_sha256: str
    selected: list[int]  # unit ids in random order


def quarter_range(quarter: str) -> tuple[dt.datetime, dt.datetime]:
    m = re.fullmatch(r"(\d{4})Q([1-4])", quarter or "")
    if not m:
        raise BadInput(T("季度格式应为 2025Q1", "a quarter looks like 2025Q1"))
    year, q = int(m[1]), int(m[2])
    start = dt.datetime(year, 3 * q - 2, 1)
    end = dt.datetime(year + 1, 1, 1) if q == 4 else dt.datetime(year, 3 * q + 1, 1)
    return start, end


def quarter_of(day: dt.date) -> str:
    return f"{day.year}Q{(day.month - 1) // 3 + 1}"


def sample_key(seed: str, setl_id: str) -> str:
    return hashlib.sha256(f"{seed}:{setl_id}".encode("utf-8")).hexdigest()


def frame(ws: Workspace, reviewer: str, quarter: str, check_kind: str) -> list[tuple[int, str]]:
    """(unit id, setl_id) of the reviewer's completed units in the quarter, sorted by setl_id."""
    if check_kind not in CHECK_KINDS:
        raise BadInput(T("未知的抽查类型：{k}", "unknown check kind: {k}"), k=check_kind)
    start, end = quarter_range(quarter)
    _rate, manual_only, _ = CHECK_KINDS[check_kind]
    with ws.store.read() as s:
        q = (select(ReviewUnitRow.id, ReviewUnitRow.setl_id)
             .join(SettlementRow, SettlementRow.setl_id == ReviewUnitRow.setl_id)
             .where(ReviewUnitRow.assigned_to == reviewer, ReviewUnitRow.submitted.is_(True),
                    ReviewUnitRow.status.in_(DECIDED), ReviewUnitRow.decided_at >= start,
                    ReviewUnitRow.decided_at < end))
        if manual_only:
            q = q.where(SettlementRow.setl_type == "2")
        rows = s.execute(q).all()
    return sorted(((r[0], r[1]) for r in rows), key=lambda r: (r[1], r[0]))


def draw(ws: Workspace, reviewer: str, quarter: str, check_kind: str, seed: str) -> Draw:
    """Draw and store the second-review sample (supervisor only; once per reviewer, quarter and kind)."""
    ws.require_supervisor()
    if not str(seed).strip():
        raise BadInput(T("请给出随机种子", "give a seed"))
    units = frame(ws, reviewer, quarter, check_kind)
    rate = CHECK_KINDS[check_kind][0]
    n = math.ceil(rate * len(units))  # exact: Fraction, no float rounding
    ordered = sorted(units, key=lambda u: sample_key(seed, u[1]))
    chosen = ordered[:n]
    fp = hashlib.sha256("\n".join(sorted(u[1] for u in units)).encode("utf-8")).hexdigest()
    with ws.store.session() as s:
        ids = [u[0] for u in units]
        if ids and s.execute(select(SecondReviewRow.id).where(
                SecondReviewRow.unit_id.in_(ids), SecondReviewRow.quarter == quarter,
                SecondReviewRow.check_kind == check_kind)).first():
            raise Conflict(detail=T("该审核员本季度的此项抽查已经抽取过", "this check was already drawn for the "
                                    "reviewer and quarter").render(ws.lang))
        for uid, _sid in chosen:
            row = SecondReviewRow(unit_id=uid, quarter=quarter, check_kind=check_kind, reviewer=ws.user.name,
                                  agree=None, reason="", at=None)
            s.add(row)
        s.flush()
        ws.log(s, "review.second.draw", "second_review", f"{reviewer}:{quarter}:{check_kind}",
               after={"selected": [c[1] for c in chosen]},
               details={"reviewer": reviewer, "quarter": quarter, "check_kind": check_kind, "seed": str(seed),
                        "frame_size": len(units), "frame_sha256": fp, "selected": [c[1] for c in chosen]})
    return Draw(quarter, check_kind, str(seed), len(units), fp, [c[0] for c in chosen])


def record(ws: Workspace, check_id: int, *, agree: bool, reason: str = "") -> None:
    """The supervisor agrees or disagrees with the original decision (a disagreement needs a reason)."""
    ws.require_supervisor()
    if not agree and not reason.strip():
        raise BadInput(T("不同意时须填写理由", "a disagreement needs a reason"))
    with ws.store.session() as s:
        row = s.get(SecondReviewRow, check_id)
        if row is None:
            raise NotFound(what=f"second review {check_id}")
        before = {"agree": row.agree, "reason": row.reason}
        row.agree, row.reason, row.at, row.reviewer = bool(agree), reason, utcnow(), ws.user.name
        ws.log(s, "review.second.record", "second_review", row.id, before=before,
               after={"agree": row.agree, "reason": reason}, details={"unit": row.unit_id, "agree": row.agree})


def checks(ws: Workspace, quarter: str | None = None) -> list[CheckItem]:
    with ws.store.read() as s:
        q = (select(SecondReviewRow, ReviewUnitRow.setl_id, ReviewUnitRow.assigned_to, ReviewUnitRow.status)
             .join(ReviewUnitRow, ReviewUnitRow.id == SecondReviewRow.unit_id)
             .order_by(SecondReviewRow.quarter, SecondReviewRow.id))
        if quarter:
            q = q.where(SecondReviewRow.quarter == quarter)
        return [CheckItem(r.id, r.unit_id, setl, r.quarter, r.check_kind, r.reviewer, who, st, r.agree, r.reason)
                for r, setl, who, st in s.execute(q)]


def pass_rate(ws: Workspace, quarter: str, reviewer: str | None = None) -> tuple[int, int, Fraction | None]:
    """(agreed, decided, agreed/decided) over the quarter's checked units; None when nothing is decided."""
    items = [c for c in checks(ws, quarter) if c.agree is not None and (reviewer is None or c.reviewed_by == reviewer)]
    agreed = sum(1 for c in items if c.agree)
    return agreed, len(items), (Fraction(agreed, len(items)) if items else None)


def reviewers(ws: Workspace) -> list[str]:
    """Everyone who has units assigned, by name (the people whose work can be checked)."""
    with ws.store.read() as s:
        return list(s.execute(select(ReviewUnitRow.assigned_to).where(ReviewUnitRow.assigned_to.is_not(None))
                              .distinct().order_by(ReviewUnitRow.assigned_to)).scalars())


@dataclass(frozen=True)
class Overview:
    """What the second-review panel shows for a quarter."""

    reviewers: tuple[str, ...]
    checks: tuple[CheckItem, ...]
    pass_rate: tuple[int, int, Fraction | None]


def overview(ws: Workspace, quarter: str) -> Overview:
    return Overview(tuple(reviewers(ws)), tuple(checks(ws, quarter)), pass_rate(ws, quarter))
