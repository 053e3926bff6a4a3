"""Creating a store and adding a user do all of it, in one transaction: the user, their key slot,
their events and their signing identity (with the project CA for a new store)."""
from __future__ import annotations

import base64
import json

import pytest
from sqlalchemy import text

from tests.support.stores import FAST_KDF
from workstation.core.errors import StoreError
from workstation.services import audit_service, auth_service, signing
from workstation.store.keyslots import KeySlots
from workstation.store.models.dossier import SigningIdentityRow


def _actions(ws) -> list[str]:
    with ws.store.read() as s:
        return [r[0] for r in s.execute(text("SELECT action FROM events ORDER BY seq"))]


def test_a_new_store_has_its_ca_and_the_administrators_identity(tmp_path):
    ws = auth_service.create_store(tmp_path / "s.db", "boss", "pw-boss", kdf=FAST_KDF)
    try:
        assert _actions(ws) == ["store.create", "user.add", "signing.ca.create", "signing.identity.issue"]
        assert signing.has_ca(ws) and signing.identity_certificate(ws, "boss") is not None
        assert audit_service.verify(ws).valid
    finally:
        ws.close()


def test_adding_a_user_that_cannot_get_an_identity_adds_nothing(tmp_path):
    ws = auth_service.create_store(tmp_path / "s.db", "boss", "pw-boss", kdf=FAST_KDF)
    try:
        with ws.store.session() as s:  # the CA's key can no longer be unwrapped
            row = s.get(SigningIdentityRow, signing.CA_NAME)
            wrapped = json.loads(row.key_wrapped)
            wrapped["ct"] = base64.b64encode(b"\0" * len(base64.b64decode(wrapped["ct"]))).decode()
            row.key_wrapped = json.dumps(wrapped)
        before = _actions(ws)
        with pytest.raises(StoreError):
            auth_service.add_user(ws, "li", "reviewer", "pw-li", kdf=FAST_KDF)
        assert [u.name for u in auth_service.list_users(ws)] == ["boss"]
        assert _actions(ws) == before
        assert not ws.slots.has_slot("li") and not KeySlots.load(ws.store.path).has_slot("li")
    finally:
        ws.close()
