"""The amount basis of an appraisal (spec/sampling.md, "Amount basis"): y_i and p_i per decided review unit.

Findings count when not deleted: confirmed ones into y (the found money),
doubtful ones into p (pending money); withdrawn findings count nothing. The
appraisal is in fund money when every decided unit in scope has fee lines and
every one of those lines has a known in-scope amount; otherwise every unit is
in charged money (the two are never mixed).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from ..core.sample_appraisal import Basis
from ..store.models.claims import FeeLineRow, SettlementRow
from ..store.models.review import FindingLineRow, FindingRow, ReviewUnitRow
from ..store.models.screening import FlagRow

CHUNK = 500
# Rules whose amount is already fund money: a finding taken over from their flag keeps it as its fund amount.
FUND_RULES = ("DUPLICATE_SETTLEMENT", "SUPP_BEFORE_BASIC_CAP", "SUPP_ANNUAL_CAP_EXCEEDED", "SUPP_RATE_MISMATCH")


@dataclass(frozen=True)
class UnitAmounts:
    basis: Basis
    confirmed: dict[int, int] = field(default_factory=dict)  # review unit id → fen
    doubtful: dict[int, int] = field(default_factory=dict)

    def of(self, unit_id: int | None) -> tuple[int, int]:
        return self.confirmed.get(unit_id, 0), self.doubtful.get(unit_id, 0)


def line_in_scope(det: int, fulamt: int | None, overlmt: int | None, preself: int | None,
                  inscp: int | None) -> int | None:
    """A fee line's in-scope amount: its inscp_scp_amt, else det − the three self-paid parts, else unknown."""
    if inscp is not None:
        return inscp
    if fulamt is not None and overlmt is not None and preself is not None:
        return det - fulamt - overlmt - preself
    return None


def half_up(q: Fraction) -> int:
    """Round an exact fen amount half away from zero."""
    sign = -1 if q < 0 else 1
    return sign * int(abs(q) + Fraction(1, 2))


def fund_amount(amount: int, lines: list[tuple[int, int]] | None, medfee: int, inscp: int, fund_paid: int) -> int:
    """A finding's fund amount: I × (hifp_pay + hifob_pay) / settlement inscp_scp_amt, exact, rounded once.

    ``lines``: (det_item_fee_sumamt, in-scope amount) of the finding's lines, or None without lines.
    """
    if lines:
        den = sum(d for d, _ in lines)
        in_scope = Fraction(amount * sum(i for _, i in lines), den) if den else Fraction(0)
    else:
        in_scope = Fraction(amount * inscp, medfee) if medfee else Fraction(0)
    return half_up(in_scope * fund_paid / inscp) if inscp else 0


def _chunks(ids: list):
    for i in range(0, len(ids), CHUNK):
        yield ids[i:i + CHUNK]


def _fund_possible(s: Session, unit_ids: list[int]) -> bool:
    """Every unit's settlement has fee lines, each with a known in-scope amount."""
    unknown = case((FeeLineRow.inscp_scp_amt.is_not(None), 0),
                   (FeeLineRow.fulamt_ownpay_amt.is_not(None) & FeeLineRow.overlmt_amt.is_not(None)
                    & FeeLineRow.preselfpay_amt.is_not(None), 0), else_=1)
    for part in _chunks(unit_ids):
        rows = s.execute(select(ReviewUnitRow.id, func.count(FeeLineRow.id), func.coalesce(func.sum(unknown), 0))
                         .outerjoin(FeeLineRow, FeeLineRow.setl_id == ReviewUnitRow.setl_id)
                         .where(ReviewUnitRow.id.in_(part)).group_by(ReviewUnitRow.id)).all()
        if len(rows) != len(part) or any(n == 0 or bad for _, n, bad in rows):
            return False
    return True


