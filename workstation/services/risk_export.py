"""``risk export``: the profile as a workbook (openpyxl, native charts) or a PDF report (reportlab,
matplotlib charts, the CJK font embedded, 第 X 页 共 Y 页). With ``institution`` the report covers
that institution alone against its peers, PEPPER style. Nothing is stored."""
from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from ..core import risk
from ..core.errors import NotFound, UsageError
from ..core.i18n import T
from ..store.atomic import atomic_write_bytes
from . import risk_charts as rc
from .risk_service import EntityProfile, Profile, compute, value_text
from .workspace import Workspace

TIER_TEXT = {"high": ("高", "high"), "medium": ("中", "medium"), "low": ("低", "low"), "none": ("无同组比较", "none")}


@dataclass(frozen=True)
class ExportResult:
    file: str
    sha256: str


def tier_text(t: str, lang: str) -> str:
    zh, en = TIER_TEXT[t]
    return en if lang == "en" else zh


def _tr(lang: str, zh: str, en: str) -> str:
    return en if lang == "en" else zh


def export(ws: Workspace, path: Path, *, level: str = "institution", date_from: str | None = None,
           date_to: str | None = None, institution: str | None = None) -> ExportResult:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".pdf"):
        raise UsageError(T("导出文件须为 .xlsx 或 .pdf：{f}", "The export file must be .xlsx or .pdf: {f}"), f=path.name)
    p = compute(ws, level, date_from, date_to)
    if institution is not None and not any(e.key[0] == institution for e in p.entities):
        raise NotFound(what=institution)
    data = xlsx_bytes(p, ws.lang, institution) if suffix == ".xlsx" else pdf_bytes(p, ws.lang, institution)
    atomic_write_bytes(path, data)
    return ExportResult(str(path), hashlib.sha256(data).hexdigest())


def _scope(p: Profile, institution: str | None) -> tuple[list[EntityProfile], set[str]]:
    """The entities a report lists and the peer groups it shows."""
    if institution is None:
        return list(p.entities), {e.peer_group for e in p.entities}
    mine = [e for e in p.entities if e.key[0] == institution]
    return mine, {e.peer_group for e in mine}


def _key_cols(p: Profile, lang: str) -> list[str]:
    if p.level == "institution":
        return [_tr(lang, "机构编码", "Institution code")]
    return [_tr(lang, "机构编码", "Institution code"), _tr(lang, "开单科室", "Department"),
            _tr(lang, "开单医生", "Doctor")]


def _cell_value(m: risk.Measure, v) -> Decimal | None:
    return None if v is None else risk.to_decimal(v, risk.places(m.unit))


def _explanations(p: Profile, lang: str) -> list[tuple[str, str]]:
    lead = risk.LEAD_NOT_FINDING[1 if lang == "en" else 0]
    rows = [
        (_tr(lang, "期间", "Period"), f"{p.date_from} — {p.date_to}"),
        (_tr(lang, "层级", "Level"), _tr(lang, "机构", "institutions") if p.level == "institution"
         else _tr(lang, "医生", "doctors")),
        (_tr(lang, "已运行智能审核", "Screened"), _tr(lang, "是", "yes") if p.screened else _tr(lang, "否（线索类指标为空）",
                                                                                          "no (lead measures empty)")),
        (_tr(lang, "画像指纹", "Fingerprint"), p.fingerprint or "—"),
        (_tr(lang, "提示", "Note"), lead),
        (_tr(lang, "百分位", "Percentile"), _tr(
            lang, "P = 100 ×（同组中小于该值的个数 + ½ × 等于该值的个数）/ n；P ≥ 80（双向指标另含 P ≤ 20）为百分位标记（琥珀色）",
            "P = 100 × (peers below + ½ × peers equal) / n; P ≥ 80 (two-sided measures also P ≤ 20) is a "
            "percentile flag (amber)")),
        (_tr(lang, "稳健标记", "Robust flag"), _tr(
            lang, "IQR > 0 时，高于 Q3 + 3 × IQR（双向指标另含低于 Q1 − 3 × IQR）为稳健标记（红色）",
            "with IQR > 0, above Q3 + 3 × IQR (two-sided measures also below Q1 − 3 × IQR) is a robust flag (red)")),
        (_tr(lang, "等级", "Tier"), _tr(lang, "高：至少一个稳健标记；中：至少 3 个百分位标记；低：其余；无同组比较：同组不足 5 个数值",
                                       "high: a robust flag; medium: 3 or more percentile flags; low: the rest; "
                                       "none: fewer than 5 peer values")),
    ]
    rows += [(f"{k} = {v}", _tr(lang, "参数", "parameter")) for k, v in risk.PARAMS.items()]
    rows += [(m.id, f"{m.name(lang)} ({m.unit}, {m.direction})") for m in p.measures]
    return rows


