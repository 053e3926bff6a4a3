"""Review work: units in reviewers' queues, findings, evidence, appeals, second review.

Rows that travel in work packages carry a ``uuid`` so that a merge can tell
the same finding on two laptops apart from two different findings, and a
``version`` counter so that concurrent changes can be detected.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Boolean, ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class ReviewUnitRow(Base):
    __tablename__ = "review_units"
    __table_args__ = (UniqueConstraint("sample_id", "setl_id", name="uq_review_units_sample_setl"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    setl_id: Mapped[str] = mapped_column(ForeignKey("settlements.setl_id"), index=True)
    sample_id: Mapped[int | None] = mapped_column(ForeignKey("samples.id"), nullable=True, index=True)
    source: Mapped[str] = mapped_column(String(16), default="sample")  # sample | flag
    assigned_to: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    submitted: Mapped[bool] = mapped_column(Boolean, default=False)
    decided_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    decided_at: Mapped[dt.datetime | None] = mapped_column(nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class FindingRow(Base):
    __tablename__ = "findings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("review_units.id"), index=True)
    category: Mapped[str] = mapped_column(String(64))  # violation catalog code
    amount: Mapped[int] = mapped_column(BigInteger, default=0)  # fen
    amount_auto: Mapped[int] = mapped_column(BigInteger, default=0)  # sum of the chosen lines
    amount_reason: Mapped[str] = mapped_column(Text, default="")  # why amount != amount_auto
    basis: Mapped[str] = mapped_column(Text, default="")  # policy clause
    note: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="confirmed")  # confirmed | doubtful | withdrawn
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)


class FindingLineRow(Base):
    __tablename__ = "finding_lines"
    finding_id: Mapped[int] = mapped_column(ForeignKey("findings.id"), primary_key=True)
    fee_line_id: Mapped[int] = mapped_column(ForeignKey("fee_lines.id"), primary_key=True)


class EvidenceRow(Base):
    """An attached file, kept only inside the encrypted store."""

    __tablename__ = "evidence"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    finding_id: Mapped[int] = mapped_column(ForeignKey("findings.id"), index=True)
    file_name: Mapped[str] = mapped_column(String(512))
    mime: Mapped[str] = mapped_column(String(128))
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    added_by: Mapped[str] = mapped_column(String(64))
    added_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)


class AppealRow(Base):
    __tablename__ = "appeals"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    finding_id: Mapped[int] = mapped_column(ForeignKey("findings.id"), index=True)
    institution_code: Mapped[str] = mapped_column(String(64), default="")
    sent_on: Mapped[dt.date] = mapped_column()
    working_days: Mapped[int] = mapped_column(Integer)
    deadline: Mapped[dt.date] = mapped_column()
    status: Mapped[str] = mapped_column(String(24), default="open")  # open | answered | confirmed_silence | closed
    answer: Mapped[str] = mapped_column(Text, default="")
    answered_on: Mapped[dt.date | None] = mapped_column(nullable=True)
    outcome: Mapped[str | None] = mapped_column(String(24), nullable=True)  # upheld | withdrawn | adjusted
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class SecondReviewRow(Base):
    __tablename__ = "second_reviews"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("review_units.id"), index=True)
    quarter: Mapped[str] = mapped_column(String(8))  # 2025Q1
    check_kind: Mapped[str] = mapped_column(String(32), default="")  # e.g. manual-reimbursement-10pct
    reviewer: Mapped[str] = mapped_column(String(64))
    agree: Mapped[bool | None] = mapped_column(Boolean, nullable=True)  # None = not yet checked
    reason: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[dt.datetime | None] = mapped_column(nullable=True)
