"""Working days on the mainland China calendar, make-up working weekends (调休) included."""
from __future__ import annotations

import datetime as dt
import enum

import chinese_calendar


class DayKind(str, enum.Enum):
    WORKDAY = "workday"  # an ordinary Monday–Friday
    WEEKEND = "weekend"
    HOLIDAY = "holiday"  # a public holiday (or a day off attached to one)
    MAKEUP_WORKDAY = "makeup"  # a Saturday or Sunday that is a working day


def is_workday(day: dt.date) -> bool:
    return chinese_calendar.is_workday(day)


def day_kind(day: dt.date) -> DayKind:
    weekend = day.weekday() >= 5
    if chinese_calendar.is_workday(day):
        return DayKind.MAKEUP_WORKDAY if weekend else DayKind.WORKDAY
    on_holiday, _name = chinese_calendar.get_holiday_detail(day)
    if on_holiday and _name is not None:
        return DayKind.HOLIDAY
    return DayKind.WEEKEND if weekend else DayKind.HOLIDAY


def add_workdays(start: dt.date, n: int) -> dt.date:
    """The n-th working day after ``start`` ("within 15 working days of D")."""
    if n < 0:
        raise ValueError("n must be >= 0")
    day = start
    count = 0
    while count < n:
        day += dt.timedelta(days=1)
        if chinese_calendar.is_workday(day):
            count += 1
    return day


def workdays_between(start: dt.date, end: dt.date) -> int:
    """Working days in (start, end]; negative when end is before start."""
    if end < start:
        return -workdays_between(end, start)
    return sum(1 for i in range(1, (end - start).days + 1) if chinese_calendar.is_workday(start + dt.timedelta(days=i)))