# -- XLSX --------------------------------------------------------------------------------------

def xlsx_bytes(p: Profile, lang: str, institution: str | None = None) -> bytes:
    from openpyxl import Workbook
    from openpyxl.chart import LineChart, Reference
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    amber = PatternFill("solid", fgColor="FFD98A")
    red = PatternFill("solid", fgColor="F4A3A3")
    bold = Font(bold=True)
    entities, groups_shown = _scope(p, institution)
    ms = p.measures
    wb = Workbook()
    ws = wb.active
    ws.title = "比较 Compare"
    head = [*_key_cols(p, lang), _tr(lang, "名称", "Name"), _tr(lang, "同组", "Peer group"), _tr(lang, "等级", "Tier"),
            _tr(lang, "排名", "Rank")]
    for m in ms:
        head += [m.name(lang), _tr(lang, "百分位", "Percentile")]
    ws.append(head)
    for c in ws[1]:
        c.font = bold
    first_val = len(head) - 2 * len(ms) + 1
    for e in entities:
        row = [*e.key, e.name, e.peer_group, tier_text(e.tier, lang), e.rank]
        for m in ms:
            pct = e.percentiles.get(m.id)
            row += [_cell_value(m, e.values.get(m.id)), None if pct is None else risk.to_decimal(pct, 6)]
        ws.append(row)
        r = ws.max_row
        for k, m in enumerate(ms):
            fill = red if m.id in e.robust_flags else amber if m.id in e.flags else None
            if fill is not None:
                for col in (first_val + 2 * k, first_val + 2 * k + 1):
                    ws.cell(row=r, column=col).fill = fill
    ws.freeze_panes = ws.cell(row=2, column=len(_key_cols(p, lang)) + 5)
    for i in range(1, len(head) + 1):
        ws.column_dimensions[get_column_letter(i)].width = 14

    gs = wb.create_sheet("同组统计")
    gs.append([_tr(lang, "同组", "Peer group"), _tr(lang, "指标", "Measure"), "n", "Q1", _tr(lang, "中位数", "Median"),
               "Q3", _tr(lang, "下限", "Fence low"), _tr(lang, "上限", "Fence high")])
    for g in p.groups:
        if g.peer_group in groups_shown:
            gs.append([g.peer_group, g.measure, g.n] + [risk.to_decimal(x, 6) for x in
                                                        (g.q1, g.median, g.q3, g.fence_low, g.fence_high)])

    ts = wb.create_sheet("月度趋势")
    ts.append([_tr(lang, "机构编码", "Institution code"), _tr(lang, "月份", "Month")] + [m.name(lang) for m in ms])
    codes = {e.key[0] for e in entities}
    for t in p.trends:
        if t.code in codes:
            ts.append([t.code, t.month] + [_cell_value(m, t.values.get(m.id)) for m in ms])

    bs = wb.create_sheet("Benford")
    bs.append([_tr(lang, "机构编码", "Institution code"), "n"] + [f"c{d}" for d in range(1, 10)]
              + [f"p{d}" for d in range(1, 10)] + ["MAD", _tr(lang, "符合度", "Conformity")])
    bs.append([_tr(lang, "期望", "expected"), None] + [None] * 9 + [round(x, 6) for x in risk.benford_expected()])
    for b in p.benford:
        if b.code in codes:
            bs.append([b.code, b.result.n, *b.result.counts] + [round(x, 6) for x in b.result.observed()]
                      + [b.result.mad, rc.conformity_text(b.result.conformity, lang)])

    xs = wb.create_sheet("说明")
    for k, v in _explanations(p, lang):
        xs.append([k, v])
    xs.column_dimensions["A"].width = 28
    xs.column_dimensions["B"].width = 100

    if p.level == "institution" and p.trends:
        cs = wb.create_sheet(_tr(lang, "趋势图", "Trend charts"))
        top = [e.key[0] for e in entities[:10]]
        months = risk.months(p.date_from, p.date_to)
        by = {(t.code, t.month): t for t in p.trends}
        row = 1
        for m in ms:
            cs.cell(row=row, column=1, value=m.name(lang)).font = bold
            cs.cell(row=row + 1, column=1, value=_tr(lang, "月份", "Month"))
            for j, code in enumerate(top):
                cs.cell(row=row + 1, column=2 + j, value=code)
            for i, month in enumerate(months):
                cs.cell(row=row + 2 + i, column=1, value=month)
                for j, code in enumerate(top):
                    t = by.get((code, month))
                    cs.cell(row=row + 2 + i, column=2 + j, value=_cell_value(m, t.values.get(m.id)) if t else None)
            chart = LineChart()
            chart.title = m.name(lang)
            chart.height, chart.width = 7, 16
            chart.y_axis.title = m.unit
            data = Reference(cs, min_col=2, max_col=1 + len(top), min_row=row + 1, max_row=row + 1 + len(months))
            chart.add_data(data, titles_from_data=True)
            chart.set_categories(Reference(cs, min_col=1, min_row=row + 2, max_row=row + 1 + len(months)))
            cs.add_chart(chart, f"{get_column_letter(len(top) + 3)}{row}")
            row += max(len(months) + 3, 16)
    buf = io.BytesIO()
    wb.properties.creator = "workstation"
    wb.save(buf)
    return buf.getvalue()


