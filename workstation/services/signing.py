"""Signing, all offline, under one name: identities (``signing_keys``) and PAdES (``signing_pdf``).

* ``signing_keys``: the project CA (created with the store, its key wrapped by
  the store key) and each user's key pair and certificate (the key wrapped by
  the user's passphrase); unlocking a user's credential.
* ``signing_pdf``: empty signature fields, PAdES B-B signatures as incremental
  updates, and verification that trusts only the project CA and fetches nothing.
"""
from __future__ import annotations

from .signing_keys import (
    CA_NAME, CA_YEARS, SIG_FORMAT, USER_YEARS, Credential, ca_certificate_pem, ca_fingerprint, ensure_ca, has_ca,
    identity_certificate, issue_identity, private_key_der, role_label, unlock_credential,
)
from .signing_pdf import SigField, Verification, add_empty_fields, sign_pdf, verify_pdf

__all__ = [
    "CA_NAME", "CA_YEARS", "SIG_FORMAT", "USER_YEARS", "Credential", "SigField", "Verification", "add_empty_fields",
    "ca_certificate_pem", "ca_fingerprint", "ensure_ca", "has_ca", "identity_certificate", "issue_identity",
    "private_key_der", "role_label", "sign_pdf", "unlock_credential", "verify_pdf",
]
