"""Signing identities and PAdES signatures, all offline.

* The project certificate authority (row ``__ca__`` of ``signing_identities``)
  is created when a store is created (or lazily, the first time anyone signs in
  a store made without it). Its private key is encrypted with AES-256-GCM under
  a key derived (HKDF-SHA256) from the store key: the store is already
  encrypted, and wrapping it again keeps the CA key out of any plaintext dump of
  the table, while letting an administrator issue certificates for users added
  later without a further secret.
* Each user has an ECDSA P-256 key pair and an X.509 certificate issued by the
  project CA. The private key is encrypted with AES-256-GCM under a key derived
  from the user's passphrase by scrypt (as in store/keyslots.py), so only the
  user can sign.
* Signing and verifying use pyHanko; verification trusts only the project CA
  certificate (exported for Party A) and never fetches anything.
"""
from __future__ import annotations

import base64
import datetime as dt
import io
import json
import secrets
from dataclasses import dataclass, field

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


def _key_der(key: ec.EllipticCurvePrivateKey) -> bytes:
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
        s.add(SigningIdentityRow(user_name=CA_NAME, cert_pem=pem, key_wrapped=_wrap_with_store_key(ws, _key_der(key))))
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
        wrapped = _wrap_with_passphrase(ws, user.name, passphrase, _key_der(key))
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


# -- PAdES ---------------------------------------------------------------------------
def _asn1_cert(cert: x509.Certificate):
    from asn1crypto import x509 as asn1_x509

    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


@dataclass(frozen=True)
class SigField:
    name: str
    page: int  # 0-based
    box: tuple[float, float, float, float]  # x1, y1, x2, y2 in PDF points


