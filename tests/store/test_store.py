import os
import subprocess

import pytest
from sqlalchemy import text

from workstation.core.errors import StoreError
from workstation.store.models.claims import SettlementRow
from workstation.store.store import Store

PATIENT = "欧阳测试患者"
CERTNO = "410302199001011234"


@pytest.mark.sqlite_only("SQLCipher file properties; the server's equivalents are in tests/store/test_office_server.py")
def test_pragmas(ws):
    with ws.store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA temp_store").scalar() == 2  # MEMORY
        assert conn.exec_driver_sql("PRAGMA cipher_version").scalar().startswith("4.")


@pytest.mark.sqlite_only("SQLCipher file properties; the server's equivalents are in tests/store/test_office_server.py")
def test_wrong_key_is_a_store_error(ws):
    path, store_id = ws.store.path, ws.store_id
    ws.close()
    with pytest.raises(StoreError):
        Store.open(path, store_id, b"\x01" * 32)


@pytest.mark.sqlite_only("scans the store file; the server's data directory and pg_dump are scanned in tests/store/test_office_server.py")
def test_personal_data_is_nowhere_in_plaintext(ws, tmp_path):
    with ws.store.session() as s:
        for i in range(200):  # enough rows that pages spill into the WAL
            s.add(SettlementRow(setl_id=f"S{i:05d}", psn_no=f"P{i}", psn_name=PATIENT, certno=CERTNO))
    # Look while the store is open (WAL and shm present) and again after closing.
    for phase in ("open", "closed"):
        files = [p for p in tmp_path.rglob("*") if p.is_file()]
        assert any(p.name.endswith(".db") for p in files)
        for p in files:
            data = p.read_bytes()
            assert PATIENT.encode("utf-8") not in data, (phase, p.name)
            assert CERTNO.encode("ascii") not in data, (phase, p.name)
        # grep -a as a person would
        res = subprocess.run(["grep", "-a", "-r", "-l", PATIENT, str(tmp_path)], capture_output=True)
        assert res.stdout == b"", (phase, res.stdout)
        if phase == "open":
            ws.close()


@pytest.mark.sqlite_only("SQLCipher file properties; the server's equivalents are in tests/store/test_office_server.py")
def test_flipped_bytes_are_detected_on_open(ws):
    path, store_id, key = ws.store.path, ws.store_id, ws.key
    with ws.store.session() as s:
        for i in range(300):
            s.add(SettlementRow(setl_id=f"S{i:05d}", psn_no=f"P{i}", psn_name="x" * 50))
    ws.close()
    size = path.stat().st_size
    with open(path, "r+b") as fh:
        fh.seek(size // 2)
        chunk = fh.read(16)
        fh.seek(size // 2)
        fh.write(bytes(b ^ 0xFF for b in chunk))
    with pytest.raises(StoreError) as info:
        Store.open(path, store_id, key)
    assert "HMAC" in info.value.message("en") or "damaged" in info.value.message("en")


@pytest.mark.sqlite_only("SQLCipher file properties; the server's equivalents are in tests/store/test_office_server.py")
def test_secure_delete_zeroes_freed_content(ws):
    # With secure_delete and encryption nothing readable remains anyway; this
    # checks the pragma is effective on the pool's every connection.
    with ws.store.engine.connect() as c1, ws.store.engine.connect() as c2:
        assert c1.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
        assert c2.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
