"""The counter's receipt check (票据核对) for manual reimbursements (setl_type 2).

The loop a checker runs all day: the next settlement of their batch comes up
with its amounts, the receipts are keyed or scanned, ``validate`` compares them
with the settlement, ``save_check`` stores receipts and result in one
transaction with its event. A difference becomes a review finding (through the
review service's public functions) with the amount in question.

``receipts_checked(ws, start, end)`` is the contract's volume figure (seed 003:
≥ 250,000 receipts checked a year).
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import and_, exists, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..core import receipts as rc
from ..core.errors import BadInput, Conflict, NotFound
from ..core.i18n import T
from ..core.import_format import mask_certno
from ..core.receipts import Problem, ReceiptEntry
from ..store.models.claims import SettlementRow
from ..store.models.counter import ReceiptBatchItemRow, ReceiptBatchRow, ReceiptCheckRow, ReceiptRow
from .workspace import Workspace

MANUAL = "2"
DEFAULT_BATCH = 100
CATEGORY = {"sum": "other", "duplicate": "duplicate_reimbursement", "date": "other", "institution": "other"}
KIND_LABELS = {
    "sum": T("金额不符", "Amount differs"),
    "duplicate": T("重复报销", "Reimbursed twice"),
    "date": T("日期不在就诊期间", "Date outside the stay"),
    "institution": T("机构不符", "Institution differs"),
}


def now_text() -> str:
    """Local wall-clock time: the counter's working day is the local day."""
    return dt.datetime.now().strftime("%Y-%m-%d %H:%M:%S")


@dataclass(frozen=True)
class BatchInfo:
    id: int
    assigned_to: str
    size: int
    done: int
    created_at: str


@dataclass(frozen=True)
class CheckItem:
    """A settlement to check, with the receipts already keyed for it (e.g. imported)."""

    setl_id: str
    batch_id: int | None
    batch_size: int
    batch_done: int
    person: str  # masked
    institution_code: str
    institution_name: str
    begndate: str
    enddate: str
    setl_date: str
    medfee_sumamt: int
    hifp_pay: int
    psn_cash_pay: int
    receipts: tuple[ReceiptEntry, ...]

    @property
    def facts(self) -> rc.SettlementFacts:
        return rc.SettlementFacts(self.setl_id, self.begndate, self.enddate, self.setl_date, self.institution_code,
                                  self.institution_name, self.medfee_sumamt)


@dataclass(frozen=True)
class Validation:
    receipts_sum: int
    difference: int  # medfee_sumamt - receipts_sum
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class SavedCheck:
    check_id: int
    setl_id: str
    result: str  # match | difference
    problems: tuple[Problem, ...]
    finding_ids: tuple[int, ...]


@dataclass(frozen=True)
class Throughput:
    receipts: int
    settlements: int
    differences: int
    first_at: str | None
    last_at: str | None

    @property
    def per_hour(self) -> float:
        """Receipts per hour between the day's first and last check (0 before a second check)."""
        if not self.first_at or not self.last_at or self.first_at == self.last_at:
            return 0.0
        a = dt.datetime.fromisoformat(self.first_at)
        b = dt.datetime.fromisoformat(self.last_at)
        return self.receipts * 3600.0 / max((b - a).total_seconds(), 1.0)


# -- batches ------------------------------------------------------------------------------------
def _batch_info(s: Session, b: ReceiptBatchRow) -> BatchInfo:
    done = s.execute(select(func.count()).select_from(ReceiptBatchItemRow).join(
        ReceiptCheckRow, ReceiptCheckRow.setl_id == ReceiptBatchItemRow.setl_id).where(
        ReceiptBatchItemRow.batch_id == b.id)).scalar_one()
    return BatchInfo(b.id, b.assigned_to, b.size, done, b.created_at)


