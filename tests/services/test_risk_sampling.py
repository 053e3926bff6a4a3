"""risk_tier as a stratum and a filter: drawn from the stored profile, re-drawn by verify, refused when stale."""
from __future__ import annotations

import pytest

from workstation.core.errors import NotFound, UsageError
from workstation.services import risk_service as rs, sampling_service as svc
from workstation.services.sampling_service import Plan
from tests.support.cli import run_inproc
from tests.support.risk_data import add_flags, peer_store, stay
from tests.support.screen_data import add
from tests.support.stores import PASSPHRASES


def _tiers(ws):
    return rs.stored(ws).tiers


def test_stratified_by_risk_tier_is_redrawn_by_verify_and_refused_after_the_data_changed(ws):
    ids = peer_store(ws)
    add(ws, stay("NOCODE", None, "Z", "2025-04-01", "2025-04-02"),  # no institution: tier none
        stay("X1-1", "X1", "Y", "2025-04-01", "2025-04-02", lv="2"))  # alone in its group: tier none
    ids["X1"] = ["X1-1"]
    prof = rs.run(ws, "institution", "2025-01-01", "2025-12-31")
    tiers = prof.tiers()
    assert tiers["H6"] == "high" and "none" in tiers.values()
    plan = Plan(method="stratified", seed="2026", date_from="2025-01-01", date_to="2025-12-31", rate="0.25",
                strata=["risk_tier"])
    out = svc.draw_and_store(ws, plan)
    assert out["params"]["risk_profile"] == {"id": prof.profile_id, "from": "2025-01-01", "to": "2025-12-31",
                                             "fingerprint": prof.fingerprint}
    # strata are the tier names, and each holds the settlements of the institutions of that tier
    sizes = {x["stratum"]: x["frame_size"] for x in out["strata"]}
    expect: dict[str, int] = {}
    for code, sids in ids.items():
        expect[tiers[code]] = expect.get(tiers[code], 0) + len(sids)
    expect["none"] = expect.get("none", 0) + 1
    assert sizes == expect
    high = set(ids["H6"])
    units = svc.units(ws, out["sample_id"])
    assert all((u["setl_id"] in high) == (u["stratum"] == "high") for u in units)
    v = svc.verify(ws, out["sample_id"])
    assert v["frame_matches"] and v["selection_matches"] and v["profile_matches"]
    # a filter on the tier: only the high-tier institution's settlements
    only = svc.draw_and_store(ws, Plan(method="srs", seed="7", date_from="2025-01-01", date_to="2025-12-31",
                                       size=5, conditions=[["risk_tier", "=", ["high", "medium"]]]))
    assert only["frame_size"] == sum(len(ids[c]) for c, t in tiers.items() if t in ("high", "medium"))
    assert set(only["selected"]) <= {sid for c, t in tiers.items() if t in ("high", "medium") for sid in ids[c]}
    assert svc.verify(ws, only["sample_id"])["profile_matches"]

    # the data change: every H1 settlement flagged heavily; H1 gains lead flags and its tier changes
    add_flags(ws, [(sid, None, 100000_00) for sid in ids["H1"]])
    assert rs.compute(ws, "institution", "2025-01-01", "2025-12-31").fingerprint != prof.fingerprint
    v = svc.verify(ws, out["sample_id"])
    assert v["profile_matches"] is False
    with pytest.raises(UsageError) as exc:
        svc.draw_and_store(ws, Plan(method="stratified", seed="2026", date_from="2025-01-01",
                                    date_to="2025-12-31", rate="0.25", strata=["risk_tier"]))
    assert "out of date" in exc.value.message("en")
    assert len(svc.list_samples(ws)) == 2  # nothing drawn


def test_bad_risk_tier_plans(ws):
    peer_store(ws)
    with pytest.raises(NotFound):  # no stored profile
        svc.preview(ws, Plan(method="stratified", seed="1", rate="0.1", strata=["risk_tier"]))
    rs.run(ws)
    for cond in (["risk_tier", "=", ["severe"]], ["risk_tier", ">", "1"]):
        with pytest.raises(UsageError):
            svc.preview(ws, Plan(method="srs", seed="1", rate="0.1", conditions=[cond]))
    with pytest.raises(NotFound):
        svc.preview(ws, Plan(method="srs", seed="1", rate="0.1", conditions=[["risk_tier", "!=", ["none"]]],
                             risk_profile={"id": "99"}))
    d = svc.preview(ws, Plan(method="stratified", seed="1", rate="0.1", strata=["risk_tier", "med_type"]))
    assert {x.stratum.split("|")[0] for x in d.strata} <= {"high", "medium", "low", "none"}
    assert {x.stratum.split("|")[1] for x in d.strata} == {"21", "11", "41"}


def test_cli_sample_by_risk_tier_and_verify_exit_codes(ws, monkeypatch):
    ids = peer_store(ws)
    db = str(ws.store.path)
    sup = dict(user="supervisor", passphrase=PASSPHRASES["supervisor"])
    r = run_inproc(["--db", db, "--json", "risk", "profile", "--from", "2025-01-01", "--to", "2025-12-31"],
                   monkeypatch, **sup)
    assert r.code == 0, r.err
    pid = r.json["profile_id"]
    r = run_inproc(["--db", db, "--json", "sample", "--method", "stratified", "--strata", "risk_tier", "--rate",
                    "0.2", "--seed", "99", "--risk-profile", str(pid), "--filter", "risk_tier!=none"],
                   monkeypatch, **sup)
    assert r.code == 0, r.err
    assert r.json["risk_profile"]["id"] == pid and {s["stratum"] for s in r.json["strata"]} <= {"high", "medium",
                                                                                                 "low"}
    sid = r.json["sample_id"]
    r = run_inproc(["--db", db, "--json", "sample", "verify", str(sid)], monkeypatch, **sup)
    assert r.code == 0 and r.json["profile_matches"] is True
    add_flags(ws, [(x, None, 100000_00) for x in ids["H2"]])  # leads change, tiers do not: still matches
    r = run_inproc(["--db", db, "--json", "sample", "verify", str(sid)], monkeypatch, **sup)
    assert r.code == 0 and r.json["profile_matches"] is True
    add(ws, stay("NEW-1", "H9", "N", "2025-11-01", "2025-11-03"))  # a new institution in the period
    r = run_inproc(["--db", db, "--json", "sample", "verify", str(sid)], monkeypatch, **sup)
    assert r.code == 1 and r.json["profile_matches"] is False
    r = run_inproc(["--db", db, "--json", "sample", "--method", "srs", "--filter", "risk_tier=high", "--size", "3",
                    "--seed", "1"], monkeypatch, **sup)
    assert r.code == 2 and r.out == ""
    r = run_inproc(["--db", db, "--json", "sample", "--method", "srs", "--size", "3", "--seed", "1", "--risk-profile",
                    str(pid)], monkeypatch, **sup)
    assert r.code == 2 and r.out == ""  # a profile without risk_tier: bad usage, nothing drawn
