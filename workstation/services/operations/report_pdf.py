"""The periodic report as PDF, like the dossiers: embedded CJK font, 第 X 页 共 Y 页, charts."""
from __future__ import annotations

import io
from typing import Any

from ...core.i18n import T
from . import charts
from .report_data import MED_TYPES, SECTION_TITLES, ReportFigures

STATUS_LABELS = {"compliant": T("合规", "compliant"), "violation": T("违规", "violation"),
                 "doubtful": T("存疑", "doubtful")}
ATT_LABELS = {"present": T("出勤", "present"), "leave": T("请假", "leave"), "trip": T("出差", "trip"),
              "inspection": T("外出检查", "inspection"), "absent": T("缺勤", "absent"), "rest": T("休息", "rest")}


def _yuan(text: str) -> float:
    return float(text)  # chart heights only; the tables print the exact strings


def report_title(p: dict[str, Any], fig: ReportFigures, lang: str) -> str:
    kind_names = {"monthly": T("月度报告", "monthly report"), "quarterly": T("季度审核报告", "quarterly review report"),
                  "halfyear": T("半年度运行报告", "half-yearly operating report"),
                  "annual": T("年度分析报告", "annual analysis report")}
    period = period_label(fig, lang)
    wanted = {"monthly": ("month",), "quarterly": ("quarter",), "halfyear": ("half_year",), "annual": ("year",)}
    # the contract's own names for its reports of this period, e.g. 月度工作计划、月度工作总结、人员考勤表
    labels = [r.get("label_en" if lang == "en" else "label_zh", "") for r in p.get("reports") or []
              if r.get("period") in wanted[fig.kind] and (fig.kind == "annual" or int(r.get("count", 1)) == 1)]
    name = "、".join(x for x in labels if x) if lang != "en" else ", ".join(x for x in labels if x)
    name = name or kind_names[fig.kind].render(lang)
    if lang == "en":
        return f"{p.get('name_en', '')} — {name[:1].upper() + name[1:]}, {period}"
    for prefix in ("半年度", "季度", "月度", "年度"):  # 2025年第一季度 + 季度报告 → 2025年第一季度报告
        if name.startswith(prefix) and len(name) > len(prefix):
            name = name[len(prefix):]
            break
    return f"{p.get('name_zh', '')}{period}{name}"


def period_label(fig: ReportFigures, lang: str) -> str:
    y = fig.first.year
    if fig.kind == "monthly":
        return f"{fig.period}" if lang == "en" else f"{y}年{fig.first.month}月"
    if fig.kind == "quarterly":
        q = (fig.first.month - 1) // 3 + 1
        return fig.period if lang == "en" else f"{y}年第{'一二三四'[q - 1]}季度"
    if fig.kind == "halfyear":
        return fig.period if lang == "en" else f"{y}年{'上' if fig.first.month == 1 else '下'}半年"
    return str(y) if lang == "en" else f"{y}年度"