def assign_batch(ws: Workspace, size: int = DEFAULT_BATCH, *, user: str | None = None) -> BatchInfo:
    """Give ``user`` (default: oneself) the next ``size`` manual reimbursements nobody has yet.

    Assigning work to someone else needs a supervisor.
    """
    who = user or ws.user.name
    if who != ws.user.name:
        ws.require_supervisor()
    if not 1 <= size <= 10_000:
        raise BadInput(T("批次大小应为 1 至 10000", "a batch holds 1 to 10,000 settlements"))
    with ws.store.session() as s:
        taken = exists().where(ReceiptBatchItemRow.setl_id == SettlementRow.setl_id)
        checked = exists().where(ReceiptCheckRow.setl_id == SettlementRow.setl_id)
        ids = s.execute(select(SettlementRow.setl_id).where(SettlementRow.setl_type == MANUAL, ~taken, ~checked)
                        .order_by(SettlementRow.setl_id).limit(size)).scalars().all()
        if not ids:
            raise NotFound(what=T("待核对的手工报销结算", "manual reimbursements left to check").render(ws.lang))
        b = ReceiptBatchRow(assigned_to=who, created_by=ws.user.name, created_at=now_text(), size=len(ids),
                            status="open")
        s.add(b)
        s.flush()
        s.add_all([ReceiptBatchItemRow(batch_id=b.id, position=i, setl_id=sid) for i, sid in enumerate(ids)])
        ws.log(s, "receipt.batch.assign", "receipt_batch", b.id, after={"assigned_to": who, "size": len(ids)},
               details={"first": ids[0], "last": ids[-1]})
        s.flush()
        return BatchInfo(b.id, who, len(ids), 0, b.created_at)


def batches(ws: Workspace, *, user: str | None = None) -> list[BatchInfo]:
    who = user or ws.user.name
    with ws.store.read() as s:
        rows = s.execute(select(ReceiptBatchRow).where(ReceiptBatchRow.assigned_to == who)
                         .order_by(ReceiptBatchRow.id)).scalars().all()
        return [_batch_info(s, b) for b in rows]


# -- the loop -----------------------------------------------------------------------------------
def _setl_date(st: SettlementRow) -> str:
    return (st.setl_time or "")[:10]


def _receipt_entries(s: Session, setl_id: str) -> tuple[ReceiptEntry, ...]:
    rows = s.execute(select(ReceiptRow).where(ReceiptRow.setl_id == setl_id).order_by(ReceiptRow.id)).scalars()
    return tuple(ReceiptEntry(r.bill_no, r.bill_date, r.institution, r.total, r.bill_code, r.check_code, r.source)
                 for r in rows)


def _item(s: Session, st: SettlementRow, batch_id: int | None, size: int, done: int) -> CheckItem:
    return CheckItem(st.setl_id, batch_id, size, done, mask_certno(st.certno), st.fixmedins_code or "",
                     st.fixmedins_name or "", st.begndate or "", st.enddate or "", _setl_date(st),
                     st.medfee_sumamt or 0, st.hifp_pay or 0, st.psn_cash_pay or 0, _receipt_entries(s, st.setl_id))


def next_item(ws: Workspace, *, batch_id: int | None = None) -> CheckItem | None:
    """The first settlement not yet checked in the acting user's open batches (or in ``batch_id``)."""
    with ws.store.read() as s:
        checked = exists().where(ReceiptCheckRow.setl_id == ReceiptBatchItemRow.setl_id)
        q = (select(ReceiptBatchItemRow.batch_id, ReceiptBatchItemRow.setl_id)
             .join(ReceiptBatchRow, ReceiptBatchRow.id == ReceiptBatchItemRow.batch_id)
             .where(ReceiptBatchRow.assigned_to == ws.user.name, ReceiptBatchRow.status == "open", ~checked)
             .order_by(ReceiptBatchItemRow.batch_id, ReceiptBatchItemRow.position).limit(1))
        if batch_id is not None:
            q = q.where(ReceiptBatchItemRow.batch_id == batch_id)
        row = s.execute(q).first()
        if row is None:
            return None
        b = s.get(ReceiptBatchRow, row.batch_id)
        info = _batch_info(s, b)
        return _item(s, s.get(SettlementRow, row.setl_id), b.id, info.size, info.done)


def item_for(ws: Workspace, setl_id: str) -> CheckItem:
    """A settlement to check outside any batch (looked up by id at the counter)."""
    with ws.store.read() as s:
        st = s.get(SettlementRow, setl_id)
        if st is None:
            raise NotFound(what=T("结算 {id}", "settlement {id}").render(ws.lang, id=setl_id))
        if st.setl_type != MANUAL:
            raise BadInput(T("结算 {id} 不是手工报销", "settlement {id} is not a manual reimbursement"), id=setl_id)
        if s.execute(select(ReceiptCheckRow.id).where(ReceiptCheckRow.setl_id == setl_id)).first():
            raise Conflict(detail=T("结算 {id} 已核对过", "settlement {id} has already been checked").render(
                ws.lang, id=setl_id))
        return _item(s, st, None, 1, 0)


