"""Working days on the mainland China calendar, make-up working weekends (调休) included.

Three sources, in this order (operations.md, "Working days"):

1. the installed ``chinese_calendar`` data, for the years it covers;
2. the store's holiday table (rows ``date → holiday | workday``) for other years:
   a year with at least one row is taken as published (the State Council's notice
   lists a whole year at once), and its unlisted days follow Monday–Friday;
3. for dates neither covers, Monday–Friday, and every figure that relied on such
   a day is marked *assumed*.

Nothing here raises for a date outside the package's range: a deadline in
January 2027 is a guess to be flagged, not a crash. ``WorkCalendar.due`` is the
one function every deadline goes through (working or calendar days).
"""
from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from typing import Mapping

import chinese_calendar
from chinese_calendar import constants as _cc_constants


class DayKind(str, enum.Enum):
    WORKDAY = "workday"  # an ordinary Monday–Friday
    WEEKEND = "weekend"
    HOLIDAY = "holiday"  # a public holiday (or a day off attached to one)
    MAKEUP_WORKDAY = "makeup"  # a Saturday or Sunday that is a working day


class DaySource(str, enum.Enum):
    PACKAGE = "package"  # chinese_calendar's published data
    TABLE = "table"  # the store's holiday table
    ASSUMED = "assumed"  # nobody knows: Monday–Friday guessed


TABLE_KINDS = ("holiday", "workday")


def _package_years() -> tuple[int, int]:
    years = [d.year for d in _cc_constants.holidays] + [d.year for d in _cc_constants.workdays]
    return min(years), max(years)


PACKAGE_FIRST_YEAR, PACKAGE_LAST_YEAR = _package_years()


@dataclass(frozen=True)
class Due:
    """A date reached by counting days, and whether any counted day was guessed."""

    due: dt.date
    assumed: bool


@dataclass(frozen=True)
class Span:
    """A count of working days, and whether any day in it was guessed."""

    count: int
    assumed: bool


class WorkCalendar:
    """The working-day calendar of one store: package data, then its holiday table, then a guess."""

    def __init__(self, table: Mapping[dt.date, str] | None = None) -> None:
        self._table: dict[dt.date, str] = {}
        for day, kind in (table or {}).items():
            if kind not in TABLE_KINDS:
                raise ValueError(f"holiday table kind must be holiday or workday, not {kind!r}")
            self._table[day] = kind
        self._table_years = frozenset(d.year for d in self._table)
        self._cache: dict[dt.date, tuple[DayKind, DaySource]] = {}

    @property
    def table_years(self) -> frozenset[int]:
        return self._table_years

    def covered(self, year: int) -> DaySource:
        """Where a year's days come from (PACKAGE, TABLE, or ASSUMED)."""
        if PACKAGE_FIRST_YEAR <= year <= PACKAGE_LAST_YEAR:
            return DaySource.PACKAGE
        if year in self._table_years:
            return DaySource.TABLE
        return DaySource.ASSUMED

    def _classify(self, day: dt.date) -> tuple[DayKind, DaySource]:
        got = self._cache.get(day)
        if got is not None:
            return got
        weekend = day.weekday() >= 5
        source = self.covered(day.year)
        if source is DaySource.PACKAGE:
            if chinese_calendar.is_workday(day):
                kind = DayKind.MAKEUP_WORKDAY if weekend else DayKind.WORKDAY
            else:
                on_holiday, name = chinese_calendar.get_holiday_detail(day)
                kind = DayKind.HOLIDAY if (on_holiday and name is not None) or not weekend else DayKind.WEEKEND
        else:
            listed = self._table.get(day) if source is DaySource.TABLE else None
            if listed == "holiday":
                kind = DayKind.HOLIDAY
            elif listed == "workday":
                kind = DayKind.MAKEUP_WORKDAY if weekend else DayKind.WORKDAY
            else:
                kind = DayKind.WEEKEND if weekend else DayKind.WORKDAY
        self._cache[day] = (kind, source)
        return kind, source

    def day_kind(self, day: dt.date) -> DayKind:
        return self._classify(day)[0]

    def is_workday(self, day: dt.date) -> bool:
        return self._classify(day)[0] in (DayKind.WORKDAY, DayKind.MAKEUP_WORKDAY)

    def is_assumed(self, day: dt.date) -> bool:
        return self._classify(day)[1] is DaySource.ASSUMED

    def source(self, day: dt.date) -> DaySource:
        return self._classify(day)[1]

    # -- counting ------------------------------------------------------------------
    def due(self, start: dt.date, n: int, *, working: bool = True) -> Due:
        """The n-th (working) day after ``start``; ``start`` itself never counts.

        ``working=False`` counts calendar days (seed 004's 15 days' notice); the
        result is still marked assumed when the span crosses a guessed day, so
        every deadline carries the same flag.
        """
        if n < 0:
            raise ValueError("n must be >= 0")
        day, count, assumed = start, 0, False
        while count < n:
            day += dt.timedelta(days=1)
            if not working or self.is_workday(day):
                count += 1
            assumed = assumed or self.is_assumed(day)
        return Due(day, assumed)

    def add_workdays(self, start: dt.date, n: int) -> Due:
        return self.due(start, n, working=True)

    def workdays_between(self, start: dt.date, end: dt.date) -> Span:
        """Working days in (start, end]; negative when end is before start."""
        if end < start:
            inner = self.workdays_between(end, start)
            return Span(-inner.count, inner.assumed)
        count, assumed = 0, False
        day = start
        while day < end:
            day += dt.timedelta(days=1)
            if self.is_workday(day):
                count += 1
            assumed = assumed or self.is_assumed(day)
        return Span(count, assumed)

    def workdays_in(self, first: dt.date, last: dt.date) -> Span:
        """Working days in [first, last] (both included)."""
        if last < first:
            return Span(0, False)
        return self.workdays_between(first - dt.timedelta(days=1), last)


_DEFAULT = WorkCalendar()


def default_calendar() -> WorkCalendar:
    """The calendar without a store's table (package data, then Monday–Friday)."""
    return _DEFAULT


# Plain functions for callers without a store: never raise outside the package's years.
def is_workday(day: dt.date) -> bool:
    return _DEFAULT.is_workday(day)


def day_kind(day: dt.date) -> DayKind:
    return _DEFAULT.day_kind(day)


def add_workdays(start: dt.date, n: int) -> dt.date:
    """The n-th working day after ``start`` ("within 15 working days of D")."""
    return _DEFAULT.add_workdays(start, n).due


def workdays_between(start: dt.date, end: dt.date) -> int:
    """Working days in (start, end]; negative when end is before start."""
    return _DEFAULT.workdays_between(start, end).count
