import pytest

from workstation.core.errors import Conflict, NotPermitted, WrongPassphrase
from workstation.core.identity import Role
from workstation.services import auth_service, secrets_keyring
from workstation.store.keyslots import KeySlots
from tests.support.stores import load_slots, FAST_KDF, PASSPHRASES


@pytest.mark.sqlite_only("creates a local file; server init on a set-up database is refused in tests/store/test_office_server.py")
def test_create_store_refuses_existing(ws):
    with pytest.raises(Conflict):
        auth_service.create_store(ws.store.path, "x", "y", kdf=FAST_KDF)


def test_each_user_unlocks_with_own_passphrase(ws, as_user):
    r = as_user("reviewer")
    assert r.user.role is Role.REVIEWER and r.key == ws.key
    with pytest.raises(WrongPassphrase):
        auth_service.unlock(ws.store.path, "reviewer", PASSPHRASES["supervisor"])


def test_only_admin_adds_users(ws, as_user):
    r = as_user("reviewer")
    with pytest.raises(NotPermitted):
        auth_service.add_user(r, "eve", Role.ADMIN, "pw", kdf=FAST_KDF)
    s = as_user("supervisor")
    with pytest.raises(NotPermitted):
        auth_service.add_user(s, "eve", Role.REVIEWER, "pw", kdf=FAST_KDF)


def test_remove_user_removes_slot_and_logs(ws):
    auth_service.remove_user(ws, "reviewer2")
    assert not load_slots(ws).has_slot("reviewer2")
    with pytest.raises(WrongPassphrase):
        auth_service.unlock(ws.store.path, "reviewer2", PASSPHRASES["reviewer2"])
    names = {u.name: u.active for u in auth_service.list_users(ws)}
    assert names["reviewer2"] is False
    with ws.store.read() as s:
        from sqlalchemy import text

        actions = [r[0] for r in s.execute(text("SELECT action FROM events ORDER BY seq"))]
    assert actions[-1] == "user.remove"
    with pytest.raises(NotPermitted):
        auth_service.remove_user(ws, "admin")


@pytest.mark.sqlite_only("signing in to a server always needs the passphrase: it is the login role's password")
def test_remember_on_this_computer(ws, memory_keyring):
    assert secrets_keyring.available()
    assert auth_service.remember_on_this_computer(ws)
    assert any(ws.key.hex() == v for v in memory_keyring.entries.values())
    again = auth_service.unlock_remembered(ws.store.path, "admin")
    assert again is not None and again.user.name == "admin"
    again.close()
    auth_service.forget_on_this_computer(ws)
    assert memory_keyring.entries == {}
    assert auth_service.unlock_remembered(ws.store.path, "admin") is None


def test_no_keyring_backend_carries_on(ws):
    import keyring
    from keyring.backends.fail import Keyring as FailKeyring

    previous = keyring.get_keyring()
    keyring.set_keyring(FailKeyring())
    try:
        assert not secrets_keyring.available()
        assert auth_service.remember_on_this_computer(ws) is False
        assert auth_service.unlock_remembered(ws.store.path, "admin") is None
    finally:
        keyring.set_keyring(previous)


def test_change_passphrase(ws):
    auth_service.change_passphrase(ws, PASSPHRASES["admin"], "new-one")
    w = auth_service.unlock(ws.store.path, "admin", "new-one")
    w.close()
    with pytest.raises(WrongPassphrase):
        auth_service.unlock(ws.store.path, "admin", PASSPHRASES["admin"])
