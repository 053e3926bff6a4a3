import json
import shutil
import subprocess

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DatabaseError

from tests.support.inspection_data import INTERVIEW, photo_jpeg, sealed_interview, signature_png
from workstation.core.errors import NotPermitted, BadInput, Conflict
from workstation.services import audit_service, inspection_pdf, inspection_service as ins
from workstation.store.models.identity import EventRow


def test_sealed_transcript_refuses_the_service_and_direct_sql(ws):
    iid, rid, h = sealed_interview(ws)
    rec = ins.record(ws, rid)
    assert rec.sealed and rec.seal_hash == h and len(rec.attachments) == 4
    assert rec.content.interviewee_id_masked == "410702********1234"
    with ws.store.read() as s:
        ev = s.execute(select(EventRow).where(EventRow.action == "inspection.record.seal")).scalar_one()
        assert json.loads(ev.details)["seal_hash"] == h
        # personal data stays out of the event log
        assert not s.execute(select(EventRow).where(EventRow.details.like("%410702198001011234%"))).first()
        assert not s.execute(select(EventRow).where(EventRow.details.like("%王某某%"))).first()
    changed = ins.RecordContent(**{**INTERVIEW.__dict__, "qa": INTERVIEW.qa[:1]})
    with pytest.raises(Conflict):
        ins.update_record(ws, rid, changed)
    with pytest.raises(Conflict):
        ins.add_attachment(ws, rid, "more.jpg", photo_jpeg())
    with pytest.raises(Conflict):
        ins.remove_attachment(ws, rec.attachments[0].id)
    with pytest.raises(Conflict):
        ins.sign_and_seal(ws, rid, signatures=[("interviewee", signature_png(9))])
    # direct SQL on the local store: the triggers refuse
    for sql in ("UPDATE inspection_records SET content = '{}' WHERE id = :i",
                "UPDATE inspection_records SET status = 'draft' WHERE id = :i",
                "DELETE FROM inspection_records WHERE id = :i",
                "UPDATE inspection_attachments SET content = NULL WHERE record_id = :i",
                "DELETE FROM inspection_attachments WHERE record_id = :i"):
        with pytest.raises((DatabaseError, NotPermitted), match="sealed"):  # the server's refusal is NotPermitted
            with ws.store.session() as s:
                s.execute(text(sql), {"i": rid})
    assert ins.verify_seals(ws) == []
    assert ins.record(ws, rid).content == INTERVIEW
    assert audit_service.verify(ws).valid


def test_a_change_behind_the_triggers_is_detected(ws):
    _, rid, _ = sealed_interview(ws)
    change = "UPDATE inspection_records SET content = replace(content, '3笔', '1笔') WHERE id = %s" % int(rid)
    if ws.store.is_server:  # the server's owner disables the triggers
        from tests.support.stores import owner_connection

        with owner_connection(ws) as conn:
            conn.execute("ALTER TABLE inspection_records DISABLE TRIGGER USER")
            conn.execute(change)
            conn.execute("ALTER TABLE inspection_records ENABLE TRIGGER USER")
    else:
        with ws.store.session() as s:  # the local store's key holder drops the trigger
            s.execute(text("DROP TRIGGER inspection_records_update_sealed"))
            s.execute(text(change))
    problems = ins.verify_seals(ws)
    assert [(p.record_id, p.reason) for p in problems] == [(rid, "content or attachments changed")]


def test_correction_is_a_new_linked_record_and_drafts_need_signatures(ws):
    iid, rid, _ = sealed_interview(ws)
    fixed = ins.RecordContent(**{**INTERVIEW.__dict__, "ended_at": "2025-03-04 11:05"})
    new = ins.create_record(ws, iid, "interview", fixed, corrects_id=rid)
    with pytest.raises(BadInput):  # interviewer's signature missing
        ins.sign_and_seal(ws, new, signatures=[("interviewee", signature_png(4))])
    # a photo of the signed paper stands for the signatures
    h2 = ins.sign_and_seal(ws, new, signed_paper=("signed.jpg", photo_jpeg()))
    assert ins.record(ws, rid).corrected_by == (new,)
    assert ins.record(ws, new).corrects_id == rid and ins.record(ws, new).seal_hash == h2
    with pytest.raises(Conflict):
        ins.create_record(ws, iid, "site", fixed, corrects_id=rid)
    assert ins.verify_seals(ws) == []


def test_transcript_pdf_embeds_the_font_and_masks_the_id(ws, artifacts):
    iid, rid, h = sealed_interview(ws)
    site = ins.create_record(ws, iid, "site", ins.RecordContent(
        place="住院部骨科病区、收费处", started_at="2025-03-04 09:00", ended_at="2025-03-04 10:05",
        interviewer="稽核员甲、稽核员乙", recorder="稽核员乙", interviewee_name="王某某",
        interviewee_id="410702198001011234", interviewee_unit="医保办主任",
        text="调取2025年2月骨科病区收费明细及耗材进销存台账，核对一次性输液器领用与计费数量。\n"
             "发现2月12日至14日有3笔重复计费，金额合计 86.40 元；进销存台账与计费数量相差 3 支。"))
    ins.add_attachment(ws, site, "台账照片.jpg", photo_jpeg())
    ins.sign_and_seal(ws, site, signatures=[("inspector", signature_png(5)), ("present", signature_png(6))])
    out = artifacts / "inspection"
    out.mkdir(exist_ok=True)
    pdf = out / "interview.pdf"
    res = inspection_pdf.export(ws, iid, pdf)
    data = pdf.read_bytes()
    assert res["sha256"] == __import__("hashlib").sha256(data).hexdigest()
    assert b"410702198001011234" not in data
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    cjk = [line for line in fonts.splitlines() if "WenQuanYiMicroHei" in line]
    assert cjk and all(line.split()[-5] == "yes" for line in cjk)  # the CJK font is embedded
    words = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "询" in words and "410702********1234" in words and h in words.replace("\n", "")
    if shutil.which("pdftoppm"):
        for old in out.glob("interview-*.png"):
            old.unlink()
        subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(out / "interview")], check=True)
        assert list(out.glob("interview-*.png"))
