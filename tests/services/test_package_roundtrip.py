"""Work packages: two reviewers on two laptops, results merged back, merged again, a conflict kept."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import func, select

from tests.support.review_data import seed_units
from tests.support.stores import FAST_KDF, PASSPHRASES
from workstation.core.errors import BadInput, WrongPassphrase
from workstation.services import audit_service, auth_service, evidence_service, package_merge, package_service
from workstation.services import review_service as rs
from workstation.store.models.claims import FeeLineRow, SettlementRow
from workstation.store.models.fieldwork import MergeConflictRow
from workstation.store.models.identity import EventRow
from workstation.store.models.review import EvidenceRow, FindingLineRow, FindingRow, ReviewUnitRow

PKG_PASS = "package-pass-1"
TABLES = (SettlementRow, FeeLineRow, ReviewUnitRow, FindingRow, FindingLineRow, EvidenceRow, MergeConflictRow,
          EventRow)


def counts(ws) -> dict[str, int]:
    with ws.store.read() as s:
        return {t.__tablename__: s.execute(select(func.count()).select_from(t)).scalar_one() for t in TABLES}


def laptop(tmp_path, user):
    return auth_service.create_store(tmp_path / f"laptop-{user}.db", user, PASSPHRASES[user], kdf=FAST_KDF)


def unit_by_setl(ws, setl_id):
    with ws.store.read() as s:
        return s.execute(select(ReviewUnitRow.id).where(ReviewUnitRow.setl_id == setl_id)).scalar_one()


def lines_of(ws, setl_id):
    with ws.store.read() as s:
        return list(s.execute(select(FeeLineRow.id).where(FeeLineRow.setl_id == setl_id)
                              .order_by(FeeLineRow.feedetl_sn)).scalars())


def finding_by_uuid(ws, u):
    """(id, uuid, note) of the finding, read while its session is open."""
    from types import SimpleNamespace

    with ws.store.read() as s:
        row = s.execute(select(FindingRow).where(FindingRow.uuid == u)).scalar_one()
        return SimpleNamespace(id=row.id, uuid=row.uuid, note=row.note)


@pytest.fixture
def office(ws, as_user):
    """The supervisor's store: 3 units for reviewer, 3 for reviewer2, one finding already made on the first."""
    a = seed_units(ws, n=3, reviewer="reviewer", seed=1, prefix="A")
    b = seed_units(ws, n=3, reviewer="reviewer2", seed=2, prefix="B")
    rev = as_user("reviewer")
    fid = rs.create_finding(rev, a["units"][0], a["lines"][a["units"][0]][:1], "duplicate_charge", note="first look")
    sup = as_user("supervisor")
    return {"sup": sup, "a": a, "b": b, "shared_finding": _uuid(ws, fid)}


def _uuid(ws, fid):
    with ws.store.read() as s:
        return s.get(FindingRow, fid).uuid


