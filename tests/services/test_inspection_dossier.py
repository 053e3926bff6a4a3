"""Sealed inspection records land in the dossier as exhibits whose hashes match."""
from __future__ import annotations

import json
import random
import shutil
import subprocess

from tests.support.dossier_data import seed
from tests.support.inspection_data import sealed_interview
from tests.support.stores import PASSPHRASES
from workstation.services import dossier_service as ds, inspection_service as ins
from workstation.store.models.dossier import DossierRow

INST = "H41070001"


def _snapshot(ws, did) -> dict:
    with ws.store.read() as s:
        return json.loads(s.get(DossierRow, did).snapshot)


def test_dossier_holds_the_sealed_transcript_with_a_matching_hash(ws, as_user, artifacts):
    seed(ws, random.Random(7), institution=INST, settlements=12, reviewed=6, findings=3, images=False, appeal=False)
    iid, rid, h = sealed_interview(ws, institution=INST)
    draft = ins.create_record(ws, iid, "site", ins.RecordContent(text="草稿，未签名"))  # drafts are not exhibits
    other_iid, _, other_h = sealed_interview(ws, institution="H99999999")
    rv, sv = as_user("reviewer"), as_user("supervisor")
    did = ds.build(rv, institution=INST)
    snap = _snapshot(ws, did)
    [ex] = snap["inspection_exhibits"]
    assert ex["seal_hash"] == h == ins.record(ws, rid).seal_hash
    assert ins.seal_digest(ex["material"]) == h and ex["hash_matches"] is True
    assert ex["record_uuid"] == ins.record(ws, rid).uuid and draft != rid
    # attachments travel as hashes that match the stored bytes
    stored = {a.sha256 for a in ins.record(ws, rid).attachments}
    assert {a["sha256"] for a in ex["material"]["attachments"]} == stored
    ds.submit(rv, did, PASSPHRASES["reviewer"])
    ds.approve(sv, did, PASSPHRASES["supervisor"])
    pdf = ds.pdf_bytes(sv, did)
    out = artifacts / "inspection"
    out.mkdir(exist_ok=True)
    path = out / "dossier-with-exhibit.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout.replace("\n", "")
    assert h in text and other_h not in text and "现场检查笔录（证据）" in text
    assert "410702198001011234" not in text and "410702********1234" in text
    if shutil.which("pdftoppm"):
        for old in out.glob("dossier-exhibit-*.png"):
            old.unlink()
        # the exhibit pages are the ones before the signatures page at the end
        pages = ds.get(sv, did).pages
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", str(max(1, pages - 2)), "-l", str(pages), str(path),
                        str(out / "dossier-exhibit")], check=True)
        assert list(out.glob("dossier-exhibit-*.png"))
    # a dossier elsewhere has no exhibit; one on a sample alone has none either
    did2 = ds.build(rv, institution="H41079999")
    assert "inspection_exhibits" not in _snapshot(ws, did2)
    assert other_iid != iid
