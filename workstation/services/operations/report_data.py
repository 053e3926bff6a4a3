"""The figures of the periodic reports (operations.md, "Reports"), one function per section.

Every figure is an aggregate in SQL over the live settlements of the period
(``source.live_settlements``), so a year of a large store costs a few grouped
scans, never a walk over fee lines. Amounts are fen inside, 2-decimal strings in
the JSON; counts are integers; rates are numbers.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Mapping

from sqlalchemy import case, func, select

from ...core import contract_terms as terms
from ...core.i18n import T
from ...core.money import fen_to_str
from ...store.models.claims import SettlementRow
from ...store.models.operations import DataCheckRow
from ...store.models.review import FindingRow, ReviewUnitRow, SecondReviewRow
from ..review_service import DECIDED
from ..workspace import Workspace
from . import common, deductions, source

KINDS = ("monthly", "quarterly", "halfyear", "annual")
PERIOD_OF_KIND = {"monthly": "month", "quarterly": "quarter", "halfyear": "halfyear", "annual": "year"}
SECTION_TITLES = {
    "fund_payments": T("资金支付情况", "Supplementary payments"),
    "fund_payments_by_month": T("分月资金支付", "Payments by month"),
    "inspections": T("现场巡查情况", "On-site inspections"),
    "records_reviewed": T("病历审核情况", "Records reviewed"),
    "deductions": T("违规费用扣除情况", "Deductions of non-compliant costs"),
    "first_review": T("初审情况", "First review"),
    "re_review": T("复审情况", "Re-review"),
    "settlement": T("结算情况", "Settlements"),
    "fund_use": T("基金使用情况", "Use of the fund"),
    "volumes": T("年度工作量完成情况", "Yearly volumes"),
    "data_checks": T("数据核查情况", "Data checks"),
    "work_plan": T("月度工作计划与总结", "Monthly work plan and summary"),
    "attendance": T("人员考勤", "Attendance"),
    "analysis": T("分析与建议", "Analysis"),
}
MED_TYPES = {"11": T("普通门诊", "outpatient"), "14": T("门诊慢特病", "chronic outpatient"),
             "21": T("住院", "inpatient"), "41": T("药店购药", "pharmacy"), "51": T("生育", "maternity")}


@dataclass(frozen=True)
class ReportFigures:
    """A report's figures: ``sections`` is the JSON document of operations.md (name → figures)."""

    contract: str
    kind: str
    period: str
    first: dt.date
    last: dt.date
    sections: Mapping[str, Mapping[str, Any]]
    institution_names: Mapping[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"period": self.period, "contract": self.contract, "sections": dict(self.sections)}


def _between(first: dt.date, last: dt.date):
    return (source.live_settlements(), source.setl_time_between(first, last))


def fund_payments(s, first: dt.date, last: dt.date) -> tuple[dict[str, Any], dict[str, str]]:
    """Sum of hifob_pay of settlements whose setl_time falls in the period, by institution."""
    rows = s.execute(select(SettlementRow.fixmedins_code, func.max(SettlementRow.fixmedins_name),
                            func.sum(SettlementRow.hifob_pay))
                     .where(*_between(first, last)).group_by(SettlementRow.fixmedins_code)
                     .order_by(SettlementRow.fixmedins_code)).all()
    names = {code or "": name or "" for code, name, _a in rows}
    by_inst = [{"fixmedins_code": code or "", "amount": fen_to_str(int(a or 0))} for code, _n, a in rows if a]
    return {"total": fen_to_str(sum(int(a or 0) for _c, _n, a in rows)), "by_institution": by_inst}, names


def fund_payments_by_month(s, first: dt.date, last: dt.date) -> dict[str, Any]:
    month = func.substr(SettlementRow.setl_time, 1, 7)
    got = dict(s.execute(select(month, func.sum(SettlementRow.hifob_pay)).where(*_between(first, last))
                         .group_by(month)).all())
    months, day = [], first
    while day <= last:
        months.append(f"{day:%Y-%m}")
        day = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return {"months": [{"month": m, "amount": fen_to_str(int(got.get(m) or 0))} for m in months]}


