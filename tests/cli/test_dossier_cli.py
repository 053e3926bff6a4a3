"""The issue's must-show: on the demo store, build → submit → approve → verify by the CLI;
one changed byte or an appended incremental update is reported invalid with the reason;
a preparer (or a non-supervisor) approving is refused with exit 3."""
from __future__ import annotations

import io
import random

import pytest

from tests.support.cli import run_cli, run_inproc
from tests.support.dossier_data import seed
from workstation.services.demo import DEMO_PASSPHRASE, build_demo

PW = DEMO_PASSPHRASE


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    import os


    os.environ.setdefault("WORKSTATION_KDF_LOG2N", "10")
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    build_demo(db, size="small")
    from workstation.services import dossier_service

    admin = demo_workspace_for_path(db, "demo-admin")
    try:
        institution = dossier_service.best_institution(admin)
        if institution is None:  # the review step of the demo is not there yet: add findings through the models
            seed(admin, random.Random(3), institution="H41070009", name="新乡市中心医院", reviewer="demo-reviewer")
            institution = "H41070009"
    finally:
        admin.close()
    return db, institution


def demo_workspace_for_path(db, user):
    from workstation.services.auth_service import unlock

    return unlock(db, user, PW)


def _cli(monkeypatch, db, user, *args):
    return run_inproc(["--db", str(db), "--json", "dossier", *args], monkeypatch, user=user, passphrase=PW)


def _signed(monkeypatch, demo_db, tmp_path):
    db, inst = demo_db
    b = _cli(monkeypatch, db, "demo-reviewer", "build", "--institution", inst)
    assert b.code == 0, b.err
    assert b.json["findings"] > 0 and b.json["pages"] >= 5
    did = str(b.json["dossier_id"])
    s = _cli(monkeypatch, db, "demo-reviewer", "submit", did)
    assert (s.code, s.json) == (0, {"dossier_id": int(did), "status": "submitted"}), s.err
    denied = _cli(monkeypatch, db, "demo-reviewer", "approve", did)  # preparer, and not a supervisor
    assert denied.code == 3 and denied.out == ""
    a = _cli(monkeypatch, db, "demo-supervisor", "approve", did)
    assert (a.code, a.json["status"]) == (0, "locked"), a.err
    out = tmp_path / "dossier.pdf"
    e = _cli(monkeypatch, db, "demo-supervisor", "export", did, str(out))
    assert e.code == 0 and e.json["file"] == str(out) and len(e.json["sha256"]) == 64
    return did, out


def test_build_submit_approve_verify_on_demo_data(monkeypatch, demo_db, tmp_path):
    db, _ = demo_db
    _, pdf = _signed(monkeypatch, demo_db, tmp_path)
    ca = tmp_path / "ca.pem"
    assert _cli(monkeypatch, db, "demo-admin", "ca-export", str(ca)).code == 0
    # Party A's check: a separate process, no store, only the exported CA certificate
    v = run_cli(["--json", "dossier", "verify", str(pdf), "--ca", str(ca)])
    assert v.code == 0, v.err
    assert v.json["valid"] is True and v.json["problems"] == []
    assert [(s["name"], s["role"]) for s in v.json["signers"]] == [("李审核", "审核员"), ("王组长", "审核组长")]
    assert all(s["signed_at"] for s in v.json["signers"])
    # and with the store's own CA
    v2 = _cli(monkeypatch, db, "demo-admin", "verify", str(pdf))
    assert v2.code == 0 and v2.json["valid"] is True


def test_one_changed_byte_makes_verify_fail_with_a_reason(monkeypatch, demo_db, tmp_path):
    db, _ = demo_db
    _, pdf = _signed(monkeypatch, demo_db, tmp_path)
    data = bytearray(pdf.read_bytes())
    i = data.index(b"/Type /Page") if b"/Type /Page" in data else len(data) // 2
    data[i + 1] ^= 0x01
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(bytes(data))
    v = _cli(monkeypatch, db, "demo-admin", "--lang", "en", "verify", str(bad))
    assert v.code == 1
    assert v.json["valid"] is False and v.json["problems"]
    assert any("modified" in p or "damaged" in p or "altered" in p for p in v.json["problems"]), v.json


def test_an_incremental_update_after_approval_makes_verify_fail(monkeypatch, demo_db, tmp_path):
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    db, _ = demo_db
    _, pdf = _signed(monkeypatch, demo_db, tmp_path)
    w = IncrementalPdfFileWriter(io.BytesIO(pdf.read_bytes()))
    page = w.root["/Pages"]["/Kids"][0].get_object()
    annot = generic.DictionaryObject({
        generic.NameObject("/Type"): generic.NameObject("/Annot"),
        generic.NameObject("/Subtype"): generic.NameObject("/Text"),
        generic.NameObject("/Rect"): generic.ArrayObject([generic.FloatObject(x) for x in (10, 10, 30, 30)]),
        generic.NameObject("/Contents"): generic.TextStringObject("added later"),
    })
    page["/Annots"] = generic.ArrayObject([w.add_object(annot)])
    w.update_container(page)
    out = tmp_path / "appended.pdf"
    with out.open("wb") as fh:
        w.write(fh)
    v = _cli(monkeypatch, db, "demo-admin", "--lang", "en", "verify", str(out))
    assert v.code == 1 and v.json["valid"] is False
    assert any("after the last signature" in p for p in v.json["problems"]), v.json["problems"]
    assert len(v.json["signers"]) == 2


def test_supervisor_who_prepared_cannot_approve_exit_3(monkeypatch, demo_db):
    db, inst = demo_db
    b = _cli(monkeypatch, db, "demo-supervisor", "build", "--institution", inst, "--from", "2025-01-01",
             "--to", "2025-12-31")
    assert b.code == 0, b.err
    did = str(b.json["dossier_id"])
    assert _cli(monkeypatch, db, "demo-supervisor", "submit", did).code == 0
    own = _cli(monkeypatch, db, "demo-supervisor", "approve", did)
    assert own.code == 3 and ("审批" in own.err or "approve" in own.err)
    r = _cli(monkeypatch, db, "demo-admin", "return", did, "--comment", "请补充证据")
    assert (r.code, r.json["status"]) == (0, "draft")


def test_verify_without_ca_or_store_is_bad_usage(tmp_path):
    f = tmp_path / "x.pdf"
    f.write_bytes(b"%PDF-1.4\n")
    v = run_cli(["--db", str(tmp_path / "none.db"), "--json", "dossier", "verify", str(f)])
    assert v.code == 2 and v.out == ""


def test_bad_date_is_exit_2(monkeypatch, demo_db):
    db, inst = demo_db
    r = _cli(monkeypatch, db, "demo-reviewer", "build", "--institution", inst, "--from", "2025-13-01")
    assert r.code == 2
