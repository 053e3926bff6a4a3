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
import re
import uuid
from dataclasses import dataclass, field
from typing import Any, Callable

from sqlalchemy import func, insert, select, text
from sqlalchemy.orm import Session

from ..core import sampling as smp
from ..core.errors import BadInput, Conflict, NotFound, UsageError
from ..core.i18n import T
from ..core.money import yuan_to_fen
from ..paths import resource
from ..store import dialect
from ..store.models.claims import SettlementRow
from ..store.models.review import ReviewUnitRow
from ..store.models.sampling import SampleRow, SampleStratumRow, SampleUnitRow
from .workspace import Workspace

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

    def filter_json(self) -> dict:
        return {"from": self.date_from, "to": self.date_to, "conditions": self.conditions}

    def params_json(self) -> dict:
        return {"rate": self.rate, "size": self.size, "strata": self.strata, "amount_field": self.amount_field,
                "bands": self.bands}

    @classmethod
    def from_row(cls, row: SampleRow) -> "Plan":
        f, p = json.loads(row.filter), json.loads(row.params)
        return cls(method=row.method, seed=row.seed, date_from=f.get("from"), date_to=f.get("to"),
                   conditions=f.get("conditions") or [], rate=p.get("rate"), size=p.get("size"),
                   strata=p.get("strata") or [], amount_field=p.get("amount_field") or "medfee_sumamt",
                   bands=p.get("bands") or [], preset=row.preset)


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
            conds.append([f, op, _yuan2(fen)])
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
            if f not in STRATA_FIELDS:
                raise _bad("不能按 {f} 分层", "cannot stratify by {f}", f=f)
    else:
        plan.strata = []
    if plan.amount_field not in AMOUNT_FIELDS:
        raise _bad("{f} 不是金额字段", "{f} is not an amount field", f=plan.amount_field)
    try:
        plan.bands = [_yuan2(yuan_to_fen(b)) for b in plan.bands]
    except ValueError:
        raise _bad("分档界限须为金额", "band edges must be amounts") from None
    if "amount_band" in plan.strata and not plan.bands:
        raise _bad("按金额分档分层需要分档界限", "amount bands need band edges")
    return plan


def _yuan2(fen: int) -> str:
    sign = "-" if fen < 0 else ""
    return f"{sign}{abs(fen) // 100}.{abs(fen) % 100:02d}"


def _where(plan: Plan) -> tuple[str, dict]:
    clauses, params = [], {}
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


def load_frame(session: Session, plan: Plan, progress: Progress = None) -> list:
    """The frame: plain setl_ids (sorted) for srs and census, else units with stratum label and amount (fen).

    NOT INDEXED: a frame is usually a large share of the table, and walking the
    setl_time index costs one random (decrypted) page read per row, ten times a
    sequential scan. For srs and census SQLite sorts and joins the ids itself
    (BINARY collation on UTF-8 = code point order), sparing a million Python tuples.
    """
    where, params = _where(plan)
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
        units = load_frame(s, plan, progress)
    return _draw(plan, units)


def _new_code(s: Session, year: int) -> str:
    prefix = f"S-{year}-"
    count = s.execute(select(func.count()).select_from(SampleRow).where(SampleRow.code.like(prefix + "%"))).scalar()
    return f"{prefix}{count + 1:04d}"


def draw_and_store(ws: Workspace, plan: Plan, *, note: str = "", progress: Progress = None) -> dict:
    """Draw and keep the sample (supervisor or admin). Returns ``describe`` of the new sample."""
    ws.require_supervisor()
    validate(plan)
    with ws.store.session() as s:
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
    return describe(ws, sample_id)


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
            "frame_sha256": frame_sha, "stored_frame_sha256": fsha}


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
        s.execute(insert(ReviewUnitRow), [
            {"uuid": str(uuid.uuid4()), "setl_id": sid, "sample_id": row.id, "source": "sample",
             "assigned_to": who, "status": "pending"} for sid, who in plan.items()])
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
