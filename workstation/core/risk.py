"""Risk profiles (spec/risk.md): comparison with peers, pure and exact.

Measures arrive as exact fractions; they are rounded once (half away from
zero), and every percentile, quartile, fence and flag is computed on the
rounded value in rational arithmetic. Only the JSON rounds again. Benford's MAD
is the one figure the spec computes in binary64 floating point.
"""
from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Mapping, Sequence

# Fixed in this version; stored with every profile (spec: "Parameters").
PARAMS = {
    "min_peers": 5,
    "percentile_high": 80,
    "percentile_low": 20,
    "iqr_multiplier": 3,
    "volume_floor": 20,
    "doctor_min_settlements": 10,
    "readmission_days": 15,
    "benford_min_amounts": 300,
    "benford_min_amount": "10.00",
    "tier_medium_flags": 3,
}
MIN_PEERS = PARAMS["min_peers"]
P_HIGH = Fraction(PARAMS["percentile_high"])
P_LOW = Fraction(PARAMS["percentile_low"])
IQR_K = Fraction(PARAMS["iqr_multiplier"])
VOLUME_FLOOR = PARAMS["volume_floor"]
DOCTOR_MIN = PARAMS["doctor_min_settlements"]
READMISSION_DAYS = PARAMS["readmission_days"]
BENFORD_MIN = PARAMS["benford_min_amounts"]
BENFORD_MIN_FEN = 1000
TIER_MEDIUM = PARAMS["tier_medium_flags"]

TIERS = ("high", "medium", "low", "none")
HIGH, BOTH = "high", "both"
YUAN = "yuan"
DRUG_TYPES = ("09", "10", "11")
MATERIAL_TYPES = ("08",)
EXAM_LAB_TYPES = ("03", "04")


