from tests.support.cli import run_inproc
from tests.support.counter_data import seed_manual
from tests.support.stores import PASSPHRASES


def test_receipts_import_json_and_bad_rows_exit_2(ws, tmp_path, monkeypatch):
    ids = seed_manual(ws, 2)
    db = str(ws.store.path)
    ws.close()
    good = tmp_path / "r.csv"
    good.write_text(f"bill_no,setl_id,bill_date,institution,total\nB1,{ids[0]},2025-03-01,新乡市第一人民医院,10.00\n",
                    encoding="utf-8-sig")
    r = run_inproc(["--db", db, "--json", "receipts", "import", str(good)], monkeypatch, user="admin",
                   passphrase=PASSPHRASES["admin"])
    assert r.code == 0, r.err
    assert r.json == {"files": [{"file": "r.csv", "kind": "receipts", "rows": 1, "inserted": 1, "unchanged": 0,
                                 "rejected": 0}]}
    bad = tmp_path / "bad.csv"
    bad.write_text(f"bill_no,setl_id,bill_date,institution,total\nB2,{ids[1]},2025-03-01,X,1.001\n", encoding="utf-8")
    r = run_inproc(["--db", db, "--json", "--lang", "en", "receipts", "import", str(bad)], monkeypatch, user="admin",
                   passphrase=PASSPHRASES["admin"])
    assert r.code == 2 and r.json["files"][0]["rejected"] == 1
    assert "row 2" in r.err and "total" in r.err
