"""Signing identities, all offline: the project CA and each user's key pair and certificate.

* The project certificate authority (row ``__ca__`` of ``signing_identities``)
  is created with the store (or lazily, the first time anyone signs in a store
  made without it). Its private key is encrypted with AES-256-GCM under a key
  derived (HKDF-SHA256) from the store key: the store is already encrypted, and
  wrapping it again keeps the CA key out of any plaintext dump of the table,
  while letting an administrator issue certificates for users added later
  without a further secret.
* Each user has an ECDSA P-256 key pair and an X.509 certificate issued by the
  project CA. The private key is encrypted with AES-256-GCM under a key derived
  from the user's passphrase by scrypt (as in store/keyslots.py), so only the
  user can sign.

PAdES signing and verification are in ``signing_pdf.py``; ``signing.py`` is both under one name.
"""
from __future__ import annotations

import base64
import datetime as dt
import json
import secrets
from dataclasses import dataclass

from cryptography import x509
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from cryptography.x509.oid import NameOID
from sqlalchemy import select

from ..core import gui_thread
from ..core.errors import StoreError, WrongPassphrase
from ..core.i18n import T
from ..core.identity import ROLE_LABELS, Role, User
from ..store.keyslots import KdfParams
from ..store.models.dossier import SigningIdentityRow
from ..store.models.identity import UserRow
from .workspace import Workspace

CA_NAME = "__ca__"
CA_YEARS = 30
USER_YEARS = 15  # signatures must verify for years, offline, without a timestamp authority
SIG_FORMAT = "workstation-signing-key/1"


# -- key wrapping --------------------------------------------------------------------
def _b64(b: bytes) -> str:
    return base64.b64encode(b).decode("ascii")


def _unb64(s: str) -> bytes:
    return base64.b64decode(s.encode("ascii"))


def _store_kek(ws: Workspace) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"workstation ca key wrap").derive(ws.key)


def _wrap_with_store_key(ws: Workspace, der: bytes) -> str:
    nonce = secrets.token_bytes(12)
    aad = f"{ws.store_id}\x00{CA_NAME}".encode("utf-8")
    ct = AESGCM(_store_kek(ws)).encrypt(nonce, der, aad)
    return json.dumps({"format": SIG_FORMAT, "kek": "hkdf-sha256(store key)", "aead": "AES-256-GCM",
                       "nonce": _b64(nonce), "ct": _b64(ct)})


def _unwrap_with_store_key(ws: Workspace, wrapped: str) -> bytes:
    data = json.loads(wrapped)
    aad = f"{ws.store_id}\x00{CA_NAME}".encode("utf-8")
    try:
        return AESGCM(_store_kek(ws)).decrypt(_unb64(data["nonce"]), _unb64(data["ct"]), aad)
    except InvalidTag:
        raise StoreError(T("项目证书颁发机构的私钥无法解密", "The project CA's private key cannot be decrypted")) from None


