"""risk export: the workbook's sheets, fills and charts; the PDF's pages, font and single-institution report."""
from __future__ import annotations

import hashlib
import subprocess

import pytest
from openpyxl import load_workbook

from workstation.core.errors import NotFound, UsageError
from workstation.services import risk_export as rx, risk_service as rs
from tests.support.risk_data import add_flags, peer_store


def test_xlsx_sheets_fills_and_charts(ws, tmp_path):
    ids = peer_store(ws)
    add_flags(ws, [(ids["H2"][0], None, 100_00)])
    out = rx.export(ws, tmp_path / "r.xlsx")
    data = (tmp_path / "r.xlsx").read_bytes()
    assert out.sha256 == hashlib.sha256(data).hexdigest()
    wb = load_workbook(tmp_path / "r.xlsx")
    assert wb.sheetnames[:5] == ["比较 Compare", "同组统计", "月度趋势", "Benford", "说明"]
    cmp_ = wb["比较 Compare"]
    header = [c.value for c in cmp_[1]]
    p = rs.compute(ws)
    assert header[:5] == ["机构编码", "名称", "同组", "等级", "排名"]
    assert [(r[0].value, r[4].value) for r in cmp_.iter_rows(min_row=2)] == [(e.key[0], e.rank) for e in p.entities]
    h6 = next(r for r in cmp_.iter_rows(min_row=2) if r[0].value == "H6")
    col = header.index("次均住院费用")
    assert h6[col].fill.fgColor.rgb.endswith("F4A3A3")  # robust: red
    e = p.entity(("H6",))
    amber = [m for m in e.flags if m not in e.robust_flags]
    for m in p.measures:
        c = h6[header.index(m.name("zh_CN"))]
        if m.id in e.robust_flags:
            assert c.fill.fgColor.rgb.endswith("F4A3A3")
        elif m.id in amber:
            assert c.fill.fgColor.rgb.endswith("FFD98A")
        else:
            assert c.fill.fill_type is None
    assert wb["同组统计"].max_row == 1 + len(p.groups)
    assert wb["月度趋势"].max_row == 1 + len(p.trends)
    assert any("不是违规的认定" in str(c.value) for row in wb["说明"].iter_rows() for c in row)
    assert len(wb["趋势图"]._charts) == 14


def test_pdf_pages_font_and_single_institution(ws, tmp_path, artifacts):
    peer_store(ws)
    out = rx.export(ws, tmp_path / "all.pdf")
    one = rx.export(ws, tmp_path / "one.pdf", institution="H6")
    for f in (out.file, one.file):
        fonts = subprocess.run(["pdffonts", f], capture_output=True, text=True).stdout
        assert "WenQuanYi" in fonts and " yes " in fonts
        text = subprocess.run(["pdftotext", f, "-"], capture_output=True, text=True).stdout
        pages = int(next(l for l in subprocess.run(["pdfinfo", f], capture_output=True, text=True).stdout
                         .splitlines() if l.startswith("Pages:")).split()[1])
        flat = text.replace(" ", "")
        assert f"第1页共{pages}页" in flat and f"第{pages}页共{pages}页" in flat and "不是违规的认定" in text
    one_text = subprocess.run(["pdftotext", one.file, "-"], capture_output=True, text=True).stdout
    assert "H6" in one_text and "H1 " not in one_text.replace("H1\n", "")  # only H6's table
    dest = artifacts / "risk"
    dest.mkdir(exist_ok=True)
    for f, name in ((out.file, "risk-export-all"), (one.file, "risk-export-H6")):
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2", f, str(dest / name)], check=True)


def test_export_refuses_other_extensions_and_unknown_institutions(ws, tmp_path):
    peer_store(ws)
    with pytest.raises(UsageError):
        rx.export(ws, tmp_path / "r.docx")
    with pytest.raises(NotFound):
        rx.export(ws, tmp_path / "r.pdf", institution="NOPE")
    assert not (tmp_path / "r.docx").exists() and not (tmp_path / "r.pdf").exists()