def test_two_reviewers_round_trip_merge_twice_and_conflict(tmp_path, office):
    sup = office["sup"]
    p1, p2 = tmp_path / "reviewer.wspkg", tmp_path / "reviewer2.wspkg"
    r1 = package_service.export_work(sup, p1, PKG_PASS, users=["reviewer"])
    r2 = package_service.export_work(sup, p2, PKG_PASS, users=["reviewer2"])
    assert (r1.units, r1.findings, r2.units, r2.findings) == (3, 1, 3, 0)

    # Nothing else travels: only the assigned settlements, no users' key slots.
    manifest = package_service.fmt.read_manifest(p1)
    assert manifest["for"] == ["reviewer"] and manifest["kind"] == "work"
    pkg = package_service.fmt.open_package(p1, PKG_PASS)
    assert sorted(s["setl_id"] for s in pkg.payload["settlements"]) == sorted(office["a"]["setl"])
    assert "slots" not in json.dumps(pkg.payload) and "users" not in pkg.payload

    l1, l2 = laptop(tmp_path, "reviewer"), laptop(tmp_path, "reviewer2")
    try:
        i1 = package_service.import_package(l1, p1, PKG_PASS)
        assert (i1.units, i1.findings) == (3, 1)
        assert package_service.import_package(l1, p1, PKG_PASS).extra["already_imported"] is True
        package_service.import_package(l2, p2, PKG_PASS)

        # Review on laptop 1: a finding on two lines with an evidence file, decisions, and an edit of the
        # finding that already existed in the office.
        a_setl = office["a"]["setl"]
        u0, u1 = unit_by_setl(l1, a_setl[0]), unit_by_setl(l1, a_setl[1])
        f_new = rs.create_finding(l1, u1, lines_of(l1, a_setl[1])[:2], "duplicate_charge", note="两项重复收费")
        evidence_service.attach(l1, f_new, "photo.png", b"\x89PNG\r\n\x1a\n" + b"x" * 200)
        rs.decide_unit(l1, u1, "violation")
        shared = finding_by_uuid(l1, office["shared_finding"])
        rs.update_finding(l1, shared.id, note="laptop says: duplicate")
        rs.decide_unit(l1, unit_by_setl(l1, a_setl[2]), "compliant")
        # Review on laptop 2.
        b_setl = office["b"]["setl"]
        u = unit_by_setl(l2, b_setl[0])
        rs.create_finding(l2, u, lines_of(l2, b_setl[0])[:1], "duplicate_charge", status="doubtful")
        rs.decide_unit(l2, u, "doubtful")

        # Meanwhile in the office the supervisor edits the same shared finding.
        rs.update_finding(sup, finding_by_uuid(sup, office["shared_finding"]).id, note="office says: fine")

        out1, out2 = tmp_path / "results1.wspkg", tmp_path / "results2.wspkg"
        res1 = package_service.export_results(l1, out1, PKG_PASS)
        package_service.export_results(l2, out2, PKG_PASS)
        assert res1.units == 3 and res1.findings == 2 and res1.extra["events"] > 0

        m1 = package_merge.merge_results(sup, out1, PKG_PASS)
        m2 = package_merge.merge_results(sup, out2, PKG_PASS)
        assert m1.conflicts == 1 and m1.findings == 1 and m1.units == 2
        assert m2.conflicts == 0 and m2.findings == 1 and m2.units == 1

        before = counts(sup)
        again1 = package_merge.merge_results(sup, out1, PKG_PASS)
        again2 = package_merge.merge_results(sup, out2, PKG_PASS)
        assert again1.extra["already_merged"] and again2.extra["already_merged"]
        assert (again1.units, again1.findings, again1.conflicts) == (0, 0, 0)
        assert counts(sup) == before

        # The new finding arrived with its two lines and its evidence; the decision too.
        with sup.store.read() as s:
            f = s.execute(select(FindingRow).where(FindingRow.note == "两项重复收费")).scalar_one()
            assert s.execute(select(func.count()).select_from(FindingLineRow)
                             .where(FindingLineRow.finding_id == f.id)).scalar_one() == 2
            ev = s.execute(select(EvidenceRow).where(EvidenceRow.finding_id == f.id)).scalar_one()
            assert ev.file_name == "photo.png" and ev.size == 208
            unit = s.execute(select(ReviewUnitRow).where(ReviewUnitRow.setl_id == a_setl[1])).scalar_one()
            assert unit.status == "violation" and unit.decided_by == "reviewer"
            # Remote events keep their author, time and origin.
            remote = s.execute(select(EventRow.event_id, EventRow.at, EventRow.user, EventRow.origin_seq)
                               .where(EventRow.origin == l1.store_id)).all()
            assert remote and {e.user for e in remote} == {"reviewer"}
            assert all(e.origin_seq is not None for e in remote)
        with l1.store.read() as s:
            laptop_events = {e.event_id: e.at for e in s.execute(select(EventRow)).scalars()}
        assert all(laptop_events[e.event_id] == e.at for e in remote)

        # The conflicting edit is kept as two versions, the local one untouched.
        conflicts = package_merge.list_conflicts(sup)
        assert len(conflicts) == 1
        c = conflicts[0]
        assert c.entity == "finding" and c.entity_uuid == office["shared_finding"]
        assert c.local["note"] == "office says: fine" and c.remote["note"] == "laptop says: duplicate"
        assert finding_by_uuid(sup, office["shared_finding"]).note == "office says: fine"

        package_merge.resolve_conflict(sup, c.id, "remote")
        assert finding_by_uuid(sup, office["shared_finding"]).note == "laptop says: duplicate"
        assert package_merge.list_conflicts(sup) == []
        # Merging once more still changes nothing, even after the resolution.
        before = counts(sup)
        package_merge.merge_results(sup, out1, PKG_PASS)
        assert counts(sup) == before

        # Undo in the office only ever reverts the office's own events: merged events carry the laptops'
        # unit and finding ids (laptop 2's finding 1 is not the office's finding 1).
        assert rs.undo(sup, office["a"]["units"][0]) == "review.finding.update"
        with sup.store.read() as s:
            assert s.execute(select(FindingRow.deleted).where(
                FindingRow.uuid == office["shared_finding"])).scalar_one() is False

        for w in (sup, l1, l2):
            check = audit_service.verify(w)
            assert check.valid, check
    finally:
        l1.close()
        l2.close()


