"""Money is exact: integer fen end to end, Decimal at the edges, never float."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

FEN = Decimal("0.01")


def yuan_to_fen(text: str | Decimal | int) -> int:
    """Parse yuan with at most 2 decimals into integer fen; ValueError otherwise."""
    if isinstance(text, int):
        return text * 100
    try:
        value = text if isinstance(text, Decimal) else Decimal(str(text).strip().replace(",", ""))
    except InvalidOperation as exc:
        raise ValueError(f"not an amount: {text!r}") from exc
    if not value.is_finite():
        raise ValueError(f"not an amount: {text!r}")
    scaled = value * 100
    if scaled != scaled.to_integral_value():
        raise ValueError(f"more than 2 decimals: {text!r}")
    return int(scaled)


def fen_to_str(fen: int | None) -> str | None:
    """Integer fen as a yuan string with exactly 2 decimals ("1234.50")."""
    if fen is None:
        return None
    sign = "-" if fen < 0 else ""
    fen = abs(int(fen))
    return f"{sign}{fen // 100}.{fen % 100:02d}"


def round_half_up_fen(value: Decimal) -> int:
    """Round a Decimal amount of fen to whole fen, half away from zero."""
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def div_round_half_up(numerator: int, denominator: int) -> int:
    """Exact integer division rounded half away from zero."""
    if denominator == 0:
        raise ZeroDivisionError
    return round_half_up_fen(Decimal(numerator) / Decimal(denominator))
