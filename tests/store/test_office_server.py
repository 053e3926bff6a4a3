"""The office server (office.md) against a real PostgreSQL 15 cluster.

Every rule the server enforces is tested by sending SQL directly with psycopg
under a user's own login role, as a client that bypasses the program would.
"""
from __future__ import annotations

import json
import random

import psycopg
import pytest
from psycopg import errors as pgerr
from sqlalchemy import select, text

from tests.support.cli import run_cli
from tests.support.dossier_data import seed as seed_dossier_data
from tests.support.pg_cluster import SERVER_PASSWORD, SERVER_USER
from tests.support.review_data import seed_units
from tests.support.stores import FAST_KDF, PASSPHRASES, login, new_server_store
from workstation.core.errors import NotPermitted, UsageError, WrongPassphrase
from workstation.core.identity import Role
from workstation.services import auth_service, backup_service, dossier_service as ds, review_service as rs
from workstation.services import screening_service as ss
from workstation.store.address import ServerAddress, parse_db
from workstation.store.models.claims import SettlementRow
from workstation.store.server import group_role, scram_verifier


@pytest.fixture
def ws(pg_cluster, pg_database):
    """This module is about the server only: ``ws`` (and so ``as_user``) is always a server store."""
    workspace = new_server_store(pg_cluster, pg_database)
    yield workspace
    workspace.close()


@pytest.fixture
def server(ws):
    return ws


def sql_as(ws, user: str, passphrase: str | None = None) -> psycopg.Connection:
    """A raw connection as ``user``'s own login role (autocommit: each statement stands alone)."""
    kwargs = ws.store.path.connect_kwargs(user, passphrase or PASSPHRASES[user])
    return psycopg.connect(**kwargs, autocommit=True)


# -- addressing ------------------------------------------------------------------------
@pytest.mark.parametrize("url", [
    "postgresql://bob:secret@127.0.0.1:1/x", "postgresql://bob@127.0.0.1:1/x",
    "postgresql://127.0.0.1:1/x?password=secret", "postgresql://127.0.0.1:1/x?user=bob",
])
def test_url_with_credentials_is_refused_before_connecting(url, tmp_path):
    with pytest.raises(UsageError):
        parse_db(url)
    # Port 1: nothing listens; the refusal must come before any connection attempt (no "cannot reach").
    run = run_cli(["--db", url, "--lang", "en", "audit", "verify"], user="admin", passphrase="x")
    assert run.code == 2 and "must not contain a user name or a password" in run.err
    assert "secret" not in run.err and "secret" not in run.out


def test_address_keeps_tls_options_and_never_a_secret():
    a = ServerAddress.parse("postgresql://db.office.lan:5433/proj?sslmode=verify-full&sslrootcert=/etc/ca.pem")
    assert (a.host, a.port, a.dbname) == ("db.office.lan", 5433, "proj")
    assert a.url == "postgresql://db.office.lan:5433/proj?sslmode=verify-full&sslrootcert=%2Fetc%2Fca.pem"
    kw = a.connect_kwargs("alice", "pw")
    assert kw["sslmode"] == "verify-full" and kw["sslrootcert"] == "/etc/ca.pem" and kw["password"] == "pw"
    assert "pw" not in repr(a) and "pw" not in str(a)
    with pytest.raises(UsageError):
        ServerAddress.parse("postgresql://h/x?options=-c%20role%3Dpostgres")


def test_scram_verifier_is_accepted_by_the_server(pg_cluster):
    """The verifier computed on the workstation is what PostgreSQL checks a password against."""
    with pg_cluster.superuser() as conn:
        conn.execute(psycopg.sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(
            psycopg.sql.Identifier("scram_probe"), psycopg.sql.Literal(scram_verifier("Pässwort 口令"))))
    try:
        psycopg.connect(host="127.0.0.1", port=pg_cluster.port, dbname="postgres", user="scram_probe",
                        password="Pässwort 口令").close()
        with pytest.raises(psycopg.OperationalError):
            psycopg.connect(host="127.0.0.1", port=pg_cluster.port, dbname="postgres", user="scram_probe",
                            password="wrong").close()
    finally:
        with pg_cluster.superuser() as conn:
            conn.execute("DROP ROLE scram_probe")


