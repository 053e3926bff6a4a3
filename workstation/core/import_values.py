"""The parsers of the exports' cell values (pure): dates, times, amounts, prices, quantities, codes.

Amounts are yuan with at most 2 decimals parsed into integer fen, prices yuan
with at most 6 decimals into millionths of a yuan, quantities integer
ten-thousandths; never through a float. Parsers raise ``ValueProblem`` (a
``ValueError``) carrying a bilingual ``T`` reason. import_format holds the
columns that use them and re-exports every name here.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any, Callable

from .i18n import T

CNT_SCALE = 10_000


class ValueProblem(ValueError):
    """A cell that cannot be read; ``reason`` says why in both languages."""

    def __init__(self, reason: T, **params: Any) -> None:
        self.reason = reason
        self.params = params
        super().__init__(reason.render("en", **params))


BAD_DATE = T("日期无效：“{value}”（应为 2025-03-01、2025/3/1 或 20250301）",
             "bad date \"{value}\" (expected 2025-03-01, 2025/3/1 or 20250301)")
BAD_TIME = T("时间无效：“{value}”（应为 2025-03-01 08:30:00）",
             "bad date-time \"{value}\" (expected 2025-03-01 08:30:00)")
BAD_AMOUNT = T("金额无效：“{value}”（应为元，最多两位小数）",
               "bad amount \"{value}\" (expected yuan with at most 2 decimals)")
BAD_DECIMAL = T("数量无效：“{value}”（最多四位小数）", "bad quantity \"{value}\" (at most 4 decimals)")
BAD_INTEGER = T("整数无效：“{value}”", "bad integer \"{value}\"")
BAD_CODE = T("代码无效：“{value}”（可用：{allowed}）", "bad code \"{value}\" (allowed: {allowed})")
EMPTY = T("必填值为空", "required value is empty")

_DATE_CACHE: dict[str, str] = {}
_TIME_CACHE: dict[str, str] = {}
# the caches are shared with import_rows' generated chunk parser, which looks cells up in them directly
DATE_CACHE, TIME_CACHE = _DATE_CACHE, _TIME_CACHE
_DATE_RE = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_TIME_RE = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")


def _shown(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:40] + "…"


def parse_date(value: Any) -> str | None:
    """Any accepted date form → ISO 'YYYY-MM-DD'; empty → None."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    if not text:
        return None
    cached = _DATE_CACHE.get(text)
    if cached is not None:
        return cached
    if len(text) == 8 and text.isdigit():
        y, m, d = text[:4], text[4:6], text[6:]
    else:
        match = _DATE_RE.match(text)
        if not match:
            raise ValueProblem(BAD_DATE, value=_shown(text))
        y, m, d = match.groups()
    try:
        iso = dt.date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        raise ValueProblem(BAD_DATE, value=_shown(text)) from None
    if len(_DATE_CACHE) < 100_000:
        _DATE_CACHE[text] = iso
    return iso


def parse_datetime(value: Any) -> str | None:
    """'2025-03-01 08:30:00' / '2025-03-01T08:30:00' (any accepted date part) → ISO with a space."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.replace(microsecond=0).isoformat(sep=" ")
    if isinstance(value, dt.date):
        raise ValueProblem(BAD_TIME, value=_shown(value))
    text = str(value).strip()
    if not text:
        return None
    # Fast path: the platform's own form, with the date and the time looked up separately.
    if len(text) == 19 and text[10] in " T":
        day = _DATE_CACHE.get(text[:10])
        clock = _TIME_CACHE.get(text[11:])
        if day is not None and clock is not None:
            return f"{day} {clock}"
    if len(text) == 19 and text[10] in " T" and text[13] == ":" and text[16] == ":":
        date_part, time_part = text[:10], text[11:]
    else:
        sep = "T" if "T" in text else " "
        date_part, _, time_part = text.partition(sep)
        time_part = time_part.strip()
        if not time_part:
            raise ValueProblem(BAD_TIME, value=_shown(text))
    try:
        day = parse_date(date_part)
    except ValueProblem:
        raise ValueProblem(BAD_TIME, value=_shown(text)) from None
    if len(time_part) == 8 and time_part[2] == ":" and time_part[5] == ":":
        hh, mm, ss = time_part[:2], time_part[3:5], time_part[6:]
    else:
        match = _TIME_RE.match(time_part)
        if not match:
            raise ValueProblem(BAD_TIME, value=_shown(text))
        hh, mm, ss = match.group(1), match.group(2), match.group(3) or "00"
    if not (hh.isdigit() and mm.isdigit() and ss.isdigit()) or int(hh) > 23 or int(mm) > 59 or int(ss) > 59:
        raise ValueProblem(BAD_TIME, value=_shown(text))
    clock = f"{int(hh):02d}:{mm}:{ss}"
    if len(time_part) == 8 and len(_TIME_CACHE) < 100_000:
        _TIME_CACHE[time_part] = clock
    return f"{day} {clock}"


def _float_text(value: float) -> str:
    # A spreadsheet stores numbers as binary doubles; repr gives the shortest text
    # that reads back to the same double, which for amounts typed with at most 2
    # decimals is exactly what was typed. No arithmetic is done on the float.
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError
    text = repr(value)
    if "e" in text or "E" in text:
        from decimal import Decimal

        text = format(Decimal(text), "f")
    return text


def _scaled(value: Any, places: int, problem: T) -> int | None:
    """Text with at most ``places`` decimals → integer × 10**places, exactly."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueProblem(problem, value=_shown(value))
    if isinstance(value, int):
        return value * 10**places
    if isinstance(value, float):
        try:
            value = _float_text(value)
        except ValueError:
            raise ValueProblem(problem, value=_shown(value)) from None
    text = str(value).strip()
    if not text:
        return None
    raw = text
    neg = False
    if text[0] in "+-":
        neg = text[0] == "-"
        text = text[1:]
    if "," in text:
        groups = text.split(".")[0].split(",")
        if not groups[0] or any(len(g) != 3 for g in groups[1:]) or len(groups[0]) > 3:
            raise ValueProblem(problem, value=_shown(raw))
        text = text.replace(",", "")
    whole, dot, frac = text.partition(".")
    if (not whole and not frac) or (whole and not (whole.isascii() and whole.isdigit())) \
            or (dot and not (frac.isascii() and frac.isdigit())) or len(frac) > places:
        raise ValueProblem(problem, value=_shown(raw))
    number = int(whole or "0") * 10**places + (int(frac.ljust(places, "0")) if frac else 0)
    return -number if neg else number