def _elsewhere(s: Session, setl_id: str, receipts: list[ReceiptEntry]) -> dict[str, str]:
    """Bill keys of these receipts already held by another settlement (the first such settlement)."""
    keys = {rc.bill_key(r.bill_code, r.bill_no): r.bill_no for r in receipts}
    if not keys:
        return {}
    found: dict[str, str] = {}
    for bill_no, other in s.execute(select(ReceiptRow.bill_no, ReceiptRow.setl_id).where(
            ReceiptRow.bill_no.in_(sorted(set(keys) | set(keys.values()))), ReceiptRow.setl_id != setl_id)
            .order_by(ReceiptRow.id)):
        found.setdefault(rc.bill_key("", bill_no), other)
    return found


def _facts(st: SettlementRow) -> rc.SettlementFacts:
    return rc.SettlementFacts(st.setl_id, st.begndate or "", st.enddate or "", _setl_date(st),
                              st.fixmedins_code or "", st.fixmedins_name or "", st.medfee_sumamt or 0)


def _validate(s: Session, st: SettlementRow, receipts: list[ReceiptEntry]) -> Validation:
    total = sum(r.total for r in receipts)
    problems = rc.check(_facts(st), receipts, _elsewhere(s, st.setl_id, receipts))
    return Validation(total, (st.medfee_sumamt or 0) - total, tuple(problems))


def _clean(ws: Workspace, receipts: list[ReceiptEntry]) -> list[ReceiptEntry]:
    out = []
    for r in receipts:
        if not r.bill_no.strip():
            raise BadInput(T("票据号码为空", "a receipt has no bill number"))
        if rc.scan_date(r.bill_date) != r.bill_date:
            raise BadInput(T("票据日期无效：{d}", "bad receipt date: {d}"), d=r.bill_date)
        if r.total < 0:
            raise BadInput(T("票据金额不能为负", "a receipt total cannot be negative"))
        out.append(ReceiptEntry(r.bill_no.strip(), r.bill_date, r.institution.strip(), r.total,
                                r.bill_code.strip(), r.check_code.strip(), r.source))
    return out


def validate(ws: Workspace, setl_id: str, receipts: list[ReceiptEntry]) -> Validation:
    with ws.store.read() as s:
        st = s.get(SettlementRow, setl_id)
        if st is None:
            raise NotFound(what=T("结算 {id}", "settlement {id}").render(ws.lang, id=setl_id))
        return _validate(s, st, _clean(ws, receipts))


def save_check(ws: Workspace, setl_id: str, receipts: list[ReceiptEntry], *, batch_id: int | None = None,
               make_findings: bool = True) -> SavedCheck:
    """Store the receipts and the check's result (validated again here), one transaction and one event.

    Receipts already stored for the settlement (imported) are replaced by the list given
    (the checker's final word); a settlement is checked once (Conflict otherwise).
    """
    receipts = _clean(ws, receipts)
    keys = [rc.bill_key(r.bill_code, r.bill_no) for r in receipts]
    if len(set(keys)) != len(keys):
        raise BadInput(T("同一张票据在本结算中录入了两次", "the same receipt was entered twice for this settlement"))
    at = now_text()
    try:
        with ws.store.session() as s:
            st = s.get(SettlementRow, setl_id)
            if st is None:
                raise NotFound(what=T("结算 {id}", "settlement {id}").render(ws.lang, id=setl_id))
            if st.setl_type != MANUAL:
                raise BadInput(T("结算 {id} 不是手工报销", "settlement {id} is not a manual reimbursement"),
                               id=setl_id)
            v = _validate(s, st, receipts)
            result = "match" if v.ok else "difference"
            chk = ReceiptCheckRow(setl_id=setl_id, batch_id=batch_id, result=result, receipts=len(receipts),
                                  receipts_sum=v.receipts_sum, medfee_sumamt=st.medfee_sumamt or 0,
                                  difference=v.difference, problems=json.dumps([p.to_json() for p in v.problems]),
                                  finding_ids="[]", checked_by=ws.user.name, checked_at=at)
            s.add(chk)
            s.flush()
            existing = {rc.bill_key(r.bill_code, r.bill_no): r for r in s.execute(
                select(ReceiptRow).where(ReceiptRow.setl_id == setl_id)).scalars()}
            replaced = [k for k in existing if k not in keys]
            for k in replaced:
                s.delete(existing.pop(k))
            s.flush()
            for key, r in zip(keys, receipts):
                row = existing.get(key)
                if row is None:
                    row = ReceiptRow(setl_id=setl_id, source=r.source, entered_by=ws.user.name, entered_at=at)
                    s.add(row)
                row.bill_code, row.bill_no, row.check_code = r.bill_code, r.bill_no, r.check_code
                row.bill_date, row.institution, row.total = r.bill_date, r.institution, r.total
                row.check_id, row.checked_by, row.checked_at = chk.id, ws.user.name, at
            ws.log(s, "receipt.check", "receipt_check", chk.id,
                   after={"setl_id": setl_id, "result": result, "receipts": len(receipts),
                          "receipts_sum": v.receipts_sum, "difference": v.difference},
                   details={"setl_id": setl_id, "batch": batch_id, "result": result, "receipts": len(receipts),
                            "scanned": sum(1 for r in receipts if r.source == "scanned"),
                            "problems": [p.to_json() for p in v.problems], "replaced": len(replaced)})
            check_id = chk.id
            finding_ids: tuple[int, ...] = ()
            if v.problems and make_findings:  # the check and its findings are one save
                finding_ids = _findings_for(ws, s, chk, setl_id, v.problems)
    except IntegrityError:
        raise Conflict(detail=T("结算 {id} 已核对过", "settlement {id} has already been checked").render(
            ws.lang, id=setl_id)) from None
    return SavedCheck(check_id, setl_id, result, v.problems, finding_ids)


