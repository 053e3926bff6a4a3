"""Deductions to Party A (扣款清单): final confirmed findings, deducted in the settlement month after
they became final (operations.md, "Deductions to Party A"; seed 002: confirmed items are deducted at
the next month's settlement).

A finding is final when the reviewer confirmed it on a submitted unit and
- it never went to appeal: final on the day the unit was decided;
- the appeal was answered and the finding stayed (upheld or adjusted): final on the answer's day;
- the appeal got no answer by its deadline: final on the day after the deadline.
Withdrawn findings and findings with an open appeal are not deducted.
"""
from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from ...core.i18n import T
from ...core.money import fen_to_str
from ...store.models.claims import SettlementRow
from ...store.models.review import AppealRow, FindingRow, ReviewUnitRow
from ..workspace import Workspace
from . import common, source


@dataclass(frozen=True)
class DeductedFinding:
    finding_id: int
    setl_id: str
    fixmedins_code: str
    fixmedins_name: str
    category: str
    amount: int
    basis: str
    final_on: dt.date


@dataclass(frozen=True)
class InstitutionTotal:
    fixmedins_code: str
    fixmedins_name: str
    findings: int
    amount: int


@dataclass(frozen=True)
class DeductionList:
    month: str
    institutions: tuple[InstitutionTotal, ...]
    findings: tuple[DeductedFinding, ...]
    total: int


def final_on(decided_at: dt.datetime | None, appeal: AppealRow | None) -> dt.date | None:
    """The day a confirmed finding became final, or None while it is not."""
    if appeal is None:
        return decided_at.date() if decided_at else None
    if appeal.status == "answered" and appeal.outcome in ("upheld", "adjusted"):
        return appeal.answered_on
    if appeal.status == "confirmed_silence":
        return appeal.deadline + dt.timedelta(days=1)
    return None


def deduction_list(ws: Workspace, month: str) -> DeductionList:
    """Findings deducted in the settlement month ``month`` (final in the month before)."""
    first, _last, label = common.parse_period("month", month, ws.lang)
    final_last = first - dt.timedelta(days=1)
    final_first = final_last.replace(day=1)
    out: list[DeductedFinding] = []
    with ws.store.read() as s:
        rows = s.execute(
            select(FindingRow.id, FindingRow.category, FindingRow.amount, FindingRow.basis, ReviewUnitRow.setl_id,
                   ReviewUnitRow.decided_at, SettlementRow.fixmedins_code, SettlementRow.fixmedins_name)
            .join(ReviewUnitRow, ReviewUnitRow.id == FindingRow.unit_id)
            .join(SettlementRow, SettlementRow.setl_id == ReviewUnitRow.setl_id)
            .where(source.live_settlements(), FindingRow.status == "confirmed", FindingRow.deleted.is_(False),
                   ReviewUnitRow.submitted.is_(True), ReviewUnitRow.status == "violation")).all()
        ids = [r[0] for r in rows]
        appeals: dict[int, AppealRow] = {}
        for i in range(0, len(ids), 500):
            for a in s.execute(select(AppealRow).where(AppealRow.finding_id.in_(ids[i:i + 500]))
                               .order_by(AppealRow.id)).scalars():
                appeals[a.finding_id] = a  # the latest appeal decides
        for fid, cat, amount, basis, setl_id, decided_at, code, name in rows:
            day = final_on(decided_at, appeals.get(fid))
            if day is None or not final_first <= day <= final_last:
                continue
            out.append(DeductedFinding(fid, setl_id, code or "", name or "", cat, int(amount), basis or "", day))
    out.sort(key=lambda f: (f.fixmedins_code, f.setl_id, f.finding_id))
    by_inst: dict[str, list[DeductedFinding]] = {}
    for f in out:
        by_inst.setdefault(f.fixmedins_code, []).append(f)
    insts = tuple(InstitutionTotal(code, fs[0].fixmedins_name, len(fs), sum(f.amount for f in fs))
                  for code, fs in sorted(by_inst.items()))
    return DeductionList(label, insts, tuple(out), sum(f.amount for f in out))


def to_json(d: DeductionList) -> dict[str, Any]:
    return {"month": d.month,
            "institutions": [{"fixmedins_code": i.fixmedins_code, "findings": i.findings, "amount": fen_to_str(i.amount)}
                             for i in d.institutions],
            "total": fen_to_str(d.total)}


