"""The office server: setting up a project database, signing in, and login roles (office.md)."""
from __future__ import annotations

import contextlib
import uuid

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from ..core.errors import Conflict, UsageError, WrongPassphrase
from ..core.i18n import T
from ..core.identity import Role, User
from ..store import event_log, migrate, server, server_setup
from ..store.address import ServerAddress
from ..store.keyslots import FORMAT, KdfParams, new_store_key
from ..store.models.identity import UserRow
from ..store.models.server import ServerMetaRow
from .workspace import Workspace

ALREADY = T("该数据库已经初始化：{db}", "This database is already set up: {db}")


def _to_user(row: UserRow) -> User:
    return User(id=row.id, name=row.name, role=Role(row.role), display_name=row.display_name or row.name, active=row.active)


def init_server(
    address: ServerAddress,
    admin_name: str,
    passphrase: str,
    *,
    server_user: str,
    server_password: str,
    display_name: str | None = None,
    lang: str = "zh_CN",
    kdf: KdfParams | None = None,
    signing_identities: bool = True,
) -> Workspace:
    """``server init``: schema at head, group roles and grants, the admin's login role and key slot."""
    if not passphrase:
        raise UsageError(T("口令不能为空", "The passphrase must not be empty"))
    if not server_user:
        raise UsageError(detail="WORKSTATION_SERVER_USER")
    owner = server.make_engine(address, server_user, server_password, pool_size=1)
    try:
        # A wrong server password surfaces here as WrongPassphrase (exit 3), before anything changes.
        with owner.connect() as conn:
            if server.is_set_up(conn):
                raise Conflict(ALREADY, db=address.url)
        migrate.upgrade(owner)
        raw = server.connect(address, server_user, server_password)
        try:
            server_setup.setup(raw, address.dbname, server_user)
            raw.commit()
        finally:
            raw.close()
        key = new_store_key()
        store_id = str(uuid.uuid4())
        slots = server.ServerKeySlots(owner, {"format": FORMAT, "store_id": store_id, "slots": []})
        slots.add(admin_name, passphrase, key, kdf)
        with Session(owner) as s, s.begin():
            s.execute(text("SELECT ws_user_add(:n, :v, 'admin')"),
                      {"n": admin_name, "v": server.scram_verifier(passphrase)})
            s.add(ServerMetaRow(name="store_id", value=store_id))
            s.add(UserRow(name=admin_name, display_name=display_name or admin_name, role=Role.ADMIN.value,
                          created_by=admin_name))
            s.flush()
            event_log.append(s, user=admin_name, action="store.create", entity="store", entity_id=store_id,
                             details={"server": address.dbname}, origin=store_id)
            event_log.append(s, user=admin_name, action="user.add", entity="user", entity_id=admin_name,
                             after={"name": admin_name, "role": "admin"}, origin=store_id)
            slots.save(session=s)
    finally:
        owner.dispose()
    ws = unlock_server(address, admin_name, passphrase, lang=lang)
    from . import profile_service

    profile_service.ensure_profiles(ws)  # only admins write profiles on a server: copy the built-ins now
    if signing_identities:  # as a local store is made: the project CA and the admin's signing identity
        from . import signing

        with ws.store.session() as s:
            signing.ensure_ca(ws, s)
            signing.issue_identity(ws, ws.user, passphrase, s)
    return ws


def unlock_server(address: ServerAddress, user_name: str, passphrase: str, *, lang: str = "zh_CN") -> Workspace:
    """Sign in: the passphrase is the login role's password and also unwraps the key slot."""
    server.check_not_locked(address, user_name)
    try:
        store = server.ServerStore.open_server(address, user_name, passphrase)
    except WrongPassphrase:
        server.record_sign_in(address, user_name, ok=False)
        raise
    try:
        server.record_sign_in(address, user_name, ok=True)
        slots = server.ServerKeySlots.load_server(store.engine, store.store_id)
        key = slots.unwrap(user_name, passphrase)
        server.install_data_key(store.engine, key)  # personal data sealed before it leaves this computer
        with store.read() as s:
            row = s.execute(select(UserRow).where(UserRow.name == user_name)).scalar_one_or_none()
            user = _to_user(row) if row else None
        if user is None or not user.active:
            raise WrongPassphrase()
    except BaseException:
        store.close()
        raise
    return Workspace(store, slots, key, user, lang)


def add_login(s: Session, name: str, role: Role, passphrase: str) -> None:
    """Create (or re-enable) the login role of ``name`` in this project's group of ``role``."""
    s.execute(text("SELECT ws_user_add(:n, :v, :k)"),
              {"n": name, "v": server.scram_verifier(passphrase), "k": Role(role).value})


def disable_login(s: Session, name: str) -> None:
    s.execute(text("SELECT ws_user_disable(:n)"), {"n": name})


def change_password(ws: Workspace, s: Session, new: str) -> None:
    verifier = server.scram_verifier(new)  # base64, '$' and ':' only: safe inside a literal
    s.connection().exec_driver_sql(f"ALTER ROLE CURRENT_USER PASSWORD '{verifier}'")


def after_password_change(ws: Workspace, new: str) -> None:
    with contextlib.suppress(AttributeError):
        ws.store.set_password(new)
