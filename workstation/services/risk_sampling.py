"""``risk_tier`` in the sampler (spec/risk.md, "Feeding the sampler").

The sampler knows nothing of risk: it calls this module at three points (a
small hook in sampling_service): ``validate_condition`` for a ``risk_tier``
filter, ``prepare`` before a draw (resolve the stored profile, recompute it,
refuse a stale one), ``load_frame`` instead of its own frame loader when the
plan uses risk_tier, and ``verify_prepare`` in ``sample verify``.

A settlement's risk_tier is the tier of its fixmedins_code in the profile; an
institution absent from it (or a settlement without a code) is "none". The
frame is loaded by the sampler's own loader with fixmedins_code as an extra
stratum field, then filtered and relabelled here, so the filter semantics and
the SQL stay in one place.
"""
from __future__ import annotations

import dataclasses
from typing import Any, Callable

from sqlalchemy.orm import Session

from ..core import risk
from ..core import sampling as smp
from ..core.errors import UsageError
from ..core.i18n import T
from . import risk_service

FIELD = "risk_tier"

OUT_OF_DATE = T("风险画像已过期：数据或线索自画像 {id} 生成后已改变（请重新生成画像）；未抽取任何样本",
                "Risk profile out of date: data or flags changed since profile {id} was computed (compute it "
                "again); nothing drawn")


def uses_risk(plan) -> bool:
    return FIELD in plan.strata or any(c[0] == FIELD for c in plan.conditions)


def validate_condition(op: str, value: Any) -> list:
    """A ``risk_tier`` filter: = or != with tier names."""
    if op not in ("=", "!="):
        raise UsageError(T("risk_tier 只能用 = 或 != 筛选", "risk_tier takes = or != only"))
    values = value if isinstance(value, list) else str(value).split(",")
    values = sorted({str(v).strip() for v in values if str(v).strip()})
    bad = [v for v in values if v not in risk.TIERS]
    if not values or bad:
        raise UsageError(T("risk_tier 的取值须为 high、medium、low、none：{v}",
                           "risk_tier values are high, medium, low, none: {v}"), v=",".join(bad) or "")
    return [FIELD, op, values]


def prepare(s: Session, plan) -> None:
    """Before a draw: the stored profile (named, or the latest), recomputed; refuse when stale."""
    ref = (plan.risk_profile or {}).get("id")
    sp = risk_service.stored_in(s, ref)
    fingerprint, _ = risk_service.recompute_fingerprint(s, sp)
    if fingerprint != sp.fingerprint:
        raise UsageError(OUT_OF_DATE, id=sp.profile_id)
    plan.risk_profile = {"id": sp.profile_id, "from": sp.date_from, "to": sp.date_to,
                         "fingerprint": sp.fingerprint}
    plan.risk_tiers = dict(sp.tiers)


def verify_prepare(s: Session, plan) -> dict:
    """For ``sample verify``: tiers recomputed with the stored period; ``profile_matches``."""
    stored = plan.risk_profile or {}
    sp = risk_service.StoredProfile(stored.get("id"), stored["from"], stored["to"], stored["fingerprint"], {}, "", "")
    fingerprint, tiers = risk_service.recompute_fingerprint(s, sp)
    plan.risk_tiers = tiers
    return {"profile_matches": fingerprint == sp.fingerprint, "risk_profile": stored.get("id"),
            "profile_sha256": fingerprint, "stored_profile_sha256": sp.fingerprint}


def _matches(tier: str, conditions: list) -> bool:
    for _, op, values in conditions:
        if (tier in values) != (op == "="):
            return False
    return True


def load_frame(session: Session, plan, base_loader: Callable, progress=None) -> list:
    """The frame of a plan that uses risk_tier, through the sampler's own loader."""
    tiers = plan.risk_tiers
    if tiers is None:
        raise UsageError(T("未指定风险画像", "No risk profile given"))
    mine = [c for c in plan.conditions if c[0] == FIELD]
    strata = [f for f in plan.strata if f != FIELD]
    base = dataclasses.replace(plan, method="stratified", conditions=[c for c in plan.conditions if c[0] != FIELD],
                               strata=strata + ["fixmedins_code"], risk_profile=None, risk_tiers=None)
    k = len(strata)
    tier_of = _tier_of(tiers, mine)
    out = []
    for u in base_loader(session, base, progress):
        parts = u.stratum.split("|")
        tier = tier_of("|".join(parts[k:]))
        if tier is None:
            continue
        rest = iter(parts[:k])
        label = "|".join(tier if f == FIELD else next(rest) for f in plan.strata)
        out.append(smp.Unit(u.setl_id, label, u.amount))
    if plan.method in ("srs", "census"):
        return sorted(u.setl_id for u in out)
    return out


def frame_tiers(s: Session, plan) -> tuple[Any, Callable[[str], str | None]]:
    """For the appraisal's rebuilt frame: the plan without risk_tier conditions, and code → tier
    (None when the unit is filtered out). Tiers are recomputed as ``sample verify`` does, so a
    changed profile shows as a changed frame fingerprint."""
    if plan.risk_tiers is None:
        verify_prepare(s, plan)
    tiers, mine = plan.risk_tiers, [c for c in plan.conditions if c[0] == FIELD]
    base = dataclasses.replace(plan, conditions=[c for c in plan.conditions if c[0] != FIELD],
                               strata=[f for f in plan.strata if f != FIELD], risk_profile=None, risk_tiers=None)

    return base, _tier_of(tiers, mine)


def _tier_of(tiers: dict, conditions: list) -> Callable[[str], str | None]:
    """fixmedins_code → its tier in the profile ("none" if absent), or None when the risk_tier
    conditions leave the unit out: the one rule the draw and the appraisal's frame both apply."""
    def tier_of(code: str) -> str | None:
        tier = tiers.get(code or "", "none")
        return tier if _matches(tier, conditions) else None

    return tier_of