# -- server init and users ---------------------------------------------------------------
def test_server_init_from_the_command_line(pg_cluster):
    db = pg_cluster.empty_database()
    url = pg_cluster.url(db)
    env = {"WORKSTATION_SERVER_USER": SERVER_USER, "WORKSTATION_SERVER_PASSWORD": SERVER_PASSWORD}
    try:
        run = run_cli(["--db", url, "--json", "server", "init", "--admin", "boss"], passphrase="boss-pass", env=env)
        assert run.code == 0, run.err
        assert run.json == {"db": url, "user": "boss"}
        # once only
        again = run_cli(["--db", url, "--json", "server", "init", "--admin", "boss"], passphrase="boss-pass", env=env)
        assert again.code == 2 and again.out == ""
        ok = run_cli(["--db", url, "--json", "audit", "verify"], user="boss", passphrase="boss-pass")
        assert ok.code == 0 and ok.json["valid"] is True and ok.json["events"] >= 2
        wrong = run_cli(["--db", url, "--json", "audit", "verify"], user="boss", passphrase="nope")
        assert wrong.code == 3 and wrong.out == ""
        # a wrong server password: exit 3, nothing set up
        bad = run_cli(["--db", url, "server", "init", "--admin", "x"], passphrase="p",
                      env={**env, "WORKSTATION_SERVER_PASSWORD": "wrong"})
        assert bad.code == 3
        add = run_cli(["--db", url, "--json", "user", "add", "rita", "--role", "reviewer"], user="boss",
                      passphrase="boss-pass", env={"WORKSTATION_NEW_PASSPHRASE": "rita-pass"})
        assert add.code == 0 and add.json == {"user": "rita", "role": "reviewer"}
        denied = run_cli(["--db", url, "user", "add", "mallory", "--role", "admin"], user="rita",
                         passphrase="rita-pass", env={"WORKSTATION_NEW_PASSPHRASE": "m"})
        assert denied.code == 3
        with pg_cluster.superuser() as conn:
            groups = dict(conn.execute(
                "SELECT u.rolname, g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
                "JOIN pg_roles u ON u.oid = m.member WHERE g.rolname LIKE %s", (f"ws_{db}_%",)).fetchall())
        assert groups == {"boss": group_role(db, "admin"), "rita": group_role(db, "reviewer")}
    finally:
        pg_cluster.drop_database(db)


def test_users_are_login_roles_in_the_project_groups(server, pg_cluster):
    db = server.store.path.dbname
    with pg_cluster.superuser() as conn:
        rows = dict(conn.execute(
            "SELECT u.rolname, g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
            "JOIN pg_roles u ON u.oid = m.member WHERE g.rolname LIKE %s", (f"ws_{db}_%",)).fetchall())
        flags = conn.execute("SELECT rolsuper OR rolcreaterole OR rolcreatedb OR rolbypassrls FROM pg_roles "
                             "WHERE rolname = ANY(%s)", (list(rows),)).fetchall()
    assert rows == {"admin": group_role(db, "admin"), "supervisor": group_role(db, "supervisor"),
                    "reviewer": group_role(db, "reviewer"), "reviewer2": group_role(db, "reviewer")}
    assert not any(f[0] for f in flags)  # no user can create roles or bypass row-level security
    # the passphrase is the role's password; a wrong one is exit 3 and counted on this computer
    login(server.store.path, "reviewer").close()
    with pytest.raises(WrongPassphrase):
        auth_service.unlock(server.store.path, "reviewer", "nope")


def test_remove_user_disables_the_login_role_and_its_slot(server, pg_cluster):
    auth_service.remove_user(server, "reviewer2")
    with pg_cluster.superuser() as conn:
        can_login = conn.execute("SELECT rolcanlogin FROM pg_roles WHERE rolname = 'reviewer2'").fetchone()[0]
    assert can_login is False
    with pytest.raises(psycopg.OperationalError):
        sql_as(server, "reviewer2")
    with server.store.read() as s:
        assert s.execute(text("SELECT count(*) FROM key_slots WHERE role_name = 'reviewer2'")).scalar_one() == 0
    # re-adding enables it again with the new passphrase
    auth_service.add_user(server, "reviewer2", Role.REVIEWER, "fresh-pass", kdf=FAST_KDF)
    auth_service.unlock(server.store.path, "reviewer2", "fresh-pass").close()