_PLAIN_NUMBER = re.compile(r"(-?)(\d+)(?:\.(\d*))?\Z")
_AMOUNT_CACHE: dict[str, int] = {}
_CNT_CACHE: dict[str, int] = {}


def _scaled_fast(value: Any, places: int, problem: T, cache: dict[str, int]) -> int | None:
    # Exports repeat the same prices and quantities over and over: remember the
    # plain ones ('12.5', '-3') so most cells cost one dict lookup.
    if value.__class__ is str:
        hit = cache.get(value)
        if hit is not None:
            return hit
        if not value:
            return None
        m = _PLAIN_NUMBER.match(value)
        if m is not None:
            sign, whole, frac = m.groups()
            if frac is None or 0 < len(frac) <= places:
                number = int(whole) * 10**places + (int(frac.ljust(places, "0")) if frac else 0)
                number = -number if sign else number
                if len(cache) < 200_000:
                    cache[value] = number
                return number
    return _scaled(value, places, problem)


def parse_amount(value: Any) -> int | None:
    """Yuan (at most 2 decimals, optional thousands commas) → integer fen; empty → None."""
    return _scaled_fast(value, 2, BAD_AMOUNT, _AMOUNT_CACHE)


PRICE_PLACES = 6  # the national interface's (16,6)
PRICE_SCALE = 10**PRICE_PLACES
BAD_PRICE = T("单价或限价无效：“{value}”（应为元，最多六位小数）", "bad price \"{value}\" (yuan, at most 6 decimals)")
_PRICE_CACHE: dict[str, int] = {}


def parse_price(value: Any) -> int | None:
    """A unit price or price cap (yuan, at most 6 decimals) → integer millionths of a yuan; empty → None."""
    return _scaled_fast(value, PRICE_PLACES, BAD_PRICE, _PRICE_CACHE)


def price_fen(micro: int | None) -> int | None:
    """Millionths of a yuan → fen, rounded half away from zero (the working value of rules and views)."""
    if micro is None:
        return None
    q, r = divmod(abs(micro), 10_000)
    fen = q + (1 if r >= 5_000 else 0)
    return -fen if micro < 0 else fen


def price_text(micro: int | None) -> str | None:
    """Millionths of a yuan as yuan text with 2 to 6 decimals ("12.50", "0.123456")."""
    if micro is None:
        return None
    sign = "-" if micro < 0 else ""
    whole, frac = divmod(abs(micro), PRICE_SCALE)
    digits = f"{frac:06d}".rstrip("0").ljust(2, "0")
    return f"{sign}{whole}.{digits}"


def parse_cnt(value: Any) -> int | None:
    """A quantity (at most 4 decimals) → integer ten-thousandths; empty → None."""
    return _scaled_fast(value, 4, BAD_DECIMAL, _CNT_CACHE)


def parse_int(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = str(value).strip()
    if not text:
        return None
    if text.lstrip("+-").isascii() and text.lstrip("+-").isdigit():
        return int(text)
    raise ValueProblem(BAD_INTEGER, value=_shown(text))


def parse_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # an id typed into a spreadsheet cell as a number
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    text = str(value).strip()
    return text or None


def code_parser(width: int = 0, allowed: dict[str, str] | None = None) -> Callable[[Any], str | None]:
    """A code column: text, zero-padded to ``width`` when numeric; ``allowed`` maps accepted spellings."""

    def parse(value: Any) -> str | None:
        text = (value.strip() or None) if value.__class__ is str else parse_text(value)
        if text is None:
            return None
        if width and text.isdigit() and len(text) < width:
            text = text.zfill(width)
        if allowed is not None:
            try:
                return allowed[text]
            except KeyError:
                raise ValueProblem(BAD_CODE, value=_shown(text),
                                   allowed="/".join(sorted(set(allowed)))) from None
        return text

    return parse


# 0 unknown and 9 unspecified (GB/T 2261.1) are kept as they are; no rule judges sex on them