def unit_amounts(s: Session, unit_ids: list[int]) -> UnitAmounts:
    """Sums of the findings of the given (decided, in scope) units, in the basis every unit allows."""
    fund = bool(unit_ids) and _fund_possible(s, unit_ids)
    findings = []
    for part in _chunks(unit_ids):
        findings += s.execute(
            select(FindingRow.id, FindingRow.unit_id, FindingRow.status, FindingRow.amount, ReviewUnitRow.setl_id)
            .join(ReviewUnitRow, ReviewUnitRow.id == FindingRow.unit_id)
            .where(FindingRow.unit_id.in_(part), FindingRow.deleted.is_(False),
                   FindingRow.status.in_(("confirmed", "doubtful")))).all()
    values = {fid: int(amount or 0) for fid, _, _, amount, _ in findings}
    if fund:
        values = _fund_values(s, findings)
    confirmed: dict[int, int] = {}
    doubtful: dict[int, int] = {}
    for fid, uid, status, _, _ in findings:
        target = confirmed if status == "confirmed" else doubtful
        target[uid] = target.get(uid, 0) + values[fid]
    return UnitAmounts(Basis.FUND if fund else Basis.CHARGED, confirmed, doubtful)


def _fund_values(s: Session, findings) -> dict[int, int]:
    fids = [f[0] for f in findings]
    setl_ids = sorted({f[4] for f in findings})
    lines: dict[int, list[tuple[int, int]]] = {}
    for part in _chunks(fids):
        for fid, det, ful, over, pre, inscp in s.execute(
                select(FindingLineRow.finding_id, FeeLineRow.det_item_fee_sumamt, FeeLineRow.fulamt_ownpay_amt,
                       FeeLineRow.overlmt_amt, FeeLineRow.preselfpay_amt, FeeLineRow.inscp_scp_amt)
                .join(FeeLineRow, FeeLineRow.id == FindingLineRow.fee_line_id)
                .where(FindingLineRow.finding_id.in_(part))):
            lines.setdefault(fid, []).append((int(det or 0), line_in_scope(int(det or 0), ful, over, pre, inscp)))
    settle: dict[str, tuple[int, int, int]] = {}
    fund_flags: set[tuple[str, int]] = set()
    for part in _chunks(setl_ids):
        for sid, medfee, inscp, hifp, hifob in s.execute(
                select(SettlementRow.setl_id, SettlementRow.medfee_sumamt, SettlementRow.inscp_scp_amt,
                       SettlementRow.hifp_pay, SettlementRow.hifob_pay).where(SettlementRow.setl_id.in_(part))):
            settle[sid] = (int(medfee or 0), int(inscp or 0), int(hifp or 0) + int(hifob or 0))
        fund_flags.update((r[0], r[1]) for r in s.execute(select(FlagRow.setl_id, FlagRow.amount).where(
            FlagRow.setl_id.in_(part), FlagRow.rule_id.in_(FUND_RULES))).all())
    out = {}
    for fid, _uid, _status, amount, sid in findings:
        amount = int(amount or 0)
        if fid not in lines and (sid, amount) in fund_flags:
            out[fid] = amount  # a rule's amount that is already fund money
            continue
        medfee, inscp, paid = settle.get(sid, (0, 0, 0))
        out[fid] = fund_amount(amount, lines.get(fid), medfee, inscp, paid)
    return out


def finding_fund_amounts(s: Session, finding_ids: list[int]) -> dict[int, int | None]:
    """Each finding's fund amount, or None where its settlement's lines do not all have a known in-scope amount."""
    findings = []
    for part in _chunks(finding_ids):
        findings += s.execute(
            select(FindingRow.id, FindingRow.unit_id, FindingRow.status, FindingRow.amount, ReviewUnitRow.setl_id)
            .join(ReviewUnitRow, ReviewUnitRow.id == FindingRow.unit_id).where(FindingRow.id.in_(part))).all()
    units = sorted({f[1] for f in findings})
    known = {uid for uid in units if _fund_possible(s, [uid])} if len(units) <= 200 else (
        set(units) if _fund_possible(s, units) else set())
    ok = [f for f in findings if f[1] in known]
    values = _fund_values(s, ok) if ok else {}
    return {f[0]: values.get(f[0]) for f in findings}