def test_lockout_after_five_failed_sign_ins(server):
    from workstation.core.errors import AccountLocked

    for _ in range(5):
        with pytest.raises(WrongPassphrase):
            auth_service.unlock(server.store.path, "reviewer", "wrong")
    with pytest.raises(AccountLocked):  # even the right passphrase waits now
        auth_service.unlock(server.store.path, "reviewer", PASSPHRASES["reviewer"])


def test_change_passphrase_changes_the_role_password(server, as_user):
    rv = as_user("reviewer")
    auth_service.change_passphrase(rv, PASSPHRASES["reviewer"], "brand-new")
    sql_as(server, "reviewer", "brand-new").close()
    with pytest.raises(psycopg.OperationalError):
        sql_as(server, "reviewer")
    with rv.store.session() as s:  # the open workspace's new connections use the new password
        rv.log(s, "test.after_change", "thing", 1)


def test_key_slots_each_user_reads_only_their_own(server):
    with sql_as(server, "reviewer") as conn:
        assert [r[0] for r in conn.execute("SELECT role_name FROM key_slots")] == ["reviewer"]
        conn.execute("UPDATE key_slots SET data = '{}' WHERE role_name = 'admin'")  # invisible: nothing happens
    with sql_as(server, "admin") as conn:
        assert conn.execute("SELECT count(*) FROM key_slots").fetchone()[0] == 4
        assert json.loads(conn.execute("SELECT data FROM key_slots WHERE role_name = 'admin'").fetchone()[0])["wrapped"]


# -- what the server itself enforces -------------------------------------------------------
@pytest.mark.parametrize("user", ["reviewer", "supervisor", "admin"])
def test_no_role_can_rewrite_the_event_log(server, user):
    with sql_as(server, user) as conn:
        for stmt in ("UPDATE events SET \"user\" = 'mallory' WHERE seq = 2", "DELETE FROM events WHERE seq = 2",
                     "TRUNCATE events", "UPDATE samples SET seed = '1'", "DELETE FROM sample_units"):
            with pytest.raises(pgerr.InsufficientPrivilege):
                conn.execute(stmt)
    with server.store.read() as s:
        assert s.execute(text("SELECT \"user\" FROM events WHERE seq = 2")).scalar_one() == "admin"


def test_a_reviewer_changes_only_their_own_units(server):
    mine = seed_units(server, n=2, reviewer="reviewer", seed=1, prefix="M")
    theirs = seed_units(server, n=2, reviewer="reviewer2", seed=2, prefix="O")
    rv = login(server.store.path, "reviewer")
    try:
        fid = rs.create_finding(rv, mine["units"][0], [], _a_category())
    finally:
        rv.close()
    other_unit = theirs["units"][0]
    with sql_as(server, "reviewer") as conn:
        # others' units are readable but not writable: updates and deletes match no row
        assert conn.execute("SELECT count(*) FROM review_units").fetchone()[0] == 4
        cur = conn.execute("UPDATE review_units SET note = 'x' WHERE id = %s", (other_unit,))
        assert cur.rowcount == 0
        cur = conn.execute("UPDATE review_units SET note = 'mine' WHERE id = %s", (mine["units"][0],))
        assert cur.rowcount == 1
        # nor can a finding be put on someone else's unit, or a unit handed to oneself
        with pytest.raises(pgerr.InsufficientPrivilege):
            conn.execute("INSERT INTO findings (uuid, unit_id, category, amount, amount_auto, amount_reason, basis, "
                         "note, status, deleted, created_by, created_at, updated_by, updated_at, version) VALUES "
                         "('u-1', %s, 'X', 1, 1, '', '', '', 'confirmed', false, 'reviewer', now(), 'reviewer', "
                         "now(), 1)", (other_unit,))
        with pytest.raises(pgerr.InsufficientPrivilege):
            conn.execute("UPDATE review_units SET assigned_to = 'reviewer2' WHERE id = %s", (mine["units"][0],))
        # a reviewer's own finding stays theirs; reviewer2 cannot touch it
    with sql_as(server, "reviewer2") as conn:
        assert conn.execute("UPDATE findings SET note = 'hijack' WHERE id = %s", (fid,)).rowcount == 0
        assert conn.execute("DELETE FROM finding_lines WHERE finding_id = %s", (fid,)).rowcount == 0
    with sql_as(server, "supervisor") as conn:  # supervisors work on all units
        assert conn.execute("UPDATE review_units SET note = 'sv' WHERE id = %s", (other_unit,)).rowcount == 1


