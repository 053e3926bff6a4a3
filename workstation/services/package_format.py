"""The package file: one file, encrypted to a passphrase, integrity-protected.

Layout::

    b"WSPKG1\\n"                  magic (7 bytes)
    uint32 big-endian            length of the header
    header                       canonical JSON: format, KDF, AEAD, nonce, key check, manifest
    ciphertext                   AES-256-GCM(zlib(canonical JSON payload)), AAD = magic + length + header

The key is derived from the package passphrase with scrypt (64 bytes: the
first half encrypts, the second half makes a key check value so that a wrong
passphrase is told apart from a damaged file). The header - and with it the
manifest, its expiry date and its recipients - is authenticated as AAD, so a
single changed byte anywhere in the file makes opening fail. The manifest is
readable without the passphrase (it holds user names, counts and dates, no
personal data of insured persons) so that a dialog can show what a file is
before asking for its passphrase; it is only trusted after ``open_package``.
"""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
import secrets
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from ..core.canonical import canonical_json
from ..core import gui_thread
from ..core.errors import BadInput, WrongPassphrase
from ..core.i18n import T
from ..store.atomic import atomic_writer
from ..store.keyslots import KdfParams
from ..store.schema_version import NEWER_PACKAGE, head_version, refuse_newer

MAGIC = b"WSPKG1\n"
FORMAT = "workstation-package/1"
MAX_HEADER = 1 << 20
CHECK_LABEL = b"workstation-package key check"

NOT_A_PACKAGE = T("不是工作站的工作包文件：{f}", "Not a workstation package file: {f}")
TAMPERED = T(
    "工作包已损坏或被篡改（完整性校验失败），已拒绝导入：{f}",
    "The package is damaged or has been tampered with (integrity check failed); it was refused: {f}",
)
WRONG_PACKAGE_PASSPHRASE = T("工作包口令错误", "Wrong package passphrase")
EXPIRED = T(
    "工作包已于 {date} 过期，已拒绝导入：{f}",
    "The package expired on {date}; it was refused: {f}",
)


@dataclass(frozen=True)
class Package:
    manifest: dict[str, Any]
    payload: dict[str, Any]
    sha256: str


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _derive(passphrase: str, salt: bytes, params: KdfParams) -> tuple[bytes, bytes]:
    gui_thread.check("Key derivation (scrypt)")
    out = Scrypt(salt=salt, length=64, n=params.n, r=params.r, p=params.p).derive(passphrase.encode("utf-8"))
    return out[:32], out[32:]


def _check_value(mac_key: bytes) -> str:
    return hmac.new(mac_key, CHECK_LABEL, hashlib.sha256).hexdigest()


def write_package(path: Path, manifest: dict[str, Any], payload: dict[str, Any], passphrase: str,
                  params: KdfParams | None = None) -> str:
    """Encrypt and write atomically; returns the file's SHA-256."""
    if not passphrase:
        raise BadInput(T("工作包口令不能为空", "The package passphrase must not be empty"))
    params = params or KdfParams.from_env()
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    enc_key, mac_key = _derive(passphrase, salt, params)
    header = canonical_json({
        "format": FORMAT,
        "kdf": {"name": "scrypt", "n": params.n, "r": params.r, "p": params.p, "salt": _b64(salt)},
        "aead": "AES-256-GCM",
        "nonce": _b64(nonce),
        "check": _check_value(mac_key),
        "manifest": manifest,
        "schema_version": head_version(),  # a newer program's package is refused by an older one
    }).encode("utf-8")
    prefix = MAGIC + struct.pack(">I", len(header)) + header
    body = zlib.compress(canonical_json(payload).encode("utf-8"), 6)
    ciphertext = AESGCM(enc_key).encrypt(nonce, body, prefix)
    digest = hashlib.sha256()
    with atomic_writer(Path(path)) as fh:
        for chunk in (prefix, ciphertext):
            fh.write(chunk)
            digest.update(chunk)
    return digest.hexdigest()


def _split(data: bytes, name: str) -> tuple[bytes, dict, bytes]:
    if not data.startswith(MAGIC) or len(data) < len(MAGIC) + 4:
        raise BadInput(NOT_A_PACKAGE, f=name)
    (n,) = struct.unpack(">I", data[len(MAGIC):len(MAGIC) + 4])
    start = len(MAGIC) + 4
    if n > MAX_HEADER or start + n > len(data):
        raise BadInput(TAMPERED, f=name)
    raw = data[start:start + n]
    try:
        header = json.loads(raw.decode("utf-8"))
    except ValueError:
        raise BadInput(TAMPERED, f=name) from None
    if not isinstance(header, dict) or header.get("format") != FORMAT or not isinstance(header.get("manifest"), dict):
        raise BadInput(TAMPERED, f=name)
    refuse_newer(header.get("schema_version"), message=NEWER_PACKAGE, file=name)
    return data[:start + n], header, data[start + n:]


def read_manifest(path: Path) -> dict[str, Any]:
    """The manifest as written in the header, NOT yet authenticated (for display)."""
    path = Path(path)
    with open(path, "rb") as fh:
        head = fh.read(len(MAGIC) + 4 + MAX_HEADER)
    _, header, _ = _split(head, path.name)
    return dict(header["manifest"])


def open_package(path: Path, passphrase: str, *, today: dt.date | None = None) -> Package:
    """Authenticate and decrypt; refuses a tampered, foreign or expired file with a clear message."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BadInput(T("无法读取文件：{e}", "Cannot read the file: {e}"), e=exc.strerror or str(exc), file=path.name) \
            from None
    prefix, header, ciphertext = _split(data, path.name)
    try:
        kdf = header["kdf"]
        params = KdfParams(n=int(kdf["n"]), r=int(kdf["r"]), p=int(kdf["p"]))
        # bounded cost: an altered header must not make us spend gigabytes on scrypt
        if (kdf.get("name") != "scrypt" or header.get("aead") != "AES-256-GCM" or params.n > 2**18
                or params.r > 16 or params.p > 4):
            raise ValueError
        salt, nonce = _unb64(kdf["salt"]), _unb64(header["nonce"])
        enc_key, mac_key = _derive(passphrase or "", salt, params)
    except (KeyError, TypeError, ValueError):
        raise BadInput(TAMPERED, f=path.name) from None
    if not hmac.compare_digest(_check_value(mac_key), str(header.get("check", ""))):
        # Either the passphrase is wrong or the check value itself was altered;
        # both leave the file unusable and the message names the likely cause.
        raise WrongPassphrase(WRONG_PACKAGE_PASSPHRASE)
    try:
        body = AESGCM(enc_key).decrypt(nonce, ciphertext, prefix)
        payload = json.loads(zlib.decompress(body).decode("utf-8"))
    except (InvalidTag, zlib.error, ValueError):
        raise BadInput(TAMPERED, f=path.name) from None
    manifest = header["manifest"]
    expires = manifest.get("expires")
    today = today or dt.date.today()
    if expires and dt.date.fromisoformat(expires) < today:
        raise BadInput(EXPIRED, f=path.name, date=expires)
    return Package(manifest=manifest, payload=payload, sha256=hashlib.sha256(data).hexdigest())


def b64(data: bytes) -> str:
    return _b64(data)


def unb64(text: str) -> bytes:
    return _unb64(text)