def section_charts(fig: ReportFigures, lang: str) -> dict[str, charts.Chart]:
    """The charts of a report, by section (the GUI preview and the DOCX use the same ones)."""
    out = {}
    s = fig.sections
    if s.get("fund_payments", {}).get("by_institution"):
        rows = sorted(s["fund_payments"]["by_institution"], key=lambda r: -float(r["amount"]))[:10]
        labels = [fig.institution_names.get(r["fixmedins_code"]) or r["fixmedins_code"] for r in rows]
        out["fund_payments"] = charts.bar_chart([x[:12] for x in labels], [_yuan(r["amount"]) for r in rows],
                                                title=T("大额补助支付前十位机构（元）", "Top institutions by supplementary "
                                                        "payment (yuan)").render(lang), horizontal=True,
                                                height=max(2.2, 0.32 * len(rows) + 0.9))
    if s.get("fund_payments_by_month", {}).get("months"):
        months = s["fund_payments_by_month"]["months"]
        out["fund_payments_by_month"] = charts.line_chart(
            [m["month"][5:] for m in months], {T("大额补助支付", "Supplementary").render(lang):
                                              [_yuan(m["amount"]) for m in months]},
            title=T("分月大额补助支付（元）", "Supplementary payments by month (yuan)").render(lang))
    if s.get("settlement", {}).get("by_med_type"):
        rows = s["settlement"]["by_med_type"]
        out["settlement"] = charts.bar_chart(
            [MED_TYPES.get(r["med_type"], T(r["med_type"], r["med_type"])).render(lang) for r in rows],
            [r["count"] for r in rows], title=T("结算笔数（按医疗类别）", "Settlements by kind of care").render(lang))
    for name in ("records_reviewed", "first_review"):
        if s.get(name, {}).get("reviewed"):
            bs = s[name]["by_status"]
            out[name] = charts.bar_chart([STATUS_LABELS[k].render(lang) for k in bs], list(bs.values()),
                                         title=T("审核结论分布（份）", "Review outcomes (units)").render(lang),
                                         height=2.3)
    if s.get("volumes", {}).get("items"):
        items = s["volumes"]["items"]
        pct = lambda a, t: 0 if not t or a is None else 100 * float(a) / float(t)  # noqa: E731
        out["volumes"] = charts.progress_chart([i["label"] for i in items],
                                               [pct(i["actual"], i["target"]) for i in items],
                                               [pct(i["pace_target"], i["target"]) for i in items],
                                               title=T("完成进度（占全年目标 %）", "Progress (% of the year's target)")
                                               .render(lang), actual_label=T("实际", "actual").render(lang),
                                               target_label=T("进度目标", "pace").render(lang),
                                               height=max(2.2, 0.5 * len(items) + 1))
    return out