def _a_category() -> str:
    from workstation.services.catalog_service import violations

    return violations()[0].code


def test_approved_dossier_and_its_findings_are_frozen(server, as_user):
    data = seed_dossier_data(server, random.Random(7))
    rv, sv = as_user("reviewer"), as_user("supervisor")
    did = ds.build(rv, institution="H41070001")
    ds.submit(rv, did, PASSPHRASES["reviewer"])
    ds.approve(sv, did, PASSPHRASES["supervisor"])
    fid = data["findings"][0]
    with server.store.read() as s:
        fid_e = s.execute(text("SELECT e.finding_id FROM evidence e JOIN dossier_findings df "
                               "ON df.finding_id = e.finding_id WHERE df.dossier_id = :d LIMIT 1"), {"d": did}).scalar()
    assert fid_e is not None
    for user in ("supervisor", "admin"):
        with sql_as(server, user) as conn:
            for stmt, args in (("UPDATE dossiers SET title = 'x' WHERE id = %s", (did,)),
                               ("UPDATE dossiers SET status = 'draft' WHERE id = %s", (did,)),
                               ("DELETE FROM dossiers WHERE id = %s", (did,)),
                               ("DELETE FROM dossier_findings WHERE dossier_id = %s", (did,)),
                               ("UPDATE findings SET note = 'changed' WHERE id = %s", (fid,)),
                               ("DELETE FROM finding_lines WHERE finding_id = %s", (fid,)),
                               ("UPDATE evidence SET deleted = true WHERE finding_id = %s", (fid_e,))):
                with pytest.raises(pgerr.InsufficientPrivilege):
                    conn.execute(stmt, args)
    # through the program it is the same refusal as on a local store (exit 3)
    with pytest.raises(NotPermitted):
        with sv.store.session() as s:
            s.execute(text("UPDATE dossiers SET title = 'x' WHERE id = :i"), {"i": did})


def test_approver_is_never_the_preparer(server, as_user):
    seed_dossier_data(server, random.Random(7), reviewer="supervisor")
    sv = as_user("supervisor")
    did = ds.build(sv, institution="H41070001")
    ds.submit(sv, did, PASSPHRASES["supervisor"])
    with sql_as(server, "supervisor") as conn:
        with pytest.raises(pgerr.InsufficientPrivilege):  # approving one's own
            conn.execute("UPDATE dossiers SET status = 'approved', approver = 'supervisor' WHERE id = %s", (did,))
        with pytest.raises(pgerr.InsufficientPrivilege):  # approving in someone else's name
            conn.execute("UPDATE dossiers SET status = 'approved', approver = 'admin' WHERE id = %s", (did,))
    with sql_as(server, "reviewer") as conn:  # a reviewer approves nothing
        with pytest.raises(pgerr.InsufficientPrivilege):
            conn.execute("UPDATE dossiers SET status = 'approved', approver = 'reviewer' WHERE id = %s", (did,))


@pytest.mark.parametrize("user", ["reviewer", "supervisor"])
def test_only_admins_change_users_profiles_and_rule_parameters(server, user):
    with sql_as(server, user) as conn:
        for stmt in ("UPDATE users SET role = 'admin' WHERE name = '%s'" % user,
                     "INSERT INTO users (name, display_name, role, active, created_at, created_by) "
                     "VALUES ('eve', 'eve', 'admin', true, now(), 'x')",
                     "UPDATE profiles SET data = '{}'",
                     "INSERT INTO settings (key, value, updated_at, updated_by) VALUES ('x', '1', now(), 'x')",
                     "SELECT ws_user_add('eve', 'SCRAM-SHA-256$4096:x$y:z', 'admin')",
                     "SELECT ws_user_disable('admin')",
                     "CREATE ROLE eve LOGIN",
                     "CREATE TABLE evil (x int)"):
            with pytest.raises((pgerr.InsufficientPrivilege, pgerr.InvalidSchemaName)):
                conn.execute(stmt)
        assert conn.execute("SELECT role FROM users WHERE name = %s", (user,)).fetchone()[0] == user.rstrip("2")
    # through the program: exit 3 (NotPermitted), as on a local store
    ws = login(server.store.path, user)
    try:
        pid = ss.current_profile_id(ws) if hasattr(ss, "current_profile_id") else None
        from workstation.services import profile_service

        with pytest.raises(NotPermitted):
            ss.set_rule_params(ws, pid or profile_service.active_profile_id(ws), {"readmission_days": 9})
    finally:
        ws.close()


