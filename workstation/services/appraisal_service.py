"""Appraisal of a stored sample's review results, appraisal of CSV files, pass rate.

A sampled unit counts as reviewed once its review unit has a decision
(compliant, violation or doubtful). Its audited overpayment y_i is the sum of
its findings' amounts (not deleted, not withdrawn); a compliant unit is 0.
Units not yet reviewed are left out (n is the number reviewed), so a partly
reviewed sample is appraised on what has been reviewed so far.
"""
from __future__ import annotations

import csv
import io
import re
from fractions import Fraction
from pathlib import Path

from sqlalchemy import func, select

from ..core import appraisal as ap
from ..core.errors import BadInput, UsageError
from ..core.i18n import T
from ..core.money import fen_to_str, yuan_to_fen
from ..store.models.review import FindingRow, ReviewUnitRow, SecondReviewRow
from ..store.models.sampling import SampleStratumRow, SampleUnitRow
from . import settings_service
from .sampling_service import DECIDED, resolve
from .workspace import Workspace

HEADCOUNT_KEY = "insured_headcount"  # setting: last year-end insured headcount (seed 000's fee basis)
QUARTER_RE = re.compile(r"^\d{4}Q[1-4]$")


def _error(exc: ap.AppraisalError) -> BadInput:
    return BadInput(T("无法推算：{why}", "Cannot appraise: {why}"), why=str(exc))


def sample_results(ws: Workspace, ref) -> dict:
    """Per stratum: N_h and the y_i (fen) of the reviewed units; plus counts."""
    with ws.store.read() as s:
        row = resolve(s, ref)
        strata = {x.stratum: x.frame_size for x in s.execute(
            select(SampleStratumRow).where(SampleStratumRow.sample_id == row.id)).scalars()}
        decided = dict(s.execute(
            select(ReviewUnitRow.setl_id, ReviewUnitRow.status)
            .where(ReviewUnitRow.sample_id == row.id, ReviewUnitRow.status.in_(DECIDED))).all())
        amounts = dict(s.execute(
            select(ReviewUnitRow.setl_id, func.coalesce(func.sum(FindingRow.amount), 0))
            .join(FindingRow, FindingRow.unit_id == ReviewUnitRow.id)
            .where(ReviewUnitRow.sample_id == row.id, FindingRow.deleted.is_(False),
                   FindingRow.status != "withdrawn")
            .group_by(ReviewUnitRow.setl_id)).all())
        values: dict[str, list[int]] = {h: [] for h in strata}
        for sid, stratum in s.execute(select(SampleUnitRow.setl_id, SampleUnitRow.stratum)
                                      .where(SampleUnitRow.sample_id == row.id)):
            status = decided.get(sid)
            if status is None:
                continue
            values.setdefault(stratum, []).append(0 if status == "compliant" else int(amounts.get(sid, 0)))
        return {"sample_id": row.id, "code": row.code, "method": row.method, "frame_size": row.frame_size,
                "sample_size": row.sample_size, "strata": strata, "values": values,
                "reviewed": sum(len(v) for v in values.values())}


def appraise_sample(ws: Workspace, ref, confidence="0.90", attribute: bool = False) -> dict:
    """Variables (or attributes) appraisal of a stored sample; amounts in yuan."""
    res = sample_results(ws, ref)
    if res["method"] == "pps":
        raise BadInput(T("按金额概率抽样（pps）的样本不能用均值推算，请用 appraise 命令按需要处理",
                         "a pps (monetary-unit) sample cannot be appraised by mean-per-unit estimation"))
    if res["reviewed"] == 0:
        raise BadInput(T("该样本尚无已审核单元", "no unit of this sample has been reviewed yet"))
    base = {"sample_id": res["sample_id"], "code": res["code"], "reviewed": res["reviewed"],
            "sampled": res["sample_size"], "found": fen_to_str(sum(sum(v) for v in res["values"].values()))}
    try:
        if attribute:
            ys = [y for v in res["values"].values() for y in v]
            r = ap.attributes(sum(1 for y in ys if y != 0), len(ys), res["frame_size"], confidence)
            return base | r.as_json()
        if res["method"] == "stratified":
            missing = [h for h, v in res["values"].items() if not v]
            if missing:
                raise ap.AppraisalError("no reviewed unit in stratum " + ", ".join(missing))
            r = ap.variables_stratified([ap.StratumInput(h, res["strata"][h], [Fraction(y, 100) for y in v])
                                         for h, v in sorted(res["values"].items())], confidence)
        else:
            ys = [Fraction(y, 100) for v in res["values"].values() for y in v]
            r = ap.variables_unrestricted(ys, res["frame_size"], confidence)
    except ap.AppraisalError as exc:
        raise _error(exc) from None
    out = base | r.as_json()
    # The claim is the lower bound; never less than what the reviewed units themselves proved.
    found = float(Fraction(yuan_to_fen(base["found"]), 100))
    out["claim"], out["claim_basis"] = (out["lower"], "lower") if out["lower"] >= found else (round(found, 2), "found")
    return out


# -- CSV files (`workstation appraise`) --------------------------------------------------------