def settlement(s, first: dt.date, last: dt.date) -> dict[str, Any]:
    kind = case((source.is_inpatient(), "21"), else_=SettlementRow.med_type)
    rows = s.execute(select(kind, func.count(), func.sum(SettlementRow.medfee_sumamt), func.sum(SettlementRow.hifp_pay),
                            func.sum(SettlementRow.hifob_pay)).where(*_between(first, last)).group_by(kind)
                     .order_by(kind)).all()
    tot = [sum(int(r[i] or 0) for r in rows) for i in range(1, 5)]
    return {"count": tot[0], "medfee_sumamt": fen_to_str(tot[1]), "hifp_pay": fen_to_str(tot[2]),
            "hifob_pay": fen_to_str(tot[3]),
            "by_med_type": [{"med_type": k or "", "count": int(n), "medfee_sumamt": fen_to_str(int(m or 0)),
                             "hifp_pay": fen_to_str(int(h or 0)), "hifob_pay": fen_to_str(int(o or 0))}
                            for k, n, m, h, o in rows]}


def _decided_between(first: dt.date, last: dt.date):
    return (ReviewUnitRow.status.in_(DECIDED),
            ReviewUnitRow.decided_at >= dt.datetime.combine(first, dt.time()),
            ReviewUnitRow.decided_at < dt.datetime.combine(last + dt.timedelta(days=1), dt.time()))


def records_reviewed(s, first: dt.date, last: dt.date) -> dict[str, Any]:
    by_status = dict(s.execute(select(ReviewUnitRow.status, func.count()).where(*_decided_between(first, last))
                               .group_by(ReviewUnitRow.status)).all())
    f = s.execute(select(func.count(func.distinct(FindingRow.unit_id)), func.count(), func.sum(FindingRow.amount))
                  .join(ReviewUnitRow, ReviewUnitRow.id == FindingRow.unit_id)
                  .where(*_decided_between(first, last), FindingRow.status == "confirmed",
                         FindingRow.deleted.is_(False))).one()
    return {"reviewed": int(sum(by_status.values())), "by_status": {k: int(by_status.get(k, 0)) for k in DECIDED},
            "with_findings": int(f[0] or 0), "findings": int(f[1] or 0), "amount": fen_to_str(int(f[2] or 0))}


def re_review(s, ws: Workspace, p: dict[str, Any], quarter: str) -> dict[str, Any]:
    rows = s.execute(select(SecondReviewRow.agree).where(SecondReviewRow.quarter == quarter,
                                                         SecondReviewRow.agree.is_not(None))).scalars().all()
    agreed = sum(1 for a in rows if a)
    rate = terms.share(agreed, len(rows))
    tier = terms.pass_rate_tier(rate, (p.get("pass_rate") or {}).get("tiers") or [])
    return {"checked": len(rows), "agreed": agreed, "pass_rate": None if rate is None else terms.as_number(rate),
            "deduction_rate": terms.as_number(terms.frac(tier["deduction_rate"])) if tier else 0.0,
            "rereview_required": bool(tier and tier.get("rereview"))}


def deductions_section(ws: Workspace, first: dt.date, last: dt.date) -> dict[str, Any]:
    """Findings deducted at the settlements of the period's months."""
    by: dict[str, list[int]] = {}
    day = first
    while day <= last:
        d = deductions.deduction_list(ws, f"{day:%Y-%m}")
        for i in d.institutions:
            got = by.setdefault(i.fixmedins_code, [0, 0])
            got[0] += i.findings
            got[1] += i.amount
        day = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return {"total": fen_to_str(sum(v[1] for v in by.values())), "findings": sum(v[0] for v in by.values()),
            "by_institution": [{"fixmedins_code": c, "findings": v[0], "amount": fen_to_str(v[1])}
                               for c, v in sorted(by.items())]}


