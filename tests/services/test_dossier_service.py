"""Dossier workflow on a real encrypted store: compile, submit, approve, return, lock, correct."""
from __future__ import annotations

import json
import random
import shutil
import subprocess

import pypdfium2 as pdfium
import pytest
from sqlalchemy import select, update
from sqlalchemy.exc import DatabaseError

from tests.support.dossier_data import seed
from tests.support.stores import PASSPHRASES
from workstation.core.errors import Conflict, NotPermitted, UsageError
from workstation.services import dossier_service as ds
from workstation.services import signing
from workstation.store.models.identity import EventRow
from workstation.store.models.review import FindingRow

INST = "H41070001"


@pytest.fixture
def data(ws):
    return seed(ws, random.Random(7))


def _actions(ws, entity_id) -> list[str]:
    with ws.store.read() as s:
        return list(s.execute(select(EventRow.action).where(EventRow.entity == "dossier",
                                                            EventRow.entity_id == str(entity_id))
                              .order_by(EventRow.seq)).scalars())


def _text(pdf: bytes) -> str:
    doc = pdfium.PdfDocument(pdf)
    return "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))


def test_build_compiles_every_part(ws, data, as_user):
    rv = as_user("reviewer")
    did = ds.build(rv, institution=INST)
    info = ds.get(rv, did)
    assert info.status == "draft" and info.preparer == "reviewer" and info.findings == len(data["findings"])
    snap = ds.snapshot(rv, did)
    assert snap["frame"] == {"units_in_frame": 40, "sampled": 20, "reviewed": 20}
    assert sum(v["count"] for v in snap["violations"]) == len(data["findings"])
    assert snap["violations_total"]["amount"].count(".") == 1 and len(snap["violations_total"]["amount"].split(".")[1]) == 2
    ap = snap["appraisal"]
    # built without --sample: not extrapolated (sampling.md, "no sample"); the claim is what was confirmed
    assert ap["design"] == "none" and ap["method"] == "found" and ap["reason"] == "no_sample"
    assert ap["claimed"] == ap["point"] == ap["lower"] == ap["found"] and ap["upper"] is None
    assert len(snap["appeals"]) == 1 and snap["appeals"][0]["outcome"] == "upheld"
    f0 = snap["findings"][0]
    assert f0["lines"] and f0["evidence"][0]["sha256"] and "*" in f0["person"]
    text = _text(ds.pdf_bytes(rv, did))
    for needle in ("医疗保障基金稽核卷宗", "目录", "一、概况", "二、违规情况", "三、推算与主张金额", "四、申诉及处理结果",
                   "五、发现明细", "六、签名", f0["evidence"][0]["sha256"][:40], snap["number"], "新乡市医疗保险中心"):
        assert needle in text, needle
    pages = info.pages
    assert f"第 {pages} 页 共 {pages} 页" in text
    # no full ID number or full name in the PDF
    with ws.store.read() as s:
        from workstation.store.models.claims import SettlementRow

        certs = [c for c in s.execute(select(SettlementRow.certno)).scalars()]
    assert not any(c in text for c in certs)
    assert _actions(ws, did) == ["dossier.build"]


def test_build_needs_a_scope(ws, as_user):
    with pytest.raises(UsageError):
        ds.build(as_user("reviewer"))


def test_full_workflow_signs_twice_and_locks_the_findings(ws, data, as_user):
    rv, sv = as_user("reviewer"), as_user("supervisor")
    did = ds.build(rv, institution=INST)
    with pytest.raises(NotPermitted):  # only the preparer submits
        ds.submit(sv, did, PASSPHRASES["supervisor"])
    assert ds.submit(rv, did, PASSPHRASES["reviewer"]).status == "submitted"
    with pytest.raises(NotPermitted):  # a reviewer is not a supervisor
        ds.approve(as_user("reviewer2"), did, PASSPHRASES["reviewer2"])
    info = ds.approve(sv, did, PASSPHRASES["supervisor"])
    assert info.status == "locked" and info.approver == "supervisor" and info.approved_at
    pdf = ds.pdf_bytes(sv, did)
    res = ds.verify_bytes(sv, pdf)
    assert res.valid and [s["name"] for s in res.signers] == ["reviewer", "supervisor"]
    assert _actions(ws, did) == ["dossier.build", "dossier.submit", "dossier.approve", "dossier.lock"]
    snap = ds.snapshot(sv, did)
    assert snap["approval"]["event_head"]["seq"] > snap["event_head"]["seq"]
    # the findings it covers cannot change any more
    with pytest.raises((DatabaseError, NotPermitted), match="locked by an approved dossier"):
        with ws.store.session() as s:
            s.execute(update(FindingRow).where(FindingRow.id == data["findings"][0]).values(note="changed"))
    with pytest.raises(Conflict):
        ds.return_(sv, did, "too late")
    # nor their lines and evidence (part of the finding)
    from workstation.store.models.review import EvidenceRow, FindingLineRow

    fid = data["findings"][0]
    for stmt in (update(EvidenceRow).where(EvidenceRow.finding_id == fid).values(deleted=True),
                 FindingLineRow.__table__.delete().where(FindingLineRow.finding_id == fid),
                 FindingRow.__table__.delete().where(FindingRow.id == fid)):
        with pytest.raises((DatabaseError, NotPermitted), match="locked by an approved dossier"):
            with ws.store.session() as s:
                s.execute(stmt)


def test_preparer_cannot_approve_own_dossier(ws, data, as_user):
    sv = as_user("supervisor")
    did = ds.build(sv, institution=INST)
    ds.submit(sv, did, PASSPHRASES["supervisor"])
    with pytest.raises(NotPermitted):
        ds.approve(sv, did, PASSPHRASES["supervisor"])
    assert ds.get(sv, did).status == "submitted"


