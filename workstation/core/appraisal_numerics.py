"""Exact numerics of the appraisal (core.sample_appraisal): Decimal square roots, t and Poisson quantiles,
the three rounding directions, means and variances as Fractions, and the Stringer bound.

Sums, means and variances are exact Fractions of integer fen; square roots are
taken in Decimal with PREC significant digits; the only binary floats are
scipy's Student-t and gamma quantiles, taken exactly as Decimals.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction
from typing import Sequence

from scipy import stats

PREC = 40


def dec(q: Fraction) -> Decimal:
    with localcontext() as ctx:
        ctx.prec = PREC
        return Decimal(q.numerator) / Decimal(q.denominator)


def sqrt(q: Fraction) -> Decimal:
    if q < 0:
        raise AppraisalInputError("negative variance")
    with localcontext() as ctx:
        ctx.prec = PREC
        return dec(q).sqrt()


def t_quantile(confidence: Fraction, df) -> Decimal:
    """Student-t at (1 + c)/2 with df degrees of freedom (df may be fractional)."""
    return Decimal(float(stats.t.ppf(float((1 + confidence) / 2), float(df))))


def poisson_upper(k: int, c1: Fraction) -> Decimal:
    """λ_k: the c₁ quantile of Gamma(k + 1, 1) = ½·χ²_{c₁}(2k + 2)."""
    return Decimal(float(stats.gamma.ppf(float(c1), k + 1)))


def round_to_fen(v: Decimal | Fraction, mode) -> int:
    d = dec(v) if isinstance(v, Fraction) else v
    with localcontext() as ctx:
        ctx.prec = PREC
        return int(d.quantize(Decimal(1), rounding=mode))


def round_point(v) -> int:
    return round_to_fen(v, ROUND_HALF_UP)


def round_lower(v) -> int:
    return round_to_fen(v, ROUND_FLOOR)


def round_upper(v) -> int:
    return round_to_fen(v, ROUND_CEILING)


def mean_var(ys: Sequence[int]) -> tuple[Fraction, Fraction]:
    n = len(ys)
    mean = Fraction(sum(ys), n)
    var = sum(((y - mean) ** 2 for y in ys), Fraction(0)) / (n - 1) if n > 1 else Fraction(0)
    return mean, var


def bounds(point: Fraction, se: Decimal, t: Decimal | None) -> tuple[int, int, int]:
    with localcontext() as ctx:
        ctx.prec = PREC
        half = (t * se) if (t is not None and se != 0) else Decimal(0)
        p = dec(point)
        return round_point(point), round_lower(p - half), round_upper(p + half)


@dataclass(frozen=True)
class StringerBound:
    basic_precision: Decimal
    projected: Decimal  # PM⁺ = J·Σ τ_k
    incremental_allowance: Decimal
    upper: Decimal


def stringer_bound(J: Fraction | Decimal | int, positive_taints: Sequence[Fraction | Decimal],
                   lambdas: Sequence[Decimal], certainty: int | Decimal = 0) -> StringerBound:
    """BP = J·λ₀; PM⁺ = J·Σ τ_k; IA = J·Σ (λ_k − λ_{k−1} − 1)·τ_k (τ descending); upper = BP + PM⁺ + IA + certainty.

    ``lambdas`` are λ_0..λ_K (exact Poisson upper limits in the appraisal; a
    test passes a published table's rounded factors to re-work its example).
    """
    with localcontext() as ctx:
        ctx.prec = PREC
        Jd = dec(J) if isinstance(J, Fraction) else Decimal(J)
        taus = [(dec(t) if isinstance(t, Fraction) else Decimal(t)) for t in sorted(positive_taints, reverse=True)]
        bp = Jd * Decimal(lambdas[0])
        pm = Jd * sum(taus, Decimal(0))
        ia = sum((Jd * (Decimal(lambdas[k]) - Decimal(lambdas[k - 1]) - 1) * tau
                  for k, tau in enumerate(taus, 1)), Decimal(0))
        return StringerBound(bp, pm, ia, bp + pm + ia + Decimal(certainty))


def mean_var_frac(xs: Sequence[Fraction]) -> tuple[Fraction, Fraction]:
    n = len(xs)
    mean = sum(xs, Fraction(0)) / n
    var = sum(((x - mean) ** 2 for x in xs), Fraction(0)) / (n - 1) if n > 1 else Fraction(0)
    return mean, var


