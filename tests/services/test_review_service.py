"""Review service: queue, findings, decisions, submit, undo — on real encrypted stores."""
from __future__ import annotations

import itertools
import json

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from sqlalchemy import select

from tests.support.review_data import seed_units
from workstation.core.errors import BadInput, Conflict, NotPermitted
from workstation.services import review_service as rs
from workstation.store.models.identity import EventRow
from workstation.store.models.review import FindingLineRow, FindingRow, ReviewUnitRow


_COUNTER = itertools.count()


def events(ws, prefix="review."):
    with ws.store.read() as s:
        return [(e.user, e.action, e.entity_id, json.loads(e.details))
                for e in s.execute(select(EventRow).where(EventRow.action.like(prefix + "%")).order_by(EventRow.seq))
                .scalars()]


def test_queue_progress_and_status_filter(ws, as_user):
    data = seed_units(ws, n=4)
    rev = as_user("reviewer")
    q = rs.queue(rev)
    assert [i.unit_id for i in q.items] == data["units"]
    assert (q.reviewed, q.total) == (0, 4)
    assert all(i.flags == 1 and i.findings == 0 for i in q.items)
    rs.decide_unit(rev, data["units"][0], "compliant")
    q = rs.queue(rev)
    assert (q.reviewed, q.total) == (1, 4)
    assert [i.unit_id for i in rs.queue(rev, status="compliant").items] == [data["units"][0]]
    assert rs.queue(as_user("reviewer2")).total == 0


def test_open_unit_for_settlement_is_idempotent_and_logged(ws, as_user):
    data = seed_units(ws, n=2, reviewer="reviewer2")
    rev = as_user("reviewer")
    uid = rs.open_unit_for_settlement(rev, data["setl"][0])
    assert rs.open_unit_for_settlement(rev, data["setl"][0]) == uid
    assert uid not in data["units"]
    info = rs.unit(rev, uid)
    assert (info.source, info.assigned_to, info.status) == ("flag", "reviewer", "pending")
    ev = [e for e in events(rev) if e[1] == "review.unit.open"]
    assert len(ev) == 1 and ev[0][0] == "reviewer"


def test_finding_sums_lines_and_requires_reason_for_other_amount(ws, as_user):
    data = seed_units(ws, n=1)
    rev = as_user("reviewer")
    uid = data["units"][0]
    l1, l2 = data["lines"][uid][:2]
    with ws.store.read() as s:
        from workstation.store.models.claims import FeeLineRow
        expected = sum(s.get(FeeLineRow, i).det_item_fee_sumamt for i in (l1, l2))
    fid = rs.create_finding(rev, uid, [l2, l1], "over_standard", basis="《收费标准》第3条")
    f = rs.unit(rev, uid).findings[0]
    assert (f.id, f.amount, f.amount_auto, f.fee_line_ids) == (fid, expected, expected, tuple(sorted((l1, l2))))
    with pytest.raises(BadInput):
        rs.update_finding(rev, fid, amount=expected - 1)
    rs.update_finding(rev, fid, amount=expected - 1, amount_reason="部分合理")
    f = rs.unit(rev, uid).findings[0]
    assert (f.amount, f.amount_reason, f.version) == (expected - 1, "部分合理", 2)
    with pytest.raises(BadInput):
        rs.create_finding(rev, uid, [l1], "no_such_category")
    other = seed_units(ws, n=1, seed=2)
    with pytest.raises(BadInput):  # a line of another settlement
        rs.create_finding(rev, uid, [other["lines"][other["units"][0]][0]], "other")


def test_settlement_level_finding_and_several_per_unit(ws, as_user):
    data = seed_units(ws, n=1)
    rev = as_user("reviewer")
    uid = data["units"][0]
    rs.create_finding(rev, uid, [], "split_hospitalization", amount=50000, amount_reason="整次住院")
    rs.create_finding(rev, uid, data["lines"][uid][:1], "duplicate_charge")
    info = rs.unit(rev, uid)
    assert [f.category for f in info.findings] == ["split_hospitalization", "duplicate_charge"]
    assert info.findings[0].fee_line_ids == () and info.findings[0].amount_auto == 0
    assert info.status == "in_progress"


