"""Sample sizes against the AICPA attribute tables and the iterative variables formula."""
from __future__ import annotations

import math

import pytest
from hypothesis import given, settings, strategies as st
from scipy import stats

from workstation.core import sample_size as ss


@pytest.mark.parametrize("confidence, tolerable, sizes", [
    # AICPA Audit Guide "Audit Sampling", Table A-1 (95%) and A-2 (90%), the sample sizes with the allowed
    # number of deviations: tolerable 5% → 59 (0), 93 (1), 124 (2), 153 (3), 181 (4) at 95%;
    # 45, 77, 105, 132, 158 at 90%; tolerable 10% → 29, 46, 61 at 95% and 22, 38, 52 at 90%.
    ("0.95", "0.05", [59, 93, 124, 153, 181]), ("0.90", "0.05", [45, 77, 105, 132, 158]),
    ("0.95", "0.10", [29, 46, 61]), ("0.90", "0.10", [22, 38, 52]),
])
def test_attribute_sizes_match_the_published_tables(confidence, tolerable, sizes):
    assert [ss.attribute_size(confidence, tolerable, e) for e in range(len(sizes))] == sizes


@settings(max_examples=60, deadline=None)
@given(c=st.sampled_from(["0.80", "0.90", "0.95", "0.99"]), r=st.sampled_from(["0.01", "0.02", "0.05", "0.1", "0.3"]),
       e=st.integers(0, 6))
def test_attribute_size_is_the_least_n_of_its_definition(c, r, e):
    n = ss.attribute_size(c, r, e)
    alpha = 1 - float(c)
    assert stats.binom.cdf(e, n, float(r)) <= alpha
    assert n == e + 1 or stats.binom.cdf(e, n - 1, float(r)) > alpha
    # the Clopper–Pearson form of the same rule
    assert stats.beta.ppf(float(c), e + 1, n - e) <= float(r) + 1e-12
    assert ss.attribute_size(c, r, e, universe=n - 1) == n - 1


def test_variables_size_by_the_iterative_formula_by_hand():
    """N = 5,000, S = 50, P = 10,000 at 95%: n₀ = (t·N·S/P)², n = n₀/(1 + n₀/N), iterated on t's df."""
    N, S, P = 5000, 50, 10_000
    n = 400
    for _ in range(20):
        t = stats.t.ppf(0.975, n - 1)
        n0 = (t * N * S / P) ** 2
        n = math.ceil(n0 / (1 + n0 / N))
    got = ss.variables_size("0.95", P, S, N)
    assert got == n
    assert ss.variables_half_width(got, N, S, "0.95") <= P < ss.variables_half_width(got - 1, N, S, "0.95")


def test_variables_edges_and_bad_input():
    assert ss.variables_size("0.90", 1, 0, 300) == 2  # no spread: the smallest allowed sample
    assert ss.variables_size("0.90", "0.01", 1000, 40) == 40  # n = N always satisfies it
    assert ss.variables_size("0.90", 5, 3, 1) == 1
    for args in (("1", 1, 1, 10), ("0.9", 0, 1, 10), ("0.9", 1, -1, 10), ("0.9", 1, 1, 0)):
        with pytest.raises(ss.SampleSizeError):
            ss.variables_size(*args)
    with pytest.raises(ss.SampleSizeError):
        ss.attribute_size("0.95", "0", 0)