def test_return_with_comment_goes_back_to_draft_and_resubmits(ws, data, as_user):
    rv, sv = as_user("reviewer"), as_user("supervisor")
    did = ds.build(rv, institution=INST)
    ds.submit(rv, did, PASSPHRASES["reviewer"])
    with pytest.raises(UsageError):
        ds.return_(sv, did, "  ")
    info = ds.return_(sv, did, "请补充第 2 项的政策依据")
    assert info.status == "draft" and info.comments[-1]["text"] == "请补充第 2 项的政策依据"
    assert signing.verify_pdf(ds.pdf_bytes(rv, did), signing.ca_certificate_pem(ws)).problems  # unsigned again
    with ws.store.session() as s:  # the preparer fixes the finding while it is a draft
        s.execute(update(FindingRow).where(FindingRow.id == data["findings"][1]).values(basis="新依据"))
    ds.submit(rv, did, PASSPHRASES["reviewer"])
    assert "新依据" in json.dumps(ds.snapshot(rv, did), ensure_ascii=False)
    assert ds.approve(sv, did, PASSPHRASES["supervisor"]).status == "locked"
    assert "dossier.return" in _actions(ws, did)


def test_approval_is_refused_when_data_changed_after_submission(ws, data, as_user):
    rv, sv = as_user("reviewer"), as_user("supervisor")
    did = ds.build(rv, institution=INST)
    ds.submit(rv, did, PASSPHRASES["reviewer"])
    with ws.store.session() as s:
        s.execute(update(FindingRow).where(FindingRow.id == data["findings"][0]).values(amount=1))
    with pytest.raises(Conflict):
        ds.approve(sv, did, PASSPHRASES["supervisor"])


def test_a_correction_is_a_new_revision_referencing_the_old(ws, data, as_user):
    rv, sv = as_user("reviewer"), as_user("supervisor")
    did = ds.build(rv, institution=INST)
    ds.submit(rv, did, PASSPHRASES["reviewer"])
    ds.approve(sv, did, PASSPHRASES["supervisor"])
    old_pdf = ds.pdf_bytes(sv, did)
    with pytest.raises(NotPermitted):
        ds.revise(rv, did)
    new_id = ds.revise(sv, did)
    new, old = ds.get(sv, new_id), ds.get(sv, did)
    assert (new.number, new.revision, new.supersedes_id, new.status) == (old.number, 2, did, "draft")
    assert old.status == "superseded" and ds.pdf_bytes(sv, did) == old_pdf
    assert ds.snapshot(sv, new_id)["supersedes"]["pdf_sha256"] == old.pdf_sha256
    assert "更正版本" in _text(ds.pdf_bytes(sv, new_id))
    assert ds.verify_bytes(sv, old_pdf).valid  # the old signed copy still verifies
    assert "dossier.supersede" in _actions(ws, did)


def test_export_and_ca_export(ws, data, as_user, tmp_path):
    rv = as_user("reviewer")
    did = ds.build(rv, institution=INST)
    ds.submit(rv, did, PASSPHRASES["reviewer"])
    out = ds.export(rv, did, tmp_path / "d.pdf")
    assert (tmp_path / "d.pdf").read_bytes() == ds.pdf_bytes(rv, did)
    assert out["sha256"] == ds.get(rv, did).pdf_sha256
    ca = ds.export_ca(rv, tmp_path / "ca.pem")
    assert (tmp_path / "ca.pem").read_text().startswith("-----BEGIN CERTIFICATE-----")
    assert len(ca["sha256_fingerprint"]) == 64


def test_small_dossier_renders_to_png_for_people_to_look_at(ws, data, as_user, artifacts):
    """Keep renders of a small signed dossier under test-artifacts/dossier/ (pdftoppm -r 70)."""
    rv, sv = as_user("reviewer"), as_user("supervisor")
    did = ds.build(rv, institution=INST)
    ds.submit(rv, did, PASSPHRASES["reviewer"])
    ds.approve(sv, did, PASSPHRASES["supervisor"])
    out = artifacts / "dossier"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    pdf_path = out / "small-dossier.pdf"
    pdf_path.write_bytes(ds.pdf_bytes(sv, did))
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "70", "-png", str(pdf_path), str(out / "page")], check=True, timeout=120)
    else:  # same pixels via pdfium where poppler is missing
        doc = pdfium.PdfDocument(pdf_path.read_bytes())
        for i in range(len(doc)):
            doc[i].render(scale=70 / 72).to_pil().save(out / f"page-{i + 1}.png")
    pngs = sorted(out.glob("page-*.png"))
    assert len(pngs) == ds.get(sv, did).pages


def test_demo_step_leaves_a_submitted_dossier(tmp_path):
    from workstation.services.demo import build_demo, demo_workspace_for
    from workstation.services.demo import dossiers as demo_dossiers

    db = tmp_path / "demo.db"
    build_demo(db, size="small")
    from workstation.services.auth_service import unlock

    admin = unlock(db, "demo-admin", "demo")
    try:
        if ds.best_institution(admin) is None:  # until the review demo step exists
            seed(admin, random.Random(2), reviewer="demo-reviewer")
        before = len(ds.list_dossiers(admin))
        assert demo_dossiers.build(admin, random.Random(1), "small") == {"dossiers": 1}
        items = ds.list_dossiers(admin)
        assert len(items) == before + 1 and items[0].status == "submitted" and items[0].preparer == "demo-reviewer"
        sup = demo_workspace_for(admin, "demo-supervisor")
        try:
            assert ds.approve(sup, items[0].id, "demo").status == "locked"
        finally:
            sup.close()
    finally:
        admin.close()
