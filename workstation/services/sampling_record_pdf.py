"""The one-page sampling record (抽样记录): plan, seed, fingerprint, sizes, strata, who and when.

It carries no personal data: settlement ids only as a digest of the selection,
so it can be handed to Party A or an institution with the seed, and anyone can
re-draw and compare.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from ..core.errors import NotFound
from ..core.i18n import T
from ..store.atomic import atomic_write_bytes
from . import sampling_service
from .pdf_common import build_pdf, esc, styles, table
from .workspace import Workspace

MAX_STRATA_ROWS = 14  # more strata are summed in one line so that the record stays on one page

METHOD_NAMES = {
    "srs": T("简单随机抽样", "simple random sampling"),
    "stratified": T("分层随机抽样", "stratified random sampling"),
    "pps": T("按金额概率比例抽样（货币单位抽样）", "probability proportional to size (monetary units)"),
    "census": T("全量（普查）", "census (every unit)"),
}
OP_NAMES = {"=": "=", "!=": "≠", ">": ">", ">=": "≥", "<": "<", "<=": "≤"}


def describe_filter(flt: dict, lang: str) -> str:
    parts = []
    if flt.get("from") or flt.get("to"):
        parts.append(T("结算时间 {a} 至 {b}", "settled {a} to {b}").render(lang, a=flt.get("from") or "…",
                                                                      b=flt.get("to") or "…"))
    for f, op, v in flt.get("conditions") or []:
        value = ",".join(v) if isinstance(v, list) else v
        if value == "inpatient":
            value = T("住院（21/21xx）", "inpatient (21/21xx)").render(lang)
        parts.append(f"{f} {OP_NAMES.get(op, op)} {value}")
    if not parts:
        return T("全部结算", "all settlements").render(lang)
    return ("; " if lang == "en" else "；").join(parts)


def record_bytes(ws: Workspace, ref) -> bytes:
    lang = ws.lang
    d = sampling_service.describe(ws, ref)
    st = styles()
    tt = lambda zh, en: T(zh, en).render(lang)  # noqa: E731
    p = d["params"]
    size_text = (tt("比例 {r}", "rate {r}").replace("{r}", str(p["rate"])) if p.get("rate") else
                 tt("样本量 {n}", "size {n}").replace("{n}", str(p["size"])) if p.get("size") is not None else
                 tt("全部", "all"))
    sel_digest = hashlib.sha256("\n".join(d["selected"]).encode("utf-8")).hexdigest()
    preset_name = ""
    if d["preset"]:
        try:
            pr = sampling_service.preset(d["preset"])
            preset_name = f'{d["preset"]}（{pr["name_zh"] if lang != "en" else pr["name_en"]}）'
        except NotFound:  # a preset removed since: the id still identifies it
            preset_name = d["preset"]
    rows = [
        [tt("项目", "Item"), tt("内容", "Value")],
        [tt("样本编号", "Sample"), f'{d["code"]}  (id {d["sample_id"]})'],
        [tt("预设方案", "Preset"), preset_name or tt("自定义方案", "custom plan")],
        [tt("抽样方法", "Method"), METHOD_NAMES[d["method"]].render(lang)],
        [tt("抽样框条件", "Frame filter"), describe_filter(d["filter"], lang)],
        [tt("样本量规则", "Size rule"), size_text],
        [tt("分层字段", "Strata fields"), ", ".join(p.get("strata") or []) or tt("不分层", "none")],
        [tt("金额字段", "Amount field"), p.get("amount_field") or "medfee_sumamt"],
        [tt("随机种子", "Seed"), d["seed"]],
        [tt("抽样框数量 N", "Frame size N"), str(d["frame_size"])],
        [tt("抽样框指纹（SHA-256）", "Frame fingerprint (SHA-256)"), d["frame_sha256"]],
        [tt("样本量 n", "Sample size n"), str(d["sample_size"])],
        [tt("样本清单摘要（SHA-256）", "Selection digest (SHA-256)"), sel_digest],
    ]
    if d["method"] == "pps":
        rows.append([tt("金额≤0 剔除数", "Left out (amount ≤ 0)"), str(len(d["excluded"]))])
    rows += [
        [tt("抽样人 / 时间", "Drawn by / at"), f'{d["created_by"]}  {d["created_at"].replace("T", " ")} UTC'],
        [tt("打印人 / 时间", "Printed by / at"),
         f'{ws.user.name}  {dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M:%S %z")}'],
    ]
    story = [Paragraph(esc(tt("抽样记录", "Sampling record")), st.title),
             table(rows, [45 * mm, 129 * mm]), Spacer(1, 4 * mm),
             Paragraph(esc(tt("分层与样本分配", "Strata and allocation")), st.h2)]
    srows = [[tt("层", "Stratum"), tt("抽样框数量", "Frame size"), tt("样本量", "Sample size")]]
    strata = d["strata"]
    for x in strata[:MAX_STRATA_ROWS]:
        srows.append([x["stratum"] or tt("（全部）", "(whole frame)"), str(x["frame_size"]), str(x["sample_size"])])
    if len(strata) > MAX_STRATA_ROWS:
        rest = strata[MAX_STRATA_ROWS:]
        srows.append([tt("其余 {k} 层", "{k} more strata").replace("{k}", str(len(rest))),
                      str(sum(x["frame_size"] for x in rest)), str(sum(x["sample_size"] for x in rest))])
    srows.append([tt("合计", "Total"), str(sum(x["frame_size"] for x in strata)), str(d["sample_size"])])
    story += [table(srows, [94 * mm, 40 * mm, 40 * mm], align_right=(1, 2)), Spacer(1, 4 * mm),
              Paragraph(esc(tt(
                  "复现方法：按上述条件取出抽样框中全部结算ID，按码位升序排列，以换行连接（UTF-8，末尾无换行），"
                  "其 SHA-256 应等于抽样框指纹。每个结算的随机键为字符串“种子:结算ID”的 SHA-256（按 256 位无符号整数比较），"
                  "按随机键升序取前 n 个（分层时在各层内取前 n_h 个）。可用 workstation sample verify 命令核对。",
                  "How to reproduce: take every settlement id matching the filter above, sort ascending by code "
                  "point, join with newlines (UTF-8, no trailing newline): its SHA-256 is the frame fingerprint. "
                  "The random key of a settlement is SHA-256 of the text \"seed:setl_id\" read as a 256-bit "
                  "unsigned integer; take the first n by key (within each stratum the first n_h). "
                  "`workstation sample verify` does this check.")), st.small),
              Spacer(1, 10 * mm),
              table([[tt("抽样人签字", "Drawn by (signature)"), tt("监督人签字", "Witness (signature)"),
                      tt("日期", "Date")], [Spacer(1, 14 * mm)] * 3], [60 * mm, 60 * mm, 54 * mm])]
    return build_pdf(story, title=tt("抽样记录", "Sampling record") + " " + d["code"],
                     header=tt("医保审核工作站 · 抽样记录", "Audit workstation · sampling record"), lang=lang,
                     author=ws.user.name, subject=d["code"])


def write_record(ws: Workspace, ref, target: Path) -> dict:
    data = record_bytes(ws, ref)
    atomic_write_bytes(Path(target), data)
    return {"file": str(target), "sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
