"""Appeals: deadlines in mainland working days (调休 included), answers, silence = accepted."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st

from tests.support.review_data import seed_units
from workstation.core.errors import Conflict
from workstation.core.workdays import add_workdays, is_workday, workdays_between
from workstation.services import appeals_service as ap
from workstation.services import review_service as rs


def doubtful_finding(ws, as_user, n=1):
    data = seed_units(ws, n=n)
    rev = as_user("reviewer")
    fids = []
    for uid in data["units"]:
        fids.append(rs.create_finding(rev, uid, data["lines"][uid][:2], "over_standard", status="doubtful"))
        rs.decide_unit(rev, uid, "doubtful")
        rs.submit_unit(rev, uid)
    return rev, data, fids


def test_deadline_across_national_day_with_makeup_working_days(ws, as_user):
    rev, data, (fid,) = doubtful_finding(ws, as_user)
    # Fri 2025-09-26; Sun 09-28 is a make-up working day; 10-01..10-08 are the holiday;
    # Sat 10-11 is a make-up working day. 5 working days: 09-28, 09-29, 09-30, 10-09, 10-10.
    aid = ap.send(rev, fid, working_days=5, sent_on=dt.date(2025, 9, 26))
    (a,) = ap.list_appeals(rev, today=dt.date(2025, 9, 30))
    assert a.deadline == dt.date(2025, 10, 10)
    assert a.days_left == 2 and a.institution_code == "H41070001"
    with pytest.raises(Conflict):
        ap.send(rev, fid, working_days=5, sent_on=dt.date(2025, 9, 26))  # already open
    # six working days ends on the make-up Saturday
    assert add_workdays(dt.date(2025, 9, 26), 6) == dt.date(2025, 10, 11)
    # on the deadline the institution may still answer: nothing is settled yet
    assert ap.settle_expired_appeals(rev, dt.date(2025, 10, 10)) == []
    assert ap.list_appeals(rev, today=dt.date(2025, 10, 10))[0].days_left == 0
    # the day after, silence means accepted
    assert ap.settle_expired_appeals(rev, dt.date(2025, 10, 11)) == [aid]
    (a,) = ap.list_appeals(rev, today=dt.date(2025, 10, 11))
    assert (a.status, a.outcome) == ("confirmed_silence", "upheld")
    info = rs.unit(rev, data["units"][0])
    assert info.findings[0].status == "confirmed" and info.status == "violation"
    with pytest.raises(Conflict):
        ap.answer(rev, aid, text="late", outcome="withdrawn", answered_on=dt.date(2025, 10, 13))
    assert ap.settle_expired_appeals(rev, dt.date(2025, 12, 1)) == []  # once only


def test_answer_withdraws_or_adjusts(ws, as_user):
    rev, data, fids = doubtful_finding(ws, as_user, n=2)
    a1 = ap.send(rev, fids[0], working_days=10, sent_on=dt.date(2025, 3, 3))
    a2 = ap.send(rev, fids[1], working_days=10, sent_on=dt.date(2025, 3, 3))
    ap.answer(rev, a1, text="医嘱齐全", outcome="withdrawn", answered_on=dt.date(2025, 3, 5))
    ap.answer(rev, a2, text="部分认可", outcome="adjusted", amount=100, answered_on=dt.date(2025, 3, 14))
    u1, u2 = (rs.unit(rev, u) for u in data["units"])
    assert (u1.findings[0].status, u1.status) == ("withdrawn", "compliant")
    assert (u2.findings[0].status, u2.findings[0].amount, u2.status) == ("confirmed", 100, "violation")
    assert ap.list_appeals(rev, open_only=True) == []
    with pytest.raises(Conflict):
        ap.answer(rev, a1, text="again", outcome="upheld", answered_on=dt.date(2025, 3, 6))


def test_only_doubtful_findings_go_to_appeal(ws, as_user):
    data = seed_units(ws, n=1)
    rev = as_user("reviewer")
    uid = data["units"][0]
    fid = rs.create_finding(rev, uid, data["lines"][uid][:1], "other")
    with pytest.raises(Conflict):
        ap.send(rev, fid, working_days=5, sent_on=dt.date(2025, 3, 3))


@settings(max_examples=200, deadline=None)
@given(start=st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2025, 11, 30)), n=st.integers(1, 30))
def test_deadline_law(start, n):
    """The deadline is a working day, exactly n working days after the day sent."""
    d = add_workdays(start, n)
    assert is_workday(d) and workdays_between(start, d) == n and workdays_between(start, d - dt.timedelta(days=1)) == n - 1
