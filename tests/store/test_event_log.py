import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError, OperationalError

from tests.support.stores import tamper
from workstation.core.errors import NotPermitted
from workstation.services import audit_service
from workstation.store import event_log


def _append_some(ws, n=5):
    with ws.store.session() as s:
        for i in range(n):
            ws.log(s, "test.event", "thing", i, before={"v": i}, after={"v": i + 1})


def test_chain_verifies_and_counts(ws):
    _append_some(ws)
    check = audit_service.verify(ws)
    assert check.valid and check.first_bad_event is None
    # store.create + 4 user.add (fixture) + 5 here; a server's init also copies the built-in profiles
    profiles = 0
    if ws.store.is_server:
        with ws.store.read() as s:
            profiles = s.execute(text("SELECT count(*) FROM events WHERE action = 'profile.add'")).scalar_one()
    assert check.events == 10 + profiles


def test_update_and_delete_are_refused_by_the_store(ws):
    _append_some(ws, 1)
    with pytest.raises((IntegrityError, OperationalError, NotPermitted)):
        with ws.store.session() as s:
            s.execute(text("UPDATE events SET \"user\" = 'mallory' WHERE seq = 2"))
    with pytest.raises((IntegrityError, OperationalError, NotPermitted)):
        with ws.store.session() as s:
            s.execute(text("DELETE FROM events WHERE seq = 2"))
    assert audit_service.verify(ws).valid


def _tamper(ws, sql):
    # Someone holding the key (or owning the server) could disable the triggers; the chain must still tell.
    tamper(ws, sql)


def test_edited_event_is_reported_as_first_bad(ws):
    _append_some(ws)
    _tamper(ws, "UPDATE events SET \"user\" = 'mallory' WHERE seq = 7")
    check = audit_service.verify(ws)
    assert not check.valid and check.first_bad_event == 7


def test_removed_event_is_reported(ws):
    _append_some(ws)
    _tamper(ws, "DELETE FROM events WHERE seq = 6")
    check = audit_service.verify(ws)
    assert not check.valid and check.first_bad_event == 7


def test_hash_covers_every_field(ws):
    _append_some(ws, 1)
    with ws.store.read() as s:
        row = s.execute(text("SELECT * FROM events WHERE seq = 6")).mappings().one()
    fields = {k: row[k] for k in row.keys() if k != "hash"}
    assert event_log.compute_hash(fields) == row["hash"]
    for name in fields:
        if name in ("seq",):
            continue
        changed = dict(fields, **{name: "x" if fields[name] != "x" else "y"})
        assert event_log.compute_hash(changed) != row["hash"], name
