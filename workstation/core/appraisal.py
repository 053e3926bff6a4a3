"""Appraisal of sample results (spec/sampling.md), pure computation.

Means and variances are computed exactly (Fractions of the given values, which
may be ints, Decimals or decimal text); only square roots and Student-t / beta
quantiles (scipy) are floating point. Pass rate and deduction tiers too.
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Iterable, Mapping, Sequence

from scipy import stats

DEFAULT_CONFIDENCE = Fraction(9, 10)


class AppraisalError(ValueError):
    """Input that cannot be appraised (n_h < 2 outside a census, n > N, ...)."""


def _frac(v) -> Fraction:
    if isinstance(v, float):
        # statistics input may come from a float only in tests of our own; make it exact
        return Fraction(v)
    if isinstance(v, (Decimal, str)):
        return Fraction(str(v).strip())
    return Fraction(v)


def _confidence(c) -> float:
    cf = _frac(c if c is not None else DEFAULT_CONFIDENCE)
    if not (0 < cf < 1):
        raise AppraisalError(f"the confidence must be between 0 and 1: {c}")
    return float(cf)


@dataclass(frozen=True)
class VariablesResult:
    method: str  # unrestricted | stratified
    confidence: float
    universe_size: int
    sample_size: int
    point_estimate: float
    standard_error: float
    lower: float
    upper: float
    precision: float | None  # t·SE/|T|; None when T = 0
    df: float | None  # None when undefined (every stratum without variance)
    t: float | None

    def as_json(self) -> dict:
        d = asdict(self)
        d.pop("t")
        for k in ("point_estimate", "standard_error", "lower", "upper"):
            d[k] = round(d[k], 2)
        return d


@dataclass(frozen=True)
class StratumInput:
    name: str
    universe_size: int
    values: Sequence


def _mean_var(values: Sequence) -> tuple[Fraction, Fraction, int]:
    ys = [_frac(v) for v in values]
    n = len(ys)
    mean = sum(ys, Fraction(0)) / n
    var = sum(((y - mean) ** 2 for y in ys), Fraction(0)) / (n - 1) if n > 1 else Fraction(0)
    return mean, var, n


def variables_unrestricted(values: Sequence, universe_size: int, confidence=None) -> VariablesResult:
    """T = N·ȳ; SE = N·(s/√n)·√(1 − n/N); bounds T ∓ t·SE with n − 1 df."""
    c = _confidence(confidence)
    N = int(universe_size)
    n = len(values)
    if n < 2 and n != N:
        raise AppraisalError("a sample needs at least 2 units (or must be a census)")
    if n > N:
        raise AppraisalError(f"sample size {n} exceeds the universe {N}")
    mean, var, _ = _mean_var(values)
    point = N * mean
    var_total = Fraction(N * N) * var / n * (1 - Fraction(n, N))
    se = math.sqrt(var_total)
    df = n - 1 if n > 1 else None
    t = float(stats.t.ppf((1 + c) / 2, df)) if df else None
    half = t * se if t is not None else 0.0
    p = float(point)
    precision = (half / abs(p)) if point != 0 else None
    return VariablesResult("unrestricted", c, N, n, p, se, p - half, p + half, precision, df, t)


def variables_stratified(strata: Sequence[StratumInput], confidence=None) -> VariablesResult:
    """T = Σ N_h·ȳ_h; Var = Σ N_h²(1 − n_h/N_h)s_h²/n_h; Satterthwaite df.

    A census stratum (n_h = N_h) adds no variance and no degrees of freedom;
    a stratum with n_h < 2 that is not a census is an error.
    """
    c = _confidence(confidence)
    if not strata:
        raise AppraisalError("no strata")
    point = Fraction(0)
    var_total = Fraction(0)
    num = Fraction(0)
    den = Fraction(0)
    N_all = n_all = 0
    for st in strata:
        Nh, nh = int(st.universe_size), len(st.values)
        if nh > Nh:
            raise AppraisalError(f"stratum {st.name}: sample size {nh} exceeds the universe {Nh}")
        if nh == 0:
            raise AppraisalError(f"stratum {st.name}: no sampled units")
        if nh < 2 and nh != Nh:
            raise AppraisalError(f"stratum {st.name}: fewer than 2 sampled units and not a census")
        mean, var, _ = _mean_var(st.values)
        point += Nh * mean
        N_all += Nh
        n_all += nh
        if nh == Nh:
            continue  # census: no sampling error
        a = Fraction(Nh * (Nh - nh), nh)
        var_total += a * var
        num += a * var
        den += (a * var) ** 2 / (nh - 1)
    se = math.sqrt(var_total)
    df = float(num * num / den) if den != 0 else None
    t = float(stats.t.ppf((1 + c) / 2, df)) if df else None
    half = t * se if t is not None else 0.0
    p = float(point)
    precision = (half / abs(p)) if point != 0 else None
    return VariablesResult("stratified", c, N_all, n_all, p, se, p - half, p + half, precision, df, t)


@dataclass(frozen=True)
class AttributesResult:
    confidence: float
    universe_size: int
    sample_size: int
    errors: int
    rate: float
    rate_lower: float
    rate_upper: float
    point_estimate: float  # projected count N·p
    lower: float
    upper: float
    standard_error: float

    def as_json(self) -> dict:
        d = asdict(self)
        d.update(method="attribute", precision=None, df=None)
        return d


def clopper_pearson(x: int, n: int, confidence=None) -> tuple[float, float]:
    c = _confidence(confidence)
    alpha = 1 - c
    lo = 0.0 if x == 0 else float(stats.beta.ppf(alpha / 2, x, n - x + 1))
    hi = 1.0 if x == n else float(stats.beta.ppf(1 - alpha / 2, x + 1, n - x))
    return lo, hi


def attributes(errors: int, sample_size: int, universe_size: int, confidence=None) -> AttributesResult:
    """Rate x/n, projected N·p, two-sided Clopper–Pearson interval."""
    c = _confidence(confidence)
    x, n, N = int(errors), int(sample_size), int(universe_size)
    if n <= 0 or n > N or not (0 <= x <= n):
        raise AppraisalError(f"need 0 ≤ errors ≤ n ≤ N (got {x}, {n}, {N})")
    p = Fraction(x, n)
    lo, hi = clopper_pearson(x, n, c)
    se = N * math.sqrt(p * (1 - p) / n * (1 - Fraction(n, N)))
    return AttributesResult(c, N, n, x, float(p), lo, hi, float(N * p), N * lo, N * hi, se)


# -- pass rate ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Deduction:
    rate: Fraction | None  # passed / checked; None when nothing was checked
    deduction_rate: Fraction  # share of the quarter's fee
    rereview: bool
    amount_fen: int | None  # None when the fee is not known


def pass_rate(passed: int, checked: int) -> Fraction | None:
    if checked < 0 or passed < 0 or passed > checked:
        raise AppraisalError(f"need 0 ≤ passed ≤ checked (got {passed}, {checked})")
    return Fraction(passed, checked) if checked else None


def deduction(rate: Fraction | None, tiers: Iterable[Mapping] | None, fee_fen: int | None = None) -> Deduction:
    """The strictest tier whose ``below`` the rate falls under (e.g. < 0.80 → 5%, re-review).

    Amount = fee × deduction rate, rounded half up to whole fen.
    """
    chosen = None
    if rate is not None:
        for tier in sorted(tiers or (), key=lambda t: _frac(t["below"])):
            if rate < _frac(tier["below"]):
                chosen = tier
                break
    if chosen is None:
        return Deduction(rate, Fraction(0), False, 0 if fee_fen is not None else None)
    dr = _frac(chosen["deduction_rate"])
    amount = None
    if fee_fen is not None:
        exact = fee_fen * dr
        amount = int(math.floor(exact + Fraction(1, 2))) if exact >= 0 else -int(math.floor(-exact + Fraction(1, 2)))
    return Deduction(rate, dr, bool(chosen.get("rereview")), amount)
