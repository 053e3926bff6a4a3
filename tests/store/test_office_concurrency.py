"""Many people at once on one office server (office.md): one valid chain, nothing lost."""
from __future__ import annotations

import threading

import pytest
from sqlalchemy import text

from bench.server_writers import run_writers
from tests.support.review_data import seed_units
from tests.support.stores import FAST_KDF, new_server_store
from workstation.core.errors import Conflict
from workstation.core.identity import Role
from workstation.services import audit_service, auth_service, review_service as rs
from workstation.services.catalog_service import violations


@pytest.fixture
def ws(pg_cluster, pg_database):
    workspace = new_server_store(pg_cluster, pg_database)
    yield workspace
    workspace.close()


def test_eight_processes_recording_at_once_leave_one_valid_chain(ws):
    writers = {}
    for k in range(8):
        name = f"rev{k}"
        auth_service.add_user(ws, name, Role.REVIEWER, f"{name}-pass", kdf=FAST_KDF)
        units = seed_units(ws, n=2, lines=2, reviewer=name, seed=k, prefix=f"C{k}")["units"]
        writers[name] = (f"{name}-pass", units)
    before = audit_service.verify(ws).events
    n = 12
    out = run_writers(str(ws.store.path), writers, n, violations()[0].code)
    assert out["errors"] == []
    ids = [i for v in out["ids"].values() for i in v]
    assert len(ids) == 8 * n and len(set(ids)) == 8 * n  # nothing lost, nothing saved twice
    with ws.store.read() as s:
        notes = s.execute(text("SELECT created_by, note FROM findings")).all()
        creates = s.execute(text("SELECT count(*) FROM events WHERE action = 'review.finding.create'")).scalar_one()
    assert sorted(notes) == sorted((u, f"{u}#{i}") for u in writers for i in range(n))
    assert creates == 8 * n
    check = audit_service.verify(ws)
    assert check.valid and check.first_bad_event is None and check.events == before + 8 * n


def test_outdated_save_is_refused_naming_who_and_when(ws, as_user):
    units = seed_units(ws, n=1, reviewer="reviewer")["units"]
    rv, sv = as_user("reviewer"), as_user("supervisor")
    fid = rs.create_finding(rv, units[0], [], violations()[0].code, note="first")
    seen = rs.unit(rv, units[0]).findings[0].version
    rs.update_finding(sv, fid, expected_version=seen, note="supervisor's correction")
    with pytest.raises(Conflict) as caught:
        rs.update_finding(rv, fid, expected_version=seen, note="reviewer's late edit")
    msg = caught.value.message("en")
    assert "supervisor" in msg and " UTC" in msg  # who changed it and when
    with ws.store.read() as s:
        assert s.execute(text("SELECT note FROM findings WHERE id = :i"), {"i": fid}).scalar_one() == \
            "supervisor's correction"


def test_two_simultaneous_saves_of_one_finding_one_wins_one_is_refused(ws, as_user):
    """Both read version v and save at once: the row lock makes the second see v+1 and refuse."""
    units = seed_units(ws, n=1, reviewer="reviewer")["units"]
    rv = as_user("reviewer")
    fid = rs.create_finding(rv, units[0], [], violations()[0].code, note="0")
    v = rs.unit(rv, units[0]).findings[0].version
    people = [as_user("reviewer"), as_user("supervisor")]
    results: list = [None, None]
    start = threading.Barrier(2)

    def save(k: int) -> None:
        start.wait()
        try:
            results[k] = rs.update_finding(people[k], fid, expected_version=v, note=f"by {k}")
        except Conflict as exc:
            results[k] = exc

    threads = [threading.Thread(target=save, args=(k,)) for k in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(type(r).__name__ for r in results) == ["Conflict", "int"]


def test_outdated_decision_on_a_unit_is_refused_naming_who_and_when(ws, as_user):
    units = seed_units(ws, n=1, reviewer="reviewer")["units"]
    rv, sv = as_user("reviewer"), as_user("supervisor")
    seen = rs.unit(rv, units[0]).version
    rs.decide_unit(sv, units[0], "doubtful", expected_version=seen)
    with pytest.raises(Conflict) as caught:
        rs.decide_unit(rv, units[0], "compliant", expected_version=seen)
    assert "supervisor" in caught.value.message("en") and "UTC" in caught.value.message("en")
    assert rs.unit(rv, units[0]).status == "doubtful"
