"""Laws of the pure sampling algorithms (spec/sampling.md)."""
from __future__ import annotations

import hashlib
import math
import random
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from workstation.core import sampling as smp
from workstation.core.sampling import SamplingError, Unit

ids_st = st.lists(st.text(alphabet="0123456789ABCDEFXYZ甲乙", min_size=1, max_size=8), min_size=1, max_size=60,
                  unique=True)
seed_st = st.text(min_size=0, max_size=6)


def test_fingerprint_is_sha256_of_sorted_ids_joined_by_newline():
    ids = ["S3", "S10", "S1", "乙1"]
    expect = hashlib.sha256("S1\nS10\nS3\n乙1".encode("utf-8")).hexdigest()
    assert smp.fingerprint(ids) == expect
    assert smp.fingerprint(reversed(ids)) == expect


def test_key_bytes_order_equals_integer_order_and_hex_text_order():
    ids = [f"X{i}" for i in range(200)]
    by_bytes = sorted(ids, key=lambda i: smp.key("7", i))
    by_int = sorted(ids, key=lambda i: int(hashlib.sha256(f"7:{i}".encode()).hexdigest(), 16))
    by_hex = sorted(ids, key=lambda i: hashlib.sha256(f"7:{i}".encode()).hexdigest())
    assert by_bytes == by_int == by_hex


@pytest.mark.parametrize("rate,N,n", [("0.05", 100, 5), ("0.05", 101, 6), ("0.10", 10, 1), ("0.1", 11, 2),
                                      ("1", 7, 7), ("0.2", 0, 0), ("0.07", 100, 7)])
def test_size_for_rate_is_exact_ceil(rate, N, n):
    # 0.07 × 100 is 7.000000000000001 in binary floats; the exact ceil is 7
    assert smp.size_for_rate(rate, N) == n


def test_float_rate_is_refused():
    with pytest.raises(SamplingError):
        smp.size_for_rate(0.05, 100)


@settings(max_examples=80, deadline=None)
@given(ids=ids_st, seed=seed_st, data=st.data())
def test_srs_subset_of_frame_of_stated_size_reproducible_and_order_free(ids, seed, data):
    n = data.draw(st.integers(0, len(ids)))
    units = [Unit(i) for i in ids]
    d1 = smp.draw("srs", seed, units, n=n)
    shuffled = list(units)
    random.Random(data.draw(st.integers(0, 10**6))).shuffle(shuffled)
    d2 = smp.draw("srs", seed, shuffled, n=n)
    assert set(d1.selected_ids()) <= set(ids)
    assert d1.sample_size == n == len(set(d1.selected_ids()))
    assert d1.selected_ids() == d2.selected_ids()
    assert d1.frame_sha256 == d2.frame_sha256
    # the selection is the first n by key: every selected key < every unselected key
    sel = set(d1.selected_ids())
    if 0 < n < len(ids):
        assert max(smp.key(seed, i) for i in sel) < min(smp.key(seed, i) for i in ids if i not in sel)


@settings(max_examples=60, deadline=None)
@given(ids=ids_st, seed=seed_st, rate=st.sampled_from(["0.01", "0.05", "0.1", "0.2", "0.33", "1"]))
def test_srs_rate_size(ids, seed, rate):
    d = smp.draw("srs", seed, [Unit(i) for i in ids], rate=rate)
    assert d.sample_size == math.ceil(Fraction(rate) * len(ids))


@settings(max_examples=80, deadline=None)
@given(data=st.data(), ids=ids_st, seed=seed_st)
def test_stratified_sizes_add_up(data, ids, seed):
    names = ["A", "B", "C", "D"]
    units = [Unit(i, data.draw(st.sampled_from(names))) for i in ids]
    n = data.draw(st.integers(0, len(ids)))
    d = smp.draw("stratified", seed, units, n=n)
    assert sum(s.sample_size for s in d.strata) == n == d.sample_size
    assert sum(s.frame_size for s in d.strata) == len(ids)
    for s in d.strata:
        assert s.sample_size <= s.frame_size
        in_h = [u for u in d.selected if u.stratum == s.stratum]
        assert len(in_h) == s.sample_size
    rate = data.draw(st.sampled_from(["0.05", "0.3", "0.5", "1"]))
    d = smp.draw("stratified", seed, units, rate=rate)
    assert d.sample_size == sum(math.ceil(Fraction(rate) * s.frame_size) for s in d.strata)
    shuffled = list(units)
    random.Random(1).shuffle(shuffled)
    assert smp.draw("stratified", seed, shuffled, rate=rate).selected_ids() == d.selected_ids()


def test_largest_remainder_worked_example_and_ties_by_name():
    # N = 10, n = 5: exact shares 1.5 (A), 1.5 (B), 2.0 (C) → floors 1,1,2; one left; tie A/B → A
    assert smp.allocate({"B": 3, "A": 3, "C": 4}, n=5) == {"A": 2, "B": 1, "C": 2}
    # shares 0.7, 2.1, 2.2 → floors 0,2,2, one leftover to the largest remainder (X: .7)
    assert smp.allocate({"X": 7, "Y": 21, "Z": 22}, n=5) == {"X": 1, "Y": 2, "Z": 2}
    assert smp.allocate({"A": 3, "B": 9}, rate="0.1") == {"A": 1, "B": 1}


