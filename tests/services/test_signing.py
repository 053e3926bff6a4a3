"""Signing identities (project CA, user certificates, wrapped keys) and PAdES sign/verify."""
from __future__ import annotations

import io
import json

import pytest
from cryptography import x509
from cryptography.x509.oid import NameOID
from reportlab.platypus import Paragraph

from tests.support.stores import FAST_KDF, PASSPHRASES, login, new_store
from workstation.core.errors import WrongPassphrase
from workstation.services import auth_service, pdf_common, signing
from workstation.store.models.dossier import SigningIdentityRow


def _blank_pdf() -> bytes:
    pdf = pdf_common.build_pdf([Paragraph("签名测试页", pdf_common.styles().body)], title="t")
    return signing.add_empty_fields(pdf, [signing.SigField("Preparer", 0, (60, 400, 280, 480)),
                                          signing.SigField("Approver", 0, (300, 400, 520, 480))])


def _signed_twice(ws, as_user) -> bytes:
    rv, sv = as_user("reviewer"), as_user("supervisor")
    p1 = signing.sign_pdf(_blank_pdf(), signing.unlock_credential(rv, PASSPHRASES["reviewer"]),
                          field_name="Preparer", stamp_pdf=None, reason="t", certify=True)
    return signing.sign_pdf(p1, signing.unlock_credential(sv, PASSPHRASES["supervisor"]),
                            field_name="Approver", stamp_pdf=None, reason="t")


def test_creating_a_store_and_adding_a_user_issue_the_ca_and_each_users_certificate(tmp_path):
    ws = auth_service.create_store(tmp_path / "s.db", "boss", "pw-boss", kdf=FAST_KDF, display_name="张主任")
    try:
        auth_service.add_user(ws, "li", "reviewer", "pw-li", display_name="李审核", kdf=FAST_KDF)
        ca = x509.load_pem_x509_certificate(signing.ca_certificate_pem(ws).encode())
        assert ca.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
        cert = signing.identity_certificate(ws, "li")
        assert cert.issuer == ca.subject
        assert cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "李审核"
        assert cert.subject.get_attributes_for_oid(NameOID.TITLE)[0].value == "审核员"
        cert.verify_directly_issued_by(ca)
        assert signing.identity_certificate(ws, "boss") is not None
        with ws.store.read() as s:
            rows = {r.user_name: r.key_wrapped for r in s.query(SigningIdentityRow)}
        # private keys are stored only encrypted: no PKCS#8 DER/PEM marker, an AEAD envelope instead
        for text in rows.values():
            assert json.loads(text)["aead"] == "AES-256-GCM" and "PRIVATE KEY" not in text
        assert json.loads(rows["li"])["kdf"]["name"] == "scrypt"
        actions = [e for e in _events(ws) if e.startswith("signing.")]
        assert actions.count("signing.ca.create") == 1 and actions.count("signing.identity.issue") == 2
    finally:
        ws.close()


def _events(ws) -> list[str]:
    from workstation.store.models.identity import EventRow

    with ws.store.read() as s:
        return [e.action for e in s.query(EventRow).order_by(EventRow.seq)]


def test_wrong_passphrase_does_not_unlock_the_signing_key(ws, as_user):
    rv = as_user("reviewer")
    with pytest.raises(WrongPassphrase):
        signing.unlock_credential(rv, "not-it")
    assert signing.identity_certificate(ws, "reviewer") is None  # nothing issued on failure


def test_identity_is_issued_lazily_and_reissued_after_a_passphrase_change(ws, as_user):
    rv = as_user("reviewer")
    first = signing.unlock_credential(rv, PASSPHRASES["reviewer"]).cert
    again = signing.unlock_credential(rv, PASSPHRASES["reviewer"]).cert
    assert first.serial_number == again.serial_number
    auth_service.change_passphrase(rv, PASSPHRASES["reviewer"], "new-pass")
    renewed = signing.unlock_credential(rv, "new-pass").cert
    assert renewed.serial_number != first.serial_number  # old key was wrapped by the old passphrase


def test_two_signatures_verify_and_name_both_signers(ws, as_user):
    pdf = _signed_twice(ws, as_user)
    res = signing.verify_pdf(pdf, signing.ca_certificate_pem(ws), "en")
    assert res.valid, res.problems
    assert [(s["name"], s["role"]) for s in res.signers] == [("reviewer", "审核员"), ("supervisor", "审核组长")]
    assert all(s["signed_at"].endswith("Z") for s in res.signers)


@pytest.mark.parametrize("where", [0.05, 0.3, 0.6, 0.8, 0.95, 0.99])
def test_one_changed_byte_is_reported(ws, as_user, where):
    pdf = bytearray(_signed_twice(ws, as_user))
    i = int(len(pdf) * where)
    pdf[i] = (pdf[i] + 1) % 256
    res = signing.verify_pdf(bytes(pdf), signing.ca_certificate_pem(ws), "en")
    assert not res.valid
    assert res.problems and all(isinstance(p, str) and p for p in res.problems)


def test_an_appended_incremental_update_is_reported(ws, as_user):
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    pdf = _signed_twice(ws, as_user)
    w = IncrementalPdfFileWriter(io.BytesIO(pdf))
    w.root["/Lang"] = generic.TextStringObject("en")
    w.update_root()
    out = io.BytesIO()
    w.write(out)
    res = signing.verify_pdf(out.getvalue(), signing.ca_certificate_pem(ws), "en")
    assert not res.valid
    assert any("after the last signature" in p for p in res.problems), res.problems


def test_a_certificate_from_another_project_is_untrusted(ws, as_user, tmp_path):
    other = new_store(tmp_path / "other")
    try:
        pdf = _signed_twice(ws, as_user)
        res = signing.verify_pdf(pdf, signing.ca_certificate_pem(other), "en")
        assert not res.valid
        assert any("not issued by the trusted project CA" in p for p in res.problems)
    finally:
        other.close()


def test_unsigned_pdf_is_not_valid(ws):
    res = signing.verify_pdf(_blank_pdf(), signing.ca_certificate_pem(ws), "zh_CN")
    assert not res.valid and res.problems == ["文件中没有数字签名"]




def test_any_single_byte_change_invalidates(ws, as_user):
    """Property: flipping any bits of any one byte of a signed dossier makes it invalid."""
    from hypothesis import HealthCheck, given, settings, strategies as st

    pdf = _signed_twice(ws, as_user)
    ca = signing.ca_certificate_pem(ws)

    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(pos=st.integers(0, len(pdf) - 1), flip=st.integers(1, 255))
    def check(pos, flip):
        b = bytearray(pdf)
        b[pos] ^= flip
        assert not signing.verify_pdf(bytes(b), ca, "en").valid

    check()
