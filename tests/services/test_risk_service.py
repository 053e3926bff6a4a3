"""Risk profiles on a real encrypted store: the measures by hand, peer groups, the stored profile."""
from __future__ import annotations

import json
from fractions import Fraction as Fr

import pytest
from sqlalchemy import select

from workstation.core import risk
from workstation.core.errors import NotFound, UsageError
from workstation.services import risk_service as rs
from workstation.store.models.identity import EventRow
from workstation.store.models.risk import RiskProfileRow
from tests.support.risk_data import add_flags, mark_screened, peer_store, stay
from tests.support.screen_data import add, line

S = 10_000


def test_readmission_counts_an_earlier_stay_outside_the_period(ws):
    rows = [
        stay("A", "R1", "P", "2024-12-20", "2024-12-28"),  # outside the period: only ever an A
        stay("B", "R1", "P", "2025-01-05", "2025-01-08"),  # 8 days after A ended: readmission
        stay("C", "R1", "P", "2025-03-01", "2025-03-03"),  # 52 days after B: no
        stay("D", "R1", "P", "2025-03-18", "2025-03-20"),  # exactly 15 days after C: readmission
        stay("E", "R1", "P", "2025-03-18", "2025-03-19"),  # same begndate as D (not an A for it), C is: yes
        stay("F", "R1", "P", "2025-06-01", "2025-06-20"),  # 73 days after E: no
        stay("G", "R1", "P", "2025-06-10", "2025-06-12"),  # F began earlier but ends after G began: no
        stay("Q1", "R2", "Q", "2025-03-01", "2025-03-10"),  # another institution
        stay("Q2", "R1", "Q", "2025-03-12", "2025-03-13"),  # 2 days after Q1, but at R1: no
        stay("O1", "R1", "P", "2025-01-06", "2025-01-06", med_type="11"),  # outpatient: never an A
        stay("O2", "R1", "P", "2025-01-10", "2025-01-11"),  # ... but B is: 2 days after B's end -> yes
    ]
    rows += [stay(f"Z{i}", "R1", f"Z{i}", "2025-07-01", "2025-07-03") for i in range(18)]
    add(ws, *rows)
    p = rs.compute(ws, "institution", "2025-01-01", "2025-12-31")
    e = p.entity(("R1",))
    # I = B C D E F G Q2 O2 + 18 = 26; readmissions B D E O2 = 4
    assert e.values["readmission_15d_rate"] == risk.round_half_up(Fr(4, 26), 6) == Fr(153846, 10**6)
    march = next(t for t in p.trend("R1") if t.month == "2025-03")  # C D E Q2: D E
    assert march.values["readmission_15d_rate"] == Fr(1, 2)
    jan = next(t for t in p.trend("R1") if t.month == "2025-01")  # B O2 inpatient, O1 outpatient
    assert jan.values["readmission_15d_rate"] == 1 and jan.values["inpatient_share"] == Fr(666667, 10**6)
    # stay days: B 3, C 2, D 2, E 1, F 19, G 2, Q2 1, O2 1, 18 x 2 -> 67 / 26; one-day: E Q2 O2
    assert e.values["stay_days"] == risk.round_half_up(Fr(67, 26), 6)
    assert e.values["one_day_stay_share"] == risk.round_half_up(Fr(3, 26), 6)
    # weekend admissions: B 2025-01-05 Sunday, C 2025-03-01 Saturday, F 2025-06-01 Sunday (O2: a Friday)
    assert e.values["weekend_admission_share"] == risk.round_half_up(Fr(3, 26), 6)
    assert p.entity(("R2",)).values["stay_days"] is None  # one stay: below the volume floor


def test_volume_floor_and_unscreened_measures(ws):
    rows = [stay(f"S{i}", "V1", f"P{i}", "2025-02-01", "2025-02-03", fee=100_00) for i in range(19)]
    rows += [stay(f"T{i}", "V1", f"P{i}", "2025-02-04", "2025-02-04", fee=10_00, med_type="11") for i in range(20)]
    add(ws, *rows)
    e = rs.compute(ws, "institution", "2025-01-01", "2025-12-31").entity(("V1",))
    assert e.values["cost_per_stay"] is None and e.values["stay_days"] is None  # |I| = 19
    assert e.values["cost_per_visit"] == Fr(10)  # |N| = 20: at the floor, compared
    assert e.values["inpatient_share"] == risk.round_half_up(Fr(19, 39), 6)
    assert e.values["visits_per_person"] == risk.round_half_up(Fr(39, 20), 6)
    assert e.values["flagged_setl_share"] is None and e.values["flagged_amount_per_10k"] is None
    assert e.values["drug_share"] is None  # no fee lines: no amount
    assert e.tier == "none" and e.settlements == 39 and e.fee_lines == 0


