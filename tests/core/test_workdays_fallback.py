"""Working days past the installed calendar: the holiday table, then Monday–Friday marked as assumed."""
import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st

from workstation.core.workdays import (PACKAGE_LAST_YEAR, DayKind, DaySource, WorkCalendar, add_workdays,
                                       day_kind, workdays_between)

D = dt.date
# The State Council's 2027 arrangement is not published in the package; these rows stand for it.
TABLE_2027 = {D(2027, 1, 1): "holiday", D(2027, 2, 6): "workday", D(2027, 2, 8): "holiday"}


def test_installed_calendar_covers_2026():
    assert PACKAGE_LAST_YEAR >= 2026
    assert day_kind(D(2026, 10, 1)) is DayKind.HOLIDAY


def test_2026_to_2027_without_table_rows_is_a_marked_guess():
    cal = WorkCalendar()
    # Wed 2026-12-30: Thu 12-31 (published), Fri 2027-01-01 (no data: Monday–Friday guess)
    due = cal.add_workdays(D(2026, 12, 30), 2)
    assert (due.due, due.assumed) == (D(2027, 1, 1), True)
    assert cal.source(D(2027, 1, 1)) is DaySource.ASSUMED and cal.day_kind(D(2027, 1, 2)) is DayKind.WEEKEND
    # Within 2026 nothing is assumed: 10 working days from Tue 2026-12-15 end on Tue 12-29
    due = cal.add_workdays(D(2026, 12, 15), 10)
    assert (due.due, due.assumed) == (D(2026, 12, 29), False)
    # the plain functions never raise past the package's years
    assert add_workdays(D(2026, 12, 15), 15) == D(2027, 1, 5)
    assert workdays_between(D(2026, 12, 31), D(2027, 1, 8)) == 6


def test_2026_to_2027_with_table_rows():
    cal = WorkCalendar(TABLE_2027)
    due = cal.add_workdays(D(2026, 12, 15), 15)
    # 12-16..12-31: 12 working days; 2027-01-01 is a holiday in the table; Jan 4, 5, 6
    assert (due.due, due.assumed) == (D(2027, 1, 6), False)
    assert cal.day_kind(D(2027, 1, 1)) is DayKind.HOLIDAY
    assert cal.day_kind(D(2027, 2, 6)) is DayKind.MAKEUP_WORKDAY  # a Saturday worked
    assert cal.day_kind(D(2027, 2, 8)) is DayKind.HOLIDAY
    # a listed year's unlisted days follow Monday–Friday and are not a guess
    assert cal.day_kind(D(2027, 3, 1)) is DayKind.WORKDAY and not cal.is_assumed(D(2027, 3, 1))
    # a year without rows stays a guess
    assert cal.add_workdays(D(2027, 12, 30), 2).assumed
    span = cal.workdays_between(D(2027, 2, 5), D(2027, 2, 9))
    assert (span.count, span.assumed) == (2, False)  # Sat 6 (worked) and Tue 9; Mon 8 off


def test_table_rows_do_not_override_the_published_years():
    cal = WorkCalendar({D(2026, 12, 31): "holiday"})
    assert cal.is_workday(D(2026, 12, 31)) and cal.source(D(2026, 12, 31)) is DaySource.PACKAGE


def test_calendar_days_count_through_the_same_function():
    cal = WorkCalendar()
    assert cal.due(D(2026, 12, 20), 15, working=False) == cal.due(D(2026, 12, 20), 15, working=False)
    got = cal.due(D(2026, 12, 20), 15, working=False)
    assert got.due == D(2027, 1, 4) and got.assumed
    assert cal.due(D(2026, 12, 1), 15, working=False).assumed is False


def test_bad_table_kind_is_refused():
    with pytest.raises(ValueError):
        WorkCalendar({D(2027, 1, 1): "maybe"})


@settings(max_examples=150, deadline=None)
@given(start=st.dates(D(2024, 1, 1), D(2028, 12, 31)), n=st.integers(0, 60), with_table=st.booleans())
def test_counting_forward_and_back_agree(start, n, with_table):
    cal = WorkCalendar(TABLE_2027 if with_table else None)
    due = cal.add_workdays(start, n)
    span = cal.workdays_between(start, due.due)
    assert span.count == n and span.assumed == due.assumed
    if n:
        assert cal.is_workday(due.due)
    if due.due.year <= PACKAGE_LAST_YEAR:
        assert not due.assumed
    if start.year > 2027 or (start.year == 2027 and not with_table):
        assert due.assumed == (n > 0)
