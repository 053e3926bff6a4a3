"""Write the shipped DOCX report templates (resources/report_templates/<kind>.docx).

They follow the layout of an official Chinese report (GB/T 9704 style): A4,
margins 37/35/28/26 mm, a centred title in 小标宋-like bold 二号, the addressee,
numbered headings in 黑体 三号, body text in 仿宋 三号 with a two-character
indent, "特此报告。" and the sender and date on the right. Placeholders are
Jinja (docxtpl); docs/operations.md lists every one. Run:
    python tools/make_report_templates.py
An admin replaces a template per contract in the workstation; these are the defaults.
"""
from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

OUT = Path(__file__).resolve().parent.parent / "resources" / "report_templates"
KIND_TITLES = {"monthly": "月度报告", "quarterly": "季度审核报告", "halfyear": "半年度运行报告", "annual": "年度分析报告"}


def _font(run, name: str, size: float, bold: bool = False, color: RGBColor | None = None) -> None:
    run.font.name = name
    run.font.size = Pt(size)
    run.font.bold = bold
    run._element.rPr.rFonts.set(qn("w:eastAsia"), name)
    if color is not None:
        run.font.color.rgb = color


def _para(doc, text: str, *, font="仿宋", size=16.0, bold=False, align=None, indent=False, space_after=0,
          color=None):
    p = doc.add_paragraph()
    fmt = p.paragraph_format
    fmt.line_spacing = Pt(28)
    fmt.space_after = Pt(space_after)
    if indent:
        fmt.first_line_indent = Pt(size * 2)
    if align is not None:
        p.alignment = align
    _font(p.add_run(text), font, size, bold, color)
    return p


def make(kind: str) -> Path:
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Mm(37), Mm(35), Mm(28), Mm(26)
    normal = doc.styles["Normal"]
    normal.font.name = "仿宋"
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋")
    normal.font.size = Pt(16)
    footer = sec.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(footer.add_run("— {{ contract_id }} · {{ period_code }} —"), "宋体", 10.5)
    _para(doc, "{{ title }}", font="方正小标宋简体", size=22, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=6)
    _para(doc, "（{{ period }}）", font="楷体", size=16, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=12)
    _para(doc, "{{ party_a }}：", font="仿宋", size=16)
    _para(doc, f"根据《{{{{ contract_name }}}}》的约定，现将{{{{ period }}}}{KIND_TITLES[kind][:-2]}工作情况报告如下：",
          indent=True)
    _para(doc, "{%p for sec in sections %}")
    _para(doc, "{{ sec.heading }}", font="黑体", size=16)
    _para(doc, "{%p for line in sec.paragraphs %}")
    _para(doc, "{{ line }}", indent=True)
    _para(doc, "{%p endfor %}")
    _para(doc, "{%p if sec.table %}")
    _para(doc, "{{p sec.table }}")
    _para(doc, "{%p endif %}")
    _para(doc, "{%p if sec.chart %}")
    _para(doc, "{{ sec.chart }}", align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(doc, "{%p endif %}")
    _para(doc, "{%p endfor %}")
    _para(doc, "特此报告。", indent=True, space_after=24)
    _para(doc, "{{ party_b }}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    _para(doc, "{{ prepared_on }}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{kind}.docx"
    doc.core_properties.title = KIND_TITLES[kind]
    doc.core_properties.author = "workstation"
    doc.save(path)
    return path


if __name__ == "__main__":
    for k in KIND_TITLES:
        print(make(k))