@dataclass(frozen=True)
class Measure:
    id: str
    zh: str
    en: str
    unit: str
    direction: str
    base: str = "S"  # the count the volume floor applies to: I, N or S (institutions)

    def name(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


INSTITUTION_MEASURES: tuple[Measure, ...] = (
    Measure("inpatient_share", "住院人次占比", "Inpatient share of settlements", "ratio", HIGH, "S"),
    Measure("cost_per_stay", "次均住院费用", "Cost per inpatient stay", YUAN, BOTH, "I"),
    Measure("stay_days", "平均住院日", "Average length of stay", "days", HIGH, "I"),
    Measure("one_day_stay_share", "一日住院占比", "One-day stay share", "ratio", HIGH, "I"),
    Measure("readmission_15d_rate", "15日内再入院率", "15-day readmission rate", "ratio", HIGH, "I"),
    Measure("weekend_admission_share", "周末入院占比", "Weekend admission share", "ratio", HIGH, "I"),
    Measure("cost_per_visit", "次均门诊购药费用", "Cost per outpatient visit or purchase", YUAN, HIGH, "N"),
    Measure("visits_per_person", "人次人头比", "Visits per person", "visits/person", HIGH, "S"),
    Measure("drug_share", "药品费用占比", "Drug share of fees", "ratio", HIGH, "S"),
    Measure("material_share", "耗材费用占比", "Material share of fees", "ratio", HIGH, "S"),
    Measure("exam_lab_share", "检查检验费用占比", "Examination and laboratory share of fees", "ratio", HIGH, "S"),
    Measure("lines_per_setl", "次均明细条数", "Fee lines per settlement", "lines", HIGH, "S"),
    Measure("flagged_setl_share", "线索结算占比", "Share of settlements with a lead", "ratio", HIGH, "S"),
    Measure("flagged_amount_per_10k", "每万元医疗费线索金额", "Lead amount per 10,000 yuan of fees",
            "yuan/10k yuan", HIGH, "S"),
)

DOCTOR_MEASURES: tuple[Measure, ...] = (
    Measure("dr_amount_per_setl", "次均开单金额", "Billed amount per settlement", YUAN, HIGH),
    Measure("dr_lines_per_setl", "次均开单条数", "Billed lines per settlement", "lines", HIGH),
    Measure("dr_drug_share", "开单药品占比", "Drug share of billed amount", "ratio", HIGH),
    Measure("dr_material_share", "开单耗材占比", "Material share of billed amount", "ratio", HIGH),
    Measure("dr_exam_lab_share", "开单检查检验占比", "Examination and laboratory share of billed amount", "ratio", HIGH),
    Measure("dr_flagged_line_share", "线索明细占比", "Share of billed lines with a lead", "ratio", HIGH),
)

FLAG_MEASURES = ("flagged_setl_share", "flagged_amount_per_10k", "dr_flagged_line_share")

LEAD_NOT_FINDING = ("标记是供审核的线索，不是违规的认定。", "A flag is a lead for review, not a finding.")


def measures(level: str) -> tuple[Measure, ...]:
    return DOCTOR_MEASURES if level == "doctor" else INSTITUTION_MEASURES


# -- rounding ----------------------------------------------------------------------------------

def places(unit: str) -> int:
    return 2 if unit == YUAN else 6


def round_half_up(x: Fraction, digits: int) -> Fraction:
    """x rounded to ``digits`` decimals, half away from zero, exactly."""
    scale = 10 ** digits
    scaled = abs(x) * scale
    q = math.floor(scaled + Fraction(1, 2))
    return Fraction(q if x >= 0 else -q, scale)


def to_decimal(x: Fraction, digits: int) -> Decimal:
    """A fraction with at most ``digits`` decimals as a Decimal with exactly that many."""
    r = round_half_up(x, digits)
    return (Decimal(r.numerator) / Decimal(r.denominator)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)


def ratio(num: int | Fraction, den: int | Fraction) -> Fraction | None:
    return None if den == 0 else Fraction(num) / Fraction(den)


# -- percentiles, quartiles, fences ------------------------------------------------------------

def percentile(values: Sequence[Fraction], v: Fraction) -> Fraction:
    """100 × (#{u < v} + ½ #{u = v}) / n (scipy percentileofscore, kind="mean")."""
    below = sum(1 for u in values if u < v)
    equal = sum(1 for u in values if u == v)
    return Fraction(100) * (below + Fraction(equal, 2)) / len(values)


def quantile(sorted_values: Sequence[Fraction], p: Fraction) -> Fraction:
    """numpy.percentile's "linear" method, exactly: x_j + (h − j)(x_{j+1} − x_j), h = (n − 1)p."""
    n = len(sorted_values)
    h = (n - 1) * Fraction(p)
    j = math.floor(h)
    if j >= n - 1:
        return Fraction(sorted_values[n - 1])
    return sorted_values[j] + (h - j) * (sorted_values[j + 1] - sorted_values[j])


@dataclass(frozen=True)
class GroupStats:
    peer_group: str
    measure: str
    n: int
    q1: Fraction
    median: Fraction
    q3: Fraction

    @property
    def iqr(self) -> Fraction:
        return self.q3 - self.q1

    @property
    def fence_high(self) -> Fraction:
        return self.q3 + IQR_K * self.iqr

    @property
    def fence_low(self) -> Fraction:
        return self.q1 - IQR_K * self.iqr


def group_stats(peer_group: str, measure: str, values: Sequence[Fraction]) -> GroupStats:
    xs = sorted(values)
    return GroupStats(peer_group, measure, len(xs), quantile(xs, Fraction(1, 4)), quantile(xs, Fraction(1, 2)),
                      quantile(xs, Fraction(3, 4)))


def percentile_flag(p: Fraction, direction: str) -> bool:
    return p >= P_HIGH or (direction == BOTH and p <= P_LOW)


def robust_flag(v: Fraction, stats: GroupStats, direction: str) -> bool:
    if stats.iqr <= 0:
        return False
    return v > stats.fence_high or (direction == BOTH and v < stats.fence_low)


# -- comparison of entities --------------------------------------------------------------------

@dataclass(frozen=True)
class EntityInput:
    key: tuple[str, ...]
    peer_group: str
    values: Mapping[str, Fraction | None]  # rounded values; None where there is nothing


@dataclass
class EntityResult:
    key: tuple[str, ...]
    peer_group: str
    values: Mapping[str, Fraction | None]
    percentiles: dict[str, Fraction | None]
    flags: list[str]
    robust_flags: list[str]
    score: Fraction
    tier: str
    rank: int = 0

    @property
    def flag_count(self) -> int:
        return len(self.flags)

    @property
    def robust_count(self) -> int:
        return len(self.robust_flags)


def tier_of(compared: bool, flag_count: int, robust_count: int) -> str:
    if not compared:
        return "none"
    if robust_count >= 1:
        return "high"
    if flag_count >= TIER_MEDIUM:
        return "medium"
    return "low"


def rank_key(r: EntityResult) -> tuple:
    return (-r.robust_count, -r.flag_count, -r.score, r.key)


def compare(entities: Sequence[EntityInput], ms: Sequence[Measure]) -> tuple[list[EntityResult], list[GroupStats]]:
    """Percentiles, flags, tiers and ranks within peer groups; results in rank order, groups sorted."""
    by_group: dict[str, list[EntityInput]] = {}
    for e in entities:
        by_group.setdefault(e.peer_group, []).append(e)
    stats: dict[tuple[str, str], GroupStats] = {}
    pools: dict[tuple[str, str], list[Fraction]] = {}
    for g, members in by_group.items():
        for m in ms:
            vals = [e.values.get(m.id) for e in members]
            vals = [v for v in vals if v is not None]
            if len(vals) >= MIN_PEERS:
                pools[(g, m.id)] = vals
                stats[(g, m.id)] = group_stats(g, m.id, vals)
    results = []
    for e in entities:
        pct: dict[str, Fraction | None] = {}
        flags, robust = [], []
        score = Fraction(0)
        compared = False
        for m in ms:
            v = e.values.get(m.id)
            st = stats.get((e.peer_group, m.id))
            if v is None or st is None:
                pct[m.id] = None
                continue
            compared = True
            p = percentile(pools[(e.peer_group, m.id)], v)
            pct[m.id] = p
            if percentile_flag(p, m.direction):
                flags.append(m.id)
                score += abs(p - 50)
            if robust_flag(v, st, m.direction):
                robust.append(m.id)
        results.append(EntityResult(e.key, e.peer_group, e.values, pct, flags, robust, score,
                                    tier_of(compared, len(flags), len(robust))))
    results.sort(key=rank_key)
    for i, r in enumerate(results, start=1):
        r.rank = i
    groups = [stats[k] for k in sorted(stats, key=lambda k: (k[0], [m.id for m in ms].index(k[1])))]
    return results, groups


# -- peer groups -------------------------------------------------------------------------------

def peer_group(hosp_lv_counts: Mapping[str, int], inpatient: int) -> str:
    """The most frequent hosp_lv (ties: the smallest as text); "9i" for a 9 with inpatient stays."""
    best = min(hosp_lv_counts.items(), key=lambda kv: (-kv[1], kv[0]))[0] if hosp_lv_counts else ""
    return "9i" if best == "9" and inpatient > 0 else best


# -- Benford -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Benford:
    n: int
    counts: tuple[int, ...]  # c_1..c_9
    mad: Decimal | None
    conformity: str

    def observed(self) -> list[float]:
        return [c / self.n if self.n else 0.0 for c in self.counts]


def benford_expected() -> list[float]:
    return [math.log10(1 + 1 / d) for d in range(1, 10)]


def conformity(mad: Decimal | None) -> str:
    if mad is None:
        return "too_few"
    if mad < Decimal("0.006"):
        return "close"
    if mad < Decimal("0.012"):
        return "acceptable"
    if mad < Decimal("0.015"):
        return "marginal"
    return "nonconformity"


def benford(counts: Sequence[int]) -> Benford:
    counts = tuple(int(c) for c in counts)
    n = sum(counts)
    if n < BENFORD_MIN:
        return Benford(n, counts, None, "too_few")
    total = 0.0
    for d, e in zip(range(1, 10), benford_expected()):
        total += abs(counts[d - 1] / n - e)
    mad = Decimal(total / 9).quantize(Decimal("0.000001"), rounding=ROUND_HALF_UP)
    return Benford(n, counts, mad, conformity(mad))


def first_digit(amount_fen: int) -> int | None:
    """The first digit of the integer part in yuan of an amount ≥ 10.00 yuan; None below."""
    if amount_fen < BENFORD_MIN_FEN:
        return None
    return int(str(amount_fen)[0])


# -- fingerprint -------------------------------------------------------------------------------

def fingerprint(tiers: Mapping[str, str]) -> str:
    text = "\n".join(f"{code}\t{tiers[code]}" for code in sorted(tiers))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def months(date_from: str, date_to: str) -> list[str]:
    """Calendar months 'YYYY-MM' from the month of date_from to that of date_to."""
    y, m = int(date_from[:4]), int(date_from[5:7])
    y2, m2 = int(date_to[:4]), int(date_to[5:7])
    out = []
    while (y, m) <= (y2, m2):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


# -- values from aggregates --------------------------------------------------------------------

@dataclass
class InstitutionAgg:
    """What the SQL gathers for one institution (or one institution-month); money in fen."""

    settlements: int = 0
    inpatient: int = 0
    fee_inpatient: int = 0
    fee_other: int = 0
    fee_all: int = 0
    stay_days: int = 0
    one_day: int = 0
    readmissions: int = 0
    weekend: int = 0
    persons: int = 0
    lines: int = 0
    amount: int = 0
    drug: int = 0
    material: int = 0
    exam_lab: int = 0
    flagged_setl: int = 0
    flagged_amount: int = 0


@dataclass
class DoctorAgg:
    settlements: int = 0
    lines: int = 0
    amount: int = 0
    drug: int = 0
    material: int = 0
    exam_lab: int = 0
    flagged_lines: int = 0


def _rounded(ms: Sequence[Measure], raw: Mapping[str, Fraction | None]) -> dict[str, Fraction | None]:
    return {m.id: None if raw[m.id] is None else round_half_up(raw[m.id], places(m.unit)) for m in ms}


def _yuan(fen_ratio: Fraction | None) -> Fraction | None:
    return None if fen_ratio is None else fen_ratio / 100


def _positive_share(part: int, whole: int) -> Fraction | None:
    return Fraction(part, whole) if whole > 0 else None


def institution_values(a: InstitutionAgg, screened: bool, *, floor: bool = True) -> dict[str, Fraction | None]:
    """The 14 measures, rounded; None where a denominator is 0, below the volume floor, or unscreened."""
    raw = {
        "inpatient_share": ratio(a.inpatient, a.settlements),
        "cost_per_stay": _yuan(ratio(a.fee_inpatient, a.inpatient)),
        "stay_days": ratio(a.stay_days, a.inpatient),
        "one_day_stay_share": ratio(a.one_day, a.inpatient),
        "readmission_15d_rate": ratio(a.readmissions, a.inpatient),
        "weekend_admission_share": ratio(a.weekend, a.inpatient),
        "cost_per_visit": _yuan(ratio(a.fee_other, a.settlements - a.inpatient)),
        "visits_per_person": ratio(a.settlements, a.persons),
        "drug_share": _positive_share(a.drug, a.amount),
        "material_share": _positive_share(a.material, a.amount),
        "exam_lab_share": _positive_share(a.exam_lab, a.amount),
        "lines_per_setl": ratio(a.lines, a.settlements),
        "flagged_setl_share": ratio(a.flagged_setl, a.settlements) if screened else None,
        "flagged_amount_per_10k": (10000 * Fraction(a.flagged_amount, a.fee_all)
                                   if screened and a.fee_all > 0 else None),
    }
    if floor:
        base = {"I": a.inpatient, "N": a.settlements - a.inpatient, "S": a.settlements}
        for m in INSTITUTION_MEASURES:
            if base[m.base] < VOLUME_FLOOR:
                raw[m.id] = None
    return _rounded(INSTITUTION_MEASURES, raw)


def doctor_values(a: DoctorAgg, screened: bool) -> dict[str, Fraction | None]:
    raw = {
        "dr_amount_per_setl": _yuan(ratio(a.amount, a.settlements)),
        "dr_lines_per_setl": ratio(a.lines, a.settlements),
        "dr_drug_share": _positive_share(a.drug, a.amount),
        "dr_material_share": _positive_share(a.material, a.amount),
        "dr_exam_lab_share": _positive_share(a.exam_lab, a.amount),
        "dr_flagged_line_share": ratio(a.flagged_lines, a.lines) if screened else None,
    }
    return _rounded(DOCTOR_MEASURES, raw)
