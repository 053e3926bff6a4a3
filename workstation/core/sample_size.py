"""Sample sizes (spec/sampling.md, "Sample size"): attributes and variables, by their defining inequalities.

Attributes: the smallest n ≥ E + 1 with Bin(E; n, R) ≤ 1 − C (C one-sided, as
in the AICPA tables). Variables: the smallest n in [2, N] with
t_{(1+C)/2, n−1}·N·S·√((1 − n/N)/n) ≤ P (C two-sided, as in the appraisal).
Both sides of each inequality fall as n grows, so a bisection finds the least n.
"""
from __future__ import annotations

import math
from fractions import Fraction

from scipy import stats


class SampleSizeError(ValueError):
    pass


def _frac(v, name: str) -> Fraction:
    try:
        return Fraction(str(v).strip())
    except (ValueError, ZeroDivisionError):
        raise SampleSizeError(f"{name} is not a number: {v!r}") from None


def _least(ok, lo: int, hi: int | None = None) -> int:
    """The least n ≥ lo with ok(n), ok being monotone (false … true)."""
    if ok(lo):
        return lo
    if hi is None:
        hi = max(lo * 2, 2)
        while not ok(hi):
            lo, hi = hi, hi * 2
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if ok(mid):
            hi = mid
        else:
            lo = mid
    return hi


def attribute_size(confidence, tolerable, expected_errors: int, universe: int | None = None) -> int:
    C, R = _frac(confidence, "confidence"), _frac(tolerable, "tolerable rate")
    E = int(expected_errors)
    if not (0 < C < 1) or not (0 < R < 1) or E < 0 or (universe is not None and int(universe) < 1):
        raise SampleSizeError("need 0 < C < 1, 0 < R < 1, E ≥ 0 and N ≥ 1")
    alpha, r = float(1 - C), float(R)
    n = _least(lambda k: stats.binom.cdf(E, k, r) <= alpha, E + 1)
    return min(n, int(universe)) if universe is not None else n


def variables_half_width(n: int, N: int, sd, confidence) -> float:
    """t·SE of the total for a simple random sample of n from N (pilot standard deviation sd, yuan)."""
    t = stats.t.ppf(float((1 + _frac(confidence, "confidence")) / 2), n - 1)
    return float(t) * N * float(sd) * math.sqrt((1 - n / N) / n)


def variables_size(confidence, precision, sd, universe: int) -> int:
    C, P, S = _frac(confidence, "confidence"), _frac(precision, "precision"), _frac(sd, "sd")
    N = int(universe)
    if not (0 < C < 1) or P <= 0 or S < 0 or N < 1:
        raise SampleSizeError("need 0 < C < 1, P > 0, S ≥ 0 and N ≥ 1")
    if N < 2:
        return N
    return _least(lambda n: n == N or variables_half_width(n, N, S, C) <= float(P), 2, N)
