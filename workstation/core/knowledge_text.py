"""The one-line explanation of a knowledge point's flag, in the interface language.

It names the point (rule_id and name), its source and the numbers that
triggered it; the numbers are stored with the flag (as text) by the screen.
"""
from __future__ import annotations

from typing import Any

from .i18n import T, normalize_lang
from .knowledge import CLASS_LABELS

TEXTS: dict[str, T] = {
    "ITEM_SCOPE": T("超出限定支付范围：{failed}", "outside the payment scope: {failed}"),
    "ITEM_PAIR": T("与主项目明细 {partner_sn}（{partner_time}）在{window}内同时收费（本条 {time}）",
                   "charged with main item line {partner_sn} ({partner_time}) within {window} (this line {time})"),
    "FREQUENCY": T("{window}内累计数量 {total}，超过限定 {limit}（本条数量 {cnt}，超出 {over}）",
                   "{window} running total {total} exceeds the limit {limit} (this line {cnt}, {over} over)"),
    "COURSE_DAYS": T("本次就诊第 {day_no} 个用药/治疗日（{day}，首日 {first_day}），超过限定疗程 {limit} 天",
                     "treatment day {day_no} of this visit ({day}; first day {first_day}) exceeds the course limit of {limit} days"),
    "ANNUAL_AMOUNT_CAP": T("{year} 年累计金额 {total} 元，超过年度限额 {limit} 元（本条 {det} 元）",
                           "{year} running total {total} exceeds the annual cap {limit} (this line {det})"),
    "ASSOCIATED_MISSING": T("同次结算缺少关联项目（{other_codes}）", "the settlement has no associated item ({other_codes})"),
    "SECONDARY_DISCOUNT": T("同组次项未折价：主项为明细 {main_sn}（{main_det} 元）；本条 {det} 元，按 {rate} × {price} × {cnt} 应不超过 {allowed} 元",
                            "secondary item not discounted: main line {main_sn} ({main_det}); this line {det}, at most {rate} × {price} × {cnt} = {allowed}"),
    "OVERLAP_INPATIENT": T("{begndate} 的门诊/购药发生在住院 {stay_setl_id}（{stay_begndate} 至 {stay_enddate}）期间（共 {stays} 次住院）",
                           "visit on {begndate} falls within stay {stay_setl_id} ({stay_begndate} to {stay_enddate}; {stays} stay(s))"),
    "BED_ONLY_DAYS": T("仅有床位、诊察、护理、一般诊疗费的天数 {days} 天（{first_day} 至 {last_day}），达到限定 {limit} 天",
                       "{days} bed-only days ({first_day} to {last_day}) reach the limit of {limit}"),
}

FAILED = {
    "med_class_lmt": T("就医方式 {value} 不在 {allowed} 内", "class {value} not in {allowed}"),
    "hosp_lv_lmt": T("医院等级 {value} 不在 {allowed} 内", "hospital level {value} not in {allowed}"),
    "insutype_lmt": T("险种 {value} 不在 {allowed} 内", "insurance type {value} not in {allowed}"),
    "dise_lmt": T("诊断 {value} 不符合 {allowed}", "diagnosis {value} matches none of {allowed}"),
}


def window_text(window: str | None, lang: str) -> str:
    en = normalize_lang(lang) == "en"
    if not window:
        return ""
    kind, _, n = window.partition(":")
    if kind == "hour":
        return "the same clock hour" if en else "同一小时"
    if kind == "day":
        return "the same day" if en else "同一天"
    if kind == "settlement":
        return "the same settlement" if en else "同一次就诊"
    if kind == "hours":
        return f"{n} hours" if en else f"{n} 小时"
    return f"{n} days" if en else f"{n} 天"


def _class(value: str, lang: str) -> str:
    label = CLASS_LABELS.get(value)
    return label.render(lang) if label else value


def explain(params: dict[str, Any], lang: str) -> str:
    lang = normalize_lang(lang)
    en = lang == "en"
    template = params.get("template", "")
    p = dict(params)
    p["window"] = window_text(params.get("window"), lang)
    if template == "ITEM_SCOPE":
        parts = []
        for col, value, allowed in params.get("failed", []):
            if col == "med_class_lmt":
                value = _class(value, lang)
                allowed = ",".join(_class(a, lang) for a in allowed.split(","))
            parts.append(FAILED[col].render(lang, value=value, allowed=allowed))
        p["failed"] = ("; " if en else "；").join(parts)
    body = TEXTS.get(template)
    try:
        text = body.render(lang, **p) if body else ""
    except (KeyError, IndexError, ValueError):
        text = ""
    head = f"{params.get('rule_id', '')} {params.get('name', '')}".strip()
    source = params.get("source") or ""
    tail = (f" [source: {source}]" if en else f"【依据：{source}】") if source else ""
    # the numbers before the source: in a narrow column the reader sees why first
    return (f"{head}: {text}" if en else f"{head}：{text}") + tail