def inspections(s, first: dt.date, last: dt.date) -> dict[str, Any]:
    """On-site inspections of the period (#21), by date then institution."""
    from ...store.models.inspection import InspectionRow

    rows = s.execute(select(InspectionRow.date, InspectionRow.institution_code, InspectionRow.institution_name,
                            InspectionRow.kind)
                     .where(InspectionRow.date >= first.isoformat(), InspectionRow.date <= last.isoformat())
                     .order_by(InspectionRow.date, InspectionRow.institution_code, InspectionRow.id)).all()
    return {"count": len(rows), "items": [{"date": d, "fixmedins_code": c, "fixmedins_name": n, "kind": k}
                                          for d, c, n, k in rows]}


def data_checks(s, first: dt.date, last: dt.date) -> dict[str, Any]:
    rows = s.execute(select(DataCheckRow).where(DataCheckRow.done_on >= first, DataCheckRow.done_on <= last)
                     .order_by(DataCheckRow.done_on)).scalars().all()
    return {"count": len(rows), "items": [{"date": r.done_on.isoformat(), "title": r.title, "run_id": r.run_id}
                                          for r in rows]}


def _analysis(lang: str, sections: dict[str, Any]) -> dict[str, Any]:
    """Plain sentences from the figures: the office edits wording in the DOCX template, not here."""
    out = []
    if "settlement" in sections:
        st = sections["settlement"]
        out.append(T("本期结算 {n} 笔，医疗费总额 {m} 元，统筹基金支付 {h} 元，大额补助支付 {o} 元。",
                     "{n} settlements this period; total cost {m} yuan, basic fund {h} yuan, supplementary {o} yuan.")
                   .render(lang, n=st["count"], m=st["medfee_sumamt"], h=st["hifp_pay"], o=st["hifob_pay"]))
    if "records_reviewed" in sections:
        r = sections["records_reviewed"]
        out.append(T("审核病历 {n} 份，其中 {w} 份发现违规，确认违规金额 {a} 元。",
                     "{n} records reviewed; {w} with confirmed findings amounting to {a} yuan.")
                   .render(lang, n=r["reviewed"], w=r["with_findings"], a=r["amount"]))
    if "re_review" in sections and sections["re_review"]["pass_rate"] is not None:
        rr = sections["re_review"]
        out.append(T("季度抽查 {c} 份，合格 {a} 份，合格率 {p:.2%}；据此应扣减服务费比例 {d:.0%}。",
                     "{c} units re-checked this quarter, {a} agreed: pass rate {p:.2%}; implied deduction {d:.0%}.")
                   .render(lang, c=rr["checked"], a=rr["agreed"], p=rr["pass_rate"], d=rr["deduction_rate"]))
    if "deductions" in sections:
        d = sections["deductions"]
        out.append(T("本期结算扣除违规费用 {t} 元，涉及 {n} 条违规。", "Deducted at this period's settlements: {t} yuan "
                     "for {n} findings.").render(lang, t=d["total"], n=d["findings"]))
    if "fund_use" in sections and sections["fund_use"].get("use_rate") is not None:
        fu = sections["fund_use"]
        out.append(T("基金使用率 {r:.2%}{w}。", "Fund-use rate {r:.2%}{w}.").render(
            lang, r=fu["use_rate"], w=(T("，低于合同承诺", ", below the promised rate").render(lang)
                                       if fu["below_promise"] else "")))
    if "volumes" in sections:
        for i in sections["volumes"]["items"]:
            if i["on_track"] is False:
                out.append(T("{l}未达到进度要求（实际 {a}，进度目标 {p}）。", "{l} is behind pace (actual {a}, pace {p}).")
                           .render(lang, l=i["label"], a=i["actual"], p=i["pace_target"]))
    return {"paragraphs": out}


