"""Creating stores, unlocking them, and managing users and their key slots.

``create_store`` and ``add_user`` do all of it: the user row, their key slot,
the events and their signing identity (the project CA with the first store)
are written in one transaction, so a store never exists without its CA and a
user never without a certificate. Only the key-slot sidecar file is written
after the commit (it is a file, not a table).
"""
from __future__ import annotations

import contextlib
import logging
from pathlib import Path

from sqlalchemy import select

from ..core.errors import Conflict, NotFound, NotPermitted, StoreError, UsageError, WrongPassphrase
from ..core.i18n import T
from ..core.identity import Role, User
from ..store.keyslots import KdfParams, KeySlots, new_store_key, sidecar_path
from ..store.models.identity import UserRow
from ..store.schema_version import NewerSchema
from ..store.store import Store
from . import secrets_keyring, signing
from .workspace import Workspace

log = logging.getLogger(__name__)


def _to_user(row: UserRow) -> User:
    return User(id=row.id, name=row.name, role=Role(row.role), display_name=row.display_name or row.name, active=row.active)


def _check_name(name: str) -> str:
    name = (name or "").strip()
    if not name or len(name) > 64 or any(c in name for c in "\x00\n\r\t"):
        raise UsageError(T("用户名无效：{name!r}", "Invalid user name: {name!r}"), name=name)
    return name


def create_store(
    path: Path,
    admin_name: str,
    passphrase: str,
    *,
    display_name: str | None = None,
    lang: str = "zh_CN",
    kdf: KdfParams | None = None,
    signing_identities: bool = True,
) -> Workspace:
    """Create a new encrypted store with ``admin_name`` as its administrator.

    In one transaction: the administrator, the project CA and the
    administrator's signing identity, with their events. ``signing_identities=False``
    makes a store as the first builds did, without them (signing then creates
    them on first use); the test suite's stores are made so.
    """
    if getattr(path, "is_server_address", False):
        raise UsageError(T("服务器上的项目数据库用 server init 初始化", "A database on the office server is set up with server init"))
    path = Path(path)
    admin_name = _check_name(admin_name)
    if path.exists() or sidecar_path(path).exists():
        raise Conflict(T("数据库已存在：{path}", "A store already exists at {path}"), path=str(path))
    if not passphrase:
        raise UsageError(T("口令不能为空", "The passphrase must not be empty"))
    path.parent.mkdir(parents=True, exist_ok=True)
    key = new_store_key()
    slots = KeySlots.create(path)
    try:
        store = Store.open_new(path, slots.store_id, key)
        slots.add(admin_name, passphrase, key, kdf)
        with store.session() as s:
            row = UserRow(name=admin_name, display_name=display_name or admin_name, role=Role.ADMIN.value, created_by=admin_name)
            s.add(row)
            s.flush()
            user = _to_user(row)
            ws = Workspace(store, slots, key, user, lang)
            ws.log(s, "store.create", "store", slots.store_id, details={"file": path.name})
            ws.log(s, "user.add", "user", admin_name, after={"name": admin_name, "role": "admin"})
            if signing_identities:
                signing.ensure_ca(ws, s)
                signing.issue_identity(ws, user, passphrase, s)
        slots.save()
    except BaseException:
        try:
            store.close()  # type: ignore[possibly-undefined]
        except Exception as exc:  # the original error is the one to report; this one is logged
            log.warning("closing a store that failed to be created: %s", type(exc).__name__)
        for p in (path, sidecar_path(path), Path(str(path) + "-wal"), Path(str(path) + "-shm")):
            with contextlib.suppress(FileNotFoundError):
                p.unlink()
        raise
    return ws


def _load_user(store: Store, name: str) -> User | None:
    with store.read() as s:
        row = s.execute(select(UserRow).where(UserRow.name == name)).scalar_one_or_none()
        return _to_user(row) if row else None


def open_with_key(path: Path, slots: KeySlots, key: bytes, user_name: str, lang: str = "zh_CN") -> Workspace:
    store = Store.open(path, slots.store_id, key)
    user = _load_user(store, user_name)
    if user is None or not user.active:
        store.close()
        raise WrongPassphrase()
    return Workspace(store, slots, key, user, lang)


def store_location(text):
    """What ``--db`` names: a local store's path or an office server's address (UsageError, exit 2,
    when a URL holds a user name or password; no connection is made)."""
    from ..store.address import parse_db

    return parse_db(text)


def server_location(text: str):
    """A ``postgresql://`` URL typed by a person → the server address (UsageError if it holds credentials)."""
    from ..store.address import ServerAddress

    return ServerAddress.parse((text or "").strip())


def unlock(path: Path, user_name: str, passphrase: str, *, lang: str = "zh_CN") -> Workspace:
    """Unwrap the user's slot and open the store. Wrong passphrase → exit 3, store untouched."""
    if getattr(path, "is_server_address", False):  # an office server (store/address.py)
        from . import server_service

        return server_service.unlock_server(path, user_name, passphrase, lang=lang)  # type: ignore[arg-type]
    path = Path(path)
    if not path.exists():
        raise StoreError(T("找不到数据库：{path}", "No store at {path}"), path=str(path))
    slots = KeySlots.load(path)
    key = slots.unwrap(user_name, passphrase)
    return open_with_key(path, slots, key, user_name, lang)


