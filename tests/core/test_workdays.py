import datetime as dt

from workstation.core.workdays import DayKind, add_workdays, day_kind, workdays_between

D = dt.date


def test_makeup_working_sunday_2026():
    assert day_kind(D(2026, 1, 4)) is DayKind.MAKEUP_WORKDAY


def test_holidays_2025_and_2026():
    assert day_kind(D(2025, 10, 1)) is DayKind.HOLIDAY
    assert day_kind(D(2025, 1, 28)) is DayKind.HOLIDAY  # Spring Festival eve 2025
    assert day_kind(D(2025, 1, 26)) is DayKind.MAKEUP_WORKDAY  # a Sunday worked before it
    assert day_kind(D(2026, 1, 1)) is DayKind.HOLIDAY
    assert day_kind(D(2025, 3, 3)) is DayKind.WORKDAY
    assert day_kind(D(2025, 3, 1)) is DayKind.WEEKEND


def test_fifteen_working_days_skip_national_day():
    # From 2025-09-26 (Fri): 28 Sep (Sun) is a make-up working day, 1–8 Oct are off,
    # 11 Oct (Sat) is a make-up working day.
    assert add_workdays(D(2025, 9, 26), 1) == D(2025, 9, 28)
    assert add_workdays(D(2025, 9, 26), 3) == D(2025, 9, 30)
    assert add_workdays(D(2025, 9, 26), 4) == D(2025, 10, 9)
    assert workdays_between(D(2025, 9, 26), add_workdays(D(2025, 9, 26), 15)) == 15