def test_second_results_package_from_same_laptop_applies_only_new_work(tmp_path, office):
    sup = office["sup"]
    p1 = tmp_path / "w.wspkg"
    package_service.export_work(sup, p1, PKG_PASS, users=["reviewer"])
    l1 = laptop(tmp_path, "reviewer")
    try:
        package_service.import_package(l1, p1, PKG_PASS)
        setl = office["a"]["setl"][1]
        u = unit_by_setl(l1, setl)
        fid = rs.create_finding(l1, u, lines_of(l1, setl)[:1], "duplicate_charge", note="v1")
        package_service.export_results(l1, tmp_path / "r1.wspkg", PKG_PASS)
        assert package_merge.merge_results(sup, tmp_path / "r1.wspkg", PKG_PASS).conflicts == 0
        rs.update_finding(l1, fid, note="v2")
        package_service.export_results(l1, tmp_path / "r2.wspkg", PKG_PASS)
        second = package_merge.merge_results(sup, tmp_path / "r2.wspkg", PKG_PASS)
        assert second.conflicts == 0 and second.findings == 1
        with sup.store.read() as s:
            assert s.execute(select(FindingRow.note).where(FindingRow.note.in_(("v1", "v2")))).scalars().all() == ["v2"]
        assert audit_service.verify(sup).valid
    finally:
        l1.close()


def test_tampered_package_is_refused(tmp_path, office):
    path = tmp_path / "w.wspkg"
    package_service.export_work(office["sup"], path, PKG_PASS, users=["reviewer"])
    data = bytearray(path.read_bytes())
    l1 = laptop(tmp_path, "reviewer")
    try:
        # one byte in the ciphertext, one in the authenticated header (the expiry date)
        for pos in (len(data) - 40, data.index(b'"expires":"') + 12):
            bad = bytearray(data)
            bad[pos] ^= 0x01
            path.write_bytes(bytes(bad))
            with pytest.raises(BadInput) as err:
                package_service.import_package(l1, path, PKG_PASS)
            assert "篡改" in err.value.message("zh_CN") and "tampered" in err.value.message("en")
        path.write_bytes(bytes(data))
        with pytest.raises(WrongPassphrase):
            package_service.import_package(l1, path, "not the passphrase")
        with l1.store.read() as s:
            assert s.execute(select(func.count()).select_from(ReviewUnitRow)).scalar_one() == 0
    finally:
        l1.close()


def test_expired_package_is_refused(tmp_path, office):
    path = tmp_path / "w.wspkg"
    package_service.export_work(office["sup"], path, PKG_PASS, users=["reviewer"])
    pkg = package_service.fmt.open_package(path, PKG_PASS)
    # The same package as its sender would have written it with yesterday as the expiry date.
    yesterday = (dt.date.today() - dt.timedelta(days=1)).isoformat()
    package_service.fmt.write_package(path, pkg.manifest | {"expires": yesterday}, pkg.payload, PKG_PASS)
    l1 = laptop(tmp_path, "reviewer")
    try:
        with pytest.raises(BadInput) as err:
            package_service.import_package(l1, path, PKG_PASS)
        assert "过期" in err.value.message("zh_CN") and f"expired on {yesterday}" in err.value.message("en")
    finally:
        l1.close()


def test_only_supervisors_export_and_merge(tmp_path, office, as_user):
    from workstation.core.errors import NotPermitted

    with pytest.raises(NotPermitted):
        package_service.export_work(as_user("reviewer"), tmp_path / "x.wspkg", PKG_PASS, users=["reviewer"])
    assert not (tmp_path / "x.wspkg").exists()