def _passphrase_kek(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    gui_thread.check("Key derivation (scrypt)")
    return Scrypt(salt=salt, length=32, n=params.n, r=params.r, p=params.p).derive(passphrase.encode("utf-8"))


def _wrap_with_passphrase(ws: Workspace, user_name: str, passphrase: str, der: bytes) -> str:
    params = KdfParams.from_env()
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    aad = f"{ws.store_id}\x00{user_name}".encode("utf-8")
    ct = AESGCM(_passphrase_kek(passphrase, salt, params)).encrypt(nonce, der, aad)
    return json.dumps({"format": SIG_FORMAT, "kdf": {"name": "scrypt", "n": params.n, "r": params.r, "p": params.p,
                                                     "salt": _b64(salt)},
                       "aead": "AES-256-GCM", "nonce": _b64(nonce), "ct": _b64(ct)})


def _unwrap_with_passphrase(ws: Workspace, user_name: str, passphrase: str, wrapped: str) -> bytes | None:
    data = json.loads(wrapped)
    kdf = data["kdf"]
    params = KdfParams(n=int(kdf["n"]), r=int(kdf["r"]), p=int(kdf["p"]))
    aad = f"{ws.store_id}\x00{user_name}".encode("utf-8")
    try:
        return AESGCM(_passphrase_kek(passphrase, _unb64(kdf["salt"]), params)).decrypt(
            _unb64(data["nonce"]), _unb64(data["ct"]), aad)
    except InvalidTag:
        return None


def private_key_der(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


# -- the project CA ------------------------------------------------------------------
def has_ca(ws: Workspace) -> bool:
    with ws.store.read() as s:
        return s.get(SigningIdentityRow, CA_NAME) is not None


def ensure_ca(ws: Workspace, session=None) -> x509.Certificate:
    """The project CA certificate, created on first use (offline, self-signed)."""
    def _do(s) -> x509.Certificate:
        row = s.get(SigningIdentityRow, CA_NAME)
        if row is not None:
            return x509.load_pem_x509_certificate(row.cert_pem.encode("ascii"))
        key = ec.generate_private_key(ec.SECP256R1())
        name = x509.Name([
            x509.NameAttribute(NameOID.COMMON_NAME, f"医保审核工作站 项目CA {ws.store_id[:8]}"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "医保审核工作站 / audit review workstation"),
            x509.NameAttribute(NameOID.SERIAL_NUMBER, ws.store_id),
        ])
        now = _now()
        ski = x509.SubjectKeyIdentifier.from_public_key(key.public_key())
        cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
                .serial_number(x509.random_serial_number())
                .not_valid_before(now - dt.timedelta(days=1))
                .not_valid_after(now + dt.timedelta(days=365 * CA_YEARS))
                .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
                .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False,
                                             key_encipherment=False, data_encipherment=False, key_agreement=False,
                                             key_cert_sign=True, crl_sign=True, encipher_only=False,
                                             decipher_only=False), critical=True)
                .add_extension(ski, critical=False)
                .sign(key, hashes.SHA256()))
        pem = cert.public_bytes(serialization.Encoding.PEM).decode("ascii")
        s.add(SigningIdentityRow(user_name=CA_NAME, cert_pem=pem, key_wrapped=_wrap_with_store_key(ws, private_key_der(key))))
        ws.log(s, "signing.ca.create", "signing_identity", CA_NAME,
               after={"subject": cert.subject.rfc4514_string(), "serial": format(cert.serial_number, "x"),
                      "sha256": cert.fingerprint(hashes.SHA256()).hex()})
        s.flush()
        return cert

    if session is not None:
        return _do(session)
    with ws.store.session() as s:
        return _do(s)


def ca_certificate_pem(ws: Workspace) -> str:
    """The project CA certificate (PEM) for Party A to trust."""
    return ensure_ca(ws).public_bytes(serialization.Encoding.PEM).decode("ascii")


def ca_fingerprint(ws: Workspace) -> str:
    return ensure_ca(ws).fingerprint(hashes.SHA256()).hex()


def _ca_key(ws: Workspace, s) -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey]:
    cert = ensure_ca(ws, s)
    row = s.get(SigningIdentityRow, CA_NAME)
    key = serialization.load_der_private_key(_unwrap_with_store_key(ws, row.key_wrapped), password=None)
    return cert, key


# -- user identities -----------------------------------------------------------------
def role_label(role: Role | str) -> str:
    return ROLE_LABELS[Role(role)].render("zh_CN")


