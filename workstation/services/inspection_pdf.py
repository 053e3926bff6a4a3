"""Inspection records on the standard form layouts (现场检查笔录, 询问笔录), as PDF.

The document is in Chinese whatever the interface language (it is handed to
the institution and goes into the case file). ID numbers are masked (first 6
+ last 4). Each record ends with its signatures and the seal: number, SHA-256,
who sealed it and when. Photos and scans follow as an index with their hashes
and thumbnails of images.
"""
from __future__ import annotations

import io
from typing import Callable

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Image, KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle

from .inspection_service import KIND_LABELS, RECORD_LABELS, SIGNER_ROLES, InspectionInfo, RecordInfo
from .pdf_common import build_pdf, esc, register_font, styles

WIDTH = 174 * mm  # A4 minus the margins
Loader = Callable[[int], bytes]  # attachment id → bytes

CAUTION = ("我们是医疗保障基金监督检查工作人员，现依法向你了解有关情况。你应当如实回答询问，"
           "协助调查，不得阻挠。你有陈述和申辩的权利。对与本案无关的问题，你有拒绝回答的权利。你听清楚了吗？")


def image(data: bytes, max_w: float, max_h: float) -> Image | None:
    """A reportlab image scaled into the box (PNG signatures keep their transparency as white)."""
    try:
        from PIL import Image as PILImage

        im = PILImage.open(io.BytesIO(data))
        im.load()
        if im.mode in ("RGBA", "LA", "P"):
            im = im.convert("RGBA")
            bg = PILImage.new("RGB", im.size, "white")
            bg.paste(im, mask=im.split()[-1])
            im = bg
        elif im.mode not in ("RGB", "L"):
            im = im.convert("RGB")
        im.thumbnail((900, 900))
        buf = io.BytesIO()
        im.save(buf, format="PNG")
        w, h = im.size
    except Exception:  # noqa: BLE001 - an unreadable image becomes a line in the index, not a failure
        return None
    scale = min(max_w / w, max_h / h)
    buf.seek(0)
    return Image(buf, width=w * scale, height=h * scale)


def _when(text: str) -> str:
    """'2025-03-04 10:15' → '2025年03月04日10时15分'."""
    t = (text or "").strip()
    if len(t) >= 16 and t[4] == "-" and t[7] == "-":
        return f"{t[:4]}年{t[5:7]}月{t[8:10]}日{t[11:13]}时{t[14:16]}分"
    if len(t) == 10:
        return f"{t[:4]}年{t[5:7]}月{t[8:10]}日"
    return t


def _form(rows: list[list], widths: list[float], spans: list = ()) -> Table:
    st = styles()
    label = st.cell.clone("ws-form-label", fontSize=10, leading=14)
    value = st.cell.clone("ws-form-value", fontSize=10, leading=14)
    data = []
    for row in rows:
        cells = []
        for i, c in enumerate(row):
            if isinstance(c, str):
                cells.append(Paragraph(esc(c), label if i % 2 == 0 else value))
            else:
                cells.append(c if c is not None else "")
        data.append(cells)
    t = Table(data, colWidths=widths)
    cmds = [("GRID", (0, 0), (-1, -1), 0.6, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]
    for sp in spans:
        cmds.append(("SPAN",) + sp)
    t.setStyle(TableStyle(cmds))
    return t


def _signatures(rec: RecordInfo, roles: tuple[str, ...], load: Loader) -> Table:
    st = styles()
    cells = []
    by_role = {a.signer_role: a for a in rec.attachments if a.kind == "signature"}
    paper = [a for a in rec.attachments if a.kind == "signed_paper"]
    for role in roles:
        a = by_role.get(role)
        img = image(load(a.id), 50 * mm, 18 * mm) if a else None
        label = Paragraph(esc(SIGNER_ROLES[role].render("zh_CN") + "签名："), st.body)
        mark = img or Paragraph(esc("（见签字纸质笔录照片）" if paper else ""), st.small)
        cells.append([label, mark])
    rows = [[c[0] for c in cells], [c[1] for c in cells]]
    w = WIDTH / len(roles)
    t = Table(rows, colWidths=[w] * len(roles), rowHeights=[8 * mm, 22 * mm])
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LINEBELOW", (0, 1), (-1, 1), 0.5, colors.black),
                           ("LEFTPADDING", (0, 0), (-1, -1), 2)]))
    return t


