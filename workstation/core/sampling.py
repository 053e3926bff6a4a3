"""Reproducible sampling (spec/sampling.md), pure computation.

Every draw is defined by the frame (a set of setl_ids), the seed (a text) and
the method, so that an outsider with nothing but a SHA-256 tool re-draws the
same units: the key of a settlement is SHA-256 of ``"{seed}:{setl_id}"`` read
as a 256-bit unsigned integer; comparing the 32-byte big-endian digests gives
the same order as comparing the integers. Sizes and pps points are computed in
exact integer/rational arithmetic, never in floats.
"""
from __future__ import annotations

import hashlib
import heapq
import math
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Iterable, NamedTuple, Sequence

METHODS = ("srs", "stratified", "pps", "census")
WHOLE = ""  # the stratum name of an unstratified draw: the whole frame


class SamplingError(ValueError):
    """A plan that cannot be drawn (size larger than the frame, bad rate...)."""


class Unit(NamedTuple):
    """A frame unit (a tuple: a million of them are built quickly)."""

    setl_id: str
    stratum: str = WHOLE
    amount: int = 0  # fen; used by pps only


class Selected(NamedTuple):
    setl_id: str
    stratum: str
    hits: int
    rank: int  # position in the random order (pps: index of the first point caught)


@dataclass(frozen=True)
class StratumAlloc:
    stratum: str
    frame_size: int
    sample_size: int


@dataclass
class Draw:
    method: str
    seed: str
    frame_size: int
    frame_sha256: str
    strata: list[StratumAlloc]
    selected: list[Selected]
    excluded: list[str] = field(default_factory=list)  # pps: amount <= 0, left out
    points: int = 0  # pps: n, the number of points

    @property
    def sample_size(self) -> int:
        return len(self.selected)

    def selected_ids(self) -> list[str]:
        return sorted(u.setl_id for u in self.selected)


# -- fingerprint and keys ---------------------------------------------------------------------

def fingerprint(setl_ids: Iterable[str]) -> str:
    """SHA-256 hex of the ids sorted by code point, joined with "\\n", no trailing newline."""
    return hashlib.sha256("\n".join(sorted(setl_ids)).encode("utf-8")).hexdigest()


def key(seed: str, setl_id: str) -> bytes:
    """The 32-byte digest; bytes compare like the 256-bit integers they encode."""
    return hashlib.sha256(f"{seed}:{setl_id}".encode("utf-8")).digest()


def key_int(seed: str, setl_id: str) -> int:
    return int.from_bytes(key(seed, setl_id), "big")


def _digests(seed: str, setl_ids: Sequence[str]) -> list[bytes]:
    """SHA-256 of "{seed}:{id}" for every id (the prefix state is hashed once and copied)."""
    copy = hashlib.sha256(f"{seed}:".encode("utf-8")).copy

    def one(setl_id: str) -> bytes:
        h = copy()
        h.update(setl_id.encode("utf-8"))
        return h.digest()

    return list(map(one, setl_ids))


def _columns(digests: list[bytes]):
    """The digests as four big-endian uint64 columns (numpy), most significant first."""
    import numpy as np

    words = np.frombuffer(b"".join(digests), dtype=">u8").reshape(-1, 4)
    return [words[:, k] for k in range(4)]


SMALL = 4096  # below this, plain Python is as fast as numpy


def random_order(seed: str, setl_ids: Iterable[str]) -> list[str]:
    """All ids sorted by key ascending (exact 256-bit order: lexsort on the four 64-bit words)."""
    ids = list(setl_ids)
    digests = _digests(seed, ids)
    if len(ids) < SMALL:
        return [i for _k, i in sorted(zip(digests, ids))]
    import numpy as np

    c0, c1, c2, c3 = _columns(digests)
    return [ids[k] for k in np.lexsort((c3, c2, c1, c0)).tolist()]


