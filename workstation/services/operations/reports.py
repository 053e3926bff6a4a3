"""Writing the periodic reports: PDF (report_pdf), DOCX from a replaceable template (docxtpl), XLSX.

Templates: the store's own per contract and kind (an admin replaces it; kept
inside the encrypted store as a setting, logged), else the shipped
resources/report_templates/<kind>.docx. docs/operations.md lists the placeholders.
"""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
from pathlib import Path
from typing import Any

from ...core.errors import BadInput, UsageError
from ...core.i18n import T
from ...paths import resource
from ...store.atomic import atomic_write_bytes
from .. import settings_service
from ..workspace import Workspace
from . import common, deadlines, report_data, report_pdf
from .report_data import SECTION_TITLES, ReportFigures

FORMATS = ("pdf", "docx", "xlsx")
KIND_PERIODS = {"monthly": ("month",), "quarterly": ("quarter",), "halfyear": ("half_year",),
                "annual": ("year",)}


def template_key(contract: str, kind: str) -> str:
    return f"report_template:{contract}:{kind}"


def template_bytes(ws: Workspace, contract: str, kind: str) -> tuple[bytes, str]:
    """(the template, where it came from: 'store' or 'shipped')."""
    got = settings_service.get(ws, template_key(contract, kind))
    if got:
        return base64.b64decode(got["docx"]), "store"
    return resource("report_templates", f"{kind}.docx").read_bytes(), "shipped"


def set_template(ws: Workspace, contract: str, kind: str, path: Path | None) -> None:
    """Replace (or with None, reset) a contract's DOCX template; admins only; logged."""
    ws.require_admin()
    if kind not in report_data.KINDS:
        raise UsageError(detail=kind)
    common.profile(ws, contract)
    if path is None:
        settings_service.put(ws, template_key(contract, kind), None)
        return
    data = Path(path).read_bytes()
    try:
        from docxtpl import DocxTemplate

        DocxTemplate(io.BytesIO(data)).get_undeclared_template_variables()
    except Exception as exc:  # a broken template is bad input, said before it is stored
        raise BadInput(T("模板无法读取：{why}", "the template cannot be read: {why}"), file=Path(path).name,
                       why=type(exc).__name__) from None
    settings_service.put(ws, template_key(contract, kind),
                         {"docx": base64.b64encode(data).decode("ascii"), "file": Path(path).name,
                          "sha256": hashlib.sha256(data).hexdigest()})


def _party_b(p: dict[str, Any], lang: str) -> str:
    return p.get("party_b") or T("（报告单位盖章）", "(submitted by, seal)").render(lang)


def docx_context(tpl, ws: Workspace, p: dict[str, Any], fig: ReportFigures) -> dict[str, Any]:
    """Every placeholder of the DOCX templates (docs/operations.md lists them)."""
    from docx.shared import Mm, Pt
    from docxtpl import InlineImage

    lang = ws.lang
    pics = report_pdf.section_charts(fig, lang)
    sections = []
    cn_num = "一二三四五六七八九十"
    for n, (name, body) in enumerate(fig.sections.items()):
        heading = SECTION_TITLES.get(name, T(name, name)).render(lang)
        heading = f"{n + 1}. {heading}" if lang == "en" else f"{cn_num[n] if n < 10 else n + 1}、{heading}"
        paragraphs = list(body.get("paragraphs", [])) if name == "analysis" else []
        if name == "inspections" and not body["count"]:
            paragraphs.append(T("本期未记录现场巡查。", "No on-site inspection recorded in this period.").render(lang))
        if name == "work_plan":
            paragraphs += [x for x in (body["intro"], body["summary"]) if x]
        tables = report_pdf.section_tables(fig, name, body, lang)
        sub = None
        if tables and not (name == "work_plan" and not body["items"]):
            sub = tpl.new_subdoc()
            for rows, _w, right in tables:
                t = sub.add_table(rows=len(rows), cols=len(rows[0]))
                t.style = "Table Grid"
                for r, row in enumerate(rows):
                    for c, v in enumerate(row):
                        cell = t.cell(r, c)
                        cell.text = "" if v is None else str(v)
                        for par in cell.paragraphs:
                            for run in par.runs:
                                run.font.size = Pt(10.5)
                                run.font.bold = r == 0
        chart = InlineImage(tpl, io.BytesIO(pics[name].png), width=Mm(150)) if name in pics else None
        sections.append({"name": name, "heading": heading, "paragraphs": paragraphs, "table": sub, "chart": chart})
    return {
        "title": report_pdf.report_title(p, fig, lang), "contract_id": p["id"],
        "contract_name": p.get("name_en" if lang == "en" else "name_zh", ""), "party_a": p.get("party_a", ""),
        "party_b": _party_b(p, lang), "period": report_pdf.period_label(fig, lang), "period_code": fig.period,
        "period_from": fig.first.isoformat(), "period_to": fig.last.isoformat(),
        "prepared_on": (f"{dt.date.today():%Y-%m-%d}" if lang == "en" else
                        f"{dt.date.today().year}年{dt.date.today().month}月{dt.date.today().day}日"),
        "sections": sections, "figures": fig.sections,
    }


