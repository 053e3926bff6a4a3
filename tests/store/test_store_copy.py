"""store copy between a local store and an office server, both ways (office.md, "Moving a project")."""
from __future__ import annotations

import random

import pytest
from sqlalchemy import func, select

from tests.support.cli import run_cli
from tests.support.dossier_data import seed as seed_dossier_data
from tests.support.pg_cluster import SERVER_PASSWORD, SERVER_USER
from tests.support.stores import PASSPHRASES, new_store
from workstation.services import audit_service, auth_service
from workstation.store.models import Base

ENV = {"WORKSTATION_SERVER_USER": SERVER_USER, "WORKSTATION_SERVER_PASSWORD": SERVER_PASSWORD}


def _counts(ws) -> dict[str, int]:
    with ws.store.read() as s:
        return {t.name: s.execute(select(func.count()).select_from(t)).scalar_one()
                for t in Base.metadata.sorted_tables if t.name not in ("server_meta", "key_slots")}


def _content(ws):
    from sqlalchemy import text

    with ws.store.read() as s:
        return (s.execute(text("SELECT setl_id, psn_name, certno, medfee_sumamt FROM settlements ORDER BY setl_id")).all(),
                s.execute(text("SELECT seq, hash FROM events ORDER BY seq")).all(),
                s.execute(text("SELECT sha256, content FROM evidence ORDER BY id")).all())


def test_copy_local_to_server_and_back(tmp_path, pg_cluster):
    local = new_store(tmp_path)
    seed_dossier_data(local, random.Random(3))
    before, content = _counts(local), _content(local)
    local.close()
    db = pg_cluster.empty_database()
    url = pg_cluster.url(db)
    try:
        run = run_cli(["--json", "store", "copy", "--from", str(tmp_path / "store.db"), "--to", url],
                      user="admin", passphrase=PASSPHRASES["admin"], env=ENV)
        assert run.code == 0, run.err
        out = run.json
        assert out["from"] == str(tmp_path / "store.db") and out["to"] == url
        assert out["tables"] == before and out["events"] == before["events"]
        assert sorted(out["users_to_reissue"]) == ["reviewer", "reviewer2", "supervisor"]
        on_server = auth_service.unlock(pg_cluster.address(db), "admin", PASSPHRASES["admin"])
        try:
            assert _counts(on_server) == before and _content(on_server) == content
            check = audit_service.verify(on_server)
            assert check.valid and check.events == before["events"]
        finally:
            on_server.close()
        # a second copy into the same (no longer empty) database is refused and changes nothing
        again = run_cli(["store", "copy", "--from", str(tmp_path / "store.db"), "--to", url],
                        user="admin", passphrase=PASSPHRASES["admin"], env=ENV)
        assert again.code == 2
        # and back to a new laptop store: every key slot travels, so each person's passphrase opens it
        back = tmp_path / "laptop" / "copy.db"
        run = run_cli(["--json", "store", "copy", "--from", url, "--to", str(back)],
                      user="admin", passphrase=PASSPHRASES["admin"])
        assert run.code == 0, run.err
        assert run.json["tables"] == before and run.json["events"] == before["events"]
        for name in ("admin", "reviewer"):
            w = auth_service.unlock(back, name, PASSPHRASES[name])
            try:
                assert _counts(w) == before and _content(w) == content and audit_service.verify(w).valid
            finally:
                w.close()
    finally:
        pg_cluster.drop_database(db)


def test_copy_into_an_existing_local_store_is_refused(tmp_path):
    ws = new_store(tmp_path)
    ws.close()
    other = new_store(tmp_path, "other.db")
    other.close()
    before = (tmp_path / "other.db").read_bytes()
    run = run_cli(["store", "copy", "--from", str(tmp_path / "store.db"), "--to", str(tmp_path / "other.db")],
                  user="admin", passphrase=PASSPHRASES["admin"])
    assert run.code == 2 and (tmp_path / "other.db").read_bytes() == before
