"""Review outcomes and precision per rule (spec/rule-templates.md), written through the models."""
from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

import pytest

from tests.support.knowledge_data import point
from tests.support.screen_data import add, line, settlement
from workstation.core.errors import BadInput, NotPermitted
from workstation.services import rule_precision as rp
from workstation.services import screening_service as ss
from workstation.store.models.review import FindingLineRow, FindingRow, ReviewUnitRow


def unit(s, setl_id, status, *, submitted=True, at=dt.datetime(2025, 6, 1)):
    u = ReviewUnitRow(uuid=str(uuid.uuid4()), setl_id=setl_id, source="flag", assigned_to="reviewer", status=status,
                      submitted=submitted, decided_by="reviewer", decided_at=at)
    s.add(u)
    s.flush()
    return u.id


def finding(s, unit_id, status, line_ids=(), deleted=False):
    f = FindingRow(uuid=str(uuid.uuid4()), unit_id=unit_id, category="other", amount=0, status=status, deleted=deleted,
                   created_by="reviewer", updated_by="reviewer")
    s.add(f)
    s.flush()
    s.add_all([FindingLineRow(finding_id=f.id, fee_line_id=i) for i in line_ids])


def test_outcomes_and_precision(ws):
    # Eight settlements with an X line and no Y line: the point flags line 1 of each.
    setls = [f"S{i}" for i in range(8)]
    add(ws, *[settlement(s, setl_time=f"2025-03-0{i + 1} 10:00:00") for i, s in enumerate(setls)],
        *[line(s, "1", med_list_codg="X") for s in setls], *[line(s, "2", med_list_codg="Z") for s in setls])
    point(ws, "ASSOC", "ASSOCIATED_MISSING", item_codes="X", other_codes="Y")
    ss.run_screen(ws, ["ASSOC"])
    ids = {f.setl_id: f.fee_line_id for f in ss.list_flags(ws, rule_id="ASSOC")}
    other = {}
    with ws.store.session() as s:
        from sqlalchemy import text

        other = dict(s.execute(text("SELECT setl_id, id FROM fee_lines WHERE feedetl_sn = '2'")).all())
        u = unit(s, "S0", "violation"); finding(s, u, "confirmed", [ids["S0"]])  # confirmed (its line)
        u = unit(s, "S1", "violation"); finding(s, u, "confirmed")  # confirmed (whole settlement)
        u = unit(s, "S2", "violation"); finding(s, u, "confirmed", [other["S2"]])  # another line: rejected
        u = unit(s, "S3", "compliant")  # rejected
        u = unit(s, "S4", "doubtful")  # open
        u = unit(s, "S5", "violation"); finding(s, u, "withdrawn", [ids["S5"]])  # withdrawn covers nothing
        # S6: an older confirmed unit, the newer decided one is compliant → rejected
        u = unit(s, "S6", "violation", at=dt.datetime(2025, 5, 1)); finding(s, u, "confirmed")
        unit(s, "S6", "compliant", at=dt.datetime(2025, 6, 2))
        unit(s, "S7", "violation", submitted=False)  # not submitted: no verdict unit → open
    stats = {x.rule_id: x for x in rp.rule_stats(ws)}
    got = stats["ASSOC"]
    assert (got.flags, got.confirmed, got.rejected, got.open) == (8, 2, 4, 2)
    assert got.precision == Decimal("0.3333")
    assert stats["DUPLICATE_CHARGE"].precision is None
    doc = rp.stats_json(ws)["rules"]
    assert [r["rule"] for r in doc[:11]] == [r for r in ss.rule_ids()][:11] and doc[-1]["rule"] == "ASSOC"
    assert doc[-1] == {"rule": "ASSOC", "flags": 8, "confirmed": 2, "rejected": 4, "open": 2, "precision": 0.3333}
    behind = rp.flags_with_outcome(ws, "ASSOC", "confirmed")
    assert len(behind) == 2
    assert rp.is_low(got, rp.threshold(ws))  # default threshold 0.50


def test_threshold_is_set_by_a_supervisor(ws, as_user):
    assert rp.set_threshold(ws, "0.7") == Decimal("0.7") and rp.threshold(ws) == Decimal("0.7")
    with pytest.raises(BadInput):
        rp.set_threshold(ws, "1.5")
    with pytest.raises(NotPermitted):
        rp.set_threshold(as_user("reviewer"), "0.2")
