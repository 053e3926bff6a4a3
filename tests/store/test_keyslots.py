import json

import pytest

from workstation.core.errors import AccountLocked, WrongPassphrase
from workstation.store.keyslots import KdfParams, KeySlots, lock_seconds, new_store_key

FAST = KdfParams(n=2**10)


def test_slot_round_trip_and_wrong_passphrase(tmp_path):
    store = tmp_path / "s.db"
    slots = KeySlots.create(store)
    key = new_store_key()
    slots.add("alice", "correct horse", key, FAST)
    slots.save()
    loaded = KeySlots.load(store)
    assert loaded.unwrap("alice", "correct horse") == key
    with pytest.raises(WrongPassphrase):
        loaded.unwrap("alice", "wrong")
    with pytest.raises(WrongPassphrase):
        loaded.unwrap("mallory", "correct horse")


def test_sidecar_names_no_user_and_holds_no_key(tmp_path):
    store = tmp_path / "s.db"
    slots = KeySlots.create(store)
    key = new_store_key()
    slots.add("张三", "pw", key, FAST)
    slots.save()
    raw = (tmp_path / "s.db.keys").read_bytes()
    assert "张三".encode() not in raw and b"\\u5f20" not in raw
    assert key.hex().encode() not in raw and key not in raw


def test_default_kdf_is_real_scrypt(tmp_path):
    # The one test that pays the production cost: n = 2^16, r = 8.
    slots = KeySlots.create(tmp_path / "s.db")
    key = new_store_key()
    slots.add("bob", "pw", key, KdfParams())
    data = json.loads(json.dumps(slots._data))
    assert data["slots"][0]["kdf"]["n"] == 2**16 and data["slots"][0]["kdf"]["name"] == "scrypt"
    assert slots.unwrap("bob", "pw") == key


def test_five_failures_lock_the_slot_for_a_growing_delay(tmp_path):
    store = tmp_path / "s.db"
    slots = KeySlots.create(store)
    key = new_store_key()
    slots.add("carol", "pw", key, FAST)
    slots.save()
    t = 1_000_000.0
    for _ in range(4):
        with pytest.raises(WrongPassphrase):
            slots.unwrap("carol", "nope", now=t)
    # The fifth failure locks; even the right passphrase is refused while locked.
    with pytest.raises(WrongPassphrase):
        slots.unwrap("carol", "nope", now=t)
    with pytest.raises(AccountLocked):
        KeySlots.load(store).unwrap("carol", "pw", now=t + 1)
    # After the delay a wrong try locks again, for longer.
    with pytest.raises(WrongPassphrase):
        slots.unwrap("carol", "nope", now=t + lock_seconds(5) + 1)
    assert lock_seconds(6) > lock_seconds(5)
    with pytest.raises(AccountLocked):
        slots.unwrap("carol", "pw", now=t + lock_seconds(5) + 2)
    # Once the lock has passed, the right passphrase works and resets the count.
    later = t + lock_seconds(5) + lock_seconds(6) + 10
    assert slots.unwrap("carol", "pw", now=later) == key
    assert KeySlots.load(store).failures("carol") == 0


def test_lock_delay_is_capped():
    assert lock_seconds(4) == 0
    assert lock_seconds(5) == 30
    assert lock_seconds(50) == 3600
