"""Findings: creating, changing and deleting them (each its own transaction with its event)."""
from __future__ import annotations

import uuid
from typing import Any, Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...core.errors import BadInput, Conflict
from ...core.i18n import T
from ...store.models.claims import FeeLineRow
from ...store.models.review import FindingLineRow, FindingRow
from ..workspace import Workspace
from .guards import (bump, check_lock, finding_state, flush_or_conflict, get_finding, get_unit, may_edit,
                     not_submitted, now)
from .model import EDITABLE_FINDING_FIELDS, FINDING_STATUSES

def lines_sum(s: Session, setl_id: str, fee_line_ids: Iterable[int]) -> tuple[list[int], int]:
    ids = sorted(set(int(i) for i in fee_line_ids))
    if not ids:
        return [], 0
    rows = s.execute(select(FeeLineRow.id, FeeLineRow.det_item_fee_sumamt, FeeLineRow.setl_id).where(
        FeeLineRow.id.in_(ids))).all()
    if len(rows) != len(ids) or any(r[2] != setl_id for r in rows):
        raise BadInput(T("所选费用明细不属于该结算", "the chosen fee lines do not belong to this settlement"))
    return ids, sum(r[1] or 0 for r in rows)


def _check_amount(ws: Workspace, amount: int, auto: int, reason: str) -> None:
    if not isinstance(amount, int) or isinstance(amount, bool):
        raise BadInput(T("金额必须是整数分", "the amount must be integer fen"))
    if amount < 0:
        raise BadInput(T("金额不能为负", "the amount cannot be negative"))
    if amount != auto and not (reason or "").strip():
        raise BadInput(T("金额与所选明细合计（{auto}）不同，须填写调整理由",
                         "the amount differs from the sum of the chosen lines ({auto}); give a reason"),
                       auto=_yuan(auto))


def _yuan(fen: int) -> str:
    from ...core.money import fen_to_str

    return fen_to_str(fen) or "0.00"


def _check_category(code: str) -> None:
    from ..catalog_service import violations

    if code not in {v.code for v in violations()}:
        raise BadInput(T("未知的违规类别：{code}", "unknown violation category: {code}"), code=code)


def create_finding(ws: Workspace, unit_id: int, fee_line_ids: Iterable[int], category: str, *,
                   amount: int | None = None, amount_reason: str = "", basis: str = "", note: str = "",
                   status: str = "confirmed") -> int:
    """A finding on the chosen fee lines (none = on the settlement as a whole); saved at once."""
    with ws.store.session() as s:
        return create_finding_in(ws, s, unit_id, fee_line_ids, category, amount=amount,
                                 amount_reason=amount_reason, basis=basis, note=note, status=status)


def create_finding_in(ws: Workspace, s: Session, unit_id: int, fee_line_ids: Iterable[int], category: str, *,
                      amount: int | None = None, amount_reason: str = "", basis: str = "", note: str = "",
                      status: str = "confirmed") -> int:
    """``create_finding`` inside the caller's transaction (a receipt check and its findings are one save)."""
    _check_category(category)
    if status not in FINDING_STATUSES:
        raise BadInput(T("未知的发现状态：{s}", "unknown finding status: {s}"), s=status)
    u = get_unit(s, unit_id)
    may_edit(ws, u)
    not_submitted(ws, u)
    ids, auto = lines_sum(s, u.setl_id, fee_line_ids)
    amt = auto if amount is None else amount
    _check_amount(ws, amt, auto, amount_reason)
    stamp = now()
    row = FindingRow(uuid=str(uuid.uuid4()), unit_id=u.id, category=category, amount=amt, amount_auto=auto,
                     amount_reason=amount_reason if amt != auto else "", basis=basis, note=note, status=status,
                     deleted=False, created_by=ws.user.name, created_at=stamp, updated_by=ws.user.name,
                     updated_at=stamp, version=1)
    s.add(row)
    s.flush()
    s.add_all([FindingLineRow(finding_id=row.id, fee_line_id=i) for i in ids])
    if u.status == "pending":
        u.status = "in_progress"
    bump(u)
    ws.log(s, "review.finding.create", "finding", row.id, after=finding_state(row) | {"lines": ids},
           details={"unit": u.id, "finding": row.id, "lines": ids, "uuid": row.uuid})
    return row.id