def first_n(seed: str, setl_ids: Iterable[str], n: int) -> list[str]:
    """The first n ids of the random order, in that order.

    For large frames: the n-th smallest 64-bit key prefix is found with numpy's
    partition; every id whose prefix is not above it is a candidate (ties on the
    prefix included), and the candidates are ordered by their full 256-bit key.
    """
    ids = list(setl_ids)
    if n <= 0:
        return []
    if n >= len(ids):
        return random_order(seed, ids)
    digests = _digests(seed, ids)
    if len(ids) < SMALL:
        return [i for _k, i in heapq.nsmallest(n, zip(digests, ids))]
    import numpy as np

    c0 = _columns(digests)[0]
    threshold = np.partition(c0, n - 1)[n - 1]
    candidates = np.flatnonzero(c0 <= threshold).tolist()
    ranked = sorted((digests[k], ids[k]) for k in candidates)
    return [i for _k, i in ranked[:n]]


# -- sizes -------------------------------------------------------------------------------------

def as_fraction(rate: str | int | Decimal | Fraction) -> Fraction:
    """A rate as an exact fraction (text like "0.05" is read exactly, never via float)."""
    if isinstance(rate, float):
        raise SamplingError("a rate must be given exactly (text or Decimal), not as a float")
    try:
        value = Fraction(str(rate)) if isinstance(rate, (str, Decimal)) else Fraction(rate)
    except (ValueError, ZeroDivisionError) as exc:
        raise SamplingError(f"not a rate: {rate!r}") from exc
    return value


def _check_rate(rate: Fraction) -> None:
    if not (0 < rate <= 1):
        raise SamplingError(f"the rate must be in (0, 1]: {rate}")


def size_for_rate(rate, frame_size: int) -> int:
    """n = ceil(rate × N), exactly."""
    r = as_fraction(rate)
    _check_rate(r)
    return math.ceil(r * frame_size)