def _seal(rec: RecordInfo) -> list:
    st = styles()
    if not rec.sealed:
        return [Paragraph(esc("草稿：尚未签名封存，不作为证据使用。"), st.small)]
    lines = [f"笔录编号 {rec.number}　签名封存：{rec.sealed_by}　{rec.sealed_at}",
             f"封存哈希（SHA-256）：{rec.seal_hash}"]
    if rec.corrects_id:
        lines.append(f"本笔录为对笔录 #{rec.corrects_id} 的更正。")
    if rec.corrected_by:
        lines.append("本笔录已被更正，见笔录 " + "、".join(f"#{i}" for i in rec.corrected_by) + "。")
    return [Paragraph(esc(x), st.small) for x in lines]


def _interview(insp: InspectionInfo, rec: RecordInfo, load: Loader) -> list:
    st = styles()
    c = rec.content
    title = st.title.clone("ws-form-title", fontSize=22, leading=30, spaceAfter=4)
    out: list = [Paragraph("询 问 笔 录", title),
                 Paragraph(esc(f"编号：{rec.number}"), st.small.clone("r", alignment=2)), Spacer(1, 2 * mm)]
    w = [28 * mm, 59 * mm, 28 * mm, 59 * mm]
    out.append(_form([
        ["时间", f"{_when(c.started_at)} 至 {_when(c.ended_at)}", "", ""],
        ["地点", c.place, "", ""],
        ["询问人", c.interviewer, "记录人", c.recorder],
        ["被询问人", c.interviewee_name, "身份证号码", c.interviewee_id_masked],
        ["工作单位及职务", c.interviewee_unit, "", ""],
        ["被检查单位", f"{insp.institution_name}（{insp.institution_code}）", "检查类型",
         KIND_LABELS[insp.kind].render("zh_CN")],
    ], w, spans=[((1, 0), (3, 0)), ((1, 1), (3, 1)), ((1, 4), (3, 4))]))
    out.append(Spacer(1, 4 * mm))
    qa = st.body.clone("ws-qa", fontSize=10.5, leading=18, firstLineIndent=0)
    out.append(Paragraph(esc("问：" + CAUTION), qa))
    out.append(Paragraph(esc("答：听清楚了。"), qa))
    for item in c.qa:
        out.append(Paragraph(esc("问：" + item.question), qa))
        out.append(Paragraph(esc("答：" + item.answer), qa))
    out.append(Paragraph(esc("（以下空白）"), qa))
    out.append(Spacer(1, 3 * mm))
    out.append(Paragraph(esc("被询问人核对意见：以上笔录我已看过（或已向我宣读过），与我所说的一致。"), qa))
    out.append(KeepTogether([_signatures(rec, ("interviewee", "interviewer", "recorder"), load),
                             Spacer(1, 3 * mm)] + _seal(rec)))
    return out


def _site(insp: InspectionInfo, rec: RecordInfo, load: Loader) -> list:
    st = styles()
    c = rec.content
    title = st.title.clone("ws-form-title", fontSize=22, leading=30, spaceAfter=4)
    out: list = [Paragraph("现 场 检 查 笔 录", title),
                 Paragraph(esc(f"编号：{rec.number}"), st.small.clone("r", alignment=2)), Spacer(1, 2 * mm)]
    w = [34 * mm, 53 * mm, 30 * mm, 57 * mm]
    body = st.body.clone("ws-site", fontSize=10.5, leading=17)
    leads = "、".join(x.setl_id + (f"（{x.note}）" if x.note else "") for x in insp.leads) or "—"
    present = "，".join(x for x in (c.interviewee_name, c.interviewee_id_masked, c.interviewee_unit) if x)
    out.append(_form([
        ["被检查单位", f"{insp.institution_name}（{insp.institution_code}）", "", ""],
        ["检查时间", f"{_when(c.started_at)} 至 {_when(c.ended_at)}", "", ""],
        ["检查地点", c.place, "检查类型", KIND_LABELS[insp.kind].render("zh_CN")],
        ["检查人员", c.interviewer, "记录人", c.recorder],
        ["被检查单位在场人员", present, "", ""],
        ["核查线索", leads, "", ""],
        ["检查情况", Paragraph(esc(c.text).replace("\n", "<br/>"), body), "", ""],
    ], w, spans=[((1, 0), (3, 0)), ((1, 1), (3, 1)), ((1, 4), (3, 4)), ((1, 5), (3, 5)), ((1, 6), (3, 6))]))
    out.append(Spacer(1, 3 * mm))
    out.append(Paragraph(esc("被检查单位意见：以上情况属实。"), body))
    out.append(KeepTogether([_signatures(rec, ("inspector", "present", "recorder"), load), Spacer(1, 3 * mm)]
                            + _seal(rec)))
    return out


