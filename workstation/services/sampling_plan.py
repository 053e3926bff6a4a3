"""Sampling plans: presets, the filter, validation and the frame query's WHERE clause.

A plan is (filter, method, rate or size, strata, amount field, seed). The
filter is plain JSON kept with the sample so that ``verify`` rebuilds the
same frame: ``{"from": "YYYY-MM-DD"|null, "to": ..., "conditions": [[field,
op, value], ...]}``. ``from``/``to`` bound ``setl_time`` (both days
included). Operators: ``=`` and ``!=`` take a list of codes (``med_type =
inpatient`` means 21 or any 21xx); ``> >= < <=`` take a yuan amount on an
amount field. Samples are append-only rows: a redraw is a new sample.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from typing import Any, Callable

from ..core import sampling as smp
from ..core.errors import NotFound, UsageError
from ..core.i18n import T
from ..core.money import yuan_to_fen
from ..paths import resource
from ..store.models.sampling import SampleRow
from . import risk_sampling

CODE_FIELDS = ("med_type", "setl_type", "offsite_flag", "fixmedins_code", "insutype", "hosp_lv", "gend")
AMOUNT_FIELDS = ("medfee_sumamt", "inscp_scp_amt", "hifp_pay", "hifob_pay", "cvlserv_pay", "acct_pay",
                 "psn_cash_pay")
STRATA_FIELDS = CODE_FIELDS + ("amount_band",)
OPS = ("=", "!=", ">", ">=", "<", "<=")
INPATIENT = "inpatient"
DECIDED = ("compliant", "violation", "doubtful")
Progress = Callable[[int, int], None] | None


@dataclass
class Plan:
    method: str
    seed: str
    date_from: str | None = None
    date_to: str | None = None
    conditions: list[list[Any]] = field(default_factory=list)
    rate: str | None = None
    size: int | None = None
    strata: list[str] = field(default_factory=list)
    amount_field: str = "medfee_sumamt"
    bands: list[str] = field(default_factory=list)  # yuan edges for the amount_band stratum field
    preset: str | None = None
    risk_profile: dict | None = None  # risk_tier hook (#20): {"id", "from", "to", "fingerprint"} once prepared
    risk_tiers: dict | None = field(default=None, repr=False, compare=False)  # #20: code -> tier, not stored

    def filter_json(self) -> dict:
        return {"from": self.date_from, "to": self.date_to, "conditions": self.conditions}

    def params_json(self) -> dict:
        out = {"rate": self.rate, "size": self.size, "strata": self.strata, "amount_field": self.amount_field,
               "bands": self.bands}
        if self.risk_profile is not None:  # risk_tier hook (#20)
            out["risk_profile"] = self.risk_profile
        return out

    @classmethod
    def from_row(cls, row: SampleRow) -> "Plan":
        f, p = json.loads(row.filter), json.loads(row.params)
        return cls(method=row.method, seed=row.seed, date_from=f.get("from"), date_to=f.get("to"),
                   conditions=f.get("conditions") or [], rate=p.get("rate"), size=p.get("size"),
                   strata=p.get("strata") or [], amount_field=p.get("amount_field") or "medfee_sumamt",
                   bands=p.get("bands") or [], preset=row.preset, risk_profile=p.get("risk_profile"))


# -- presets ----------------------------------------------------------------------------------

def presets() -> list[dict]:
    data = json.loads(resource("catalogs", "sampling_presets.json").read_text(encoding="utf-8"))
    return data["presets"]


def preset(preset_id: str) -> dict:
    for p in presets():
        if p["id"] == preset_id:
            return p
    raise NotFound(what=preset_id)


def plan_from_preset(preset_id: str, seed: str, date_from: str | None = None, date_to: str | None = None) -> Plan:
    p = preset(preset_id)
    return Plan(method=p["method"], seed=str(seed), date_from=date_from, date_to=date_to,
                conditions=[list(c) for c in p["conditions"]], rate=p.get("rate"), size=p.get("size"),
                preset=preset_id)


FILTER_RE = re.compile(r"^\s*([A-Za-z_]+)\s*(!=|>=|<=|=|>|<)\s*(.+?)\s*$")


def parse_condition(expr: str) -> list:
    """``field=v1,v2`` | ``field!=v`` | ``amount_field>=1000.00`` → [field, op, value] (checked by validate)."""
    m = FILTER_RE.match(expr or "")
    if not m:
        raise UsageError(T("筛选条件写法有误：{e}（应如 setl_type=2 或 medfee_sumamt>=1000）",
                           "Bad filter {e} (write e.g. setl_type=2 or medfee_sumamt>=1000)"), e=expr)
    field_, op, value = m.groups()
    return [field_, op, [v.strip() for v in value.split(",")] if op in ("=", "!=") else value]


# -- validation and the frame query ------------------------------------------------------------

def _bad(zh: str, en: str, **kw) -> UsageError:
    return UsageError(T("抽样方案有误：" + zh, "Bad sampling plan: " + en), **kw)


def _iso_date(text: str | None) -> str | None:
    if text in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(text)).isoformat()
    except ValueError:
        raise _bad("日期 {d} 不是 YYYY-MM-DD", "date {d} is not YYYY-MM-DD", d=text) from None


def validate(plan: Plan) -> Plan:
    """Normalise a plan (codes as text lists, amounts as 2-decimal yuan); UsageError when wrong."""
    if plan.method not in smp.METHODS:
        raise _bad("未知的抽样方法 {m}", "unknown method {m}", m=plan.method)
    if plan.seed is None or str(plan.seed).strip() == "":
        raise _bad("必须给出随机种子", "a seed is required")
    plan.seed = str(plan.seed).strip()
    plan.date_from = _iso_date(plan.date_from)
    plan.date_to = _iso_date(plan.date_to)
    if plan.date_from and plan.date_to and plan.date_from > plan.date_to:
        raise _bad("起始日期晚于截止日期", "the period starts after it ends")
    conds = []
    for cond in plan.conditions:
        if len(cond) != 3:
            raise _bad("条件 {c} 应为 [字段, 运算符, 值]", "condition {c} must be [field, op, value]", c=cond)
        f, op, value = cond
        if f == risk_sampling.FIELD:  # risk_tier hook (#20)
            conds.append(risk_sampling.validate_condition(op, value))
            continue
        if op not in OPS:
            raise _bad("未知的运算符 {op}", "unknown operator {op}", op=op)
        if f in CODE_FIELDS and op in ("=", "!="):
            values = value if isinstance(value, list) else str(value).split(",")
            values = sorted({str(v).strip() for v in values if str(v).strip()})
            if not values:
                raise _bad("条件 {f} 没有取值", "condition on {f} has no value", f=f)
            conds.append([f, op, values])
        elif f in AMOUNT_FIELDS and op not in ("=", "!="):
            try:
                fen = yuan_to_fen(str(value))
            except ValueError:
                raise _bad("{v} 不是金额", "{v} is not an amount", v=value) from None
            conds.append([f, op, yuan2(fen)])
        else:
            raise _bad("不能按 {f} {op} 筛选", "cannot filter on {f} {op}", f=f, op=op)
    plan.conditions = conds
    if plan.method in ("srs", "stratified", "pps"):
        if (plan.rate is None) == (plan.size is None):
            raise _bad("请给出抽样比例或样本量（二选一）", "give either a rate or a size")
        if plan.rate is not None:
            try:
                r = smp.as_fraction(str(plan.rate))
            except smp.SamplingError:
                raise _bad("{r} 不是比例", "{r} is not a rate", r=plan.rate) from None
            if not 0 < r <= 1:
                raise _bad("比例须在 0 与 1 之间", "the rate must be in (0, 1]")
            plan.rate = str(plan.rate)
        if plan.size is not None:
            plan.size = int(plan.size)
            if plan.size < 0:
                raise _bad("样本量不能为负", "the size cannot be negative")
    else:
        plan.rate, plan.size = None, None
    if plan.method == "stratified":
        if not plan.strata:
            raise _bad("分层抽样需要分层字段", "stratified sampling needs strata fields")
        for f in plan.strata:
            if f not in STRATA_FIELDS + (risk_sampling.FIELD,):  # risk_tier hook (#20)
                raise _bad("不能按 {f} 分层", "cannot stratify by {f}", f=f)
    else:
        plan.strata = []
    if plan.amount_field not in AMOUNT_FIELDS:
        raise _bad("{f} 不是金额字段", "{f} is not an amount field", f=plan.amount_field)
    try:
        plan.bands = [yuan2(yuan_to_fen(b)) for b in plan.bands]
    except ValueError:
        raise _bad("分档界限须为金额", "band edges must be amounts") from None
    if "amount_band" in plan.strata and not plan.bands:
        raise _bad("按金额分档分层需要分档界限", "amount bands need band edges")
    return plan


def yuan2(fen: int) -> str:
    sign = "-" if fen < 0 else ""
    return f"{sign}{abs(fen) // 100}.{abs(fen) % 100:02d}"


def where_clause(plan: Plan) -> tuple[str, dict]:
    # reversed settlements (a reversal, its original, an orphan reversal) are in no frame (data-format.md)
    clauses, params = ["(reversed IS NULL OR reversed = :not_reversed)"], {"not_reversed": False}
    if plan.date_from:
        clauses.append("setl_time >= :d_from")
        params["d_from"] = plan.date_from
    if plan.date_to:
        clauses.append("setl_time < :d_to")
        params["d_to"] = (dt.date.fromisoformat(plan.date_to) + dt.timedelta(days=1)).isoformat()
    for i, (f, op, value) in enumerate(plan.conditions):
        if isinstance(value, list):
            parts = []
            codes = [v for v in value if not (f == "med_type" and v == INPATIENT)]
            if codes:
                names = []
                for j, v in enumerate(codes):
                    params[f"c{i}_{j}"] = v
                    names.append(f":c{i}_{j}")
                parts.append(f"{f} IN ({', '.join(names)})")
            if f == "med_type" and INPATIENT in value:
                parts.append("(med_type = '21' OR (length(med_type) = 4 AND substr(med_type, 1, 2) = '21'))")
            expr = "(" + " OR ".join(parts) + ")"
            clauses.append(expr if op == "=" else f"NOT {expr} OR {f} IS NULL")
            if op == "!=":
                clauses[-1] = f"({clauses[-1]})"
        else:
            params[f"a{i}"] = yuan_to_fen(value)
            clauses.append(f"{f} {op} :a{i}")
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