# -- PDF ---------------------------------------------------------------------------------------

def _image(fig, width_mm: float):
    from reportlab.lib.units import mm
    from reportlab.platypus import Image

    data = rc.png(fig, dpi=170)
    w, h = fig.get_size_inches()
    return Image(io.BytesIO(data), width=width_mm * mm, height=width_mm * mm * h / w)


def pdf_bytes(p: Profile, lang: str, institution: str | None = None) -> bytes:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, Spacer

    from . import pdf_common as pc

    st = pc.styles()
    entities, groups_shown = _scope(p, institution)
    lead = risk.LEAD_NOT_FINDING[1 if lang == "en" else 0]
    if institution:
        title = _tr(lang, f"风险画像：{institution} 与同组比较", f"Risk profile: {institution} against its peers")
    else:
        title = _tr(lang, "风险画像", "Risk profile") + " — " + (_tr(lang, "机构", "institutions")
                                                              if p.level == "institution" else _tr(lang, "医生", "doctors"))
    story = [Paragraph(pc.esc(title), st.title),
             Paragraph(pc.esc(f"{_tr(lang, '期间', 'Period')}: {p.date_from} — {p.date_to}"), st.body),
             Paragraph(pc.esc(lead), st.h2)]
    width = 261  # landscape A4 minus margins, mm
    if institution and p.level == "institution":
        story += _pepper_table(p, entities[0], lang, st, pc)
    else:
        story += _ranked_table(p, entities, lang, pc)
        story += _values_tables(p, entities, lang, st, pc)
    story += _groups_table(p, groups_shown, lang, st, pc)
    # strip plots: each measure and peer group
    story += [PageBreak(), Paragraph(pc.esc(_tr(lang, "同组分布（每点一个同组对象；方框 Q1–Q3，竖线中位数，虚线为上下限）",
                                                  "Peer distributions (one dot per peer; box Q1–Q3, line median, "
                                                  "dashed fences)")), st.h1)]
    pairs = [(g, m) for g in sorted(groups_shown) for m in p.measures if p.group(g, m.id) is not None]
    mark = institution if p.level == "institution" else None
    for k in range(0, len(pairs), 6):
        rows = (len(pairs[k:k + 6]) + 1) // 2
        fig = rc.new_figure(11, 2.07 * rows)
        axes = fig.subplots(rows, 2, squeeze=False).ravel()
        for ax, (g, m) in zip(axes, pairs[k:k + 6]):
            rc.draw_strip(ax, p, m, g, mark=mark, lang=lang, compact=True)
        for ax in axes[len(pairs[k:k + 6]):]:
            ax.set_visible(False)
        story += [_image(fig, width - 20), Paragraph(pc.esc(lead), st.small)]
        if k + 6 < len(pairs):
            story.append(PageBreak())
    if not pairs:
        story.append(Paragraph(pc.esc(_tr(lang, "没有可比较的同组（每组至少 5 个数值）",
                                          "No peer group to compare (5 values at least)")), st.body))
    if p.level == "institution":
        trend_codes = [e.key[0] for e in entities if e.tier == "high"] if not institution else [institution]
        for code in trend_codes:
            story += [PageBreak(), Paragraph(pc.esc(_tr(lang, f"月度趋势：{code}", f"Monthly trends: {code}")), st.h1)]
            fig = rc.new_figure(11, 6.2)
            axes = fig.subplots(3, 5).ravel()
            for ax, m in zip(axes, p.measures):
                rc.draw_trend(ax, p, code, m, lang=lang, compact=True)
            for ax in axes[len(p.measures):]:
                ax.set_visible(False)
            story += [_image(fig, width - 20), Paragraph(pc.esc(_tr(
                lang, "点线为同组中位数（全期）。", "Dotted: the peer group's median over the period.") + " " + lead), st.small)]
        bad = [b for b in p.benford if b.result.conformity == "nonconformity" and
               (institution is None or b.code == institution)]
        if institution and not bad:
            bad = [b for b in p.benford if b.code == institution]
        for k in range(0, len(bad), 6):
            story += [PageBreak(), Paragraph(pc.esc(_tr(lang, "Benford 首位数字检验", "Benford first-digit test")), st.h1)]
            rows = (len(bad[k:k + 6]) + 2) // 3
            fig = rc.new_figure(11, 3.1 * rows)
            axes = fig.subplots(rows, 3, squeeze=False).ravel()
            for ax, b in zip(axes, bad[k:k + 6]):
                rc.draw_benford(ax, b.result, b.code, lang=lang)
            for ax in axes[len(bad[k:k + 6]):]:
                ax.set_visible(False)
            story += [_image(fig, width - 20), Paragraph(pc.esc(_tr(
                lang, "Benford 偏离本身是一条线索，不计入标记、等级或排名。",
                "A Benford deviation is a lead of its own, not in flags, tiers or ranks.") + " " + lead), st.small)]
    story += [PageBreak(), Paragraph(pc.esc(_tr(lang, "说明", "Notes")), st.h1)]
    story.append(pc.table([[k, v] for k, v in _explanations(p, lang)], [60 * mm, (width - 60) * mm], header_rows=0))
    story.append(Spacer(1, 4 * mm))
    return pc.build_pdf(story, title=title, header=_tr(lang, "风险画像 — 供审核的线索", "Risk profile — leads for review"),
                        lang=lang, pagesize=landscape(A4))


