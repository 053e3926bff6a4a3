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


def login(path: Path, user: str, lang: str = "zh_CN") -> Workspace:
    return auth_service.unlock(Path(path), user, PASSPHRASES[user], lang=lang)
