"""The sampling frame: the settlements a plan's filter selects, as the draw and the appraisal need them."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from sqlalchemy import text
from sqlalchemy.orm import Session

from ..core import sampling as smp
from ..core.money import yuan_to_fen
from ..store import dialect
from . import risk_sampling
from .sampling_plan import Plan, Progress, where_clause


def load_frame(session: Session, plan: Plan, progress: Progress = None) -> list:
    """The frame: plain setl_ids (sorted) for srs and census, else units with stratum label and amount (fen).

    NOT INDEXED: a frame is usually a large share of the table, and walking the
    setl_time index costs one random (decrypted) page read per row, ten times a
    sequential scan. For srs and census SQLite sorts and joins the ids itself
    (BINARY collation on UTF-8 = code point order), sparing a million Python tuples.
    """
    if risk_sampling.uses_risk(plan):  # risk_tier hook (#20): filter and relabel by the profile's tiers
        return risk_sampling.load_frame(session, plan, load_frame, progress)
    where, params = where_clause(plan)
    d = dialect.of(session)
    if plan.method in ("srs", "census"):
        row = session.execute(text(
            f"SELECT count(*), {d.lines_joined('setl_id')} FROM "
            f"(SELECT setl_id FROM settlements{d.not_indexed}{where} ORDER BY setl_id) AS q"), params).one()
        ids = row[1].split("\n") if row[0] else []
        if len(ids) == row[0]:
            if progress:
                progress(row[0], row[0])
            return ids
        # an id containing a newline: fall through to the row-by-row query
    cols = list(dict.fromkeys(["setl_id", plan.amount_field] + [f for f in plan.strata if f != "amount_band"]))
    result = session.execute(text(f"SELECT {', '.join(cols)} FROM settlements{d.not_indexed}{where}"), params)
    edges = [yuan_to_fen(b) for b in plan.bands]
    units: list[smp.Unit] = []
    idx = {c: k for k, c in enumerate(cols)}
    a = idx[plan.amount_field]
    Unit = smp.Unit
    while True:
        rows = result.fetchmany(50_000)
        if not rows:
            break
        if plan.strata:
            for r in rows:
                label = "|".join(smp.band_label(r[a] or 0, edges) if f == "amount_band" else (r[idx[f]] or "")
                                 for f in plan.strata)
                units.append(Unit(r[0], label, r[a] or 0))
        else:
            units.extend(Unit(r[0], "", r[a] or 0) for r in rows)
        if progress:
            progress(len(units), 0)
    return units




@dataclass
class FrameAggregate:
    """The rebuilt frame summed as the appraisal needs it, per stratum, for the units in a domain."""

    fingerprint: str = ""
    sizes: dict[str, int] = field(default_factory=dict)  # N_hd
    charged: dict[str, int] = field(default_factory=dict)  # Σ medfee_sumamt in the domain, fen
    fund: dict[str, int] = field(default_factory=dict)  # Σ (hifp_pay + hifob_pay) in the domain, fen
    pps_total: int = 0  # X: Σ of the amount field over the units with a positive amount (whole frame)
    pps_in_domain: int = 0  # units with a positive amount in the domain


def frame_aggregate(session: Session, plan: Plan, in_domain: Callable[[str, str], bool]) -> FrameAggregate:
    """One pass over the frame rebuilt with a stored plan; only the ids are kept (for the fingerprint).

    ``in_domain(fixmedins_code, setl_time)`` says whether a unit is in the appraisal's domain.
    """
    tier_of = None
    if risk_sampling.uses_risk(plan):  # risk_tier hook (#20): filter and label by the profile's tiers
        base, tier_of = risk_sampling.frame_tiers(session, plan)
        where, params = where_clause(base)
    else:
        where, params = where_clause(plan)
    strata_cols = [f for f in plan.strata if f not in ("amount_band", risk_sampling.FIELD)]
    cols = list(dict.fromkeys(["setl_id", "fixmedins_code", "setl_time", "medfee_sumamt", "hifp_pay", "hifob_pay",
                               plan.amount_field] + strata_cols))
    idx = {c: k for k, c in enumerate(cols)}
    edges = [yuan_to_fen(b) for b in plan.bands]
    a = idx[plan.amount_field]
    agg = FrameAggregate()
    ids: list[str] = []
    result = session.execute(text(f"SELECT {', '.join(cols)} FROM settlements{where}"), params)
    while True:
        rows = result.fetchmany(50_000)
        if not rows:
            break
        for r in rows:
            tier = tier_of(r[1]) if tier_of else None
            if tier_of and tier is None:
                continue
            ids.append(r[0])
            amount = r[a] or 0
            inside = in_domain(r[1] or "", r[2] or "")
            if amount > 0:
                agg.pps_total += amount
                agg.pps_in_domain += inside
            if not inside:
                continue
            label = "|".join(smp.band_label(amount, edges) if f == "amount_band" else
                             tier if f == risk_sampling.FIELD else (r[idx[f]] or "")
                             for f in plan.strata) if plan.strata else smp.WHOLE
            agg.sizes[label] = agg.sizes.get(label, 0) + 1
            agg.charged[label] = agg.charged.get(label, 0) + (r[3] or 0)
            agg.fund[label] = agg.fund.get(label, 0) + (r[4] or 0) + (r[5] or 0)
    agg.fingerprint = smp.fingerprint(ids)
    return agg