def add_empty_fields(pdf: bytes, fields: list[SigField]) -> bytes:
    """Add empty signature fields (an incremental update of the unsigned PDF)."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign.fields import SigFieldSpec, append_signature_field

    w = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    for f in fields:
        append_signature_field(w, SigFieldSpec(sig_field_name=f.name, on_page=f.page, box=f.box))
    out = io.BytesIO()
    w.write(out)
    return out.getvalue()


def sign_pdf(pdf: bytes, cred: Credential, *, field_name: str, stamp_pdf: bytes | None, reason: str,
             certify: bool = False, location: str = "") -> bytes:
    """Sign ``pdf`` in field ``field_name`` as an incremental update (PAdES B-B, offline)."""
    import tempfile
    import os

    from asn1crypto import keys as asn1_keys
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko.sign.fields import MDPPerm, SigSeedSubFilter
    from pyhanko.stamp import StaticStampStyle
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    signer = signers.SimpleSigner(
        signing_cert=_asn1_cert(cred.cert),
        signing_key=asn1_keys.PrivateKeyInfo.load(_key_der(cred.key)),
        cert_registry=SimpleCertificateStore.from_certs([_asn1_cert(cred.ca_cert)]),
    )
    meta = signers.PdfSignatureMetadata(
        field_name=field_name, reason=reason, location=location or None, name=cred.user.display_name,
        md_algorithm="sha256", subfilter=SigSeedSubFilter.PADES, certify=certify,
        docmdp_permissions=MDPPerm.FILL_FORMS,
    )
    stamp_file = None
    try:
        style = None
        if stamp_pdf is not None:
            # pyHanko imports the stamp's appearance from a file; it holds only the
            # signer's name, role and time (no personal data of insured persons).
            fd, stamp_file = tempfile.mkstemp(suffix=".pdf", prefix="ws-stamp-")
            with os.fdopen(fd, "wb") as fh:
                fh.write(stamp_pdf)
            style = StaticStampStyle.from_pdf_file(stamp_file, border_width=0)
        pdf_signer = signers.PdfSigner(meta, signer=signer, stamp_style=style)
        w = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
        out = pdf_signer.sign_pdf(w, existing_fields_only=True)
        return out.getvalue()
    finally:
        if stamp_file:
            try:
                os.unlink(stamp_file)
            except OSError:
                pass


@dataclass
class Verification:
    valid: bool
    signers: list[dict] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"valid": self.valid, "signers": self.signers, "problems": self.problems}


def _name_attr(cert, key: str) -> str | None:
    native = cert.subject.native
    return native.get(key)


def verify_pdf(pdf: bytes, ca_pem: str | bytes, lang: str = "zh_CN") -> Verification:
    """Check every signature against the project CA, offline.

    Valid means: at least one signature; each one intact (the signed bytes are
    unchanged), cryptographically valid, issued by the trusted CA; the last
    signature covers the whole file (nothing appended after it); and earlier
    signatures were followed only by form filling and signing.
    """
    from asn1crypto import x509 as asn1_x509
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation import SignatureCoverageLevel, validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    def t(zh: str, en: str, **kw) -> str:
        return T(zh, en).render(lang, **kw)

    if isinstance(ca_pem, str):
        ca_pem = ca_pem.encode("ascii")
    try:
        ca = x509.load_pem_x509_certificate(ca_pem)
    except ValueError:
        return Verification(False, [], [t("CA 证书无法读取", "the CA certificate cannot be read")])
    trust = asn1_x509.Certificate.load(ca.public_bytes(serialization.Encoding.DER))
    problems: list[str] = []
    signers_out: list[dict] = []
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        sigs = list(reader.embedded_signatures)
    except Exception as exc:  # noqa: BLE001 - any parse failure means the file is not what was signed
        return Verification(False, [], [t("PDF 文件结构损坏，无法读取签名（{kind}）",
                                          "the PDF structure is damaged; signatures cannot be read ({kind})",
                                          kind=type(exc).__name__)])
    if not sigs:
        return Verification(False, [], [t("文件中没有数字签名", "the file has no digital signatures")])
    for i, sig in enumerate(sigs):
        last = i == len(sigs) - 1
        label = sig.field_name or str(i + 1)
        try:
            vc = ValidationContext(trust_roots=[trust], allow_fetching=False, revocation_mode="soft-fail")
            st = validate_pdf_signature(sig, vc)
        except Exception as exc:  # noqa: BLE001
            problems.append(t("签名 {f} 无法校验（{kind}）", "signature {f} cannot be checked ({kind})",
                              f=label, kind=type(exc).__name__))
            continue
        cert = st.signing_cert
        gap_ok = _contents_gap_ok(pdf, sig)
        name = _name_attr(cert, "common_name") or ""
        role = _name_attr(cert, "title") or ""
        signed_at = st.signer_reported_dt.astimezone(dt.timezone.utc).isoformat().replace("+00:00", "Z") \
            if st.signer_reported_dt else None
        signers_out.append({"name": name, "role": role, "signed_at": signed_at})
        if not gap_ok:
            problems.append(t("签名 {f}（{n}）的签名数据区已被改动", "signature {f} ({n}): the signature's own bytes "
                              "were altered", f=label, n=name))
        if not st.intact:
            problems.append(t("签名 {f}（{n}）签署后的内容已被修改（摘要不符）",
                              "signature {f} ({n}): the signed content was modified (digest mismatch)", f=label, n=name))
        elif not st.valid:
            problems.append(t("签名 {f}（{n}）的签名值无效", "signature {f} ({n}): the signature value is invalid",
                              f=label, n=name))
        if st.intact and st.valid and not st.trusted:
            problems.append(t("签名 {f}（{n}）的证书不是由受信任的项目 CA 签发",
                              "signature {f} ({n}): the certificate is not issued by the trusted project CA",
                              f=label, n=name))
        cov = st.coverage
        if last:
            if cov != SignatureCoverageLevel.ENTIRE_FILE:
                problems.append(t("最后一个签名 {f}（{n}）之后文件又被追加了修改（增量更新）",
                                  "the file was changed after the last signature {f} ({n}) (incremental update)",
                                  f=label, n=name))
        else:
            level = st.modification_level
            if cov not in (SignatureCoverageLevel.ENTIRE_REVISION, SignatureCoverageLevel.ENTIRE_FILE) or \
                    level is None or level > ModificationLevel.FORM_FILLING:
                problems.append(t("签名 {f}（{n}）之后的修改不只是签名与填表（{lvl}）",
                                  "signature {f} ({n}) was followed by changes other than signing ({lvl})",
                                  f=label, n=name, lvl=getattr(level, "name", "?")))
    return Verification(not problems, signers_out, problems)


def _contents_gap_ok(pdf: bytes, sig) -> bool:
    """The bytes outside /ByteRange must be exactly ``<hex of the CMS, then zero padding>``.

    pyHanko reads the CMS object and ignores the padding after it, so a changed
    padding byte would otherwise go unnoticed.
    """
    import re

    from asn1crypto import parser

    try:
        a, b, c, _d = (int(x) for x in sig.byte_range)
        gap = pdf[a + b:c]
        if a != 0 or not re.fullmatch(rb"<[0-9A-Fa-f]*>", gap):
            return False
        raw = bytes.fromhex(gap[1:-1].decode("ascii"))
        _cls, _method, _tag, header, contents, _trailer = parser.parse(raw, strict=False)
        return not any(raw[len(header) + len(contents):])
    except Exception:  # noqa: BLE001
        return False
