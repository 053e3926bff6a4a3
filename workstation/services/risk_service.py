"""Risk profiles (spec/risk.md): institutions and doctors against their peers.

``compute`` gathers the aggregates (``risk_query``), turns them into exact,
rounded values and compares them (``core.risk``). ``run`` also stores an
institution-level profile (its tiers and fingerprint feed risk-based
sampling). ``to_json`` is the document of ``risk profile``; it depends on
nothing but the store, its flags and the fixed parameters, so the same store
gives the same bytes (profile_id aside).
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Any, Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..core import risk
from ..core.errors import NotFound, UsageError
from ..core.i18n import T
from ..core.money import fen_to_str
from ..store.models.risk import RiskProfileRow
from . import risk_query as rq
from .workspace import Workspace

LEVELS = ("institution", "doctor")
Progress = Callable[[int, int], None] | None


@dataclass(frozen=True)
class EntityProfile:
    key: tuple[str, ...]  # (code,) or (code, department, doctor)
    name: str
    peer_group: str
    settlements: int
    fee_lines: int
    values: dict[str, Fraction | None]
    percentiles: dict[str, Fraction | None]
    flags: tuple[str, ...]
    robust_flags: tuple[str, ...]
    score: Fraction
    tier: str
    rank: int

    @property
    def code(self) -> str:
        return self.key[0]

    @property
    def flag_count(self) -> int:
        return len(self.flags)

    @property
    def robust_count(self) -> int:
        return len(self.robust_flags)


@dataclass(frozen=True)
class TrendRow:
    code: str
    month: str
    values: dict[str, Fraction | None]


@dataclass(frozen=True)
class BenfordRow:
    code: str
    result: risk.Benford


@dataclass(frozen=True)
class Profile:
    level: str
    date_from: str
    date_to: str
    screened: bool
    profile_id: int | None
    fingerprint: str | None
    measures: tuple[risk.Measure, ...]
    entities: tuple[EntityProfile, ...]  # rank order
    groups: tuple[risk.GroupStats, ...]
    benford: tuple[BenfordRow, ...]
    trends: tuple[TrendRow, ...]
    excluded_low_volume: int

    def tiers(self) -> dict[str, str]:
        return {e.code: e.tier for e in self.entities} if self.level == "institution" else {}

    def entity(self, key: tuple[str, ...]) -> EntityProfile | None:
        return next((e for e in self.entities if e.key == tuple(key)), None)

    def peers(self, peer_group: str) -> list[EntityProfile]:
        return [e for e in self.entities if e.peer_group == peer_group]

    def group(self, peer_group: str, measure: str) -> risk.GroupStats | None:
        return next((g for g in self.groups if g.peer_group == peer_group and g.measure == measure), None)

    def trend(self, code: str) -> list[TrendRow]:
        return [t for t in self.trends if t.code == code]

    def benford_of(self, code: str) -> risk.Benford | None:
        return next((b.result for b in self.benford if b.code == code), None)


# -- period ------------------------------------------------------------------------------------

def _iso(text: str, opt: str) -> str:
    try:
        return dt.date.fromisoformat(str(text)).isoformat()
    except ValueError:
        raise UsageError(T("{opt} {d} 不是 YYYY-MM-DD 日期", "{opt} {d} is not a YYYY-MM-DD date"),
                         opt=opt, d=text) from None


def resolve_period(s: Session, date_from: str | None, date_to: str | None) -> tuple[str, str]:
    """The given period, or the calendar year of the latest setl_time; exit 2 when unusable."""
    if (date_from is None) != (date_to is None):
        raise UsageError(detail="--from / --to")
    if date_from is None:
        latest = rq.latest_setl_time(s)
        if not latest:
            raise UsageError(T("数据库中没有结算数据", "The store holds no settlement"))
        year = latest[:4]
        date_from, date_to = f"{year}-01-01", f"{year}-12-31"
    else:
        date_from, date_to = _iso(date_from, "--from"), _iso(date_to, "--to")
        if date_to < date_from:
            raise UsageError(T("截止日期早于起始日期", "--to is before --from"))
    if rq.count_in_period(s, date_from, date_to) == 0:
        raise UsageError(T("{a} 至 {b} 没有结算", "No settlement from {a} to {b}"), a=date_from, b=date_to)
    return date_from, date_to


# -- computation -------------------------------------------------------------------------------

def compute_in(s: Session, level: str, date_from: str | None, date_to: str | None, *,
               extras: bool = True) -> Profile:
    """The profile from an open session (no storing). ``extras``: trends and Benford too."""
    if level not in LEVELS:
        raise UsageError(detail=f"--level {level}")
    date_from, date_to = resolve_period(s, date_from, date_to)
    screened = rq.screened(s)
    if level == "doctor":
        return _doctors(s, date_from, date_to, screened)
    data = rq.gather_institutions(s, date_from, date_to, by_month=extras, with_flags=screened)
    inputs, meta = [], {}
    for code in sorted(data.totals):
        agg = data.totals[code]
        group = risk.peer_group(data.hosp_lv.get(code, {}), agg.inpatient)
        inputs.append(risk.EntityInput((code,), group, risk.institution_values(agg, screened)))
        meta[(code,)] = (data.names.get(code, ""), agg.settlements, agg.lines)
    results, groups = risk.compare(inputs, risk.INSTITUTION_MEASURES)
    entities = tuple(_entity(r, *meta[r.key]) for r in results)
    tiers = {e.code: e.tier for e in entities}
    benford, trends = (), ()
    if extras:
        benford = tuple(BenfordRow(code, risk.benford(data.digits.get(code, [0] * 9))) for code in sorted(data.totals))
        empty = risk.InstitutionAgg()
        trends = tuple(TrendRow(code, m, risk.institution_values(data.monthly.get((code, m), empty), screened,
                                                                 floor=False))
                       for code in sorted(data.totals) for m in risk.months(date_from, date_to))
    return Profile("institution", date_from, date_to, screened, None, risk.fingerprint(tiers),
                   risk.INSTITUTION_MEASURES, entities, tuple(groups), benford, trends, 0)


def _entity(r: risk.EntityResult, name: str, settlements: int, lines: int) -> EntityProfile:
    return EntityProfile(r.key, name, r.peer_group, settlements, lines, dict(r.values), dict(r.percentiles),
                         tuple(r.flags), tuple(r.robust_flags), r.score, r.tier, r.rank)


def _doctors(s: Session, date_from: str, date_to: str, screened: bool) -> Profile:
    inst_groups = rq.institution_groups(s, date_from, date_to)
    names = rq.institution_names(s, date_from, date_to)
    aggs = rq.gather_doctors(s, date_from, date_to, with_flags=screened)
    inputs, meta, excluded = [], {}, 0
    for key in sorted(aggs):
        a = aggs[key]
        if a.settlements < risk.DOCTOR_MIN:
            excluded += 1
            continue
        group = f"{inst_groups.get(key[0], '')}|{key[1]}"
        inputs.append(risk.EntityInput(key, group, risk.doctor_values(a, screened)))
        meta[key] = (names.get(key[0], ""), a.settlements, a.lines)
    results, groups = risk.compare(inputs, risk.DOCTOR_MEASURES)
    entities = tuple(_entity(r, *meta[r.key]) for r in results)
    return Profile("doctor", date_from, date_to, screened, None, None, risk.DOCTOR_MEASURES, entities,
                   tuple(groups), (), (), excluded)


def compute(ws: Workspace, level: str = "institution", date_from: str | None = None, date_to: str | None = None,
            *, extras: bool = True) -> Profile:
    with ws.store.read() as s:
        return compute_in(s, level, date_from, date_to, extras=extras)


def run(ws: Workspace, level: str = "institution", date_from: str | None = None, date_to: str | None = None
        ) -> Profile:
    """``risk profile``: compute, and store an institution-level profile (one event)."""
    with ws.store.session() as s:
        p = compute_in(s, level, date_from, date_to)
        if level != "institution":
            return p
        row = RiskProfileRow(created_by=ws.user.name, level=level, date_from=p.date_from, date_to=p.date_to,
                             params=json.dumps(risk.PARAMS, sort_keys=True),
                             tiers=json.dumps(p.tiers(), ensure_ascii=False, sort_keys=True),
                             fingerprint=p.fingerprint)
        s.add(row)
        s.flush()
        counts = {t: sum(1 for x in p.tiers().values() if x == t) for t in risk.TIERS}
        summary = {"id": row.id, "level": level, "from": p.date_from, "to": p.date_to, "params": risk.PARAMS,
                   "fingerprint": p.fingerprint, "tiers": counts, "screened": p.screened}
        ws.log(s, "risk.profile", "risk_profile", row.id, after=summary, details=summary)
        pid = row.id
    return _with_id(p, pid)


def _with_id(p: Profile, pid: int) -> Profile:
    return replace(p, profile_id=pid)


# -- stored profiles ---------------------------------------------------------------------------

@dataclass(frozen=True)
class StoredProfile:
    profile_id: int
    date_from: str
    date_to: str
    fingerprint: str
    tiers: dict[str, str]
    created_by: str
    created_at: str


def stored_in(s: Session, profile_id: int | str | None) -> StoredProfile:
    """A stored profile by id, or the latest; NotFound (exit 2) when there is none."""
    q = select(RiskProfileRow)
    if profile_id is None:
        row = s.execute(q.order_by(RiskProfileRow.id.desc()).limit(1)).scalars().first()
    else:
        try:
            row = s.get(RiskProfileRow, int(profile_id))
        except (TypeError, ValueError):
            row = None
    if row is None:
        raise NotFound(T("没有已保存的风险画像 {ref}（请先运行 risk profile）",
                         "No stored risk profile {ref} (run risk profile first)"), ref=profile_id or "")
    return StoredProfile(row.id, row.date_from, row.date_to, row.fingerprint, json.loads(row.tiers), row.created_by,
                         row.created_at.isoformat(timespec="seconds"))


def stored(ws: Workspace, profile_id: int | str | None = None) -> StoredProfile:
    with ws.store.read() as s:
        return stored_in(s, profile_id)


def list_stored(ws: Workspace) -> list[StoredProfile]:
    with ws.store.read() as s:
        ids = s.execute(select(RiskProfileRow.id).order_by(RiskProfileRow.id.desc())).scalars().all()
        return [stored_in(s, i) for i in ids]


def recompute_fingerprint(s: Session, sp: StoredProfile) -> tuple[str, dict[str, str]]:
    """The fingerprint and tiers of a stored profile's period, recomputed from the store now."""
    p = compute_in(s, "institution", sp.date_from, sp.date_to, extras=False)
    return p.fingerprint, p.tiers()


