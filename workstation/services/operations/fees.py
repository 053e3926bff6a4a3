"""Money on the contract's terms (operations.md, "Money"): fees, deductions, profit return, fund use,
payments and penalties, each evaluated from the profile's own numbers."""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from fractions import Fraction
from typing import Any

from sqlalchemy import func, select

from ...core import contract_terms as terms
from ...core import staffing
from ...core.errors import BadInput, UsageError
from ...core.i18n import T
from ...core.money import fen_to_str, yuan_to_fen
from ...store.models.claims import SettlementRow
from ...store.models.operations import BreachRow, DataCheckRow
from ...store.models.roster import StaffChangeRow, StaffRow
from .. import profile_service, roster_service, second_review_service, workdays_service
from ..workspace import Workspace
from . import common, source

BREACH_KINDS = ("staff_change", "other", "assessment_failed")
REASON_LABELS = {
    "staffing_shortfall": T("人员配备不足（季度内任一日）", "staffing shortfall on a day of the quarter"),
    "pass_rate_below_90": T("季度合格率低于 90%", "quarterly pass rate below 90%"),
    "pass_rate_below_80": T("季度合格率低于 80%", "quarterly pass rate below 80%"),
}
CONDITION_LABELS = {
    "signing": T("合同签订后 {n} 个工作日内", "within {n} working days of signing"),
    "first_data_report": T("提交首次数据报告后", "after the first data report"),
    "acceptance": T("项目验收后", "after acceptance"),
}


def _quarter(text: str | None, year: int | None) -> tuple[int, int]:
    if text is None:
        raise UsageError(detail="--quarter 2025Q1")
    m = re.fullmatch(r"(?:(\d{4})\s*Q)?([1-4])", text.strip().upper())
    if not m or (m.group(1) is None and year is None):
        raise UsageError(detail="--quarter 2025Q1")
    return int(m.group(1) or year), int(m.group(2))


def _headcount(p: dict[str, Any], given: int | None, lang: str) -> int:
    n = given if given is not None else common.ops(p).get("insured_headcount")
    if n is None:
        raise UsageError(detail=T("需要参保人数：在合同配置 operations.insured_headcount 中设置，或用 --headcount",
                                  "the insured headcount is needed: set operations.insured_headcount in the profile "
                                  "or give --headcount").render(lang))
    if int(n) < 0:
        raise BadInput(T("参保人数不能为负", "the headcount cannot be negative"))
    return int(n)


def shortfall_days(ws: Workspace, p: dict[str, Any], first: dt.date, last: dt.date) -> list[dt.date]:
    """Days of [first, last] on which the roster missed a staffing term."""
    staff_terms = profile_service.staffing_terms(p)
    if not staff_terms:
        return []
    with ws.store.read() as s:
        people = roster_service.people(s)
    out, day = [], first
    while day <= last:
        if not staffing.evaluate(staff_terms, people, day).ok:
            out.append(day)
        day += dt.timedelta(days=1)
    return out


def quarterly(ws: Workspace, p: dict[str, Any], quarter: str | None, year: int | None,
              headcount: int | None) -> dict[str, Any]:
    y, q = _quarter(quarter, year)
    first, last, label = common.parse_period("quarter", f"{y}Q{q}", ws.lang)
    fee = terms.quarterly_fee(yuan_to_fen(p["fees"]["per_insured_per_year"]), _headcount(p, headcount, ws.lang))
    _agreed, _checked, rate = second_review_service.pass_rate(ws, label)
    tiers = (p.get("pass_rate") or {}).get("tiers") or []
    sd = p.get("staffing_deduction") or {}
    short = shortfall_days(ws, p, first, last)
    deds = terms.quarter_deductions(fee, rate, tiers, len(short), terms.frac(sd["rate"]) if sd.get("rate") else None)
    return {"quarter": label, "fee": fen_to_str(fee),
            "deductions": [{"reason": d.reason, "rate": terms.as_number(d.rate), "amount": fen_to_str(d.amount),
                            "label": REASON_LABELS.get(d.reason, T(d.reason, d.reason)).render(ws.lang)}
                           for d in deds],
            "payable": fen_to_str(fee - sum(d.amount for d in deds)),
            "pass_rate": None if rate is None else terms.as_number(rate),
            "shortfall_days": [d.isoformat() for d in short]}