def sections_for(p: dict[str, Any], kind: str) -> tuple[str, ...]:
    """Which sections a contract's report of a kind has (from the profile, so new contracts get them too)."""
    reports = {r.get("id") for r in p.get("reports") or []}
    if kind == "monthly":
        if reports & {"work-plan", "work-summary", "attendance"}:
            return ("work_plan", "attendance", "records_reviewed")
        return ("fund_payments", "inspections", "records_reviewed", "deductions")
    if kind == "quarterly":
        return ("first_review", "re_review", "settlement", "analysis")
    if kind == "halfyear":
        return ("settlement", "fund_payments", "fund_payments_by_month", "fund_use", "records_reviewed", "analysis")
    out = ("fund_payments", "fund_payments_by_month", "settlement", "records_reviewed", "deductions", "volumes")
    if not (p.get("fees") or {}).get("premium_per_person_per_year"):  # not a supplementary-fund contract
        out = ("settlement", "records_reviewed", "deductions", "volumes")
    if (p.get("volumes") or {}).get("data_checks"):
        out += ("data_checks",)
    return out + ("analysis",)


def figures(ws: Workspace, kind: str, period: str, contract: str | None = None) -> ReportFigures:
    from . import fees, volumes, work_plans
    from .. import attendance_service

    if kind not in KINDS:
        raise ValueError(kind)
    p = common.profile(ws, contract)
    first, last, label = common.parse_period(PERIOD_OF_KIND[kind], period, ws.lang)
    wanted = sections_for(p, kind)
    out: dict[str, Any] = {}
    names: dict[str, str] = {}
    with ws.store.read() as s:
        for name in wanted:
            if name == "fund_payments":
                out[name], got = fund_payments(s, first, last)
                names.update(got)
            elif name == "fund_payments_by_month":
                out[name] = fund_payments_by_month(s, first, last)
            elif name == "settlement":
                out[name] = settlement(s, first, last)
            elif name in ("records_reviewed", "first_review"):
                out[name] = records_reviewed(s, first, last)
            elif name == "re_review":
                out[name] = re_review(s, ws, p, label)
            elif name == "inspections":
                out[name] = inspections(s, first, last)
            elif name == "data_checks":
                out[name] = data_checks(s, first, last)
    for name in wanted:
        if name == "deductions":
            out[name] = deductions_section(ws, first, last)
        elif name == "fund_use" and "fund_use" in fees.evaluations(p):
            if common.ops(p).get("insured_headcount") is not None:
                f = fees.fund(ws, p, first.year, None)
                out[name] = {k: f[k] for k in ("income", "payouts", "use_rate", "below_floor", "below_promise")}
        elif name == "volumes":
            out[name] = volumes.to_json(volumes.volumes(ws, first.year, p["id"], as_of=last), ws.lang)
        elif name == "work_plan":
            plan = work_plans.get_plan(ws, label, p["id"])
            out[name] = {"intro": plan.intro, "summary": plan.summary, "done": plan.done_count,
                         "items": [{"text": i.text, "done": i.done, "result": i.result,
                                    "link": f"{i.link_kind}:{i.link_ref}" if i.link_kind else ""} for i in plan.items]}
        elif name == "attendance":
            g = attendance_service.grid(ws, label)
            totals = {st.code: sum(pp["totals"][st.code] for pp in g["people"]) for st in attendance_service.STATUSES}
            out[name] = {"people": len(g["people"]), "assumed": g["assumed"],
                         "workdays": sum(1 for d in g["days"] if d["kind"] in ("workday", "makeup")), "totals": totals}
    if "analysis" in wanted:
        out["analysis"] = _analysis(ws.lang, out)
    ordered = {k: out[k] for k in wanted if k in out}
    return ReportFigures(p["id"], kind, label, first, last, ordered, names)
