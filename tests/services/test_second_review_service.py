"""Second review: a reproducible 5% / 10% draw of a reviewer's completed units, agree/disagree, pass rate."""
from __future__ import annotations

import datetime as dt
import hashlib
import math
from fractions import Fraction

import pytest
from sqlalchemy import update

from tests.support.review_data import seed_units
from workstation.core.errors import BadInput, Conflict, NotPermitted
from workstation.services import review_service as rs
from workstation.services import second_review_service as sr
from workstation.store.models.review import ReviewUnitRow


def completed(ws, as_user, n, setl_type="2", quarter_day=dt.datetime(2025, 2, 10, 9)):
    data = seed_units(ws, n=n, setl_type=setl_type)
    rev = as_user("reviewer")
    for uid in data["units"]:
        rs.decide_unit(rev, uid, "compliant")
        rs.submit_unit(rev, uid)
    with ws.store.session() as s:
        s.execute(update(ReviewUnitRow).values(decided_at=quarter_day))
    return data


def test_draw_is_reproducible_by_hand_and_sized_by_rate(ws, as_user):
    data = completed(ws, as_user, 23)
    sup = as_user("supervisor")
    d = sr.draw(sup, "reviewer", "2025Q1", "manual-reimbursement-10pct", "4711")
    assert d.frame_size == 23 and len(d.selected) == math.ceil(23 / 10) == 3
    by_key = sorted(data["setl"], key=lambda sid: hashlib.sha256(f"4711:{sid}".encode()).hexdigest())[:3]
    units = dict(zip(data["setl"], data["units"]))
    assert d.selected == [units[sid] for sid in by_key]
    assert d.frame_sha256 == hashlib.sha256("\n".join(sorted(data["setl"])).encode()).hexdigest()
    with pytest.raises(Conflict):
        sr.draw(sup, "reviewer", "2025Q1", "manual-reimbursement-10pct", "4711")
    d5 = sr.draw(sup, "reviewer", "2025Q1", "manual-review-5pct", "4711")
    assert len(d5.selected) == 2  # ceil(23 × 5%)
    assert sr.frame(sup, "reviewer", "2025Q2", "manual-review-5pct") == []


def test_manual_check_only_sees_manual_reimbursements(ws, as_user):
    completed(ws, as_user, 5, setl_type="1")
    assert sr.frame(as_user("supervisor"), "reviewer", "2025Q1", "manual-reimbursement-10pct") == []
    assert len(sr.frame(as_user("supervisor"), "reviewer", "2025Q1", "manual-review-5pct")) == 5


def test_agree_disagree_and_pass_rate(ws, as_user):
    completed(ws, as_user, 40)
    sup = as_user("supervisor")
    with pytest.raises(NotPermitted):
        sr.draw(as_user("reviewer"), "reviewer", "2025Q1", "manual-review-5pct", "1")
    d = sr.draw(sup, "reviewer", "2025Q1", "manual-reimbursement-10pct", "99")
    items = sr.checks(sup, "2025Q1")
    assert sorted(c.unit_id for c in items) == sorted(d.selected) and len(items) == 4
    assert sr.pass_rate(sup, "2025Q1") == (0, 0, None)
    with pytest.raises(BadInput):
        sr.record(sup, items[0].id, agree=False)
    sr.record(sup, items[0].id, agree=False, reason="应判违规")
    for c in items[1:]:
        sr.record(sup, c.id, agree=True)
    assert sr.pass_rate(sup, "2025Q1") == (3, 4, Fraction(3, 4))
    assert sr.pass_rate(sup, "2025Q1", reviewer="reviewer2")[1] == 0
