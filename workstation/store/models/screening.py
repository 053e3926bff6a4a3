"""Screening: rule runs and the flags they leave."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class ScreenRunRow(Base):
    __tablename__ = "screen_runs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    user: Mapped[str] = mapped_column(String(64))
    rules: Mapped[str] = mapped_column(Text)  # JSON list of rule ids
    params: Mapped[str] = mapped_column(Text, default="{}")  # JSON of the parameters used
    summary: Mapped[str] = mapped_column(Text, default="{}")


class FlagRow(Base):
    __tablename__ = "flags"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rule_id: Mapped[str] = mapped_column(String(64), index=True)
    setl_id: Mapped[str] = mapped_column(ForeignKey("settlements.setl_id"), index=True)
    fee_line_id: Mapped[int | None] = mapped_column(ForeignKey("fee_lines.id"), nullable=True, index=True)
    feedetl_sn: Mapped[str | None] = mapped_column(String(64), nullable=True)
    amount: Mapped[int] = mapped_column(BigInteger, default=0)  # fen, may be negative
    params: Mapped[str] = mapped_column(Text, default="{}")  # JSON: numbers named in the explanation
    run_id: Mapped[int | None] = mapped_column(ForeignKey("screen_runs.id"), nullable=True)
