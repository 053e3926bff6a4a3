""""Remember on this computer": the unwrapped store key in the OS keyring.

With no usable keyring backend (a headless Linux box) the program says so once
and carries on with passphrase prompts; nothing here raises for that.
"""
from __future__ import annotations

import contextlib
import logging

import keyring
from keyring.errors import KeyringError, PasswordDeleteError

from ..core import gui_thread

SERVICE = "workstation-store-key"
log = logging.getLogger(__name__)


def _entry(store_id: str, user: str) -> str:
    return f"{store_id}:{user}"


def available() -> bool:
    try:
        backend = keyring.get_keyring()
    except Exception as exc:  # a broken backend configuration is the same as none
        log.warning("no usable keyring backend: %s", type(exc).__name__)
        return False
    name = type(backend).__module__ + "." + type(backend).__name__
    if "fail" in name.lower() or "null" in name.lower():
        return False
    try:
        return float(getattr(backend, "priority", 1)) > 0
    except (TypeError, ValueError):  # a backend without a numeric priority is taken as usable
        return True


def remember(store_id: str, user: str, key: bytes) -> bool:
    gui_thread.check("Keyring")
    if not available():
        return False
    try:
        keyring.set_password(SERVICE, _entry(store_id, user), key.hex())
        return True
    except KeyringError as exc:
        log.warning("keyring refused to store the key: %s", type(exc).__name__)
        return False


def recall(store_id: str, user: str) -> bytes | None:
    gui_thread.check("Keyring")
    if not available():
        return None
    try:
        value = keyring.get_password(SERVICE, _entry(store_id, user))
    except KeyringError:
        return None
    if not value:
        return None
    try:
        key = bytes.fromhex(value)
    except ValueError:
        return None
    return key if len(key) == 32 else None


def forget(store_id: str, user: str) -> bool:
    gui_thread.check("Keyring")
    if not available():
        return False
    with contextlib.suppress(PasswordDeleteError, KeyringError):
        keyring.delete_password(SERVICE, _entry(store_id, user))
        return True
    return False
