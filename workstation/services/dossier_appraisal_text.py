"""The dossier's appraisal page and defensibility annex, as Chinese text kept in the snapshot.

Nothing here is an internal code: designs, methods, reasons, fields and
violation categories appear by their Chinese names (the PDF prints these
texts as they are). The annex says how anyone holding the store re-draws and
re-appraises the sample with one command line.
"""
from __future__ import annotations

import hashlib
import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import __version__
from ..core import import_format as fmt
from ..core import sample_appraisal as sa
from ..store.models.sampling import SampleRow, SampleUnitRow

INLINE_IDS = 60  # up to this many selected ids are printed on the annex itself; more go to the list annex

DESIGN = {sa.Design.SRS: "简单随机抽样", sa.Design.STRATIFIED: "分层随机抽样", sa.Design.PPS: "按金额概率抽样（货币单位抽样）",
          sa.Design.CENSUS: "全量审核（普查）", sa.Design.NONE: "未指定样本（多样本、疑点或混合来源的审核单元）"}
METHOD = {
    sa.Method.MEAN_PER_UNIT: "均值估计（单位均值外推，有限总体校正，t 分布）",
    sa.Method.STRATIFIED: "分层均值估计（各层按本层总体数加权，Satterthwaite 自由度）",
    sa.Method.STRINGER: "货币单位抽样评价（预计错报点估计；上限为 Stringer 界；主张取正态近似下限）",
    sa.Method.FOUND: "不外推，按实际发现金额主张",
}
WHY = {
    None: {
        sa.Method.MEAN_PER_UNIT: "样本为概率样本，按审核顺序的前导连续段构成所在范围的简单随机样本，故可外推至抽样框。",
        sa.Method.STRATIFIED: "分层抽样各层抽样比例不同，须逐层推算后相加，合并计算会高估抽样比例高的层。",
        sa.Method.STRINGER: "按金额概率抽样的样本以污染率（错报额/账面额）推算；主张取双侧置信区间下限，且不低于实际发现。",
    },
    sa.Reason.NO_SAMPLE: "卷宗未指定样本，所含单元不是同一概率样本，不能外推。",
    sa.Reason.FRAME_CHANGED: "按原抽样条件重建的抽样框与抽样时的指纹不一致（数据已变化），不能按该框推算。",
    sa.Reason.PPS_INTERIM: "按金额概率抽样的样本须全部审核完毕后才能推算。",
    sa.Reason.INTERIM_SHORT: "审核未按随机顺序进行，按顺序连续审完的单元不足各层所抽单元的一半，不能外推。",
    sa.Reason.TOO_FEW_UNITS: "某层（或所选范围）可用于推算的已审核单元少于 2 个且未全部审核，不能估计抽样误差。",
}
ESTIMATOR = {"mean_per_unit": "均值估计（主张依据）", "ratio": "比率估计（参考）"}
BASIS = {sa.Basis.FUND: "按基金支付金额推算",
         sa.Basis.CHARGED: "按医疗费用金额推算（未导入符合范围金额）"}
FIELD = {"med_type": "医疗类别", "setl_type": "结算方式", "offsite_flag": "异地标志", "fixmedins_code": "定点医药机构",
         "insutype": "险种类型", "hosp_lv": "医院等级", "gend": "性别", "medfee_sumamt": "医疗费总额",
         "inscp_scp_amt": "符合政策范围金额", "hifp_pay": "统筹基金支出", "hifob_pay": "大额医疗补助基金支出",
         "cvlserv_pay": "公务员医疗补助支出", "acct_pay": "个人账户支出", "psn_cash_pay": "个人现金支出",
         "amount_band": "金额分档"}
VALUES = {"med_type": fmt.MED_TYPES, "setl_type": fmt.SETL_TYPES, "offsite_flag": fmt.OFFSITE_FLAGS,
          "hosp_lv": fmt.HOSP_LEVELS, "gend": fmt.GENDERS}
OPS = {"=": "为", "!=": "不为", ">": "大于", ">=": "不低于", "<": "小于", "<=": "不高于"}


def _value(field: str, v: str) -> str:
    if field == "med_type" and v == "inpatient":
        return "住院（21 及 21xx）"
    label = VALUES.get(field, {}).get(v)
    return f"{v}（{label.render('zh_CN')}）" if label else v


def frame_definition(filter_json: dict, params: dict, method: str) -> str:
    """The frame's filter in words (the period on the settlement time, then each condition)."""
    parts = []
    f, t = filter_json.get("from"), filter_json.get("to")
    if f or t:
        parts.append(f"结算时间在 {f or '最早'} 至 {t or '最近'}（含首尾两日）")
    for field, op, value in filter_json.get("conditions") or []:
        name = FIELD.get(field, field)
        if isinstance(value, list):
            parts.append(f"{name}{OPS.get(op, op)}" + "或".join(_value(field, v) for v in value))
        else:
            parts.append(f"{name}{OPS.get(op, op)} {value} 元")
    text = "；".join(parts) if parts else "全部结算"
    if method == "stratified" and params.get("strata"):
        text += "；按" + "、".join(FIELD.get(x, x) for x in params["strata"]) + "分层"
    if method == "pps":
        text += f"；按{FIELD.get(params.get('amount_field') or 'medfee_sumamt', '金额')}的金额概率抽样，金额不大于 0 的结算不入抽样"
    return text


