"""The office server's side of a store: connecting, key slots on the server, login roles.

A server store is one PostgreSQL database. Each person signs in with their own
login role, whose password is their passphrase; the role is a member of one of
three group roles of this database (reviewer, supervisor, admin), named after
the database so that several projects can share a server. The project data key
is wrapped per user exactly as in the local sidecar (``keyslots.py``), but the
slots live in the ``key_slots`` table, where row-level security lets each
person read only their own.

Passwords never travel to the server in clear: a new role's password is sent as
a SCRAM-SHA-256 verifier computed here (the form PostgreSQL itself stores).
"""
from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import json
import secrets
import time
import unicodedata
from pathlib import Path
from typing import Iterator

import psycopg
from psycopg.types.numeric import NumericLoader
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.pool import QueuePool

from ..core.errors import AccountLocked, NotPermitted, StoreError, WrongPassphrase
from ..core.i18n import T
from . import personal
from .address import ServerAddress
from .atomic import atomic_write_bytes
from .keyslots import FORMAT, KeySlots, lock_seconds
from .store import Store

KINDS = ("reviewer", "supervisor", "admin")
SCRAM_ITERATIONS = 4096

UNREACHABLE = T("无法连接数据库服务器：{detail}", "Cannot reach the database server: {detail}")
NOT_SET_UP = T("该数据库尚未初始化（请管理员运行 server init）",
               "This database is not set up yet (the administrator runs server init)")
REFUSED = T("服务器拒绝了该操作（权限不足或数据已锁定）：{detail}",
            "The server refused the change (no permission or the data is locked): {detail}")


def group_role(dbname: str, kind: str) -> str:
    """The group role of ``kind`` for database ``dbname`` (SQL side: ws_group(kind))."""
    if kind not in KINDS:
        raise ValueError(kind)
    name = f"ws_{dbname}_{kind}"
    if len(name.encode("utf-8")) > 63:
        raise StoreError(T("数据库名过长：{name}", "The database name is too long: {name}"), name=dbname)
    return name


def scram_verifier(password: str, *, salt: bytes | None = None, iterations: int = SCRAM_ITERATIONS) -> str:
    """The SCRAM-SHA-256 verifier PostgreSQL stores for ``password`` (RFC 5802 / 7677).

    libpq normalises the password with SASLprep before hashing; NFKC is the
    normalisation step of SASLprep, which covers every passphrase people type.
    """
    salt = salt or secrets.token_bytes(16)
    normalised = unicodedata.normalize("NFKC", password).encode("utf-8")
    salted = hashlib.pbkdf2_hmac("sha256", normalised, salt, iterations)
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", hashlib.sha256).digest()
    b64 = lambda b: base64.b64encode(b).decode("ascii")  # noqa: E731
    return f"SCRAM-SHA-256${iterations}:{b64(salt)}${b64(stored_key)}:{b64(server_key)}"


class _IntegralNumericLoader(NumericLoader):
    """sum() of a bigint column is numeric on PostgreSQL; SQLite gives an int.

    Amounts are integer fen end to end, so an integral numeric is loaded as int
    and a fractional one (avg) as float, as SQLite returns them.
    """

    def load(self, data):  # type: ignore[override]
        value = super().load(data)
        try:
            if value == value.to_integral_value():
                return int(value)
        except Exception:  # NaN / infinity
            return float(value)
        return float(value)


def _is_auth_failure(exc: psycopg.Error) -> bool:
    if getattr(exc, "sqlstate", None) in ("28P01", "28000"):
        return True
    msg = str(exc)
    return "password authentication failed" in msg or "not permitted to log in" in msg or "no password supplied" in msg


def connect(address: ServerAddress, user: str, password: str) -> psycopg.Connection:
    """One DB-API connection as ``user``. Wrong password → WrongPassphrase; no server → StoreError."""
    if not password:
        raise WrongPassphrase()
    try:
        conn = psycopg.connect(**address.connect_kwargs(user, password))
    except psycopg.OperationalError as exc:
        if _is_auth_failure(exc):
            raise WrongPassphrase() from None
        # libpq's text names host and port only; never the password (it is not in a conninfo string).
        raise StoreError(UNREACHABLE, detail=str(exc).strip().splitlines()[0] if str(exc).strip() else "?") from None
    conn.adapters.register_loader("numeric", _IntegralNumericLoader)
    return conn


