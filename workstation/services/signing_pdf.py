"""PAdES signatures on dossier PDFs, all offline: empty fields, signing, verifying.

Signing and verifying use pyHanko; verification trusts only the project CA
certificate (exported for Party A) and never fetches anything.
"""
from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from ..core.i18n import T
from .signing_keys import Credential, private_key_der

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
        signing_key=asn1_keys.PrivateKeyInfo.load(private_key_der(cred.key)),
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
        der = raw[:len(header) + len(contents)]
        if any(raw[len(der):]):
            return False
        return _cms_is_canonical(der)
    except Exception:  # noqa: BLE001
        return False


def _cms_is_canonical(der: bytes) -> bool:
    """The CMS envelope holds fields no signature covers (the SignedData's list of digest
    algorithms, say): a flipped bit there leaves the signature valid. Accept only the
    envelope this program writes: canonical DER, and digest algorithms exactly those of
    its signers."""
    from asn1crypto import cms

    try:
        info = cms.ContentInfo.load(der, strict=True)
        if info.dump(force=True) != der:
            return False
        sd = info["content"]
        if sd["version"].native != "v1" or any(si["version"].native != "v1" for si in sd["signer_infos"]):
            return False
        listed = sorted(a.dump() for a in sd["digest_algorithms"])
        used = sorted({si["digest_algorithm"].dump() for si in sd["signer_infos"]})
        return listed == used
    except Exception:  # noqa: BLE001
        return False
