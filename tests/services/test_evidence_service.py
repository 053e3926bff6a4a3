"""Evidence: stored in the store with SHA-256, size and type; out only by explicit export."""
from __future__ import annotations

import hashlib
import json

import pytest
from sqlalchemy import select

from tests.support.review_data import seed_units
from workstation.core.errors import BadInput, Conflict
from workstation.services import evidence_service as ev
from workstation.services import review_service as rs
from workstation.services.demo.review import tiny_png
from workstation.store.models.identity import EventRow
from workstation.store.models.review import EvidenceRow


def setup(ws, as_user):
    data = seed_units(ws, n=1)
    rev = as_user("reviewer")
    uid = data["units"][0]
    fid = rs.create_finding(rev, uid, data["lines"][uid][:1], "other")
    return rev, uid, fid


def test_attach_file_stores_bytes_and_metadata(ws, as_user, tmp_path):
    rev, uid, fid = setup(ws, as_user)
    png = tiny_png(40, 30, (200, 30, 30))
    src = tmp_path / "病历照片.jpg"  # wrong extension: the type is sniffed from the bytes
    src.write_bytes(png)
    eid = ev.attach_file(rev, fid, src)
    (info,) = ev.list_for_finding(rev, fid)
    assert (info.id, info.file_name, info.mime, info.size) == (eid, "病历照片.jpg", "image/png", len(png))
    assert info.sha256 == hashlib.sha256(png).hexdigest()
    assert ev.content(rev, eid)[1] == png
    assert rs.unit(rev, uid).findings[0].evidence[0][0] == eid
    with ws.store.read() as s:
        e = s.execute(select(EventRow).where(EventRow.action == "review.evidence.add")).scalar_one()
        assert e.user == "reviewer" and json.loads(e.details)["sha256"] == info.sha256


@pytest.mark.sqlite_only("scans the local store's folder; the server's data directory is scanned in tests/store/test_office_server.py")
def test_bytes_are_not_in_the_folder_in_plaintext(ws, as_user, tmp_path):
    rev, uid, fid = setup(ws, as_user)
    marker = b"%PDF-1.4\n% EVIDENCE-MARKER-7f3a9c plaintext must not leak\n"
    ev.attach(rev, fid, "scan.pdf", marker + b"x" * 5000)
    ws.store.checkpoint()
    for p in ws.store.path.parent.rglob("*"):
        if p.is_file():
            assert b"EVIDENCE-MARKER-7f3a9c" not in p.read_bytes(), p


def test_export_writes_exactly_the_file_and_logs_it(ws, as_user, tmp_path):
    rev, uid, fid = setup(ws, as_user)
    data = b"a,b\n1,2\n"
    eid = ev.attach(rev, fid, "明细.csv", data)
    out = tmp_path / "out" / "x.csv"
    out.parent.mkdir()
    assert ev.export(rev, eid, out) == hashlib.sha256(data).hexdigest()
    assert out.read_bytes() == data and list(out.parent.iterdir()) == [out]
    with ws.store.read() as s:
        assert s.execute(select(EventRow.user).where(EventRow.action == "review.evidence.export")).scalar_one() == \
            "reviewer"


def test_remove_and_undo_and_submit(ws, as_user):
    rev, uid, fid = setup(ws, as_user)
    eid = ev.attach(rev, fid, "a.png", tiny_png(4, 4, (0, 0, 0)))
    ev.remove(rev, eid)
    assert ev.list_for_finding(rev, fid) == []
    assert rs.undo(rev, uid) == "review.evidence.delete"
    assert [e.id for e in ev.list_for_finding(rev, fid)] == [eid]
    assert rs.undo(rev, uid) == "review.evidence.add"
    assert ev.list_for_finding(rev, fid) == []
    rs.decide_unit(rev, uid, "violation")
    rs.submit_unit(rev, uid)
    with pytest.raises(Conflict):
        ev.attach(rev, fid, "late.png", b"\x89PNG\r\n\x1a\n...")


def test_empty_file_refused(ws, as_user):
    rev, uid, fid = setup(ws, as_user)
    with pytest.raises(BadInput):
        ev.attach(rev, fid, "empty.pdf", b"")
    with ws.store.read() as s:
        assert s.execute(select(EvidenceRow)).first() is None
