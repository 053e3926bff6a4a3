"""On-site inspections (现场检查): the visit, its records (现场检查笔录, 询问笔录)
and their attachments (photos, scans, signatures).

A record is sealed once signed: its hash is kept here and in the event log, and
(on a local store) triggers refuse any later UPDATE or DELETE of the record and
any change to its attachments. A correction is a new record pointing at the old.
"""
from __future__ import annotations

from sqlalchemy import BigInteger, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class InspectionRow(Base):
    __tablename__ = "inspections"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    institution_code: Mapped[str] = mapped_column(String(64), index=True)
    institution_name: Mapped[str] = mapped_column(String(256), default="")
    date: Mapped[str] = mapped_column(String(10), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # routine | special | flying | cross
    team: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of user names
    leads: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of {"setl_id", "note"}
    note: Mapped[str] = mapped_column(Text, default="")
    assigned_to: Mapped[str] = mapped_column(String(64), default="")  # who carries it (work packages)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[str] = mapped_column(String(19))
    updated_at: Mapped[str] = mapped_column(String(19))
    version: Mapped[int] = mapped_column(Integer, default=1)


class InspectionRecordRow(Base):
    __tablename__ = "inspection_records"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    inspection_id: Mapped[int] = mapped_column(ForeignKey("inspections.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # site | interview
    number: Mapped[str] = mapped_column(String(64))  # e.g. XJ-2025-0001-02
    content: Mapped[str] = mapped_column(Text, default="{}")  # JSON: the form's fields
    status: Mapped[str] = mapped_column(String(16), default="draft")  # draft | sealed
    corrects_id: Mapped[int | None] = mapped_column(ForeignKey("inspection_records.id"), nullable=True)
    seal_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    sealed_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    sealed_at: Mapped[str | None] = mapped_column(String(19), nullable=True)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[str] = mapped_column(String(19))
    updated_at: Mapped[str] = mapped_column(String(19))
    version: Mapped[int] = mapped_column(Integer, default=1)


class InspectionAttachmentRow(Base):
    """A photo or scan (evidence), a captured signature, or a photo of the signed paper."""

    __tablename__ = "inspection_attachments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("inspection_records.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # evidence | signature | signed_paper
    signer_role: Mapped[str] = mapped_column(String(32), default="")  # interviewee | inspector | recorder | ...
    file_name: Mapped[str] = mapped_column(String(512))
    mime: Mapped[str] = mapped_column(String(128))
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    added_by: Mapped[str] = mapped_column(String(64))
    added_at: Mapped[str] = mapped_column(String(19))