def allocate(strata_sizes: dict[str, int], *, n: int | None = None, rate=None) -> dict[str, int]:
    """Stratum sizes: ceil(rate × N_h) each, or a total n by largest remainder.

    Largest remainder: n_h = floor(n·N_h/N); the leftover units go one each to the
    strata with the largest fractional parts (n·N_h mod N), ties by stratum name.
    """
    if (n is None) == (rate is None):
        raise SamplingError("give either a size or a rate")
    if rate is not None:
        r = as_fraction(rate)
        _check_rate(r)
        return {h: math.ceil(r * nh) for h, nh in strata_sizes.items()}
    total = sum(strata_sizes.values())
    if n < 0 or n > total:
        raise SamplingError(f"size {n} is not between 0 and the frame size {total}")
    if total == 0:
        return {h: 0 for h in strata_sizes}
    alloc = {h: (n * nh) // total for h, nh in strata_sizes.items()}
    leftover = n - sum(alloc.values())
    by_remainder = sorted(strata_sizes, key=lambda h: (-((n * strata_sizes[h]) % total), h))
    for h in by_remainder[:leftover]:
        alloc[h] += 1
    return alloc


# -- methods -----------------------------------------------------------------------------------

def _ids(units: Sequence[Unit | str]) -> list[str]:
    """The frame's ids (srs and census accept plain ids as well as units); refuses duplicates."""
    if units and isinstance(units[0], str):
        ids = list(units)
    else:
        ids = [u if isinstance(u, str) else u.setl_id for u in units]
    if len(set(ids)) != len(ids):
        raise SamplingError("the frame lists a settlement twice")
    return ids


def _units_check(units: Sequence[Unit]) -> None:
    _ids(units)


def draw_srs(seed: str, units: Sequence[Unit | str], *, n: int | None = None, rate=None) -> Draw:
    ids = _ids(units)
    N = len(ids)
    if (n is None) == (rate is None):
        raise SamplingError("give either a size or a rate")
    size = size_for_rate(rate, N) if rate is not None else int(n)
    if size < 0 or size > N:
        raise SamplingError(f"size {size} is not between 0 and the frame size {N}")
    chosen = first_n(seed, ids, size)
    return Draw("srs", seed, N, fingerprint(ids), [StratumAlloc(WHOLE, N, size)],
                [Selected(i, WHOLE, 1, r) for r, i in enumerate(chosen)])


def draw_census(seed: str, units: Sequence[Unit | str]) -> Draw:
    ids = _ids(units)
    order = random_order(seed, ids)  # a census still gets a reproducible working order
    return Draw("census", seed, len(ids), fingerprint(ids), [StratumAlloc(WHOLE, len(ids), len(ids))],
                [Selected(i, WHOLE, 1, r) for r, i in enumerate(order)])


def draw_stratified(seed: str, units: Sequence[Unit], *, n: int | None = None, rate=None) -> Draw:
    _units_check(units)
    groups: dict[str, list[str]] = {}
    for u in units:
        groups.setdefault(u.stratum, []).append(u.setl_id)
    sizes = {h: len(ids) for h, ids in groups.items()}
    alloc = allocate(sizes, n=n, rate=rate)
    selected: list[Selected] = []
    strata = []
    for h in sorted(groups):
        chosen = first_n(seed, groups[h], alloc[h])
        strata.append(StratumAlloc(h, sizes[h], alloc[h]))
        selected.extend(Selected(i, h, 1, r) for r, i in enumerate(chosen))
    ids = [u.setl_id for u in units]
    return Draw("stratified", seed, len(ids), fingerprint(ids), strata, selected)


def pps_start(seed: str) -> Fraction:
    """u = SHA-256("{seed}:start") / 2^256, in [0, 1)."""
    return Fraction(key_int(seed, "start"), 2**256)


def draw_pps(seed: str, units: Sequence[Unit], *, n: int | None = None, rate=None) -> Draw:
    """Monetary-unit sampling, systematic with the seeded random start, exact.

    The number of points below a cumulated amount C is ceil(C·n/T − u) (at
    least 0): a point start + k·J < C ⇔ k < C/J − u. A unit's hits are the
    points in [C_{i−1}, C_i).
    """
    _units_check(units)
    all_ids = [u.setl_id for u in units]
    positive = sorted((u for u in units if u.amount > 0), key=lambda u: u.setl_id)
    excluded = sorted(u.setl_id for u in units if u.amount <= 0)
    if (n is None) == (rate is None):
        raise SamplingError("give either a size or a rate")
    points = size_for_rate(rate, len(positive)) if rate is not None else int(n)
    if points < 0 or points > len(positive):
        raise SamplingError(f"size {points} is not between 0 and the number of units with an amount > 0")
    total = sum(u.amount for u in positive)
    u_num = key_int(seed, "start")  # u = u_num / 2^256
    scale = 2**256
    selected: list[Selected] = []
    below_prev = 0
    cum = 0
    for unit in positive:
        cum += unit.amount
        if points == 0:
            break
        # ceil((cum·n·2^256 − u_num·T) / (T·2^256)), exactly
        num = cum * points * scale - u_num * total
        den = total * scale
        below = max(0, -((-num) // den))
        below = min(below, points)
        hits = below - below_prev
        if hits > 0:
            selected.append(Selected(unit.setl_id, WHOLE, hits, below_prev))
        below_prev = below
    d = Draw("pps", seed, len(all_ids), fingerprint(all_ids),
             [StratumAlloc(WHOLE, len(all_ids), len(selected))], selected, excluded, points)
    return d


def pps_interval(units: Sequence[Unit], points: int) -> Fraction:
    """J = total / n over the units with a positive amount."""
    total = sum(u.amount for u in units if u.amount > 0)
    return Fraction(total, points)


def draw(method: str, seed: str, units: Sequence[Unit], *, n: int | None = None, rate=None) -> Draw:
    seed = str(seed)
    if method == "srs":
        return draw_srs(seed, units, n=n, rate=rate)
    if method == "stratified":
        return draw_stratified(seed, units, n=n, rate=rate)
    if method == "pps":
        return draw_pps(seed, units, n=n, rate=rate)
    if method == "census":
        return draw_census(seed, units)
    raise SamplingError(f"unknown method {method!r}")


# -- strata labels -----------------------------------------------------------------------------

def band_label(amount_fen: int, edges_fen: Sequence[int]) -> str:
    """An amount band such as "1000.00-4999.99" (edges in fen, ascending); labels sort in band order."""
    edges = sorted(edges_fen)
    idx = 0
    while idx < len(edges) and amount_fen >= edges[idx]:
        idx += 1
    def yuan(f: int) -> str:
        return f"{f // 100}.{f % 100:02d}" if f >= 0 else "-" + yuan(-f)
    lo = "" if idx == 0 else yuan(edges[idx - 1])
    hi = "" if idx == len(edges) else yuan(edges[idx] - 1)
    return f"B{idx}:{lo}-{hi}"
