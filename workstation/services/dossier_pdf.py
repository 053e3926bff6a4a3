"""Layout of a dossier (稽核卷宗) PDF with reportlab.

Input is the dossier's snapshot (plain JSON, built by dossier_service) plus the
evidence images for thumbnails; output is the PDF bytes, the page count and
where the empty signature fields go on the signatures page. The document is in
Chinese (it is addressed to the bureau); numbers and codes are as stored.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Callable

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak, Flowable, Image, PageBreak, Paragraph, Spacer, Table, TableStyle,
)
from reportlab.lib.styles import ParagraphStyle

from reportlab.pdfbase import pdfmetrics

from .dossier_pdf_appraisal import annex_section, appraisal_section
from .pdf_common import FONT, build_pdf, esc, register_font, styles
from .signing import SigField
from . import inspection_exhibits  # issue 21

CONTENT_WIDTH = 174 * mm  # A4 minus 18 mm margins
DESIGN_NAMES = {"srs": "简单随机抽样", "stratified": "分层随机抽样", "pps": "按金额概率抽样", "census": "全量审核"}
SIG_W, SIG_H = 80 * mm, 34 * mm
PREPARER_FIELD = "Preparer"
APPROVER_FIELD = "Approver"


@dataclass
class Rendered:
    pdf: bytes
    pages: int
    fields: list[SigField]


def money(s: str | None) -> str:
    """'1234567.50' → '1,234,567.50' (display only; the value stays a string)."""
    if s is None:
        return "—"
    neg = s.startswith("-")
    whole, _, frac = s.lstrip("-").partition(".")
    return ("-" if neg else "") + f"{int(whole):,}.{frac or '00'}"


def cnt(v: int | None) -> str:
    if v is None:
        return ""
    q, r = divmod(abs(int(v)), 10_000)
    text = f"{q}" if r == 0 else f"{q}.{r:04d}".rstrip("0")
    return ("-" if v < 0 else "") + text


PAGEREF_W = 14 * mm


def _form_name(key: str) -> str:
    return "pg_" + "".join(ch if ch.isalnum() else "_" for ch in key)


class PageRef(Flowable):
    """The page number of a heading, drawn through a form the heading defines later."""

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key
        self.width, self.height = PAGEREF_W, 12

    def wrap(self, aw, ah):
        return self.width, self.height

    def draw(self) -> None:
        self.canv.doForm(_form_name(self.key))


class Heading(Paragraph):
    """A heading that registers itself in the table of contents and the PDF outline."""

    def __init__(self, text: str, style, level: int, key: str) -> None:
        super().__init__(esc(text), style)
        self.toc_level, self.toc_key, self.toc_text = level, key, text

    def draw(self) -> None:
        super().draw()
        c = self.canv
        if self.toc_level == 0:
            # Sections only: a long flat chain of outline items (one per finding)
            # makes pyHanko's change analysis recurse past Python's limit.
            c.bookmarkPage(self.toc_key)
            c.addOutlineEntry(self.toc_text, self.toc_key, level=0)
        # The table of contents shows this page number through a form defined
        # only now (a forward reference), so one layout pass is enough.
        c.beginForm(_form_name(self.toc_key), 0, 0, PAGEREF_W, 12)
        c.setFont(FONT, 9 if self.toc_level == 0 else 8)
        c.drawRightString(PAGEREF_W, 3.5, str(c.getPageNumber()))
        c.endForm()


class SigBoxes(Flowable):
    """The two empty signature boxes side by side; remembers where they were drawn.

    It must sit directly in the page frame (not inside a table), so that the
    coordinates drawOn receives are absolute page coordinates.
    """

    def __init__(self, boxes: list[tuple[str, str]], sink: dict) -> None:
        super().__init__()
        self.boxes, self.sink = boxes, sink
        self.width, self.height = CONTENT_WIDTH, SIG_H + 6 * mm
        self.gap = 0.0

    def wrap(self, aw, ah):
        self.width = min(aw, CONTENT_WIDTH)
        self.gap = max(0.0, self.width - 2 * SIG_W)
        return self.width, self.height

    def drawOn(self, canvas, x, y, _sW=0):  # noqa: N802 - reportlab naming
        for i, (name, _) in enumerate(self.boxes):
            bx = x + i * (SIG_W + self.gap)
            self.sink[name] = SigField(name, canvas.getPageNumber() - 1, (bx, y, bx + SIG_W, y + SIG_H))
        super().drawOn(canvas, x, y, _sW)

    def draw(self) -> None:
        c = self.canv
        for i, (_, caption) in enumerate(self.boxes):
            c.saveState()
            c.translate(i * (SIG_W + self.gap), 0)
            c.setStrokeColor(colors.HexColor("#1f3a5f"))
            c.setDash(3, 2)
            c.rect(0, 0, SIG_W, SIG_H)
            c.setFont(FONT, 9)
            c.setFillColor(colors.HexColor("#1f3a5f"))
            c.drawString(0, SIG_H + 2 * mm, caption)
            c.setFont(FONT, 7.5)
            c.setFillColor(colors.HexColor("#8a94a0"))
            c.drawCentredString(SIG_W / 2, SIG_H / 2 - 3, "（数字签名处，签署前为空）")
            c.restoreState()


CELL_SIZE = 8.5
_STYLES = None


def _styles():
    global _STYLES
    if _STYLES is None:
        _STYLES = styles()
    return _STYLES


def _cell(text: object, width: float, style) -> object:
    """A plain string when it fits on one line (fast), else a wrapping Paragraph.

    Paragraph layout of CJK text dominates the cost of a 500-finding dossier;
    most cells are short codes and amounts that never wrap.
    """
    s = "" if text is None else str(text)
    if "\n" not in s and pdfmetrics.stringWidth(s, FONT, CELL_SIZE) <= width - 6.5:
        return s
    return Paragraph(esc(s), style)


def _table(rows: list[list[object]], widths: list[float], *, align_right=()) -> Table:
    """Like pdf_common.table (same look, header repeated on each page), with fast plain cells."""
    st = _styles()
    data = [[_cell(c, w, st.cell_head if r == 0 else st.cell) for c, w in zip(row, widths)]
            for r, row in enumerate(rows)]
    t = Table(data, colWidths=widths, repeatRows=1)
    cmds = [
        ("FONTNAME", (0, 0), (-1, -1), FONT), ("FONTSIZE", (0, 0), (-1, -1), CELL_SIZE),
        ("LEADING", (0, 0), (-1, -1), 11), ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9aa5b1")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#1f3a5f")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f2f5f9")]),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    for col in align_right:
        cmds.append(("ALIGN", (col, 1), (col, -1), "RIGHT"))
    t.setStyle(TableStyle(cmds))
    return t


def _kv(rows: list[tuple[str, str]], st, label_w: float = 34 * mm) -> Table:
    vw = CONTENT_WIDTH - label_w
    data = [[_cell(k, label_w, st.cell), _cell(v, vw, st.cell)] for k, v in rows]
    t = Table(data, colWidths=[label_w, vw])
    t.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT), ("FONTSIZE", (0, 0), (-1, -1), CELL_SIZE),
        ("LEADING", (0, 0), (-1, -1), 11),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9aa5b1")),
        ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#e8edf3")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    return t


def _thumb(data: bytes, max_w: float, max_h: float) -> Image | None:
    try:
        from PIL import Image as PILImage

        im = PILImage.open(io.BytesIO(data))
        im.thumbnail((480, 480))
        if im.mode not in ("RGB", "L"):
            im = im.convert("RGB")
        buf = io.BytesIO()
        im.save(buf, format="JPEG", quality=70)
        w, h = im.size
    except Exception:  # noqa: BLE001 - a damaged image becomes a line in the index, not a failure
        return None
    scale = min(max_w / w, max_h / h)
    buf.seek(0)
    return Image(buf, width=w * scale, height=h * scale)


def _cover(snap: dict, st) -> list:
    inst = snap.get("institution") or {}
    period = snap.get("period") or {}
    sample = snap.get("sample") or {}
    contract = snap.get("contract") or {}
    team = "、".join(f"{m['display_name']}（{m['role_label']}）" for m in snap.get("team", []))
    sup = snap.get("supersedes")
    big = ParagraphStyle("cover", parent=st.title, fontSize=26, leading=36, spaceAfter=6)
    rows = [
        ("卷宗编号", f"{snap['number']}（第 {snap['revision']} 版）"),
        ("服务合同", contract.get("name", "")),
        ("甲方", contract.get("party_a", "")),
        ("定点医药机构", f"{inst.get('name') or ''}（{inst.get('code') or '—'}）" if inst else "—"),
        ("稽核期间", f"{period.get('from') or '…'} 至 {period.get('to') or '…'}"
                     if (period.get("from") or period.get("to")) else "不限期间（全部已审核单元）"),
        ("样本", f"{sample.get('code')}（{DESIGN_NAMES.get(sample.get('method'), '')}，种子 {sample.get('seed')}）"
         if sample else "—"),
        ("稽核组", team or "—"),
        ("编制人", snap.get("preparer_display", "")),
        ("编制时间", snap.get("compiled_at", "")),
    ]
    if sup:
        rows.append(("更正说明", f"本卷宗为第 {sup['revision']} 版（{sup['number']}）的更正版本，取代原版本；"
                             f"原版本 PDF SHA-256：{sup.get('pdf_sha256') or '—'}"))
    return [Spacer(1, 30 * mm), Paragraph("医疗保障基金稽核卷宗", big),
            Paragraph(esc(snap.get("title", "")), st.h1), Spacer(1, 14 * mm), _kv(rows, st), Spacer(1, 20 * mm),
            Paragraph("本卷宗含数字签名。校验方法：以项目 CA 证书为信任根，在 PDF 阅读器中查看签名，"
                      "或运行 workstation dossier verify 文件.pdf。", st.small),
            PageBreak()]


TOP_SECTIONS = [("summary", "一、概况"), ("violations", "二、违规情况（按类别）"), ("appraisal", "三、推算与主张金额"),
                ("appeals", "四、申诉及处理结果"), ("findings", "五、发现明细")]


def _toc(snap: dict, st) -> list:
    entries = list(TOP_SECTIONS)
    top = ParagraphStyle("toc0", fontName=FONT, fontSize=10.5, leading=14)
    sub = ParagraphStyle("toc1", fontName=FONT, fontSize=8.5, leading=11, leftIndent=8 * mm)
    rows, levels = [], []
    for key, text in entries:
        rows.append([text, PageRef(key)])
        levels.append(0)
        if key == "findings":
            for f in snap.get("findings", []):
                rows.append([_finding_title(f), PageRef(f"finding-{f['no']}")])
                levels.append(1)
    annex = (snap.get("appraisal_page") or {}).get("annex")
    if annex:
        rows.append(["附件一、抽样可复核说明", PageRef("annex")])
        levels.append(0)
        if not annex["inline"] and annex["ids"]:
            rows.append(["附件二、抽中单元清单", PageRef("annex-ids")])
            levels.append(0)
    rows.append(["六、签名", PageRef("signatures")])
    levels.append(0)
    data = [[Paragraph(esc(text), top if lvl == 0 else sub), ref] for (text, ref), lvl in zip(rows, levels)]
    t = Table(data, colWidths=[CONTENT_WIDTH - PAGEREF_W - 4, PAGEREF_W + 4])
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                           ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#c5ccd4"), 0, (1, 2)),
                           ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    return [Paragraph("目录", st.h1), t, PageBreak()]


def _finding_title(f: dict) -> str:
    return f"{f['no']}. {f['category_name']}（结算 {f['setl_id']}）"


def _summary(snap: dict, st) -> list:
    out: list = [Heading("一、概况", st.h1, 0, "summary")]
    fr = snap.get("frame", {})
    out.append(_kv([
        ("期间内结算单元（总体）", f"{fr.get('units_in_frame', 0)} 个"),
        ("抽取样本单元", f"{fr.get('sampled', 0)} 个"),
        ("已审核单元", f"{fr.get('reviewed', 0)} 个"),
        ("本卷宗收录发现", f"{len(snap.get('findings', []))} 项"),
    ], st, 50 * mm))
    out.append(Heading("二、违规情况（按类别）", st.h1, 0, "violations"))
    rows: list[list] = [["违规类别", "发现数", "金额（元）"]]
    for v in snap.get("violations", []):
        rows.append([v["name"], str(v["count"]), money(v["amount"])])
    tot = snap.get("violations_total", {})
    rows.append(["合计", str(tot.get("count", 0)), money(tot.get("amount", "0.00"))])
    out.append(_table(rows, [114 * mm, 22 * mm, 38 * mm], align_right=(1, 2)))
    out.append(Heading("三、推算与主张金额", st.h1, 0, "appraisal"))
    out += appraisal_section(snap, st, _kv, _table)
    out.append(Heading("四、申诉及处理结果", st.h1, 0, "appeals"))
    appeals = snap.get("appeals", [])
    if appeals:
        rows = [["发现", "结算ID", "送达日期", "申诉期限", "状态", "结果", "答复"]]
        for a in appeals:
            rows.append([str(a["finding_no"]), a["setl_id"], a["sent_on"], a["deadline"], a["status_label"],
                         a.get("outcome_label") or "—", a.get("answer") or ""])
        out.append(_table(rows, [12 * mm, 28 * mm, 20 * mm, 20 * mm, 22 * mm, 18 * mm, 54 * mm]))
    else:
        out.append(Paragraph("本卷宗所涉发现均未发起申诉。", st.body))
    return out


def _finding(f: dict, st, images: Callable[[str], bytes | None] | None) -> list:
    out: list = [CondPageBreak(40 * mm),
                 Heading(_finding_title(f), st.h2, 1, f"finding-{f['no']}")]
    out.append(_kv([
        ("审核单元", f"#{f['unit_id']} · 结算 {f['setl_id']} · {f.get('visit') or ''}"),
        ("参保人", f.get("person") or "—"),
        ("违规类别", f["category_name"]),
        ("认定金额", f"{money(f['amount'])} 元" + (f"（明细合计 {money(f['amount_auto'])} 元；调整理由：{f['amount_reason']}）"
                                                if f.get("amount_auto") not in (None, f["amount"]) else "")),
        ("其中基金支付", f"{money(f['fund_amount'])} 元" if f.get("fund_amount") is not None
         else "—（未导入符合范围金额）"),
        ("状态", f.get("status_label", "")),
        ("政策依据", f.get("basis") or "—"),
        ("审核意见", f.get("note") or "—"),
        ("审核人", f.get("created_by_display") or ""),
    ], st, 24 * mm))
    lines = f.get("lines", [])
    if lines:
        rows = [["序号", "明细流水号", "项目编码", "项目名称", "数量", "单价", "金额（元）"]]
        for i, ln in enumerate(lines, 1):
            rows.append([str(i), ln["feedetl_sn"], ln.get("code") or "", ln.get("name") or "", cnt(ln.get("cnt")),
                         money(ln.get("pric")), money(ln.get("amount"))])
        out.append(Spacer(1, 2 * mm))
        out.append(_table(rows, [10 * mm, 28 * mm, 30 * mm, 50 * mm, 14 * mm, 18 * mm, 24 * mm],
                         align_right=(4, 5, 6)))
    ev = f.get("evidence", [])
    if ev:
        thumbs = []
        if images is not None:
            for e in ev:
                if e["mime"].startswith("image/"):
                    data = images(e["sha256"])
                    img = _thumb(data, 40 * mm, 30 * mm) if data else None
                    if img is not None:
                        thumbs.append([img, Paragraph(esc(e["file_name"]), st.small)])
        if thumbs:
            cells = [thumbs[i:i + 4] for i in range(0, len(thumbs), 4)]
            grid = [[Table([[c[0]], [c[1]]], colWidths=[42 * mm]) for c in row] + [""] * (4 - len(row))
                    for row in cells]
            g = Table(grid, colWidths=[43.5 * mm] * 4)
            g.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
            out.append(Spacer(1, 2 * mm))
            out.append(g)
        rows = [["证据", "文件名", "类型", "大小（字节）", "SHA-256"]]
        for i, e in enumerate(ev, 1):
            rows.append([str(i), e["file_name"], e["mime"], f"{e['size']:,}", e["sha256"]])
        out.append(Spacer(1, 2 * mm))
        out.append(_table(rows, [10 * mm, 40 * mm, 24 * mm, 22 * mm, 78 * mm], align_right=(3,)))
    out.append(Spacer(1, 4 * mm))
    return out


def _signatures(snap: dict, st, sink: dict) -> list:
    out: list = [PageBreak(), Heading("六、签名", st.h1, 0, "signatures")]
    head = snap.get("event_head") or {}
    out.append(_kv([
        ("卷宗内容摘要 SHA-256", snap.get("content_sha256", "")),
        ("事件日志链头", f"第 {head.get('seq', 0)} 条事件，哈希 {head.get('hash', '')}"),
        ("编制人", f"{snap.get('preparer_display', '')}（{snap.get('preparer_role_label', '')}）"),
    ], st, 42 * mm))
    out.append(Spacer(1, 4 * mm))
    out.append(Paragraph(
        "编制人提交时签名；审批人（审核组长，且不得为编制人）审批时在已签名文件上以增量方式追加签名。"
        "签名之后对文件的任何改动都会使校验失败。审批人签名框内另记审批时的事件日志链头。", st.small))
    out.append(Spacer(1, 8 * mm))
    out.append(SigBoxes([(PREPARER_FIELD, "编制人签名"), (APPROVER_FIELD, "审批人签名")], sink))
    return out


def render(snap: dict, images: Callable[[str], bytes | None] | None = None,
           progress: Callable[[int, int], None] | None = None) -> Rendered:
    """Lay out the whole dossier. ``images(sha256)`` returns an evidence image's bytes."""
    register_font()
    st = styles()
    sink: dict[str, SigField] = {}
    story: list = []
    story += _cover(snap, st)
    story += _toc(snap, st)
    story += _summary(snap, st)
    findings = snap.get("findings", [])
    story.append(PageBreak())
    story.append(Heading("五、发现明细", st.h1, 0, "findings"))
    if not findings:
        story.append(Paragraph("本卷宗未收录违规发现。", st.body))
    for i, f in enumerate(findings):
        story += _finding(f, st, images)
        if progress and i % 25 == 0:
            progress(i, len(findings))
    story += inspection_exhibits.story(snap, st)  # issue 21: sealed inspection records
    annex = annex_section(snap, st, _kv, _table, lambda text, key: Heading(text, st.h1, 0, key))
    if annex:
        story += [PageBreak()] + annex
    story += _signatures(snap, st, sink)
    header = f"医疗保障基金稽核卷宗 · {snap['number']} 第 {snap['revision']} 版"
    inst = snap.get("institution") or {}
    footer = (inst.get("name") or "")[:30]
    pdf = build_pdf(story, title=f"稽核卷宗 {snap['number']}-{snap['revision']}", header=header, footer=footer,
                    subject="稽核卷宗", author="")
    pages = _count_pages(pdf)
    fields = [sink[n] for n in (PREPARER_FIELD, APPROVER_FIELD) if n in sink]
    return Rendered(pdf=pdf, pages=pages, fields=fields)


