"""Contract profiles: seeds carry the new sections, the editor validates and logs."""
import json

import pytest
from sqlalchemy import select

from workstation.core.errors import BadInput, Conflict, NotPermitted
from workstation.services import profile_service as ps
from workstation.store.models.identity import EventRow


def test_seed_profiles_keep_old_keys_and_add_sections(ws):
    profiles = {p["id"]: p for p in ps.list_profiles(ws)}
    assert set(profiles) == {"luoyang-2024", "huaiyang-2025", "xinxiang-2025", "mentougou-2024", "xinjiang-2024"}
    for p in profiles.values():
        assert {"rule_params", "sampling_presets", "pass_rate", "fees"} <= set(p)
        assert {"staffing", "deadlines", "training", "reports", "volumes", "staff_change", "attendance"} <= set(p)
        assert ps.validate_profile(p) == [], p["id"]
    assert [t["id"] for t in profiles["xinjiang-2024"]["staffing"]] == [
        "total", "project-lead", "inspection-lead", "age", "education"]
    assert profiles["xinjiang-2024"]["staff_change"] == {"notice_days": 15, "approval_required": True,
                                                         "penalty_rate": "0.05"}
    assert profiles["luoyang-2024"]["training"]["period"] == "quarter"
    assert profiles["huaiyang-2025"]["staffing"] == [] and profiles["mentougou-2024"]["staffing"] == []


def test_create_edit_and_log(ws):
    p = ps.create_profile(ws, "zhengzhou-2026", "郑州项目", "Zhengzhou project", copy_of="xinjiang-2024")
    assert p["staffing"] == ps.get_profile(ws, "xinjiang-2024")["staffing"]
    p["staffing"][0]["min"] = 20
    p["deadlines"] = {"settlement_workdays": 10}
    ps.save_profile(ws, p)
    assert ps.get_profile(ws, "zhengzhou-2026")["staffing"][0]["min"] == 20
    with ws.store.read() as s:
        actions = [e.action for e in s.execute(select(EventRow).where(EventRow.entity == "profile",
                                                                     EventRow.entity_id == "zhengzhou-2026"))
                   .scalars()]
    assert actions == ["profile.add", "profile.change"]
    with pytest.raises(Conflict):
        ps.create_profile(ws, "zhengzhou-2026", "x", "x")
    ps.set_active_profile(ws, "zhengzhou-2026")
    assert ps.active_profile(ws)["id"] == "zhengzhou-2026"


@pytest.mark.parametrize("change,needle", [
    ({"id": "Bad Id"}, "id"),
    ({"name_zh": ""}, "name_zh"),
    ({"period": {"from": "2025-12-31", "to": "2025-01-01"}}, "period"),
    ({"staffing": [{"id": "t", "kind": "count"}]}, "min, max or exact"),
    ({"staffing": [{"id": "t", "kind": "nonsense", "min": 1}]}, "kind"),
    ({"staffing": [{"id": "t", "kind": "count", "min": 3, "max": 2}]}, "min > max"),
    ({"staffing": [{"id": "a", "kind": "age_range", "min_age": 55, "max_age": 22}]}, "min_age"),
    ({"pass_rate": {"tiers": [{"below": "x", "deduction_rate": "0.02"}]}}, "pass_rate"),
    ({"deadlines": {"settle": "ten"}}, "deadlines"),
])
def test_validation_refuses_bad_profiles(ws, change, needle):
    data = {**ps.new_profile_template("new-one", "新", "New"), **change}
    problems = ps.validate_profile(data)
    assert any(needle in p for p in problems), problems
    with pytest.raises(BadInput):
        ps.save_profile(ws, data, create=True)


def test_only_admin_edits_profiles(ws, as_user):
    with pytest.raises(NotPermitted):
        ps.create_profile(as_user("supervisor"), "x-1", "x", "x")


def test_complete_builtin_adds_missing_keys_only(ws):
    p = ps.get_profile(ws, "luoyang-2024")
    del p["training"]
    p["fees"]["paid"] = "monthly"
    ps.save_profile(ws, p)
    assert ps.complete_builtin_profiles(ws) == 1
    q = ps.get_profile(ws, "luoyang-2024")
    assert q["training"]["period"] == "quarter" and q["fees"]["paid"] == "monthly"
    assert json.loads(json.dumps(q)) == q
