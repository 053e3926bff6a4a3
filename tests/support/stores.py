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
    """A fresh store with admin, supervisor, reviewer and reviewer2; returns the admin's workspace."""
    path = Path(folder) / name
    ws = auth_service.create_store(path, "admin", PASSPHRASES["admin"], kdf=FAST_KDF)
    auth_service.add_user(ws, "supervisor", Role.SUPERVISOR, PASSPHRASES["supervisor"], kdf=FAST_KDF)
    auth_service.add_user(ws, "reviewer", Role.REVIEWER, PASSPHRASES["reviewer"], kdf=FAST_KDF)
    auth_service.add_user(ws, "reviewer2", Role.REVIEWER, PASSPHRASES["reviewer2"], kdf=FAST_KDF)
    return ws


def new_server_store(cluster, dbname: str) -> Workspace:
    """The same four users on a fresh office-server database, set up as ``server init`` does."""
    from tests.support.pg_cluster import SERVER_PASSWORD, SERVER_USER
    from workstation.services import server_service

    ws = server_service.init_server(cluster.address(dbname), "admin", PASSPHRASES["admin"], server_user=SERVER_USER,
                                    server_password=SERVER_PASSWORD, kdf=FAST_KDF)
    auth_service.add_user(ws, "supervisor", Role.SUPERVISOR, PASSPHRASES["supervisor"], kdf=FAST_KDF)
    auth_service.add_user(ws, "reviewer", Role.REVIEWER, PASSPHRASES["reviewer"], kdf=FAST_KDF)
    auth_service.add_user(ws, "reviewer2", Role.REVIEWER, PASSPHRASES["reviewer2"], kdf=FAST_KDF)
    return ws


def login(path, user: str, lang: str = "zh_CN") -> Workspace:
    """Open the store at ``path`` (a file or a server address) as ``user``."""
    target = path if getattr(path, "is_server_address", False) else Path(path)
    return auth_service.unlock(target, user, PASSPHRASES[user], lang=lang)
