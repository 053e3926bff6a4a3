"""Sampling use cases: frames by filter, draw and store, list, verify, assign.

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
import hashlib
import json
import uuid

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from ..core import sampling as smp
from ..core.errors import BadInput, Conflict, NotFound, UsageError
from ..core.i18n import T
from ..store import dialect
from ..store.models.claims import SettlementRow
from ..store.models.review import ReviewUnitRow
from ..store.models.sampling import SampleRow, SampleStratumRow, SampleUnitRow
from . import risk_sampling  # risk_tier hook (#20)
from .sampling_frame import load_frame
from .sampling_plan import (  # noqa: F401  (re-exported: callers import the plan API from here)
    AMOUNT_FIELDS, CODE_FIELDS, DECIDED, FILTER_RE, INPATIENT, OPS, STRATA_FIELDS, Plan, Progress, parse_condition,
    plan_from_preset, preset, presets, validate, where_clause, yuan2,
)
from .workspace import Workspace


# -- draw, preview, store ----------------------------------------------------------------------

def _draw(plan: Plan, units: list[smp.Unit]) -> smp.Draw:
    try:
        return smp.draw(plan.method, plan.seed, units, n=plan.size, rate=plan.rate)
    except smp.SamplingError as exc:
        raise UsageError(T("无法抽样：{why}", "Cannot draw: {why}"), why=str(exc)) from None


def preview(ws: Workspace, plan: Plan, progress: Progress = None) -> smp.Draw:
    """The frame size, fingerprint and allocation, without storing anything."""
    validate(plan)
    with ws.store.read() as s:
        if risk_sampling.uses_risk(plan):  # risk_tier hook (#20)
            risk_sampling.prepare(s, plan)
        units = load_frame(s, plan, progress)
    return _draw(plan, units)


def _new_code(s: Session, year: int) -> str:
    prefix = f"S-{year}-"
    count = s.execute(select(func.count()).select_from(SampleRow).where(SampleRow.code.like(prefix + "%"))).scalar()
    return f"{prefix}{count + 1:04d}"


def draw_and_store(ws: Workspace, plan: Plan, *, note: str = "", progress: Progress = None) -> dict:
    """Draw and keep the sample (supervisor or admin). Returns ``describe`` of the new sample and its
    ``warnings`` (thin strata: the sample is stored all the same, sampling.md "Draw-time warning")."""
    ws.require_supervisor()
    validate(plan)
    with ws.store.session() as s:
        if risk_sampling.uses_risk(plan):  # risk_tier hook (#20): stale profile -> exit 2, nothing drawn
            risk_sampling.prepare(s, plan)
        units = load_frame(s, plan, progress)
        d = _draw(plan, units)
        earlier = [r.code for r in s.execute(
            select(SampleRow).where(SampleRow.method == plan.method, SampleRow.filter == _dumps(plan.filter_json()),
                                    SampleRow.params == _dumps(plan.params_json()))).scalars()]
        row = SampleRow(code=_new_code(s, dt.date.today().year), created_by=ws.user.name, preset=plan.preset,
                        method=plan.method, seed=plan.seed, filter=_dumps(plan.filter_json()),
                        params=_dumps(plan.params_json()), frame_size=d.frame_size, frame_sha256=d.frame_sha256,
                        sample_size=d.sample_size, excluded=json.dumps(d.excluded), note=note)
        s.add(row)
        s.flush()
        for st in d.strata:
            s.add(SampleStratumRow(sample_id=row.id, stratum=st.stratum, frame_size=st.frame_size,
                                   sample_size=st.sample_size))
        if d.selected:  # raw executemany: 50,000 rows in a fraction of the ORM's time
            db = dialect.of(s)
            db.bulk_insert(db.cursor(s), "sample_units", ("sample_id", "setl_id", "stratum", "hits", "rank"),
                           [(row.id, u.setl_id, u.stratum, u.hits, u.rank) for u in d.selected])
        ws.log(s, "sample.draw", "sample", row.code, after={
            "id": row.id, "code": row.code, "method": row.method, "seed": row.seed, "preset": row.preset,
            "filter": plan.filter_json(), "params": plan.params_json(), "frame_size": d.frame_size,
            "frame_sha256": d.frame_sha256, "sample_size": d.sample_size,
            "strata": [[x.stratum, x.frame_size, x.sample_size] for x in d.strata],
            "selected_sha256": hashlib.sha256("\n".join(d.selected_ids()).encode("utf-8")).hexdigest(),
        }, details={"redraw_of": earlier} if earlier else None)
        sample_id = row.id
    return describe(ws, sample_id) | {"warnings": thin_strata(d)}


def thin_strata(d: smp.Draw) -> list[dict]:
    """Strata a stratified draw leaves with n_h < 2 and n_h < N_h: their appraisal would be ``found``."""
    if d.method != "stratified":
        return []
    return [{"stratum": x.stratum, "frame_size": x.frame_size, "sample_size": x.sample_size}
            for x in d.strata if x.sample_size < 2 and x.sample_size < x.frame_size]


def _dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True)


def resolve(s: Session, ref: str | int) -> SampleRow:
    """A sample by its integer id or its code (S-2025-0001)."""
    row = None
    text_ref = str(ref).strip()
    if text_ref.isdigit():
        row = s.get(SampleRow, int(text_ref))
    if row is None:
        row = s.execute(select(SampleRow).where(SampleRow.code == text_ref)).scalar_one_or_none()
    if row is None:
        raise NotFound(what=T("样本 {ref}", "sample {ref}").render("zh_CN", ref=text_ref))
    return row


def describe(ws: Workspace, ref: str | int, *, with_selected: bool = True) -> dict:
    """The stored sample as the CLI prints it (selected sorted ascending)."""
    with ws.store.read() as s:
        row = resolve(s, ref)
        strata = s.execute(select(SampleStratumRow).where(SampleStratumRow.sample_id == row.id)
                           .order_by(SampleStratumRow.stratum)).scalars().all()
        out = {
            "sample_id": row.id, "code": row.code, "method": row.method, "seed": row.seed, "preset": row.preset,
            "frame_size": row.frame_size, "frame_sha256": row.frame_sha256, "sample_size": row.sample_size,
            "strata": [{"stratum": x.stratum, "frame_size": x.frame_size, "sample_size": x.sample_size}
                       for x in strata],
            "filter": json.loads(row.filter), "params": json.loads(row.params),
            "excluded": json.loads(row.excluded or "[]"),
            "created_by": row.created_by, "created_at": row.created_at.isoformat(timespec="seconds"),
            "note": row.note,
        }
        if with_selected:
            out["selected"] = sorted(s.execute(select(SampleUnitRow.setl_id)
                                               .where(SampleUnitRow.sample_id == row.id)).scalars())
        return out


def units(ws: Workspace, ref: str | int) -> list[dict]:
    """The sample's units in random order, with institution, amount and review state."""
    with ws.store.read() as s:
        row = resolve(s, ref)
        params = json.loads(row.params)
        amount_col = getattr(SettlementRow, params.get("amount_field") or "medfee_sumamt")
        q = (select(SampleUnitRow.setl_id, SampleUnitRow.stratum, SampleUnitRow.hits, SampleUnitRow.rank,
                    SettlementRow.fixmedins_code, SettlementRow.fixmedins_name, amount_col,
                    SettlementRow.setl_time, ReviewUnitRow.assigned_to, ReviewUnitRow.status)
             .join(SettlementRow, SettlementRow.setl_id == SampleUnitRow.setl_id, isouter=True)
             .join(ReviewUnitRow, (ReviewUnitRow.sample_id == SampleUnitRow.sample_id)
                   & (ReviewUnitRow.setl_id == SampleUnitRow.setl_id), isouter=True)
             .where(SampleUnitRow.sample_id == row.id)
             .order_by(SampleUnitRow.stratum, SampleUnitRow.rank))
        return [{"setl_id": r[0], "stratum": r[1], "hits": r[2], "rank": r[3], "fixmedins_code": r[4] or "",
                 "fixmedins_name": r[5] or "", "amount": r[6] or 0, "setl_time": r[7] or "",
                 "assigned_to": r[8], "status": r[9]} for r in s.execute(q)]