def _attachments(rec: RecordInfo, load: Loader) -> list:
    st = styles()
    ev = [a for a in rec.attachments if a.kind != "signature"]
    if not ev:
        return []
    out: list = [PageBreak(), Paragraph(esc(f"附件（笔录 {rec.number}）"), st.h1)]
    rows = [["序号", "类型", "文件", "大小", "SHA-256"]]
    kinds = {"evidence": "照片/扫描件", "signed_paper": "签字笔录照片"}
    for i, a in enumerate(ev, 1):
        rows.append([str(i), kinds.get(a.kind, a.kind), a.file_name, f"{a.size:,}", a.sha256])
    from .pdf_common import table

    out.append(table(rows, [12 * mm, 26 * mm, 40 * mm, 18 * mm, 78 * mm]))
    for i, a in enumerate(ev, 1):
        if a.mime.startswith("image/"):
            img = image(load(a.id), 80 * mm, 60 * mm)
            if img is not None:
                out.append(KeepTogether([Spacer(1, 3 * mm), Paragraph(esc(f"附件 {i}：{a.file_name}"), st.small),
                                         img]))
    return out


def record_story(insp: InspectionInfo, rec: RecordInfo, load: Loader) -> list:
    """The flowables of one record (form, signatures, seal, attachments) — also used by the dossier."""
    body = _interview(insp, rec, load) if rec.kind == "interview" else _site(insp, rec, load)
    return body + _attachments(rec, load)


def render(insp: InspectionInfo, records: list[RecordInfo], load: Loader) -> bytes:
    register_font()
    story: list = []
    for i, rec in enumerate(records):
        if i:
            story.append(PageBreak())
        story += record_story(insp, rec, load)
    if not records:
        story.append(Paragraph("本次检查尚无笔录。", styles().body))
    kinds = "、".join(sorted({RECORD_LABELS[r.kind].render("zh_CN") for r in records})) or "检查笔录"
    return build_pdf(story, title=f"{kinds} {insp.institution_code} {insp.date}",
                     header=f"医疗保障基金现场检查 · {KIND_LABELS[insp.kind].render('zh_CN')} · {insp.date}",
                     footer=records[0].number if len(records) == 1 else "", subject="检查笔录")


def loader(ws) -> Loader:
    from . import inspection_service

    def load(attachment_id: int) -> bytes:
        return inspection_service.attachment_content(ws, attachment_id)[1]

    return load


def record_pdf(ws, record_id: int) -> bytes:
    from . import inspection_service

    rec = inspection_service.record(ws, record_id)
    insp = inspection_service.inspection(ws, rec.inspection_id)
    return render(insp, [rec], loader(ws))


def export(ws, inspection_id: int, target, *, record_id: int | None = None) -> dict:
    """Write the inspection's records (or one) to ``target`` atomically; logged. Returns the CLI's JSON."""
    import hashlib
    from pathlib import Path

    from ..store.atomic import atomic_write_bytes
    from . import inspection_service

    insp = inspection_service.inspection(ws, inspection_id)
    records = [r for r in insp.records if record_id is None or r.id == record_id]
    pdf = render(insp, records, loader(ws))
    target = Path(target)
    atomic_write_bytes(target, pdf)
    sha = hashlib.sha256(pdf).hexdigest()
    with ws.store.session() as s:
        ws.log(s, "inspection.export", "inspection", insp.id, details={
            "file": target.name, "sha256": sha, "records": [r.id for r in records]})
    return {"inspection_id": insp.id, "file": str(target), "sha256": sha,
            "records": [{"id": r.id, "number": r.number, "status": r.status, "seal_hash": r.seal_hash}
                        for r in records]}
