"""Key slots: the store's random key, wrapped once per user (the LUKS idea).

The database key is 32 random bytes handed to SQLCipher as a raw key. Each
user's slot holds that key encrypted with AES-256-GCM under a key derived from
the user's passphrase by scrypt. Slots live in a sidecar file beside the store
(``<store>.keys``) because they must be readable before the store is open.

The sidecar holds no names: a slot is found by SHA-256 of the store id and the
user name. It also counts failed logins so that five failures in a row lock the
slot for a growing delay. The counter lives outside the database so that a
wrong passphrase never changes a byte of the store file.
"""
from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from ..core import gui_thread
from ..core.errors import AccountLocked, StoreError, WrongPassphrase
from ..core.i18n import T
from .atomic import atomic_write_bytes

FORMAT = "workstation-keyslots/1"
KEY_BYTES = 32
MAX_FAILURES = 5
BASE_LOCK_SECONDS = 30
MAX_LOCK_SECONDS = 3600


@dataclass(frozen=True)
class KdfParams:
    """scrypt cost. The default takes ~0.1 s and 64 MiB on a laptop."""

    n: int = 2**16
    r: int = 8
    p: int = 1

    @classmethod
    def from_env(cls) -> "KdfParams":
        # Tests create hundreds of slots; they may lower the cost explicitly.
        log_n = os.environ.get("WORKSTATION_KDF_LOG2N")
        return cls(n=2 ** int(log_n)) if log_n else cls()


def sidecar_path(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + ".keys")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))


def new_store_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def slot_id(store_id: str, user_name: str) -> str:
    return hashlib.sha256(f"{store_id}\x00{user_name}".encode("utf-8")).hexdigest()


def _derive(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    gui_thread.check("Key derivation (scrypt)")
    kdf = Scrypt(salt=salt, length=32, n=params.n, r=params.r, p=params.p)
    return kdf.derive(passphrase.encode("utf-8"))


def lock_seconds(failures: int) -> int:
    """Lock delay after ``failures`` consecutive failures (0 below the threshold)."""
    if failures < MAX_FAILURES:
        return 0
    return min(BASE_LOCK_SECONDS * 2 ** (failures - MAX_FAILURES), MAX_LOCK_SECONDS)


class KeySlots:
    """The sidecar file of one store."""

    def __init__(self, path: Path, data: dict) -> None:
        self.path = path
        self._data = data

    # -- file -----------------------------------------------------------------
    @classmethod
    def create(cls, store_path: Path) -> "KeySlots":
        path = sidecar_path(store_path)
        data = {"format": FORMAT, "store_id": str(uuid.uuid4()), "slots": []}
        return cls(path, data)

    @classmethod
    def load(cls, store_path: Path) -> "KeySlots":
        path = sidecar_path(store_path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise StoreError(
                T("找不到数据库或其密钥槽文件：{f}", "The store or its key-slot file does not exist: {f}"), f=path.name
            ) from exc
        except (OSError, ValueError) as exc:
            raise StoreError(
                T("密钥槽文件已损坏：{f}", "The key-slot file is damaged: {f}"), f=path.name
            ) from exc
        if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("slots"), list):
            raise StoreError(T("密钥槽文件格式不符：{f}", "The key-slot file has an unknown format: {f}"), f=path.name)
        return cls(path, data)

    def export(self) -> dict:
        """A copy of every slot (still wrapped), to move a project to another store (store copy)."""
        return json.loads(json.dumps({"store_id": self.store_id, "slots": self._data["slots"]}))

    @classmethod
    def from_export(cls, store_path: Path, data: dict) -> "KeySlots":
        return cls(sidecar_path(store_path), {"format": FORMAT, "store_id": data["store_id"], "slots": data["slots"]})

    def save(self) -> None:
        atomic_write_bytes(self.path, json.dumps(self._data, indent=1).encode("utf-8"))

    @property
    def store_id(self) -> str:
        return self._data["store_id"]

    # -- slots ----------------------------------------------------------------
    def _find(self, user_name: str) -> dict | None:
        sid = slot_id(self.store_id, user_name)
        for slot in self._data["slots"]:
            if slot.get("id") == sid:
                return slot
        return None

    def has_slot(self, user_name: str) -> bool:
        return self._find(user_name) is not None

    def add(self, user_name: str, passphrase: str, key: bytes, params: KdfParams | None = None) -> None:
        if not passphrase:
            raise WrongPassphrase(T("口令不能为空", "The passphrase must not be empty"))
        params = params or KdfParams.from_env()
        salt = secrets.token_bytes(16)
        nonce = secrets.token_bytes(12)
        sid = slot_id(self.store_id, user_name)
        wrapped = AESGCM(_derive(passphrase, salt, params)).encrypt(nonce, key, sid.encode("ascii"))
        slot = {
            "id": sid,
            "kdf": {"name": "scrypt", "n": params.n, "r": params.r, "p": params.p, "salt": _b64(salt)},
            "aead": "AES-256-GCM",
            "nonce": _b64(nonce),
            "wrapped": _b64(wrapped),
            "failures": 0,
            "locked_until": 0,
        }
        self._data["slots"] = [s for s in self._data["slots"] if s.get("id") != sid] + [slot]

    def remove(self, user_name: str) -> bool:
        sid = slot_id(self.store_id, user_name)
        before = len(self._data["slots"])
        self._data["slots"] = [s for s in self._data["slots"] if s.get("id") != sid]
        return len(self._data["slots"]) != before

    def unwrap(self, user_name: str, passphrase: str, now: float | None = None) -> bytes:
        """Return the store key, or raise WrongPassphrase / AccountLocked.

        Failed attempts are counted in the sidecar; a success resets the count.
        An unknown user costs the same KDF work as a wrong passphrase, so the
        timing does not tell which user names exist.
        """
        now = time.time() if now is None else now
        slot = self._find(user_name)
        if slot is None:
            _derive(passphrase or "-", b"\x00" * 16, KdfParams.from_env())
            raise WrongPassphrase()
        locked_until = float(slot.get("locked_until") or 0)
        if locked_until > now:
            raise AccountLocked(seconds=int(locked_until - now) + 1)
        kdf = slot["kdf"]
        params = KdfParams(n=int(kdf["n"]), r=int(kdf["r"]), p=int(kdf["p"]))
        try:
            key = AESGCM(_derive(passphrase, _unb64(kdf["salt"]), params)).decrypt(
                _unb64(slot["nonce"]), _unb64(slot["wrapped"]), slot["id"].encode("ascii")
            )
        except InvalidTag:
            slot["failures"] = int(slot.get("failures", 0)) + 1
            delay = lock_seconds(slot["failures"])
            slot["locked_until"] = now + delay if delay else 0
            self.save()
            raise WrongPassphrase() from None
        if slot.get("failures") or slot.get("locked_until"):
            slot["failures"] = 0
            slot["locked_until"] = 0
            self.save()
        return key

    def failures(self, user_name: str) -> int:
        slot = self._find(user_name)
        return int(slot.get("failures", 0)) if slot else 0
