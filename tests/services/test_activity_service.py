"""Others' changes and presence, on both backends (office.md, "Many people at once")."""
from __future__ import annotations

from tests.support.review_data import seed_units
from workstation.services import activity_service as act, review_service as rs
from workstation.services.catalog_service import violations


def test_changes_since_names_areas_changed_by_others(ws, as_user):
    units = seed_units(ws, n=2, reviewer="reviewer")["units"]
    rv = as_user("reviewer")
    start = act.changes_since(rv, None)
    assert start.areas == () and start.seq > 0
    rs.create_finding(rv, units[0], [], violations()[0].code)  # own change: nothing to refresh
    mine = act.changes_since(rv, start.seq)
    assert mine.areas == () and mine.seq > start.seq
    sv = as_user("supervisor")
    rs.decide_unit(sv, units[1], "compliant")
    theirs = act.changes_since(rv, mine.seq)
    assert theirs.areas == ("review",) and theirs.by == ("supervisor",)
    assert act.changes_since(rv, theirs.seq).areas == ()


def test_who_else_has_a_unit_open(ws, as_user):
    units = seed_units(ws, n=2, reviewer="reviewer")["units"]
    rv, sv = as_user("reviewer"), as_user("supervisor")
    assert act.enter_unit(rv, units[0]) == ()
    assert act.enter_unit(sv, units[0]) == ("reviewer",)
    assert act.others_on_unit(rv, units[0]) == ("supervisor",)
    act.enter_unit(sv, units[1])  # moved on
    assert act.others_on_unit(rv, units[0]) == ()
    act.leave(rv)
    assert act.others_on_unit(sv, units[1]) == () and act.others_on_unit(sv, units[0]) == ()