def test_9i_group_and_pharmacies(ws):
    peer_store(ws)
    add(ws, stay("X-1", "X1", "PX", "2025-05-01", "2025-05-04", lv="9"),
        stay("X-2", "X1", "PX", "2025-05-10", "2025-05-10", lv="9", med_type="11"))
    p = rs.compute(ws, "institution", "2025-01-01", "2025-12-31")
    assert p.entity(("X1",)).peer_group == "9i"
    assert {p.entity((f"P{i}",)).peer_group for i in range(1, 6)} == {"9"}
    assert {p.entity((f"H{i}",)).peer_group for i in range(1, 7)} == {"1"}
    assert p.entity(("X1",)).tier == "none"  # alone in its group
    # the outlier H6 charges ten times as much per stay: percentile 100 * 5.5/6, above fence_high
    h6 = p.entity(("H6",))
    assert h6.percentiles["cost_per_stay"] == Fr(275, 3) and "cost_per_stay" in h6.robust_flags
    assert h6.tier == "high" and h6.rank == 1
    g = p.group("1", "cost_per_stay")
    peers = sorted(e.values["cost_per_stay"] for e in p.peers("1"))
    assert g.n == 6 and g.q1 == peers[1] + Fr(1, 4) * (peers[2] - peers[1])
    assert [x.rank for x in p.entities] == list(range(1, len(p.entities) + 1))
    assert all(t.values["stay_days"] is None for t in p.trends if t.code.startswith("P"))


def test_flag_measures_count_distinct_keys_with_their_largest_positive_amount(ws):
    ids = peer_store(ws)
    sid, other = ids["H1"][0], ids["H1"][2]
    add_flags(ws, [(sid, "1", 300_00), (sid, "1", 500_00), (sid, None, 200_00), (sid, "2", -50_00),
                   (other, None, -10_00)])
    add_flags(ws, [(sid, "1", 100_00)], rule="OTHER")
    p = rs.compute(ws, "institution", "2025-01-01", "2025-12-31")
    e = p.entity(("H1",))
    assert e.values["flagged_setl_share"] == risk.round_half_up(Fr(2, 48), 6)
    total = sum(3000_00 + 100_00 + 10_00 * k for k in range(24)) + sum(200_00 + 10_00 + k * 100 for k in range(24))
    assert e.values["flagged_amount_per_10k"] == risk.round_half_up(10000 * Fr(500_00 + 200_00, total), 6)
    assert p.entity(("H2",)).values["flagged_setl_share"] == 0  # screened, nothing flagged
    d = rs.compute(ws, "doctor", "2025-01-01", "2025-12-31")
    dr = d.entity(("H1", "内科", "医生1"))
    # lines 1 and 2 of sid carry line-level flags (a negative amount is still a flag); settlement-level ones do not
    assert dr.values["dr_flagged_line_share"] == risk.round_half_up(Fr(2, 48), 6)
    assert dr.values["dr_lines_per_setl"] == 2 and dr.settlements == 24


def test_doctors_peer_groups_and_low_volume(ws):
    peer_store(ws)
    add(ws, stay("L-1", "H1", "X", "2025-05-01", "2025-05-03"),
        line("L-1", "1", bilg_dept_name="内科", bilg_dr_name="新医生"), line("L-1", "2", bilg_dept_name="内科",
                                                                          bilg_dr_name=""))
    p = rs.compute(ws, "doctor", "2025-01-01", "2025-12-31")
    assert p.excluded_low_volume == 1
    assert {e.peer_group for e in p.entities} == {"1|内科", "1|门诊"}
    assert p.fingerprint is None and p.benford == () and p.trends == ()
    doc = rs.to_json(p)
    assert doc["entities"][0]["key"].keys() == {"fixmedins_code", "bilg_dept_name", "bilg_dr_name"}
    # name: the institution's name (that of its latest settlement of the period)
    assert {e["key"]["fixmedins_code"]: e["name"] for e in doc["entities"]}["H1"] == "医院H1"
    assert doc["profile_id"] is None and doc["excluded_low_volume"] == 1


def test_period_rules(ws):
    with pytest.raises(UsageError):
        rs.compute(ws)  # no settlement at all
    add(ws, stay("A", "R1", "P", "2024-03-01", "2024-03-02"), stay("B", "R1", "P", "2025-08-01", "2025-08-02"))
    assert (rs.compute(ws).date_from, rs.compute(ws).date_to) == ("2025-01-01", "2025-12-31")
    for a, b in (("2025-01-01", None), ("2025-02-01", "2025-01-01"), ("2025-09-01", "2025-09-30"),
                 ("2025-13-01", "2025-12-31")):
        with pytest.raises(UsageError):
            rs.compute(ws, "institution", a, b)


