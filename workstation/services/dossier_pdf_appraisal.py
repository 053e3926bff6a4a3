"""The dossier's appraisal section (三) and the defensibility annex (附件), laid out from the snapshot.

The texts come from ``dossier_appraisal_text`` (kept in the snapshot, so a
signed dossier re-renders the same); this module only places them. The table
builders of dossier_pdf are passed in, so both sections look like the rest.
"""
from __future__ import annotations

from typing import Callable

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from .pdf_common import esc

CONTENT_WIDTH = 174 * mm  # A4 minus 18 mm margins (as dossier_pdf)

ID_COLUMNS = 4


def appraisal_section(snap: dict, st, kv: Callable, table: Callable) -> list:
    page = snap.get("appraisal_page")
    if not page:
        return [Paragraph("（本卷宗编制于推算说明页启用之前。）", st.body)]
    out: list = [kv([tuple(r) for r in page["rows"]], st, 58 * mm)]
    if page.get("estimators"):
        out += [Spacer(1, 3 * mm), Paragraph("估计量对照（同一批已审核单元）", st.h2)]
        rows = [["估计量", "点估计（元）", "标准误（元）", "自由度", "下限（元）", "上限（元）"]] + page["estimators"]
        out.append(table(rows, [44 * mm, 28 * mm, 26 * mm, 16 * mm, 28 * mm, 28 * mm], align_right=(1, 2, 3, 4, 5)))
        out.append(Paragraph("比率估计以账面金额为辅助变量，仅供参考；主张金额以均值估计的置信下限为准。", st.small))
    if page.get("stringer"):
        sg = page["stringer"]
        out += [Spacer(1, 3 * mm), Paragraph("货币单位抽样评价（Stringer 上限）", st.h2),
                kv([tuple(r) for r in sg["summary"]], st, 58 * mm)]
        if sg["rows"]:
            rows = [["序号 k", "污染率 τ(k)（降序）", "泊松上限 λ(k)", "增量系数 λ(k)−λ(k−1)−1"]] + sg["rows"]
            out.append(table(rows, [24 * mm, 50 * mm, 46 * mm, 50 * mm], align_right=(1, 2, 3)))
    if page.get("categories"):
        out += [Spacer(1, 3 * mm), Paragraph("所涉违规类别", st.h2)]
        rows = [["违规类别", "发现数", "金额（元）"]] + page["categories"]
        out.append(table(rows, [100 * mm, 30 * mm, 40 * mm], align_right=(1, 2)))
    return out


def annex_section(snap: dict, st, kv: Callable, table: Callable, heading: Callable) -> list:
    page = snap.get("appraisal_page") or {}
    annex = page.get("annex")
    if not annex:
        return []
    out: list = [heading("附件一、抽样可复核说明", "annex"),
                 kv([tuple(r) for r in annex["rows"]], st, 40 * mm),
                 Spacer(1, 3 * mm),
                 Paragraph("持有本数据库者可用下列一行命令重建抽样框、重新抽样并重新推算（结果应与本卷宗一致）：", st.body),
                 Paragraph(f"<font size=7.5>{esc(annex['command'])}</font>", st.body)]
    ids = annex["ids"]
    if annex["inline"] and ids:
        out += [Spacer(1, 2 * mm), Paragraph("抽中单元（结算ID，升序）", st.h2), _id_table(ids, table)]
    elif ids:
        out += [heading("附件二、抽中单元清单", "annex-ids"),
                Paragraph(f"共 {len(ids)} 个结算ID，升序排列；其摘要见附件一。", st.body), _id_table(ids, table)]
    return out


def _id_table(ids: list[str], table: Callable):
    per = ID_COLUMNS
    rows = [["结算ID"] * per]
    for i in range(0, len(ids), per):
        chunk = ids[i:i + per]
        rows.append(chunk + [""] * (per - len(chunk)))
    return table(rows, [CONTENT_WIDTH / per] * per)