def unlock_remembered(path: Path, user_name: str, *, lang: str = "zh_CN") -> Workspace | None:
    """Open with a key remembered in the OS keyring, or None if there is none."""
    if getattr(path, "is_server_address", False):
        return None  # signing in to a server always needs the passphrase (it is the login role's password)
    path = Path(path)
    if not path.exists():
        return None
    slots = KeySlots.load(path)
    if not slots.has_slot(user_name):
        return None
    key = secrets_keyring.recall(slots.store_id, user_name)
    if key is None:
        return None
    try:
        return open_with_key(path, slots, key, user_name, lang)
    except NewerSchema:
        raise  # the key is right; the program is too old - keep the remembered key
    except StoreError:
        # A stale entry (the store was re-keyed or replaced) is forgotten, not fatal.
        secrets_keyring.forget(slots.store_id, user_name)
        return None


def remember_on_this_computer(ws: Workspace) -> bool:
    return secrets_keyring.remember(ws.store_id, ws.user.name, ws.key)


def forget_on_this_computer(ws: Workspace) -> bool:
    return secrets_keyring.forget(ws.store_id, ws.user.name)


def list_users(ws: Workspace) -> list[User]:
    with ws.store.read() as s:
        return [_to_user(r) for r in s.execute(select(UserRow).order_by(UserRow.name)).scalars()]


def add_user(
    ws: Workspace, name: str, role: Role | str, passphrase: str, *, display_name: str | None = None,
    kdf: KdfParams | None = None, signing_identity: bool = True,
) -> User:
    """Add a user, their key slot and their signing identity, in one transaction (admin only).

    ``signing_identity=False``: no identity now (signing issues it on first use), as in the first builds.
    """
    ws.require_admin()
    name = _check_name(name)
    role = Role(role)
    if not passphrase:
        raise UsageError(T("口令不能为空", "The passphrase must not be empty"))
    with ws.store.session() as s:
        existing = s.execute(select(UserRow).where(UserRow.name == name)).scalar_one_or_none()
        if existing is not None and existing.active:
            raise Conflict(T("用户已存在：{name}", "User already exists: {name}"), name=name)
        before = None
        if existing is None:
            row = UserRow(name=name, display_name=display_name or name, role=role.value, created_by=ws.user.name)
            s.add(row)
        else:  # re-activating a removed user keeps their id, so old events still point at them
            before = {"name": name, "role": existing.role, "active": False}
            row = existing
            row.role, row.active = role.value, True
            row.display_name = display_name or row.display_name
        s.flush()
        ws.slots.add(name, passphrase, ws.key, kdf)
        try:
            ws.log(s, "user.add", "user", name, before=before, after={"name": name, "role": role.value})
            user = _to_user(row)
            if signing_identity:
                signing.issue_identity(ws, user, passphrase, s)
            if ws.store.is_server:  # the login role and the key slot, in the same transaction
                from . import server_service

                server_service.add_login(s, name, role, passphrase)
                ws.slots.save(session=s)
        except BaseException:
            ws.slots.remove(name)  # the transaction rolls back; the slot (in memory until saved) goes with it
            raise
    if not ws.store.is_server:
        ws.slots.save()
    return user


def remove_user(ws: Workspace, name: str) -> None:
    """Deactivate a user and remove their key slot (admin only)."""
    ws.require_admin()
    if name == ws.user.name:
        raise NotPermitted(detail=T("不能删除当前登录的用户", "you cannot remove yourself").render(ws.lang))
    with ws.store.session() as s:
        row = s.execute(select(UserRow).where(UserRow.name == name)).scalar_one_or_none()
        if row is None or not row.active:
            raise NotFound(what=name)
        before = {"name": name, "role": row.role, "active": True}
        row.active = False
        ws.log(s, "user.remove", "user", name, before=before, after={"name": name, "role": row.role, "active": False})
        ws.slots.remove(name)
        if ws.store.is_server:
            from . import server_service

            server_service.disable_login(s, name)
            ws.slots.save(session=s)
    if not ws.store.is_server:
        ws.slots.save()
    secrets_keyring.forget(ws.store_id, name)


def change_passphrase(ws: Workspace, old: str, new: str) -> None:
    ws.slots.unwrap(ws.user.name, old)  # proves the old one; counts a failure otherwise
    ws.slots.add(ws.user.name, new, ws.key)
    with ws.store.session() as s:
        ws.log(s, "user.passphrase", "user", ws.user.name)
        if ws.store.is_server:
            from . import server_service

            server_service.change_password(ws, s, new)
            ws.slots.save(session=s)
    if ws.store.is_server:
        server_service.after_password_change(ws, new)
    else:
        ws.slots.save()


def schema_upgrade(ws: Workspace):
    """What opening this store did to its schema (a ``SchemaUpgrade`` naming the backup), or None."""
    return ws.store.upgrade
