"""Appraisal of a stored sample (through sample_appraisal_service), of CSV files, and the pass rate.

Which findings count, interim runs, domains and the estimators are
spec/sampling.md's and live in core.sample_appraisal; this module shapes the
``sample appraise`` output around the one ``appraisal`` object.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from sqlalchemy import select

from ..core import appraisal as ap
from ..core import sample_appraisal as sa
from ..core.errors import BadInput, UsageError
from ..core.i18n import T
from ..core.money import fen_to_str, yuan_to_fen
from ..store.models.review import SecondReviewRow
from . import sample_appraisal_service as sas
from . import settings_service
from .sampling_service import resolve
from .workspace import Workspace

HEADCOUNT_KEY = "insured_headcount"  # setting: last year-end insured headcount (seed 000's fee basis)
QUARTER_RE = re.compile(r"^\d{4}Q[1-4]$")


def _error(exc: ap.AppraisalError) -> BadInput:
    return BadInput(T("无法推算：{why}", "Cannot appraise: {why}"), why=str(exc))


@dataclass(frozen=True)
class SampleAppraisal:
    """A stored sample's appraisal, with the sample it belongs to (typed, for the GUI)."""

    sample_id: int
    code: str
    design: str
    sample_size: int
    appraisal: sa.Appraisal
    attribute: ap.AttributesResult | None = None

    def as_json(self) -> dict:
        """``sample appraise --json``: the present fields, computed from the appraisal, plus ``appraisal``."""
        a = self.appraisal
        out = {"sample_id": self.sample_id, "code": self.code, "reviewed": a.decided, "sampled": a.selected,
               "found": sa.yuan(a.found), "pending": sa.yuan(a.pending)}
        if self.attribute is not None:
            out |= self.attribute.as_json()
        else:
            point = float(Fraction(a.point, 100))
            out |= {"method": a.method.value, "confidence": float(a.confidence), "universe_size": a.frame_size,
                    "sample_size": a.units, "point_estimate": point,
                    "standard_error": float(a.se) if a.se is not None else None,
                    "lower": float(Fraction(a.lower, 100)),
                    "upper": float(Fraction(a.upper, 100)) if a.upper is not None else None,
                    "precision": (float(Fraction(a.point - a.lower, abs(a.point)))
                                  if a.method is not sa.Method.FOUND and a.point != 0 else None),
                    "df": sa.number(a.df) if a.df is not None else None}
        out |= {"claim": float(Fraction(a.claimed, 100)), "claim_basis": a.claim_basis, "appraisal": a.as_json()}
        return out


def appraise_stored(ws: Workspace, ref, confidence="0.90", *, institution: str | None = None,
                    date_from=None, date_to=None, attribute: bool = False) -> SampleAppraisal:
    """The one appraisal of a stored sample (and its domain), as ``dossier build`` computes it."""
    c = sas.confidence_of(confidence)
    dom = sas.domain(institution, date_from, date_to)
    with ws.store.read() as s:
        row = resolve(s, ref)
        a = sas.appraise_sample(s, row, dom, c)
        sid, code, method, size = row.id, row.code, row.method, row.sample_size
    att = None
    if attribute:
        if a.units == 0:
            raise BadInput(T("该样本尚无可用于推算的已审核单元", "no unit of this sample can be appraised yet"))
        try:
            att = _attributes_of(ws, ref, dom, a, c)
        except ap.AppraisalError as exc:
            raise _error(exc) from None
    return SampleAppraisal(sid, code, method, size, a, att)


def _attributes_of(ws: Workspace, ref, dom, a: sa.Appraisal, c) -> ap.AttributesResult:
    """Rate of units with confirmed money among the used units (Clopper–Pearson)."""
    with ws.store.read() as s:
        row = resolve(s, ref)
        ys = sas.used_values(s, row, dom)
    return ap.attributes(sum(1 for y in ys if y != 0), len(ys), a.frame_size or len(ys), c)


def appraise_sample(ws: Workspace, ref, confidence="0.90", attribute: bool = False, **domain) -> dict:
    """``sample appraise`` as JSON (see ``appraise_stored``)."""
    return appraise_stored(ws, ref, confidence, attribute=attribute, **domain).as_json()


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
