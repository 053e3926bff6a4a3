"""Personal data encrypted by the workstation before it reaches the office server.

Insured persons' and staff's names and ID numbers (office.md, "Personal data")
are sealed with AES-256-GCM under a key derived (HKDF) from the project data
key, which only people holding a key slot can unwrap. On a local store the
whole file is already encrypted (SQLCipher), so values pass through unchanged.

- Names get a random nonce. ID numbers get a nonce derived from a keyed hash
  (HMAC) of the value: equal numbers seal to equal text, so an exact look-up by
  ID number is an equality on the sealed value (the keyed-hash look-up), and
  nothing else about the number shows.
- Sealed text starts with ``MARK``; the server connection's text loader opens
  any such value (store/server.py), so every read path (ORM, Core, text(), raw
  cursors) sees plaintext, and no read path can forget to decrypt.
- Writes are sealed by the column type (``Personal``) for ORM and Core, and by
  ``seal_statement`` for the raw statements of bulk paths (dialect seam).
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import String, Text
from sqlalchemy.types import TypeDecorator

MARK = "\u00a7ws1\u00a7"  # §ws1§
AAD = b"workstation personal data v1"

# table -> {column: deterministic?}
PERSONAL = {
    "settlements": {"psn_name": False, "certno": True},
    "staff": {"name": False, "certno": True},
}


@dataclass(frozen=True)
class PersonalKeys:
    seal_key: bytes
    lookup_key: bytes

    def __repr__(self) -> str:
        return "<PersonalKeys>"

    @classmethod
    def from_data_key(cls, data_key: bytes) -> "PersonalKeys":
        def derive(info: bytes) -> bytes:
            return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(data_key)

        return cls(derive(b"workstation personal seal v1"), derive(b"workstation personal lookup v1"))

    def seal(self, value: str | None, deterministic: bool) -> str | None:
        if value is None or value.startswith(MARK):
            return value
        data = value.encode("utf-8")
        nonce = (hmac.new(self.lookup_key, data, hashlib.sha256).digest()[:12] if deterministic
                 else secrets.token_bytes(12))
        return MARK + base64.b64encode(nonce + AESGCM(self.seal_key).encrypt(nonce, data, AAD)).decode("ascii")

    def open(self, value: str | None) -> str | None:
        if value is None or not value.startswith(MARK):
            return value
        raw = base64.b64decode(value[len(MARK):])
        try:
            return AESGCM(self.seal_key).decrypt(raw[:12], raw[12:], AAD).decode("utf-8")
        except InvalidTag:
            return value  # sealed under another project's key: shown as is, never guessed


class Personal(TypeDecorator):
    """A personal text column: plaintext inside a local store, sealed on the server."""

    impl = String
    cache_ok = True

    def __init__(self, length: int | None = None, *, deterministic: bool = False) -> None:
        super().__init__(length)
        self.deterministic = deterministic

    def load_dialect_impl(self, dialect):
        # sealed text is longer than the plaintext limit: text on the server
        return dialect.type_descriptor(Text()) if dialect.name == "postgresql" else dialect.type_descriptor(self.impl)

    def process_bind_param(self, value, dialect):
        keys = getattr(dialect, "ws_personal_keys", None)
        return keys.seal(value, self.deterministic) if keys is not None else value

    def process_result_value(self, value, dialect):
        keys = getattr(dialect, "ws_personal_keys", None)
        return keys.open(value) if keys is not None else value


_INSERT = re.compile(r"^\s*INSERT\s+INTO\s+(\w+)\s*\(([^)]*)\)\s*VALUES", re.I | re.S)
_UPDATE = re.compile(r"^\s*UPDATE\s+(\w+)\s+SET\s+(.*?)\s+WHERE\s", re.I | re.S)


def _positions(sql: str) -> list[tuple[int, bool]]:
    """Parameter positions of personal columns in a simple INSERT … VALUES (?, …) or UPDATE … SET c = ?, …."""
    m = _INSERT.match(sql)
    if m and m.group(1).lower() in PERSONAL:
        cols = [c.strip().strip('"').lower() for c in m.group(2).split(",")]
        spec = PERSONAL[m.group(1).lower()]
        return [(i, spec[c]) for i, c in enumerate(cols) if c in spec]
    m = _UPDATE.match(sql)
    if m and m.group(1).lower() in PERSONAL:
        spec = PERSONAL[m.group(1).lower()]
        out = []
        for i, part in enumerate(m.group(2).split(",")):
            col = part.split("=")[0].strip().strip('"').lower()
            if col in spec:
                out.append((i, spec[col]))
        return out
    return []


def seal_rows(keys: PersonalKeys, positions: list[tuple[int, bool]], rows):
    if not positions:
        return rows
    out = []
    for row in rows:
        row = list(row)
        for i, det in positions:
            if isinstance(row[i], str):
                row[i] = keys.seal(row[i], det)
        out.append(tuple(row))
    return out


def seal_statement(keys: PersonalKeys | None, sql: str, rows):
    """Seal the personal values among the parameter rows of a raw INSERT/UPDATE."""
    if keys is None:
        return rows
    return seal_rows(keys, _positions(sql), rows)


def column_positions(table: str, columns) -> list[tuple[int, bool]]:
    spec = PERSONAL.get(table.lower(), {})
    return [(i, spec[c]) for i, c in enumerate(columns) if c in spec]


# Keys of event details that hold a person's name or ID number (roster changes, imports).
DETAIL_KEYS = frozenset({"name", "psn_name", "certno"})


def seal_details(keys: PersonalKeys | None, value):
    """Event details with the personal values sealed (server only; the chain hashes what is stored)."""
    if keys is None:
        return value

    def walk(v, personal: bool):
        if isinstance(v, dict):
            return {k: walk(x, personal or k in DETAIL_KEYS) for k, x in v.items()}
        if isinstance(v, (list, tuple)):
            return [walk(x, personal) for x in v]
        if personal and isinstance(v, str) and v:
            return keys.seal(v, False)
        return v

    return walk(value, False)