def _opening_loaders(holder: dict):
    """Text loaders that open sealed personal values (store/personal.py) once the data key is known."""
    from psycopg.types.string import TextBinaryLoader, TextLoader

    def opener(base):
        class Opening(base):
            def load(self, data):
                value = super().load(data)
                if isinstance(value, str) and value.startswith(personal.MARK):
                    keys = holder.get("personal")
                    if keys is not None:
                        return keys.open(value)
                return value

        return Opening

    return opener(TextLoader), opener(TextBinaryLoader)


def make_engine(address: ServerAddress, user: str, password: str, *, pool_size: int = 4) -> Engine:
    credential = {"password": password}  # changed in place when the person changes their passphrase
    text_loader, binary_loader = _opening_loaders(credential)

    def creator() -> psycopg.Connection:
        conn = connect(address, user, credential["password"])
        for name in ("text", "varchar"):
            conn.adapters.register_loader(name, text_loader)
            conn.adapters.register_loader(name, binary_loader)
        return conn

    engine = create_engine(
        "postgresql+psycopg://",
        creator=creator,
        poolclass=QueuePool,
        pool_size=pool_size,
        max_overflow=4,
        pool_pre_ping=True,
        # SQL parameters can hold personal data; never put them in exception texts.
        hide_parameters=True,
    )
    engine._ws_credential = credential  # type: ignore[attr-defined]
    return engine


def install_data_key(engine: Engine, data_key: bytes) -> None:
    """From now on this engine seals personal values it writes and opens those it reads."""
    keys = personal.PersonalKeys.from_data_key(data_key)
    engine._ws_credential["personal"] = keys  # type: ignore[attr-defined]
    engine.dialect.ws_personal_keys = keys  # type: ignore[attr-defined]


def translate(exc: BaseException) -> BaseException:
    """The server's refusals (grants, row-level security, our triggers: SQLSTATE 42501) → NotPermitted."""
    orig = getattr(exc, "orig", exc)
    state = getattr(orig, "sqlstate", None)
    if state == "42501" or (state or "").startswith("28"):
        detail = getattr(getattr(orig, "diag", None), "message_primary", None) or state
        return NotPermitted(detail=str(detail))
    return exc


class ServerStore(Store):
    """A store that is a database on the office server."""

    is_server = True

    def __init__(self, address: ServerAddress, store_id: str, engine: Engine, user: str) -> None:
        super().__init__(address, store_id, engine)  # type: ignore[arg-type]
        self.address = address
        self.login = user

    @classmethod
    def open_server(cls, address: ServerAddress, user: str, password: str) -> "ServerStore":
        from . import migrate

        engine = make_engine(address, user, password)
        try:
            with engine.connect() as conn:
                if not is_set_up(conn):
                    raise StoreError(NOT_SET_UP)
                store_id = conn.execute(text("SELECT value FROM server_meta WHERE name = 'store_id'")).scalar_one()
            if migrate.current_revision(engine) != migrate.head_revision():
                raise StoreError(T("服务器上的数据库结构不是当前版本（请管理员运行 server upgrade）",
                                   "The server's schema is not at the current version (the administrator runs server upgrade)"))
        except DBAPIError as exc:
            engine.dispose()
            orig = exc.orig
            if isinstance(orig, psycopg.OperationalError) and _is_auth_failure(orig):
                raise WrongPassphrase() from None
            raise StoreError(UNREACHABLE, detail=type(orig).__name__) from None
        except BaseException:
            engine.dispose()
            raise
        return cls(address, store_id, engine, user)

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        try:
            with super().session() as s:
                yield s
        except DBAPIError as exc:
            mapped = translate(exc)
            if mapped is exc:
                raise
            raise mapped from None

    def set_password(self, password: str) -> None:
        """After ALTER ROLE … PASSWORD: new pooled connections sign in with the new passphrase."""
        self.engine._ws_credential["password"] = password  # type: ignore[attr-defined]

    def checkpoint(self) -> None:  # the server manages its own WAL
        return None

    def close(self) -> None:
        self.engine.dispose()


