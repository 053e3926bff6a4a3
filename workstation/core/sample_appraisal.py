"""The one appraisal of a stored sample (spec/sampling.md, "Which findings count" to "Amount basis").

``appraise(AppraisalInput)`` is pure: the service gathers the facts (the
sample's selected units with their key, stratum, domain membership, decision
and amounts; the cells' frame sizes and book totals from the rebuilt frame)
and this module turns them into an ``Appraisal``. ``sample appraise``, its GUI
tab and ``dossier build`` all go through it, so their figures cannot differ.

Arithmetic (core.appraisal_numerics): sums, means and variances are exact
Fractions of integer fen; square roots are taken in Decimal with 40
significant digits; the only binary floats are scipy's Student-t and gamma
quantiles, taken exactly as Decimals. Amounts are rounded once, at the end:
point half away from zero, lower toward −∞, upper toward +∞ (whole fen).
"""
from __future__ import annotations

import enum
import math
from dataclasses import dataclass, field
from decimal import Decimal, localcontext
from fractions import Fraction
from typing import Sequence

from .appraisal_numerics import (  # noqa: F401  (poisson_upper, stringer_bound, t_quantile: public here too)
    PREC, StringerBound, bounds, dec, mean_var, mean_var_frac, poisson_upper, round_lower, round_point, round_upper,
    sqrt, stringer_bound, t_quantile,
)



class Design(str, enum.Enum):
    SRS = "srs"
    STRATIFIED = "stratified"
    PPS = "pps"
    CENSUS = "census"
    NONE = "none"


class Method(str, enum.Enum):
    MEAN_PER_UNIT = "mean_per_unit"
    STRATIFIED = "stratified"
    STRINGER = "stringer"
    FOUND = "found"


class Reason(str, enum.Enum):
    """Why nothing is extrapolated; listed in the order of precedence."""

    NO_SAMPLE = "no_sample"
    FRAME_CHANGED = "frame_changed"
    PPS_INTERIM = "pps_interim"
    INTERIM_SHORT = "interim_short"
    TOO_FEW_UNITS = "too_few_units"


class Basis(str, enum.Enum):
    CHARGED = "charged"
    FUND = "fund"


# -- input ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class UnitFacts:
    """One selected unit of the sample (or, for design none, one settlement's review)."""

    setl_id: str
    key: bytes  # the draw key, SHA-256 of "{seed}:{setl_id}"
    stratum: str = ""
    in_domain: bool = True
    decided: bool = False
    y: int = 0  # fen: confirmed findings, in the appraisal's basis (decided units only)
    pending: int = 0  # fen: doubtful findings
    hits: int = 1  # pps
    draw_amount: int = 0  # pps: x_i, the draw's amount field (fen)
    book: int = 0  # ratio estimator: the unit's book value in the basis (fen)


@dataclass(frozen=True)
class CellFrame:
    """A stratum's part of the domain in the (rebuilt or stored) frame."""

    stratum: str
    frame_size: int  # N_hd
    book_total: int | None = None  # X_d (fen), None when unknown (frame changed)


@dataclass(frozen=True)
class PpsFrame:
    total: int  # X = Σ F over P, fen
    points: int  # n = Σ hits
    domain_size: int  # units of P in the domain


@dataclass(frozen=True)
class AppraisalInput:
    design: Design
    units: tuple[UnitFacts, ...]
    cells: tuple[CellFrame, ...] = ()
    confidence: Fraction = Fraction(9, 10)
    basis: Basis = Basis.CHARGED
    frame_changed: bool = False
    has_domain: bool = False
    pps: PpsFrame | None = None


# -- output -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Estimator:
    name: str  # mean_per_unit | ratio
    point: int  # fen, rounded
    se: Decimal
    df: int | None
    lower: int
    upper: int


@dataclass(frozen=True)
class StringerTable:
    interval: int  # J, fen rounded half up
    points: int
    certainty: int
    errors: int
    basic_precision: int
    incremental_allowance: int
    # the rows of the bound, for the GUI and the dossier: (rank, taint, λ_k, λ_k − λ_{k−1} − 1)
    rows: tuple[tuple[int, Decimal, Decimal, Decimal], ...] = ()
    projected_positive: int = 0  # PM⁺, fen