def render_docx(ws: Workspace, p: dict[str, Any], fig: ReportFigures) -> bytes:
    from docxtpl import DocxTemplate

    data, _where = template_bytes(ws, p["id"], fig.kind)
    tpl = DocxTemplate(io.BytesIO(data))
    try:
        tpl.render(docx_context(tpl, ws, p, fig), autoescape=True)
    except Exception as exc:  # a replaced template with a broken placeholder
        raise BadInput(T("报告模板有误：{why}", "the report template is wrong: {why}"), why=str(exc)[:200]) from None
    buf = io.BytesIO()
    tpl.save(buf)
    return buf.getvalue()


def render_xlsx(ws: Workspace, p: dict[str, Any], fig: ReportFigures) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from .deductions import text_cell

    lang = ws.lang
    wb = Workbook()
    first = True
    for name, body in fig.sections.items():
        sheet = wb.active if first else wb.create_sheet()
        first = False
        sheet.title = SECTION_TITLES.get(name, T(name, name)).render(lang)[:31]
        r = 1
        text_cell(sheet.cell(r, 1), SECTION_TITLES.get(name, T(name, name)).render(lang))
        sheet.cell(r, 1).font = Font(bold=True, size=13)
        r += 2
        for line in body.get("paragraphs", []) if name == "analysis" else []:
            text_cell(sheet.cell(r, 1), line)
            r += 1
        for rows, _w, _right in report_pdf.section_tables(fig, name, body, lang):
            for i, row in enumerate(rows):
                for c, v in enumerate(row, start=1):
                    text_cell(sheet.cell(r, c), v)
                    if i == 0:
                        sheet.cell(r, c).font = Font(bold=True)
                r += 1
        for col in "ABCDEFGH":
            sheet.column_dimensions[col].width = 20
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def render_pdf(ws: Workspace, p: dict[str, Any], fig: ReportFigures) -> bytes:
    data = report_pdf.render_pdf(ws, p, fig)
    if "attendance" in fig.sections:  # seed 004: the month's attendance sheet goes with the plan and summary
        from .. import attendance_service

        sheet = attendance_service.render_pdf(ws, attendance_service.grid(ws, fig.period))
        data = _concat_pdfs(data, sheet)
    return data


def _concat_pdfs(*parts: bytes) -> bytes:
    import pypdfium2 as pdfium

    out = pdfium.PdfDocument.new()
    docs = [pdfium.PdfDocument(p) for p in parts]
    for d in docs:
        out.import_pages(d)
    buf = io.BytesIO()
    out.save(buf)
    for d in docs:
        d.close()
    out.close()
    return buf.getvalue()


def render(ws: Workspace, kind: str, period: str, fmt: str, contract: str | None = None) -> tuple[ReportFigures, bytes]:
    if fmt not in FORMATS:
        raise UsageError(detail=T("格式应为 pdf、docx 或 xlsx", "the format is pdf, docx or xlsx").render(ws.lang))
    p = common.profile(ws, contract)
    fig = report_data.figures(ws, kind, period, p["id"])
    render_fn = {"pdf": render_pdf, "docx": render_docx, "xlsx": render_xlsx}[fmt]
    return fig, render_fn(ws, p, fig)


def export(ws: Workspace, kind: str, period: str, path: Path | str, fmt: str | None = None,
           contract: str | None = None) -> dict[str, Any]:
    """Write a report atomically and log it (closing its deadline for the contract's matching reports)."""
    path = Path(path)
    fmt = fmt or path.suffix.lower().lstrip(".")
    fig, data = render(ws, kind, period, fmt, contract)
    atomic_write_bytes(path, data)
    sha = hashlib.sha256(data).hexdigest()
    p = common.profile(ws, fig.contract)
    ids = [r["id"] for r in p.get("reports") or [] if r.get("period") in KIND_PERIODS[kind]
           or (kind == "halfyear" and r.get("period") == "year" and int(r.get("count", 1)) == 2)] or [kind]
    with ws.store.session() as s:
        for rid in ids:
            ws.log(s, "report.export", "report", deadlines.report_key(fig.contract, rid, fig.period),
                   details={"file": path.name, "sha256": sha, "format": fmt, "kind": kind})
    return {"contract": fig.contract, "period": fig.period, "file": str(path), "format": fmt, "sha256": sha}


def preview_pages(data: bytes, scale: float = 1.0, pages: int = 2) -> list[bytes]:
    """The first pages of a PDF as PNG bytes (the reports view shows them)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    out = []
    try:
        for i in range(min(pages, len(doc))):
            img = doc[i].render(scale=scale).to_pil()
            buf = io.BytesIO()
            img.save(buf, format="PNG")
            out.append(buf.getvalue())
    finally:
        doc.close()
    return out