def is_set_up(conn) -> bool:
    return bool(conn.execute(text("SELECT to_regclass('server_meta') IS NOT NULL")).scalar_one()) and \
        conn.execute(text("SELECT count(*) FROM server_meta WHERE name = 'store_id'")).scalar_one() == 1


class ServerKeySlots(KeySlots):
    """Key slots kept in the server's ``key_slots`` table (row-level security: own slot, or admin)."""

    def __init__(self, engine: Engine, data: dict) -> None:
        super().__init__(None, data)  # type: ignore[arg-type]
        self.engine = engine

    @classmethod
    def load_server(cls, engine: Engine, store_id: str) -> "ServerKeySlots":
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT id, role_name, data FROM key_slots ORDER BY id")).all()
        return cls(engine, {"format": FORMAT, "store_id": store_id, "slots": [json.loads(r[2]) for r in rows],
                            "owners": {r[0]: r[1] for r in rows}})

    def owners(self) -> dict[str, str]:
        return dict(self._data.setdefault("owners", {}))

    def add(self, user_name: str, passphrase: str, key: bytes, params=None) -> None:  # type: ignore[override]
        super().add(user_name, passphrase, key, params)
        self._data.setdefault("owners", {})[self._find(user_name)["id"]] = user_name

    def save(self, session: Session | None = None) -> None:  # type: ignore[override]
        owners = self._data.get("owners", {})
        with contextlib.ExitStack() as stack:
            conn = session.connection() if session is not None else stack.enter_context(self.engine.begin())
            present = set(conn.execute(text("SELECT id FROM key_slots")).scalars())
            wanted = {s["id"]: s for s in self._data["slots"]}
            for sid in present - set(wanted):
                conn.execute(text("DELETE FROM key_slots WHERE id = :i"), {"i": sid})
            for sid, slot in wanted.items():
                if sid in present:
                    conn.execute(text("UPDATE key_slots SET data = :d WHERE id = :i"),
                                 {"i": sid, "d": json.dumps(slot)})
                else:
                    conn.execute(text("INSERT INTO key_slots (id, role_name, data) VALUES (:i, :r, :d)"),
                                 {"i": sid, "r": owners[sid], "d": json.dumps(slot)})


# -- failed sign-ins ---------------------------------------------------------------
# A wrong passphrase is refused by the server before the client can write
# anything there, so failures are counted per computer (as the sidecar does for a
# local store): five in a row lock this user's sign-in to this server for 30 s,
# doubling up to an hour. It is a speed bump at the keyboard; the server's own
# defence against guessing is auth_delay and the SCRAM cost (docs/office.md).

def _throttle_file() -> Path:
    from ..paths import user_data_dir

    return user_data_dir() / "server-logins.json"


def _throttle_key(address: ServerAddress, user: str) -> str:
    return hashlib.sha256(f"{address.host}\x00{address.port}\x00{address.dbname}\x00{user}".encode()).hexdigest()


def _throttle_load() -> dict:
    try:
        data = json.loads(_throttle_file().read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def check_not_locked(address: ServerAddress, user: str, now: float | None = None) -> None:
    now = time.time() if now is None else now
    entry = _throttle_load().get(_throttle_key(address, user)) or {}
    until = float(entry.get("locked_until") or 0)
    if until > now:
        raise AccountLocked(seconds=int(until - now) + 1)


def record_sign_in(address: ServerAddress, user: str, ok: bool, now: float | None = None) -> None:
    now = time.time() if now is None else now
    data = _throttle_load()
    key = _throttle_key(address, user)
    if ok:
        if key not in data:
            return
        data.pop(key)
    else:
        failures = int((data.get(key) or {}).get("failures", 0)) + 1
        delay = lock_seconds(failures)
        data[key] = {"failures": failures, "locked_until": now + delay if delay else 0}
    path = _throttle_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, json.dumps(data).encode("utf-8"))