def _read_csv(path: Path) -> list[dict[str, str]]:
    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise BadInput(T("无法读取文件：{why}", "cannot read the file: {why}"), file=str(path), why=exc.strerror) \
            from None
    except UnicodeDecodeError:
        raise BadInput(T("文件不是 UTF-8 编码", "the file is not UTF-8"), file=str(path)) from None
    rows = list(csv.DictReader(io.StringIO(text)))
    return [{(k or "").strip().lower(): (v or "").strip() for k, v in r.items()} for r in rows]


def appraise_csv(path: Path, universe: int | None, strata_file: Path | None = None, confidence="0.90",
                 attribute: bool = False) -> dict:
    """CSV with ``value`` (and optional ``stratum``); strata file with ``stratum``, ``universe_size``."""
    rows = _read_csv(path)
    if not rows or "value" not in rows[0]:
        raise BadInput(T("缺少 value 列", "the value column is missing"), file=str(path))
    values: dict[str, list[Fraction]] = {}
    for k, r in enumerate(rows, start=2):
        try:
            v = Fraction(yuan_to_fen(r["value"]), 100)
        except ValueError:
            raise BadInput(T("不是金额：{v}", "not an amount: {v}"), file=str(path), row=k, column="value",
                           v=r["value"]) from None
        values.setdefault(r.get("stratum", ""), []).append(v)
    try:
        if attribute:
            if universe is None:
                raise UsageError(detail="--universe")
            ys = [y for v in values.values() for y in v]
            return ap.attributes(sum(1 for y in ys if y != 0), len(ys), universe, confidence).as_json()
        if strata_file is not None:
            sizes = {}
            for k, r in enumerate(_read_csv(strata_file), start=2):
                try:
                    sizes[r["stratum"]] = int(r["universe_size"])
                except (KeyError, ValueError):
                    raise BadInput(T("需要 stratum 与整数 universe_size", "need stratum and an integer universe_size"),
                                   file=str(strata_file), row=k) from None
            unknown = sorted(set(values) - set(sizes))
            if unknown:
                raise BadInput(T("分层 {h} 没有总体数", "stratum {h} has no universe size"), file=str(strata_file),
                               h=", ".join(unknown))
            if universe is not None and universe != sum(sizes.values()):
                raise BadInput(T("--universe 与分层总体数之和不符", "--universe differs from the sum of the strata sizes"))
            missing = sorted(h for h in sizes if h not in values)
            if missing:
                raise ap.AppraisalError("no sampled unit in stratum " + ", ".join(missing))
            return ap.variables_stratified([ap.StratumInput(h, sizes[h], values[h]) for h in sorted(sizes)],
                                           confidence).as_json()
        if universe is None:
            raise UsageError(detail="--universe")
        return ap.variables_unrestricted([y for v in values.values() for y in v], universe, confidence).as_json()
    except ap.AppraisalError as exc:
        raise _error(exc) from None


# -- pass rate ----------------------------------------------------------------------------------

def quarter_fee_fen(ws: Workspace, profile: dict) -> int | None:
    """Seed 000: 1.45 yuan × insured headcount per year, paid quarterly → a quarter is a quarter of it."""
    per = (profile.get("fees") or {}).get("per_insured_per_year")
    headcount = settings_service.get(ws, HEADCOUNT_KEY)
    if per is None or headcount in (None, ""):
        return None
    exact = Fraction(yuan_to_fen(per)) * int(headcount) / 4
    return int(exact + Fraction(1, 2))


def pass_rate(ws: Workspace, quarter: str, fee_fen: int | None = None) -> dict:
    """The quarter's second reviews: agreed / decided, per check kind too, and the deduction implied."""
    from .profile_service import active_profile

    if not QUARTER_RE.match(quarter or ""):
        raise UsageError(detail=T("季度格式为 2025Q1", "a quarter looks like 2025Q1").render(ws.lang))
    with ws.store.read() as s:
        rows = s.execute(select(SecondReviewRow.check_kind, SecondReviewRow.agree)
                         .where(SecondReviewRow.quarter == quarter)).all()
    decided = [(k, a) for k, a in rows if a is not None]
    kinds = {}
    for k in sorted({k for k, _ in decided}):
        passed = sum(1 for kk, a in decided if kk == k and a)
        checked = sum(1 for kk, _ in decided if kk == k)
        kinds[k] = {"passed": passed, "checked": checked, "rate": float(Fraction(passed, checked))}
    passed = sum(1 for _, a in decided if a)
    rate = ap.pass_rate(passed, len(decided))
    profile = active_profile(ws)
    tiers = (profile.get("pass_rate") or {}).get("tiers")
    fee = fee_fen if fee_fen is not None else quarter_fee_fen(ws, profile)
    d = ap.deduction(rate, tiers, fee)
    return {"quarter": quarter, "profile": profile.get("id"), "passed": passed, "checked": len(decided),
            "pending": len(rows) - len(decided), "rate": float(rate) if rate is not None else None,
            "by_kind": kinds, "has_tiers": bool(tiers), "deduction_rate": float(d.deduction_rate),
            "rereview": d.rereview, "quarter_fee": fen_to_str(fee), "deduction": fen_to_str(d.amount_fen)}
