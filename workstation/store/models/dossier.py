"""Dossiers (卷宗) and the signing identities behind them."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class SigningIdentityRow(Base):
    """A user's X.509 certificate (issued by the project CA) and encrypted private key.

    The project CA itself is the row with user_name '__ca__'.
    """

    __tablename__ = "signing_identities"
    user_name: Mapped[str] = mapped_column(String(64), primary_key=True)
    cert_pem: Mapped[str] = mapped_column(Text)
    key_wrapped: Mapped[str] = mapped_column(Text)  # JSON: KDF params, nonce, ciphertext (base64)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class DossierRow(Base):
    __tablename__ = "dossiers"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(64), index=True)  # 卷宗编号, shared by revisions
    revision: Mapped[int] = mapped_column(Integer, default=1)
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("dossiers.id"), nullable=True)
    institution_code: Mapped[str | None] = mapped_column(String(64), nullable=True)
    period_from: Mapped[dt.date | None] = mapped_column(nullable=True)
    period_to: Mapped[dt.date | None] = mapped_column(nullable=True)
    sample_id: Mapped[int | None] = mapped_column(ForeignKey("samples.id"), nullable=True)
    title: Mapped[str] = mapped_column(String(512), default="")
    status: Mapped[str] = mapped_column(String(16), default="draft")  # draft|submitted|approved|locked
    preparer: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    submitted_at: Mapped[dt.datetime | None] = mapped_column(nullable=True)
    approver: Mapped[str | None] = mapped_column(String(64), nullable=True)
    approved_at: Mapped[dt.datetime | None] = mapped_column(nullable=True)
    comments: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of {by, at, text}
    snapshot: Mapped[str] = mapped_column(Text, default="{}")  # JSON of the content compiled
    pdf: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    pdf_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    pages: Mapped[int] = mapped_column(Integer, default=0)


class DossierFindingRow(Base):
    __tablename__ = "dossier_findings"
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id"), primary_key=True)
    finding_id: Mapped[int] = mapped_column(ForeignKey("findings.id"), primary_key=True)