def text_cell(cell, value: Any) -> None:
    """A text cell that stays text: a value starting with = + - @ must not become a formula."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
        if value[:1] in ("=", "+", "-", "@"):
            cell.quotePrefix = True


def render_xlsx(ws: Workspace, d: DeductionList, contract_name: str = "", party_a: str = "") -> bytes:
    """Party A's layout: a detail sheet (序号, 机构, 结算ID, 违规类别, 金额, 确认日期, 依据) and a per-institution sheet."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    from ..catalog_service import violations

    names = {v.code: v.name(ws.lang) for v in violations()}
    lang = ws.lang
    wb = Workbook()
    thin = Side(style="thin", color="7B8794")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    head_fill = PatternFill("solid", fgColor="E4E9F0")
    bold = Font(bold=True)
    detail = wb.active
    detail.title = T("扣款明细", "Details").render(lang)
    title = T("{m} 违规费用扣款清单", "Deductions for the settlement of {m}").render(lang, m=d.month)
    text_cell(detail.cell(1, 1), title)
    detail.cell(1, 1).font = Font(bold=True, size=14)
    detail.merge_cells(start_row=1, start_column=1, end_row=1, end_column=8)
    text_cell(detail.cell(2, 1), "　".join(x for x in (contract_name, (T("甲方：", "Party A: ").render(lang) + party_a)
                                                   if party_a else "") if x))
    heads = [T("序号", "No."), T("定点医药机构编号", "Institution code"), T("定点医药机构名称", "Institution"),
             T("结算ID", "Settlement ID"), T("违规类别", "Violation"), T("扣款金额（元）", "Amount (yuan)"),
             T("最终确认日期", "Final on"), T("依据", "Basis")]
    for c, h in enumerate(heads, start=1):
        cell = detail.cell(4, c)
        text_cell(cell, h.render(lang))
        cell.font, cell.fill, cell.border = bold, head_fill, border
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    r = 5
    for n, f in enumerate(d.findings, start=1):
        values = [n, f.fixmedins_code, f.fixmedins_name, f.setl_id, names.get(f.category, f.category),
                  None, f.final_on.isoformat(), f.basis]
        for c, v in enumerate(values, start=1):
            cell = detail.cell(r, c)
            if c != 6:
                text_cell(cell, v)
            cell.border = border
        amount = detail.cell(r, 6)
        amount.value = _decimal(f.amount)
        amount.number_format = "#,##0.00"
        r += 1
    text_cell(detail.cell(r, 5), T("合计", "Total").render(lang))
    detail.cell(r, 5).font = bold
    tot = detail.cell(r, 6)
    tot.value, tot.number_format, tot.font = _decimal(d.total), "#,##0.00", bold
    for col, width in zip("ABCDEFGH", (6, 18, 30, 22, 22, 14, 14, 30)):
        detail.column_dimensions[col].width = width
    detail.freeze_panes = "A5"
    summary = wb.create_sheet(T("机构汇总", "By institution").render(lang))
    for c, h in enumerate([T("定点医药机构编号", "Institution code"), T("定点医药机构名称", "Institution"),
                           T("违规条数", "Findings"), T("扣款金额（元）", "Amount (yuan)")], start=1):
        cell = summary.cell(1, c)
        text_cell(cell, h.render(lang))
        cell.font, cell.fill, cell.border = bold, head_fill, border
    for r, i in enumerate(d.institutions, start=2):
        text_cell(summary.cell(r, 1), i.fixmedins_code)
        text_cell(summary.cell(r, 2), i.fixmedins_name)
        summary.cell(r, 3).value = i.findings
        summary.cell(r, 4).value = _decimal(i.amount)
        summary.cell(r, 4).number_format = "#,##0.00"
    for col, width in zip("ABCD", (18, 30, 10, 16)):
        summary.column_dimensions[col].width = width
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _decimal(fen: int):
    from decimal import Decimal

    return Decimal(fen_to_str(fen))


def export_xlsx(ws: Workspace, month: str, path) -> dict[str, Any]:
    """Write the month's list as Party A's XLSX, atomically; logged with its SHA-256."""
    import hashlib
    from pathlib import Path

    from ...store.atomic import atomic_write_bytes
    from .. import profile_service

    d = deduction_list(ws, month)
    p = profile_service.active_profile(ws)
    data = render_xlsx(ws, d, p.get("name_en" if ws.lang == "en" else "name_zh", ""), p.get("party_a", ""))
    path = Path(path)
    atomic_write_bytes(path, data)
    sha = hashlib.sha256(data).hexdigest()
    with ws.store.session() as s:
        ws.log(s, "report.export", "report", f"{p['id']}:deductions:{d.month}",
               details={"file": path.name, "sha256": sha, "findings": len(d.findings)})
    return {**to_json(d), "file": str(path), "sha256": sha}