def test_same_store_gives_byte_identical_json_and_stores_one_profile_each_run(ws):
    ids = peer_store(ws)
    add_flags(ws, [(ids["H3"][0], None, 100_00)])
    a, b = rs.compute(ws), rs.compute(ws)
    assert rs.dumps(rs.to_json(a)) == rs.dumps(rs.to_json(b))
    stored = rs.run(ws)
    assert stored.profile_id is not None
    doc = rs.to_json(stored)
    assert rs.dumps({**doc, "profile_id": None}) == rs.dumps(rs.to_json(a))
    sp = rs.stored(ws)
    assert sp.profile_id == stored.profile_id and sp.fingerprint == a.fingerprint and sp.tiers == a.tiers()
    assert sp.fingerprint == risk.fingerprint(sp.tiers)
    with ws.store.read() as s:
        ev = s.execute(select(EventRow).where(EventRow.action == "risk.profile")).scalars().all()
        assert len(ev) == 1 and json.loads(ev[0].details)["fingerprint"] == a.fingerprint
        assert s.execute(select(RiskProfileRow)).scalars().one().params == json.dumps(risk.PARAMS, sort_keys=True)
    rs.run(ws, "doctor")  # a doctor-level run is not stored
    assert len(rs.list_stored(ws)) == 1
    with pytest.raises(NotFound):
        rs.stored(ws, 999)


def test_json_shape(ws):
    peer_store(ws)
    mark_screened(ws)
    doc = rs.to_json(rs.compute(ws), "en")
    assert [m["id"] for m in doc["measures"]] == [m.id for m in risk.INSTITUTION_MEASURES]
    assert doc["measures"][1] == {"id": "cost_per_stay", "name": "Cost per inpatient stay", "unit": "yuan",
                                  "direction": "both"}
    e = next(x for x in doc["entities"] if x["key"] == {"fixmedins_code": "H1"})
    assert e["name"] == "医院H1" and e["settlements"] == 48 and e["fee_lines"] == 72
    assert isinstance(e["values"]["cost_per_stay"], str) and e["values"]["cost_per_stay"].count(".") == 1
    assert len(e["values"]["cost_per_stay"].split(".")[1]) == 2
    assert set(e["values"]) == set(e["percentiles"]) == {m.id for m in risk.INSTITUTION_MEASURES}
    assert [(g["peer_group"]) for g in doc["groups"]] == sorted(g["peer_group"] for g in doc["groups"])
    assert [t["month"] for t in doc["trends"] if t["fixmedins_code"] == "H1"] == [f"2025-{m:02d}" for m in
                                                                                   range(1, 13)]
    assert [b["fixmedins_code"] for b in doc["benford"]] == sorted(b["fixmedins_code"] for b in doc["benford"])
    assert all(b["conformity"] == "too_few" and b["mad"] is None for b in doc["benford"])
    assert doc["screened"] is True
    text = rs.dumps(doc)
    import re
    assert not re.search(r"\d\.\d{7,}", text)  # no number with more than 6 decimals
    for x in doc["entities"]:
        for m in doc["measures"]:
            v = x["values"][m["id"]]
            is_amount = isinstance(v, str) and re.fullmatch(r"-?\d+\.\d\d", v) is not None
            assert v is None or is_amount == (m["unit"] == "yuan")


def test_settlements_behind_a_flag(ws):
    from workstation.services import risk_drill

    add(ws, stay("A", "R1", "P", "2024-12-20", "2024-12-28"), stay("B", "R1", "P", "2025-01-05", "2025-01-08"),
        stay("C", "R1", "P", "2025-03-01", "2025-03-01"), stay("D", "R1", "Q", "2025-03-04", "2025-03-09", fee=9_00),
        line("B", "1", med_chrgitm_type="09", bilg_dept_name="内科", bilg_dr_name="甲"),
        line("D", "1", med_chrgitm_type="03", bilg_dept_name="内科", bilg_dr_name="甲"),
        line("D", "2", med_chrgitm_type="03", bilg_dept_name="内科", bilg_dr_name="甲"))
    add_flags(ws, [("D", "2", 5_00), ("C", None, 7_00)])
    behind = lambda m, key=("R1",): [r.setl_id for r in risk_drill.settlements_behind(
        ws, "2025-01-01", "2025-12-31", key, m)]
    assert behind("readmission_15d_rate") == ["B"]
    assert behind("one_day_stay_share") == ["C"]
    assert behind("weekend_admission_share") == ["B", "C"]  # Sunday, Saturday
    assert behind("stay_days") == ["D", "B", "C"]
    assert behind("exam_lab_share") == ["D"] and behind("drug_share") == ["B"]
    assert behind("flagged_amount_per_10k") == ["C", "D"]
    assert behind("dr_flagged_line_share", ("R1", "内科", "甲")) == ["D"]
    assert behind("dr_lines_per_setl", ("R1", "内科", "甲")) == ["D", "B"]