def _domain_text(scope) -> str:
    parts = []
    if scope.institution:
        parts.append(f"定点医药机构 {scope.institution}")
    if scope.period_from or scope.period_to:
        parts.append(f"结算时间 {scope.period_from or '…'} 至 {scope.period_to or '…'}")
    return "，".join(parts) if parts else "样本的全部抽样框"


def redraw_command(sample: SampleRow, scope, confidence: float) -> str:
    args = [f"workstation sample verify {sample.id} && workstation sample appraise {sample.id}"]
    if scope.institution:
        args.append(f"--institution {scope.institution}")
    if scope.period_from and scope.period_to:
        args.append(f"--from {scope.period_from.isoformat()} --to {scope.period_to.isoformat()}")
    args.append(f"--confidence {confidence:g} --json")
    return " ".join(args)


def page(s: Session, a: sa.Appraisal, sample: SampleRow | None, scope, violations: list[dict]) -> dict:
    """Everything the appraisal page and the annex print, in Chinese, with the figures of ``a``."""
    j = a.as_json()
    reason_text = WHY[a.reason] if a.reason is not None else WHY[None][a.method]
    rows = [
        ("抽样设计", DESIGN[a.design]),
        ("推算范围", _domain_text(scope) if sample is not None else "本卷宗所含审核单元"),
        ("抽样框单元数 N", "—" if a.frame_size is None else f"{a.frame_size} 个"),
        ("抽中单元 / 已审结 / 用于推算 n", f"{a.selected} / {a.decided} / {a.units} 个"),
        ("审核进度", "中期（尚有抽中单元未审结，仅按随机顺序的前导连续段推算）" if a.interim else "终期（抽中单元全部审结）"),
        ("推算方法", METHOD[a.method]),
        ("方法依据", reason_text),
        ("金额口径", BASIS[a.amount_basis]),
        ("置信水平（双侧）", f"{float(a.confidence) * 100:g}%"),
        ("样本内确认违规金额", f"{j['found']} 元"),
        ("待定金额（疑点，未计入推算与主张）", f"{j['pending']} 元"),
        ("点估计", f"{j['point']} 元"),
        ("置信下限", f"{j['lower']} 元"),
        ("置信上限", "—" if j["upper"] is None else f"{j['upper']} 元"),
        ("主张金额", f"{j['claimed']} 元（" + ("取置信下限" if a.claim_basis == "lower" else "取实际发现金额") + "）"),
    ]
    estimators = [[ESTIMATOR.get(e["name"], e["name"]), e["point"], "—" if e["se"] is None else f"{e['se']:.2f}",
                   "—" if e["df"] is None else str(e["df"]), e["lower"], e["upper"]] for e in j["estimators"]]
    stringer = None
    if a.stringer is not None:
        st = a.stringer
        stringer = {
            "summary": [("抽样间距 J", f"{j['stringer']['interval']} 元"), ("抽样点数 n", f"{st.points} 个"),
                        ("必选单元（金额不小于 J）", f"{st.certainty} 个"), ("有错报的非必选单元", f"{st.errors} 个"),
                        ("基本精度 J×λ(0)", f"{j['stringer']['basic_precision']} 元"),
                        ("增量准备", f"{j['stringer']['incremental_allowance']} 元"),
                        ("Stringer 上限", f"{j['upper']} 元")],
            "rows": [[str(k), f"{float(tau):.4f}", f"{float(lam):.4f}", f"{float(f):.4f}"]
                     for k, tau, lam, f in st.rows]}
    out = {"rows": [list(r) for r in rows], "estimators": estimators, "stringer": stringer,
           "categories": [[v["name"], str(v["count"]), v["amount"]] for v in violations], "annex": None}
    if sample is not None:
        ids = sorted(s.execute(select(SampleUnitRow.setl_id).where(SampleUnitRow.sample_id == sample.id)).scalars())
        digest = hashlib.sha256("\n".join(ids).encode("utf-8")).hexdigest()
        out["annex"] = {
            "rows": [
                ("样本编号", f"{sample.code}（内部序号 {sample.id}）"),
                ("抽样框定义", frame_definition(json.loads(sample.filter), json.loads(sample.params), sample.method)),
                ("抽样框单元数", f"{sample.frame_size} 个"),
                ("抽样框指纹（SHA-256）", sample.frame_sha256),
                ("随机种子", sample.seed),
                ("随机顺序", f"每个结算的键为 SHA-256(“{sample.seed}:结算ID”)，按键升序排列"),
                ("抽中单元", f"{len(ids)} 个；清单摘要（升序、换行连接的 SHA-256）{digest}"),
                ("程序版本", f"医保审核工作站 {__version__}"),
            ],
            "command": redraw_command(sample, scope, float(a.confidence)),
            "ids": ids, "inline": len(ids) <= INLINE_IDS,
        }
    return out
