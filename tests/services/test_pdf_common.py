from reportlab.platypus import Paragraph

from workstation.services.pdf_common import build_pdf, esc, styles, table


def test_pdf_embeds_the_cjk_font_and_numbers_pages():
    st = styles()
    rows = [["列一", "列二"]] + [[f"第{i}行 医保", str(i)] for i in range(120)]
    pdf = build_pdf([Paragraph("测试标题", st.title), table(rows, [200, 100])], title="测试", header="页眉")
    assert pdf.startswith(b"%PDF")
    assert b"FontFile2" in pdf  # an embedded TrueType font program
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    n = len(doc)
    assert n >= 3
    last = doc[n - 1].get_textpage().get_text_range()
    assert f"第 {n} 页 共 {n} 页" in last
    first = doc[0].get_textpage().get_text_range()
    assert "测试标题" in first and "列一" in first
    # the header row repeats on the next page
    assert "列一" in doc[1].get_textpage().get_text_range()


def test_esc():
    assert esc("<a&b>") == "&lt;a&amp;b&gt;"