def _findings_for(ws: Workspace, s, chk, setl_id: str, problems: tuple[Problem, ...]) -> tuple[int, ...]:
    """One doubtful finding per problem, through the review package's public functions, in the
    check's own transaction: a crash leaves neither the check nor its findings half made."""
    from . import review

    unit_id = review.open_unit_in(ws, s, setl_id, source="receipt")
    ids = []
    for p in problems:
        msg = p.message("zh_CN")
        ids.append(review.create_finding_in(
            ws, s, unit_id, [], CATEGORY[p.kind], amount=p.amount,
            amount_reason=T("票据核对：{m}", "receipt check: {m}").render("zh_CN", m=msg),
            basis="票据核对（手工报销）", note=msg, status="doubtful"))
    chk.finding_ids = json.dumps(ids)
    ws.log(s, "receipt.check.findings", "receipt_check", chk.id, after={"findings": ids},
           details={"setl_id": setl_id, "unit": unit_id, "findings": ids})
    return tuple(ids)


# -- figures ------------------------------------------------------------------------------------
def _day_bounds(start: dt.date, end: dt.date) -> tuple[str, str]:
    return f"{start.isoformat()} 00:00:00", f"{end.isoformat()} 23:59:59"


def receipts_checked(ws: Workspace, start: dt.date, end: dt.date) -> int:
    """Receipts checked at the counter from ``start`` to ``end`` inclusive (local days): the volume figure."""
    with ws.store.read() as s:
        return receipts_checked_in(s, start, end)


def receipts_checked_in(s, start: dt.date, end: dt.date) -> int:
    """``receipts_checked`` inside a session the caller holds (the operations figures read in one)."""
    lo, hi = _day_bounds(start, end)
    return s.execute(select(func.count()).select_from(ReceiptRow).where(
        ReceiptRow.checked_at.is_not(None), ReceiptRow.checked_at >= lo, ReceiptRow.checked_at <= hi)
    ).scalar_one()


def throughput(ws: Workspace, *, user: str | None = None, day: dt.date | None = None) -> Throughput:
    """The day's count for a checker (default: oneself, today)."""
    who = user or ws.user.name
    lo, hi = _day_bounds(day or dt.date.today(), day or dt.date.today())
    with ws.store.read() as s:
        row = s.execute(select(func.count(), func.coalesce(func.sum(ReceiptCheckRow.receipts), 0),
                               func.min(ReceiptCheckRow.checked_at), func.max(ReceiptCheckRow.checked_at))
                        .where(ReceiptCheckRow.checked_by == who, ReceiptCheckRow.checked_at >= lo,
                               ReceiptCheckRow.checked_at <= hi)).one()
        diffs = s.execute(select(func.count()).select_from(ReceiptCheckRow).where(and_(
            ReceiptCheckRow.checked_by == who, ReceiptCheckRow.checked_at >= lo, ReceiptCheckRow.checked_at <= hi,
            ReceiptCheckRow.result == "difference"))).scalar_one()
        return Throughput(int(row[1]), int(row[0]), diffs, row[2], row[3])