def test_decisions_are_consistent_with_findings(ws, as_user):
    data = seed_units(ws, n=2)
    rev = as_user("reviewer")
    u1, u2 = data["units"]
    with pytest.raises(Conflict):
        rs.decide_unit(rev, u1, "violation")  # no confirmed finding
    fid = rs.create_finding(rev, u1, data["lines"][u1][:1], "other", status="doubtful")
    with pytest.raises(Conflict):
        rs.decide_unit(rev, u1, "compliant")
    rs.decide_unit(rev, u1, "doubtful")
    rs.update_finding(rev, fid, status="confirmed")
    rs.decide_unit(rev, u1, "violation")
    rs.decide_unit(rev, u2, "compliant", note="无问题")
    with ws.store.read() as s:
        assert s.get(ReviewUnitRow, u1).status == "violation"
        row = s.get(ReviewUnitRow, u2)
        assert (row.status, row.decided_by, row.note) == ("compliant", "reviewer", "无问题")


def test_other_reviewer_may_not_edit(ws, as_user):
    data = seed_units(ws, n=1)
    with pytest.raises(NotPermitted):
        rs.decide_unit(as_user("reviewer2"), data["units"][0], "compliant")
    rs.decide_unit(as_user("supervisor"), data["units"][0], "compliant")  # a supervisor may


def test_undo_reverts_step_by_step_and_is_closed_by_submit(ws, as_user):
    data = seed_units(ws, n=1)
    rev = as_user("reviewer")
    uid = data["units"][0]
    lines = data["lines"][uid]
    fid = rs.create_finding(rev, uid, lines[:2], "over_standard")
    rs.update_finding(rev, fid, basis="条款一", note="n1")
    rs.update_finding(rev, fid, fee_line_ids=lines[:3])
    rs.decide_unit(rev, uid, "violation")
    assert rs.unit(rev, uid).can_undo
    assert rs.undo(rev, uid) == "review.unit.decide"
    assert rs.unit(rev, uid).status == "in_progress"
    assert rs.undo(rev, uid) == "review.finding.update"
    f = rs.unit(rev, uid).findings[0]
    assert f.fee_line_ids == tuple(sorted(lines[:2])) and f.basis == "条款一"
    assert rs.undo(rev, uid) == "review.finding.update"
    assert rs.unit(rev, uid).findings[0].basis == ""
    assert rs.undo(rev, uid) == "review.finding.create"
    assert rs.unit(rev, uid).findings == []
    assert rs.undo(rev, uid) is None
    # redo is not a thing; new work after undo is undoable again
    fid2 = rs.create_finding(rev, uid, lines[:1], "other")
    rs.decide_unit(rev, uid, "violation")
    rs.submit_unit(rev, uid)
    assert not rs.unit(rev, uid).can_undo
    with pytest.raises(Conflict):
        rs.undo(rev, uid)
    with pytest.raises(Conflict):
        rs.update_finding(rev, fid2, note="late")
    with ws.store.read() as s:
        assert s.get(FindingRow, fid).deleted and not s.get(FindingRow, fid2).deleted
    ev = events(rev)
    assert all(e[0] == "reviewer" for e in ev)
    assert [e[1] for e in ev].count("review.undo") == 4


def test_submit_needs_a_decision(ws, as_user):
    data = seed_units(ws, n=1)
    rev = as_user("reviewer")
    with pytest.raises(Conflict):
        rs.submit_unit(rev, data["units"][0])


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=st.lists(st.tuples(st.sampled_from(["create", "update", "delete", "decide"]), st.integers(0, 4)),
                    min_size=1, max_size=6))
def test_undo_all_returns_to_the_start(ws, ops):
    """Law: undoing every step brings the unit back to its initial findings and status."""
    data = seed_units(ws, n=1, reviewer="admin", prefix=f"H{next(_COUNTER)}-")
    uid = data["units"][0]
    lines = data["lines"][uid]
    start = rs.unit(ws, uid)
    for op, k in ops:
        live = rs.unit(ws, uid).findings
        try:
            if op == "create":
                rs.create_finding(ws, uid, lines[: k + 1], "other", status="doubtful" if k % 2 else "confirmed")
            elif op == "update" and live:
                rs.update_finding(ws, live[k % len(live)].id, note=f"n{k}", fee_line_ids=lines[k:])
            elif op == "delete" and live:
                rs.delete_finding(ws, live[k % len(live)].id)
            elif op == "decide":
                rs.decide_unit(ws, uid, ["compliant", "violation", "doubtful"][k % 3])
        except Conflict:
            pass
    while rs.undo(ws, uid):
        pass
    end = rs.unit(ws, uid)
    assert end.findings == []
    assert end.status in ("pending", "in_progress") and end.decided_by is None
    with ws.store.read() as s:
        live_lines = s.execute(select(FindingLineRow).join(FindingRow, FindingRow.id == FindingLineRow.finding_id)
                               .where(FindingRow.unit_id == uid, FindingRow.deleted.is_(False))).all()
    assert live_lines == [] and start.findings == []