def section_tables(fig: ReportFigures, name: str, body: dict[str, Any], lang: str) -> list[tuple[list[list[Any]], list[float], tuple]]:
    from reportlab.lib.units import mm

    t = lambda zh, en: T(zh, en).render(lang)  # noqa: E731
    names = fig.institution_names
    if name == "fund_payments":
        rows = [[t("机构编号", "Code"), t("机构名称", "Institution"), t("大额补助支付（元）", "Supplementary (yuan)")]]
        rows += [[r["fixmedins_code"], names.get(r["fixmedins_code"], ""), r["amount"]] for r in body["by_institution"]]
        rows.append(["", t("合计", "Total"), body["total"]])
        return [(rows, [35 * mm, 95 * mm, 44 * mm], (2,))]
    if name == "fund_payments_by_month":
        rows = [[t("月份", "Month"), t("大额补助支付（元）", "Supplementary (yuan)")]]
        rows += [[m["month"], m["amount"]] for m in body["months"]]
        return [(rows, [60 * mm, 60 * mm], (1,))]
    if name == "settlement":
        rows = [[t("医疗类别", "Kind"), t("笔数", "Count"), t("医疗费总额", "Total cost"), t("统筹基金", "Basic fund"),
                 t("大额补助", "Supplementary")]]
        rows += [[MED_TYPES.get(r["med_type"], T(r["med_type"], r["med_type"])).render(lang), r["count"],
                  r["medfee_sumamt"], r["hifp_pay"], r["hifob_pay"]] for r in body["by_med_type"]]
        rows.append([t("合计", "Total"), body["count"], body["medfee_sumamt"], body["hifp_pay"], body["hifob_pay"]])
        return [(rows, [34 * mm, 22 * mm, 40 * mm, 40 * mm, 38 * mm], (1, 2, 3, 4))]
    if name in ("records_reviewed", "first_review"):
        rows = [[t("审核份数", "Reviewed"), t("合规", "Compliant"), t("违规", "Violation"), t("存疑", "Doubtful"),
                 t("确认违规条数", "Findings"), t("违规金额（元）", "Amount (yuan)")],
                [body["reviewed"], body["by_status"]["compliant"], body["by_status"]["violation"],
                 body["by_status"]["doubtful"], body["findings"], body["amount"]]]
        return [(rows, [29 * mm] * 6, (0, 1, 2, 3, 4, 5))]
    if name == "re_review":
        rate = "—" if body["pass_rate"] is None else f"{body['pass_rate']:.2%}"
        rows = [[t("抽查份数", "Checked"), t("合格份数", "Agreed"), t("合格率", "Pass rate"),
                 t("应扣服务费比例", "Deduction"), t("须重新审核", "Re-review")],
                [body["checked"], body["agreed"], rate, f"{body['deduction_rate']:.0%}",
                 t("是", "yes") if body["rereview_required"] else t("否", "no")]]
        return [(rows, [34 * mm] * 5, ())]
    if name == "deductions":
        rows = [[t("机构编号", "Code"), t("机构名称", "Institution"), t("违规条数", "Findings"),
                 t("扣款金额（元）", "Amount (yuan)")]]
        rows += [[r["fixmedins_code"], names.get(r["fixmedins_code"], ""), r["findings"], r["amount"]]
                 for r in body["by_institution"]]
        rows.append(["", t("合计", "Total"), body["findings"], body["total"]])
        return [(rows, [35 * mm, 80 * mm, 22 * mm, 37 * mm], (2, 3))]
    if name == "fund_use":
        rate = "—" if body["use_rate"] is None else f"{body['use_rate']:.2%}"
        rows = [[t("保费收入（元）", "Income (yuan)"), t("大额补助支出（元）", "Payouts (yuan)"), t("基金使用率", "Use rate"),
                 t("低于底线", "Below floor"), t("低于承诺", "Below promise")],
                [body["income"], body["payouts"], rate, t("是", "yes") if body["below_floor"] else t("否", "no"),
                 t("是", "yes") if body["below_promise"] else t("否", "no")]]
        return [(rows, [40 * mm, 40 * mm, 30 * mm, 32 * mm, 32 * mm], ())]
    if name == "volumes":
        rows = [[t("指标", "Item"), t("全年目标", "Target"), t("实际", "Actual"), t("进度目标", "Pace"),
                 t("是否达标", "On track")]]
        for i in body["items"]:
            fmt = (lambda v: "—" if v is None else (f"{v:,}" if isinstance(v, int) else f"{v:.2%}"))
            rows.append([i["label"], fmt(i["target"]), fmt(i["actual"]), fmt(i["pace_target"]),
                         "—" if i["on_track"] is None else (t("是", "yes") if i["on_track"] else t("否", "no"))])
        return [(rows, [64 * mm, 28 * mm, 28 * mm, 28 * mm, 26 * mm], (1, 2, 3))]
    if name == "data_checks":
        rows = [[t("日期", "Date"), t("核查内容", "Check")]] + [[i["date"], i["title"]] for i in body["items"]]
        return [(rows, [35 * mm, 139 * mm], ())]
    if name == "inspections" and body["count"]:
        kinds = {"routine": t("常规检查", "routine"), "special": t("专项检查", "special"),
                 "flying": t("飞行检查", "flying"), "cross": t("交叉检查", "cross")}
        rows = [[t("日期", "Date"), t("机构编号", "Code"), t("机构名称", "Institution"), t("检查类型", "Type")]]
        rows += [[i["date"], i["fixmedins_code"], i["fixmedins_name"], kinds.get(i["kind"], i["kind"])]
                 for i in body["items"]]
        return [(rows, [28 * mm, 35 * mm, 83 * mm, 28 * mm], ())]
    if name == "work_plan":
        rows = [[t("序号", "No."), t("计划内容", "Planned"), t("完成情况", "Done"), t("完成结果", "Result"),
                 t("关联", "Link")]]
        for n, i in enumerate(body["items"], start=1):
            rows.append([n, i["text"], t("已完成", "done") if i["done"] else t("未完成", "not done"), i["result"],
                         i["link"]])
        return [(rows, [12 * mm, 66 * mm, 20 * mm, 50 * mm, 26 * mm], ())]
    if name == "attendance":
        rows = [[t("在岗人数", "People"), t("工作日", "Working days")] + [v.render(lang) for v in ATT_LABELS.values()],
                [body["people"], body["workdays"]] + [body["totals"].get(k, 0) for k in ATT_LABELS]]
        return [(rows, [22 * mm, 20 * mm] + [22 * mm] * 6, ())]
    return []