def issue_identity(ws: Workspace, user: User, passphrase: str, session=None) -> x509.Certificate:
    """Issue (or re-issue) ``user``'s key pair and certificate; the key is wrapped by their passphrase."""
    def _do(s) -> x509.Certificate:
        ca_cert, ca_key = _ca_key(ws, s)
        key = ec.generate_private_key(ec.SECP256R1())
        subject = x509.Name([
            x509.NameAttribute(NameOID.COMMON_NAME, user.display_name or user.name),
            x509.NameAttribute(NameOID.TITLE, role_label(user.role)),
            x509.NameAttribute(NameOID.PSEUDONYM, user.name),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "医保审核工作站 / audit review workstation"),
        ])
        now = _now()
        cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(ca_cert.subject)
                .public_key(key.public_key()).serial_number(x509.random_serial_number())
                .not_valid_before(now - dt.timedelta(days=1))
                .not_valid_after(min(now + dt.timedelta(days=365 * USER_YEARS), ca_cert.not_valid_after_utc))
                .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
                .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True,
                                             key_encipherment=False, data_encipherment=False, key_agreement=False,
                                             key_cert_sign=False, crl_sign=False, encipher_only=False,
                                             decipher_only=False), critical=True)
                .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
                .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
                               critical=False)
                .sign(ca_key, hashes.SHA256()))
        pem = cert.public_bytes(serialization.Encoding.PEM).decode("ascii")
        wrapped = _wrap_with_passphrase(ws, user.name, passphrase, private_key_der(key))
        row = s.get(SigningIdentityRow, user.name)
        before = None
        if row is None:
            s.add(SigningIdentityRow(user_name=user.name, cert_pem=pem, key_wrapped=wrapped))
        else:
            old = x509.load_pem_x509_certificate(row.cert_pem.encode("ascii"))
            before = {"serial": format(old.serial_number, "x")}
            row.cert_pem, row.key_wrapped, row.created_at = pem, wrapped, dt.datetime.now(dt.timezone.utc)
        ws.log(s, "signing.identity.issue", "signing_identity", user.name, before=before,
               after={"user": user.name, "role": user.role.value, "serial": format(cert.serial_number, "x"),
                      "sha256": cert.fingerprint(hashes.SHA256()).hex()})
        s.flush()
        return cert

    if session is not None:
        return _do(session)
    with ws.store.session() as s:
        return _do(s)


def identity_certificate(ws: Workspace, user_name: str) -> x509.Certificate | None:
    with ws.store.read() as s:
        row = s.get(SigningIdentityRow, user_name)
        return x509.load_pem_x509_certificate(row.cert_pem.encode("ascii")) if row else None


def _cert_matches(cert: x509.Certificate, user: User) -> bool:
    def attr(oid):
        vals = cert.subject.get_attributes_for_oid(oid)
        return vals[0].value if vals else None

    return (attr(NameOID.PSEUDONYM) == user.name and attr(NameOID.TITLE) == role_label(user.role)
            and attr(NameOID.COMMON_NAME) == (user.display_name or user.name)
            and cert.not_valid_after_utc > _now() + dt.timedelta(days=30))


@dataclass
class Credential:
    user: User
    cert: x509.Certificate
    key: ec.EllipticCurvePrivateKey
    ca_cert: x509.Certificate


def unlock_credential(ws: Workspace, passphrase: str) -> Credential:
    """The acting user's signing key, unlocked by their passphrase.

    The passphrase is first checked against the user's key slot (so failures are
    counted and locked out as at login). A user without an identity, whose
    identity no longer matches their name or role, or whose passphrase changed
    since it was issued, gets a new one (the old certificate stays valid for the
    signatures it made).
    """
    user = ws.user
    ws.slots.unwrap(user.name, passphrase)  # raises WrongPassphrase / AccountLocked
    with ws.store.read() as s:
        urow = s.execute(select(UserRow).where(UserRow.name == user.name)).scalar_one_or_none()
        if urow is None or not urow.active:
            raise WrongPassphrase()
        user = User(id=urow.id, name=urow.name, role=Role(urow.role), display_name=urow.display_name or urow.name)
        row = s.get(SigningIdentityRow, user.name)
        der = None
        cert = None
        if row is not None:
            cert = x509.load_pem_x509_certificate(row.cert_pem.encode("ascii"))
            der = _unwrap_with_passphrase(ws, user.name, passphrase, row.key_wrapped)
    if der is None or cert is None or not _cert_matches(cert, user):
        cert = issue_identity(ws, user, passphrase)
        with ws.store.read() as s:
            row = s.get(SigningIdentityRow, user.name)
            der = _unwrap_with_passphrase(ws, user.name, passphrase, row.key_wrapped)
    key = serialization.load_der_private_key(der, password=None)
    return Credential(user=user, cert=cert, key=key, ca_cert=ensure_ca(ws))
