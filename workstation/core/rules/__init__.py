"""Pure helpers for the screening rules (spec/rules.md): exact amounts, ages,
stay days and the rule parameters as exact numbers. No SQL, no Qt.

The rules themselves run as set-based SQL in ``services/rules``; these helpers
state the arithmetic once so that SQL results are turned into amounts the same
way everywhere, and so that tests can state the definitions independently.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any, Mapping

from ..money import fen_to_str, yuan_to_fen

CNT_SCALE = 10_000  # quantities are integer ten-thousandths (same as store.models.claims)


def round_fen(value: Fraction | int) -> int:
    """Round an exact amount of fen to whole fen, half away from zero (once, at the end)."""
    value = Fraction(value)
    sign = -1 if value < 0 else 1
    mag = abs(value)
    whole, rest = divmod(mag.numerator, mag.denominator)
    if 2 * rest >= mag.denominator:
        whole += 1
    return sign * whole


def cnt_text(cnt: int) -> str:
    """A quantity in ten-thousandths as short exact text ('2', '1.5', '-0.25')."""
    whole, frac = divmod(abs(int(cnt)), CNT_SCALE)
    sign = "-" if cnt < 0 else ""
    return f"{sign}{whole}" + (f".{frac:04d}".rstrip("0") if frac else "")


def fen_text(fen: int) -> str:
    return fen_to_str(int(fen))


def exact_fen_text(value: Fraction) -> str:
    """An exact amount of fen shown in yuan with 2 decimals (rounded half up for display only)."""
    return fen_to_str(round_fen(value))


def age_on(brdy: str, day: str) -> int:
    """Full years from the birth date to the day (both 'YYYY-MM-DD').

    Someone born on 29 February turns a year older on 1 March in a common year
    (the month-day text comparison below), the reading of "full years" used
    throughout: the anniversary has not happened until its date is passed.
    """
    years = int(day[:4]) - int(brdy[:4])
    if day[5:10] < brdy[5:10]:
        years -= 1
    return years


def stay_days(begndate: str, enddate: str) -> int:
    """(enddate − begndate) in days, but at least 1."""
    d = (dt.date.fromisoformat(enddate[:10]) - dt.date.fromisoformat(begndate[:10])).days
    return max(d, 1)


def is_inpatient(med_type: str | None) -> bool:
    return bool(med_type) and (med_type == "21" or (len(med_type) == 4 and med_type.startswith("21")))


@dataclass(frozen=True)
class RuleParams:
    """The screening parameters of a contract profile, as exact numbers."""

    basic_cap: int = 100_000_00  # fen
    supp_rate: Fraction = Fraction(9, 10)
    supp_cap: int = 400_000_00  # fen
    readmission_days: int = 15
    readmission_exclude_dx: tuple[str, ...] = ()  # dise_codg prefixes of planned readmissions

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> "RuleParams":
        """From the profile's ``rule_params`` (amounts as yuan strings, the rate as a decimal string)."""
        d = cls()
        rate = values.get("supp_rate", "0.90")
        return cls(
            basic_cap=yuan_to_fen(str(values.get("basic_cap", fen_to_str(d.basic_cap)))),
            supp_rate=Fraction(Decimal(str(rate))),
            supp_cap=yuan_to_fen(str(values.get("supp_cap", fen_to_str(d.supp_cap)))),
            readmission_days=int(values.get("readmission_days", d.readmission_days)),
            readmission_exclude_dx=prefix_list(values.get("readmission_exclude_dx")),
        )

    def as_json(self) -> dict[str, Any]:
        return {"basic_cap": fen_to_str(self.basic_cap), "supp_rate": rate_text(self.supp_rate),
                "supp_cap": fen_to_str(self.supp_cap), "readmission_days": self.readmission_days,
                "readmission_exclude_dx": ";".join(self.readmission_exclude_dx)}


def prefix_list(value: Any) -> tuple[str, ...]:
    """A list parameter: items separated by ; ； , ， 、 (trimmed, empty items and repeats dropped)."""
    if isinstance(value, (list, tuple)):
        value = ";".join(str(v) for v in value)
    out: list[str] = []
    for item in re.split(r"[;；,，、]", str(value or "")):
        item = item.strip()
        if item and item not in out:
            out.append(item)
    return tuple(out)


def rate_text(rate: Fraction) -> str:
    """A rate as decimal text with at least 2 decimals ('0.90', '0.875')."""
    dec = Decimal(rate.numerator) / Decimal(rate.denominator)
    text = format(dec.normalize(), "f")
    if "." not in text:
        text += ".00"
    elif len(text.split(".")[1]) < 2:
        text += "0"
    return text


def supp_expected(rate: Fraction, inscp: int, supp_cap: int, cum_hifob_before: int) -> Fraction:
    """Expected supplementary payment: min(rate × in-scope, max(cap − cumulative before, 0)), exact."""
    return min(rate * inscp, Fraction(max(supp_cap - cum_hifob_before, 0)))


__all__ = ["CNT_SCALE", "RuleParams", "age_on", "cnt_text", "exact_fen_text", "fen_text", "is_inpatient",
           "rate_text", "round_fen", "stay_days", "supp_expected"]