@dataclass(frozen=True)
class Appraisal:
    design: Design
    method: Method
    reason: Reason | None
    confidence: Fraction
    frame_size: int | None
    selected: int
    decided: int
    units: int
    point: int
    lower: int
    upper: int | None
    se: Decimal | None
    df: Decimal | int | None
    found: int
    pending: int
    claimed: int
    claim_basis: str  # lower | found
    interim: bool
    amount_basis: Basis
    estimators: tuple[Estimator, ...] = ()
    stringer: StringerTable | None = None

    def as_json(self) -> dict:
        """The ``appraisal`` object of sampling.md (amounts as 2-decimal strings)."""
        return {
            "design": self.design.value, "method": self.method.value,
            "reason": self.reason.value if self.reason else None,
            "confidence": float(self.confidence), "frame_size": self.frame_size,
            "selected": self.selected, "decided": self.decided, "units": self.units,
            "point": yuan(self.point), "lower": yuan(self.lower), "upper": yuan(self.upper),
            "se": number(self.se), "df": number(self.df),
            "found": yuan(self.found), "pending": yuan(self.pending),
            "claimed": yuan(self.claimed), "claim_basis": self.claim_basis,
            "interim": self.interim, "amount_basis": self.amount_basis.value,
            "estimators": [{"name": e.name, "point": yuan(e.point), "se": number(e.se), "df": e.df,
                            "lower": yuan(e.lower), "upper": yuan(e.upper)} for e in self.estimators],
            "stringer": None if self.stringer is None else {
                "interval": yuan(self.stringer.interval), "points": self.stringer.points,
                "certainty": self.stringer.certainty, "errors": self.stringer.errors,
                "basic_precision": yuan(self.stringer.basic_precision),
                "incremental_allowance": yuan(self.stringer.incremental_allowance)},
        }


def yuan(fen: int | None) -> str | None:
    if fen is None:
        return None
    sign = "-" if fen < 0 else ""
    return f"{sign}{abs(fen) // 100}.{abs(fen) % 100:02d}"


def number(v) -> float | int | None:
    """se in yuan and df as JSON numbers (se to the fen; Satterthwaite df to 6 decimals)."""
    if v is None:
        return None
    if isinstance(v, int):
        return v
    return float(round(Decimal(v), 6))


class AppraisalInputError(ValueError):
    pass


# -- the rules of sampling.md ----------------------------------------------------------------------

def used_run(units: Sequence[UnitFacts]) -> list[UnitFacts]:
    """A cell's used units: its longest leading run of decided units in key order."""
    run = []
    for u in sorted(units, key=lambda u: u.key):
        if not u.decided:
            break
        run.append(u)
    return run


@dataclass
class _Cell:
    stratum: str
    frame: CellFrame
    selected: list[UnitFacts] = field(default_factory=list)

    @property
    def used(self) -> list[UnitFacts]:
        return used_run(self.selected)


def _found(inp: AppraisalInput, scope: Sequence[UnitFacts]) -> tuple[int, int]:
    decided = [u for u in scope if u.decided]
    return sum(u.y for u in decided), sum(u.pending for u in decided)


def _found_only(inp: AppraisalInput, reason: Reason, scope: Sequence[UnitFacts], frame_size: int | None,
                interim: bool) -> Appraisal:
    found, pending = _found(inp, scope)
    decided = sum(1 for u in scope if u.decided)
    return Appraisal(inp.design, Method.FOUND, reason, inp.confidence, frame_size, len(scope), decided, decided,
                     found, found, None, None, None, found, pending, found, "found", interim, inp.basis)


def _claim(lower: int, found: int) -> tuple[int, str]:
    return (lower, "lower") if lower > found else (found, "found")


