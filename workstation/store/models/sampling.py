"""Samples: immutable once drawn (triggers in the migration refuse changes)."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class SampleRow(Base):
    __tablename__ = "samples"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)  # shown to people, e.g. S-2025-0001
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64))
    preset: Mapped[str | None] = mapped_column(String(64), nullable=True)
    method: Mapped[str] = mapped_column(String(16))
    seed: Mapped[str] = mapped_column(String(128))
    filter: Mapped[str] = mapped_column(Text)  # JSON
    params: Mapped[str] = mapped_column(Text)  # JSON: rate/size/strata/amount_field
    frame_size: Mapped[int] = mapped_column(Integer)
    frame_sha256: Mapped[str] = mapped_column(String(64))
    sample_size: Mapped[int] = mapped_column(Integer)
    excluded: Mapped[str] = mapped_column(Text, default="[]")  # pps: ids left out (amount <= 0)
    note: Mapped[str] = mapped_column(Text, default="")


class SampleStratumRow(Base):
    __tablename__ = "sample_strata"
    sample_id: Mapped[int] = mapped_column(ForeignKey("samples.id"), primary_key=True)
    stratum: Mapped[str] = mapped_column(String(256), primary_key=True)
    frame_size: Mapped[int] = mapped_column(Integer)
    sample_size: Mapped[int] = mapped_column(Integer)


class SampleUnitRow(Base):
    __tablename__ = "sample_units"
    sample_id: Mapped[int] = mapped_column(ForeignKey("samples.id"), primary_key=True)
    setl_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    stratum: Mapped[str] = mapped_column(String(256), default="")
    hits: Mapped[int] = mapped_column(Integer, default=1)
    rank: Mapped[int] = mapped_column(Integer, default=0)  # position in the random order
