"""Inspection records travel in work packages: out to the laptop, signed there, back in the results."""
from __future__ import annotations

from tests.support.inspection_data import INTERVIEW, photo_jpeg, sealed_interview, signature_png
from tests.support.review_data import seed_units
from tests.support.stores import FAST_KDF, PASSPHRASES
from workstation.services import audit_service, auth_service, inspection_service as ins, package_merge, package_service

PKG = "package-pass-1"


def test_inspection_goes_out_is_signed_on_the_laptop_and_merges_back(ws, as_user, tmp_path):
    seed_units(ws, n=2, reviewer="reviewer", seed=1, prefix="A")
    sup = as_user("supervisor")
    iid, sealed_id, sealed_hash = sealed_interview(ws)  # team: admin, reviewer
    draft = ins.create_record(ws, iid, "interview", INTERVIEW)  # to be finished on site
    ins.add_attachment(ws, draft, "ward.jpg", photo_jpeg())
    work = tmp_path / "work.wspkg"
    package_service.export_work(sup, work, PKG, users=["reviewer"])

    lap = auth_service.create_store(tmp_path / "laptop.db", "reviewer", PASSPHRASES["reviewer"], kdf=FAST_KDF)
    try:
        res = package_service.import_package(lap, work, PKG)
        assert res.units == 2
        [insp] = ins.list_inspections(lap)
        by_uuid = {r.uuid: r for r in insp.records}
        office_sealed, office_draft = ins.record(ws, sealed_id), ins.record(ws, draft)
        assert by_uuid[office_sealed.uuid].seal_hash == sealed_hash and by_uuid[office_sealed.uuid].sealed
        assert by_uuid[office_draft.uuid].status == "draft"
        assert ins.verify_seals(lap) == []  # the received seal is in the laptop's log too
        lap_draft = by_uuid[office_draft.uuid].id
        h = ins.sign_and_seal(lap, lap_draft, signatures=[("interviewee", signature_png(7)),
                                                          ("interviewer", signature_png(8))])
        site = ins.create_record(lap, insp.id, "site", ins.RecordContent(text="核对耗材台账", interviewer="reviewer"))
        h_site = ins.sign_and_seal(lap, site, signed_paper=("paper.jpg", photo_jpeg()))
        results = tmp_path / "results.wspkg"
        package_service.export_results(lap, results, PKG)
    finally:
        lap.close()

    package_merge.merge_results(sup, results, PKG)
    merged = {r.uuid: r for r in ins.inspection(ws, iid).records}
    assert merged[office_draft.uuid].sealed and merged[office_draft.uuid].seal_hash == h
    assert len(merged[office_draft.uuid].attachments) == 3
    assert {r.seal_hash for r in merged.values()} == {sealed_hash, h, h_site}
    assert ins.verify_seals(ws) == []
    assert audit_service.verify(ws).valid
    # merging again changes nothing
    package_merge.merge_results(sup, results, PKG)
    assert len(ins.inspection(ws, iid).records) == 3