def appraise(inp: AppraisalInput) -> Appraisal:
    if not (0 < inp.confidence < 1):
        raise AppraisalInputError("the confidence must lie between 0 and 1")
    if inp.design is Design.NONE:
        return _found_only(inp, Reason.NO_SAMPLE, inp.units, None, any(not u.decided for u in inp.units))
    if inp.design is Design.PPS:
        return _appraise_pps(inp)
    scope = [u for u in inp.units if u.in_domain]
    interim = any(not u.decided for u in scope)
    cells = {c.stratum: _Cell(c.stratum, c) for c in inp.cells if c.frame_size > 0}
    frame_size = sum(c.frame.frame_size for c in cells.values())
    if inp.frame_changed and inp.has_domain:
        return _found_only(inp, Reason.FRAME_CHANGED, scope, None, interim)
    for u in scope:
        if u.stratum not in cells:
            # a selected unit in a cell the frame does not know: the frame changed under the sample
            return _found_only(inp, Reason.FRAME_CHANGED, scope, None, interim)
        cells[u.stratum].selected.append(u)
    if interim and any(len(c.used) < math.ceil(len(c.selected) / 2) for c in cells.values()):
        return _found_only(inp, Reason.INTERIM_SHORT, scope, frame_size, interim)
    if not cells or any(not (len(c.used) >= 2 or len(c.used) == c.frame.frame_size) for c in cells.values()):
        return _found_only(inp, Reason.TOO_FEW_UNITS, scope, frame_size, interim)
    found, pending = _found(inp, scope)
    if inp.design is Design.STRATIFIED:
        return _stratified(inp, list(cells.values()), scope, frame_size, found, pending, interim)
    (cell,) = cells.values()
    return _mean_per_unit(inp, cell, scope, found, pending, interim)


def _mean_per_unit(inp, cell: _Cell, scope, found, pending, interim) -> Appraisal:
    used = cell.used
    N, n = cell.frame.frame_size, len(used)
    ys = [u.y for u in used]
    mean, var = mean_var(ys)
    point = N * mean
    if n == N:
        se, df, t = Decimal(0), None, None
    else:
        se = N * sqrt(var / n * (1 - Fraction(n, N)))
        df = n - 1
        t = t_quantile(inp.confidence, df)
    p, lo, hi = bounds(point, se, t)
    estimators = [Estimator("mean_per_unit", p, _fen_to_yuan(se), df, lo, hi)]
    ratio = _ratio(inp, cell, used)
    if ratio is not None:
        estimators.append(ratio)
    claimed, basis = _claim(lo, found)
    return Appraisal(inp.design, Method.MEAN_PER_UNIT, None, inp.confidence, N, len(scope),
                     sum(1 for u in scope if u.decided), n, p, lo, hi, _fen_to_yuan(se), df, found, pending,
                     claimed, basis, interim, inp.basis, tuple(estimators))


def _fen_to_yuan(se: Decimal) -> Decimal:
    with localcontext() as ctx:
        ctx.prec = PREC
        return se / 100


def _ratio(inp: AppraisalInput, cell: _Cell, used: list[UnitFacts]) -> Estimator | None:
    """Ratio estimator onto the known book total (Cochran 1977, ch. 6)."""
    X = cell.frame.book_total
    sx = sum(u.book for u in used)
    if inp.frame_changed or X is None or sx == 0:
        return None
    N, n = cell.frame.frame_size, len(used)
    sy = sum(u.y for u in used)
    if n == N:
        return Estimator("ratio", sy, Decimal(0), None, sy, sy)
    R = Fraction(sy, sx)
    point = X * R
    s2 = sum(((u.y - R * u.book) ** 2 for u in used), Fraction(0)) / (n - 1)
    se = N * sqrt((1 - Fraction(n, N)) * s2 / n)
    df = n - 1
    p, lo, hi = bounds(point, se, t_quantile(inp.confidence, df))
    return Estimator("ratio", p, _fen_to_yuan(se), df, lo, hi)


def _stratified(inp, cells: list[_Cell], scope, frame_size, found, pending, interim) -> Appraisal:
    point = Fraction(0)
    var = Fraction(0)
    num = Fraction(0)
    den = Fraction(0)
    n_all = 0
    for c in cells:
        used = c.used
        Nh, nh = c.frame.frame_size, len(used)
        n_all += nh
        mean, s2 = mean_var([u.y for u in used])
        point += Nh * mean
        if nh == Nh:
            continue
        a = Fraction(Nh * (Nh - nh), nh)
        var += a * s2
        num += a * s2
        den += (a * s2) ** 2 / (nh - 1)
    se = sqrt(var)
    df = (dec(num * num / den) if den != 0 else None)
    t = t_quantile(inp.confidence, df) if df is not None else None
    p, lo, hi = bounds(point, se, t)
    claimed, basis = _claim(lo, found)
    return Appraisal(inp.design, Method.STRATIFIED, None, inp.confidence, frame_size, len(scope),
                     sum(1 for u in scope if u.decided), n_all, p, lo, hi, _fen_to_yuan(se), df, found, pending,
                     claimed, basis, interim, inp.basis)