def _ranked_table(p: Profile, entities: list[EntityProfile], lang: str, pc) -> list:
    from reportlab.lib.units import mm

    head = [_tr(lang, "排名", "Rank"), _tr(lang, "对象", "Entity"), _tr(lang, "同组", "Group"), _tr(lang, "等级", "Tier"),
            _tr(lang, "稳健", "Robust"), _tr(lang, "百分位", "Pct."), _tr(lang, "得分", "Score"),
            _tr(lang, "标记的指标（■ 稳健；其余为百分位）", "Flagged measures (■ robust; others percentile)")]
    rows = [head]
    for e in entities:
        who = f"{e.key[0]} {e.name}" if p.level == "institution" else " / ".join(e.key)
        sep = "; " if lang == "en" else "、"
        flagged = sep.join(("■" if m.id in e.robust_flags else "") + m.name(lang) for m in p.measures
                           if m.id in e.flags or m.id in e.robust_flags)
        rows.append([e.rank, who, e.peer_group, tier_text(e.tier, lang), e.robust_count, e.flag_count,
                     f"{risk.to_decimal(e.score, 2)}", flagged or "—"])
    widths = [12, 70, 22, 18, 14, 14, 16, 95]
    return [pc.table(rows, [w * mm for w in widths], align_right=(0, 4, 5, 6))]