def profit(ws: Workspace, p: dict[str, Any], score: str | None, profit_amount: str | None) -> dict[str, Any]:
    if score is None or profit_amount is None:
        raise UsageError(detail="--score S --profit AMOUNT")
    try:
        s = Decimal(str(score))
        amount = yuan_to_fen(profit_amount)
    except (ArithmeticError, ValueError):
        raise BadInput(T("分数或利润金额无效", "the score or the profit is not a number")) from None
    if not s.is_finite() or s < 0 or s > 100:
        raise BadInput(T("年度考核分数应在 0 到 100 之间", "the annual score is 0 to 100"))
    cfg = common.ops(p).get("profit_return") or {}
    rate, _ded, returned = terms.profit_return(amount, s, full_at=cfg.get("full_at", "90"),
                                               tiers=cfg.get("tiers") or terms.DEFAULT_PROFIT_TIERS)
    return {"profit": fen_to_str(amount), "score": float(s), "deduction_rate": terms.as_number(rate),
            "returned": fen_to_str(returned)}


def supplementary_payouts(ws: Workspace, first: dt.date, last: dt.date) -> int:
    with ws.store.read() as s:
        return int(s.execute(select(func.coalesce(func.sum(SettlementRow.hifob_pay), 0))
                             .where(source.live_settlements(), source.setl_time_between(first, last))).scalar() or 0)


def fund(ws: Workspace, p: dict[str, Any], year: int | None, headcount: int | None) -> dict[str, Any]:
    from .volumes import default_year

    y = year or default_year(ws)
    first, last = common.year_bounds(y)
    vol = p.get("volumes") or {}
    res = terms.fund_use(_headcount(p, headcount, ws.lang), yuan_to_fen(p["fees"]["premium_per_person_per_year"]),
                         supplementary_payouts(ws, first, last), terms.frac(vol["fund_use_rate_min"]),
                         terms.frac(vol.get("fund_use_rate_promised", vol["fund_use_rate_min"])))
    return {"year": y, "income": fen_to_str(res.income), "payouts": fen_to_str(res.payouts),
            "use_rate": None if res.use_rate is None else terms.as_number(res.use_rate),
            "below_floor": res.below_floor, "below_promise": res.below_promise}


def payments(ws: Workspace, p: dict[str, Any], as_of: dt.date | None = None) -> dict[str, Any]:
    cfg = common.ops(p)
    total = yuan_to_fen(p["fees"]["total"])
    as_of = as_of or dt.date.today()
    signed = dt.date.fromisoformat(cfg["signed_on"]) if cfg.get("signed_on") else None
    accepted = dt.date.fromisoformat(cfg["accepted_on"]) if cfg.get("accepted_on") else None
    with ws.store.read() as s:
        cal = workdays_service.calendar_in(s)
        first_check = s.execute(select(func.min(DataCheckRow.done_on))).scalar()
    out = []
    for item in cfg.get("payments") or []:
        share = terms.frac(item["share"])
        cond = item["condition"]
        due, met, assumed = None, False, False
        if cond == "signing" and signed is not None:
            d = cal.due(signed, int(item.get("workdays", 0)))
            due, met, assumed = d.due, signed <= as_of, d.assumed
        elif cond == "first_data_report" and first_check is not None:
            due, met = first_check, first_check <= as_of
        elif cond == "acceptance":
            if accepted is not None:
                due, met = accepted, accepted <= as_of
            elif item.get("month"):
                first, last, _ = common.parse_period("month", item["month"], ws.lang)
                due = last
        label = CONDITION_LABELS.get(cond, T(cond, cond)).render(ws.lang, n=item.get("workdays", 0))
        out.append({"share": terms.as_number(share), "amount": fen_to_str(terms.fen_times(total, share)),
                    "condition": label, "due": due.isoformat() if due else None, "met": met, "assumed": assumed})
    return {"payments": out}


