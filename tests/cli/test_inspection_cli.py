import hashlib

from tests.support.cli import run_inproc
from tests.support.inspection_data import sealed_interview
from tests.support.stores import PASSPHRASES


def test_inspection_list_export_verify(ws, tmp_path, monkeypatch):
    iid, rid, h = sealed_interview(ws)
    db = str(ws.store.path)
    ws.close()
    kw = dict(user="admin", passphrase=PASSPHRASES["admin"])
    r = run_inproc(["--db", db, "--json", "inspection", "list"], monkeypatch, **kw)
    assert r.code == 0, r.err
    [insp] = r.json["inspections"]
    assert (insp["id"], insp["type"], insp["institution"]) == (iid, "flying", "H41070001")
    assert insp["records"][0]["seal_hash"] == h and insp["records"][0]["status"] == "sealed"
    out = tmp_path / "x.pdf"
    r = run_inproc(["--db", db, "--json", "inspection", "export", str(iid), str(out)], monkeypatch, **kw)
    assert r.code == 0, r.err
    assert r.json["sha256"] == hashlib.sha256(out.read_bytes()).hexdigest() and out.read_bytes()[:5] == b"%PDF-"
    r = run_inproc(["--db", db, "--json", "inspection", "verify"], monkeypatch, **kw)
    assert r.code == 0 and r.json == {"valid": True, "problems": []}
    r = run_inproc(["--db", db, "--json", "inspection", "export", "999", str(out)], monkeypatch, **kw)
    assert r.code == 2