# -- JSON --------------------------------------------------------------------------------------

def _num(x: Fraction | None, digits: int = 6) -> float | None:
    return None if x is None else float(risk.to_decimal(x, digits))


def value_json(m: risk.Measure, v: Fraction | None) -> Any:
    if v is None:
        return None
    if m.unit == risk.YUAN:
        return fen_to_str(int(v * 100))
    return _num(v)


def value_text(m: risk.Measure, v: Fraction | None) -> str:
    """A value as people read it (tables, reports)."""
    if v is None:
        return "—"
    if m.unit == risk.YUAN:
        return fen_to_str(int(v * 100))
    d = risk.to_decimal(v, 6).normalize()
    return f"{d:f}"


def to_json(p: Profile, lang: str = "zh_CN") -> dict:
    ms = p.measures
    inst = p.level == "institution"

    def key(e: EntityProfile) -> dict:
        if inst:
            return {"fixmedins_code": e.key[0]}
        return {"fixmedins_code": e.key[0], "bilg_dept_name": e.key[1], "bilg_dr_name": e.key[2]}

    return {
        "level": p.level,
        "period": {"from": p.date_from, "to": p.date_to},
        "screened": p.screened,
        "profile_id": p.profile_id,
        "fingerprint": p.fingerprint,
        "measures": [{"id": m.id, "name": m.name(lang), "unit": m.unit, "direction": m.direction} for m in ms],
        "entities": [{
            "key": key(e), "name": e.name, "peer_group": e.peer_group, "settlements": e.settlements,
            "fee_lines": e.fee_lines,
            "values": {m.id: value_json(m, e.values.get(m.id)) for m in ms},
            "percentiles": {m.id: _num(e.percentiles.get(m.id)) for m in ms},
            "flags": list(e.flags), "robust_flags": list(e.robust_flags),
            "flag_count": e.flag_count, "robust_count": e.robust_count, "score": _num(e.score),
            "tier": e.tier, "rank": e.rank} for e in p.entities],
        "groups": [{"peer_group": g.peer_group, "measure": g.measure, "n": g.n, "q1": _num(g.q1),
                    "median": _num(g.median), "q3": _num(g.q3), "fence_low": _num(g.fence_low),
                    "fence_high": _num(g.fence_high)} for g in p.groups],
        "benford": [{"fixmedins_code": b.code, "n": b.result.n, "counts": list(b.result.counts),
                     "mad": None if b.result.mad is None else float(b.result.mad),
                     "conformity": b.result.conformity} for b in p.benford],
        "trends": [{"fixmedins_code": t.code, "month": t.month,
                    "values": {m.id: value_json(m, t.values.get(m.id)) for m in ms}} for t in p.trends],
        "excluded_low_volume": p.excluded_low_volume,
    }


def dumps(doc: dict) -> str:
    return json.dumps(doc, ensure_ascii=False)