def unauthorised_departures(ws: Workspace, p: dict[str, Any]) -> list[dict[str, Any]]:
    """People who left the team within the contract period without an effective (approved) staff change."""
    period = p.get("period") or {}
    first, last = dt.date.fromisoformat(period["from"]), dt.date.fromisoformat(period["to"])
    with ws.store.read() as s:
        covered = set(s.execute(select(StaffChangeRow.leaving_staff_id)
                                .where(StaffChangeRow.status == "effective")).scalars())
        rows = s.execute(select(StaffRow.id, StaffRow.staff_no, StaffRow.end_date)
                         .where(StaffRow.end_date.is_not(None), StaffRow.end_date >= first,
                                StaffRow.end_date <= last).order_by(StaffRow.end_date, StaffRow.staff_no)).all()
    return [{"kind": "staff_change", "date": end.isoformat(), "ref": f"staff:{no}"}
            for sid, no, end in rows if sid not in covered]


def record_breach(ws: Workspace, contract: str, day: dt.date, kind: str, note: str = "") -> int:
    """Record a breach (or a failed annual assessment) against a contract; supervisors, logged."""
    ws.require_supervisor()
    if kind not in BREACH_KINDS:
        raise BadInput(T("类型应为 {kinds}", "the kind is one of {kinds}"), kinds=", ".join(BREACH_KINDS))
    profile_service.get_profile(ws, contract)
    with ws.store.session() as s:
        row = BreachRow(contract=contract, day=day, kind=kind, note=note, created_by=ws.user.name)
        s.add(row)
        s.flush()
        ws.log(s, "contract.breach", "contract_breach", row.id,
               after={"contract": contract, "day": day.isoformat(), "kind": kind, "note": note})
        return row.id


def breaches(ws: Workspace, p: dict[str, Any]) -> dict[str, Any]:
    total = yuan_to_fen(p["fees"]["total"])
    rate = terms.frac((p.get("staff_change") or {}).get("penalty_rate", "0"))
    other = yuan_to_fen(common.ops(p).get("breach_penalty") or "0")
    with ws.store.read() as s:
        recorded = s.execute(select(BreachRow).where(BreachRow.contract == p["id"],
                                                     BreachRow.kind.in_(("staff_change", "other")))
                             .order_by(BreachRow.day, BreachRow.id)).scalars().all()
        items = [{"kind": b.kind, "date": b.day.isoformat(), "ref": f"breach:{b.id}"} for b in recorded]
    items += unauthorised_departures(ws, p)
    for b in items:
        b["penalty"] = fen_to_str(terms.fen_times(total, rate) if b["kind"] == "staff_change" else other)
    items.sort(key=lambda b: (b["date"], b["ref"]))
    return {"breaches": items, "penalties": fen_to_str(sum(yuan_to_fen(b["penalty"]) for b in items))}


def evaluations(p: dict[str, Any]) -> list[str]:
    """Which money evaluations a profile's numbers allow (the same list for seed and user profiles)."""
    fees, vol, ops = p.get("fees") or {}, p.get("volumes") or {}, common.ops(p)
    out = []
    if fees.get("per_insured_per_year"):
        out.append("quarterly")
    if ops.get("profit_return") or fees.get("profit_cap_rate"):
        out.append("profit")
    if fees.get("premium_per_person_per_year") and vol.get("fund_use_rate_min"):
        out.append("fund_use")
    if fees.get("total") and ops.get("payments"):
        out.append("payments")
    if fees.get("total") and ((p.get("staff_change") or {}).get("penalty_rate") or ops.get("breach_penalty")):
        out.append("breaches")
    return out


def fees(ws: Workspace, contract: str, *, quarter: str | None = None, year: int | None = None,
         score: str | None = None, profit_amount: str | None = None, headcount: int | None = None,
         as_of: dt.date | None = None) -> dict[str, Any]:
    """Everything ``workstation fees`` prints for one contract."""
    p = common.profile(ws, contract)
    kinds = evaluations(p)
    out: dict[str, Any] = {"contract": p["id"]}
    if "quarterly" in kinds:
        out.update(quarterly(ws, p, quarter, year, headcount))
    if "profit" in kinds:
        out.update(profit(ws, p, score, profit_amount))
    if "fund_use" in kinds:
        out.update(fund(ws, p, year, headcount))
    if "payments" in kinds:
        out.update(payments(ws, p, as_of))
    if "breaches" in kinds:
        out.update(breaches(ws, p))
    if not kinds:
        raise UsageError(detail=T("合同 {id} 没有可计算的费用条款", "contract {id} has no money terms to evaluate")
                         .render(ws.lang, id=p["id"]))
    return out
