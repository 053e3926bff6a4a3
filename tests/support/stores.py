"""Building real encrypted stores for tests."""
from __future__ import annotations

from pathlib import Path

from workstation.core.identity import Role
from workstation.services import auth_service
from workstation.services.workspace import Workspace
from workstation.store.keyslots import KdfParams

FAST_KDF = KdfParams(n=2**10)
PASSPHRASES = {"admin": "admin-pass", "supervisor": "super-pass", "reviewer": "review-pass", "reviewer2": "review2-pass"}


def new_store(folder: Path, name: str = "store.db") -> Workspace:
    """A fresh store with admin, supervisor, reviewer and reviewer2; returns the admin's workspace.

    Made without signing identities (signing issues them on first use), as the tests were written against.
    """
    path = Path(folder) / name
    ws = auth_service.create_store(path, "admin", PASSPHRASES["admin"], kdf=FAST_KDF, signing_identities=False)
    for user, role in (("supervisor", Role.SUPERVISOR), ("reviewer", Role.REVIEWER), ("reviewer2", Role.REVIEWER)):
        auth_service.add_user(ws, user, role, PASSPHRASES[user], kdf=FAST_KDF, signing_identity=False)
    return ws


def new_server_store(cluster, dbname: str) -> Workspace:
    """The same four users on a fresh office-server database, set up as ``server init`` does."""
    from tests.support.pg_cluster import SERVER_PASSWORD, SERVER_USER
    from workstation.services import server_service

    ws = server_service.init_server(cluster.address(dbname), "admin", PASSPHRASES["admin"], server_user=SERVER_USER,
                                    server_password=SERVER_PASSWORD, kdf=FAST_KDF,
                                    signing_identities=False)
    auth_service.add_user(ws, "supervisor", Role.SUPERVISOR, PASSPHRASES["supervisor"], kdf=FAST_KDF,
                          signing_identity=False)
    auth_service.add_user(ws, "reviewer", Role.REVIEWER, PASSPHRASES["reviewer"], kdf=FAST_KDF,
                          signing_identity=False)
    auth_service.add_user(ws, "reviewer2", Role.REVIEWER, PASSPHRASES["reviewer2"], kdf=FAST_KDF,
                          signing_identity=False)
    return ws


def login(path, user: str, lang: str = "zh_CN") -> Workspace:
    """Open the store at ``path`` (a file or a server address) as ``user``."""
    target = path if getattr(path, "is_server_address", False) else Path(path)
    return auth_service.unlock(target, user, PASSPHRASES[user], lang=lang)


def owner_connection(ws):
    """A psycopg connection as the server database's owner (the server administrator), for tests that
    play someone with full control of the server."""
    import psycopg

    from tests.support.pg_cluster import SERVER_PASSWORD, SERVER_USER

    return psycopg.connect(**ws.store.path.connect_kwargs(SERVER_USER, SERVER_PASSWORD), autocommit=True)


def tamper(ws, sql: str) -> None:
    """Change the store behind the program's back, as someone holding full control would:
    the local store's key holder drops the triggers; the server's owner disables them."""
    if ws.store.is_server:
        with owner_connection(ws) as conn:
            conn.execute("ALTER TABLE events DISABLE TRIGGER USER")
            conn.execute(sql)
            conn.execute("ALTER TABLE events ENABLE TRIGGER USER")
        return
    with ws.store.engine.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER events_no_update")
        conn.exec_driver_sql("DROP TRIGGER events_no_delete")
        conn.exec_driver_sql(sql)


def load_slots(ws):
    """The key slots as stored now (the sidecar file, or the server's key_slots table)."""
    from workstation.store.keyslots import KeySlots

    if ws.store.is_server:
        from workstation.store.server import ServerKeySlots

        return ServerKeySlots.load_server(ws.store.engine, ws.store_id)
    return KeySlots.load(ws.store.path)
