"""Staff changes (seed 004): 15 days' written notice and a supervisor's approval."""
import datetime as dt

import pytest

from workstation.core.errors import Conflict, NotPermitted
from workstation.services import profile_service, roster_service, staff_change_service as sc

D = dt.date
NOTICE = D(2024, 3, 1)


@pytest.fixture
def team(ws):
    profile_service.set_active_profile(ws, "xinjiang-2024")
    leaving = roster_service.save_staff(ws, {"staff_no": "L1", "name": "王离", "start_date": "2024-01-01",
                                             "education": "本科", "birth_date": "1990-01-01"})
    cid = sc.request_change(ws, notice_date=NOTICE, reason="个人原因离职", leaving_staff_id=leaving,
                            joining={"staff_no": "J1", "name": "李新", "certno": "650102199201011234",
                                     "education": "本科", "post": "审核员"})
    return ws, leaving, cid


def test_unapproved_change_refused_and_says_why(team):
    ws, leaving, cid = team
    with pytest.raises(Conflict) as err:
        sc.apply_change(ws, cid, NOTICE + dt.timedelta(days=15))
    assert "审批" in err.value.message("zh_CN") and "approved" in err.value.message("en")
    assert roster_service.get_staff(ws, leaving)["end_date"] is None


def test_early_change_refused_even_when_approved(team, as_user):
    ws, leaving, cid = team
    sc.approve(as_user("supervisor"), cid, "新医保函〔2024〕12号")
    with pytest.raises(Conflict) as err:
        sc.apply_change(ws, cid, NOTICE + dt.timedelta(days=14))
    msg = err.value.message("zh_CN")
    assert "2024-03-16" in msg and "15" in msg
    assert [c["status"] for c in sc.list_changes(ws)] == ["approved"]


def test_approved_change_takes_effect_on_day_15(team, as_user):
    ws, leaving, cid = team
    sup = as_user("supervisor")
    sc.approve(sup, cid, "新医保函〔2024〕12号")
    day = NOTICE + dt.timedelta(days=15)
    out = sc.apply_change(ws, cid, day)
    assert out["status"] == "effective"
    assert roster_service.get_staff(ws, leaving)["end_date"] == day.isoformat()
    joined = roster_service.get_staff(ws, out["joined_staff_id"], day=day)
    assert joined["start_date"] == day.isoformat() and joined["active"] and joined["certno_masked"] == "650102********1234"
    change = sc.list_changes(ws)[0]
    assert change["approved_by"] == "supervisor" and change["approval_ref"] == "新医保函〔2024〕12号"
    assert change["joining"]["certno"] == "650102********1234"
    assert [h["action"] for h in roster_service.history(ws, leaving)][0] == "roster.leave"
    with pytest.raises(Conflict):
        sc.apply_change(ws, cid, day)


def test_reviewer_cannot_approve(team, as_user):
    _ws, _leaving, cid = team
    with pytest.raises(NotPermitted):
        sc.approve(as_user("reviewer"), cid)


def test_refusal_lists_both_reasons(team):
    ws, _leaving, cid = team
    change = sc.list_changes(ws)[0]
    why = sc.refusal(ws, change, NOTICE)
    assert "审批" in why and "2024-03-16" in why