def update_finding(ws: Workspace, finding_id: int, *, expected_version: int | None = None, **changes: Any) -> int:
    """Change some fields of a finding; returns its new version. A no-op change writes nothing."""
    bad = set(changes) - set(EDITABLE_FINDING_FIELDS) - {"fee_line_ids"}
    if bad:
        raise BadInput(T("不能修改的字段：{f}", "fields that cannot be changed: {f}"), f=", ".join(sorted(bad)))
    if "category" in changes:
        _check_category(changes["category"])
    if "status" in changes and changes["status"] not in FINDING_STATUSES:
        raise BadInput(T("未知的发现状态：{s}", "unknown finding status: {s}"), s=changes["status"])
    with ws.store.session() as s:
        u = get_unit(s, get_finding(s, finding_id).unit_id, lock=True)
        row = get_finding(s, finding_id, lock=True)
        may_edit(ws, u)
        not_submitted(ws, u)
        check_lock(ws, s, row.id)
        if expected_version is not None and expected_version != row.version:
            raise Conflict(detail=T("该发现已被 {who} 于 {at} 修改，请重新打开后再保存",
                                    "the finding was changed by {who} at {at}; reopen it before saving")
                           .render(ws.lang, who=row.updated_by, at=f"{row.updated_at:%Y-%m-%d %H:%M:%S} UTC"))
        before = finding_state(row)
        old_lines = sorted(s.execute(select(FindingLineRow.fee_line_id).where(
            FindingLineRow.finding_id == row.id)).scalars())
        new_lines = old_lines
        auto = row.amount_auto
        if "fee_line_ids" in changes:
            new_lines, auto = lines_sum(s, u.setl_id, changes.pop("fee_line_ids"))
        amount = changes.get("amount", row.amount if new_lines == old_lines or row.amount != row.amount_auto else auto)
        reason = changes.get("amount_reason", row.amount_reason)
        _check_amount(ws, amount, auto, reason)
        changes["amount"] = amount
        changes["amount_reason"] = reason if amount != auto else ""
        after = before | {k: changes[k] for k in changes}
        if after == before and new_lines == old_lines:
            return row.version
        for k, v in changes.items():
            setattr(row, k, v)
        row.amount_auto = auto
        if new_lines != old_lines:
            s.query(FindingLineRow).filter(FindingLineRow.finding_id == row.id).delete()
            s.add_all([FindingLineRow(finding_id=row.id, fee_line_id=i) for i in new_lines])
        bump(row, ws)
        bump(u)
        flush_or_conflict(ws, s)
        ws.log(s, "review.finding.update", "finding", row.id, before=before | {"lines": old_lines},
               after=finding_state(row) | {"lines": new_lines},
               details={"unit": u.id, "finding": row.id, "before": before, "before_lines": old_lines,
                        "changed": sorted(k for k in after if after[k] != before.get(k))
                        + (["lines"] if new_lines != old_lines else [])})
        return row.version


def delete_finding(ws: Workspace, finding_id: int) -> None:
    with ws.store.session() as s:
        u = get_unit(s, get_finding(s, finding_id).unit_id, lock=True)
        row = get_finding(s, finding_id, lock=True)
        may_edit(ws, u)
        not_submitted(ws, u)
        check_lock(ws, s, row.id)
        before = finding_state(row)
        row.deleted = True
        bump(row, ws)
        bump(u)
        flush_or_conflict(ws, s)
        ws.log(s, "review.finding.delete", "finding", row.id, before=before, after=finding_state(row),
               details={"unit": u.id, "finding": row.id})