def test_a_server_is_not_backed_up_or_purged_by_the_program(server):
    with pytest.raises(UsageError):
        backup_service.backup(server)
    from workstation.services import purge_service

    with pytest.raises(UsageError):
        purge_service.purge(server, server.store.path.dbname)


def test_the_servers_triggers_and_policies_exist(server):
    with sql_as(server, "admin") as conn:
        triggers = {r[0] for r in conn.execute("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")}
        rls = {r[0] for r in conn.execute("SELECT relname FROM pg_class WHERE relrowsecurity")}
    for table in ("events", "samples", "sample_strata", "sample_units"):
        assert f"{table}_append_only" in triggers and f"{table}_no_truncate" in triggers
    assert {"findings_locked_by_dossier", "finding_lines_locked_by_dossier", "evidence_locked_by_dossier",
            "dossiers_rules", "dossier_findings_locked", "events_notify"} <= triggers
    assert {"review_units", "findings", "finding_lines", "evidence", "appeals", "key_slots"} <= rls


# -- personal data ----------------------------------------------------------------------------
def _demo_on_server(pg_cluster, dbname: str):
    """The demo data (same steps as ``workstation demo``) on a server database."""
    import importlib

    from workstation.services import demo, server_service

    ws = server_service.init_server(pg_cluster.address(dbname), "demo-admin", demo.DEMO_PASSPHRASE,
                                    server_user=SERVER_USER, server_password=SERVER_PASSWORD, kdf=FAST_KDF)
    for name, role, display in demo.DEMO_USERS[1:]:
        auth_service.add_user(ws, name, role, demo.DEMO_PASSPHRASE, display_name=display, kdf=FAST_KDF)
    for module, func in demo.STEPS:
        try:
            step = getattr(importlib.import_module(f"workstation.services.demo.{module}"), func)
        except ModuleNotFoundError:
            continue
        step(ws, random.Random(f"2025:{module}"), "small")
    return ws


def test_no_name_or_id_number_in_the_server_files_or_a_dump(pg_cluster, tmp_path):
    import subprocess

    db = pg_cluster.new_database("pd")
    try:
        ws = _demo_on_server(pg_cluster, db)
        try:
            with ws.store.read() as s:  # what the program reads: plaintext, opened on this computer
                people = s.execute(text("SELECT psn_name, certno FROM settlements")).all()
                staff = s.execute(text("SELECT name, certno FROM staff")).all()
                # billing doctors are not insured persons or staff; the demo draws them from the same name pool
                doctors = set(s.execute(text("SELECT DISTINCT bilg_dr_name FROM fee_lines")).scalars())
                found = s.execute(select(SettlementRow.setl_id).where(SettlementRow.certno == people[0][1])).scalars().all()
            with pg_cluster.superuser(db) as conn:  # what the server holds
                stored = conn.execute("SELECT psn_name, certno FROM settlements LIMIT 1").fetchone()
                conn.execute("CHECKPOINT")
        finally:
            ws.close()
        secrets_ = {v for row in people + staff for v in row if v and len(v) >= 2}
        ids = {v for row in people + staff for v in row[1:] if v}
        assert len(ids) > 50 and any("\u4e00" <= c <= "\u9fff" for v in secrets_ for c in v)
        assert found  # exact look-up by ID number works on sealed values
        assert stored[0].startswith("\u00a7ws1\u00a7") and stored[1].startswith("\u00a7ws1\u00a7")
        dump = subprocess.run(
            (["runuser", "-u", "postgres", "--"] if pg_cluster.as_postgres else [])
            + [str(pg_cluster.bin / "pg_dump"), "-h", pg_cluster.socket_dir, "-p", str(pg_cluster.port),
               "-U", "postgres", "-d", db], check=True, capture_output=True).stdout
        assert len(dump) > 100_000
        blobs = [dump] + [p.read_bytes() for p in pg_cluster.data.rglob("*") if p.is_file()]
        names = {v for row in people + staff for v in (row[0],) if v and len(v) >= 3} - doctors
        assert len(names) > 20
        for value in sorted(ids | names):
            needle = value.encode("utf-8")
            assert not any(needle in b for b in blobs), "plaintext personal value found on the server"
    finally:
        pg_cluster.drop_database(db)
