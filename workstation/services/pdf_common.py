"""What every PDF of the workstation shares: the embedded CJK font, styles,
header and footer with 第 X 页 共 Y 页, and tables that repeat their header.

reportlab embeds a subset of the TrueType font shipped in resources/fonts, so a
PDF shows the same Chinese text on any machine.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Iterable

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from ..paths import cjk_font_path

FONT = "WSCJK"
_registered = False


def register_font() -> str:
    global _registered
    if not _registered:
        pdfmetrics.registerFont(TTFont(FONT, str(cjk_font_path()), subfontIndex=0))
        _registered = True
    return FONT


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle


def styles() -> Styles:
    f = register_font()
    base = dict(fontName=f, wordWrap="CJK")
    return Styles(
        title=ParagraphStyle("ws-title", fontSize=20, leading=28, alignment=TA_CENTER, spaceAfter=12, **base),
        h1=ParagraphStyle("ws-h1", fontSize=14, leading=20, spaceBefore=10, spaceAfter=6, **base),
        h2=ParagraphStyle("ws-h2", fontSize=11.5, leading=16, spaceBefore=8, spaceAfter=4, **base),
        body=ParagraphStyle("ws-body", fontSize=10, leading=15, **base),
        small=ParagraphStyle("ws-small", fontSize=8, leading=11, textColor=colors.HexColor("#444444"), **base),
        cell=ParagraphStyle("ws-cell", fontSize=8.5, leading=11, **base),
        cell_head=ParagraphStyle("ws-cell-head", fontSize=8.5, leading=11, textColor=colors.white, **base),
    )


def esc(text: object) -> str:
    """Text for a Paragraph: reportlab reads a small XML dialect."""
    return (str(text if text is not None else "")).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def table(rows: list[list[object]], col_widths: list[float], *, header_rows: int = 1,
          align_right: Iterable[int] = ()) -> Table:
    """A table whose cells wrap Chinese text and whose header repeats on every page."""
    st = styles()
    data = []
    for r, row in enumerate(rows):
        style = st.cell_head if r < header_rows else st.cell
        data.append([c if not isinstance(c, (str, int, float)) and c is not None else Paragraph(esc(c), style)
                     for c in row])
    t = Table(data, colWidths=col_widths, repeatRows=header_rows)
    cmds = [
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9aa5b1")),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor("#1f3a5f")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ROWBACKGROUNDS", (0, header_rows), (-1, -1), [colors.white, colors.HexColor("#f2f5f9")]),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    for col in align_right:
        cmds.append(("ALIGN", (col, header_rows), (col, -1), "RIGHT"))
    t.setStyle(TableStyle(cmds))
    return t


def _numbered_canvas(header: str, footer: str, lang: str):
    class NumberedCanvas(rl_canvas.Canvas):
        """Defers each page until the total is known, then stamps 第 X 页 共 Y 页."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._saved: list[dict] = []

        def showPage(self):  # noqa: N802 - reportlab naming
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._saved)
            for state in self._saved:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            width, height = self._pagesize
            self.saveState()
            self.setFont(FONT, 8)
            self.setFillColor(colors.HexColor("#555555"))
            if header:
                self.drawString(18 * mm, height - 12 * mm, header)
                self.setStrokeColor(colors.HexColor("#9aa5b1"))
                self.line(18 * mm, height - 13.5 * mm, width - 18 * mm, height - 13.5 * mm)
            page = self._pageNumber
            text = f"Page {page} of {total}" if lang == "en" else f"第 {page} 页 共 {total} 页"
            self.drawCentredString(width / 2, 10 * mm, text)
            if footer:
                self.drawString(18 * mm, 10 * mm, footer)
            self.restoreState()

    return NumberedCanvas


def build_pdf(story: list, *, title: str, header: str = "", footer: str = "", lang: str = "zh_CN",
              pagesize=A4, author: str = "", subject: str = "", multi_build: bool = False) -> bytes:
    """Render ``story`` to PDF bytes with numbered pages. Metadata carries no personal data."""
    register_font()
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=pagesize, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=20 * mm,
                            bottomMargin=18 * mm, title=title, author=author, subject=subject,
                            creator="workstation")
    maker = _numbered_canvas(header, footer, lang)
    if multi_build:  # a table of contents needs two passes
        doc.multiBuild(story, canvasmaker=maker)
    else:
        doc.build(story, canvasmaker=maker)
    return buf.getvalue()