@settings(max_examples=80, deadline=None)
@given(data=st.data(), seed=seed_st)
def test_pps_certainty_items_selected_hits_sum_to_n(data, seed):
    amounts = data.draw(st.lists(st.integers(-500, 100_000), min_size=1, max_size=40))
    units = [Unit(f"S{i:03d}", amount=a) for i, a in enumerate(amounts)]
    positive = [u for u in units if u.amount > 0]
    n = data.draw(st.integers(0, len(positive)))
    d = smp.draw("pps", seed, units, n=n)
    assert sum(u.hits for u in d.selected) == n
    assert set(d.excluded) == {u.setl_id for u in units if u.amount <= 0}
    sel = {u.setl_id for u in d.selected}
    assert sel <= {u.setl_id for u in positive}
    if n:
        J = smp.pps_interval(units, n)
        for u in positive:
            if u.amount >= J:
                assert u.setl_id in sel
            # hits never exceed what the amount spans
            hits = next((s.hits for s in d.selected if s.setl_id == u.setl_id), 0)
            assert hits <= math.floor(u.amount / J) + 1
    shuffled = list(units)
    random.Random(3).shuffle(shuffled)
    assert smp.draw("pps", seed, shuffled, n=n).selected == d.selected


def test_pps_by_hand_with_fractions():
    units = [Unit("A", amount=300), Unit("B", amount=100), Unit("C", amount=600), Unit("D", amount=0)]
    seed = "42"
    u = Fraction(int(hashlib.sha256(b"42:start").hexdigest(), 16), 2**256)
    J = Fraction(1000, 2)
    points = [u * J + k * J for k in range(2)]
    cum = {"A": (0, 300), "B": (300, 400), "C": (400, 1000)}
    expect = {}
    for p in points:
        for sid, (lo, hi) in cum.items():
            if lo <= p < hi:
                expect[sid] = expect.get(sid, 0) + 1
    d = smp.draw("pps", seed, units, n=2)
    assert {s.setl_id: s.hits for s in d.selected} == expect
    assert "C" in expect  # 600 ≥ J = 500: certain
    assert d.excluded == ["D"]


def test_census_takes_everything():
    units = [Unit(f"S{i}") for i in range(17)]
    d = smp.draw("census", "x", units)
    assert d.selected_ids() == sorted(u.setl_id for u in units)


def test_outsider_reproduces_srs_with_hashlib_only():
    ids = [f"STL{i:05d}" for i in range(500)]
    d = smp.draw("srs", "20250401", [Unit(i) for i in ids], rate="0.05")
    outsider = sorted(ids, key=lambda i: int(hashlib.sha256(f"20250401:{i}".encode()).hexdigest(), 16))[:25]
    assert d.selected_ids() == sorted(outsider)


def test_size_larger_than_frame_is_refused():
    with pytest.raises(SamplingError):
        smp.draw("srs", "1", [Unit("a")], n=2)
    with pytest.raises(SamplingError):
        smp.draw("srs", "1", [Unit("a"), Unit("a")], n=1)


def test_srs_selection_frequencies_are_uniform_over_many_seeds():
    """Chi-square goodness of fit: 40 units, n = 4, seeds "0".."4999".

    Each unit is expected 5000·4/40 = 500 times. With 39 df the 0.999999 quantile
    of chi-square is ≈ 97.0; a correct hash ordering gives a statistic around 39.
    The seeds are fixed, so the result is deterministic (no flakiness); the wide
    margin means it does not hinge on the particular seeds, while a biased order
    (e.g. taking the first 4 ids, or sorting by hex length) would be far above.
    """
    ids = [f"U{i:02d}" for i in range(40)]
    units = [Unit(i) for i in ids]
    counts = dict.fromkeys(ids, 0)
    for s in range(5000):
        for sid in smp.draw("srs", str(s), units, n=4).selected_ids():
            counts[sid] += 1
    observed = [counts[i] for i in ids]
    chi2, p = stats.chisquare(observed)
    assert sum(observed) == 20000
    assert chi2 < stats.chi2.ppf(0.999999, 39), (chi2, p)


def test_large_frame_path_equals_plain_sort_by_full_key():
    """Above SMALL ids numpy partitions on a 64-bit prefix; the result must equal the plain definition."""
    ids = [f"L{i:07d}" for i in range(smp.SMALL * 3)]
    reference = sorted(ids, key=lambda i: int(hashlib.sha256(f"big:{i}".encode()).hexdigest(), 16))
    assert smp.first_n("big", ids, 700) == reference[:700]
    assert smp.random_order("big", ids) == reference
    d = smp.draw("census", "big", [Unit(i) for i in ids])
    assert [u.setl_id for u in sorted(d.selected, key=lambda u: u.rank)] == reference