def list_samples(ws: Workspace) -> list[dict]:
    with ws.store.read() as s:
        reviewed = dict(s.execute(
            select(ReviewUnitRow.sample_id, func.count()).where(ReviewUnitRow.sample_id.is_not(None),
                                                                ReviewUnitRow.status.in_(DECIDED))
            .group_by(ReviewUnitRow.sample_id)).all())
        return [{"sample_id": r.id, "code": r.code, "method": r.method, "seed": r.seed, "preset": r.preset,
                 "frame_size": r.frame_size, "sample_size": r.sample_size, "reviewed": reviewed.get(r.id, 0),
                 "created_by": r.created_by, "created_at": r.created_at.isoformat(timespec="seconds")}
                for r in s.execute(select(SampleRow).order_by(SampleRow.id)).scalars()]


def verify(ws: Workspace, ref: str | int, progress: Progress = None) -> dict:
    """Rebuild the frame from the store and re-draw with the stored seed; compare both."""
    with ws.store.read() as s:
        row = resolve(s, ref)
        plan = Plan.from_row(row)
        risk_extra = risk_sampling.verify_prepare(s, plan) if risk_sampling.uses_risk(plan) else {}  # hook (#20)
        frame = load_frame(s, plan, progress)
        stored = {tuple(r) for r in s.execute(select(SampleUnitRow.setl_id, SampleUnitRow.stratum, SampleUnitRow.hits)
                                              .where(SampleUnitRow.sample_id == row.id))}
        code, sid, fsha, fsize = row.code, row.id, row.frame_sha256, row.frame_size
    try:
        d = smp.draw(plan.method, plan.seed, frame, n=plan.size, rate=plan.rate)
        redrawn = {(u.setl_id, u.stratum, u.hits) for u in d.selected}
        frame_sha = d.frame_sha256
    except smp.SamplingError:
        redrawn, frame_sha = None, smp.fingerprint(u if isinstance(u, str) else u.setl_id for u in frame)
    return {"sample_id": sid, "code": code, "frame_matches": frame_sha == fsha and len(frame) == fsize,
            "selection_matches": redrawn == stored, "frame_size": len(frame), "stored_frame_size": fsize,
            "frame_sha256": frame_sha, "stored_frame_sha256": fsha, **risk_extra}


