"""``store copy``: move a whole project between a local store and an office server (office.md).

Data, users and key slots, evidence, and the event log with its chain intact are
copied in one transaction; the copy's chain is verified before it is committed;
DST must be empty and stays empty on any failure. The project keeps its store id
and data key, so key slots, signatures and event origins stay valid.

Login roles on a server need each person's passphrase, which only they know:
the copying admin gets a working login; the others' roles are created without
one and listed in the result, for the admin to re-issue (``user add``).
"""
from __future__ import annotations

import contextlib
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import insert, select, text
from sqlalchemy.orm import Session

from ..core.errors import CheckFailed, Conflict, UsageError
from ..core.i18n import T
from ..store import event_log, migrate, server, server_setup
from ..store.keyslots import KeySlots, sidecar_path, slot_id
from ..store.models import Base
from ..store.models.identity import UserRow
from ..store.store import Store
from . import auth_service

SKIP = {"server_meta", "key_slots"}
LAST = ("dossier_findings",)  # after the findings it freezes (the lock triggers watch inserts)
BATCH = 5000
NOT_EMPTY = T("目标数据库不是空的：{db}", "The destination store is not empty: {db}")


@dataclass(frozen=True)
class CopyResult:
    tables: dict[str, int]
    events: int
    users_to_reissue: list[str] = field(default_factory=list)


def _tables():
    tables = [t for t in Base.metadata.sorted_tables if t.name not in SKIP]
    return [t for t in tables if t.name not in LAST] + [t for t in tables if t.name in LAST]


def _copy_rows(src_session: Session, dst_conn) -> dict[str, int]:
    counts = {}
    for table in _tables():
        n = 0
        result = src_session.execute(select(table))
        while True:
            rows = result.fetchmany(BATCH)
            if not rows:
                break
            dst_conn.execute(insert(table), [dict(r._mapping) for r in rows])
            n += len(rows)
        counts[table.name] = n
    return counts


def copy_store(src, dst, user: str, passphrase: str, *, lang: str = "zh_CN", server_user: str = "",
               server_password: str = "") -> CopyResult:
    if str(src) == str(dst):
        raise UsageError(T("源与目标相同", "source and destination are the same"))
    ws = auth_service.unlock(src, user, passphrase, lang=lang)
    try:
        ws.require_admin()
        if getattr(dst, "is_server_address", False):
            return _to_server(ws, dst, user, passphrase, server_user, server_password)
        return _to_local(ws, Path(dst))
    finally:
        ws.close()


def _verify(session: Session) -> int:
    check = event_log.verify(session)
    if not check.valid:
        raise CheckFailed(T("复制后的事件日志校验失败（第 {n} 条）", "The copied event log does not verify (event {n})"),
                          n=check.first_bad_event)
    return check.events


def _to_local(ws, path: Path) -> CopyResult:
    if path.exists() or sidecar_path(path).exists():
        raise Conflict(NOT_EMPTY, db=str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    store = None
    try:
        store = Store.open_new(path, ws.store_id, ws.key)
        with ws.store.read() as src, store.session() as dst:
            counts = _copy_rows(src, dst.connection())
            events = _verify(dst)
        KeySlots.from_export(path, ws.slots.export()).save()
        store.close()
        return CopyResult(counts, events)
    except BaseException:
        if store is not None:
            with contextlib.suppress(Exception):
                store.close()
        for p in (path, sidecar_path(path), Path(str(path) + "-wal"), Path(str(path) + "-shm")):
            with contextlib.suppress(FileNotFoundError):
                p.unlink()
        raise


def _to_server(ws, address, user: str, passphrase: str, server_user: str, server_password: str) -> CopyResult:
    if not server_user:
        raise UsageError(detail=T("未指定服务器角色（WORKSTATION_SERVER_USER）",
                                  "no server role given (WORKSTATION_SERVER_USER)").render(ws.lang))
    owner = server.make_engine(address, server_user, server_password, pool_size=1)
    server.install_data_key(owner, ws.key)  # the copy seals personal data like any workstation
    try:
        with owner.connect() as probe:
            if probe.execute(text("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).scalar_one():
                raise Conflict(NOT_EMPTY, db=address.url)
        slots = ws.slots.export()
        with owner.begin() as conn:  # one transaction: schema, roles, data, chain check
            migrate.upgrade_on(conn)
            server_setup.setup(conn.connection.dbapi_connection, address.dbname, server_user)
            tables = [t.name for t in _tables()]
            for name in tables:
                conn.exec_driver_sql(f"ALTER TABLE {name} DISABLE TRIGGER USER")
            with ws.store.read() as src:
                counts = _copy_rows(src, conn)
                users = src.execute(select(UserRow.name, UserRow.role, UserRow.active)).all()
            for name in tables:
                conn.exec_driver_sql(f"ALTER TABLE {name} ENABLE TRIGGER USER")
            for table in Base.metadata.sorted_tables:  # serial columns continue after the copied ids
                pk = list(table.primary_key.columns)
                if len(pk) == 1 and pk[0].autoincrement is not False and pk[0].type.python_type is int \
                        and counts.get(table.name):
                    conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', '{pk[0].name}'), "
                                      f"(SELECT max({pk[0].name}) FROM {table.name}))"))
            conn.execute(text("INSERT INTO server_meta (name, value) VALUES ('store_id', :v)"), {"v": ws.store_id})
            by_id = {s["id"]: s for s in slots["slots"]}
            reissue = []
            import json

            for name, role, active in users:
                sid = slot_id(ws.store_id, name)
                if sid in by_id:
                    conn.execute(text("INSERT INTO key_slots (id, role_name, data) VALUES (:i, :r, :d)"),
                                 {"i": sid, "r": name, "d": json.dumps(by_id[sid])})
                if not active:
                    continue
                known = passphrase if name == user else secrets.token_urlsafe(24)
                conn.execute(text("SELECT ws_user_add(:n, :v, :k)"),
                             {"n": name, "v": server.scram_verifier(known), "k": role})
                if name != user:
                    conn.exec_driver_sql(f'ALTER ROLE "{name.replace(chr(34), chr(34) * 2)}" NOLOGIN')
                    reissue.append(name)
            events = _verify(Session(bind=conn))
        return CopyResult(counts, events, reissue)
    finally:
        owner.dispose()