def render_pdf(ws, p: dict[str, Any], fig: ReportFigures) -> bytes:
    from reportlab.lib.units import mm
    from reportlab.platypus import Image, KeepTogether, Paragraph, Spacer

    from ..pdf_common import build_pdf, esc, styles, table

    lang = ws.lang
    st = styles()
    title = report_title(p, fig, lang)
    story: list = [Paragraph(esc(title), st.title)]
    meta = [(T("项目", "Contract"), p.get("name_en" if lang == "en" else "name_zh", "")),
            (T("甲方", "Party A"), p.get("party_a", "")),
            (T("报告期间", "Period"), f"{fig.first.isoformat()} — {fig.last.isoformat()}")]
    for k, v in meta:
        story.append(Paragraph(esc(f"{k.render(lang)}{'：' if lang != 'en' else ': '}{v}"), st.body))
    story.append(Spacer(1, 4 * mm))
    pics = section_charts(fig, lang)
    cn_num = "一二三四五六七八九十"
    for n, (name, body) in enumerate(fig.sections.items()):
        head = SECTION_TITLES.get(name, T(name, name)).render(lang)
        head = f"{n + 1}. {head}" if lang == "en" else f"{cn_num[n] if n < 10 else n + 1}、{head}"
        block: list = [Paragraph(esc(head), st.h1)]
        if name == "analysis":
            paras = body["paragraphs"] or [T("本期无可分析的数据。", "No data to analyse in this period.").render(lang)]
            block += [Paragraph(esc(x), st.body) for x in paras]
        elif name == "inspections" and not body["count"]:
            block.append(Paragraph(esc(T("本期未记录现场巡查。", "No on-site inspection recorded in this period.")
                                       .render(lang)), st.body))
        elif name == "work_plan":
            if body["intro"]:
                block.append(Paragraph(esc(body["intro"]), st.body))
            if not body["items"]:
                block.append(Paragraph(esc(T("本月尚未填写工作计划。", "No work plan written for this month.")
                                           .render(lang)), st.body))
        for rows, widths, right in section_tables(fig, name, body, lang):
            if name == "work_plan" and not body["items"]:
                continue
            block += [Spacer(1, 1.5 * mm), table(rows, widths, align_right=right)]
        if name == "work_plan" and body["summary"]:
            block += [Spacer(1, 2 * mm), Paragraph(esc(T("工作总结：", "Summary: ").render(lang) + body["summary"]),
                                                   st.body)]
        if name == "attendance" and body.get("assumed"):
            block.append(Paragraph(esc(T("注：本月节假日安排尚无日历数据，工作日按周一至周五推定。",
                                         "Note: no holiday calendar for this month; Monday–Friday assumed.")
                                       .render(lang)), st.small))
        story.append(KeepTogether(block[:3]))
        story += block[3:]
        if name in pics:
            c = pics[name]
            w = 170 * mm
            story += [Spacer(1, 2 * mm), Image(io.BytesIO(c.png), width=w, height=w * c.height_in / c.width_in)]
    story += [Spacer(1, 10 * mm), Paragraph(esc(T("报告单位（盖章）：", "Submitted by (seal):").render(lang)), st.body),
              Paragraph(esc(T("报告日期：", "Date:").render(lang)), st.body)]
    return build_pdf(story, title=title, header=title, lang=lang, subject=fig.period)