# -- assignment --------------------------------------------------------------------------------

ASSIGN_BY = ("count", "amount", "institution")


def assign(ws: Workspace, ref: str | int, reviewers: list[str], by: str = "count") -> dict:
    """Put the sample's not yet assigned units into the reviewers' queues, balanced.

    count: round robin in the random order; amount: largest amount first to the
    reviewer with the least amount so far; institution: whole institutions,
    largest first, to the reviewer with the fewest units so far. Ties go to the
    reviewer listed first. Units already in a queue are left where they are.
    """
    from ..store.models.identity import UserRow

    ws.require_supervisor()
    reviewers = [r.strip() for r in reviewers if r.strip()]
    if not reviewers or len(set(reviewers)) != len(reviewers):
        raise UsageError(detail=T("请给出不重复的审核人", "give distinct reviewers").render(ws.lang))
    if by not in ASSIGN_BY:
        raise UsageError(detail=f"--by {by}")
    with ws.store.session() as s:
        row = resolve(s, ref)
        known = {u.name: u for u in s.execute(select(UserRow).where(UserRow.name.in_(reviewers))).scalars()}
        for r in reviewers:
            if r not in known or not getattr(known[r], "active", True):
                raise BadInput(T("没有有效用户 {u}", "no active user {u}"), u=r)
        have = set(s.execute(select(ReviewUnitRow.setl_id).where(ReviewUnitRow.sample_id == row.id)).scalars())
        todo = [(sid, amt or 0, inst or "", rank) for sid, amt, inst, rank in s.execute(
            select(SampleUnitRow.setl_id, SettlementRow.medfee_sumamt, SettlementRow.fixmedins_code,
                   SampleUnitRow.rank)
            .join(SettlementRow, SettlementRow.setl_id == SampleUnitRow.setl_id)
            .where(SampleUnitRow.sample_id == row.id)
            .order_by(SampleUnitRow.stratum, SampleUnitRow.rank)) if sid not in have]
        if not todo:
            raise Conflict(detail=T("该样本的单元均已分配", "every unit of this sample is assigned already")
                           .render(ws.lang))
        plan = balance(todo, reviewers, by)
        # created in the draw's order (stratum, then key): the queue lists units by id, so every reviewer
        # meets a sample's units in key order, the order an interim appraisal's leading run follows
        s.execute(insert(ReviewUnitRow), [
            {"uuid": str(uuid.uuid4()), "setl_id": sid, "sample_id": row.id, "source": "sample",
             "assigned_to": plan[sid], "status": "pending"} for sid, _, _, _ in todo])
        per = {r: sorted(k for k, v in plan.items() if v == r) for r in reviewers}
        ws.log(s, "sample.assign", "sample", row.code, after={r: ids for r, ids in per.items()},
               details={"by": by, "units": len(plan)})
        return {"sample_id": row.id, "code": row.code, "by": by,
                "assigned": {r: len(ids) for r, ids in per.items()},
                "amount": {r: sum(a for sid, a, _, _ in todo if plan[sid] == r) for r in reviewers}}


def balance(todo: list[tuple[str, int, str, int]], reviewers: list[str], by: str) -> dict[str, str]:
    """setl_id → reviewer (pure, deterministic)."""
    out: dict[str, str] = {}
    if by == "count":
        for k, (sid, _, _, _) in enumerate(todo):
            out[sid] = reviewers[k % len(reviewers)]
        return out
    load = {r: 0 for r in reviewers}
    pos = {r: k for k, r in enumerate(reviewers)}
    if by == "amount":
        for sid, amt, _, _ in sorted(todo, key=lambda t: (-t[1], t[0])):
            who = min(reviewers, key=lambda r: (load[r], pos[r]))
            out[sid] = who
            load[who] += amt
        return out
    groups: dict[str, list[str]] = {}
    for sid, _, inst, _ in todo:
        groups.setdefault(inst, []).append(sid)
    for inst in sorted(groups, key=lambda g: (-len(groups[g]), g)):
        who = min(reviewers, key=lambda r: (load[r], pos[r]))
        for sid in groups[inst]:
            out[sid] = who
        load[who] += len(groups[inst])
    return out
