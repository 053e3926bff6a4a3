"""The team: staff, certificates, staff changes, attendance, training."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..personal import Personal
from .base import Base, utcnow


class StaffRow(Base):
    __tablename__ = "staff"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    staff_no: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(Personal(128))  # sealed on the server
    certno: Mapped[str | None] = mapped_column(Personal(32, deterministic=True), nullable=True)
    birth_date: Mapped[dt.date | None] = mapped_column(nullable=True)
    qualification: Mapped[str] = mapped_column(String(16), default="other")  # medical|pharmacy|finance|it|law|other
    post: Mapped[str] = mapped_column(String(64), default="")
    centre: Mapped[str] = mapped_column(String(64), default="市级")
    education: Mapped[str] = mapped_column(String(32), default="")
    education_exception: Mapped[str] = mapped_column(Text, default="")  # recorded reason to relax the degree term
    start_date: Mapped[dt.date | None] = mapped_column(nullable=True)
    end_date: Mapped[dt.date | None] = mapped_column(nullable=True)
    extra: Mapped[str | None] = mapped_column(Text, nullable=True)
    row_digest: Mapped[str] = mapped_column(String(64), default="")
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(64), default="")


class CertificateRow(Base):
    __tablename__ = "staff_certificates"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), index=True)
    name: Mapped[str] = mapped_column(String(256))
    expiry: Mapped[dt.date | None] = mapped_column(nullable=True)


class StaffChangeRow(Base):
    __tablename__ = "staff_changes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    leaving_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), nullable=True)
    joining: Mapped[str] = mapped_column(Text, default="{}")  # JSON of the joining person's record
    reason: Mapped[str] = mapped_column(Text, default="")
    notice_date: Mapped[dt.date] = mapped_column()
    planned_date: Mapped[dt.date | None] = mapped_column(nullable=True)
    status: Mapped[str] = mapped_column(String(16), default="requested")  # requested|approved|rejected|effective
    requested_by: Mapped[str] = mapped_column(String(64))
    requested_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    approved_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    approved_at: Mapped[dt.datetime | None] = mapped_column(nullable=True)
    approval_ref: Mapped[str] = mapped_column(Text, default="")  # Party A's written approval reference
    effective_date: Mapped[dt.date | None] = mapped_column(nullable=True)


class AttendanceRow(Base):
    __tablename__ = "attendance"
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), primary_key=True)
    day: Mapped[dt.date] = mapped_column(primary_key=True)
    status: Mapped[str] = mapped_column(String(16))  # present|leave|trip|inspection|absent|rest
    updated_by: Mapped[str] = mapped_column(String(64), default="")
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class TrainingSessionRow(Base):
    __tablename__ = "training_sessions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[dt.date] = mapped_column()
    topic: Mapped[str] = mapped_column(String(256))
    notes: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(64), default="")


class TrainingAttendanceRow(Base):
    __tablename__ = "training_attendance"
    session_id: Mapped[int] = mapped_column(ForeignKey("training_sessions.id"), primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), primary_key=True)
    present: Mapped[bool] = mapped_column(Boolean, default=True)