def _pepper_table(p: Profile, e: EntityProfile, lang: str, st, pc) -> list:
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph

    out = [Paragraph(pc.esc(f"{e.key[0]} {e.name} — {_tr(lang, '同组', 'peer group')} {e.peer_group} · "
                            f"{_tr(lang, '等级', 'tier')} {tier_text(e.tier, lang)} · {_tr(lang, '排名', 'rank')} "
                            f"{e.rank}/{len(p.entities)}"), st.h2)]
    rows = [[_tr(lang, "指标", "Measure"), _tr(lang, "本机构", "Value"), _tr(lang, "百分位", "Percentile"), "n", "Q1",
             _tr(lang, "中位数", "Median"), "Q3", _tr(lang, "上限", "Fence high"), _tr(lang, "标记", "Flag")]]
    for m in p.measures:
        g = p.group(e.peer_group, m.id)
        pct = e.percentiles.get(m.id)
        flag = (_tr(lang, "稳健（红）", "robust (red)") if m.id in e.robust_flags else
                _tr(lang, "百分位（琥珀）", "percentile (amber)") if m.id in e.flags else "")
        rows.append([m.name(lang), value_text(m, e.values.get(m.id)),
                     "—" if pct is None else f"{risk.to_decimal(pct, 1)}",
                     g.n if g else "—"] + ([value_text(m, risk.round_half_up(x, risk.places(m.unit)))
                                            for x in (g.q1, g.median, g.q3, g.fence_high)] if g else ["—"] * 4)
                    + [flag])
    widths = [58, 26, 20, 10, 26, 26, 26, 26, 30]
    return out + [pc.table(rows, [w * mm for w in widths], align_right=(1, 2, 3, 4, 5, 6, 7))]


def _values_tables(p: Profile, entities: list[EntityProfile], lang: str, st, pc) -> list:
    """Value and percentile of every measure, seven measures a table; amber and red as in the view."""
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, TableStyle

    out = [PageBreak(), Paragraph(pc.esc(_tr(lang, "各指标数值与百分位（琥珀：百分位标记；红：稳健标记）",
                                             "Values and percentiles (amber: percentile flag; red: robust flag)")),
                                  st.h1)]
    ms = list(p.measures)
    for part in (ms[:7], ms[7:]):
        if not part:
            continue
        rows = [[_tr(lang, "排名", "Rank"), _tr(lang, "对象", "Entity")] + [m.name(lang) for m in part]]
        marks = []
        for r, e in enumerate(entities, start=1):
            cells = [e.rank, " / ".join(e.key)]
            for k, m in enumerate(part):
                pct = e.percentiles.get(m.id)
                cells.append(value_text(m, e.values.get(m.id)) + ("" if pct is None else
                                                                   f" P{risk.to_decimal(pct, 1)}"))
                if m.id in e.robust_flags or m.id in e.flags:
                    marks.append((2 + k, r, m.id in e.robust_flags))
            rows.append(cells)
        t = pc.table(rows, [12 * mm, 46 * mm] + [29 * mm] * len(part), align_right=range(2, 2 + len(part)))
        t.setStyle(TableStyle([("BACKGROUND", (c, r), (c, r), colors.HexColor("#F4A3A3" if red else "#FFD98A"))
                               for c, r, red in marks]))
        out.append(t)
    return out


def _groups_table(p: Profile, groups_shown: set[str], lang: str, st, pc) -> list:
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph

    names = {m.id: m for m in p.measures}
    rows = [[_tr(lang, "同组", "Peer group"), _tr(lang, "指标", "Measure"), "n", "Q1", _tr(lang, "中位数", "Median"), "Q3",
             _tr(lang, "下限", "Fence low"), _tr(lang, "上限", "Fence high")]]
    for g in p.groups:
        if g.peer_group in groups_shown:
            m = names[g.measure]
            rows.append([g.peer_group, m.name(lang), g.n] + [value_text(m, risk.round_half_up(x, risk.places(m.unit)))
                                                             for x in (g.q1, g.median, g.q3, g.fence_low, g.fence_high)])
    out = [PageBreak(), Paragraph(pc.esc(_tr(lang, "同组统计", "Peer group statistics")), st.h1)]
    if len(rows) == 1:
        return out + [Paragraph(pc.esc(_tr(lang, "没有可比较的同组（每组至少 5 个数值）",
                                           "No peer group to compare (5 values at least)")), st.body)]
    return out + [pc.table(rows, [w * mm for w in (30, 70, 12, 30, 30, 30, 30, 30)], align_right=range(2, 8))]