def _count_pages(pdf: bytes) -> int:
    from pyhanko.pdf_utils.reader import PdfFileReader

    return int(PdfFileReader(io.BytesIO(pdf), strict=False).root["/Pages"]["/Count"])


def stamp_pdf(title: str, name: str, role: str, when: str, extra: str = "") -> bytes:
    """The visible appearance of one signature: who, in what role, when (Chinese text, embedded font)."""
    from reportlab.pdfgen import canvas as rl_canvas

    register_font()
    buf = io.BytesIO()
    w, h = SIG_W, SIG_H
    c = rl_canvas.Canvas(buf, pagesize=(w, h))
    c.setFillColor(colors.HexColor("#eef3f9"))
    c.setStrokeColor(colors.HexColor("#1f3a5f"))
    c.rect(0.5, 0.5, w - 1, h - 1, fill=1)
    c.setFillColor(colors.HexColor("#1f3a5f"))
    c.setFont(FONT, 10)
    c.drawString(3 * mm, h - 6 * mm, f"{title}：{name}")
    c.setFont(FONT, 8.5)
    c.drawString(3 * mm, h - 11.5 * mm, f"角色：{role}")
    c.drawString(3 * mm, h - 16.5 * mm, f"时间：{when}")
    c.setFont(FONT, 6.5)
    y = h - 21.5 * mm
    for part in [extra[i:i + 46] for i in range(0, len(extra), 46)][:3]:
        c.drawString(3 * mm, y, part)
        y -= 3.2 * mm
    c.setFont(FONT, 6.5)
    c.setFillColor(colors.HexColor("#5a6570"))
    c.drawRightString(w - 2 * mm, 1.8 * mm, "PAdES 数字签名 · 项目 CA")
    c.showPage()
    c.save()
    return buf.getvalue()