# -- pps ---------------------------------------------------------------------------------------------

def _appraise_pps(inp: AppraisalInput) -> Appraisal:
    scope = [u for u in inp.units if u.in_domain]
    interim = any(not u.decided for u in scope)
    pf = inp.pps
    if inp.frame_changed or pf is None or pf.points <= 0 or any(u.draw_amount <= 0 for u in inp.units):
        # a selected unit whose amount is no longer positive: the amounts changed under the sample
        return _found_only(inp, Reason.FRAME_CHANGED, scope, None, interim)
    if interim:
        return _found_only(inp, Reason.PPS_INTERIM, scope, pf.domain_size, interim)
    J = Fraction(pf.total, pf.points)
    certain = [u for u in inp.units if u.draw_amount >= J]
    non_certain = [u for u in inp.units if u.draw_amount < J]
    m = len(non_certain)
    if m < 2:
        return _found_only(inp, Reason.TOO_FEW_UNITS, scope, pf.domain_size, interim)
    found, pending = _found(inp, scope)

    def counted(u: UnitFacts) -> int:
        if not u.in_domain:
            return 0
        return min(max(u.y, -u.draw_amount), u.draw_amount)

    taints = [Fraction(counted(u), u.draw_amount) for u in non_certain]
    sc = sum(counted(u) for u in certain if u.in_domain)
    point = J * sum(taints, Fraction(0)) + sc
    _, s2 = mean_var_frac(taints)
    se = dec(J) * sqrt(m * s2)
    t = t_quantile(inp.confidence, m - 1)
    p, lo, _hi = bounds(point, se, t)
    c1 = (1 + inp.confidence) / 2
    positive = sorted((t_ for t_ in taints if t_ > 0), reverse=True)
    lambdas = [poisson_upper(k, c1) for k in range(len(positive) + 1)]
    bound = stringer_bound(J, positive, lambdas, sc)
    upper = round_upper(bound.upper)
    rows = tuple((k, dec(tau), lambdas[k], lambdas[k] - lambdas[k - 1] - 1) for k, tau in enumerate(positive, 1))
    table = StringerTable(round_point(J), pf.points, sum(1 for u in certain if u.in_domain), len(positive),
                          round_point(bound.basic_precision), round_point(bound.incremental_allowance), rows,
                          round_point(bound.projected))
    claimed, basis = _claim(lo, found)
    return Appraisal(inp.design, Method.STRINGER, None, inp.confidence, pf.domain_size, len(scope),
                     sum(1 for u in scope if u.decided), len(scope), p, lo, upper, _fen_to_yuan(se), m - 1,
                     found, pending, claimed, basis, interim, inp.basis, (), table)


def used_units(inp: AppraisalInput) -> list[UnitFacts]:
    """The units an appraisal uses: each cell's leading decided run (pps: the decided units in the domain)."""
    scope = [u for u in inp.units if u.in_domain]
    if inp.design in (Design.PPS, Design.NONE):
        return [u for u in scope if u.decided]
    out: list[UnitFacts] = []
    for h in sorted({u.stratum for u in scope}):
        out += used_run([u for u in scope if u.stratum == h])
    return out


# -- no sample: one decision per settlement --------------------------------------------------------

@dataclass(frozen=True)
class Decision:
    """A decided review unit of a dossier without a sample."""

    unit_id: int
    setl_id: str
    decided_at: str  # ISO text; compared as text
    y: int
    pending: int


def last_decisions(decisions: Sequence[Decision]) -> list[Decision]:
    """Each settlement once: the unit decided last (ties: the highest unit id)."""
    best: dict[str, Decision] = {}
    for d in decisions:
        cur = best.get(d.setl_id)
        if cur is None or (d.decided_at, d.unit_id) > (cur.decided_at, cur.unit_id):
            best[d.setl_id] = d
    return [best[k] for k in sorted(best)]
